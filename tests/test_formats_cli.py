"""Formats through the command line: detection, configuration by glob, warnings, bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from linter.cli import main
from linter.formats import EXTENSIONS, FORMATS, default_channel, detect

FIX = Path(__file__).parent / "format_fixtures"
BAD = "Honestly, you owe us a call."  # RCP011 at column 11


def cli(cwd: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def lines(out: str, code: str = "RCP011") -> list[str]:
    return [line.split(f" {code} ")[0] for line in out.splitlines() if f" {code} " in line]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "nostrings.toml").write_text("")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "fmt", "channel"),
    [
        ("a.txt", "text", "plain"),
        ("a.md", "markdown", "landing"),
        ("a.markdown", "markdown", "landing"),
        ("a.mdown", "markdown", "landing"),
        ("a.mdx", "mdx", "landing"),
        ("a.html", "html", "landing"),
        ("a.HTM", "html", "landing"),
        ("a.eml", "eml", "email"),
        ("welcome.html.j2", "jinja", "landing"),
        ("a.njk", "jinja", "landing"),
        ("a.liquid", "liquid", "landing"),
        ("a.hbs", "handlebars", "landing"),
        ("a.mustache", "handlebars", "landing"),
        ("a.mjml", "mjml", "email"),
        ("en.yml", "yaml", "ui_strings"),
        ("en.yaml", "yaml", "ui_strings"),
        ("en.json", "json", "ui_strings"),
        ("a.docx", None, "plain"),
        ("Makefile", None, "plain"),
    ],
)
def test_detection_by_extension_and_default_channel(name, fmt, channel):
    assert detect(name) == fmt
    if fmt is not None:
        assert default_channel(fmt) == channel


def test_every_registered_format_has_a_reader_module():
    import importlib

    for fmt, (module, _) in FORMATS.items():
        mod = importlib.import_module(f"linter.formats.{module}")
        assert callable(mod.read), fmt
    assert set(EXTENSIONS.values()) <= set(FORMATS)


def test_globs_override_extensions():
    globs = {"emails/*.txt": "eml", "**/locales/*.txt": "yaml", "*.tmpl": "jinja"}
    assert detect("/abs/repo/emails/a.txt", globs) == "eml"
    assert detect("emails/a.txt", globs) == "eml"
    assert detect("site/locales/en.txt", globs) == "yaml"
    assert detect("x/welcome.tmpl", globs) == "jinja"
    assert detect("notes/a.txt", globs) == "text"


def test_configured_formats_by_glob_are_used(repo):
    (repo / "nostrings.toml").write_text('[formats]\n"*.tmpl" = "jinja"\n"exports/*.txt" = "eml"\n')
    (repo / "welcome.tmpl").write_text(f"<p>Hi {{{{ name }}}}, {BAD}</p>\n")
    (repo / "exports").mkdir()
    (repo / "exports" / "m.txt").write_text(
        f"From: a@example.com\nSubject: Hi\n\n{BAD}\n", encoding="utf-8"
    )
    r = cli(repo, ".")
    assert sorted(lines(r.stdout)) == ["exports/m.txt:4:11:", "welcome.tmpl:1:29:"]


def test_override_format_and_channel_precedence(repo):
    (repo / "nostrings.toml").write_text(
        'channel = "landing"\n[[overrides]]\nfiles = ["copy/*.txt"]\nformat = "markdown"\n'
    )
    (repo / "copy").mkdir()
    (repo / "copy" / "a.txt").write_text(f"# Title\n\n`code you owe us` {BAD}\n")
    r = cli(repo, "--output-format", "json", ".")
    import json

    data = json.loads(r.stdout)
    files = data["files"] if isinstance(data, dict) and "files" in data else data
    rec = next(f for f in files if f["path"].endswith("a.txt"))
    assert rec["format"] == "markdown"
    assert [(f["line"], f["col"]) for f in rec["findings"] if f["code"] == "RCP011"] == [(3, 29)]


def test_front_matter_channel_beats_configuration(repo):
    (repo / "nostrings.toml").write_text('channel = "plain"\n')
    (repo / "a.md").write_text(f"---\nchannel: fundraising_page\n---\n{BAD}\n")
    from linter.runner import Runner, RunSettings

    (result,) = Runner(RunSettings()).run([str(repo / "a.md")])
    assert result.channel == "fundraising_page"


def test_unknown_extension_is_skipped_with_a_notice_in_verbose_mode(repo):
    (repo / "a.md").write_text(f"{BAD}\n")
    (repo / "b.docx").write_bytes(b"PK\x03\x04 you owe us")
    quiet = cli(repo, ".")
    assert "b.docx" not in quiet.stderr
    verbose = cli(repo, "-v", ".")
    assert "b.docx: skipped (unknown file type)" in verbose.stderr
    assert lines(verbose.stdout) == ["a.md:1:11:"]
    explicit = cli(repo, "b.docx")
    assert explicit.exit_code == 2
    assert "b.docx: error: unknown file type '.docx'" in explicit.stderr


def test_warnings_are_printed_and_other_files_still_linted(repo):
    (repo / "a.html").write_text(f"<p>{BAD}</p>\n<p>Cut <!-- never closed\n")
    (repo / "b.md").write_text(f"{BAD}\n")
    r = cli(repo, ".")
    assert "a.html: warning: line 2, column 8: comment is never closed" in r.stderr
    assert sorted(lines(r.stdout)) == ["a.html:1:14:", "b.md:1:11:"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bad.yml", b"a: [unclosed\n", "invalid YAML at line 2"),
        ("bad.json", b'{"a": }', "invalid JSON at line 1, column 7"),
        ("bad.eml", b"just words, no headers\n", "not an email message"),
        ("bad.md", b"caf\xc3\xa9 and caf\xe9\n", "not valid UTF-8 at line 1, column 13"),
        ("bad.html", b"\x00\x01\x02binary", "binary file"),
    ],
)
def test_bad_input_is_one_clear_error_and_never_stops_the_others(repo, name, data, reason):
    (repo / name).write_bytes(data)
    (repo / "good.md").write_text(f"{BAD}\n")
    r = cli(repo, ".")
    assert r.exit_code == 2
    errors = [line for line in r.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"{name}: error: ")
    assert reason in errors[0]
    assert "Traceback" not in r.stderr and "Error:" not in errors[0].split(": error: ")[1][:6]
    assert lines(r.stdout) == ["good.md:1:11:"]


def test_a_50_mb_file_is_refused_by_size(repo):
    big = repo / "big.html"
    with big.open("wb") as fh:
        chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
        for _ in range(50):
            fh.write(chunk)
    (repo / "good.md").write_text(f"{BAD}\n")
    r = cli(repo, ".")
    assert r.exit_code == 2
    assert "big.html: error: file is larger than 20 MB" in r.stderr
    assert lines(r.stdout) == ["good.md:1:11:"]


@pytest.mark.parametrize(
    "rel",
    [
        "html/violations.html",
        "eml/qp-alternative.eml",
        "markdown/violations.md",
        "mdx/violations.mdx",
        "templates/welcome.html.j2",
        "templates/promo.liquid",
        "templates/email.hbs",
        "mjml/news.mjml",
        "catalogs/en.yml",
        "catalogs/en.json",
    ],
)
def test_fixture_findings_through_the_cli_match_the_reader_positions(rel):
    from linter import Linter
    from linter.formats import read_bytes

    path = FIX / rel
    doc = read_bytes(path.read_bytes(), str(path), detect(str(path)) or "")
    expected = sorted(
        f"{f.line}:{f.col}:" for f in Linter().lint_document(doc).findings if f.code == "RCP011"
    )
    r = cli(path.parent, "--select", "RCP011", "--isolated", path.name)
    got = sorted(line.split(":", 1)[1] for line in lines(r.stdout))
    assert got == expected
    assert expected
