"""The pattern DSL, the first-token matcher and the anchors that let sentences skip spaCy."""

from __future__ import annotations

import pytest

from linter.patterns import UNSAFE_ANCHORS, Lexicon, PatternError, compile_pattern


def _tok(text: str) -> tuple[list[str], list[str]]:
    from linter.nlp import tokenize_many

    lowers, texts, _ = next(tokenize_many([text]))
    return lowers, texts


def _find(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    lowers, texts = _tok(text)
    return [(m.label, " ".join(texts[m.start : m.end])) for m in lex.find(lowers, texts)]


def test_alternatives_optional_and_gaps_expand() -> None:
    seqs = compile_pattern("(return|returning) the (favor|favour) back?")
    assert len(seqs) == 2  # with and without the optional "back"
    assert len(compile_pattern("book a ~2 demo")) == 3  # gap of 0, 1 or 2 tokens
    assert len(compile_pattern("(thank - you|thank you) gift")) == 2


@pytest.mark.parametrize("bad", ["(a|b", "a)", "?a", "/unclosed", "~1"])
def test_malformed_patterns_are_rejected(bad: str) -> None:
    with pytest.raises(PatternError):
        compile_pattern(bad)


def test_money_num_regex_and_escapes() -> None:
    lex = Lexicon(
        [
            ("MONEY", "MONEY"),
            ("TIMER", r"ends in /\d{1,2}:\d{2}/"),
            ("TAX", "501 \\( c \\) \\( 3 \\)"),
            ("LEFT", "only NUM left"),
        ]
    )
    found = _find(
        lex, "Only 3 left at $1,200 or 40 dollars; ends in 09:59 for our 501 ( c ) ( 3 )."
    )
    assert ("LEFT", "Only 3 left") in found
    assert ("MONEY", "$ 1,200") in found
    assert ("MONEY", "40 dollars") in found
    assert ("TIMER", "ends in 09:59") in found
    assert ("TAX", "501 ( c ) ( 3 )") in found


def test_longest_match_wins_per_label_and_start() -> None:
    lex = Lexicon([("VOL", "no strings"), ("VOL", "no strings attached")])
    assert _find(lex, "No strings attached, promise.") == [("VOL", "No strings attached")]


def test_typographic_apostrophes_match_plain_patterns() -> None:
    lex = Lexicon([("DEBT", "it 's only fair")])
    assert _find(lex, "It’s only fair.") == [("DEBT", "It ’s only fair")]


def test_line_breaks_inside_a_phrase_still_match() -> None:
    lex = Lexicon([("DEBT", "the least you could do")])
    assert _find(lex, "That is the least\nyou could do.") == [("DEBT", "the least you could do")]


def test_anchor_hit_requires_a_pattern_word() -> None:
    lex = Lexicon([("DEBT", "return the favor"), ("MONEY", "MONEY")])
    assert lex.anchors.hit("Please RETURN the favor")
    assert lex.anchors.hit("only $5")
    assert not lex.anchors.hit("A quiet sentence about the weather.")


def test_unsafe_anchor_list_covers_spacy_splits() -> None:
    """Tokens spaCy cuts out of a longer alphanumeric run must never serve as anchors."""
    import re

    from linter.nlp import tokenizer

    tok = tokenizer()
    missing = set()
    for orth in list(tok.rules):
        pieces = [t.text.lower() for t in tok(orth)]
        runs = set(re.findall(r"[^\W_]+", orth.lower()))
        for p in pieces:
            if p.isalnum() and p not in runs:
                missing.add(p)
    for text in ("10am", "5km", "3pm", "cannot", "gonna", "don't", "10mg", "5kg", "2hrs", "12oz"):
        runs = set(re.findall(r"[^\W_]+", text.lower()))
        for t in tok(text):
            w = t.text.lower()
            if w.isalnum() and w not in runs:
                missing.add(w)
    assert missing <= UNSAFE_ANCHORS, sorted(missing - UNSAFE_ANCHORS)
