"""Jinja/Nunjucks, Liquid, Handlebars/Mustache and MJML: read as the markup they produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import Linter
from linter.formats import detect, read_bytes
from linter.formats._templating import HANDLEBARS, JINJA, LIQUID, inner_format, mask
from linter.model import Document

FIX = Path(__file__).parent / "format_fixtures"


@pytest.fixture(scope="module")
def lin() -> Linter:
    return Linter()


def read(rel: str):
    path = FIX / rel
    fmt = detect(str(path))
    assert fmt is not None
    return read_bytes(path.read_bytes(), str(path), fmt)


def found(lin: Linter, doc) -> list[tuple[str, int, int, int, int, str]]:
    return [
        (f.code, f.line, f.col, f.end_line, f.end_col, f.matched)
        for f in lin.lint_document(doc).findings
        if f.code == "RCP011"  # the trigger these fixtures use; other rules may fire too
    ]


@pytest.mark.parametrize(
    ("rel", "fmt", "texts"),
    [
        (
            "templates/quiet.html.j2",
            "jinja",
            ["Hi , seeds go in after the last frost.", "Read the chart"],
        ),
        ("templates/quiet.liquid", "liquid", ["Seeds go in after the last frost."]),
        ("templates/quiet.mustache", "handlebars", ["Hi , seeds go in after the last frost."]),
    ],
)
def test_trigger_words_only_in_tags_expressions_and_comments(lin, rel, fmt, texts):
    doc = read(rel)
    assert doc.format == fmt
    assert found(lin, doc) == []
    # exactly this is read: nothing from tags, expressions, comments or attributes
    assert [b.text for b in doc.blocks] == texts
    assert doc.suppressions == []


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("templates/welcome.html.j2", [("RCP011", 5, 11, 5, 21, "you owe us")]),
        ("templates/plain.txt.njk", [("RCP011", 3, 61, 3, 71, "you owe us")]),
        ("templates/promo.liquid", [("RCP011", 7, 69, 7, 79, "you owe us")]),
        ("templates/email.hbs", [("RCP011", 3, 56, 3, 72, "return the favor")]),
        ("mjml/news.mjml", [("RCP011", 11, 47, 11, 57, "you owe us")]),
    ],
)
def test_violations_point_into_the_template_file(lin, rel, expected):
    assert found(lin, read(rel)) == expected


def test_masking_keeps_length_and_lines_and_records_directives():
    doc = Document("t", "jinja", "", [], source_text="")
    src = "a {{ x\n }} b {% if y %}c{% endif %} {# nostrings-disable RCP011 #} d"
    doc.source_text = src
    out = mask(doc, src, JINJA)
    assert len(out) == len(src)
    assert out.count("\n") == 1
    assert out.split() == ["a", "b", "c", "d"]
    assert [(s.kind, s.codes, s.line, s.col) for s in doc.suppressions] == [
        ("disable", ("RCP011",), 2, 30)
    ]


@pytest.mark.parametrize(
    ("syntax", "src", "words"),
    [
        (LIQUID, "x {% comment %}{{ y }} gift{% endcomment %} z {%- raw -%}w{% endraw %}", "x z w"),
        (LIQUID, "a {% # inline %} b {{ c | upcase }}", "a b"),
        (HANDLEBARS, "a {{!-- {{x}} --}} b {{{html}}} c {{#each i}}d{{/each}}", "a b c d"),
        (HANDLEBARS, "a {{! note }} b {{> partial}} c", "a b c"),
        (JINJA, "a {%- if x -%} b {{- y -}} c {#- note -#}", "a b c"),
    ],
)
def test_template_syntax_variants(syntax, src, words):
    doc = Document("t", "x", "", [], source_text=src)
    assert " ".join(mask(doc, src, syntax).split()) == words


def test_both_branches_of_a_conditional_are_read_and_links_are_ui():
    doc = read("templates/welcome.html.j2")
    assert [(b.kind, b.text, b.attrs.get("href")) for b in doc.blocks] == [
        ("paragraph", "Hi , café crème is on us. Honestly, you owe us a call.", None),
        ("ui", "Book the call", ""),
        ("ui", "See plans", ""),
    ]
    assert [(s.kind, s.codes, s.line) for s in doc.suppressions] == [
        ("disable-next-line", ("RCP011",), 1)
    ]


def test_liquid_front_matter_and_comment_directive():
    doc = read("templates/promo.liquid")
    assert doc.metadata["subject"] == "Your kit is here"
    assert doc.blocks[0].kind == "subject"
    assert [(s.kind, s.codes, s.line, s.col) for s in doc.suppressions] == [
        ("disable", ("RCP020",), 4, 1)
    ]


def test_mjml_blocks_preheader_button_and_pixel():
    doc = read("mjml/news.mjml")
    assert doc.channel == "email"
    assert [(b.kind, b.is_ui, b.hidden, b.text) for b in doc.blocks] == [
        ("title", False, False, "Spring news"),
        ("preheader", False, True, "Your gift is inside,"),
        ("alt", False, False, "A free gift box"),
        ("paragraph", False, False, "Café crème is on us. Honestly, you owe us a call."),
        ("ui", True, False, "Book the call"),
    ]
    assert doc.blocks[4].attrs["tag"] == "mj-button"
    assert doc.metadata["preheader"] == "Your gift is inside,"
    assert doc.metadata["tracking_pixels"] == ["https://t.example.com/open?id="]


@pytest.mark.parametrize(
    ("path", "text", "inner"),
    [
        ("a/welcome.html.j2", "Hi", "html"),
        ("digest.mjml.hbs", "<mj-text>x</mj-text>", "mjml"),
        ("post.md.liquid", "<b>x</b>", "markdown"),
        ("plain.txt.njk", "<b>x</b>", "text"),
        ("x.hbs", "<mjml><mj-body></mj-body></mjml>", "mjml"),
        ("x.njk", "<p>Hi</p>", "html"),
        ("x.liquid", "Dear reader, thanks.", "text"),
        ("x.liquid", "a < b and c > d", "text"),
    ],
)
def test_inner_format_from_compound_extension_or_content(path, text, inner):
    assert inner_format(path, text) == inner


def test_markdown_template_reads_markdown():
    data = b"# Hi {{ name }}\n\n{% if x %}Honestly, you owe us.{% endif %}\n\n    code you owe us\n"
    doc = read_bytes(data, "post.md.j2", "jinja")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Hi"),
        ("paragraph", "Honestly, you owe us."),
    ]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("welcome.html.j2", "jinja"),
        ("a.jinja", "jinja"),
        ("a.jinja2", "jinja"),
        ("a.njk", "jinja"),
        ("a.html.liquid", "liquid"),
        ("a.hbs", "handlebars"),
        ("a.handlebars", "handlebars"),
        ("a.mustache", "handlebars"),
        ("a.mjml", "mjml"),
    ],
)
def test_template_extensions(name, fmt):
    assert detect(name) == fmt


def test_unclosed_template_tag_is_left_as_text_not_a_crash():
    doc = read_bytes(b"<p>Hello {{ name</p>\n<p>Second {% if</p>", "x.html.j2", "jinja")
    assert [b.text for b in doc.blocks] == ["Hello {{ name", "Second {% if"]
