"""The README's workflow and configuration examples work exactly as written.

Each fenced block of the Workflows section is run in a scratch content repository with the
installed `nostrings` on PATH (the GitHub Actions workflow's `run:` steps one by one; install
steps are checked, not run, since the package under test is installed already). The
Configuration section's example must load and do what it says, and every configuration key and
`check` option must be documented.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, SHARED
from workflow_util import BAD, BAD_COL, CLEAN, cli, write

from linter import config as configmod

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover
    pass

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = str(Path(sys.executable).parent)


def section(name: str) -> str:
    m = re.search(rf"<!-- section:{name} -->(.*?)<!-- /section:{name} -->", README, re.S)
    assert m, f"README has no {name} section"
    return m.group(1)


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, re.S | re.M)


def subsection(text: str, title: str) -> str:
    m = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^### |\Z)", text, re.S | re.M)
    assert m, f"no subsection {title!r}"
    return m.group(1)


WORKFLOWS = section("workflows")
CONFIG = section("config")


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "NOSTRINGS_CACHE_DIR")}
    env["PATH"] = BIN + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def commands(block: str) -> list[str]:
    """A shell block's commands, comments removed."""
    out = []
    for line in block.splitlines():
        line = line.split(" # ", 1)[0].strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@pytest.fixture
def content(tmp_path: Path) -> Path:
    write(tmp_path, {"content/offer.md": f"# Offer\n\n{BAD}\n", "content/thanks.md": CLEAN + "\n"})
    return tmp_path


# ---- GitHub Actions --------------------------------------------------------------------------
def github_workflow() -> dict:
    [block] = blocks(subsection(WORKFLOWS, "GitHub Actions, with code scanning (SARIF)"), "yaml")
    return yaml.safe_load(block)


def test_github_workflow_runs_as_written(content: Path):
    wf = github_workflow()
    assert wf["permissions"]["security-events"] == "write"
    steps = wf["jobs"]["nostrings"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0].startswith('pip install "nostrings @ git+')  # installed already: not run
    lint, annotate = runs[1:]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload"))

    r = shell(lint, content)
    assert r.returncode == 0, r.stderr  # --exit-zero: the upload step still runs
    sarif_path = content / upload["with"]["sarif_file"]
    log = json.loads(sarif_path.read_text(encoding="utf-8"))
    schema = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    [res] = [x for x in log["runs"][0]["results"] if x["ruleId"] == "RCP011"]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "content/offer.md"

    r = shell(annotate, content)
    assert r.returncode == 1
    assert r.stdout.startswith(f"::error file=content/offer.md,line=3,col={BAD_COL},")
    (content / "content" / "offer.md").write_text(CLEAN + "\n")
    assert shell(annotate, content).returncode == 0


# ---- any other CI ------------------------------------------------------------------------------
def test_plain_ci_command_writes_junit_and_fails_on_errors(content: Path):
    [block] = blocks(subsection(WORKFLOWS, "Any other CI"), "sh")
    [command] = commands(block)
    r = shell(command, content)
    assert r.returncode == 1
    out = shlex.split(command)[shlex.split(command).index("--output-file") + 1]
    root = ET.parse(content / out).getroot()
    assert root.get("failures") == "1" and root.get("tests") == "2"
    (content / "content" / "offer.md").write_text(CLEAN + "\n")
    assert shell(command, content).returncode == 0


# ---- baseline ----------------------------------------------------------------------------------
def test_baseline_commands(content: Path):
    [block] = blocks(subsection(WORKFLOWS, "Legacy copy: a baseline"), "sh")
    write_cmd, check_cmd = commands(block)
    assert shell(write_cmd, content).returncode == 0
    r = shell(check_cmd, content)
    assert r.returncode == 0 and "No problems found in 2 files." in r.stdout
    write(content, {"content/offer.md": f"# New heading\n\nIntro.\n\n{BAD}\n"})
    assert shell(check_cmd, content).returncode == 0  # survives the unrelated edit
    write(content, {"content/new.md": BAD + "\n"})
    r = shell(check_cmd, content)
    assert r.returncode == 1 and f"content/new.md:1:{BAD_COL}: RCP011" in r.stdout


# ---- by hand -----------------------------------------------------------------------------------
def test_by_hand_commands(content: Path):
    [block] = blocks(subsection(WORKFLOWS, "By hand"), "sh")
    init, check, show, rule = commands(block)
    r = shell(init, content)
    assert r.returncode == 0 and (content / "nostrings.toml").is_file()
    assert shell(check, content).returncode == 1
    r = shell(show, content)
    assert r.returncode == 1
    assert f"    {BAD}\n    {' ' * (BAD_COL - 1)}^^^^" in r.stdout
    r = shell(rule, content)
    assert r.returncode == 0 and r.stdout.startswith("RCP012 ")


# ---- configuration -----------------------------------------------------------------------------
def test_configuration_example_loads_and_applies(tmp_path: Path):
    [block] = blocks(CONFIG, "toml")
    write(
        tmp_path,
        {
            "pyproject.toml": block,
            "emails/welcome.txt": BAD + "\n",
            "appeals/spring.txt": BAD + "\n",
            "archive/old.txt": BAD + "\n",
        },
    )
    cfg = configmod.load(tmp_path / "pyproject.toml")
    assert cfg.fail_on == "warning" and "archive/**" in cfg.exclude
    r = cli("check", "--no-cache", "--output-format", "json", ".", cwd=tmp_path)
    files = {f["path"]: f for f in json.loads(r.stdout)["files"]}
    assert sorted(files) == ["appeals/spring.txt", "emails/welcome.txt"]  # archive excluded
    assert files["emails/welcome.txt"]["channel"] == "email"
    assert files["appeals/spring.txt"]["channel"] == "fundraising_email"
    assert r.exit_code == 1


def documented(text: str) -> set[str]:
    """The names in backticks in the first column of a Markdown table."""
    cells = re.findall(r"^\| ([^|]+) \|", text, re.M)
    return {name for cell in cells for name in re.findall(r"`([^`]+)`", cell)}


def test_every_configuration_key_is_documented():
    keys = documented(subsection(CONFIG, "Keys"))
    assert {k.replace("_", "-") for k in configmod.TOP_KEYS} <= keys
    assert {k.replace("_", "-") for k in configmod.OVERRIDE_KEYS} <= documented(
        subsection(CONFIG, "Overrides: settings per path")
    )
    assert set(configmod.METADATA_KEYS) <= documented(subsection(CONFIG, "Metadata"))
    assert {k.replace("_", "-") for k in configmod.OPTION_KEYS} <= documented(
        subsection(CONFIG, "Options")
    )


def test_every_check_option_is_documented():
    from linter.cli import check

    missing = [
        opt
        for param in check.params
        if not getattr(param, "hidden", False)
        for opt in param.opts
        if opt.startswith("--") and opt not in README
    ]
    assert missing == []
