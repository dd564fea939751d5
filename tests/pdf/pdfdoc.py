"""A PDF read through qpdf's JSON (qpdf 11, --json=2), never through zapros' own structures.

Values are qpdf's JSON values: dicts keyed "/Name", names "/X", strings "u:text" or "b:hex",
references "N G R", numbers, booleans, null. Streams are decoded where qpdf can
(--decode-level=generalized: Flate, LZW, ASCII filters), so content streams, CMaps and the XMP
arrive as bytes.
"""
import base64
import json
import re
import subprocess

REF = re.compile(r"^(\d+) (\d+) R$")


class PdfError(Exception):
    """The file cannot be read at all (qpdf refused it)."""


def qpdf_json(path, *extra):
    """qpdf's JSON for path, or PdfError with qpdf's own message."""
    cmd = ["qpdf", "--json=2", "--json-key=qpdf", *extra, path]
    r = subprocess.run(cmd, capture_output=True, check=False)
    if r.returncode not in (0, 3):  # 3: warnings, still a JSON
        raise PdfError(r.stderr.decode("utf-8", "replace").strip() or "qpdf failed")
    return json.loads(r.stdout)["qpdf"]


class Stream:
    """A stream object: its dictionary and its (decoded where possible) bytes."""

    def __init__(self, key, dictionary, data):
        self.key = key
        self.dict = dictionary
        self.data = data

    def get(self, name, default=None):
        return self.dict.get(name, default)


class Pdf:
    def __init__(self, path):
        self.path = path
        head, objects = qpdf_json(path, "--json-stream-data=inline", "--decode-level=generalized")
        self.version = head.get("pdfversion", "")
        self.objects = {}
        self.trailer = objects.get("trailer", {}).get("value", {})
        for key, obj in objects.items():
            if not key.startswith("obj:"):
                continue
            ref = key[4:]
            if "stream" in obj:
                s = obj["stream"]
                raw = base64.b64decode(s.get("data", "")) if "data" in s else b""
                self.objects[ref] = Stream(ref, s.get("dict", {}), raw)
            else:
                self.objects[ref] = obj.get("value")
        with open(path, "rb") as f:
            self.head_bytes = f.read(64)
        self._pages = None
        self.tree_faults = []  # number and name trees read out of order (ISO 32000-1 §7.9.6/7)

    # Values -------------------------------------------------------------------------------
    def resolve(self, value):
        """The object a reference names (None for a dangling one); other values as they are."""
        seen = 0
        while isinstance(value, str) and REF.match(value) and seen < 32:
            value = self.objects.get(value)
            seen += 1
        return value

    def get(self, obj, key, default=None):
        obj = self.resolve(obj)
        if isinstance(obj, Stream):
            obj = obj.dict
        if not isinstance(obj, dict):
            return default
        v = self.resolve(obj.get(key))
        return default if v is None else v

    def raw_stream_dict(self, ref):
        """The stream's dictionary as written (filters included), for the rules about filters."""
        obj_id = REF.match(ref).group(1)
        _, objects = qpdf_json(self.path, "--json-stream-data=none", "--json-object=" + obj_id)
        return objects.get("obj:" + ref, {}).get("stream", {}).get("dict", {})

    # Pages --------------------------------------------------------------------------------
    def pages(self):
        """[(ref, page dict)] in order, walking /Kids from the catalog."""
        if self._pages is None:
            self._pages = []
            root = self.get(self.trailer, "/Root") or {}
            self._walk_pages(root.get("/Pages"), 0, None)
        return self._pages

    def _walk_pages(self, ref, depth, resources):
        node = self.resolve(ref)
        if not isinstance(node, dict) or depth > 64:
            return
        resources = node.get("/Resources", resources)  # inherited from /Pages (ISO 32000-1 §7.7.3.4)
        if node.get("/Type") == "/Page" or "/Kids" not in node:
            if "/Resources" not in node and resources is not None:
                node = dict(node, **{"/Resources": resources})
            self._pages.append((ref, node))
            return
        for kid in node.get("/Kids", []):
            self._walk_pages(kid, depth + 1, resources)

    def catalog(self):
        return self.get(self.trailer, "/Root") or {}

    def content(self, page):
        """A page's content streams, joined as the PDF says they are (one stream)."""
        contents = self.resolve(page.get("/Contents"))
        streams = contents if isinstance(contents, list) else [page.get("/Contents")]
        parts = []
        for s in streams:
            s = self.resolve(s)
            if isinstance(s, Stream):
                parts.append(s.data)
        return b"\n".join(parts)

    def resources(self, page):
        return self.get(page, "/Resources") or {}

    # Trees --------------------------------------------------------------------------------
    def number_tree(self, node):
        """{key: value} of a number tree (/Nums, /Kids)."""
        out = {}
        self._tree(node, "/Nums", out, 0)
        return out

    def name_tree(self, node):
        """{key: value} of a name tree (/Names, /Kids); keys as text."""
        out = {}
        self._tree(node, "/Names", out, 0)
        return {text(k): v for k, v in out.items()}

    def _tree(self, node, leaf, out, depth):
        node = self.resolve(node)
        if not isinstance(node, dict) or depth > 32:
            return
        pairs = self.resolve(node.get(leaf)) or []
        keys = pairs[0::2]
        if leaf == "/Nums" and keys != sorted(k for k in keys if isinstance(k, int)):
            self.tree_faults.append("number tree keys are not ascending integers: %s" % keys[:12])
        for i in range(0, len(pairs) - 1, 2):
            out[pairs[i]] = pairs[i + 1]
        for kid in self.resolve(node.get("/Kids")) or []:
            self._tree(kid, leaf, out, depth + 1)


def is_ref(value):
    return isinstance(value, str) and bool(REF.match(value))


def text(value):
    """A PDF string value as text: u: as it is, b: as UTF-16BE (with its BOM) or Latin-1."""
    if not isinstance(value, str):
        return ""
    if value.startswith("u:"):
        return value[2:]
    if value.startswith("b:"):
        raw = bytes.fromhex(value[2:])
        if raw[:2] == b"\xfe\xff":
            return raw[2:].decode("utf-16-be", "replace")
        return raw.decode("latin-1")
    return value


def string_bytes(value):
    """A PDF string value as the bytes it holds."""
    if isinstance(value, str) and value.startswith("b:"):
        return bytes.fromhex(value[2:])
    if isinstance(value, str) and value.startswith("u:"):
        t = value[2:]
        try:
            return t.encode("latin-1")
        except UnicodeEncodeError:
            return b"\xfe\xff" + t.encode("utf-16-be")
    return b""
