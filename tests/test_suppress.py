"""Inline suppressions: every directive kind, per-code lists, ranges, and NOS001 for idle ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_util import BAD, BAD_COL, cli, write

from linter import Linter
from linter.formats import read_bytes
from linter.model import Finding, Severity, Suppression
from linter.suppress import (
    DirectiveError,
    apply_suppressions,
    parse_directive,
    unused_enabled,
)

KNOWN = frozenset({"RCP011", "RCP012", "RCP017", "RCP020"})


def finding(code: str, line: int, col: int = 1) -> Finding:
    return Finding(
        code=code,
        name="x",
        severity=Severity.WARNING,
        message="m",
        corrective="c",
        path="p.html",
        line=line,
        col=col,
        end_line=line,
        end_col=col + 3,
        matched="abc",
        pitfall="Reciprocity guilt",
        pitfall_action="a",
        stage="s",
        sources=(),
        fingerprint=f"{code}{line}",
    )


def sup(kind: str, line: int, *codes: str, col: int = 1, end_line: int | None = None):
    return Suppression(kind, tuple(codes), line, col, end_line or line)


def apply(findings, sups, enabled=KNOWN):
    kept, unused = apply_suppressions(
        findings, sups, path="p.html", enabled_codes=enabled, known_codes=KNOWN
    )
    return [(f.code, f.line) for f in kept], [(f.line, f.message) for f in unused]


# ---- parsing ---------------------------------------------------------------------------------
def test_parse_directive_kinds_codes_and_reason():
    s = parse_directive(" nostrings-disable RCP012, rcp017 -- legal approved 2025-03 ", 4, 5)
    assert s == Suppression("disable", ("RCP012", "RCP017"), 4, 5, 4)
    assert parse_directive("nostrings-disable-next-line", 2, 1, 3) == Suppression(
        "disable-next-line", (), 2, 1, 3
    )
    assert parse_directive("nostrings-enable NOS001", 1, 1).codes == ("NOS001",)
    assert parse_directive("an ordinary comment", 1, 1) is None
    with pytest.raises(DirectiveError, match="'RCP12x' is not a rule code"):
        parse_directive("nostrings-disable RCP12x", 1, 1)


# ---- applying: ranges --------------------------------------------------------------------------
def test_disable_enable_range_is_positional():
    fs = [finding("RCP011", 1), finding("RCP011", 3), finding("RCP011", 5), finding("RCP011", 7)]
    kept, unused = apply(fs, [sup("disable", 2), sup("enable", 6)])
    assert kept == [("RCP011", 1), ("RCP011", 7)]
    assert unused == []


def test_disable_without_enable_runs_to_end_of_file():
    kept, _ = apply([finding("RCP011", 1), finding("RCP011", 900)], [sup("disable", 2)])
    assert kept == [("RCP011", 1)]


def test_same_line_directive_covers_only_what_follows_it():
    fs = [finding("RCP011", 4, col=2), finding("RCP011", 4, col=40)]
    kept, _ = apply(fs, [sup("disable", 4, col=20)])
    assert kept == [("RCP011", 4)]


def test_per_code_disable_leaves_other_rules():
    fs = [finding("RCP011", 3), finding("RCP017", 3)]
    kept, unused = apply(fs, [sup("disable", 1, "RCP011")])
    assert kept == [("RCP017", 3)]
    assert unused == []


def test_enable_one_code_inside_blanket_disable_keeps_the_rest_off():
    fs = [finding("RCP011", 5), finding("RCP017", 5), finding("RCP011", 2)]
    kept, unused = apply(fs, [sup("disable", 1), sup("enable", 4, "RCP011")])
    assert kept == [("RCP011", 5)]
    assert unused == []


def test_enable_one_code_of_a_listed_disable():
    fs = [finding("RCP011", 5), finding("RCP017", 5), finding("RCP017", 2)]
    kept, _ = apply(fs, [sup("disable", 1, "RCP011", "RCP017"), sup("enable", 4, "RCP017")])
    assert kept == [("RCP017", 5)]


def test_next_line_follows_the_end_of_a_multiline_comment():
    fs = [finding("RCP011", 3), finding("RCP011", 4), finding("RCP011", 5)]
    kept, unused = apply(fs, [sup("disable-next-line", 2, "RCP011", end_line=3)])
    assert kept == [("RCP011", 3), ("RCP011", 5)]
    assert unused == []


def test_disable_line_and_disable_file():
    fs = [finding("RCP011", 3), finding("RCP017", 9), finding("RCP020", 12)]
    kept, _ = apply(fs, [sup("disable-line", 3), sup("disable-file", 20, "RCP017")])
    assert kept == [("RCP020", 12)]


# ---- applying: unused reporting --------------------------------------------------------------
def test_blanket_directive_that_suppresses_nothing_is_reported():
    _, unused = apply([finding("RCP011", 9)], [sup("disable-next-line", 2)])
    assert unused == [(2, "Unused suppression: `nostrings-disable-next-line` suppresses nothing.")]


def test_partly_used_code_list_names_the_idle_code():
    _, unused = apply([finding("RCP011", 3)], [sup("disable-next-line", 2, "RCP011", "RCP020")])
    assert unused == [
        (
            2,
            "Unused suppression: `nostrings-disable-next-line RCP011, RCP020` "
            "suppresses nothing for RCP020.",
        )
    ]


def test_unknown_and_not_enabled_codes_are_named():
    _, unused = apply(
        [], [sup("disable-file", 1, "RCP999", "RCP017")], enabled=frozenset({"RCP011"})
    )
    assert unused == [
        (
            1,
            "Unused suppression: `nostrings-disable-file RCP999, RCP017` suppresses nothing; "
            "unknown rule code RCP999; not enabled for this file: RCP017.",
        )
    ]


def test_enable_that_closes_nothing_is_reported():
    _, unused = apply([], [sup("enable", 7)])
    assert unused == [
        (7, "Unused suppression: `nostrings-enable` closes no nostrings-disable comment before it.")
    ]


def test_nos001_is_hidden_only_by_a_directive_that_names_it():
    # a blanket disable-file does not hide reports about other comments...
    _, unused = apply([], [sup("disable-file", 1), sup("disable-next-line", 5, "RCP011")])
    assert [line for line, _ in unused] == [1, 5]
    # ...a directive listing NOS001 does, and is not itself reported
    _, unused = apply([], [sup("disable-file", 1, "NOS001"), sup("disable-next-line", 5, "RCP011")])
    assert unused == []


def test_report_unused_off_keeps_suppressing():
    kept, unused = apply_suppressions(
        [finding("RCP011", 3)],
        [sup("disable-next-line", 2, "RCP011"), sup("disable-next-line", 8)],
        path="p.html",
        enabled_codes=KNOWN,
        known_codes=KNOWN,
        report_unused=False,
    )
    assert kept == [] and unused == []


def test_unused_selection_follows_ruff():
    assert unused_enabled(None, [], [])
    assert not unused_enabled(["RCP011"], [], [])
    assert unused_enabled(["RCP011", "NOS"], [], [])
    assert unused_enabled(["ALL"], [], [])
    assert unused_enabled(["RCP011"], [], ["NOS001"])
    assert not unused_enabled(None, ["NOS001"], [])


# ---- through a real reader and the engine ----------------------------------------------------
HTML = f"""\
<html><body>
<p>{BAD}</p>
<!-- nostrings-disable-next-line RCP011 -->
<p>{BAD}</p>
<!-- nostrings-disable RCP011, RCP020 -- legacy campaign, see ticket 12 -->
<p>{BAD}</p>
<!-- nostrings-enable -->
<p>{BAD} <!-- nostrings-disable-line RCP011 --></p>
<p>{BAD}</p>
<!-- nostrings-disable-next-line -->
<p>Thanks for reading.</p>
</body></html>
"""


def lint_html(text: str, **kw) -> list[Finding]:
    """RCP011 and NOS001 findings (other rules may have opinions about the test page)."""
    doc = read_bytes(text.encode(), "page.html", "html")
    return [f for f in Linter(**kw).lint_document(doc).findings if f.code in ("RCP011", "NOS001")]


def test_html_comments_suppress_and_report_unused():
    got = [(f.code, f.line, f.col) for f in lint_html(HTML)]
    assert got == [
        ("RCP011", 2, BAD_COL + 3),
        ("NOS001", 5, 1),
        ("RCP011", 9, BAD_COL + 3),
        ("NOS001", 10, 1),
    ]
    msgs = {f.line: f.message for f in lint_html(HTML) if f.code == "NOS001"}
    assert msgs[5].endswith("suppresses nothing for RCP020.")
    assert msgs[10].endswith("`nostrings-disable-next-line` suppresses nothing.")


def test_narrow_api_selection_does_not_report_unused():
    got = [(f.code, f.line) for f in lint_html(HTML, select=["RCP011"])]
    assert got == [("RCP011", 2), ("RCP011", 9)]


def test_suppressed_findings_do_not_change_pressure_density():
    scarce = "<p>Only 3 seats left at this price, so book now.</p>\n"
    lin = Linter()
    plain = lin.lint_document(read_bytes(scarce.encode(), "p.html", "html"))
    quiet = "<!-- nostrings-disable-next-line RCP019 -->\n" + scarce
    hushed = lin.lint_document(read_bytes(quiet.encode(), "p.html", "html"))
    assert "RCP019" in [f.code for f in plain.findings]  # a pressure rule
    assert "RCP019" not in [f.code for f in hushed.findings]
    assert hushed.pressure_density == plain.pressure_density > 0


def test_malformed_directive_is_a_warning_naming_the_line(tmp_path: Path):
    write(tmp_path, {"p.html": f"<p>{BAD}</p>\n<!-- nostrings-disable RCP-11 -->\n"})
    r = cli("check", "--no-cache", "p.html", cwd=tmp_path)
    assert r.exit_code == 1
    assert "p.html: warning: line 2: 'RCP-11' is not a rule code" in r.stderr


# ---- NOS001 on the command line ----------------------------------------------------------------
IDLE = f"<p>{BAD}</p>\n<!-- nostrings-disable-next-line RCP011 -->\n<p>Thanks.</p>\n"


@pytest.mark.parametrize(
    ("args", "config", "codes"),
    [
        ((), "", ["RCP011", "NOS001"]),
        (("--select", "RCP011"), "", ["RCP011"]),
        (("--select", "RCP011,NOS001"), "", ["RCP011", "NOS001"]),
        (("--ignore", "NOS001"), "", ["RCP011"]),
        (("--ignore", "NOS"), "", ["RCP011"]),
        (("--select", "NOS001"), "", ["NOS001"]),
        ((), 'ignore = ["NOS001"]\n', ["RCP011"]),
        ((), '[per-file-ignores]\n"legacy/*" = ["NOS001"]\n', ["RCP011"]),
        ((), '[severity]\nNOS001 = "error"\n', ["RCP011", "NOS001"]),
    ],
)
def test_nos001_is_selectable_and_ignorable(tmp_path: Path, args, config, codes):
    write(tmp_path, {"legacy/p.html": IDLE, "nostrings.toml": config})
    r = cli("check", "--no-cache", "--output-format", "json", *args, "legacy", cwd=tmp_path)
    import json

    findings = json.loads(r.stdout)["files"][0]["findings"]
    assert [f["code"] for f in findings] == codes
    if "NOS001" in codes:
        nos = findings[codes.index("NOS001")]
        assert (nos["line"], nos["col"]) == (2, 1)
        assert nos["severity"] == ("error" if "severity" in config else "warning")


def test_rule_command_explains_nos001():
    r = cli("rule", "NOS001")
    assert r.exit_code == 0
    assert r.stdout.startswith("NOS001 Unused suppression comment")
    assert "## Corrective action" in r.stdout
