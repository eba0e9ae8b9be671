"""RCP027's IRS thresholds: built in for 2024 and 2025, configured per tax year, never invented.

The token/insubstantial-benefit finding quotes the thresholds of the configured tax year, so
these tests read the message: it is what tells a fundraiser which numbers to check.
"""

from __future__ import annotations

from typing import Any

import pytest

from linter import Linter
from linter.formats import read_text
from linter.model import Severity

TOKEN_COPY = (
    "Give $100 today and receive our thank-you bookmark, a token item. Under IRS guidelines "
    "its value is not substantial, so your full gift is deductible."
)


def rcp027(text: str, options: dict[str, Any] | None = None, **meta: Any):
    doc = read_text(text, channel="fundraising_email")
    doc.metadata.update(meta)
    findings = Linter(select=["RCP027"], options=options or {}).lint_document(doc).findings
    return [f for f in findings if f.code == "RCP027"]


def test_default_tax_year_is_2025() -> None:
    (f,) = rcp027(TOKEN_COPY)
    assert f.severity is Severity.INFO
    assert "2025 IRS thresholds" in f.message
    assert "$13.60" in f.message and "$68" in f.message and "$136" in f.message
    # the 2% test for this gift: 2% of $100
    assert "(for a $100 gift, $2)" in f.message


def test_2024_thresholds_from_metadata() -> None:
    (f,) = rcp027(TOKEN_COPY, tax_year=2024)
    assert "2024 IRS thresholds" in f.message
    assert "$13.20" in f.message and "$66" in f.message and "$132" in f.message


def test_unverified_year_is_not_invented() -> None:
    (f,) = rcp027(TOKEN_COPY, tax_year=2026)
    assert "not configured" in f.message
    assert "options.irs_thresholds.2026" in f.message
    assert "$" not in f.message.split("not configured")[1]


def test_configured_year_with_string_keys_as_toml_gives_them() -> None:
    options = {
        "tax_year": 2026,
        "irs_thresholds": {
            "2026": {"low_cost_article": 14.1, "token_min_payment": 70.5, "insubstantial_cap": 141}
        },
    }
    (f,) = rcp027(TOKEN_COPY, options)
    assert "2026 IRS thresholds" in f.message
    assert "$14.10" in f.message and "$70.50" in f.message and "$141" in f.message


def test_partial_override_merges_over_builtin_year() -> None:
    options = {"irs_thresholds": {2025: {"insubstantial_cap": "$140"}}}
    (f,) = rcp027(TOKEN_COPY, options)
    assert "$13.60" in f.message and "$68" in f.message and "$140" in f.message


def test_malformed_values_are_ignored() -> None:
    options = {"irs_thresholds": {"twenty": {}, 2025: {"low_cost_article": "cheap"}}}
    (f,) = rcp027(TOKEN_COPY, options)
    assert "$13.60" in f.message


def test_gift_below_token_minimum_is_called_out() -> None:
    text = (
        "Give $60 and receive our thank-you tote, a token gift. Your gift is fully tax-deductible."
    )
    (f,) = rcp027(text)
    assert f.severity is Severity.INFO
    assert "a $60 gift is below the token-item minimum payment" in f.message


@pytest.mark.parametrize(
    ("meta", "expected"),
    [({}, Severity.ERROR), ({"jurisdiction": "US, UK"}, Severity.ERROR)],
)
def test_us_jurisdiction_keeps_error(meta: dict[str, Any], expected: Severity) -> None:
    (f,) = rcp027("Give $100 or more and we'll send you our limited-edition hoodie.", **meta)
    assert f.severity is expected
    assert (f.line, f.col, f.matched) == (
        1,
        1,
        "Give $100 or more and we'll send you our limited-edition hoodie",
    )


def test_jurisdiction_without_us_switches_the_rule_off() -> None:
    assert rcp027("Give $100 and we'll send you our hoodie.", jurisdiction="CA") == []
