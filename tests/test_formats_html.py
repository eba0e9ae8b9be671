"""HTML reader: what is prose, where it is, and what the markup says about the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import Linter
from linter.formats import read_bytes
from linter.formats.html_doc import extract

FIX = Path(__file__).parent / "format_fixtures" / "html"


@pytest.fixture(scope="module")
def lin() -> Linter:
    return Linter()


def doc_of(markup: str, fmt: str = "html"):
    return read_bytes(markup.encode("utf-8"), "page.html", fmt)


def found(lin: Linter, doc) -> list[tuple[str, int, int, str, bool]]:
    """RCP011 findings (the trigger the fixtures use; other rules may fire on them too)."""
    return [
        (f.code, f.line, f.col, f.matched, f.hidden)
        for f in lin.lint_document(doc).findings
        if f.code == "RCP011"
    ]


def test_trigger_words_in_scripts_styles_comments_attributes_are_not_prose(lin):
    path = FIX / "quiet.html"
    doc = read_bytes(path.read_bytes(), str(path), "html")
    assert found(lin, doc) == []
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "Spring planting guide",
        "Spring planting guide",
        "Seeds go in after the last frost. Water them twice a week.",
        "Read the watering chart",
    ]


def test_violations_point_at_the_file_as_written(lin):
    path = FIX / "violations.html"
    doc = read_bytes(path.read_bytes(), str(path), "html")
    # line 5: after `&mdash;`, `&eacute;` and `&#39;` (entities are longer than what they
    # decode to); line 6: after multi-byte characters (à, é, ™, —)
    assert found(lin, doc) == [
        ("RCP011", 5, 89, "return the favor", False),
        ("RCP011", 6, 42, "you owe us", False),
        ("RCP011", 9, 35, "you owe us", True),
    ]
    f = next(f for f in lin.lint_document(doc).findings if f.code == "RCP011")
    assert (f.end_line, f.end_col) == (5, 105)


def test_entities_are_decoded_and_map_to_their_ampersand():
    doc = doc_of("<p>caf&eacute; &amp; AT&T &#x2014; it&rsquo;s</p>")
    (b,) = doc.blocks
    assert b.text == "café & AT&T — it’s"
    assert doc.position(b, b.text.index("é")) == (1, 7)
    assert doc.position(b, b.text.index("&")) == (1, 16)
    assert doc.position(b, b.text.index("AT")) == (1, 22)
    assert doc.position(b, b.text.index("—")) == (1, 27)
    assert doc.position(b, len(b.text) - 1) == (1, 45)


def test_blocks_by_element_with_kinds_and_collapsed_whitespace():
    doc = doc_of(
        "<h2>Plans</h2>\n<ul><li>One\n   seat<li>Two seats</ul>\n"
        "<table><tr><th>Plan<td>Price</table><blockquote>Quoted</blockquote>"
        "<p>First line<br>second line</p>"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Plans"),
        ("list_item", "One seat"),
        ("list_item", "Two seats"),
        ("table_cell", "Plan"),
        ("table_cell", "Price"),
        ("quote", "Quoted"),
        ("paragraph", "First line\nsecond line"),
    ]
    one = doc.blocks[1]
    assert doc.position(one, one.text.index("seat")) == (3, 4)


def test_ui_blocks_links_buttons_inputs_and_visible_attributes():
    doc = doc_of(
        '<form id="signup">\n'
        '  <input type="email" placeholder="Email for the guide" aria-label="Your email">\n'
        '  <input type="hidden" name="tok" value="free gift">\n'
        '  <input type="submit" value="Send &amp; subscribe">\n'
        '  <button class="btn ghost" aria-label="Skip the guide">No thanks</button>\n'
        "</form>\n"
        '<p>Read <a href="/terms">the terms</a> first.</p>\n'
        '<p><a href="/yes">Yes please</a> | <a href="/no">Maybe later</a></p>\n'
        '<img src="hero.png" alt="Guide cover" title="The guide">'
    )
    rows = [(b.kind, b.is_ui, b.text, b.attrs.get("tag"), b.attrs.get("attr")) for b in doc.blocks]
    assert rows == [
        ("ui", True, "Email for the guide", "input", "placeholder"),
        ("ui", True, "Your email", "input", "aria-label"),
        ("ui", True, "Send & subscribe", "input", None),
        ("ui", True, "Skip the guide", None, "aria-label"),
        ("ui", True, "No thanks", "button", None),
        ("paragraph", False, "Read the terms first.", None, None),
        ("ui", True, "Yes please", "a", None),
        ("ui", True, "Maybe later", "a", None),
        ("alt", False, "Guide cover", "img", "alt"),
        ("title", False, "The guide", "img", "title"),
    ]
    form_group = doc.blocks[2].attrs["group"]
    assert doc.blocks[4].attrs["group"] == form_group
    assert doc.blocks[4].attrs["class"] == "btn ghost"
    assert doc.blocks[6].attrs["group"] == doc.blocks[7].attrs["group"] != form_group
    assert doc.blocks[7].attrs["href"] == "/no"
    submit = doc.blocks[2]
    assert doc.position(submit, 0) == (4, 31)
    assert doc.position(submit, submit.text.index("&")) == (4, 36)
    assert doc.position(submit, submit.text.index("subscribe")) == (4, 42)


def test_hidden_copy_is_read_and_marked():
    doc = doc_of(
        '<div class="exit-intent modal" style="display:none"><p>Wait! Take the gift.</p>'
        '<button>Yes</button><a href="#">No, I prefer paying more</a></div>'
        "<template><p>Template copy</p></template><noscript>Enable JS</noscript>"
        '<p hidden>Attr hidden</p><p aria-hidden="true">Aria hidden</p>'
        "<dialog><p>Closed dialog</p></dialog><dialog open><p>Open dialog</p></dialog>"
        "<p>Visible <span style='visibility: hidden'>ghost</span> text</p>"
    )
    rows = [(b.text, b.hidden, b.attrs.get("modal", False)) for b in doc.blocks]
    assert rows == [
        ("Wait! Take the gift.", True, True),
        ("Yes", True, True),
        ("No, I prefer paying more", True, True),
        ("Template copy", True, False),
        ("Enable JS", True, False),
        ("Attr hidden", True, False),
        ("Aria hidden", True, False),
        ("Closed dialog", True, True),
        ("Open dialog", False, True),
        ("Visible", False, False),
        ("ghost", True, False),
        ("text", False, False),
    ]
    assert doc.blocks[1].attrs["group"] == doc.blocks[2].attrs["group"]


def test_tracking_pixels_recorded_in_metadata():
    doc = doc_of(
        '<p>Hi</p><img src="https://t.example.com/o.gif?u=1" width="1" height="1" alt="">'
        '<img src="https://mail.example.com/open?id=9">'
        '<img src="https://cdn.example.com/b.png" style="width:1px;height:1px">'
        '<img src="https://cdn.example.com/hero.png" width="600" height="300" alt="Hero">'
    )
    assert doc.metadata["tracking_pixels"] == [
        "https://t.example.com/o.gif?u=1",
        "https://mail.example.com/open?id=9",
        "https://cdn.example.com/b.png",
    ]
    assert [b.text for b in doc.blocks] == ["Hi", "Hero"]


def test_meta_channel_and_metadata_from_the_page():
    doc = doc_of(
        '<meta name="nostrings:channel" content="fundraising_page">\n'
        '<meta name="nostrings:jurisdiction" content="EU, UK">\n'
        '<meta name="nostrings:funnel_stage" content="someday">\n'
        '<meta name="nostrings:colour" content="red">\n<p>Hi</p>'
    )
    assert doc.metadata["channel"] == "fundraising_page"
    assert doc.metadata["jurisdiction"] == ["EU", "UK"]
    assert "funnel_stage" not in doc.metadata
    assert doc.warnings == [
        "line 3: <meta name=\"nostrings:funnel_stage\">: funnel_stage 'someday' ignored "
        "(expected one of first_touch, nurture, decision, customer, donor_renewal)",
        "line 4: unknown nostrings meta key 'colour' ignored",
    ]


def test_email_preheader_is_the_first_hidden_text():
    markup = (
        '<meta name="nostrings:channel" content="email">'
        '<body><div style="display:none;max-height:0">Your gift is inside &zwnj;&nbsp;'
        "&zwnj;&nbsp;</div><p>Hello</p>"
        '<div style="display:none">Later hidden</div></body>'
    )
    doc = doc_of(markup)
    assert [(b.kind, b.hidden, b.text) for b in doc.blocks] == [
        ("preheader", True, "Your gift is inside"),
        ("paragraph", False, "Hello"),
        ("paragraph", True, "Later hidden"),
    ]
    assert doc.metadata["preheader"] == "Your gift is inside"


def test_suppression_directives_from_comments():
    doc = doc_of(
        "<p>a</p>\n<!-- nostrings-disable-next-line RCP011 -- quoting a customer -->\n"
        "<p>b</p>\n<!--\n  nostrings-disable RCP012\n-->\n<!-- nostrings-disable RCP1x -->\n"
        "<!-- just a comment -->"
    )
    assert [(s.kind, s.codes, s.line, s.col, s.end_line) for s in doc.suppressions] == [
        ("disable-next-line", ("RCP011",), 2, 1, 2),
        ("disable", ("RCP012",), 4, 1, 6),
    ]
    assert doc.warnings == ["line 7: 'RCP1x' is not a rule code in a nostrings-disable comment"]


def test_suppression_applies_when_engine_filters(lin):
    doc = doc_of(
        "<p>Honestly, you owe us one.</p>\n<!-- nostrings-disable-next-line RCP011 -->\n"
        "<p>Honestly, you owe us one.</p>"
    )
    assert [s.kind for s in doc.suppressions] == ["disable-next-line"]
    assert doc.suppressions[0].end_line + 1 == 3


@pytest.mark.parametrize(
    ("markup", "texts", "warning"),
    [
        ("<p>Open <b>bold <i>never closed", ["Open bold never closed"], None),
        (
            "<p>Text</p>\n<p>More <!-- a comment that never ends you owe us",
            ["Text", "More"],
            "line 2, column 9: comment is never closed; ignored to the end",
        ),
        (
            '<p>Text</p><div class="x\nyou owe us',
            ["Text"],
            "line 1, column 12: tag is never closed; ignored to the end",
        ),
        ("</div></p><p>Stray end tags</span>", ["Stray end tags"], None),
        ("<p>a < b and c > d</p>", ["a < b and c > d"], None),
        # malformed marked sections: the stdlib parser raises on these; skipped to their `>`
        ("<p>ab<![(]>cd</p><p><![a b]>ef</p>", ["abcd", "ef"], None),
    ],
)
def test_malformed_markup_is_read_best_effort(markup, texts, warning):
    doc = doc_of(markup)
    assert [b.text for b in doc.blocks] == texts
    assert doc.warnings == ([warning] if warning else [])


def test_positions_stay_exact_after_a_malformed_marked_section():
    doc = doc_of("<p>ab<![(]>cd &#x-- ef</p>")
    (b,) = doc.blocks
    assert b.text == "abcd &#x-- ef"
    assert doc.position(b, b.text.index("cd")) == (1, 12)
    assert doc.position(b, b.text.index("ef")) == (1, 21)


def test_extract_maps_into_the_string_it_was_given():
    res = extract("  \n <p>Gift</p>")
    (b,) = res.blocks
    assert b.source_map.to_source(0) == 7


def test_hidden_and_modal_classes_match_whole_tokens():
    doc = doc_of(
        '<div class="overflow-hidden relative"><p>Visible</p>'
        '<a class="exit-link" href="#">Leave</a></div>'
        '<div id="newsletter-popup"><p>Pop-up copy</p></div>'
        '<div class="hidden md:block"><p>Desktop only</p></div>'
    )
    assert [(b.text, b.hidden, b.attrs.get("modal", False)) for b in doc.blocks] == [
        ("Visible", False, False),
        ("Leave", False, False),
        ("Pop-up copy", True, True),
        ("Desktop only", True, False),
    ]


def test_title_or_aria_label_repeating_visible_text_is_read_once():
    doc = doc_of(
        '<a href="#" title="Claim  my gift">Claim my gift</a>'
        '<button aria-label="Close">Close</button><p title="Other words">Text</p>'
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("ui", "Claim my gift"),
        ("ui", "Close"),
        ("title", "Other words"),
        ("paragraph", "Text"),
    ]
