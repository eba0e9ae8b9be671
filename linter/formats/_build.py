"""Building prose blocks from pieces of markup, keeping every character's way back to the file.

Readers never copy text and hope to find it again later: each piece of prose is appended with the
offset it came from, so a block's `SourceMap` is exact by construction. Whitespace is collapsed
the way a browser renders it (a run of spaces, tabs and newlines shows as one space) and the kept
space maps to the first character of the run; a decoded entity maps to the `&` that starts it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..model import Block, SourceMap

# Characters a reader sees as blank: ASCII whitespace, no-break space and the zero-width and
# combining-grapheme joiners that email preheaders pad themselves with.
_BLANKS = " \t\n\r\f\v\xa0\u200b\u200c\u200d\u034f\u2007\u2060\ufeff\u00ad"
BLANK_RUN = re.compile(f"[{_BLANKS}]+")
_PIECES = re.compile(f"[{_BLANKS}]+|[^{_BLANKS}]+")


class TextBuilder:
    """Accumulates one block's text and source map.

    `collapse=True` renders whitespace as HTML does (runs become one space, leading space is
    dropped); `collapse=False` keeps the text as typed (Markdown, plain text, catalog values).
    """

    __slots__ = ("_len", "_map", "_parts", "_pending_space", "collapse")

    def __init__(self, collapse: bool = True) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._map = SourceMap()
        self._pending_space = -1  # source offset of a collapsed run waiting to be written
        self.collapse = collapse

    def __len__(self) -> int:
        return self._len

    @property
    def empty(self) -> bool:
        return self._len == 0

    def _put(self, text: str, src: int) -> None:
        if self._pending_space >= 0:
            self._map.add(self._len, self._pending_space)
            self._parts.append(" ")
            self._len += 1
            self._pending_space = -1
        self._map.add(self._len, src)
        self._parts.append(text)
        self._len += len(text)

    def add(self, text: str, src: int) -> None:
        """Append source text typed at offset `src`, one character for one."""
        if not text:
            return
        if not self.collapse:
            if self._len == 0:  # a block never starts with blanks
                stripped = text.lstrip(_BLANKS)
                src += len(text) - len(stripped)
                text = stripped
                if not text:
                    return
            self._put(text, src)
            return
        for m in _PIECES.finditer(text):
            piece = m.group(0)
            if piece[0] in _BLANKS:
                self.space(src + m.start())
            else:
                self._put(piece, src + m.start())

    def add_char(self, ch: str, src: int) -> None:
        """Append a character decoded from markup at `src` (an entity, an escape)."""
        if ch in _BLANKS and (self.collapse or self._len == 0):
            self.space(src)
        else:
            self._put(ch, src)

    def space(self, src: int) -> None:
        """A collapsible space at `src` (written only if prose follows)."""
        if not self.collapse:
            if self._len:
                self._put(" ", src)
            return
        if self._len and self._pending_space < 0 and not self._parts[-1].endswith((" ", "\n")):
            self._pending_space = src

    def newline(self, src: int) -> None:
        """A hard line break (`<br>`, a Markdown line end): kept, since sentences split on it."""
        if self._len == 0:
            return
        self._pending_space = -1
        if self._parts[-1].endswith("\n"):
            return
        if self._parts[-1].endswith(" "):
            # replace a written trailing space by the break
            last = self._parts[-1]
            self._parts[-1] = last[:-1] + "\n"
            return
        self._map.add(self._len, src)
        self._parts.append("\n")
        self._len += 1

    def text(self) -> str:
        return "".join(self._parts)

    def block(self, kind: str = "paragraph", **kw: object) -> Block | None:
        """The finished block (trailing blanks trimmed), or None if it holds no prose."""
        text = "".join(self._parts).rstrip(_BLANKS)
        if not text:
            return None
        return Block(text, kind, self._map, **kw)  # type: ignore[arg-type]

    def src_start(self) -> int:
        return self._map.src_starts[0] if self._map.src_starts else -1


def remap(block: Block, positions: Sequence[int], breaks: Sequence[int] | None = None) -> Block:
    """Re-point a block whose map is into a decoded text onto the file: `positions[i]` is where
    decoded character i was typed (a quoted-printable `=E9`, a base64 group, a header word).

    `breaks` (from `run_breaks(positions)`) lets long runs typed one for one be copied as one
    segment instead of character by character.
    """
    smap = SourceMap()
    n = len(positions)
    if not n:
        return block
    if breaks is None:
        breaks = run_breaks(positions)
    old = block.source_map
    starts = old.text_starts or [0]
    srcs = old.src_starts or [0]
    size = len(block.text)
    for k, t0 in enumerate(starts):
        t1 = starts[k + 1] if k + 1 < len(starts) else size
        s0 = srcs[k]
        i = t0
        while i < t1:
            p = s0 + (i - t0)
            if p >= n:
                smap.add(i, positions[-1])
                break
            smap.add(i, positions[max(p, 0)])
            # next place inside this segment where positions stop being consecutive
            j = bisect.bisect_right(breaks, p)
            nxt = breaks[j] if j < len(breaks) else n
            i += max(1, nxt - p)
    block.source_map = smap
    return block


def run_breaks(positions: Sequence[int]) -> list[int]:
    """Indices k where positions[k] != positions[k-1] + 1 (k >= 1): where a new run starts."""
    if isinstance(positions, range) and positions.step == 1:
        return []
    return [k for k in range(1, len(positions)) if positions[k] != positions[k - 1] + 1]


URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"]*[^\s<>\"().,;:!?'\]]")


def drop_matches(block: Block, pattern: re.Pattern[str] = URL) -> Block | None:
    """The block with each match of `pattern` (a URL, by default) replaced by one space.

    A URL shown as text is an address, not copy: "free" in `www.free-offers.com` offers
    nothing. Returns None when nothing but matches was left.
    """
    text = block.text
    if "://" not in text and "www." not in text and pattern is URL:
        return block
    matches = list(pattern.finditer(text))
    if not matches:
        return block
    tb = TextBuilder(collapse=False)
    to_source = block.source_map.to_source
    last = 0
    for m in matches:
        for i in range(last, m.start()):
            tb.add_char(text[i], to_source(i))
        tb.space(to_source(m.start()))
        last = m.end()
    for i in range(last, len(text)):
        tb.add_char(text[i], to_source(i))
    out = tb.block(block.kind, is_ui=block.is_ui, hidden=block.hidden, attrs=block.attrs)
    if out is None or not re.search(r"\w", out.text):
        return None
    return out


def first_source(block: Block) -> int:
    return block.source_map.src_starts[0] if block.source_map.src_starts else 0


def sort_blocks(blocks: list[Block]) -> list[Block]:
    """Document order = order of first character in the file (stable for equal starts)."""
    return sorted(blocks, key=first_source)


class OffsetIndex:
    """(line, col) <-> offset for a text, 1-based lines and columns (for parsers that give
    line/column pairs, such as `html.parser`)."""

    def __init__(self, text: str) -> None:
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self.starts = starts

    def offset(self, line: int, col0: int) -> int:
        """Offset of 1-based `line`, 0-based `col0`."""
        return self.starts[min(line, len(self.starts)) - 1] + col0

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
