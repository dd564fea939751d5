#!/usr/bin/env python3
"""Reads an .eml with Python's email package (an implementation independent of ours) and prints
what a mail client would show, as JSON: the headers decoded, the text part decoded, and each
attachment's name, type, size and SHA-256. Exits 1 when the parser reports a defect.

Usage: read_eml.py FILE.eml
"""
import email
import email.header
import email.policy
import email.utils
import hashlib
import json
import sys


def mailboxes(msg, name):
    """The mailboxes of a header: the addresses as the parser of policy.default reads them, each
    display name decoded by email.header, which follows RFC 2047 section 6.2 (the white space
    between adjacent encoded words is dropped). The address parser of Python 3.11 keeps it as a
    space inside a display name of several encoded words (its own output reads back so too)."""
    header = msg[name]
    if header is None:
        return None
    raw = "".join(v for k, v in msg.raw_items() if k.lower() == name.lower()).replace("\r\n", "").replace("\n", "")
    pairs = email.utils.getaddresses([raw])
    if [p[1] for p in pairs] != [a.addr_spec for a in header.addresses]:
        raise SystemExit(f"{name}: the two parsers disagree: {pairs} {header.addresses}")
    return [{"name": str(email.header.make_header(email.header.decode_header(n))) if n else "", "address": a}
            for n, a in pairs]


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [repr(d) for part in msg.walk() for d in part.defects]
    for name in ("From", "To", "Subject", "Date", "Message-ID"):
        header = msg[name]
        if header is not None:
            defects += [repr(d) for d in header.defects]
    body = msg.get_body(preferencelist=("plain",))
    attachments = []
    for part in msg.iter_attachments():
        data = part.get_payload(decode=True)
        attachments.append({"filename": part.get_filename(), "content_type": part.get_content_type(),
                            "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    out = {
        "defects": defects,
        "from": mailboxes(msg, "From"),
        "to": mailboxes(msg, "To"),
        "subject": str(msg["Subject"]) if msg["Subject"] is not None else None,
        "date": msg["Date"].datetime.isoformat() if msg["Date"] is not None else None,
        "message_id": str(msg["Message-ID"]),
        "unsent": msg["X-Unsent"],
        "multipart": msg.get_content_type(),
        # The wire's CRLF is a line end (RFC 2045 §6.7 rule 4): read back as "\n".
        "text": body.get_content().replace("\r\n", "\n") if body is not None else None,
        "attachments": attachments,
    }
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.exit(1 if defects else 0)


if __name__ == "__main__":
    main()
