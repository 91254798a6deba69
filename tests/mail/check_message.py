#!/usr/bin/python3
"""Parses a message with Python's strict email parser and checks it.

    check_message.py MESSAGE.eml EXPECTED.json
    check_message.py --structure MESSAGE.eml [MESSAGE.eml ...]

EXPECTED holds "headers" (name -> decoded value, or for an address header
{"name": display name, "address": address}), "text" and "html" (the
decoded parts, compared with line ends normalised). Also checks: no parser
defects anywhere, multipart/alternative with one text/plain and one
text/html part in UTF-8, every RFC 2047 encoded-word valid UTF-8 on its
own (no character split across words) and at most 75 characters long,
header lines within 78 characters (76 where they hold encoded-words).
With --structure only those general checks run, for every file given,
plus the presence of From, To, Subject, Date and Message-ID. Exits 0 when
all hold, else prints each problem and exits 1.
"""
import base64
import binascii
import email
import json
import re
import sys
from email import _header_value_parser as parser
from email import policy


def read_rfc2047_phrases():
    """Makes Python read display names as RFC 2047 section 6.2 says.

    A display name longer than one encoded-word (75 characters hold 45
    bytes, some 22 Greek letters) is several encoded-words, and white space
    between two adjacent encoded-words is not part of the text: the space
    between two words of the name travels inside an encoded-word. Python's
    email package up to 3.13 keeps that white space in a display name (not
    in a Subject), so it reads any correct long name with doubled or
    inserted spaces, even the one its own generator writes (CPython issue
    gh-128110, fixed upstream). Where the running Python has the bug, this
    applies the upstream fix's rule to the parse tree: the white space
    between two adjacent encoded-words of a phrase is ignored. Nothing else
    changes; a comment or a quoted-string between them keeps its space.
    """
    probe = email.message_from_bytes(
        b"To: =?utf-8?q?a_?=\r\n =?utf-8?q?b?= <x@example.com>\r\n\r\n", policy=policy.default)
    if probe["To"].addresses[0].display_name == "a b":
        return
    original = parser.get_phrase

    def get_phrase(value):
        phrase, value = original(value)
        for before, after in zip(phrase, phrase[1:]):
            if (before.token_type == "atom" and after.token_type == "atom" and len(before) >= 2
                    and before[-2].token_type == "encoded-word" and before[-1].token_type == "cfws"
                    and all(t.token_type == "fws" for t in before[-1])
                    and after[0].token_type == "encoded-word"):
                before[-1] = parser.EWWhiteSpaceTerminal(str(before[-1]), "fws")
        return phrase, value

    parser.get_phrase = get_phrase


read_rfc2047_phrases()


def general(raw):
    """The checks every message must pass; returns (message, problems)."""
    problems = []
    message = email.message_from_bytes(raw, policy=policy.default)

    for part in message.walk():
        for defect in part.defects:
            problems.append("defect in %s: %r" % (part.get_content_type(), defect))

    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    for line in head.split("\r\n"):
        if len(line) > 78:
            problems.append("header line longer than 78: %r" % line)
        elif "=?" in line and len(line) > 76:
            problems.append("line with encoded-words longer than 76: %r" % line)
    for word in re.findall(r"=\?[^?\s]*\?[BbQq]\?[^?\s]*\?=", head):
        if len(word) > 75:
            problems.append("encoded-word longer than 75 characters: %s" % word)
    for word in re.findall(r"=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=", head):
        try:
            base64.b64decode(word, validate=True).decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            problems.append("encoded-word splits a character: %s" % word)
        except binascii.Error:
            problems.append("encoded-word is not valid base64: %s" % word)
    if message.get_content_type() != "multipart/alternative":
        problems.append("content type %s" % message.get_content_type())
    for kind in ("plain", "html"):
        body = message.get_body((kind,))
        if body is None:
            problems.append("no text/%s part" % kind)
        elif body.get_content_charset() != "utf-8":
            problems.append("text/%s charset %s" % (kind, body.get_content_charset()))
        else:
            body.get_content()  # decodes, or raises
    return message, problems


def structure(paths):
    problems = []
    for path in paths:
        message, found = general(open(path, "rb").read())
        for name in ("From", "To", "Subject", "Date", "Message-ID"):
            if message[name] is None:
                found.append("missing header %s" % name)
            elif getattr(message[name], "defects", None):
                found.append("defects in %s: %r" % (name, message[name].defects))
        problems += ["%s: %s" % (path, p) for p in found]
    return problems


def main():
    if sys.argv[1] == "--structure":
        problems = structure(sys.argv[2:])
        for problem in problems:
            print(problem)
        return 1 if problems or len(sys.argv) < 3 else 0
    raw = open(sys.argv[1], "rb").read()
    expected = json.load(open(sys.argv[2], encoding="utf-8"))
    message, problems = general(raw)

    for name, value in expected["headers"].items():
        header = message[name]
        if header is None:
            problems.append("missing header %s" % name)
            continue
        if getattr(header, "defects", None):
            problems.append("defects in %s: %r" % (name, header.defects))
        if isinstance(value, dict):
            # An address header: {"name": display name, "address": addr-spec}.
            got = [(a.display_name, a.addr_spec) for a in header.addresses]
            if got != [(value["name"], value["address"])]:
                problems.append("%s is %r, expected %r" % (name, got, value))
        elif str(header) != value:
            problems.append("%s is %r, expected %r" % (name, str(header), value))

    for kind in ("plain", "html"):
        body = message.get_body((kind,))
        if body is None:
            continue
        got = body.get_content().replace("\r\n", "\n")
        want = expected["text" if kind == "plain" else "html"].replace("\r\n", "\n")
        if got != want:
            problems.append("text/%s differs:\n--- got\n%s\n--- expected\n%s" % (kind, got, want))

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
