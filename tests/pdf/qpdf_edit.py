"""Edits a PDF through qpdf's JSON (qpdf 11: --json=2 out, --json-input back in), for the checkers'
own tests: the good sample and its broken variants. Stream data stays as written (no decoding)
unless a test replaces it.
"""
import base64
import json
import os
import subprocess
import tempfile
import zlib


class Doc:
    def __init__(self, path):
        r = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                            "--decode-level=none", path], capture_output=True, check=True)
        self.head, self.objs = json.loads(r.stdout)["qpdf"]

    def value(self, ref):
        o = self.objs["obj:" + ref]
        return o["stream"]["dict"] if "stream" in o else o["value"]

    def set_value(self, ref, value):
        self.objs["obj:" + ref] = {"value": value}

    def trailer(self):
        return self.objs["trailer"]["value"]

    def catalog(self):
        return self.value(self.trailer()["/Root"])

    def stream_bytes(self, ref):
        s = self.objs["obj:" + ref]["stream"]
        data = base64.b64decode(s.get("data", ""))
        return zlib.decompress(data) if s["dict"].get("/Filter") == "/FlateDecode" else data

    def set_stream(self, ref, data, **keys):
        d = {k: v for k, v in self.objs.get("obj:" + ref, {}).get("stream", {}).get("dict", {}).items()
             if k not in ("/Filter", "/DecodeParms", "/Length")}
        d.update({"/" + k: v for k, v in keys.items()})
        self.objs["obj:" + ref] = {"stream": {"dict": d, "data": base64.b64encode(data).decode()}}

    def add(self, value=None, stream=None, **keys):
        n = max(int(k.split()[0][4:]) for k in self.objs if k.startswith("obj:")) + 1
        ref = "%d 0 R" % n
        if stream is not None:
            self.set_stream(ref, stream, **keys)
        else:
            self.set_value(ref, value)
        self.head["maxobjectid"] = n
        return ref

    def pages(self):
        out = []

        def walk(ref):
            node = self.value(ref)
            if node.get("/Type") == "/Pages":
                for k in node["/Kids"]:
                    walk(k)
            else:
                out.append(ref)
        walk(self.catalog()["/Pages"])
        return out

    def save(self, path, version="1.7"):
        self.head["pdfversion"] = version
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({"qpdf": [self.head, self.objs]}, f)
        try:
            subprocess.run(["qpdf", "--json-input", "--compress-streams=n", "--decode-level=none",
                            "--newline-before-endstream", "--static-id", "--min-version=" + version,
                            f.name, path], check=True)
        finally:
            os.unlink(f.name)


def u(s):
    """A text string value for qpdf's JSON."""
    return "u:" + s
