"""MIME decoding that remembers where every decoded character was typed.

Python's `email` package decodes bodies but forgets positions, and a finding in a
quoted-printable body must still point at the line of the raw file. Each decoder here returns
the decoded data together with a position per decoded unit: quoted-printable maps a byte to its
`=XX` escape (or itself), base64 maps each byte to the start of the 4-character group that
encodes it, and charset decoding maps each character to its first byte.
"""

from __future__ import annotations

import binascii
import bisect
import codecs
import re
from collections.abc import Sequence

Positions = Sequence[int]  # a list, or a range for runs typed one for one

_QP = re.compile(rb"=\r?\n|=[0-9A-Fa-f]{2}")
_B64_LINE_OK = re.compile(rb"[A-Za-z0-9+/=]*")
_B64_CHAR = re.compile(rb"[A-Za-z0-9+/=]")


class ByteToChar:
    """Byte offset in the raw file -> character offset in its surrogate-escaped decoding.

    The raw file is decoded as UTF-8 with `surrogateescape`, so a valid UTF-8 character is one
    column and every other byte (a Latin-1 body, say) is one column too. Only non-ASCII
    characters are indexed, so an ASCII message costs nothing.
    """

    def __init__(self, data: bytes, text: str) -> None:
        self.identity = data.isascii()
        self._byte_pos: list[int] = []  # byte offset of each non-ASCII character
        self._char_pos: list[int] = []  # its character offset
        self._extra: list[int] = []  # extra bytes up to and including it
        self._len: list[int] = []
        if self.identity:
            return
        extra = 0
        for m in re.finditer(r"[^\x00-\x7f]", text):
            ch = m.group(0)
            n = 1 if "\udc80" <= ch <= "\udcff" else len(ch.encode("utf-8"))
            self._char_pos.append(m.start())
            self._byte_pos.append(m.start() + extra)
            self._len.append(n)
            extra += n - 1
            self._extra.append(extra)

    def __call__(self, b: int) -> int:
        if self.identity:
            return b
        k = bisect.bisect_right(self._byte_pos, b) - 1
        if k < 0:
            return b
        if b < self._byte_pos[k] + self._len[k]:
            return self._char_pos[k]
        return b - self._extra[k]

    def many(self, positions: Positions) -> Positions:
        """Convert byte offsets in ascending order (what the decoders produce) in one pass."""
        if self.identity:
            return positions
        if isinstance(positions, range) and positions.step == 1 and len(positions):
            first, last = self(positions[0]), self(positions[-1])
            if last - first == len(positions) - 1:
                return range(first, last + 1)
        out: list[int] = []
        byte_pos, char_pos, extra, lens = self._byte_pos, self._char_pos, self._extra, self._len
        k = -1
        n = len(byte_pos)
        for b in positions:
            while k + 1 < n and byte_pos[k + 1] <= b:
                k += 1
            if k < 0:
                out.append(b)
            elif b < byte_pos[k] + lens[k]:
                out.append(char_pos[k])
            else:
                out.append(b - extra[k])
        return out


def decode_qp(body: bytes, base: int) -> tuple[bytes, list[int]]:
    """Quoted-printable: soft breaks vanish, `=XX` becomes one byte at the `=`."""
    out = bytearray()
    pos: list[int] = []
    last = 0
    for m in _QP.finditer(body):
        if m.start() > last:
            out += body[last : m.start()]
            pos.extend(range(base + last, base + m.start()))
        tok = m.group(0)
        if tok[1:2] not in (b"\r", b"\n"):
            out.append(int(tok[1:], 16))
            pos.append(base + m.start())
        last = m.end()
    out += body[last:]
    pos.extend(range(base + last, base + len(body)))
    return bytes(out), pos


def decode_base64(body: bytes, base: int) -> tuple[bytes, list[int], str | None]:
    """Base64: each decoded byte maps to the start of its 4-character group."""
    clean = bytearray()
    seg_clean: list[int] = []  # clean index where a run of raw characters starts
    seg_raw: list[int] = []  # raw offset of that run
    start = 0
    for line in body.split(b"\n"):
        stripped = line.rstrip(b"\r \t")
        lead = len(stripped) - len(stripped.lstrip(b" \t"))
        content = stripped[lead:]
        if content and _B64_LINE_OK.fullmatch(content):
            seg_clean.append(len(clean))
            seg_raw.append(base + start + lead)
            clean += content
        elif content:
            for m in _B64_CHAR.finditer(content):
                seg_clean.append(len(clean))
                seg_raw.append(base + start + lead + m.start())
                clean += m.group(0)
        start += len(line) + 1
    warning = None
    out = bytearray()
    pos: list[int] = []
    # Decode chunk by chunk: a chunk ends after padding, since some senders concatenate
    # separately encoded pieces ("...QQ==SGVsbG8=").
    start = 0
    n = len(clean)
    while start < n:
        pad = clean.find(b"=", start)
        if pad == -1:
            end = n
        else:
            end = pad
            while end < n and clean[end : end + 1] == b"=":
                end += 1
        chunk = bytes(clean[start:end])
        if pad != -1:  # padded: complete the group however the sender counted '='
            chunk = chunk.rstrip(b"=")
            chunk += b"=" * (-len(chunk) % 4)
        elif len(chunk) % 4:
            warning = "base64 body ends in the middle of a group (truncated message?)"
            rem = len(chunk) % 4  # 2 or 3 characters still hold 1 or 2 bytes
            chunk = chunk[:-1] if rem == 1 else chunk + b"=" * (4 - rem)
        try:
            data = binascii.a2b_base64(chunk)
        except binascii.Error as exc:
            warning = f"base64 body could not be decoded ({exc})"
            break
        for g in range((len(data) + 2) // 3):
            ci = start + 4 * g
            k = bisect.bisect_right(seg_clean, ci) - 1
            raw = seg_raw[k] + (ci - seg_clean[k]) if k >= 0 else base
            pos.extend((raw, raw, raw))
        del pos[len(out) + len(data) :]
        out += data
        start = end
    return bytes(out), pos, warning


# Declarations that say "I don't know": read as UTF-8 (else Windows-1252) without a warning.
_UNKNOWN = dict.fromkeys(
    ("unknown-8bit", "x-unknown", "unknown", "default", "8bit", "x-user-defined", "none"), True
)


def decode_charset(
    data: bytes, charset: str | None, byte_pos: Positions
) -> tuple[str, Positions, str | None]:
    """Decode `data` in its declared charset; each character maps to the position of its first
    byte. Falls back to UTF-8, then Windows-1252, with a warning when the declaration was wrong."""
    warning = None
    name = _codec(charset)
    if charset and name is None and _UNKNOWN.get(charset.strip().strip("\"'").lower()) is None:
        warning = f"unknown charset {charset!r}; read as UTF-8"
    text = None
    used = name
    for candidate in [c for c in (name, "utf-8") if c]:
        try:
            text = data.decode(candidate)
            used = candidate
            break
        except UnicodeDecodeError:
            continue
    if text is None and name not in (None, "ascii"):
        text, used = data.decode(name, "replace"), name
        warning = warning or f"body has bytes that are not valid {charset}; they read as \ufffd"
    elif text is None:
        try:
            text, used = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # cp1252 leaves five bytes undefined
            text, used = data.decode("latin-1"), "latin-1"
    elif name not in (None, "ascii") and used != name:
        warning = warning or f"body is not valid {charset}; read as {used}"
    if len(text) == len(data):
        return text, byte_pos, warning
    if used == "utf-8":
        pos: list[int] = []
        b = 0
        for ch in text:
            pos.append(byte_pos[b])
            b += 1 if ch < "\x80" else len(ch.encode("utf-8"))
        return text, pos, warning
    return text, _incremental(data, used or "utf-8", byte_pos), warning


def _incremental(data: bytes, codec: str, byte_pos: Positions) -> list[int]:
    """Character -> first byte for any codec (multi-byte Asian encodings), byte by byte."""
    dec = codecs.getincrementaldecoder(codec)(errors="replace")
    pos: list[int] = []
    seq_start = 0
    for i in range(len(data)):
        out = dec.decode(data[i : i + 1])
        if out:
            pos.extend([byte_pos[seq_start]] * len(out))
            seq_start = i + 1
        elif not dec.getstate()[0]:
            seq_start = i + 1
    tail = dec.decode(b"", final=True)
    pos.extend([byte_pos[min(seq_start, len(data) - 1)]] * len(tail))
    return pos


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    cs = charset.strip().strip("\"'").lower()
    if cs in ("us-ascii", "ascii", "ansi_x3.4-1968"):
        return "ascii"
    if cs in _UNKNOWN:
        return None
    try:
        return codecs.lookup(cs).name
    except LookupError:
        return None


_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")


def decode_header(value: str, positions: Sequence[int]) -> tuple[str, list[int]]:
    """RFC 2047: decode encoded words; each of their characters maps to the word's `=?`.

    `value` is the unfolded raw header value (surrogate-escaped raw 8-bit bytes become Latin-1
    characters, one for one); whitespace between two encoded words is dropped, per the RFC.
    """
    out: list[str] = []
    pos: list[int] = []
    last = 0
    prev_word = False
    for m in _ENCODED_WORD.finditer(value):
        gap = value[last : m.start()]
        if gap and not (prev_word and not gap.strip()):
            out.append(_unescape(gap))
            pos.extend(positions[last : m.start()])
        decoded = _decode_word(m.group(1), m.group(2), m.group(3))
        out.append(decoded)
        pos.extend([positions[m.start()]] * len(decoded))
        last = m.end()
        prev_word = True
    out.append(_unescape(value[last:]))
    pos.extend(positions[last:])
    return "".join(out), pos


def _unescape(s: str) -> str:
    if not any("\udc80" <= c <= "\udcff" for c in s):
        return s
    return "".join(chr(ord(c) - 0xDC00) if "\udc80" <= c <= "\udcff" else c for c in s)


def _decode_word(charset: str, enc: str, payload: str) -> str:
    try:
        if enc in "bB":
            raw = binascii.a2b_base64(payload + "=" * (-len(payload) % 4))
        else:
            raw = re.sub(
                rb"=([0-9A-Fa-f]{2})",
                lambda m: bytes([int(m.group(1), 16)]),
                payload.replace("_", " ").encode("latin-1", "replace"),
            )
    except (binascii.Error, ValueError):
        return payload
    codec = _codec(charset.split("*", 1)[0]) or "utf-8"
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return raw.decode("cp1252", "replace")
