"""The HTML report without a browser: segmentation, escaping, self-containment, determinism,
the `report` command and `check --output-format html`, and that the templates ship.

What the report looks like and does in a real browser is in test_report_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from conftest import ROOT

from linter.cli import main
from linter.engine import DocumentResult
from linter.model import Finding, Severity
from linter.report import html as report

FIXTURES = ROOT / "tests" / "report_fixtures"


def make_finding(
    code: str,
    block: int,
    offset: int,
    end: int,
    text: str,
    severity: Severity = Severity.WARNING,
    *,
    message: str = "msg",
    path: str = "copy.txt",
    line: int = 1,
    stage: str = "give value",
    pitfall: str = "Hidden quid pro quo",
) -> Finding:
    return Finding(
        code=code,
        name="some-rule",
        severity=severity,
        message=message,
        corrective="Say what to write instead.",
        path=path,
        line=line,
        col=offset + 1,
        end_line=line,
        end_col=end + 1,
        matched=text[offset:end],
        pitfall=pitfall,
        pitfall_action="Disclose intent clearly",
        stage=stage,
        sources=("16 CFR 251.1(c)",),
        block=block,
        offset=offset,
        end_offset=end,
    )


def result_with(blocks: list[dict], findings: list[Finding], path: str = "copy.txt"):
    return DocumentResult(path, "text", "plain", findings, blocks=blocks)


def block(text: str, kind: str = "paragraph", hidden: bool = False) -> dict:
    return {"kind": kind, "text": text, "hidden": hidden, "is_ui": kind == "ui"}


# ---- segmentation ----------------------------------------------------------------------------
def test_overlapping_nested_and_empty_spans_split_into_segments():
    text = "abcdefghijkl"
    fs = [
        make_finding("RCP001", 0, 0, 6, text),  # overlaps the next one
        make_finding("RCP002", 0, 3, 9, text),
        make_finding("RCP003", 0, 4, 5, text, Severity.ERROR),  # nested in both
        make_finding("RCP004", 0, 10, 10, text),  # a point
    ]
    (doc,) = report.build_documents([result_with([block(text)], fs)])
    pieces = doc.blocks[0].pieces
    by_num = {fv.f.code: fv.num for fv in doc.findings}
    # The copy is intact, in order, once.
    assert "".join(p.text for p in pieces if not p.ref) == text
    for fv in doc.findings:
        covered = "".join(p.text for p in pieces if fv.num in p.fids)
        assert covered == text[fv.f.offset : fv.f.end_offset]
        # exactly one element carries the finding's anchor id
        assert sum(fv.num in p.anchors for p in pieces) == 1
        # one footnote reference, right after the finding's last segment
        refs = [i for i, p in enumerate(pieces) if p.ref is fv]
        assert len(refs) == 1
        last_seg = max(i for i, p in enumerate(pieces) if fv.num in p.fids)
        assert all(p.ref is not None for p in pieces[last_seg + 1 : refs[0]])
    nested = next(p for p in pieces if p.text == "e")
    assert set(nested.fids) == {by_num["RCP001"], by_num["RCP002"], by_num["RCP003"]}
    assert nested.severity == "error"  # the most severe covering finding colours it
    point = next(p for p in pieces if p.empty)
    assert point.fids == (by_num["RCP004"],) and point.text == ""


def test_numbering_follows_reading_order_subject_first_and_docwide_notes():
    blocks = [block("Body copy here."), block("Hello there", kind="subject")]
    fs = [
        make_finding("RCP011", 0, 0, 4, blocks[0]["text"], line=3),
        make_finding("RCP028", 1, 0, 5, blocks[1]["text"], line=1),
        make_finding("RCP029", -1, 0, 0, "", line=1),  # not tied to a block
    ]
    (doc,) = report.build_documents([result_with(blocks, fs)])
    assert [b.kind for b in doc.blocks] == ["subject", "paragraph"]
    assert [fv.f.code for fv in doc.findings] == ["RCP029", "RCP028", "RCP011"]
    assert [fv.num for fv in doc.findings] == [1, 2, 3]
    assert [fv.f.code for fv in doc.doc_notes] == ["RCP029"]
    assert [fv.f.code for fv in doc.blocks[0].notes] == ["RCP028"]


def test_summary_counts_by_severity_rule_pitfall_and_stage():
    text = "one two three four"
    r1 = result_with(
        [block(text)],
        [
            make_finding("RCP011", 0, 0, 3, text, Severity.ERROR, stage="proportional ask"),
            make_finding("RCP019", 0, 4, 7, text, pitfall="Untruthful offer", stage="x"),
        ],
        path="a.txt",
    )
    r2 = result_with([block(text)], [make_finding("RCP011", 0, 8, 13, text)], path="b.txt")
    r3 = DocumentResult("c.bin", "", "", [], error="binary file (contains NUL bytes), not copy")
    docs = report.build_documents([r1, r2, r3])
    s = report.summarize(docs)
    assert (s["documents"], s["with_findings"], s["unreadable"], s["findings"]) == (3, 2, 1, 3)
    assert s["by_severity"] == {"error": 1, "warning": 2, "info": 0}
    assert [(r["code"], r["error"], r["warning"], r["total"]) for r in s["by_rule"]] == [
        ("RCP011", 1, 1, 2),
        ("RCP019", 0, 1, 1),
    ]
    stages = {st["key"]: st["count"] for st in s["by_stage"]}
    assert list(stages)[:4] == [
        "give value",
        "allow reflection",
        "proportional ask",
        "support outcome",
    ]
    assert stages["proportional ask"] == 1 and stages["give value"] == 1 and stages["x"] == 1
    assert {p["name"]: p["count"] for p in s["by_pitfall"]} == {
        "Hidden quid pro quo": 2,
        "Untruthful offer": 1,
    }
    assert "Reciprocity guilt" in s["pitfalls_clear"]


# ---- escaping and self-containment -----------------------------------------------------------
HOSTILE = '<script>window.__x=1</script></textarea> "quoted" &amp; \'single\' <b onclick="x()">'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def hostile_report() -> str:
    text = f"Before {HOSTILE} after"
    start = text.index("<script>")
    f = make_finding(
        "RCP011",
        0,
        start,
        start + len("<script>window.__x=1</script>"),
        text,
        message='"<script>" is <em>bad</em>',
        path='<img src=x onerror="alert(1)">.txt',
    )
    res = result_with([block(text)], [f], path=f.path)
    return report.render(
        [res],
        title="<i>Campaign</i> & co",
        configuration=[("Metadata", "brand=<svg onload=alert(1)>")],
    )


def test_copy_and_user_strings_are_escaped():
    out = hostile_report()
    parser = _Tags()
    parser.feed(out)
    scripts = [t for t, _ in parser.tags if t == "script"]
    assert scripts == ["script"], "only the report's own script element"
    assert not [(t, a) for t, a in parser.tags if any(k.startswith("on") for k in a)]
    assert not [t for t, _ in parser.tags if t in ("img", "svg:svg", "b", "em", "i", "textarea")]
    # The copy shows as text, exactly as written, entities and all.
    assert "&lt;script&gt;window.__x=1&lt;/script&gt;" in out
    assert "&lt;/textarea&gt;" in out
    assert "&#34;quoted&#34; &amp;amp; &#39;single&#39;" in out
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;.txt" in out
    assert "&lt;i&gt;Campaign&lt;/i&gt; &amp; co" in out
    assert "brand=&lt;svg onload=alert(1)&gt;" in out


def test_report_is_self_contained_and_pins_its_script():
    out = hostile_report()
    parser = _Tags()
    parser.feed(out)
    for tag, attrs in parser.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base"), tag
        assert "src" not in attrs, tag
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "@import" not in out and "url(" not in out
    csp = next(
        a["content"] for t, a in parser.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp and "form-action 'none'" in csp
    script = "".join(parser.script_text)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


# ---- the commands ----------------------------------------------------------------------------
def run_cli(args: list[str], **kw):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kw)


def test_report_command_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    r1 = run_cli(["report", "tests/report_fixtures", "--isolated", "-o", str(a)])
    r2 = run_cli(["report", "tests/report_fixtures", "--isolated", "-o", str(b)])
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output
    assert a.read_bytes() == b.read_bytes()
    page = a.read_text(encoding="utf-8")
    assert "Generated" not in page
    assert re.search(r"\b20\d\d-\d\d-\d\d\b", page) is None
    assert page.startswith("<!DOCTYPE html>")
    assert "tests/report_fixtures/spring-appeal.txt" in page
    assert f"Wrote {a}:" in r1.stderr


def test_timestamp_only_when_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    out = tmp_path / "r.html"
    res = run_cli(["report", str(FIXTURES / "spring-appeal.txt"), "--timestamp", "-o", str(out)])
    assert res.exit_code == 0
    assert "Generated 1970-01-02 00:00 UTC." in out.read_text(encoding="utf-8")


def test_report_matches_check_json_and_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    res = run_cli(["check", "tests/report_fixtures", "--isolated", "--output-format", "json"])
    data = json.loads(res.stdout)
    findings = [f for file in data["files"] for f in file["findings"]]
    assert findings, "the report fixtures must trigger rules"
    out = run_cli(["report", "tests/report_fixtures", "--isolated", "-o", "-"])
    assert out.exit_code == 0
    page = out.stdout
    assert page.count('<li class="note ') == len(findings)
    for f in findings:
        loc = f'data-loc="{f["line"]}:{f["col"]}-{f["end_line"]}:{f["end_col"]}"'
        assert f'data-rule="{f["code"]}"' in page and loc in page


def test_check_output_format_html_keeps_check_exit_codes(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    res = run_cli(["check", "tests/report_fixtures", "--isolated", "--output-format", "html"])
    assert res.exit_code == 1  # the fixtures contain error findings
    assert res.stdout.startswith("<!DOCTYPE html>")
    assert 'class="note sev-error"' in res.stdout
    out = tmp_path / "c.html"
    res = run_cli(
        ["check", "tests/report_fixtures", "--isolated", "--output-format", "html", "-o", str(out)]
    )
    assert res.exit_code == 1 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_unreadable_file_is_reported_in_the_page_and_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("You owe us one, friend.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    res = run_cli(["report", ".", "--isolated", "-o", "out.html"])
    assert res.exit_code == 2
    assert "bad.txt: error: binary file" in res.stderr
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "Could not be read:</strong> binary file (contains NUL bytes), not copy" in page
    assert 'data-path="ok.txt"' in page


def test_report_never_reviews_its_own_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "copy.txt").write_text("You owe us one, friend.\n", encoding="utf-8")
    first = run_cli(["report", ".", "--isolated", "-o", "report.html"])
    assert first.exit_code == 0, first.output
    # `check` does read the report (HTML is a copy format) ...
    res = run_cli(["check", ".", "--isolated", "--output-format", "json", "--exit-zero"])
    assert sorted(f["path"] for f in json.loads(res.stdout)["files"]) == ["copy.txt", "report.html"]
    # ... but the report leaves its own output out, so a re-run does not double every finding.
    second = run_cli(["report", ".", "--isolated", "-o", "report.html"])
    assert "in 1 document." in first.stderr and "in 1 document." in second.stderr


def test_bad_selector_and_unwritable_output_are_usage_errors(tmp_path):
    res = run_cli(["report", str(FIXTURES), "--select", "XYZ", "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "unknown rule selector 'XYZ'" in res.stderr
    res = run_cli(["report", str(FIXTURES), "-o", str(tmp_path / "missing" / "r.html")])
    assert res.exit_code == 2 and "cannot write" in res.stderr
    assert "Traceback" not in res.output


# ---- packaging -------------------------------------------------------------------------------
def test_templates_ship_in_the_wheel(tmp_path):
    """Build a real wheel from a copy of the sources and look for every template in it."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for pkg in ("linter", "rules"):
        shutil.copytree(ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(tmp_path / "dist"), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp_path / "dist").glob("nostrings-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "linter" / "report" / "templates").iterdir()}
    assert {"report.html.j2", "macros.html.j2", "report.css", "report.js"} <= shipped
    for name in shipped:
        assert f"linter/report/templates/{name}" in names


@pytest.mark.parametrize("name", ["report.html.j2", "macros.html.j2", "report.css", "report.js"])
def test_assets_have_no_external_references(name):
    text = (ROOT / "linter" / "report" / "templates" / name).read_text(encoding="utf-8")
    for bad in ("http://", "https://", "@import", "url(", "fetch(", "XMLHttpRequest"):
        if bad == "http://" and name == "report.html.j2":
            # the SVG namespace URI is a name, not a request
            text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert bad not in text, f"{name} contains {bad}"


def test_html_is_identical_with_jobs_and_from_the_cache(tmp_path, monkeypatch):
    """Same bytes whether linted in one process, in a worker pool, or served from the cache."""
    monkeypatch.chdir(tmp_path)
    for f in FIXTURES.iterdir():
        shutil.copy(f, tmp_path / f.name)
    outs = []
    for extra in (["--no-cache"], ["--jobs", "2", "--no-cache"], [], []):  # last two: cold, warm
        res = run_cli(["check", ".", "--isolated", "--output-format", "html", *extra])
        assert res.exit_code == 1, res.output
        outs.append(res.stdout)
    assert (tmp_path / ".nostrings_cache").is_dir()
    assert outs[0] == outs[1] == outs[2] == outs[3]
    assert outs[0].count('<li class="note ') >= 5


def test_readme_report_section_command_and_screenshot(tmp_path, monkeypatch):
    """The README's one command works as written, and its screenshot is a small real PNG."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section:report -->")[1].split("<!-- /section:report -->")[0]
    command = re.search(r"```sh\n(.+?)\n```", section, re.S).group(1).strip()
    assert command == "nostrings report fixtures/ -o report.html"
    image = re.search(r"!\[[^\]]+\]\(([^)]+\.png)\)", section).group(1)
    png = (ROOT / image).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and 20_000 < len(png) < 300_000
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)
    res = run_cli(command.split()[1:])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    data = json.loads(
        run_cli(["check", "fixtures/", "--output-format", "json", "--exit-zero"]).stdout
    )
    assert page.count('<li class="note ') == sum(len(f["findings"]) for f in data["files"]) > 0
    assert page.count('<article class="doc"') == len(data["files"])


def test_ids_are_unique_and_every_internal_link_resolves(monkeypatch):
    monkeypatch.chdir(ROOT)
    page = run_cli(["report", "tests/report_fixtures", "fixtures", "--isolated", "-o", "-"]).stdout
    parser = _Tags()
    parser.feed(page)
    ids = [a["id"] for _, a in parser.tags if "id" in a]
    assert len(ids) == len(set(ids))
    targets = {a["href"][1:] for _, a in parser.tags if (a.get("href") or "").startswith("#")}
    targets |= {a["aria-describedby"] for _, a in parser.tags if "aria-describedby" in a}
    targets |= {a["aria-labelledby"] for _, a in parser.tags if "aria-labelledby" in a}
    assert targets and targets <= set(ids), targets - set(ids)


def test_tool_findings_without_pitfall_or_stage(tmp_path):
    """An unused-suppression finding (the tool's own) has no seed pitfall or stage to show."""
    text = "Plain copy."
    f = make_finding("NOS001", -1, 0, 0, text, Severity.WARNING, stage="", pitfall="")
    f2 = make_finding("RCP011", 0, 0, 5, text, Severity.ERROR)
    (doc,) = report.build_documents([result_with([block(text)], [f, f2])])
    s = report.summarize([doc])
    assert "" not in {st["key"] for st in s["by_stage"]}
    assert "" not in {p["name"] for p in s["by_pitfall"]}
    page = report.render([result_with([block(text)], [f, f2])])
    note = page.split('id="note-1"')[1].split("</li>")[0]
    assert "NOS001" in note and "Seed pitfall" not in note and "Stage:" not in note
    note2 = page.split('id="note-2"')[1].split("</li>")[0]
    assert "Seed pitfall:</span> Hidden quid pro quo" in note2
