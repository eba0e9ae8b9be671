"""The HTML report in a real browser: Debian's Chromium, driven by Playwright.

Why Playwright: it drives an existing Chromium binary (`executable_path`, no browser download),
and gives the DOM, computed styles, keyboard input, console and network events, print media
emulation, screenshots and PDF in one well-tested API; a hand-written DevTools client would
re-implement half of it. Chromium is required, not optional: CI installs it (`.ci/run`), so a
missing browser fails these tests with a message that says how to install it.

Expected findings are never hard-coded: each test runs `check --output-format json` over the
same files and asserts, per finding, that the report shows it highlighted at exactly that text.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT

from linter.cli import main
from linter.engine import DocumentResult
from linter.model import Finding, Severity
from linter.report import html as report

FIXTURES = ROOT / "tests" / "report_fixtures"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail(
            "Chromium is missing: the HTML report tests need Debian's chromium "
            "(apt-get install chromium; .ci/run installs it).",
            pytrace=False,
        )
    return found


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium; Playwright gives every launch a fresh temporary profile directory."""
    exe = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "playwright is missing: pip install -e '.[test]' (it drives the system Chromium)",
            pytrace=False,
        )
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


class Opened:
    """A page with everything it logged and requested."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def close(self) -> None:
        self.page.close()


def cli(args: list[str]):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def expected_findings(paths: list[str]) -> list[dict]:
    res = cli(["check", *paths, "--isolated", "--output-format", "json", "--exit-zero"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert not [f for f in data["files"] if f["error"]], "report fixtures must all be readable"
    return [dict(f, format=file["format"]) for file in data["files"] for f in file["findings"]]


def make_report(paths: list[str], out: Path) -> None:
    res = cli(["report", *paths, "--isolated", "-o", str(out)])
    assert res.exit_code == 0, res.output


# Every note, with its highlighted text (all segments carrying its number, in order).
NOTES_JS = """() => Array.from(document.querySelectorAll('li.note')).map(n => {
  const fid = n.dataset.fid;
  const marks = Array.from(document.querySelectorAll('mark.hl[data-f]')).filter(
      m => m.dataset.f.split(' ').includes(fid));
  return {
    fid, rule: n.dataset.rule, loc: n.dataset.loc,
    path: n.closest('article.doc').dataset.path,
    text: marks.map(m => m.textContent).join(''),
    marked: marks.length > 0 && marks.every(m => {
      const s = getComputedStyle(m);
      return s.backgroundColor !== 'rgba(0, 0, 0, 0)' && !m.classList.contains('off');
    }),
    ref: !!document.querySelector('a.ref[data-fid="' + fid + '"]'),
    anchor: !!document.getElementById('f-' + fid),
  };
})"""


def assert_all_highlighted(notes: list[dict], expected: list[dict]) -> None:
    """Each finding of the JSON run has its note, and its highlight covers exactly its text."""
    assert len(notes) == len(expected)
    by_key = {(n["path"], n["rule"], n["loc"]): n for n in notes}
    for f in expected:
        key = (f["path"], f["code"], f"{f['line']}:{f['col']}-{f['end_line']}:{f['end_col']}")
        note = by_key.get(key)
        assert note is not None, f"no note for {key}"
        assert note["text"] == f["matched"], key
        assert note["marked"] and note["ref"] and note["anchor"], key


@pytest.fixture(scope="module")
def fixtures_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    here = Path.cwd()
    os.chdir(ROOT)  # so the report shows repository-relative paths, as a user would run it
    try:
        make_report(["tests/report_fixtures"], out)
        expected = expected_findings(["tests/report_fixtures"])
    finally:
        os.chdir(here)
    return out, expected


def test_every_finding_is_highlighted_at_its_exact_text(browser, fixtures_report):
    out, expected = fixtures_report
    assert len({f["format"] for f in expected}) >= 2, "fixtures in several formats"
    opened = Opened(browser, out)
    try:
        notes = opened.page.evaluate(NOTES_JS)
        assert_all_highlighted(notes, expected)
        for n in notes:
            assert opened.page.locator(f"#note-{n['fid']}").is_visible()
        # Each document's copy is shown, in order, as written.
        assert opened.page.locator("article.doc").count() == len({f["path"] for f in expected})
        assert opened.errors == [] and [c for c in opened.console if c.startswith("error")] == []
        assert opened.requests == [opened.url], "the report must not fetch anything"
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "report.png"
        opened.page.screenshot(path=str(shot), full_page=True)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    finally:
        opened.close()


def test_no_script_from_the_copy_runs(browser, fixtures_report):
    out, _ = fixtures_report
    opened = Opened(browser, out)
    page = opened.page
    try:
        assert page.evaluate("typeof window.__nostringsCopyRan") == "undefined"
        assert page.evaluate("document.scripts.length") == 1  # the report's own
        appeal = page.locator('article[data-path$="spring-appeal.txt"]').inner_text()
        assert '<script>window.__nostringsCopyRan = "copy ran"</script>' in appeal
        assert "</textarea>" in appeal and "&amp; handling" in appeal
        landing = page.locator('article[data-path$="trial-landing.html"]').inner_text()
        assert "<script>window.__nostringsCopyRan = 1</script>" in landing  # decoded entities
        assert 'a "tips" box & we left it' in landing
        # Every fixture carries the marker as copy, and every one shows it as text.
        for art in page.locator("article.doc").all():
            assert "window.__nostringsCopyRan" in art.inner_text(), art.get_attribute("data-path")
        # ...and our own script did run: the filters are there.
        assert page.locator("#filters").is_visible()
    finally:
        opened.close()


def test_filters_change_what_is_visible(browser, fixtures_report):
    out, expected = fixtures_report
    opened = Opened(browser, out)
    page = opened.page
    try:
        notes = page.evaluate(NOTES_JS)
        sev = {n["fid"]: page.get_attribute(f"#note-{n['fid']}", "data-severity") for n in notes}
        errors = [fid for fid, s in sev.items() if s == "error"]
        others = [fid for fid, s in sev.items() if s != "error"]
        assert errors and others, "fixtures need both error and other findings"

        page.get_by_role("checkbox", name="Error").uncheck()
        for fid in errors:
            assert not page.locator(f"#note-{fid}").is_visible()
            assert not page.locator(f'a.ref[data-fid="{fid}"]').is_visible()
            assert not page.locator(f'.findings-table tr[data-fid="{fid}"]').is_visible()
        for fid in others:
            assert page.locator(f"#note-{fid}").is_visible()
        only_error = page.evaluate(
            """(errs) => Array.from(document.querySelectorAll('mark.hl[data-f]')).filter(m =>
                 m.dataset.f.split(' ').every(f => errs.includes(f)))
               .map(m => getComputedStyle(m).backgroundColor)""",
            errors,
        )
        assert only_error and set(only_error) == {"rgba(0, 0, 0, 0)"}
        status = page.locator("#filter-status").inner_text()
        assert status.startswith(f"Showing {len(others)} of {len(notes)} findings")
        page.get_by_role("checkbox", name="Error").check()

        # Rule filter: hide one rule.
        rule = expected[0]["code"]
        page.locator("details.rules-filter summary").click()
        page.locator(f'input[name=rule][value="{rule}"]').uncheck()
        for n in notes:
            assert page.locator(f"#note-{n['fid']}").is_visible() == (n["rule"] != rule)
        page.locator("#rules-all").click()

        # Document filter: one document only.
        page.select_option("#doc-filter", "d2")
        assert not page.locator("article#d1").is_visible()
        assert page.locator("article#d2").is_visible()
        assert not page.locator('tr[data-doc-row="d1"]').is_visible()

        page.locator("#reset-filters").click()
        for n in notes:
            assert page.locator(f"#note-{n['fid']}").is_visible()
        assert (
            page.locator("#filter-status")
            .inner_text()
            .startswith(f"Showing all {len(notes)} findings")
        )
    finally:
        opened.close()


def test_without_javascript_everything_is_shown(browser, fixtures_report):
    out, expected = fixtures_report
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(out.resolve().as_uri())
        assert not page.locator("#filters").is_visible()
        assert page.locator("li.note").count() == len(expected)
        assert all(n.is_visible() for n in page.locator("li.note").all())
        assert page.locator("mark.hl.off").count() == 0
    finally:
        ctx.close()


def test_summary_link_jumps_to_the_finding(browser, fixtures_report):
    out, _ = fixtures_report
    opened = Opened(browser, out)
    page = opened.page
    try:
        last = page.locator(".findings-table tbody tr").last
        fid = last.get_attribute("data-fid")
        last.locator("td").nth(1).locator("a").click()
        assert page.evaluate("location.hash") == f"#f-{fid}"
        mark = page.locator(f"#f-{fid}")
        assert "current" in (mark.get_attribute("class") or "")
        box = mark.bounding_box()
        assert box is not None and 0 <= box["y"] < 900, "the highlight is scrolled into view"
        assert "current" in (page.locator(f"#note-{fid}").get_attribute("class") or "")
        # The footnote number leads to the note, the note's number back to the copy.
        page.locator(f'a.ref[data-fid="{fid}"]').click()
        assert page.evaluate("location.hash") == f"#note-{fid}"
    finally:
        opened.close()


CONTRAST_JS = """(sel) => {
  function rgb(c) { return c.match(/[\\d.]+/g).slice(0, 4).map(Number); }
  function lum([r, g, b]) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  }
  function bg(el) {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) { return c; }
    }
    return [255, 255, 255];
  }
  return Array.from(document.querySelectorAll(sel)).filter(e => e.offsetParent).map(e => {
    const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));
    return [e.className + ':' + e.textContent.slice(0, 20), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}"""


def test_keyboard_and_screen_reader_basics(browser, fixtures_report):
    out, _ = fixtures_report
    opened = Opened(browser, out)
    page = opened.page
    try:
        assert page.get_attribute("html", "lang") == "en"
        assert page.locator("main").count() == 1 and page.locator("h1").count() == 1
        unlabelled = page.evaluate(
            """() => Array.from(document.querySelectorAll('input, select, button'))
                 .filter(e => !(e.labels && e.labels.length) && !e.textContent.trim()
                              && !e.getAttribute('aria-label')).length"""
        )
        assert unlabelled == 0
        refs_without_name = page.evaluate(
            "() => Array.from(document.querySelectorAll('a.ref')).filter(a => !a.getAttribute('aria-label')).length"
        )
        assert refs_without_name == 0
        assert page.get_attribute("svg[role=img]", "aria-labelledby") == "chart-title"
        # The first Tab reaches the skip link; the filters work from the keyboard.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        error_box = page.get_by_role("checkbox", name="Error")
        error_box.focus()
        page.keyboard.press("Space")
        assert not error_box.is_checked()
        assert "of" in page.locator("#filter-status").inner_text()
        page.keyboard.press("Space")
        assert error_box.is_checked()
        # Text contrast (WCAG AA, 4.5:1) of badges, footnotes, highlighted copy and muted text.
        pairs = page.evaluate(
            CONTRAST_JS, ".badge, a.ref, .note-num, mark.hl, .loc, .kind-label, .doc-meta, .sub"
        )
        assert pairs
        low = [(what, round(r, 2)) for what, r in pairs if r < 4.5]
        assert low == []
    finally:
        opened.close()


def test_print_puts_notes_inline_and_hides_controls(browser, fixtures_report):
    out, _ = fixtures_report
    opened = Opened(browser, out)
    page = opened.page
    try:
        sources = page.locator("details.more .note-meta").first
        assert not sources.is_visible()  # collapsed on screen...
        page.emulate_media(media="print")
        assert sources.is_visible()  # ...printed in full
        assert not page.locator("details.more > summary").first.is_visible()
        assert not page.locator("#filters").is_visible()
        rows = page.locator(".row.has-notes")
        assert rows.count() > 0
        for i in range(rows.count()):
            row = rows.nth(i)
            copy = row.locator(".copy").bounding_box()
            notes = row.locator(".notes").bounding_box()
            assert copy and notes
            assert notes["y"] >= copy["y"] + copy["height"] - 1, "notes print under the copy"
        ARTIFACTS.mkdir(exist_ok=True)
        pdf = ARTIFACTS / "report-print.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        assert pdf.read_bytes()[:5] == b"%PDF-"
    finally:
        opened.close()


def _finding(code: str, offset: int, end: int, text: str, sev: Severity) -> Finding:
    return Finding(
        code=code,
        name="rule",
        severity=sev,
        message=f"{code} message",
        corrective="Write it plainly.",
        path="overlap.txt",
        line=1,
        col=offset + 1,
        end_line=1,
        end_col=end + 1,
        matched=text[offset:end],
        pitfall="Hidden quid pro quo",
        pitfall_action="Disclose intent clearly",
        stage="give value",
        sources=(),
        block=0,
        offset=offset,
        end_offset=end,
    )


def test_overlapping_spans_render_and_filter_correctly(browser, tmp_path):
    text = "Claim your free gift today, only 2 left & <b>hurry</b>!"
    spans = [
        ("RCP012", text.index("free"), text.index("today") + 5, Severity.WARNING),
        ("RCP017", text.index("gift"), text.index("only") + 11, Severity.ERROR),
        ("RCP019", text.index("only"), text.index("only") + 11, Severity.INFO),
        ("RCP020", text.index("<b>"), text.index("</b>") + 4, Severity.WARNING),
    ]
    findings = [_finding(c, s, e, text, sev) for c, s, e, sev in spans]
    res = DocumentResult(
        "overlap.txt",
        "text",
        "plain",
        findings,
        blocks=[{"kind": "paragraph", "text": text, "hidden": False, "is_ui": False}],
    )
    out = tmp_path / "overlap.html"
    out.write_text(report.render([res]), encoding="utf-8")
    opened = Opened(browser, out)
    page = opened.page
    try:
        notes = {n["rule"]: n for n in page.evaluate(NOTES_JS)}
        for code, s, e, _ in spans:
            assert notes[code]["text"] == text[s:e]
            assert notes[code]["marked"]
        copy = page.evaluate(
            """() => Array.from(document.querySelector('article .block').childNodes)
                 .filter(n => !(n.classList && n.classList.contains('ref')))
                 .map(n => n.textContent).join('')"""
        )
        assert copy == text  # intact, once, in order, tags shown as text
        assert page.locator("article .block b").count() == 0
        # The §6 co-firing pair says so in both notes.
        assert (
            "fires here too on purpose"
            in page.locator(f"#note-{notes['RCP012']['fid']}").inner_text()
        )
        # Hide the error: the shared segment falls back to the next most severe colour.
        page.get_by_role("checkbox", name="Error").uncheck()
        shared = page.locator(f'mark.hl[data-f~="{notes["RCP017"]["fid"]}"]').first
        assert "sev-warning" in shared.get_attribute("class")
        assert "off" not in shared.get_attribute("class")
    finally:
        opened.close()


def test_corpus_banners_report_opens_without_console_errors(browser, tmp_path):
    folder = CORPUS / "dev" / "fundraising-banners"
    assert folder.is_dir(), f"corpus folder missing: {folder}"
    out = tmp_path / "banners.html"
    make_report([str(folder)], out)
    expected = expected_findings([str(folder)])
    opened = Opened(browser, out)
    try:
        assert opened.errors == []
        assert [c for c in opened.console if c.startswith(("error", "warning"))] == []
        assert opened.requests == [opened.url]
        assert opened.page.locator("article.doc").count() == len(list(folder.glob("*.txt")))
        assert_all_highlighted(opened.page.evaluate(NOTES_JS), expected)
    finally:
        opened.close()
