"""The trie matcher (`Lexicon.find`) finds exactly what trying every sequence at every token
(`Lexicon.find_naive`) finds: the speed-up must never change a cue, so a finding cannot change."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest
from conftest import CASES, CORPUS, ROOT

from linter import sentences
from linter.engine import _lexicon_for_all
from linter.nlp import tokenize_many
from linter.patterns import Lexicon, Match


def _both(lex: Lexicon, texts: list[str]) -> tuple[list[list[Match]], list[list[Match]]]:
    toks = list(tokenize_many(texts))
    return [lex.find(lo, tx) for lo, tx, _ in toks], [lex.find_naive(lo, tx) for lo, tx, _ in toks]


def test_edge_cases_match_the_reference() -> None:
    lex = Lexicon(
        [
            ("GAP", "book a ~2 demo"),
            ("GAP", "book a demo"),  # same label, shorter: the longest per start wins
            ("RE", r"/\d{1,2}:\d{2}/ (am|pm)?"),
            ("RE2", r"/\d+/ ANY ~3 (st|street)"),
            ("MONEY", "MONEY"),
            ("NUMCUR", "NUM CUR"),
            ("DEBT", "it 's only fair"),
            ("END", "act now"),
        ]
    )
    texts = [
        "Book a free live demo today, or book a demo later.",
        "Doors open at 10:30 pm and 9:15.",
        "Write to 1200 North Main St or 5 Oak street.",
        "Give $25, 30 € or EUR 40 now.",
        "It’s only fair. Act now",  # typographic apostrophe; a match ending the sentence
        "book a",  # a prefix that runs out of tokens
        "",
    ]
    fast, slow = _both(lex, texts)
    assert fast == slow
    assert [m.label for m in fast[0]] == ["GAP", "GAP"]
    assert [(m.start, m.end) for m in fast[0]] == [(0, 5), (8, 11)]
    assert {m.label for m in fast[3]} == {"MONEY", "NUMCUR"}


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus beside the repo")
def test_every_cue_of_real_copy_matches_the_reference() -> None:
    lex = _lexicon_for_all()
    paths = [
        *islice(sorted((CORPUS / "dev" / "political-emails").glob("*.txt")), 7, 2000, 25),
        *sorted((CORPUS / "dev" / "fundraising-banners").glob("*.txt"))[:20],
        *sorted((ROOT / "fixtures").rglob("*.txt")),
        *sorted(CASES.glob("*.yaml")),
    ]
    texts: list[str] = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        texts.extend(text[s:e] for s, e in sentences.split(text))
    fast, slow = _both(lex, texts)
    assert sum(map(len, fast)) > 1000  # the sample really exercises the lexicon
    for text, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, text
