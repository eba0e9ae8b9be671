"""Every rule's positive and negative fixtures (tests/cases/RCPnnn.yaml) behave as stated."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from linter import Linter
from linter.formats import read_bytes
from linter.registry import ALL_RULES

CASES = Path(__file__).resolve().parent / "cases"
MIN_OWN = 5


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _all_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("RCP*.yaml")):
        data = _load(path)
        for case in data["cases"]:
            out.append((data["rule"], case))
    return out


@cache
def _linter(options_key: tuple) -> Linter:
    return Linter(options=dict(options_key))


def run_case(case: dict[str, Any]):
    opts = tuple(sorted((case.get("options") or {}).items(), key=lambda kv: kv[0]))
    lin = _linter(tuple((k, v if not isinstance(v, (dict, list)) else repr(v)) for k, v in opts))
    if case.get("options"):
        lin = Linter(options=case["options"])
    fmt = case.get("format", "text")
    doc = read_bytes(case["text"].encode("utf-8"), case.get("path", f"case.{fmt}"), fmt)
    if case.get("channel"):
        doc.channel = case["channel"]
    doc.metadata.update(case.get("meta") or {})
    return lin.lint_document(doc).findings


CASE_LIST = _all_cases()


@pytest.mark.parametrize(("rule", "case"), CASE_LIST, ids=[f"{r}-{c['id']}" for r, c in CASE_LIST])
def test_case(rule: str, case: dict[str, Any]) -> None:
    findings = [f for f in run_case(case) if f.code == rule]
    expect = case["expect"]
    shown = [(f.severity.value, f.line, f.col, f.matched, f.message) for f in findings]
    if expect == "none":
        assert not findings, f"{rule} must stay quiet on {case['id']}, got {shown}"
        return
    assert findings, f"{rule} must fire on {case['id']}"
    assert any(f.severity.value == expect for f in findings), (
        f"{rule} on {case['id']}: expected severity {expect}, got {shown}"
    )
    if "count" in case:
        assert len(findings) == case["count"], shown
    if "match" in case:
        hit = [f for f in findings if f.matched == case["match"]]
        assert hit, f"{rule} on {case['id']}: no finding on {case['match']!r}; got {shown}"
        if "line" in case:
            assert (hit[0].line, hit[0].col) == (case["line"], case["col"]), shown


@pytest.mark.parametrize("rule", [r.code for r in ALL_RULES])
def test_rule_has_positive_and_negative_fixtures(rule: str) -> None:
    path = CASES / f"{rule}.yaml"
    assert path.exists(), f"{rule} has no fixture file {path.name}"
    cases = _load(path)["cases"]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), f"duplicate case ids in {path.name}"
    own_pos = [c for c in cases if c.get("source") == "own" and c["expect"] != "none"]
    own_neg = [c for c in cases if c.get("source") == "own" and c["expect"] == "none"]
    cat = [c for c in cases if c.get("source") == "catalogue"]
    assert len(own_pos) >= MIN_OWN, f"{rule}: {len(own_pos)} own positives, need {MIN_OWN}"
    assert len(own_neg) >= MIN_OWN, f"{rule}: {len(own_neg)} own negatives, need {MIN_OWN}"
    assert any(c["expect"] != "none" for c in cat), f"{rule}: no catalogue positive"
    assert any(c["expect"] == "none" for c in cat), f"{rule}: no catalogue negative"
