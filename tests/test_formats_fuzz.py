"""Every reader on random markup soup: an InputError or a Document, never another exception,
and every block character maps inside the file. Seeded, so a failure reproduces."""

from __future__ import annotations

import random

import pytest

from linter.formats import FORMATS, InputError, read_bytes

PIECES = [
    "<", ">", "</", "<!--", "-->", "<![", "]]>", "<!", "<?", "?>", "&", "&amp;", "&#", "&#x",
    ";", '"', "'", "=", " ", "\n", "\r\n", "\t", "<p>", "</p>", "<a href=", "<button>",
    "<script>", "</script>", "<style>", "{{", "}}", "{%", "%}", "{#", "#}", "{{!--", "--}}",
    "{/*", "*/}", "{", "}", "---\n", "+++\n", "```", "`", "*", "_", "[", "]", "(", ")", "!",
    "#", "|", "-", "1.", "\\", "=?utf-8?q?", "?=", "=C3=A9", "=\n", "--b\n", "--b--\n",
    "Content-Type: multipart/alternative; boundary=b\n", "Content-Transfer-Encoding: base64\n",
    "Content-Transfer-Encoding: quoted-printable\n", "Subject: hi\n", "\n\n", "a: b\n",
    "- x\n", "key: 'v''w'\n", '"k": "v\\u00e9"', ",", ":", "é", "😀", "<mj-text>",
    "<mj-button>", "you owe us", "<![if !mso]>", "<![endif]>", "<!DOCTYPE html>", "<svg>",
    "<template>", "<img src=x width=1 height=1>", "import x from 'y'\n", "export const a = {b: 1}\n",
]  # fmt: skip


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_random_markup_never_crashes_a_reader(fmt):
    rng = random.Random(f"nostrings-{fmt}")
    for _ in range(150):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60)))
        data = text.encode("utf-8")
        if fmt == "eml" and rng.random() < 0.7:
            data = b"From: a@example.com\nSubject: s\n" + data
        try:
            doc = read_bytes(data, f"x.{fmt}", fmt)
        except InputError:
            continue
        for b in doc.blocks:
            for k in range(len(b.text)):
                assert 0 <= b.source_map.to_source(k) < len(doc.source_text), (text, b.text)
