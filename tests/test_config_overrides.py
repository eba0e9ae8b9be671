"""Per-path configuration: [[overrides]] with globs, per-file-ignores, precedence, validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from workflow_util import BAD, BAD_COL, cli, write

from linter import config as configmod
from linter.runner import Runner, RunSettings, Target


def findings(root: Path, *args: str, input: str | None = None) -> dict[str, list[tuple]]:
    r = cli("check", "--no-cache", "--output-format", "json", *args, cwd=root, input=input)
    assert r.exit_code in (0, 1), r.stderr
    out = {}
    for f in json.loads(r.stdout)["files"]:
        out[f["path"]] = [(x["code"], x["severity"], x["line"], x["col"]) for x in f["findings"]]
    return out


def channels(root: Path, *args: str) -> dict[str, str]:
    r = cli("check", "--no-cache", "--output-format", "json", *args, cwd=root)
    return {f["path"]: f["channel"] for f in json.loads(r.stdout)["files"]}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "emails/welcome.txt": BAD + "\n",
            "emails/legacy/old.txt": BAD + "\n",
            "pages/home.txt": BAD + "\n",
            "pages/raw.txt": f"<p>{BAD}</p>\n",
            "drafts/idea.txt": BAD + "\n",
        },
    )
    return tmp_path


def test_overrides_set_channel_selection_severity_and_format(site: Path):
    write(
        site,
        {
            "nostrings.toml": """
[[overrides]]
files = ["emails/**"]
channel = "email"

[[overrides]]
files = ["emails/legacy/**"]
ignore = ["RCP011"]

[[overrides]]
files = ["drafts/*"]
severity = { RCP011 = "info" }

[[overrides]]
files = ["pages/raw.txt"]
format = "html"
"""
        },
    )
    got = findings(site, "--select", "RCP011", ".")
    assert got == {
        "drafts/idea.txt": [("RCP011", "info", 1, BAD_COL)],
        "emails/legacy/old.txt": [],
        "emails/welcome.txt": [("RCP011", "error", 1, BAD_COL)],
        "pages/home.txt": [("RCP011", "error", 1, BAD_COL)],
        "pages/raw.txt": [("RCP011", "error", 1, BAD_COL + 3)],
    }
    ch = channels(site, ".")
    assert ch["emails/welcome.txt"] == "email" and ch["emails/legacy/old.txt"] == "email"
    assert ch["pages/home.txt"] == "plain" and ch["pages/raw.txt"] == "landing"


def test_later_override_wins_and_command_line_wins_over_all(site: Path):
    write(
        site,
        {
            "nostrings.toml": """
channel = "landing"
[[overrides]]
files = ["emails/**"]
channel = "email"
[[overrides]]
files = ["emails/legacy/*"]
channel = "fundraising_email"
select = ["RCP004"]
"""
        },
    )
    ch = channels(site, "emails", "pages/home.txt")
    assert ch == {
        "emails/legacy/old.txt": "fundraising_email",
        "emails/welcome.txt": "email",
        "pages/home.txt": "landing",
    }
    assert findings(site, "emails/legacy")["emails/legacy/old.txt"] == []  # select = RCP004
    got = findings(site, "--select", "RCP011", "emails/legacy")  # the command line wins
    assert got["emails/legacy/old.txt"] == [("RCP011", "error", 1, BAD_COL)]
    assert channels(site, "--channel", "plain", "emails")["emails/welcome.txt"] == "plain"


def test_per_file_ignores(site: Path):
    write(
        site,
        {
            "nostrings.toml": '[per-file-ignores]\n"pages/*" = ["RCP011"]\n"*/idea.txt" = ["RCP01"]\n'
        },
    )
    got = findings(site, "--select", "RCP011", ".")
    assert got["pages/home.txt"] == [] and got["drafts/idea.txt"] == []
    assert got["emails/welcome.txt"] == [("RCP011", "error", 1, BAD_COL)]


def test_per_file_ignores_apply_to_stdin_filename(site: Path):
    write(site, {"nostrings.toml": '[per-file-ignores]\n"pages/*" = ["RCP011"]\n'})
    got = findings(site, "--stdin-filename", "pages/new.txt", "-", input=BAD + "\n")
    assert got == {"pages/new.txt": []}
    got = findings(site, "--stdin-filename", "emails/new.txt", "-", input=BAD + "\n")
    assert got["emails/new.txt"] == [("RCP011", "error", 1, BAD_COL)]


def test_pyproject_table_and_nearest_configuration_wins(site: Path):
    write(
        site,
        {
            "pyproject.toml": '[project]\nname = "copy"\n\n[tool.nostrings]\nignore = ["RCP011"]\n',
            "emails/nostrings.toml": 'channel = "email"\n',
        },
    )
    got = findings(site, ".")
    assert got["pages/home.txt"] == []  # root pyproject ignores RCP011
    assert got["emails/welcome.txt"][0][0] == "RCP011"  # emails/ has its own configuration
    assert channels(site, "emails")["emails/welcome.txt"] == "email"


def test_metadata_from_configuration_overrides_and_command_line(site: Path):
    write(
        site,
        {
            "nostrings.toml": """
[metadata]
jurisdiction = "US"
funnel_stage = "nurture"
[[overrides]]
files = ["emails/**"]
metadata = { jurisdiction = ["US", "EU"], is_commercial = true }
"""
        },
    )
    runner = Runner(RunSettings(metadata={"funnel_stage": "decision"}))
    path = Path("emails/welcome.txt")
    cfg = configmod.for_directory(site / "emails")
    import os

    old = os.getcwd()
    os.chdir(site)
    try:
        plan = runner.plan_for(Target(path.as_posix(), path, "text", True), cfg)
    finally:
        os.chdir(old)
    assert json.loads(plan.metadata) == {
        "funnel_stage": "decision",
        "is_commercial": True,
        "jurisdiction": ["US", "EU"],
    }


@pytest.mark.parametrize(
    ("pattern", "path", "hit"),
    [
        ("emails/**", "emails/a/b.txt", True),
        ("emails/**/*.txt", "emails/b.txt", True),
        ("emails/**/*.txt", "emails/x/y/b.txt", True),
        ("**/legacy/*", "emails/legacy/old.txt", True),
        ("./pages/*.txt", "pages/home.txt", True),
        (".github/**", ".github/x.md", True),
        (".github/**", "github/x.md", False),
        ("*.txt", "deep/down/file.txt", True),
        ("pages/*.txt", "emails/home.txt", False),
    ],
)
def test_glob_semantics(pattern: str, path: str, hit: bool):
    assert configmod._glob(path, pattern) is hit


def test_force_exclude_applies_excludes_to_named_files(site: Path):
    write(site, {"nostrings.toml": 'extend-exclude = ["drafts/**"]\n'})
    got = findings(site, "--select", "RCP011", "drafts/idea.txt", "pages/home.txt")
    assert list(got) == ["drafts/idea.txt", "pages/home.txt"]  # named files are linted...
    got = findings(site, "--force-exclude", "drafts/idea.txt", "pages/home.txt")
    assert list(got) == ["pages/home.txt"]  # ...unless --force-exclude (pre-commit)
    assert "drafts/idea.txt" not in findings(site, ".")  # folders always honour excludes


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[overrides]]\nfiles = ["a/*"]\nchanel = "email"\n', "unknown key 'chanel' in override"),
        (
            '[[overrides]]\nfiles = ["a/*"]\nchannel = "mail"\n',
            "overrides[0]'.channel: must be one of",
        ),
        ('[[overrides]]\nchannel = "email"\n', "an override needs 'files'"),
        ("[[overrides]]\nfiles = []\n", "expected a non-empty list of globs"),
        ('ignore = ["RCP999"]\n', "'ignore': unknown rule selector 'RCP999'"),
        ('[severity]\nRCP011 = "fatal"\n', "RCP011: must be error, warning or info, got 'fatal'"),
        ('[severity]\nRCP01 = "info"\n', "'RCP01' is not a rule code"),
        ('[per-file-ignores]\n"a/*" = "RCP011"\n', "expected list"),
        ('[formats]\n"*.tpl" = "jinja-ish"\n', "unknown format 'jinja-ish'"),
        ('output-format = "xml"\n', "'output-format': must be one of text, json"),
        ("jobs = -1\n", "must be 0 (one per CPU) or more"),
        ("selct = []\n", "unknown key 'selct'"),
    ],
)
def test_configuration_errors_name_the_file_and_key(site: Path, toml: str, message: str):
    write(site, {"nostrings.toml": toml})
    r = cli("check", "--no-cache", "pages/home.txt", cwd=site)
    assert r.exit_code == 2
    assert "nostrings.toml" in r.stderr and message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_configuration_error_in_a_subfolder_stops_the_run_like_ruff(site: Path):
    write(site, {"emails/nostrings.toml": 'ignore = ["NOPE"]\n'})
    r = cli("check", "--no-cache", "--select", "RCP011", ".", cwd=site)
    assert r.exit_code == 2
    where = (site / "emails" / "nostrings.toml").resolve()
    assert r.stderr == (
        f"nostrings: error: {where}: 'ignore': unknown rule selector 'NOPE' "
        "(codes look like RCP012 or RCP01)\n"
    )
    assert r.stdout == ""
