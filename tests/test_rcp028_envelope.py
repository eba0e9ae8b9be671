"""RCP028 details the YAML fixtures cannot state: what each finding says, and how the rule
decides that a message is commercial (catalogue §7 A9) from the copy alone."""

from __future__ import annotations

from typing import Any

from linter import Linter
from linter.formats import read_bytes, read_text
from linter.model import Severity

PROMO_EML = """\
From: Brightline Planners <news@brightline.example>
To: sam@example.org
Subject: New planners are in
Date: Tue, 29 Apr 2025 09:00:00 -0400
Message-ID: <n-1@brightline.example>
{extra}MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

The 2026 planners are in: $24 each, and free shipping on two or more. Order now.

{footer}
"""


def rcp028(doc: Any) -> list:
    return [f for f in Linter(select=["RCP028"]).lint_document(doc).findings]


def eml(extra: str = "", footer: str = "", **meta: Any):
    raw = PROMO_EML.format(extra=extra, footer=footer).encode("utf-8")
    doc = read_bytes(raw, "promo.eml", "eml")
    doc.metadata.update(meta)
    return doc


def test_missing_opt_out_and_address_are_one_footer_finding() -> None:
    (f,) = rcp028(eml(recipient_consented=True))
    assert f.severity is Severity.ERROR
    assert "no unsubscribe link or reply-to-unsubscribe instruction" in f.message
    assert "no physical postal address" in f.message
    assert f.matched == "Order now."
    assert any(c.startswith("commercial: ") for c in f.checked)


def test_ad_label_is_reported_at_the_subject() -> None:
    footer = "Unsubscribe: brightline.example/u\nBrightline, PO Box 881, Austin, TX 78767"
    (f,) = rcp028(eml(footer=footer))
    assert f.severity is Severity.WARNING
    assert (f.line, f.col, f.matched) == (3, 10, "New planners are in")
    assert "advertisement" in f.message


def test_header_only_opt_out_is_a_warning_naming_the_header() -> None:
    extra = "List-Unsubscribe: <https://brightline.example/u?id=9>\n"
    footer = "Brightline, PO Box 881, Austin, TX 78767"
    (f,) = rcp028(eml(extra=extra, footer=footer, recipient_consented=True))
    assert f.severity is Severity.WARNING
    assert "List-Unsubscribe header" in f.message


def test_a_list_servers_header_is_not_the_senders_opt_out() -> None:
    extra = "List-Unsubscribe: <https://lists.example.org/mailman/listinfo/deals>\n"
    footer = "Brightline, PO Box 881, Austin, TX 78767"
    (f,) = rcp028(eml(extra=extra, footer=footer, recipient_consented=True))
    assert f.severity is Severity.ERROR
    assert "List-Unsubscribe" not in f.message


def test_one_sentence_footer_merges_the_ad_label() -> None:
    doc = read_text("Thanks for reading! — The Brightline Team", channel="email")
    doc.metadata["is_commercial"] = True
    findings = rcp028(doc)
    assert len(findings) == 2  # the footer sentence and the first sentence differ here
    doc = read_text("The Brightline Team", channel="email")
    doc.metadata["is_commercial"] = True
    (f,) = rcp028(doc)
    assert f.message.endswith(
        "and it never identifies itself as an ad (verify whether the recipient opted in)."
    )


def _digest(ad_lines: int, sentences: int = 60) -> str:
    news = [f"Story {i}: the council met on Tuesday to discuss item {i}." for i in range(sentences)]
    ads = ["Sponsored: laptops from $499, 20% off this week. Buy now."] * ad_lines
    return "\n\n".join(news[:30] + ads + news[30:])


def test_news_digest_with_one_sponsor_slot_is_a_newsletter() -> None:
    doc = read_text(_digest(ad_lines=1), channel="email")
    assert rcp028(doc) == []


def test_digest_whose_ads_dominate_is_commercial() -> None:
    doc = read_text(_digest(ad_lines=20, sentences=40), channel="email")
    (f,) = [x for x in rcp028(doc) if x.severity is Severity.ERROR]
    assert any("commercial signals" in c for c in f.checked)


def test_outside_the_us_everything_is_info() -> None:
    findings = rcp028(eml(jurisdiction="EU"))
    assert findings and all(f.severity is Severity.INFO for f in findings)
