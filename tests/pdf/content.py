"""A content stream as (operator, operands) pairs (ISO 32000-1 §7.8.2, §8.9.7 inline images).

Operands: numbers as int/float, names as "/Name" str, strings as bytes, arrays as lists,
dictionaries as dicts keyed "/Name". Our own small reader: the checks need operators in order,
their string operands' bytes, and the marked-content property lists.
"""
import re

WHITE = b" \t\r\n\f\x00"
DELIM = b"()<>[]{}/%"
NUMBER = re.compile(rb"^[+-]?(\d+\.?\d*|\.\d+)$")


class ContentError(Exception):
    pass


class _Reader:
    def __init__(self, data):
        self.d = data
        self.i = 0

    def skip_space(self):
        d, n = self.d, len(self.d)
        while self.i < n:
            c = d[self.i]
            if c in WHITE:
                self.i += 1
            elif c == 0x25:  # % comment to the line's end
                while self.i < n and d[self.i] not in b"\r\n":
                    self.i += 1
            else:
                break

    def token(self):
        """The next object or operator; ('op', b'Tj') for operators, None at the end."""
        self.skip_space()
        d = self.d
        if self.i >= len(d):
            return None
        c = d[self.i:self.i + 1]
        if c == b"(":
            return self.literal()
        if c == b"<":
            if d[self.i + 1:self.i + 2] == b"<":
                self.i += 2
                return self.dictionary()
            return self.hexstring()
        if c == b"[":
            self.i += 1
            return self.array()
        if c == b"/":
            self.i += 1
            start = self.i
            while self.i < len(d) and d[self.i] not in WHITE and d[self.i] not in DELIM:
                self.i += 1
            return "/" + re.sub(rb"#([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]),
                                d[start:self.i]).decode("latin-1")
        if c in (b"]", b">", b")", b"}", b"{"):
            self.i += 1
            return ("op", c)
        start = self.i
        while self.i < len(d) and d[self.i] not in WHITE and d[self.i] not in DELIM:
            self.i += 1
        word = d[start:self.i]
        if NUMBER.match(word):
            return float(word) if b"." in word else int(word)
        if word == b"true":
            return True
        if word == b"false":
            return False
        if word == b"null":
            return None
        return ("op", word)

    def literal(self):
        d, out, depth = self.d, bytearray(), 0
        self.i += 1
        escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
        while self.i < len(d):
            c = d[self.i]
            self.i += 1
            if c == 0x5C:  # backslash
                if self.i >= len(d):
                    break
                e = d[self.i]
                self.i += 1
                if e in escapes:
                    out.append(escapes[e])
                elif 0x30 <= e <= 0x37:
                    digits = bytes([e])
                    while len(digits) < 3 and self.i < len(d) and 0x30 <= d[self.i] <= 0x37:
                        digits += d[self.i:self.i + 1]
                        self.i += 1
                    out.append(int(digits, 8) & 0xFF)
                elif e == 0x0D:
                    if self.i < len(d) and d[self.i] == 0x0A:
                        self.i += 1
                elif e != 0x0A:
                    out.append(e)
            elif c == 0x28:
                depth += 1
                out.append(c)
            elif c == 0x29:
                if depth == 0:
                    return bytes(out)
                depth -= 1
                out.append(c)
            else:
                out.append(c)
        raise ContentError("unterminated string")

    def hexstring(self):
        end = self.d.find(b">", self.i)
        if end < 0:
            raise ContentError("unterminated hex string")
        digits = re.sub(rb"\s", b"", self.d[self.i + 1:end])
        self.i = end + 1
        if len(digits) % 2:
            digits += b"0"
        return bytes.fromhex(digits.decode("latin-1"))

    def array(self):
        out = []
        while True:
            t = self.token()
            if t is None:
                raise ContentError("unterminated array")
            if t == ("op", b"]"):
                return out
            out.append(t)

    def dictionary(self):
        out, key = {}, None
        while True:
            self.skip_space()
            if self.d[self.i:self.i + 2] == b">>":
                self.i += 2
                return out
            t = self.token()
            if t is None:
                raise ContentError("unterminated dictionary")
            if key is None:
                if not isinstance(t, str):
                    raise ContentError("a dictionary key that is no name")
                key = t
            else:
                out[key] = t
                key = None

    def inline_image(self):
        """Skips BI's dictionary, ID and the data up to EI (whitespace on both sides)."""
        params = {}
        while True:
            t = self.token()
            if t is None:
                raise ContentError("BI without ID")
            if t == ("op", b"ID"):
                break
            v = self.token()
            params[t] = v
        self.i += 1
        m = re.compile(rb"[\s]EI(?=[\s]|$)").search(self.d, self.i)
        if not m:
            raise ContentError("inline image without EI")
        self.i = m.end()
        return params


def operations(data):
    """Yields (operator str, [operands]) in stream order."""
    r = _Reader(data)
    operands = []
    while True:
        t = r.token()
        if t is None:
            break
        if isinstance(t, tuple):
            op = t[1].decode("latin-1")
            if op == "BI":
                yield "BI", [r.inline_image()]
            else:
                yield op, operands
            operands = []
        else:
            operands.append(t)
    if operands:
        raise ContentError("operands without an operator at the end")


TEXT_SHOW = {"Tj", "TJ", "'", '"'}
PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh"}
XOBJECT = {"Do", "BI"}


def shown_strings(op, operands):
    """The strings a text-showing operator shows."""
    if op == "TJ" and operands and isinstance(operands[-1], list):
        return [x for x in operands[-1] if isinstance(x, bytes)]
    if op in TEXT_SHOW and operands and isinstance(operands[-1], bytes):
        return [operands[-1]]
    return []
