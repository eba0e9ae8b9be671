"""Quoted and folded strings (YAML, JSON, TOML) mapped back to the characters that typed them.

A parser gives the value of `"Get 20% off\\u2014today"` and where the token starts; a finding
needs the column of each character. `align` walks the raw token and the value together:
characters typed as themselves map to themselves, an escape (`\\u2014`, `''`) maps to its
backslash or quote, and a folded line break with its indentation maps to the break.
"""

from __future__ import annotations

import re

from ..model import Block
from ._build import TextBuilder

_HEX_LEN = {"x": 4, "u": 6, "U": 10}
_WS = " \t\r\n"


def align(src: str, start: int, end: int, value: str, style: str | None) -> list[int]:
    """Source offset of each character of `value`, the scalar typed in `src[start:end]`.

    `style` is None (plain), `'` or `"` (quoted: the opening quote is at `start`), or `|`/`>`
    (YAML block scalar: content starts on the line after the header).
    """
    r = start
    if style in ("'", '"'):
        r += 1
    elif style in ("|", ">"):
        nl = src.find("\n", start, end)
        r = end if nl == -1 else nl + 1
    pos: list[int] = []
    last = start
    n_end = min(end, len(src))
    for ch in value:
        while True:
            if r >= n_end:
                pos.append(last)
                break
            c = src[r]
            if style == '"' and c == "\\":
                esc = src[r + 1 : r + 2]
                if esc in ("\n", "\r"):  # escaped line break: continues without a character
                    r += 2
                    while r < n_end and src[r] in " \t\r\n":
                        r += 1
                    continue
                length = _HEX_LEN.get(esc, 2)
                if esc == "u" and _is_high_surrogate(src[r + 2 : r + 6]):
                    if src[r + 6 : r + 8] == "\\u":
                        length = 12
                pos.append(r)
                last = r
                r += length
                break
            if style == "'" and c == "'" and src[r + 1 : r + 2] == "'" and ch == "'":
                pos.append(r)
                last = r
                r += 2
                break
            if c == ch:
                pos.append(r)
                last = r
                r += 1
                break
            if ch in " \n" and c in _WS:  # folded line break (+ indentation) read as one
                pos.append(r)
                last = r
                while r < n_end and src[r] in _WS:
                    r += 1
                break
            r += 1  # indentation, quotes, block indicators: typed but not in the value
    return pos


def _is_high_surrogate(hex4: str) -> bool:
    try:
        return 0xD800 <= int(hex4, 16) <= 0xDBFF
    except ValueError:
        return False


# Interpolation and markup inside catalog strings: masked, never read as words.
PLACEHOLDER = re.compile(
    r"\{\{.*?\}\}|\$\{[^{}]*\}|%\{[^{}]*\}|%<\w+>[sdif]|\{[\w.\-]*\}|%\(\w+\)[sdif]"
    r"|%(?:\d+\$)?[sdif@]|</?[A-Za-z][^<>]*>"
)
_URLISH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|mailto:|tel:|www\.|/)\S*$", re.IGNORECASE)
_CODEISH = re.compile(r"[/_:#@=\\{}<>]|\w\.\w")
_LETTER = re.compile(r"[^\W\d_]")


def looks_like_copy(value: str) -> bool:
    """True for strings a person reads; False for ids, URLs, paths, colours and numbers.

    A single word ("Free", "Continue") is copy; a single token with code punctuation
    ("checkout.title", "#ff0000", "https://...", "snake_case") is not.
    """
    s = value.strip()
    if not s or not _LETTER.search(s):
        return False
    if _URLISH.match(s):
        return False
    return not (" " not in s and _CODEISH.search(s))


def value_block(
    value: str, positions: list[int], key: str, kind: str = "value", **attrs: object
) -> Block | None:
    """A UI block for a catalog value with placeholders and inline tags masked out."""
    tb = TextBuilder(collapse=True)

    def put(lo: int, hi: int) -> None:
        """Characters lo..hi, a run at a time where they were typed one for one."""
        i = lo
        while i < hi:
            if value[i] == "\n":
                tb.newline(positions[i])  # a line break in the value may end a sentence
                i += 1
                continue
            j = i + 1
            while j < hi and value[j] != "\n" and positions[j] == positions[j - 1] + 1:
                j += 1
            if j - i == 1:
                tb.add_char(value[i], positions[i])
            else:
                tb.add(value[i:j], positions[i])
            i = j

    last = 0
    for m in PLACEHOLDER.finditer(value):
        put(last, m.start())
        if m.start() < len(positions):
            tb.space(positions[m.start()])
        last = m.end()
    put(last, len(value))
    return tb.block(kind, is_ui=True, attrs={"key": key, **attrs})
