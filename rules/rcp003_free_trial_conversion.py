"""A free trial that converts to paid without saying so ("Try Premium free for 30 days").

## What it does
Reads the whole document around a free-trial offer ("free trial", "try it free", "free for 30
days", "first month on us", "30 days free", "start your free ...") and checks that the copy
states the three things a reader needs before handing over a card:
(a) the price after the trial ("then $12.99/month", "billed annually at $99");
(b) that it renews or converts automatically ("renews automatically", "unless you cancel",
"you will be charged", "billing starts on day 15");
(c) how to cancel (the shared CANCEL lexicon: "cancel anytime in Settings", "refund").

It fires once per document, at the first trial offer, naming what is missing. It is an
**error** when the copy also captures billing details ("add a card to begin", "credit card
required") and the price or the renewal statement is missing: ROSCA requires those terms
before billing information is taken. Otherwise it is a **warning**.

It stays quiet when the trial cannot turn into a charge: "no credit card required" together
with a no-conversion statement ("we never charge you unless you choose to upgrade", "you won't
be billed"). A trial that has already ended ("your free trial has ended") is not an offer.

## Why is this bad?
A free trial that silently becomes a subscription is a negative-option offer: the reader's
silence is taken as consent to pay. US law (ROSCA) requires the material terms to be disclosed
before billing details are collected, express informed consent, and a simple way to stop the
charges; the FTC names free-to-pay conversions as negative-option marketing, and its dark
patterns report lists hidden subscriptions. A "gift" of a month that turns into a bill is the
opposite of reciprocity: it takes.

## Example
```text
Start your 14-day free trial today — just add a card to begin.
Try Premium free for 30 days. Cancel anytime.
```

## Use instead
```text
Try Premium free for 30 days. After that it renews automatically at $12.99/month unless you
cancel, which you can do anytime in Settings > Billing. We'll email you 3 days before the
first charge.
```

## Corrective action
Next to the trial offer, state what it costs after the trial, when billing starts, that it
renews automatically, and how to cancel (as easily as signing up). Get express consent before
charging (ROSCA, 15 U.S.C. 8403).

## References
- Restore Online Shoppers' Confidence Act (ROSCA), 15 U.S.C. 8403(1)-(3): material terms before
  billing information, express informed consent, simple mechanism to stop recurring charges.
- FTC Enforcement Policy Statement Regarding Negative Option Marketing, 86 Fed. Reg. 60822
  (2021): "free-to-pay ... conversions".
- FTC Staff Report "Bringing Dark Patterns to Light" (2022); Mathur et al. 2019 ("Hidden
  Subscription").
- Seed stage 4 (maintain consent and easy opt-out); guardrail "reversible".
- Not cited: the FTC's 2024 "click-to-cancel" rule, vacated by the Eighth Circuit on 8 July 2025.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import free_uses
from linter.view import Cue, DocView, Hit

from ._common_a import negated, quote

_PERIOD = "(mo|month|months|yr|year|years|week|wk|annum|annually|monthly|yearly|weekly)"

PATTERNS = {
    "RCP003.TRIAL": (
        "free (trial|trials)",
        "free NUM - (day|week|month) (trial|trials|membership|subscription|pass|access)",
        "(trial|trials) (is|are)? free",
        "try ~2 for? free",
        "free for NUM (days|weeks|months|day|week|month)",
        "free for (the|your) first (month|week|NUM days|NUM weeks|NUM months|year)",
        "(first|1st) (month|week|year) (is|'s)? (free|on us)",
        "(first|1st) NUM (days|weeks|months) (are|is)? (free|on us)",
        "NUM (days|weeks|months) (free|on us)",
        "NUM - (day|week|month) (free)? (trial|trials)",
        "NUM (day|week|month) (free)? (trial|trials)",
        "start (your|a) free",
        "risk - free (trial|trials)",
        "(start|begin|activate|claim) (your|a|the) trial",
    ),
    # (a) the price after the trial
    "RCP003.PRICE": (
        f"MONEY (\\/|per|a|an|each|every) {_PERIOD}",
        "MONEY (monthly|annually|yearly|weekly)",
        "then (it 's|it is|you pay|only|just|it 's just|it 's only)? MONEY",
        "billed (monthly|annually|yearly|weekly)? at MONEY",
        "(monthly|annual|yearly|weekly) (price|fee|rate|cost|plan|subscription|membership) (of|is|at)? MONEY",
        "after (the|your|that|the free) ~3 MONEY",
        "MONEY after (the|your) (trial|free)",
        "(renews|renew|continues|converts) (automatically)? at MONEY",
    ),
    # (b) the automatic renewal or conversion
    "RCP003.RENEWAL": (
        "automatically (renews|renew|renewing|converts|convert|charges|charge|charged|bills|bill|billed|continues|continue|upgrades|upgrade|rolls)",
        "(renews|renew|converts|convert|continues|continue|rolls over|bills|billed|charged) automatically",
        "auto - (renew|renews|renewal|renewing|renewed|bill|billing|billed|pay)",
        "(autorenew|autorenews|autorenewal|auto-renew|auto-renews|auto-renewal)",
        "renews at",
        "unless you cancel",
        "until you cancel",
        "until (canceled|cancelled)",
        "will be (charged|billed)",
        "(we 'll|we will|you 'll|you will) (be)? (charge|bill|charged|billed)",
        "(billing|charges|payments|your subscription|your membership|your plan) (starts|start|begins|begin)",
        "(converts|convert|turns|rolls) (in)?to a paid",
        "(recurring|automatic) (billing|charge|charges|payment|payments|renewal|subscription)",
        "(first|next) (charge|payment|bill) (on|is|will)",
    ),
    # billing details taken at sign-up
    "RCP003.CARD": (
        "(credit|debit) card (is)? required",
        "(card|payment method|payment details|payment info|billing info|billing details) (is|are)? required",
        "(add|enter|provide|submit|requires|require|requiring) (a|your)? (credit|debit)? (card|payment method|payment details|payment info|payment information|billing info|billing information|billing details)",
        "card to (begin|start|get started|continue|activate)",
    ),
    "RCP003.NO_CARD": (
        "no (credit|debit)? card (required|needed|necessary|details)",
        "no (payment|billing) (details|info|information|method) (required|needed|necessary)",
        "without (a|your|any)? (credit|debit)? card",
        "(credit|debit)? card (is)? not (required|needed|necessary)",
    ),
    "RCP003.NO_CONVERT": (
        "(never|not|n't) (be)? (charge|bill|charged|billed|charges|bills)",
        "(never|not|n't) (auto - renew|renew|renews|convert|converts|upgrade|automatically)",
        "no (automatic|auto - )? (charges|charge|renewal|billing|payment)",
        "(ends|expires|stops) automatically",
        "nothing to cancel",
    ),
    "RCP003.ENDED": ("(trial|trials) (has|have|had)? (ended|expired|run out)",),
}


def check(view: DocView) -> Iterator[Hit]:
    """One finding per document, at the first free-trial offer."""
    trial = _first_trial(view)
    if trial is None:
        return
    has_price = _live(view, "RCP003.PRICE")
    has_renewal = _live(view, "RCP003.RENEWAL")
    has_cancel = _live(view, "CANCEL")
    if has_price and has_renewal and has_cancel:
        return
    if view.cues("RCP003.NO_CARD") and view.cues("RCP003.NO_CONVERT"):
        return  # no billing details and no conversion: the trial cannot become a charge
    missing = []
    if not has_price:
        missing.append("what it costs after the trial")
    if not has_renewal:
        missing.append("that it renews automatically")
    if not has_cancel:
        missing.append("how to cancel")
    cards = [c for c in view.cues("RCP003.CARD") if not _no_card(view, c)]
    checked = [
        "post-trial price in DOC: " + ("found" if has_price else "none"),
        "auto-renewal statement in DOC: " + ("found" if has_renewal else "none"),
        "cancellation mechanism in DOC: " + ("found" if has_cancel else "none"),
    ]
    said = f'"{quote(trial.text)}" doesn\'t say {_join(missing)}'
    if cards and not (has_price and has_renewal):
        yield Hit.at(
            trial,
            Severity.ERROR,
            f'{said}, yet it takes billing details ("{quote(cards[0].text)}").',
            evidence=[("card capture", cards[0])],
            checked=checked,
        )
        return
    yield Hit.at(
        trial,
        Severity.WARNING,
        f"{said}.",
        checked=checked,
        verify="whether the trial turns into a paid plan, and on what terms",
    )


def _live(view: DocView, label: str) -> bool:
    return any(not negated(view, c) for c in view.cues(label))


def _first_trial(view: DocView) -> Cue | None:
    """The first live trial offer in the body (else the subject line)."""
    valid_free = {(id(u.cue.sent), u.cue.start) for u in free_uses(view) if not u.negated}
    for subject in (False, True):
        for cue in view.cues("RCP003.TRIAL", subject=subject):
            if negated(view, cue) or _ended(view, cue):
                continue
            if not _free_is_offer(cue, valid_free):
                continue
            return cue
    return None


def _ended(view: DocView, cue: Cue) -> bool:
    """ "your free trial has ended": a report about a past trial, not an offer."""
    return any(
        c.start < cue.end + 2 and c.end > cue.start
        for c in view.in_sentence(cue.sent, "RCP003.ENDED")
    )


def _free_is_offer(cue: Cue, valid_free: set[tuple[int, int]]) -> bool:
    """A "free" inside the trial phrase must have passed the §5.1 sense filter."""
    lowers = cue.lowers
    for k, w in enumerate(lowers):
        if w == "free":
            return (id(cue.sent), cue.start + k) in valid_free
    return True


def _no_card(view: DocView, card: Cue) -> bool:
    """ "no credit card required" contains the card-capture phrase; it is the opposite."""
    if negated(view, card):
        return True
    return any(
        n.sent is card.sent and n.start <= card.start < n.end + 1
        for n in view.cues("RCP003.NO_CARD")
    )


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]


RULE = Rule(
    code="RCP003",
    name="free-trial-conversion",
    summary="A free trial that turns into a paid plan without stating price, renewal and exit",
    family="A",
    severity=Severity.WARNING,
    scope="DOC",
    pitfall="Irreversible commitment",
    stage="support outcome",
    guardrail="reversible",
    sources=(
        "ROSCA, 15 U.S.C. 8403",
        "FTC Negative Option Policy Statement, 86 FR 60822 (2021)",
        "FTC Staff Report 'Bringing Dark Patterns to Light' (2022)",
        "Mathur et al. 2019 (Hidden Subscription)",
        "Seed stage 4",
    ),
    corrective=(
        "Next to the trial offer, state what it costs after the trial, when billing starts, "
        "that it renews automatically, and how to cancel (as easily as signing up). Get express "
        "consent before charging (ROSCA, 15 U.S.C. 8403)."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
