"""YAML and JSON string catalogs: each value a UI block at its line and column, keys ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import Linter
from linter.formats import InputError, read_bytes
from linter.formats._scalars import looks_like_copy

FIX = Path(__file__).parent / "format_fixtures" / "catalogs"


@pytest.fixture(scope="module")
def lin() -> Linter:
    return Linter()


def read(name: str, fmt: str):
    path = FIX / name
    return read_bytes(path.read_bytes(), str(path), fmt)


def found(lin: Linter, doc) -> list[tuple[str, int, int, int, int, str]]:
    return [
        (f.code, f.line, f.col, f.end_line, f.end_col, f.matched)
        for f in lin.lint_document(doc).findings
        if f.code == "RCP011"  # the trigger these fixtures use; other rules may fire too
    ]


def test_yaml_values_are_ui_blocks_keys_and_non_copy_ignored(lin):
    doc = read("en.yml", "yaml")
    assert doc.channel == "ui_strings"
    assert [(b.kind, b.is_ui, b.attrs["key"], b.text) for b in doc.blocks] == [
        ("value", True, "en.checkout.title", "Checkout"),
        ("value", True, "en.checkout.decline", "No thanks, I don’t like saving money"),
        ("value", True, "en.checkout.favor", "It's your turn to return the favor, ."),
        (
            "value",
            True,
            "en.checkout.folded",
            "We sent the kit for free — honestly, you owe us one.",
        ),
        ("value", True, "en.checkout.you owe us", "Continue"),
        ("value", True, "en.list[0]", "Free"),
    ]
    assert [(s.kind, s.codes, s.line) for s in doc.suppressions] == [
        ("disable-file", ("RCP026",), 1)
    ]


def test_yaml_positions_through_escapes_quotes_and_folding(lin):
    doc = read("en.yml", "yaml")
    # \u2019 is six characters; '' is two; a folded line continues on line 9
    assert found(lin, doc) == [
        ("RCP011", 6, 32, 6, 48, "return the favor"),
        ("RCP011", 9, 17, 9, 27, "you owe us"),
    ]
    decline = doc.blocks[1]
    assert doc.position(decline, decline.text.index("’")) == (5, 31)
    assert doc.position(decline, decline.text.index("t like")) == (5, 37)


def test_json_values_positions_through_unicode_escapes(lin):
    doc = read("en.json", "json")
    assert [(b.attrs["key"], b.text) for b in doc.blocks] == [
        ("you owe us", "Continue"),
        ("checkout.decline", "No thanks, I don’t like saving money"),
        ("checkout.favor", "Café 😀 , honestly, you owe us one."),
        ("checkout.html", "Read the terms"),
    ]
    # a surrogate pair (12 characters) is one character; `{{name}}` is masked
    assert found(lin, doc) == [
        ("RCP011", 5, 58, 5, 68, "you owe us"),
    ]
    favor = doc.blocks[2]
    assert doc.position(favor, favor.text.index("😀")) == (5, 25)
    assert doc.position(favor, favor.text.index(",")) == (5, 46)


def test_yaml_anchors_and_multiple_documents():
    data = b"a: &x Shared copy line\nb: *x\n---\nc: Second document copy\n"
    doc = read_bytes(data, "en.yml", "yaml")
    assert [(b.attrs["key"], b.text) for b in doc.blocks] == [
        ("a", "Shared copy line"),
        ("c", "Second document copy"),
    ]


def test_yaml_block_literal_keeps_line_breaks():
    doc = read_bytes(b"k: |\n  First line\n  Second line\n", "en.yml", "yaml")
    (b,) = doc.blocks
    assert b.text == "First line\nSecond line"
    assert doc.position(b, b.text.index("Second")) == (3, 3)


def test_hash_inside_a_value_is_not_a_comment():
    doc = read_bytes(
        b'a: "Use # nostrings-disable-file here"  # nostrings-disable RCP011\n', "x.yml", "yaml"
    )
    assert [(s.kind, s.codes, s.col) for s in doc.suppressions] == [("disable", ("RCP011",), 41)]


@pytest.mark.parametrize(
    ("value", "copy"),
    [
        ("Free", True),
        ("Continue", True),
        ("Done.", True),
        ("No thanks, I'll pay full price", True),
        ("checkout.title", False),
        ("https://example.com/free", False),
        ("#ff0000", False),
        ("snake_case_id", False),
        ("42", False),
        ("", False),
        ("/static/free-gift.png", False),
    ],
)
def test_looks_like_copy(value, copy):
    assert looks_like_copy(value) is copy


@pytest.mark.parametrize(
    ("data", "fmt", "reason"),
    [
        (b"a: [unclosed\nb: c\n", "yaml", "invalid YAML at line 2, column 2"),
        (b"a: b\n  c: d\n", "yaml", "invalid YAML at line 2"),
        (b'{"a": "b",}', "json", "invalid JSON at line 1, column 11"),
        (b'{"a": "unterminated', "json", "invalid JSON at line 1, column 7"),
        (b"[" * 100000, "json", "invalid JSON"),
    ],
)
def test_invalid_catalogs_are_clear_errors(data, fmt, reason):
    with pytest.raises(InputError, match=reason.replace("[", r"\[")):
        read_bytes(data, f"x.{fmt}", fmt)


def test_deeply_nested_valid_json_is_an_error_not_a_crash():
    data = b"[" * 5000 + b'"x"' + b"]" * 5000
    with pytest.raises(InputError, match="nested too deeply"):
        read_bytes(data, "x.json", "json")


def test_translator_notes_are_not_copy():
    data = (
        b'{"cta": {"message": "Claim your gift", "description": "Shown on the free gift page",'
        b' "placeholders": {"n": {"content": "$1", "example": "Free for you"}}},'
        b' "title": "Welcome back", "@title": {"description": "Free text for translators"}}'
    )
    doc = read_bytes(data, "messages.json", "json")
    assert [(b.attrs["key"], b.text) for b in doc.blocks] == [
        ("cta.message", "Claim your gift"),
        ("title", "Welcome back"),
    ]
