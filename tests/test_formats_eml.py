"""Email reader: envelope facts, the body a recipient reads, positions in the raw file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from linter import Linter
from linter.formats import InputError, read_bytes
from linter.runner import Runner, RunSettings

FIX = Path(__file__).parent / "format_fixtures" / "eml"


@pytest.fixture(scope="module")
def lin() -> Linter:
    return Linter()


def read(name: str):
    path = FIX / name
    return read_bytes(path.read_bytes(), str(path), "eml")


def found(lin: Linter, doc) -> list[tuple[str, int, int, int, int, str]]:
    return [
        (f.code, f.line, f.col, f.end_line, f.end_col, f.matched)
        for f in lin.lint_document(doc).findings
        if f.code == "RCP011"  # the trigger these fixtures use; other rules may fire too
    ]


def msg(*lines: str, body: str = "") -> bytes:
    return ("\n".join(lines) + "\n\n" + body).encode("utf-8")


def test_quoted_printable_html_part_is_preferred_and_maps_to_raw_lines(lin):
    doc = read("qp-alternative.eml")
    # the text/plain alternative ("you owe us") and the preamble are not read; the HTML part is
    # quoted-printable with CRLF lines: "re=" + soft break + "turn the favor" on the next line,
    # after =C3=A9, =C3=A8 and =E2=80=94 escapes (each 3 or 9 raw characters for one decoded)
    assert found(lin, doc) == [("RCP011", 23, 102, 24, 15, "return the favor")]
    assert doc.channel == "email"
    assert doc.blocks[0].kind == "subject"
    assert [b.kind for b in doc.blocks] == ["subject", "paragraph", "paragraph"]
    assert doc.blocks[1].text.startswith("Café crème for you — and since")


def test_subject_block_decodes_encoded_words_and_folding():
    doc = read("qp-alternative.eml")
    subj = doc.blocks[0]
    assert subj.text == "Your café kit is here, now return the favor"
    assert doc.metadata["subject"] == subj.text
    # inside an encoded word: the start of the word; after it: the exact column
    assert doc.position(subj, subj.text.index("café")) == (4, 10)
    assert doc.position(subj, subj.text.index("is here")) == (4, 41)
    assert doc.position(subj, subj.text.index("now")) == (5, 2)


def test_envelope_metadata():
    doc = read("qp-alternative.eml")
    m = doc.metadata
    assert m["from"] == "Café Crème <news@example.com>"
    assert m["reply_to"] is None
    assert m["list_unsubscribe"] == "<https://example.com/unsub?u=1>, <mailto:unsub@example.com>"
    assert m["in_reply_to"] is False
    assert m["tracking_pixels"] == ["https://t.example.com/open/abc.gif"]
    assert m["headers"]["message-id"] == "<kit-1@example.com>"
    assert m["headers"]["to"] == "reader@example.org"
    assert "subject" not in m["headers"] and "from" not in m["headers"]
    assert [(s.kind, s.codes, s.line, s.col) for s in doc.suppressions] == [
        ("disable-next-line", ("RCP012",), 25, 1)
    ]


def test_base64_html_maps_to_the_start_of_each_group(lin):
    doc = read("base64-mixed.eml")
    # "you owe us" is decoded byte 79 of the HTML: group 26 starts at base64 character 104,
    # i.e. line 12 + 104 // 76 = 13, column 104 % 76 + 1 = 29; its last character is in the
    # group at column 41, so the end column is 42. The attachment (which says "you owe us" and
    # "return the favor") and the image are skipped.
    assert found(lin, doc) == [("RCP011", 13, 29, 13, 42, "you owe us")]
    assert [(b.kind, b.hidden, b.text) for b in doc.blocks] == [
        ("subject", False, "Your guide"),
        ("paragraph", False, "Bienvenue à Crème™ — the guide is yours."),
        ("paragraph", False, "Honestly, you owe us a quick call this Friday."),
        # hidden, but after visible copy: not a preheader
        ("paragraph", True, "Your gift is inside"),
        ("ui", False, "Book the call"),
    ]
    assert doc.metadata["in_reply_to"] is True
    assert "preheader" not in doc.metadata


def test_latin1_8bit_body_and_raw_8bit_subject(lin):
    doc = read("latin1-plain.eml")
    # raw Latin-1 bytes are one column each (surrogate-escaped in source_text)
    assert found(lin, doc) == [("RCP011", 8, 42, 8, 52, "you owe us")]
    assert doc.metadata["subject"] == "Merci, chère cliente"
    assert doc.blocks[2].text == "Nous avons préparé votre café. Honestly, you owe us a review."
    assert doc.warnings == []


def test_truncated_message_is_read_best_effort_with_warnings(lin):
    doc = read("truncated.eml")
    assert doc.warnings == [
        "line 11: multipart body ends without its closing boundary (truncated?)",
        "line 10: base64 body ends in the middle of a group (truncated message?)",
    ]
    assert found(lin, doc) == [("RCP011", 10, 17, 10, 30, "you owe us")]


def test_utf8_8bit_body_columns_count_characters(lin):
    data = msg(
        "From: a@example.com",
        "Subject: Héllo",
        "Content-Type: text/plain; charset=utf-8",
        body="Crème brûlée™ — honestly, you owe us one.\n",
    )
    doc = read_bytes(data, "m.eml", "eml")
    assert found(lin, doc) == [("RCP011", 5, 27, 5, 37, "you owe us")]


def test_multibyte_charset_maps_each_character_to_its_first_byte(lin):
    body = "日本語のお知らせ。 Honestly, you owe us one.\n".encode("iso-2022-jp")
    data = (
        b"From: a@example.com\nSubject: Hi\n"
        b"Content-Type: text/plain; charset=ISO-2022-JP\n\n" + body
    )
    doc = read_bytes(data, "m.eml", "eml")
    col = body.index(b"you owe us") + 1
    assert found(lin, doc) == [("RCP011", 5, col, 5, col + 10, "you owe us")]


def test_nested_related_inside_alternative_and_plain_fallback():
    nested = msg(
        "From: a@example.com",
        "Subject: Nested",
        'Content-Type: multipart/alternative; boundary="A"',
        body=(
            "--A\nContent-Type: text/plain\n\nPlain copy\n"
            '--A\nContent-Type: multipart/related; boundary="R"\n\n'
            "--R\nContent-Type: text/html\n\n<p>Rich copy</p>\n"
            "--R\nContent-Type: image/gif\nContent-Transfer-Encoding: base64\n\nR0lGOD==\n"
            "--R--\n--A--\n"
        ),
    )
    doc = read_bytes(nested, "m.eml", "eml")
    assert [b.text for b in doc.blocks] == ["Nested", "Rich copy"]
    plain_only = msg(
        "From: a@example.com",
        "Subject: Plain",
        'Content-Type: multipart/alternative; boundary="A"',
        body="--A\nContent-Type: text/plain\n\nOnly plain\n--A\nContent-Type: image/png\n\nx\n--A--\n",
    )
    doc = read_bytes(plain_only, "m.eml", "eml")
    assert [b.text for b in doc.blocks] == ["Plain", "Only plain"]


def test_quiet_message_trigger_words_outside_the_read_copy(lin):
    data = msg(
        "From: Owe Us <return-the-favor@example.com>",
        "X-Campaign: you-owe-us",
        "Subject: Spring planting guide",
        'Content-Type: multipart/alternative; boundary="b"',
        body=(
            "Preamble: you owe us.\n"
            "--b\nContent-Type: text/plain\n\nPlain: honestly, you owe us a call.\n"
            "--b\nContent-Type: text/html\n\n"
            "<style>.x{}/* you owe us */</style><script>var a='return the favor';</script>"
            '<!-- you owe us --><p title-x="you owe us">Seeds go in after the last frost.</p>\n'
            "--b--\nEpilogue: return the favor.\n"
        ),
    )
    doc = read_bytes(data, "m.eml", "eml")
    assert found(lin, doc) == []
    assert [b.text for b in doc.blocks] == [
        "Spring planting guide",
        "Seeds go in after the last frost.",
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Hello there,\nno headers here.\n", "not an email message"),
        (b"\x00\x01binary" * 10, "binary file"),
        (b"x" * (21 * 1024 * 1024), "larger than 20 MB"),
    ],
)
def test_unreadable_input_is_a_clear_error(data, reason):
    with pytest.raises(InputError, match=reason):
        read_bytes(data, "bad.eml", "eml")


@pytest.mark.parametrize(
    ("lines", "body", "warning"),
    [
        (["From: a@x", "Content-Type: multipart/mixed"], "text", "without a boundary"),
        (["From: a@x", "Content-Type: multipart/mixed; boundary=q"], "text", "none of its"),
        (["From: a@x", "Subject: s", "Content-Transfer-Encoding: x-uuencode"], "t", "unknown"),
        (["From: a@x", "Subject: s", "Content-Type: text/plain; charset=x-nope"], "t", "x-nope"),
        (["From: a@x", "Subject: s", "Content-Type: text/plain; charset=utf-8"], "\udcff", "utf-8"),
    ],
)
def test_damaged_messages_warn_and_still_read(lines, body, warning):
    data = ("\n".join(lines) + "\n\n" + body + "\n").encode("utf-8", "surrogateescape")
    doc = read_bytes(data, "m.eml", "eml")
    assert any(warning in w for w in doc.warnings), doc.warnings
    assert doc.blocks[-1].text


def test_missing_subject_is_a_warning():
    doc = read_bytes(msg("From: a@example.com", body="Hi"), "m.eml", "eml")
    assert doc.warnings == ["message has no Subject header"]
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_spamassassin_dev_folder_parses_without_a_crash():
    folder = CORPUS / "dev" / "emails-spamassassin"
    files = sorted(folder.rglob("*.eml"))
    assert len(files) >= 600
    runner = Runner(RunSettings(isolated=True))
    results = list(runner.run([str(folder)]))
    assert len(results) == len(files)
    # a reader bug would surface as "could not parse as eml: SomeError: ..."
    assert [r.error for r in results if r.error and "could not parse" in r.error] == []
    unreadable = [r for r in results if r.error]
    assert all(r.error.strip() for r in unreadable)
    assert len(unreadable) <= 5
    assert {r.channel for r in results if not r.error} == {"email"}


def test_base64_pieces_concatenated_after_padding_are_all_decoded():
    from linter.formats._mime import decode_base64

    data, pos, warning = decode_base64(b"SGVsbG8gd28=\ncmxkISE=\n", 100)
    assert (data, warning) == (b"Hello world!!", None)
    # "r" is the first byte of the second piece, whose group starts on the next line
    assert pos[8] == 113
