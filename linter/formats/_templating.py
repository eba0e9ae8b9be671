"""Templates read as the markup they produce: tags and expressions masked, never deleted.

Masking replaces every character of `{{ ... }}`, `{% ... %}` and the like with a space (line
breaks kept), so the HTML, MJML, Markdown or text around them keeps every offset and finding
positions are those of the template file. Text inside `{% raw %}` blocks and between block tags
(`{% if %}...{% else %}...{% endif %}`) is output copy, so both branches are read. Comments are
masked too, after their `nostrings-` directives are recorded.

Which markup a template produces comes from the compound extension (`welcome.html.j2`,
`digest.mjml.hbs`, `post.md.liquid`, `plain.txt.njk`); without one, MJML is recognised by its
`<mjml>` root, HTML by its tags, and anything else is plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from ..model import Document
from . import _meta, decode_text, frontmatter, html_doc
from .plaintext import paragraphs

# (pattern, group holding a comment body or None)
Syntax = list[tuple[re.Pattern[str], int | None]]

JINJA: Syntax = [
    (re.compile(r"\{#-?(.*?)-?#\}", re.DOTALL), 1),
    (re.compile(r"\{%-?.*?-?%\}", re.DOTALL), None),
    (re.compile(r"\{\{-?.*?-?\}\}", re.DOTALL), None),
]
LIQUID: Syntax = [
    (
        re.compile(
            r"\{%-?\s*comment\s*-?%\}(.*?)\{%-?\s*endcomment\s*-?%\}", re.DOTALL | re.IGNORECASE
        ),
        1,
    ),
    (re.compile(r"\{%-?\s*#(.*?)-?%\}", re.DOTALL), 1),
    (re.compile(r"\{%-?.*?-?%\}", re.DOTALL), None),
    (re.compile(r"\{\{-?.*?-?\}\}", re.DOTALL), None),
]
HANDLEBARS: Syntax = [
    (re.compile(r"\{\{~?!--(.*?)--~?\}\}", re.DOTALL), 1),
    (re.compile(r"\{\{~?!(.*?)~?\}\}", re.DOTALL), 1),
    (re.compile(r"\{\{\{\{.*?\}\}\}\}", re.DOTALL), None),
    (re.compile(r"\{\{\{.*?\}\}\}", re.DOTALL), None),
    (re.compile(r"\{\{.*?\}\}", re.DOTALL), None),
]
# MJML files are often templated too; any of these is masked in them.
ANY: Syntax = (
    JINJA[:1]
    + HANDLEBARS[:2]
    + [
        (re.compile(r"\{%-?.*?-?%\}", re.DOTALL), None),
        (re.compile(r"\{\{.*?\}\}", re.DOTALL), None),
    ]
)

_BLANK = re.compile(r"[^\n]")
ZWSP = "\u200b"


def mask(doc: Document, text: str, syntax: Syntax, lead: str = " ") -> str:
    """Mask template syntax in `text`; directives in comments go to `doc.suppressions`.

    Patterns are tried in order at each `{`, so a comment is masked as a whole before a tag
    pattern could end inside it. `lead` replaces the first character of a tag that starts a
    line with text after it: Markdown needs a non-blank there ("\u200b"), or the line's text
    would be indented into a code block.
    """
    if "{" not in text:
        return text
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        brace = text.find("{", pos)
        if brace == -1:
            break
        for pattern, comment_group in syntax:
            m = pattern.match(text, brace)
            if m:
                if comment_group is not None:
                    _meta.directive(doc, m.group(comment_group), m.start(), m.end())
                out.append(text[pos:brace])
                blank = _BLANK.sub(" ", m.group(0))
                if lead != " " and _starts_line(text, brace) and _text_follows(text, m.end()):
                    blank = lead + blank[1:]
                out.append(blank)
                pos = m.end()
                break
        else:
            out.append(text[pos : brace + 1])
            pos = brace + 1
    out.append(text[pos:])
    masked = "".join(out)
    if len(masked) != len(text):  # pragma: no cover - masking is length-preserving
        raise AssertionError("template masking changed the text length")
    return masked


def _starts_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip()


def _text_follows(text: str, at: int) -> bool:
    end = text.find("\n", at)
    return bool(text[at : len(text) if end == -1 else end].strip())


_INNER = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mjml": "mjml",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".eml": "text",
}
_HTML_TAG = re.compile(r"<(?:[A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")


def inner_format(path: str, masked: str) -> str:
    """What a template produces: from `name.<inner>.<template ext>`, else from its content."""
    suffixes = [s.lower() for s in PurePath(path).suffixes]
    for s in reversed(suffixes[:-1]):
        if s in _INNER:
            return _INNER[s]
    head = masked[:4096].lower()
    if "<mjml" in head:
        return "mjml"
    if _HTML_TAG.search(masked):
        return "html"
    return "text"


def read_template(
    data: bytes, path: str, fmt: str, syntax: Syntax, inner: str | None = None
) -> Document:
    """Decode, read front matter, mask template syntax, then read as the inner format."""
    text = decode_text(data)
    doc = Document(path, fmt, "", [], source_text=text)
    body = text
    fm = frontmatter.find(text)
    if fm is not None:
        frontmatter.apply(doc, text, fm)
        body = frontmatter.mask(text, fm.start, fm.end)
    masked = mask(doc, body, syntax)
    kind = inner or inner_format(path, masked)
    if kind == "markdown":
        masked = mask(Document(path, fmt, "", [], source_text=text), body, syntax, lead=ZWSP)
    READERS[kind](doc, masked)
    doc.blocks.sort(key=lambda b: b.source_map.src_starts[0] if b.source_map.src_starts else 0)
    return doc


def _html(doc: Document, text: str) -> None:
    html_doc.apply_result(doc, html_doc.extract(text, email=html_doc.is_email_markup(text)))


def _mjml(doc: Document, text: str) -> None:
    html_doc.apply_result(doc, html_doc.extract(text, email=True))
    if not doc.channel:
        doc.channel = "email"  # MJML only makes email; configuration can still say otherwise


def _markdown(doc: Document, text: str) -> None:
    from .markdown import parse

    parse(doc, text)


def _text(doc: Document, text: str) -> None:
    doc.blocks.extend(paragraphs(text))


READERS: dict[str, Callable[[Document, str], None]] = {
    "html": _html,
    "mjml": _mjml,
    "markdown": _markdown,
    "text": _text,
}
