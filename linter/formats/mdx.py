"""MDX: Markdown with JSX. Read as Markdown after masking what is code.

Masked (replaced by spaces, line breaks kept, so every offset still points at the file):
`import`/`export` statements, JSX expressions `{...}` (an attribute value `={...}` becomes a
quoted blank, so `<Callout type={kind}>` still reads as a tag) and `{/* ... */}` comments, which
are also where suppression directives live. JSX elements are then read like HTML: the text
between tags is prose, `<Button>` labels are UI blocks, attributes are not prose. Code fences
and inline code are left to the Markdown reader (which skips them).
"""

from __future__ import annotations

import re

from ..model import Document
from . import _meta, decode_text
from .markdown import read_text

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_ESM = re.compile(r"(?:import|export)\b")  # used with .match(text, pos): anchored at pos
_INTERESTING = re.compile(r"[{`\n]")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _expression_end(text: str, start: int) -> int:
    """Offset after the `}` that closes the `{` at `start` (strings and nesting respected)."""
    depth = 0
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c in "\"'`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j == -1 else j + 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def mask(doc: Document, text: str) -> str:
    """Mask ESM, expressions and comments; record `{/* nostrings-... */}` directives."""
    chars = list(text)
    pos = 0
    n = len(text)
    at_line_start = True
    in_fence: str | None = None
    while pos < n:
        if at_line_start:
            line_end = text.find("\n", pos)
            line_end = n if line_end == -1 else line_end
            fm = _FENCE.match(text, pos, line_end)
            if in_fence is not None:
                if fm and fm.group(1)[0] == in_fence[0] and len(fm.group(1)) >= len(in_fence):
                    in_fence = None
                pos = line_end + 1
                continue
            if fm:
                in_fence = fm.group(1)
                pos = line_end + 1
                continue
            if _ESM.match(text, pos):
                end = text.find("\n\n", pos)
                end = n if end == -1 else end
                _blank(chars, pos, end)
                pos = end
                continue
        m = _INTERESTING.search(text, pos)
        if not m:
            break
        c = m.group(0)
        i = m.start()
        if c == "\n":
            at_line_start = True
            pos = i + 1
            continue
        at_line_start = False
        if c == "`":
            run = re.match(r"`+", text[i:]).group(0)  # type: ignore[union-attr]
            close = text.find(run, i + len(run))
            pos = i + len(run) if close == -1 else close + len(run)
            continue
        end = _expression_end(text, i)
        inner = text[i + 1 : end - 1].strip()
        if inner.startswith("/*") and inner.endswith("*/"):
            _meta.directive(doc, inner[2:-2], i, end)
        if i > 0 and text[i - 1] == "=" and end - i >= 2:
            _blank(chars, i, end)
            chars[i] = '"'
            chars[end - 1] = '"'
        else:
            _blank(chars, i, end)
        pos = end
    return "".join(chars)


def read(data: bytes, path: str, options: dict) -> Document:
    return read_text(decode_text(data), path, "mdx", prepare=mask)
