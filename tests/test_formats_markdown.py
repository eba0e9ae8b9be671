"""Markdown and MDX readers: prose vs code and markup, front matter, exact positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import Linter
from linter.formats import read_bytes

FIX = Path(__file__).parent / "format_fixtures"


@pytest.fixture(scope="module")
def lin() -> Linter:
    return Linter()


def read(rel: str, fmt: str):
    path = FIX / rel
    return read_bytes(path.read_bytes(), str(path), fmt)


def md(text: str, fmt: str = "markdown"):
    return read_bytes(text.encode("utf-8"), "doc.md", fmt)


def found(lin: Linter, doc, codes=("RCP011",)) -> list[tuple[str, int, int, int, int, str]]:
    """Findings of the trigger rule the fixtures use (other rules may fire on them too)."""
    return [
        (f.code, f.line, f.col, f.end_line, f.end_col, f.matched)
        for f in lin.lint_document(doc).findings
        if f.code in codes
    ]


def test_markdown_trigger_words_only_in_code_urls_comments_front_matter(lin):
    doc = read("markdown/quiet.md", "markdown")
    assert found(lin, doc) == []
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Watering guide"),
        # link text is prose, its destination and title are not; a bare URL is not
        ("paragraph", "Seeds go in after the last frost. Read the chart\nor see   for details."),
        ("paragraph", "Use   only in tests."),
        ("alt", "Seedlings in a tray"),
    ]


def test_markdown_violations_at_exact_positions(lin):
    doc = read("markdown/violations.md", "markdown")
    assert found(lin, doc) == [
        # after **free**, &mdash; and a link with a destination on the line before
        ("RCP011", 9, 16, 9, 26, "you owe us"),
        # list item, inside **strong**
        ("RCP011", 12, 31, 12, 47, "return the favor"),
        # block quote across a hard line break (`\` at the end of line 14)
        ("RCP011", 14, 11, 15, 9, "you\nowe us"),
        ("RCP011", 15, 37, 15, 47, "you owe us"),
        # table cell, after an escaped pipe in the header row
        ("RCP011", 19, 20, 19, 30, "you owe us"),
        # image alt text
        ("RCP011", 21, 16, 21, 26, "you owe us"),
        # footnote definition
        ("RCP011", 25, 24, 25, 34, "you owe us"),
    ]


def test_markdown_blocks_kinds_and_front_matter(lin):
    doc = read("markdown/violations.md", "markdown")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[:5] == [
        ("subject", "Your café kit is here"),
        ("heading", "The café kit & more"),
        (
            "paragraph",
            "We sent the kit for free — see our terms\nand, honestly, you owe us a call.",
        ),
        ("list_item", "Crème brûlée™ item"),
        ("list_item", "Second: it's your turn to return the favor"),
    ]
    assert ("table_cell", "Note | extra") in kinds
    assert doc.blocks[-1].attrs == {"footnote": True}
    assert doc.metadata["subject"] == "Your café kit is here"
    assert doc.metadata["funnel_stage"] == "nurture"
    assert doc.metadata["jurisdiction"] == ["US", "EU"]
    subj = doc.blocks[0]
    # `\u00e9` is six characters in the file: what follows it keeps its own column
    assert doc.position(subj, subj.text.index("kit")) == (2, 26)
    heading = doc.blocks[1]
    assert doc.position(heading, heading.text.index("&")) == (6, 18)
    assert doc.position(heading, heading.text.index("more")) == (6, 24)


def test_front_matter_channel_and_invalid_values_warn():
    doc = md(
        "---\nchannel: email\nmax_gifts: many\nnostrings:\n  target_locale: ja-JP\n"
        "  colour: red\ntitle: ignored\n---\nBody\n"
    )
    assert doc.metadata["channel"] == "email"
    assert doc.metadata["target_locale"] == "ja-JP"
    assert "max_gifts" not in doc.metadata
    assert doc.warnings == [
        "front matter line 3: max_gifts 'many' ignored (expected an integer)",
        "front matter line 4: unknown nostrings key 'colour' ignored",
    ]
    assert [b.text for b in doc.blocks] == ["Body"]


def test_invalid_front_matter_is_a_warning_and_the_body_is_read():
    doc = md("---\nsubject: [unclosed\n---\nBody copy\n")
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith("front matter ignored: invalid YAML at line 3")
    assert [b.text for b in doc.blocks] == ["Body copy"]


def test_toml_front_matter():
    doc = md('+++\nsubject = "Hi \\u00e9 there"\nchannel = "email"\n+++\nBody\n')
    assert doc.metadata["subject"] == "Hi é there"
    assert doc.metadata["channel"] == "email"
    subj = doc.blocks[0]
    assert (subj.kind, subj.text) == ("subject", "Hi é there")
    assert doc.position(subj, subj.text.index("there")) == (2, 22)


def test_markdown_inline_markup_is_stepped_over():
    doc = md(
        "Get *the* __guide__ ~~now~~ \\*free\\* &copy; [ref link][r] <b>bold</b> `x` end\n\n"
        "[r]: https://example.com/you-owe-us\n"
    )
    (b,) = doc.blocks
    assert b.text == "Get the guide now *free* © ref link bold   end"
    for word, col in (("guide", 13), ("now", 23), ("*free", 29), ("©", 38), ("ref", 46)):
        assert doc.position(b, b.text.index(word)) == (1, col), word
    assert doc.position(b, b.text.index("bold")) == (1, 62)
    assert doc.position(b, b.text.index("end")) == (1, 75)


def test_markdown_comments_hold_directives():
    doc = md(
        "<!-- nostrings-disable-next-line RCP011 -->\nHonestly, you owe us.\n\n"
        "Text <!-- nostrings-disable-line RCP012 --> more\n\n<!-- nostrings-enable RCPX -->\n"
    )
    assert [(s.kind, s.codes, s.line, s.col) for s in doc.suppressions] == [
        ("disable-next-line", ("RCP011",), 1, 1),
        ("disable-line", ("RCP012",), 4, 6),
    ]
    assert doc.warnings == ["line 6: 'RCPX' is not a rule code in a nostrings-enable comment"]


def test_markdown_html_block_buttons_are_ui():
    doc = md('Intro.\n\n<div class="cta">\n  <button>No thanks, I hate gifts</button>\n</div>\n')
    assert [(b.kind, b.is_ui, b.text) for b in doc.blocks] == [
        ("paragraph", False, "Intro."),
        ("ui", True, "No thanks, I hate gifts"),
    ]
    assert doc.position(doc.blocks[1], 0) == (4, 11)


def test_mdx_expressions_imports_and_jsx_are_not_prose(lin):
    doc = read("mdx/quiet.mdx", "mdx")
    assert found(lin, doc) == []
    assert [b.text for b in doc.blocks] == [
        "Watering guide",
        "Seeds go in after the last frost,             :               .",
        "Water them twice a week.",
    ]


def test_mdx_violations_and_comment_directives(lin):
    doc = read("mdx/violations.mdx", "mdx")
    assert doc.metadata["channel"] == "fundraising_page"
    assert [(s.kind, s.codes, s.line) for s in doc.suppressions] == [
        ("disable-next-line", ("RCP011",), 12)
    ]
    result = found(lin, doc, ("RCP011", "RCP020"))
    assert ("RCP011", 9, 37, 9, 47, "you owe us") in result
    assert ("RCP011", 15, 29, 15, 39, "you owe us") in result
    # line 13 is suppressed by the {/* */} directive on line 12
    assert [r for r in result if r[1] == 13] == []
    button = [b for b in doc.blocks if b.is_ui]
    assert [(b.text, doc.position(b, 0)) for b in button] == [("No thanks, I hate gifts", (17, 35))]


def test_unclosed_markdown_constructs_do_not_crash():
    doc = md("```\nunclosed fence you owe us\n\n[link](http://x.com\n<div>\n**bold\n")
    assert doc.blocks == []
    doc = md("Text [link](http://x.com and *bold\n\n<div>\n<p>open\n")
    # not a link (no closing parenthesis), so the URL is a bare URL: not prose
    assert [b.text for b in doc.blocks] == ["Text [link](  and *bold", "open"]
