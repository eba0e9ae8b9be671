"""The README stays true: its two set-up commands, and the rule table generated from the rules."""

from __future__ import annotations

import re

from conftest import ROOT

from linter.docs import README_END, README_START, readme_rules_section


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_exactly_two_setup_commands() -> None:
    text = _readme()
    head = text.split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", head, re.DOTALL)
    assert blocks == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/nostrings check fixtures/",
        "bash .ci/run",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -e '.[test]'" in ci and "-m pytest" in ci
    assert "set -euo pipefail" in ci  # any pytest failure, including exit 5, fails CI


def test_rule_table_matches_the_registry() -> None:
    text = _readme()
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    assert text[start:end] == readme_rules_section(), (
        "README rule table is stale: run `python -m linter.docs`"
    )
