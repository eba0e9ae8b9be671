"""Sentence boundaries for every block, without a spaCy pass.

Windows (S0, S0..+4, DOC) need sentence indices for *all* text, but only sentences that can hold
a cue are worth tokenizing. So boundaries come from this splitter, which runs on raw text at
regex speed, and spaCy's tokenizer runs only on the sentences the lexicon anchors select.

It follows the sentencizer's idea (split after `.`, `!`, `?` and their Unicode kin) with the two
fixes copy needs: abbreviations such as "Mr." or "e.g." do not end a sentence, and a hard line
break ends one only when it looks like a new line of copy (a short unpunctuated line followed by
a capitalised or bulleted one), not when an email body was wrapped at 72 columns.
"""

from __future__ import annotations

import re

# Never end a sentence after these (they are followed by a name or a number).
_NO_BREAK_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "mt",
        "ft",
        "no",
        "nos",
        "vs",
        "v",
        "e.g",
        "i.e",
        "etc.al",
        "cf",
        "approx",
        "ca",
        "fig",
        "figs",
        "op",
        "gen",
        "gov",
        "sen",
        "rep",
        "pres",
        "hon",
        "rev",
        "capt",
        "col",
        "lt",
        "sgt",
        "messrs",
        "mme",
        "mlle",
        "esq",
        "inc.com",
    ]
)
_TERMINATORS = ".!?…‼⁉。！？"
_BOUNDARY = re.compile(
    r"""([.!?…‼⁉。！？]+)          # terminal punctuation
        (["'”’»)\]]*)                # closing quotes or brackets stay with the sentence
        (\s+)                        # the break itself
    """,
    re.VERBOSE,
)
_LINEBREAK = re.compile(r"[ \t]*\n[ \t\n]*")
_BULLET = re.compile(r"^([-*•·–—>]|\d{1,2}[.)])\s")
_WRAP_WIDTH = 55


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at `end` (what `[\\w.]+$` would match on
    `text[:end]`), found by walking back from `end`: searching the whole prefix again for every
    full stop made splitting quadratic in the length of a block. Like `$`, it may end just before
    a final line break."""
    if end > 0 and text[end - 1] == "\n":
        end -= 1
    start = end
    while start > 0:
        c = text[start - 1]
        if c.isalnum() or c == "_" or c == ".":
            start -= 1
        else:
            break
    return text[start:end]


def split(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences in `text`, whitespace trimmed."""
    cuts: set[int] = set()
    for m in _BOUNDARY.finditer(text):
        end_punct = m.end(2)
        punct_at = m.start(1)
        word = _word_before(text, punct_at).lower().rstrip(".")
        nxt = text[m.end(3) : m.end(3) + 1]
        punct = m.group(1)
        if punct == "." and word:
            if word in _NO_BREAK_ABBREV:
                continue
            if len(word) == 1 and word.isalpha():
                continue  # initials: "J. Smith", "U.S."
            if "." in word and word.replace(".", "").isalpha() and len(word) <= 5:
                if not nxt.isupper():
                    continue  # "a.m. tomorrow", "i.e. this"
            if nxt and nxt.islower():
                continue  # "approx. three", "vol. two"
        if punct == "." and not word and text.endswith(("...", "…"), 0, punct_at) and nxt.islower():
            continue
        if punct in ("!", "?", "!!", "?!", "!?") and nxt.islower():
            continue  # 'He said “hurry!” and left.'; an exclamation inside a sentence
        cuts.add(end_punct)
    for m in _LINEBREAK.finditer(text):
        if "\n\n" in m.group(0).replace(" ", "").replace("\t", ""):
            cuts.add(m.start())
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev_line = text[line_start : m.start()].strip()
        line_end = text.find("\n", m.end())
        nxt_line = text[m.end() : line_end if line_end != -1 else len(text)]
        if not prev_line or not nxt_line:
            continue
        if prev_line[-1] in _TERMINATORS or prev_line[-1] in ":;":
            cuts.add(m.start())
            continue
        if _BULLET.match(nxt_line):
            cuts.add(m.start())
            continue
        if len(prev_line) < _WRAP_WIDTH and (nxt_line[0].isupper() or not nxt_line[0].isalnum()):
            if prev_line[-1] not in ",-–—&(" and not prev_line.endswith((" and", " or", " the")):
                cuts.add(m.start())
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts) + [len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans
