"""Each format's own comment syntax carries nostrings directives, read by the real readers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from workflow_util import BAD, BAD_COL, cli, write

# name -> (file text, expected (code, line, col) of RCP011 and NOS001 findings). In each file the
# first copy of BAD is reported, a next-line directive hides the second, and a directive for a
# rule that finds nothing there is reported as unused (NOS001).
CASES = {
    "page.md": (
        f"# Offer\n\n{BAD}\n\n<!-- nostrings-disable-next-line RCP011 -->\n{BAD}\n\n"
        "<!-- nostrings-disable-next-line RCP018 -->\nThanks.\n",
        [("RCP011", 3, BAD_COL), ("NOS001", 8, 1)],
    ),
    "front-matter.md": (
        "---\ntitle: Offer\n# nostrings-disable-file RCP011 -- approved by legal\n---\n\n"
        f"{BAD}\n\n{BAD}\n",
        [],
    ),
    "page.mdx": (
        f"# Offer\n\n{BAD}\n\n{{/* nostrings-disable-next-line RCP011 */}}\n{BAD}\n\n"
        "{/* nostrings-disable-next-line RCP018 */}\nThanks.\n",
        [("RCP011", 3, BAD_COL), ("NOS001", 8, 1)],
    ),
    "page.html": (
        f"<p>{BAD}</p>\n<!-- nostrings-disable-next-line RCP011 -->\n<p>{BAD}</p>\n"
        "<!-- nostrings-disable-next-line RCP018 -->\n<p>Thanks.</p>\n",
        [("RCP011", 1, BAD_COL + 3), ("NOS001", 4, 1)],
    ),
    "email.html.j2": (
        f"<p>{BAD}</p>\n{{# nostrings-disable-next-line RCP011 #}}\n<p>{BAD}</p>\n"
        "{# nostrings-disable-next-line RCP018 #}\n<p>Thanks, {{ name }}.</p>\n",
        [("RCP011", 1, BAD_COL + 3), ("NOS001", 4, 1)],
    ),
    "email.hbs": (
        f"<p>{BAD}</p>\n{{{{!-- nostrings-disable-next-line RCP011 --}}}}\n<p>{BAD}</p>\n"
        "{{! nostrings-disable-next-line RCP018 }}\n<p>Thanks, {{name}}.</p>\n",
        [("RCP011", 1, BAD_COL + 3), ("NOS001", 4, 1)],
    ),
    "promo.liquid": (
        f"<p>{BAD}</p>\n{{% comment %}} nostrings-disable-next-line RCP011 {{% endcomment %}}\n"
        f"<p>{BAD}</p>\n{{% # nostrings-disable-next-line RCP018 %}}\n<p>Thanks.</p>\n",
        [("RCP011", 1, BAD_COL + 3), ("NOS001", 4, 1)],
    ),
    "strings.yml": (
        f'en:\n  offer: "{BAD}"\n  # nostrings-disable-next-line RCP011\n  offer2: "{BAD}"\n'
        '  # nostrings-disable-next-line RCP018\n  thanks: "Thanks."\n',
        [("RCP011", 2, BAD_COL + 10), ("NOS001", 5, 3)],
    ),
    "news.mjml": (
        f"<mjml><mj-body><mj-section><mj-column>\n<mj-text>{BAD}</mj-text>\n"
        f"<!-- nostrings-disable-next-line RCP011 -->\n<mj-text>{BAD}</mj-text>\n"
        "<!-- nostrings-disable-next-line RCP018 -->\n<mj-text>Thanks.</mj-text>\n"
        "</mj-column></mj-section></mj-body></mjml>\n",
        [("RCP011", 2, BAD_COL + 9), ("NOS001", 5, 1)],
    ),
}


def lint(root: Path, name: str) -> list[tuple[str, int, int]]:
    r = cli("check", "--no-cache", "--output-format", "json", name, cwd=root)
    [doc] = json.loads(r.stdout)["files"]
    assert doc["error"] is None and doc["warnings"] == []
    return [
        (f["code"], f["line"], f["col"])
        for f in doc["findings"]
        if f["code"] in ("RCP011", "NOS001")
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_next_line_and_unused_in_each_syntax(tmp_path: Path, name: str):
    text, expected = CASES[name]
    write(tmp_path, {name: text})
    assert lint(tmp_path, name) == expected
    # without the directives, every copy of BAD is reported
    write(tmp_path, {name: text.replace("nostrings-", "other-tool-")})
    assert len([c for c, _, _ in lint(tmp_path, name) if c == "RCP011"]) == text.count(BAD)


RANGES = {
    "page.md": ("<!-- {} -->", "{}\n\n"),
    "page.mdx": ("{{/* {} */}}", "{}\n\n"),
    "email.j2": ("{{# {} #}}", "<p>{}</p>\n"),
    "email.hbs": ("{{{{!-- {} --}}}}", "<p>{}</p>\n"),
    "strings.yaml": ("# {}", 'k{n}: "{}"\n'),
}


@pytest.mark.parametrize("name", sorted(RANGES))
def test_disable_enable_range_in_each_syntax(tmp_path: Path, name: str):
    comment, para = RANGES[name]

    def p(n: int) -> str:
        return para.replace("{n}", str(n)).format(BAD)

    text = (
        p(1)
        + comment.format("nostrings-disable RCP011")
        + "\n"
        + p(2)
        + p(3)
        + comment.format("nostrings-enable RCP011")
        + "\n"
        + p(4)
    )
    write(tmp_path, {name: text})
    lines = [line for code, line, _ in lint(tmp_path, name)]
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if BAD in line]
    assert lines == [starts[0], starts[3]]
