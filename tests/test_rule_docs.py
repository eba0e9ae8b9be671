"""Every registered rule is documented in the fixed sections and has sound metadata."""

from __future__ import annotations

import pytest

from linter.docs import rule_page
from linter.registry import ALL_RULES
from linter.rule import DOC_SECTIONS
from linter.seeds import PITFALLS


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_rule_documentation_sections(rule) -> None:
    sections = rule.sections()
    for name in DOC_SECTIONS:
        assert sections.get(name, "").strip(), f"{rule.code} lacks a '{name}' section"
    assert "```" in sections["Example"], f"{rule.code}: Example needs a code block"
    assert "```" in sections["Use instead"], f"{rule.code}: Use instead needs a code block"
    page = rule_page(rule)
    assert page.startswith(rule.code)
    assert rule.corrective and rule.summary and rule.sources
    assert rule.pitfall in PITFALLS


def test_codes_unique_and_sorted() -> None:
    codes = [r.code for r in ALL_RULES]
    assert codes == sorted(set(codes))
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))
