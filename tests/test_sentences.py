"""Sentence boundaries: the windows of catalogue §0.2 are counted in these sentences."""

from __future__ import annotations

import pytest

from linter.sentences import split


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last chance! This offer ends soon.", ["Last chance!", "This offer ends soon."]),
        ("Dr. Smith sent the guide. Read it.", ["Dr. Smith sent the guide.", "Read it."]),
        (
            "Meet us at 5 p.m. tomorrow. Bring a friend.",
            ["Meet us at 5 p.m. tomorrow.", "Bring a friend."],
        ),
        ("It's $29/mo. Cancel anytime.", ["It's $29/mo.", "Cancel anytime."]),
        ("He said “hurry!” and left.", ["He said “hurry!” and left."]),
        ("Is it free? Yes.", ["Is it free?", "Yes."]),
        ("Wait...what? No.", ["Wait...what?", "No."]),
    ],
)
def test_punctuation_boundaries(text: str, expected: list[str]) -> None:
    assert _sents(text) == expected


def test_wrapped_email_lines_stay_one_sentence() -> None:
    text = (
        "Thank you for everything you have done for our campaign this year, and for\n"
        "Maria's hard work on the phone bank last weekend in Springfield."
    )
    assert len(_sents(text)) == 1


def test_short_lines_and_bullets_are_separate_sentences() -> None:
    text = "Claim your gift\nOrders close tonight\n- Donate $25\n- Donate $50"
    assert _sents(text) == [
        "Claim your gift",
        "Orders close tonight",
        "- Donate $25",
        "- Donate $50",
    ]


def test_offsets_point_into_the_text() -> None:
    text = "  First one.  Second one!  "
    spans = split(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one!"]
    assert spans[0][0] == 2
