"""GitHub annotations, JUnit XML, the JSON schema, --statistics, --show-source, colour, progress."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import CORPUS, ROOT
from workflow_util import BAD, BAD_COL, CLEAN, NOSTRINGS, cli, run, write

from linter.progress import Progress
from linter.registry import BY_CODE

FIX = BY_CODE["RCP011"].corrective
MSG = '"return the favor" tells the reader they owe you for what you gave.'
JSON_SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "a.txt": f"Intro, with 100% of it: yes.\n\n{BAD}\n",
            "b.txt": CLEAN + "\n",
            "c.html": f"<p>{BAD}</p>\n<!-- nostrings-disable-next-line RCP011 -->\n<p>ok</p>\n",
        },
    )
    return tmp_path


# ---- github ------------------------------------------------------------------------------------
def test_github_annotations_exact(repo: Path):
    r = cli(
        "check", "--no-cache", "--output-format", "github", "a.txt", "b.txt", "c.html", cwd=repo
    )
    assert r.exit_code == 1
    end = BAD_COL + len("return the favor")
    unused = (
        "Unused suppression: `nostrings-disable-next-line RCP011` suppresses nothing."
        "%0AFix: Delete the comment, or the codes in it that no longer match, so that it cannot "
        "hide a new problem written here later."
    )
    assert r.stdout == (
        f"::error file=a.txt,line=3,col={BAD_COL},endLine=3,endColumn={end},"
        f"title=RCP011 (reciprocity-debt-language)::{MSG}%0AFix: {FIX}\n"
        f"::error file=c.html,line=1,col={BAD_COL + 3},endLine=1,endColumn={end + 3},"
        f"title=RCP011 (reciprocity-debt-language)::{MSG}%0AFix: {FIX}\n"
        "::warning file=c.html,line=2,col=1,endLine=2,endColumn=2,"
        f"title=NOS001 (unused-suppression)::{unused}\n"
    )


def test_github_escapes_properties_and_data():
    from linter.report.github import escape_data, escape_property

    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"
    assert escape_data("50% off,\r\nnow: yes") == "50%25 off,%0D%0Anow: yes"


def test_github_reports_unreadable_file(repo: Path):
    (repo / "bin.txt").write_bytes(b"\x00\x00")
    r = cli("check", "--no-cache", "--output-format", "github", "bin.txt", cwd=repo)
    assert r.exit_code == 2
    assert r.stdout == (
        "::error file=bin.txt,title=nostrings::bin.txt: binary file (contains NUL bytes), not copy\n"
    )


# ---- junit -------------------------------------------------------------------------------------
def test_junit_suites_per_file(repo: Path):
    (repo / "bin.txt").write_bytes(b"\x00\x00")
    r = cli("check", "--no-cache", "--output-format", "junit", ".", cwd=repo)
    assert r.exit_code == 2
    assert r.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    root = ET.fromstring(r.stdout)
    assert root.attrib == {"name": "nostrings", "tests": "5", "failures": "3", "errors": "1"}
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["a.txt", "b.txt", "bin.txt", "c.html"]
    [case] = suites["a.txt"].iter("testcase")
    assert case.get("name") == f"RCP011 reciprocity-debt-language at 3:{BAD_COL}"
    assert case.get("line") == "3"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "RCP011"
    assert failure.get("message") == f"[error] {MSG}"
    assert failure.text == (
        f"a.txt:3:{BAD_COL}: RCP011 [error] {MSG}\nfix: {FIX}\nmatched: return the favor"
    )
    [ok] = suites["b.txt"].iter("testcase")
    assert ok.get("name") == "nostrings" and len(ok) == 0
    [err] = suites["bin.txt"].iter("testcase")
    assert err.find("error").get("message") == "binary file (contains NUL bytes), not copy"
    assert [c.get("name").split()[0] for c in suites["c.html"].iter("testcase")] == [
        "RCP011",
        "NOS001",
    ]


def test_junit_strips_characters_xml_cannot_hold(repo: Path):
    write(repo, {"ctl.txt": f"Line one\x0b with a control.\n\n{BAD}\n"})
    r = cli("check", "--no-cache", "--output-format", "junit", "ctl.txt", cwd=repo)
    ET.fromstring(r.stdout)  # parses


# ---- json and its schema -----------------------------------------------------------------------
def _schema_keys(schema: dict, node: dict, out: set[str], prefix: str = "") -> None:
    node = _deref(schema, node)
    for k, sub in node.get("properties", {}).items():
        out.add(prefix + k)
        _schema_keys(schema, sub, out, prefix + k + ".")
    if "items" in node:
        _schema_keys(schema, node["items"], out, prefix + "[].")


def _deref(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _output_keys(value, out: set[str], prefix: str = "", dynamic=("by_rule",)) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            out.add(prefix + k)
            if k not in dynamic:
                _output_keys(v, out, prefix + k + ".")
    elif isinstance(value, list):
        for v in value:
            _output_keys(v, out, prefix + "[].")


def test_json_output_validates_and_every_field_is_documented(repo: Path):
    (repo / "bin.txt").write_bytes(b"\x00")
    r = cli("check", "--no-cache", "--output-format", "json", ".", cwd=repo)
    doc = json.loads(r.stdout)
    jsonschema.Draft202012Validator.check_schema(JSON_SCHEMA)
    jsonschema.Draft202012Validator(JSON_SCHEMA).validate(doc)
    assert doc["schema_version"] == "1"
    assert doc["summary"]["by_rule"] == {"NOS001": 1, "RCP011": 2}
    documented: set[str] = set()
    _schema_keys(JSON_SCHEMA, JSON_SCHEMA, documented)
    emitted: set[str] = set()
    _output_keys(doc, emitted)
    assert "files.[].findings.[].fingerprint" in emitted
    assert emitted - documented == set()


def test_json_schema_rejects_a_wrong_document():
    bad = {"schema_version": "1", "tool": {"name": "nostrings", "version": "0"}, "files": []}
    with pytest.raises(jsonschema.ValidationError, match="'summary' is a required property"):
        jsonschema.Draft202012Validator(JSON_SCHEMA).validate(bad)


# ---- statistics ----------------------------------------------------------------------------------
def test_statistics_text(repo: Path):
    r = cli("check", "--no-cache", "--statistics", ".", cwd=repo)
    assert r.exit_code == 1
    assert r.stdout == (
        "2  RCP011  reciprocity-debt-language  [error]\n"
        "1  NOS001  unused-suppression  [warning]\n"
        "Found 3 problems (2 errors, 1 warning, 0 info) in 3 files.\n"
    )


def test_statistics_json_validates(repo: Path):
    r = cli("check", "--no-cache", "--statistics", "--output-format", "json", ".", cwd=repo)
    rows = json.loads(r.stdout)
    assert rows == [
        {"code": "RCP011", "name": "reciprocity-debt-language", "count": 2,
         "by_severity": {"error": 2}},
        {"code": "NOS001", "name": "unused-suppression", "count": 1,
         "by_severity": {"warning": 1}},
    ]  # fmt: skip
    stats_schema = {**JSON_SCHEMA, **JSON_SCHEMA["$defs"]["statistics"]}
    stats_schema.pop("required")
    stats_schema.pop("properties")
    jsonschema.Draft202012Validator(stats_schema).validate(rows)


def test_statistics_refuses_other_formats(repo: Path):
    r = cli("check", "--statistics", "--output-format", "sarif", ".", cwd=repo)
    assert r.exit_code == 2
    assert "--statistics prints text or json output" in r.stderr


# ---- show-source, colour -------------------------------------------------------------------------
def test_show_source_marks_the_span(repo: Path):
    r = cli("check", "--no-cache", "--show-source", "--select", "RCP011", "-q", "a.txt", cwd=repo)
    lines = r.stdout.splitlines()
    assert lines[1] == f"    {BAD}"
    assert lines[2] == "    " + " " * (BAD_COL - 1) + "^" * len("return the favor")


def test_show_source_from_configuration(repo: Path):
    write(repo, {"nostrings.toml": "show-source = true\n"})
    r = cli("check", "--no-cache", "--select", "RCP011", "-q", "a.txt", cwd=repo)
    assert r.stdout.splitlines()[1] == f"    {BAD}"


def _pty_run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal, as a person at a terminal would."""
    leader, follower = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full.update(env)
    proc = subprocess.Popen(
        args, cwd=cwd, env=full, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_and_no_color_respected(repo: Path):
    code, out = _pty_run([NOSTRINGS, "check", "--no-cache", "a.txt"], repo, {})
    assert code == 1
    assert "\x1b[1ma.txt\x1b[0m:3:" in out
    code, out = _pty_run([NOSTRINGS, "check", "--no-cache", "a.txt"], repo, {"NO_COLOR": "1"})
    assert code == 1
    assert "\x1b[" not in out
    assert f"a.txt:3:{BAD_COL}: RCP011 [error]" in out


def test_no_colour_when_piped(repo: Path):
    r = run("check", "--no-cache", "a.txt", cwd=repo)
    assert "\x1b[" not in r.stdout


# ---- progress ------------------------------------------------------------------------------------
class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_waits_throttles_and_erases():
    now = [0.0]
    tty = FakeTTY()
    p = Progress(tty, 4, delay=1.0, interval=0.1, clock=lambda: now[0])
    p.update(1, "a.md")
    assert tty.getvalue() == ""  # quick runs show nothing
    now[0] = 1.5
    p.update(2, "b.md")
    assert tty.getvalue().endswith("nostrings: 2/4 files (50%)  b.md")
    now[0] = 1.55
    p.update(3, "c.md")
    assert "3/4" not in tty.getvalue()  # throttled
    p.finish()
    assert tty.getvalue().endswith("\r\x1b[2K")


def test_progress_never_on_a_pipe():
    pipe = io.StringIO()
    p = Progress(pipe, 100, delay=0.0, clock=lambda: 5.0)
    p.update(50, "x")
    p.finish()
    assert pipe.getvalue() == ""


def test_progress_shown_on_a_terminal_for_a_long_run(tmp_path: Path):
    # 300 real emails take well over the one-second delay (spaCy's import alone is most of it)
    files = sorted((CORPUS / "dev" / "political-emails").glob("*.txt"))[:300]
    assert len(files) == 300
    args = [NOSTRINGS, "check", "--no-cache", "--no-color", "--exit-zero", "-q"]
    code, out = _pty_run([*args, *map(str, files)], tmp_path, {})
    assert code == 0
    assert "\r\x1b[2Knostrings: " in out and "/300 files (" in out
    # the last progress line is erased: at the end, or before findings printed after it (a fast
    # run may print its last findings after its last, throttled, progress update)
    last = out.rindex("\r\x1b[2Knostrings: ") + len("\r\x1b[2K")
    assert "\r\x1b[2K" in out[last:]


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path):
    files = sorted((CORPUS / "dev" / "political-emails").glob("*.txt"))[:300]
    r = run("check", "--no-cache", "--exit-zero", "-q", *map(str, files), cwd=tmp_path)
    assert "files (" not in r.stderr and "\x1b" not in r.stderr


def test_unwritable_output_files_are_clear_errors(repo: Path):
    r = cli("check", "--no-cache", "-o", "missing/out.txt", "a.txt", cwd=repo)
    assert r.exit_code == 2
    assert r.stderr == "nostrings: error: cannot write missing/out.txt: No such file or directory\n"
    r = cli("check", "--no-cache", "--write-baseline", "missing/bl.json", "a.txt", cwd=repo)
    assert r.exit_code == 2
    assert r.stderr.startswith("nostrings: error: ") and "missing/bl.json" in r.stderr
    assert "Traceback" not in r.stderr
