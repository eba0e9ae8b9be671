"""The public API and the `check`, `rule` and `rules` commands behave as documented."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import linter
from linter.registry import ALL_RULES

TEXT = (
    "Here's your free budgeting template. Upgrade to Pro today to unlock automatic reports.\n"
    "\n"
    "We sent you the playbook for free. Now it's your turn to return the favor.\n"
)


def _run(*args: str, cwd: Path | None = None, stdin: str | None = None):
    exe = Path(sys.executable).with_name("nostrings")
    return subprocess.run(
        [str(exe), *args], cwd=cwd, input=stdin, capture_output=True, text=True, check=False
    )


def test_lint_text_returns_ordered_findings_with_positions() -> None:
    findings = linter.lint_text(TEXT)
    got = [(f.code, f.severity.value, f.line, f.col, f.matched) for f in findings]
    assert got == [
        ("RCP012", "warning", 1, 1, "Here's your free budgeting template"),
        ("RCP011", "error", 3, 58, "return the favor"),
    ]
    f = findings[1]
    assert f.pitfall == "Reciprocity guilt"
    assert f.pitfall_action == 'Reinforce "no obligation" phrasing'
    assert f.corrective.startswith("Remove language that tells readers they owe you")
    assert f.fingerprint and len(f.fingerprint) == 16


def test_linter_object_is_reusable_and_deterministic() -> None:
    lin = linter.Linter(select=["RCP01"])
    first = [f.to_dict() for f in lin.lint_text(TEXT)]
    second = [f.to_dict() for f in lin.lint_text(TEXT)]
    assert first == second
    assert {f["code"] for f in first} <= {r.code for r in ALL_RULES if r.code.startswith("RCP01")}


def test_select_and_ignore_by_prefix() -> None:
    assert [f.code for f in linter.lint_text(TEXT, select=["RCP011"])] == ["RCP011"]
    assert "RCP011" not in [f.code for f in linter.lint_text(TEXT, ignore=["RCP011"])]


def test_fingerprint_survives_an_edit_elsewhere() -> None:
    a = linter.lint_text(TEXT, select=["RCP011"])[0]
    b = linter.lint_text("A new first paragraph.\n\n" + TEXT, select=["RCP011"])[0]
    assert (a.line, b.line) == (3, 5)
    assert a.fingerprint == b.fingerprint


def test_check_json_output_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "copy.txt").write_text(TEXT)
    proc = _run("check", "--isolated", "--output-format", "json", "copy.txt", cwd=tmp_path)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    codes = [f["code"] for f in data["files"][0]["findings"]]
    assert codes == ["RCP012", "RCP011"]
    assert data["summary"]["by_severity"]["error"] == 1
    assert "pressure_density" in data["files"][0]
    # --fail-on warning counts the warning too; --select of the warning alone then fails
    proc = _run("check", "--isolated", "--select", "RCP012", "copy.txt", cwd=tmp_path)
    assert proc.returncode == 0
    proc = _run(
        "check",
        "--isolated",
        "--select",
        "RCP012",
        "--fail-on",
        "warning",
        "copy.txt",
        cwd=tmp_path,
    )
    assert proc.returncode == 1


def test_unknown_selector_and_config_key_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "copy.txt").write_text(TEXT)
    proc = _run("check", "--isolated", "--select", "XYZ9", "copy.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown rule selector 'XYZ9'" in proc.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.nostrings]\nselct = ["RCP011"]\n')
    proc = _run("check", "copy.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown key 'tool.nostrings.selct'" in proc.stderr
    assert "pyproject.toml" in proc.stderr


def test_configuration_is_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "nostrings.toml").write_text('ignore = ["RCP011"]\n')
    sub = tmp_path / "campaigns" / "spring"
    sub.mkdir(parents=True)
    (sub / "copy.txt").write_text(TEXT)
    proc = _run("check", "--output-format", "json", "campaigns", cwd=tmp_path)
    codes = [f["code"] for f in json.loads(proc.stdout)["files"][0]["findings"]]
    assert "RCP011" not in codes and "RCP012" in codes


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_rule_command_prints_the_page(rule) -> None:
    from click.testing import CliRunner

    from linter.cli import main

    result = CliRunner().invoke(main, ["rule", rule.code.lower()])
    assert result.exit_code == 0
    assert result.output.startswith(rule.code)
    for section in (
        "## What it does",
        "## Why is this bad?",
        "## Corrective action",
        "## References",
    ):
        assert section in result.output
    assert rule.corrective.split(".")[0] in " ".join(result.output.split())


def test_rules_command_lists_every_rule() -> None:
    proc = _run("rules")
    assert proc.returncode == 0
    listed = [line.split()[0] for line in proc.stdout.splitlines() if line.startswith("RCP")]
    assert listed == [r.code for r in ALL_RULES]
    assert _run("rule", "RCP999").returncode == 2
