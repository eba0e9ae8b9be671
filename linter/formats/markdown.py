"""Markdown (CommonMark + tables, strikethrough, footnotes, front matter).

Prose: headings, paragraphs, list items, table cells, block quotes, footnotes, link text and
image alt text (an alt text is its own `alt` block). Not prose: fenced and indented code, inline
code, link and image destinations, bare URLs, HTML comments, raw HTML tags (the text between
them is still read; an HTML block goes through the HTML reader, so its buttons are UI blocks) and
front matter (which may set the channel and metadata, see `frontmatter`).

markdown-it gives line ranges for blocks only, so inline text is aligned with the source by a
cursor that walks forward through the block's lines: characters typed as themselves map to
themselves, a backslash escape or an entity maps to its first character, and markup between
text (emphasis markers, `[`, link destinations, code spans) is stepped over, never matched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Block, Document
from . import _meta, decode_text, frontmatter, html_doc
from ._build import OffsetIndex, TextBuilder, sort_blocks

_ENTITY = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
# Not prose: bare URLs, and the zero-width mark a masked template tag leaves at a line start.
_NOT_PROSE = re.compile(_URL.pattern + "|\u200b[ \t]*")
_BUTTON_TAG = re.compile(r"<(/?)button\b", re.IGNORECASE)
_WINDOW = 512  # how far the cursor may look for the next character of text


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.use(footnote_plugin)


class _Cursor:
    """Walks the source of one inline run in step with markdown-it's text tokens."""

    def __init__(self, doc: Document, src: str, pos: int, hi: int, quote: bool) -> None:
        self.doc = doc
        self.src = src
        self.cur = pos
        self.hi = hi
        self.quote = quote

    # ---- text ------------------------------------------------------------------------------
    def text(self, tb: TextBuilder, content: str) -> None:
        last = 0
        for m in _NOT_PROSE.finditer(content):
            self._text(tb, content[last : m.start()])
            url_at = self.src.find(m.group(0), self.cur, self.hi)
            if url_at != -1:
                tb.space(url_at)
                self.cur = url_at + len(m.group(0))
            last = m.end()
        self._text(tb, content[last:])

    def _text(self, tb: TextBuilder, content: str) -> None:
        if not content:
            return
        src = self.src
        if src.startswith(content, self.cur):
            tb.add(content, self.cur)
            self.cur += len(content)
            return
        for ch in content:
            self._char(tb, ch)

    def _char(self, tb: TextBuilder, ch: str) -> None:
        src = self.src
        r = self.cur
        stop = min(self.hi, r + _WINDOW)
        while r < stop:
            c = src[r]
            if c == ch:
                tb.add(ch, r)
                self.cur = r + 1
                return
            if c == "\\" and src[r + 1 : r + 2] == ch:
                tb.add_char(ch, r)
                self.cur = r + 2
                return
            if c == "&":
                m = _ENTITY.match(src, r)
                if m:
                    decoded = html_doc.decode_entity(m.group(1))
                    if decoded and decoded[0] == ch:
                        tb.add_char(ch, r)
                        self.cur = m.end() if len(decoded) == 1 else r
                        return
            r += 1
        tb.add_char(ch, max(self.cur - 1, 0))  # not found: best effort, cursor stays

    # ---- markup ----------------------------------------------------------------------------
    def line_break(self, tb: TextBuilder | None) -> None:
        nl = self.src.find("\n", self.cur, self.hi)
        if nl == -1:
            return
        if tb is not None:
            tb.newline(nl)
        pos = nl + 1
        prefix = _QUOTE_PREFIX if self.quote else _SPACE_PREFIX
        self.cur = prefix.match(self.src, pos).end()  # type: ignore[union-attr]

    def skip_past(self, needle: str) -> int:
        """Move past the next `needle`; returns where it started (-1 if not found)."""
        at = self.src.find(needle, self.cur, self.hi)
        if at != -1:
            self.cur = at + len(needle)
        return at

    def code_span(self, markup: str) -> None:
        at = self.src.find(markup, self.cur, self.hi)
        if at == -1:
            return
        pos = at + len(markup)
        while True:
            close = self.src.find(markup, pos, self.hi)
            if close == -1:
                return
            end = close + len(markup)
            if self.src[end : end + 1] != "`" and self.src[close - 1 : close] != "`":
                self.cur = end
                return
            pos = end
            while self.src[pos : pos + 1] == "`":
                pos += 1

    def link_end(self) -> None:
        """Step over `](destination "title")`, `][ref]` or `]` after link text."""
        src = self.src
        close = src.find("]", self.cur, self.hi)
        if close == -1:
            return
        k = close + 1
        if src[k : k + 1] == "(":
            depth = 0
            while k < self.hi:
                c = src[k]
                if c == "\\":
                    k += 2
                    continue
                if c in "\"'" and depth == 1:
                    q = src.find(c, k + 1, self.hi)
                    k = q + 1 if q != -1 else k + 1
                    continue
                if c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        k += 1
                        break
                k += 1
        elif src[k : k + 1] == "[":
            end = src.find("]", k, self.hi)
            k = end + 1 if end != -1 else k
        self.cur = k


_SPACE_PREFIX = re.compile(r"[ \t]*")
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_LIST_MARKER = r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|(?=\n)|\Z)(?:\[[ xX]\][ \t]+)?"


class _Walker:
    def __init__(self, doc: Document, src: str) -> None:
        self.doc = doc
        self.src = src
        self.index = OffsetIndex(src)
        self.blocks: list[Block] = []
        self.stack: list[Token] = []
        self.row_cursor = -1

    def line_start(self, line0: int) -> int:
        return self.index.starts[min(line0, len(self.index.starts) - 1)]

    def line_end(self, line0_exclusive: int) -> int:
        if line0_exclusive >= len(self.index.starts):
            return len(self.src)
        return self.index.starts[line0_exclusive]

    def inside(self, *types: str) -> bool:
        return any(t.type in types for t in self.stack)

    def kind(self) -> str:
        for t in reversed(self.stack):
            if t.type == "heading_open":
                return "heading"
            if t.type in ("th_open", "td_open"):
                return "table_cell"
            if t.type == "list_item_open":
                return "list_item"
            if t.type == "blockquote_open":
                return "quote"
        return "paragraph"

    def first_line_prefix(self, tok: Token) -> re.Pattern[str]:
        parts = [r"[ \t]*"]
        if self.inside("blockquote_open"):
            parts.append(r"(?:>[ \t]?[ \t]*)*")
        items = [t for t in self.stack if t.type == "list_item_open"]
        if items and tok.map and any(t.map and t.map[0] == tok.map[0] for t in items):
            parts.append(f"(?:{_LIST_MARKER})*")
        if (
            self.stack
            and self.stack[-1].type == "heading_open"
            and self.stack[-1].markup[:1] == "#"
        ):
            parts.append(r"(?:#{1,6}(?:[ \t]+|(?=\n)|\Z))?")
        if self.inside("footnote_open") and self.stack[-1].type == "paragraph_open":
            parts.append(r"(?:\[\^[^\]\n]*\]:[ \t]*)?")
        return re.compile("".join(parts))

    def walk(self, tokens: list[Token]) -> None:
        for tok in tokens:
            t = tok.type
            if t.endswith("_open"):
                self.stack.append(tok)
                if t == "tr_open" and tok.map:
                    self.row_cursor = self.line_start(tok.map[0])
            elif t.endswith("_close"):
                if self.stack:
                    self.stack.pop()
            elif t == "inline":
                self.inline(tok)
            elif t == "html_block" and tok.map:
                lo, hi = self.line_start(tok.map[0]), self.line_end(tok.map[1])
                res = html_doc.extract(self.src[lo:hi])
                html_doc.apply_result(self.doc, res, range(lo, hi))

    def inline(self, tok: Token) -> None:
        if tok.map is None:
            return
        lo, hi = self.line_start(tok.map[0]), self.line_end(tok.map[1])
        cell = self.inside("th_open", "td_open")
        if cell and self.row_cursor >= 0:
            start = self.row_cursor
        else:
            m = self.first_line_prefix(tok).match(self.src, lo)
            start = m.end() if m else lo
        cur = _Cursor(self.doc, self.src, start, hi, self.inside("blockquote_open"))
        tb = TextBuilder(collapse=False)
        attrs = {"footnote": True} if self.inside("footnote_open") else {}
        self.children(tok.children or [], cur, tb)
        block = tb.block(self.kind(), attrs=attrs)
        if block is not None:
            self.blocks.append(block)
        if cell:
            pipe = self.src.find("|", cur.cur, hi)
            self.row_cursor = pipe + 1 if pipe != -1 else cur.cur

    def children(self, children: list[Token], cur: _Cursor, tb: TextBuilder) -> None:
        skip_autolink = False
        ui: TextBuilder | None = None  # inside an inline <button>...</button>
        outer = tb
        for child in children:
            t = child.type
            if skip_autolink:
                if t == "link_close":
                    skip_autolink = False
                continue
            if t == "text":
                cur.text(tb, child.content)
            elif t in ("softbreak", "hardbreak"):
                cur.line_break(tb)
            elif t == "code_inline":
                at = cur.src.find(child.markup, cur.cur, cur.hi)
                cur.code_span(child.markup)
                if at != -1:
                    tb.space(at)
            elif t == "html_inline":
                at = cur.skip_past(child.content)
                if at != -1 and child.content.startswith("<!--"):
                    _meta.directive(self.doc, child.content[4:-3], at, at + len(child.content))
                button = _BUTTON_TAG.match(child.content)
                if button and not button.group(1) and ui is None:
                    ui, outer = TextBuilder(collapse=False), tb
                    tb = ui
                elif button and button.group(1) and ui is not None:
                    block = ui.block("ui", is_ui=True, attrs={"tag": "button"})
                    if block is not None:
                        self.blocks.append(block)
                    tb, ui = outer, None
            elif t == "link_open":
                if child.markup == "autolink":
                    at = cur.skip_past(">")
                    if at != -1:
                        tb.space(at)
                    skip_autolink = True
            elif t == "link_close":
                cur.link_end()
            elif t == "image":
                self.image(child, cur)
            elif t == "footnote_ref":
                cur.skip_past("]")
        if ui is not None:  # an unclosed inline <button>: a label all the same
            block = ui.block("ui", is_ui=True, attrs={"tag": "button"})
            if block is not None:
                self.blocks.append(block)

    def image(self, tok: Token, cur: _Cursor) -> None:
        at = cur.skip_past("![")
        if at == -1:
            return
        alt = TextBuilder(collapse=False)
        self.children(tok.children or [], cur, alt)
        cur.link_end()
        block = alt.block("alt", attrs={"attr": "alt", "tag": "img"})
        if block is not None:
            self.blocks.append(block)


def parse(doc: Document, text: str) -> None:
    """Read Markdown `text` (front matter already masked) into `doc` (which holds the file)."""
    walker = _Walker(doc, text)
    walker.walk(parser().parse(text))
    doc.blocks.extend(walker.blocks)
    doc.blocks[:] = sort_blocks(doc.blocks)


def read_text(text: str, path: str, fmt: str, prepare=None) -> Document:
    """Shared by Markdown and MDX: front matter, then `prepare` (MDX masking), then parse."""
    doc = Document(path, fmt, "", [], source_text=text)
    fm = frontmatter.find(text)
    body = text
    if fm is not None:
        frontmatter.apply(doc, text, fm)
        body = frontmatter.mask(text, fm.start, fm.end)
    if prepare is not None:
        body = prepare(doc, body)
    parse(doc, body)
    return doc


def read(data: bytes, path: str, options: dict) -> Document:
    return read_text(decode_text(data), path, "markdown")
