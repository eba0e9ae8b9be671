"""HTML pages and HTML email bodies: prose by block element, UI labels as their own blocks.

What is prose: text inside block elements (one block per paragraph, heading, list item, table
cell...), button and call-to-action labels (`<button>`, `<input type=submit value>`, standalone
links, `role=button`, MJML `<mj-button>`) as UI blocks, and the visible attributes `alt`,
`title`, `placeholder` and `aria-label` as their own blocks. What is not: `<script>`, `<style>`,
`<code>`, `<svg>`, `<select>`, comments, and every other attribute.

Copy hidden until the reader acts (pop-ups, modals and their decline buttons, `hidden`,
`display:none`, `aria-hidden`, `<template>`, `<noscript>`, the email preheader) is still copy the
reader sees, so it is read as blocks with `hidden=True`. A link inside running text stays in its
paragraph (the sentence needs it); a link that stands alone in its block is a UI block.

Positions come from the parser's own line/column of every token (`convert_charrefs=False`, so an
entity arrives as its own event and maps to its `&`), never from searching for text afterwards.
The extractor works on any string: `.eml` bodies and templates feed it decoded or masked text and
re-point the blocks afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.entities import html5 as _HTML5
from html.parser import HTMLParser
from typing import Any

from ..model import Block, Document
from . import _meta, decode_text
from ._build import OffsetIndex, TextBuilder, drop_matches, remap, run_breaks, sort_blocks

VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr "
    "mj-image mj-divider mj-spacer mj-breakpoint mj-font mj-class mj-all".split()
)
# Content never read as prose.
SKIP = frozenset(
    "script style code kbd samp svg math select textarea object iframe canvas audio video "
    "mj-style mj-attributes mj-font mj-breakpoint mj-html-attributes".split()
)
BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre "
    "section summary table tbody thead tfoot tr td th ul caption legend title head "
    "noscript template br".split()
)
# Innermost of these decides a block's kind.
KIND_OF = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "mj-accordion-title": "heading",
    "li": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "blockquote": "quote",
    "title": "title",
    "mj-title": "title",
    "mj-preview": "preheader",
}
# Nearest of these is the `group` of a UI block (buttons of one form, modal or container).
GROUPING = frozenset(
    "form dialog section article aside nav header footer main div table ul ol p body "
    "center mj-section mj-column mj-wrapper mj-hero mj-navbar".split()
)
# Elements that close an open element of the same name (implied end tags).
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd tr td th option".split())

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0(?![.\d])|"
    r"opacity\s*:\s*0(?![.\d])|font-size\s*:\s*0(?![.\d])|mso-hide\s*:\s*all",
    re.IGNORECASE,
)
# Class or id tokens of copy shown only after the reader acts (matched per token, so a visible
# `overflow-hidden` or `exit-link` is not mistaken for a pop-up).
_MODAL_TOKEN = re.compile(r"modal|popup|pop-up|exit-?intent|lightbox|dialog", re.IGNORECASE)
_HIDDEN_TOKENS = frozenset(
    ("hidden", "d-none", "invisible", "collapse", "is-hidden", "hide", "preheader", "previewtext")
)
_PREHEADER_CLASS = re.compile(r"preheader|preview", re.IGNORECASE)
_BUTTON_CLASS = re.compile(r"(?:^|[\s_-])(btn|button|cta)(?:$|[\s_-])", re.IGNORECASE)
_TRACKING_URL = re.compile(
    r"(?:/|\b)(open|opens|track|tracking|trk|pixel|beacon|wf/open)(?:[./?_-]|$)|"
    r"/o\.gif|/t\.gif|/e\.gif|[?&](mc_eid|_hsenc|utm_[a-z]+)=",
    re.IGNORECASE,
)
_PX = re.compile(r"^\s*([01])(?:\.0+)?\s*(?:px)?\s*$")
_STYLE_SIZE = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*([01])(?:\.0+)?px", re.IGNORECASE)
_ATTR = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""",
)
_ENTITY = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_ALNUM = re.compile(r"\w")
_UI_INPUT = frozenset(("submit", "button", "reset", "image"))
_NO_VISIBLE_ATTRS = frozenset(("alt", "title", "placeholder", "aria-label", "value", "content"))


def decode_entity(ref: str) -> str | None:
    """`ref` is what follows `&` ("amp;", "#233;", "eacute"); None if it is not an entity."""
    if ref.startswith("#"):
        body = ref[1:].rstrip(";")
        try:
            cp = int(body[1:], 16) if body[:1] in "xX" else int(body)
        except ValueError:
            return None
        if cp == 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
            return "\ufffd"
        return chr(cp)
    if ref in _HTML5:
        return _HTML5[ref]
    return None


def add_with_entities(builder: TextBuilder, raw: str, src: int) -> None:
    """Append markup text (an attribute value) to `builder`, decoding entities in place."""
    pos = 0
    for m in _ENTITY.finditer(raw):
        decoded = decode_entity(m.group(1))
        if decoded is None:
            continue
        builder.add(raw[pos : m.start()], src + pos)
        for ch in decoded:
            builder.add_char(ch, src + m.start())
        pos = m.end()
    builder.add(raw[pos:], src + pos)


@dataclass
class _Element:
    tag: str
    hidden: bool
    group: int  # id of the nearest grouping element (itself if it groups)
    modal: bool
    preheader: bool
    kind_tag: str | None
    ui: _UI | None = None
    link: _Link | None = None
    skip: bool = False


@dataclass
class _UI:
    builder: TextBuilder
    attrs: dict[str, Any]
    hidden: bool
    aria: Block | None = None


@dataclass
class _Link:
    builder: TextBuilder
    attrs: dict[str, Any]
    hidden: bool


@dataclass
class _Flow:
    builder: TextBuilder
    kind: str
    hidden: bool
    group: int
    preheader: bool
    modal: bool = False
    outside: int = 0  # word characters not inside links
    links: list[_Link] = field(default_factory=list)


@dataclass
class HtmlResult:
    """Blocks with source maps into the string that was parsed, plus what the markup says."""

    blocks: list[Block]
    comments: list[tuple[str, int, int]]  # (body, start, end): `<!--` to after `-->`
    meta: list[tuple[str, str, int]]  # nostrings:* meta (key, value, offset)
    tracking_pixels: list[str]
    preheader: str | None
    warnings: list[str]


class _Extractor(HTMLParser):
    def __init__(self, text: str, email: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.src = text
        self.index = OffsetIndex(text)
        self.email = email
        self.blocks: list[Block] = []
        self.comments: list[tuple[str, int, int]] = []
        self.meta: list[tuple[str, str, int]] = []
        self.pixels: list[str] = []
        self.warnings: list[str] = []
        self.stack: list[_Element] = []
        self.flow: _Flow | None = None
        self.ui_stack: list[_UI] = []
        self.link_stack: list[_Link] = []
        self.skip_depth = 0
        self.seen_visible = False
        self.counter = 0

    # ---- positions ---------------------------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        return self.index.offset(line, col)

    # ---- state of the innermost element ------------------------------------------------------
    def _top(self) -> _Element | None:
        return self.stack[-1] if self.stack else None

    def _kind(self) -> str:
        for el in reversed(self.stack):
            if el.kind_tag:
                return KIND_OF[el.kind_tag]
        return "paragraph"

    # ---- flushing ----------------------------------------------------------------------------
    def _flush(self) -> None:
        flow, self.flow = self.flow, None
        if flow is None:
            return
        if flow.outside == 0 and flow.links:
            for link in flow.links:
                self._emit_link(link, flow.group)
            return
        kind = flow.kind
        if flow.preheader or (
            self.email and flow.hidden and not self.seen_visible and kind == "paragraph"
        ):
            kind = "preheader"
        block = flow.builder.block(kind, hidden=flow.hidden or kind == "preheader")
        if block is None:
            return
        block.attrs["group"] = flow.group
        if flow.modal:
            block.attrs["modal"] = True
        if kind != "preheader" and not flow.hidden and kind != "title":
            self.seen_visible = True
        self.blocks.append(block)

    def _emit_link(self, link: _Link, group: int) -> None:
        block = link.builder.block("ui", is_ui=True, hidden=link.hidden, attrs=link.attrs)
        if block is not None:
            block.attrs.setdefault("group", group)
            if not link.hidden:
                self.seen_visible = True
            self.blocks.append(block)

    # ---- text --------------------------------------------------------------------------------
    def _hidden(self) -> bool:
        top = self._top()
        return bool(top and top.hidden)

    def _target(self) -> TextBuilder | None:
        if self.skip_depth:
            return None
        if self.ui_stack:
            return self.ui_stack[-1].builder
        hidden = self._hidden()
        top = self._top()
        preheader = bool(top and top.preheader)
        if self.flow is not None and (
            self.flow.hidden != hidden or self.flow.preheader != preheader
        ):
            self._flush()
        if self.flow is None:
            self.flow = _Flow(
                TextBuilder(),
                self._kind(),
                hidden,
                top.group if top else 0,
                preheader,
                bool(top and top.modal),
            )
        return self.flow.builder

    def _add(self, text: str, src: int, char: bool = False) -> None:
        target = self._target()
        if target is None:
            return
        put = target.add_char if char else target.add
        if char:
            for ch in text:
                put(ch, src)
        else:
            put(text, src)
        if self.ui_stack or self.flow is None:
            return
        if self.link_stack:
            lb = self.link_stack[-1].builder
            if char:
                for ch in text:
                    lb.add_char(ch, src)
            else:
                lb.add(text, src)
        elif _ALNUM.search(text):
            self.flow.outside += 1

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        if _STRAY in data:
            data = data.replace(_STRAY, "&")
        self._add(data, self._here())

    def handle_entityref(self, name: str) -> None:
        start = self._here()
        raw_end = start + 1 + len(name)
        has_semi = self.src.startswith(";", raw_end)
        decoded = decode_entity(name + ";") if has_semi else None
        if decoded is None:
            decoded = decode_entity(name)
        if decoded is None:
            self._add(self.src[start : raw_end + has_semi], start)
            return
        self._add(decoded, start, char=True)

    def handle_charref(self, name: str) -> None:
        decoded = decode_entity("#" + name) or ""
        self._add(decoded, self._here(), char=True)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """`<![...]>`: a malformed one (which the stdlib rejects with an AssertionError) is
        skipped to its `>`, as browsers treat it as a bogus comment."""
        pos = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = pos  # the stdlib moved the position before raising
            j = self.rawdata.find(">", i + 3)
            return i + 3 if j == -1 else j + 1

    def handle_comment(self, data: str) -> None:
        start = self._here()
        self.comments.append((data, start, start + 4 + len(data) + 3))

    # ---- tags --------------------------------------------------------------------------------
    def _attr_spans(self, start: int) -> dict[str, tuple[str, int]]:
        """Attribute name -> (raw value, source offset of the value) for the current tag."""
        raw = self.get_starttag_text() or ""
        name_end = 1
        while name_end < len(raw) and not raw[name_end].isspace() and raw[name_end] not in "/>":
            name_end += 1
        out: dict[str, tuple[str, int]] = {}
        for m in _ATTR.finditer(raw, name_end, len(raw) - 1):
            name = m.group(1).lower()
            if name in out:
                continue
            for g in (2, 3, 4):
                if m.group(g) is not None:
                    out[name] = (m.group(g), start + m.start(g))
                    break
            else:
                out[name] = ("", start + m.end(1))
        return out

    def _attr_block(
        self, kind: str, raw: str, src: int, hidden: bool, attrs: dict[str, Any]
    ) -> Block | None:
        tb = TextBuilder()
        add_with_entities(tb, raw, src)
        return tb.block(kind, is_ui=kind == "ui", hidden=hidden, attrs=attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, void=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, void=tag in VOID)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        start = self._here()
        a = {k.lower(): (v if v is not None else "") for k, v in attrs}
        parent = self._top()
        if tag in _SELF_CLOSING_SIBLINGS:
            self._close_sibling(tag)
            parent = self._top()
        self.counter += 1
        el_id = self.counter
        if tag == "br":
            if self.ui_stack:
                self.ui_stack[-1].builder.space(start)
            elif self.flow is not None:
                self.flow.builder.newline(start)
                if self.link_stack:
                    self.link_stack[-1].builder.space(start)
            return
        if (tag in BLOCK or tag.startswith("mj-")) and not self.ui_stack:
            self._flush()
        classes = a.get("class", "") + " " + a.get("id", "")
        tokens = classes.lower().split()
        style = a.get("style", "")
        hidden = bool(parent and parent.hidden)
        modal = bool(parent and parent.modal)
        if (
            "hidden" in a
            or a.get("aria-hidden", "").lower() == "true"
            or (style and _HIDDEN_STYLE.search(style))
            or tag in ("template", "noscript", "mj-preview")
            or (tag == "dialog" and "open" not in a)
            or any(t in _HIDDEN_TOKENS or _MODAL_TOKEN.search(t) for t in tokens)
        ):
            hidden = True
        if (
            tag == "dialog"
            or a.get("role") in ("dialog", "alertdialog")
            or any(_MODAL_TOKEN.search(t) for t in tokens)
        ):
            modal = True
        preheader = bool(parent and parent.preheader) or tag == "mj-preview"
        if _PREHEADER_CLASS.search(classes) and hidden:
            preheader = True
        group = (
            el_id
            if tag in GROUPING or (modal and not (parent and parent.modal))
            else (parent.group if parent else 0)
        )
        kind_tag = tag if tag in KIND_OF else None
        spans = self._attr_spans(start) if a and not _NO_VISIBLE_ATTRS.isdisjoint(a) else {}
        self._visible_attrs(tag, a, spans, hidden, group)
        if tag == "meta":
            name = a.get("name", "")
            if name.lower().startswith("nostrings:") and "content" in spans:
                self.meta.append((name[10:], a["content"], spans["content"][1]))
            return
        if tag == "img":
            self._image(a, spans)
            return
        if tag in ("input", "mj-image") or void:
            if tag == "input" and a.get("type", "").lower() in _UI_INPUT and "value" in spans:
                raw, src = spans["value"]
                attrs = _ui_attrs(tag, a, group, modal)
                b = self._attr_block("ui", raw, src, hidden, attrs)
                if b is not None:
                    self.blocks.append(b)
            return
        el = _Element(tag, hidden, group, modal, preheader, kind_tag)
        if tag in SKIP:
            el.skip = True
            self.skip_depth += 1
        elif not self.skip_depth:
            is_button = (
                tag in ("button", "mj-button", "mj-navbar-link", "mj-social-element")
                or a.get("role") in ("button", "menuitem", "tab")
                or (tag == "a" and bool(_BUTTON_CLASS.search(classes)))
            )
            if is_button:
                el.ui = _UI(TextBuilder(), _ui_attrs(tag, a, group, modal), hidden)
                if "aria-label" in spans:
                    el.ui.aria = self._attr_block(
                        "ui", *spans["aria-label"], hidden, {"attr": "aria-label", "group": group}
                    )
                self.ui_stack.append(el.ui)
                if self.flow is not None:
                    self.flow.builder.space(start)
            elif tag == "a" and not self.ui_stack:
                el.link = _Link(TextBuilder(), _ui_attrs(tag, a, group, modal), hidden)
                self.link_stack.append(el.link)
        self.stack.append(el)

    def _visible_attrs(
        self,
        tag: str,
        a: dict[str, str],
        spans: dict[str, tuple[str, int]],
        hidden: bool,
        group: int,
    ) -> None:
        if self.skip_depth or tag in ("meta", "link", "script", "style", "html", "head"):
            return
        is_button = tag in ("button", "mj-button") or a.get("role") == "button"
        for name, kind in (("alt", "alt"), ("title", "title"), ("placeholder", "ui")):
            if name not in spans:
                continue
            if name == "alt" and _is_pixel(a):
                continue
            if name == "alt" and tag not in ("img", "area", "input", "mj-image"):
                continue
            attrs = {"attr": name, "tag": tag, "group": group}
            b = self._attr_block(kind, *spans[name], hidden, attrs)
            if b is not None:
                self.blocks.append(b)
        if "aria-label" in spans and not is_button:
            b = self._attr_block(
                "ui",
                *spans["aria-label"],
                hidden,
                {"attr": "aria-label", "tag": tag, "group": group},
            )
            if b is not None:
                self.blocks.append(b)

    def _image(self, a: dict[str, str], spans: dict[str, tuple[str, int]]) -> None:
        src = a.get("src", "").strip()
        if src and (_is_pixel(a) or (_TRACKING_URL.search(src) and _is_small_or_unsized(a))):
            self.pixels.append(src)

    def _close_sibling(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            el = self.stack[i]
            if el.tag == tag:
                self._pop_to(i)
                return
            if el.tag in BLOCK and el.tag not in ("p", "span"):
                return

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self._start("br", [], void=True)
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                break
        else:
            return
        if (tag in BLOCK or tag.startswith("mj-")) and not self.ui_stack:
            self._flush()

    def _pop_to(self, i: int) -> None:
        while len(self.stack) > i:
            el = self.stack.pop()
            if el.skip:
                self.skip_depth -= 1
            if el.ui is not None:
                self._end_ui(el.ui)
            if el.link is not None:
                self._end_link(el.link)
            if el.tag in BLOCK and not self.ui_stack and len(self.stack) > i:
                self._flush()

    def _end_ui(self, ui: _UI) -> None:
        if ui in self.ui_stack:
            self.ui_stack.remove(ui)
        block = ui.builder.block("ui", is_ui=True, hidden=ui.hidden, attrs=ui.attrs)
        if block is not None:
            if not ui.hidden:
                self.seen_visible = True
            self.blocks.append(block)
        if ui.aria is not None and (
            block is None or ui.aria.text.strip().lower() != block.text.strip().lower()
        ):
            self.blocks.append(ui.aria)

    def _end_link(self, link: _Link) -> None:
        if link in self.link_stack:
            self.link_stack.remove(link)
        if self.flow is not None:
            self.flow.links.append(link)
        else:
            self._emit_link(link, link.attrs.get("group", 0))

    def finish(self) -> None:
        self.close()
        self._pop_to(0)
        self._flush()


def _ui_attrs(tag: str, a: dict[str, str], group: int, modal: bool) -> dict[str, Any]:
    attrs: dict[str, Any] = {"tag": tag, "group": group}
    for key in ("class", "id", "href", "type", "role", "name"):
        if key in a:
            attrs[key] = a[key].strip()  # a masked template expression leaves blanks
    if modal:
        attrs["modal"] = True
    return attrs


def _dimension(a: dict[str, str], name: str) -> int | None:
    m = _PX.match(a.get(name, ""))
    if m:
        return int(m.group(1))
    for sm in _STYLE_SIZE.finditer(a.get("style", "")):
        if sm.group(1).lower() == name:
            return int(sm.group(2))
    return None


def _is_pixel(a: dict[str, str]) -> bool:
    return _dimension(a, "width") is not None and _dimension(a, "height") is not None


def _is_small_or_unsized(a: dict[str, str]) -> bool:
    return ("width" not in a and "height" not in a) or _is_pixel(a)


_OPEN_COMMENT = re.compile(r"<!--")
# `&#` that starts no character reference; swapped (one for one) for a private-use character
# that handle_data turns back into `&`, since the stdlib parser waits for a `;` that never comes.
_BARE_CHARREF = re.compile(r"&(?=#(?![0-9]|[xX][0-9a-fA-F]))")
_STRAY = "\ue000"
_LAST_TAG = re.compile(r"<[A-Za-z!/][^>]*\Z")


def _truncate_unterminated(text: str, index: OffsetIndex, warnings: list[str]) -> str:
    """Cut an unterminated comment or tag at the end, which the parser would read as prose."""
    pos = text.rfind("<!--")
    if pos != -1 and text.find("-->", pos + 4) == -1:
        line, col = index.position(pos)
        warnings.append(f"line {line}, column {col}: comment is never closed; ignored to the end")
        return text[:pos]
    m = _LAST_TAG.search(text, max(0, text.rfind("<")))
    if m:
        line, col = index.position(m.start())
        warnings.append(f"line {line}, column {col}: tag is never closed; ignored to the end")
        return text[: m.start()]
    return text


def extract(text: str, email: bool = False) -> HtmlResult:
    """Read HTML (or MJML) markup into blocks whose maps point into `text`."""
    p = _Extractor(text, email)
    warnings: list[str] = []
    body = _truncate_unterminated(text, p.index, warnings)
    if "&#" in body:  # a bare `&#` would make the parser read the rest of the file as text
        body = _BARE_CHARREF.sub(_STRAY, body)
    try:
        p.feed(body)
        p.finish()
    except Exception as exc:  # never a traceback: keep what was read, say where it stopped
        line, col = p.getpos()
        warnings.append(
            f"line {line}, column {col + 1}: HTML could not be read past this point "
            f"({type(exc).__name__}: {exc})"
        )
        p.stack.clear()
        p.ui_stack.clear()
        p.link_stack.clear()
        p.skip_depth = 0
        p._flush()
    blocks = _drop_repeated_labels([b for b in map(drop_matches, p.blocks) if b is not None])
    blocks = sort_blocks(blocks)
    preheader = next((b.text for b in blocks if b.kind == "preheader"), None)
    return HtmlResult(blocks, p.comments, p.meta, p.pixels, preheader, warnings + p.warnings)


def apply_result(doc: Document, res: HtmlResult, positions: Any = None) -> None:
    """Fill `doc` from an extraction; `positions` re-points offsets (decoded -> file) if given."""

    def at(offset: int) -> int:
        if positions is None:
            return offset
        if not len(positions):
            return 0
        return positions[min(max(offset, 0), len(positions) - 1)]

    breaks = run_breaks(positions) if positions is not None else []
    for b in res.blocks:
        doc.blocks.append(remap(b, positions, breaks) if positions is not None else b)
    for body, start, end in res.comments:
        _meta.directive(doc, body, at(start), at(max(start, end - 1)) + 1)
    for key, value, offset in res.meta:
        line = doc.line_index.position(at(offset))[0]
        if not _meta.apply(doc, key, value, f'line {line}: <meta name="nostrings:{key}">'):
            doc.warnings.append(f"line {line}: unknown nostrings meta key {key!r} ignored")
    pixels = doc.metadata.setdefault("tracking_pixels", [])
    pixels.extend(u for u in res.tracking_pixels if u not in pixels)
    if res.preheader and "preheader" not in doc.metadata:
        doc.metadata["preheader"] = res.preheader
    doc.warnings.extend(res.warnings)


def _drop_repeated_labels(blocks: list[Block]) -> list[Block]:
    """A `title` or `aria-label` that repeats visible text (`<a title="Claim">Claim</a>`) adds
    nothing a reader sees twice; keep it only when it says something else."""
    seen = {" ".join(b.text.lower().split()) for b in blocks if "attr" not in b.attrs}
    return [
        b
        for b in blocks
        if b.attrs.get("attr") not in ("title", "aria-label")
        or " ".join(b.text.lower().split()) not in seen
    ]


def is_email_markup(text: str) -> bool:
    """A page marked as email (`<meta name="nostrings:channel" content="email">`)."""
    return bool(re.search(r"nostrings:channel[\"']?\s+content=[\"']?(fundraising_)?email", text))


def read(data: bytes, path: str, options: dict) -> Document:
    text = decode_text(data)
    doc = Document(path, "html", "", [], source_text=text)
    apply_result(doc, extract(text, email=is_email_markup(text)))
    return doc
