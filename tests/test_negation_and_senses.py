"""The negation model (§0.3, §5.8, §7 A10) and the "free"/"gift" sense filter (§5.1, §5.2)."""

from __future__ import annotations

import pytest

from linter import Linter
from linter.formats import read_text
from linter.senses import asks, free_uses, premiums


@pytest.fixture(scope="module")
def lin() -> Linter:
    return Linter()


def _view(lin: Linter, text: str, channel: str | None = None):
    return lin.view(read_text(text, channel=channel))


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("There is no obligation to buy.", False),  # the voluntariness unit itself
        ("This is not a no-obligation trial.", True),  # negating the unit
        ("This isn't obligation-free.", True),
        ("You don't owe us anything.", True),
        ("Not today, but you owe us.", False),  # the comma breaks the scope
        ("Why not return the favor?", False),
    ],
)
def test_negation_window(lin: Linter, text: str, negated: bool) -> None:
    v = _view(lin, text)
    cues = v.cues("VOLUNTARY", "RECIP_DEBT", "RCP011.OWE")
    assert cues, text
    assert v.negated(cues[0]) is negated


@pytest.mark.parametrize(
    ("text", "subclass"),
    [
        ("Get your free budgeting template today.", "RESOURCE"),
        ("Claim your free tote bag.", "GIFT"),
        ("Book your free strategy session.", "SERVICE"),
        ("Free shipping on orders over $40.", "LOGISTICS"),
        ("Try Premium free for 30 days.", "TRIAL"),
        ("Start your free trial.", "TRIAL"),
        ("The free plan is free forever.", "PLAN"),
        ("The event is free to attend.", "ADMISSION"),
        ("Get a free onboarding checklist.", "RESOURCE"),
    ],
)
def test_free_subclasses(lin: Linter, text: str, subclass: str) -> None:
    uses = free_uses(_view(lin, text))
    assert uses and uses[0].subclass == subclass, [(u.subclass, u.noun) for u in uses]


@pytest.mark.parametrize(
    "text",
    [
        "Our gluten-free, dairy-free muffins are back.",
        "Feel free to reply with questions.",
        "You're free to unsubscribe at any time.",
        "We believe in free speech and a free press.",
        "The free-standing display holds 40 cards.",
        "Hands-free calling works in every car.",
        "We are counting on us to win.",
        "Whenever you're free, give us a call.",
        "Keep our state safe, secure, and free.",
    ],
)
def test_free_traps_are_not_offers(lin: Linter, text: str) -> None:
    v = _view(lin, text)
    assert not premiums(v), [(p.kind, p.cue.text) for p in premiums(v)]


def test_negated_free_is_kept_as_negated(lin: Linter) -> None:
    uses = free_uses(_view(lin, "The audit isn't free: it costs $400."))
    assert uses and uses[0].negated


@pytest.mark.parametrize(
    ("text", "is_premium"),
    [
        ("Thank you for your gift of $50.", False),
        ("Gift cards make a great present.", False),
        ("A thank-you gift for you is on its way.", True),
        ("Here's your free guide.", True),
    ],
)
def test_gift_senses(lin: Linter, text: str, is_premium: bool) -> None:
    assert bool(premiums(_view(lin, text, "fundraising_email"))) is is_premium


@pytest.mark.parametrize(
    ("text", "n_asks"),
    [
        ("Donate $25 today.", 1),
        ("Thank you for your donation.", 0),
        ("Your order has shipped.", 0),
        ("Visitors leave before they buy.", 0),
        ("Check out our new blog.", 0),
        ("You don't need to buy anything.", 0),
        ("Please consider upgrading to Pro.", 1),
    ],
)
def test_asks_are_requests(lin: Linter, text: str, n_asks: int) -> None:
    assert len(asks(_view(lin, text))) == n_asks
