"""All 30 rules of the catalogue are registered, documented and fixtured (issue 5)."""

from __future__ import annotations

from conftest import CASES

from linter.registry import ALL_RULES

CATALOGUE = [f"RCP{i:03d}" for i in range(1, 31)]


def test_every_catalogue_rule_is_registered() -> None:
    assert [r.code for r in ALL_RULES] == CATALOGUE


def test_every_rule_has_a_fixture_file_and_a_documented_page() -> None:
    for rule in ALL_RULES:
        assert (CASES / f"{rule.code}.yaml").exists(), rule.code
        assert rule.sections().get("What it does"), rule.code
