"""Email messages (`.eml`, RFC 822/MIME): the subject and the body the recipient reads.

The subject is the first block (kind `subject`), positioned on the Subject header line. The body
is the HTML part of a `multipart/alternative` when there is one (that is what mail clients show),
else the plain-text part; quoted-printable and base64 are decoded and charsets honoured;
attachments and attached messages are skipped. Envelope facts go to `doc.metadata`: `subject`,
`from`, `reply_to`, `list_unsubscribe`, `in_reply_to` (In-Reply-To or References present: the
"is it really a reply" fact of RCP029), `tracking_pixels`, `preheader` and the other `headers`.

Positions: `Document.source_text` is the raw file decoded as UTF-8 with `surrogateescape`, so a
UTF-8 character is one column and any other byte (an 8-bit Latin-1 body) is one column as well,
and nothing is lost or replaced. Each decoded body character maps back to the characters that
encode it: itself, its `=XX` quoted-printable escape, or the start of the 4-character base64
group that holds it; an RFC 2047 encoded word in the subject maps to its `=?`.

The MIME structure is walked on the raw bytes (boundaries, header blocks) rather than through
`email.message`, because only the raw bytes know where each part starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message

from ..model import Block, Document
from . import MAX_BYTES, InputError, html_doc
from ._build import TextBuilder, drop_matches, remap, run_breaks
from ._mime import ByteToChar, decode_base64, decode_charset, decode_header, decode_qp
from .plaintext import paragraphs

_HEADER_LINE = re.compile(rb"([!-9;-~]+)[ \t]*:[ \t]*")
_KNOWN = frozenset(
    (
        b"from",
        b"to",
        b"subject",
        b"date",
        b"message-id",
        b"content-type",
        b"mime-version",
        b"received",
        b"return-path",
        b"reply-to",
        b"sender",
        b"delivered-to",
    )
)
_MAX_DEPTH = 30


@dataclass
class Header:
    name: str  # lowercase
    raw: str  # unfolded value, surrogate-escaped
    positions: list[int]  # character offset in the file of each character of `raw`


@dataclass
class _Part:
    headers: list[Header]
    start: int  # body byte range
    end: int
    children: list[_Part] = field(default_factory=list)


def _line_end(data: bytes, pos: int, end: int) -> int:
    nl = data.find(b"\n", pos, end)
    return end if nl == -1 else nl + 1


def parse_headers(
    data: bytes, start: int, end: int, to_char: ByteToChar
) -> tuple[list[Header], int]:
    """Header block at `start`; returns the headers and the byte offset where the body starts."""
    headers: list[Header] = []
    pos = start
    if data.startswith(b"From ", pos):  # mbox separator line
        pos = _line_end(data, pos, end)
    current: Header | None = None
    while pos < end:
        nxt = _line_end(data, pos, end)
        line = data[pos:nxt]
        content = line.rstrip(b"\r\n")
        if not content:
            return headers, nxt
        if content[:1] in (b" ", b"\t") and current is not None:
            _extend(current, content, pos, to_char)
        else:
            m = _HEADER_LINE.match(content)
            if not m:
                return headers, pos  # not a header: the body starts here (no blank line)
            current = Header(m.group(1).decode("ascii").lower(), "", [])
            _extend(current, content[m.end() :], pos + m.end(), to_char)
            headers.append(current)
        pos = nxt
    return headers, end


def _extend(h: Header, content: bytes, byte_start: int, to_char: ByteToChar) -> None:
    text = content.decode("utf-8", "surrogateescape")
    c0 = to_char(byte_start)
    h.raw += text
    h.positions.extend(range(c0, c0 + len(text)))


def _get(headers: list[Header], name: str) -> Header | None:
    return next((h for h in headers if h.name == name), None)


def _params(headers: list[Header]) -> Message:
    """A scratch `Message` holding the part's Content-* headers, for parameter parsing."""
    msg = Message()
    for h in headers:
        if h.name in ("content-type", "content-disposition", "content-transfer-encoding"):
            msg[h.name] = " ".join(h.raw.split()).encode("ascii", "replace").decode()
    return msg


class _Reader:
    def __init__(self, data: bytes, doc: Document) -> None:
        self.data = data
        self.doc = doc
        self.to_char = ByteToChar(data, doc.source_text)
        self.html_parts = 0

    def warn(self, msg: str, byte_offset: int | None = None) -> None:
        if byte_offset is not None:
            line = self.doc.line_index.position(self.to_char(byte_offset))[0]
            msg = f"line {line}: {msg}"
        if msg not in self.doc.warnings:
            self.doc.warnings.append(msg)

    # ---- structure ---------------------------------------------------------------------------
    def leaves(self, headers: list[Header], start: int, end: int, depth: int) -> list[tuple]:
        """The text parts a recipient reads, in order: (type, charset, encoding, start, end)."""
        msg = _params(headers)
        ctype = msg.get_content_type() if msg.get("content-type") else "text/plain"
        disp = (msg.get("content-disposition") or "").split(";", 1)[0].strip().lower()
        if disp == "attachment" or (msg.get_filename() and not ctype.startswith("multipart/")):
            return []
        if ctype.startswith("multipart/"):
            if depth >= _MAX_DEPTH:
                self.warn("MIME parts nested too deeply; inner parts skipped", start)
                return []
            boundary = msg.get_param("boundary")
            if not isinstance(boundary, str) or not boundary:
                self.warn(f"{ctype} without a boundary; body read as plain text", start)
                return [("text/plain", None, "8bit", start, end)]
            parts = self.split(boundary.encode("latin-1", "replace"), start, end)
            if parts is None:
                return [("text/plain", None, "8bit", start, end)]
            groups = [self.leaves(h, s, e, depth + 1) for h, s, e in parts]
            if ctype == "multipart/alternative":
                for want in ("text/html", "text/plain"):
                    for g in reversed(groups):
                        if any(leaf[0] == want for leaf in g):
                            return g
                return []
            return [leaf for g in groups for leaf in g]
        if ctype in ("text/html", "text/plain") or ctype == "text/x-aol":
            cte = (msg.get("content-transfer-encoding") or "8bit").strip().lower()
            return [(ctype, msg.get_content_charset(), cte, start, end)]
        return []  # images, attached messages, calendars...

    def split(self, boundary: bytes, start: int, end: int) -> list[tuple] | None:
        """Parts of a multipart body: (headers, body start, body end) for each."""
        delim = re.compile(rb"(?m)^--" + re.escape(boundary) + rb"(--)?[ \t]*\r?$")
        marks = [m for m in delim.finditer(self.data, start, end)]
        if not marks:
            self.warn("multipart body has none of its boundary lines; read as plain text", start)
            return None
        parts = []
        closed = False
        for i, m in enumerate(marks):
            if m.group(1):
                closed = True
                break
            body_start = _line_end(self.data, m.end(), end)
            body_end = marks[i + 1].start() if i + 1 < len(marks) else end
            # the line break before a boundary belongs to the boundary
            if body_end > body_start and self.data[body_end - 1 : body_end] == b"\n":
                body_end -= 2 if self.data[body_end - 2 : body_end] == b"\r\n" else 1
            headers, body = parse_headers(self.data, body_start, body_end, self.to_char)
            parts.append((headers, body, max(body, body_end)))
        if not closed:
            self.warn("multipart body ends without its closing boundary (truncated?)", end - 1)
        return parts

    # ---- bodies ------------------------------------------------------------------------------
    def read_leaf(self, ctype: str, charset: str | None, cte: str, start: int, end: int) -> None:
        raw = self.data[start:end]
        if cte == "quoted-printable":
            body, byte_pos = decode_qp(raw, start)
        elif cte == "base64":
            body, byte_pos, warning = decode_base64(raw, start)
            if warning:
                self.warn(warning, start)
        else:
            if cte not in ("7bit", "8bit", "binary", ""):
                self.warn(f"unknown Content-Transfer-Encoding {cte!r}; read as 8bit", start)
            body, byte_pos = raw, range(start, end)
        if not body.strip():
            return
        text, bpos, warning = decode_charset(body, charset, byte_pos)
        if warning:
            self.warn(warning, start)
        cpos = self.to_char.many(bpos)
        text = text.replace("\r", " ")  # keeps offsets; CRLF bodies split like LF ones
        if ctype == "text/plain":
            breaks = run_breaks(cpos)
            for block in paragraphs(text):
                kept = drop_matches(block)  # a URL on its own line is an address, not copy
                if kept is not None:
                    self.doc.blocks.append(remap(kept, cpos, breaks))
        else:
            self.html_parts += 1
            html_doc.apply_result(self.doc, html_doc.extract(text, email=True), cpos)


def _subject_block(h: Header) -> tuple[str, Block | None]:
    text, pos = decode_header(h.raw, h.positions)
    tb = TextBuilder(collapse=True)
    for ch, p in zip(text, pos, strict=True):
        tb.add_char(ch, p)
    block = tb.block("subject")
    return (block.text if block else ""), block


def _decoded(h: Header | None) -> str | None:
    if h is None:
        return None
    text, _ = decode_header(h.raw, h.positions)
    return " ".join(text.split())


def read(data: bytes, path: str, options: dict) -> Document:
    if len(data) > MAX_BYTES:
        raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not an email message")
    source = data.decode("utf-8", "surrogateescape")
    doc = Document(path, "eml", "", [], source_text=source)
    if not data.strip():
        return doc
    reader = _Reader(data, doc)
    headers, body_start = parse_headers(data, 0, len(data), reader.to_char)
    if not headers or not any(h.name.encode() in _KNOWN for h in headers):
        raise InputError(
            "not an email message: no RFC 822 header block (From:, Subject:, ...) at the start"
        )
    subject = _get(headers, "subject")
    if subject is not None:
        text, block = _subject_block(subject)
        doc.metadata["subject"] = text
        if block is not None:
            doc.blocks.append(block)
    else:
        doc.warnings.append("message has no Subject header")
    meta = doc.metadata
    meta["from"] = _decoded(_get(headers, "from")) or ""
    meta["reply_to"] = _decoded(_get(headers, "reply-to"))
    meta["list_unsubscribe"] = _decoded(_get(headers, "list-unsubscribe"))
    meta["in_reply_to"] = bool(_get(headers, "in-reply-to") or _get(headers, "references"))
    meta["tracking_pixels"] = []
    skip = {"subject", "from", "reply-to", "list-unsubscribe"}
    rest: dict[str, str] = {}
    for h in headers:
        if h.name not in skip and h.name not in rest:
            rest[h.name] = _decoded(h) or ""
    meta["headers"] = rest
    for leaf in reader.leaves(headers, body_start, len(data), 0):
        reader.read_leaf(*leaf)
    subject_blocks = [b for b in doc.blocks if b.kind == "subject"]
    body = [b for b in doc.blocks if b.kind != "subject"]
    body.sort(key=lambda b: b.source_map.src_starts[0] if b.source_map.src_starts else 0)
    doc.blocks = subject_blocks + body
    return doc
