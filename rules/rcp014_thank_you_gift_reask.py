"""Thank-you gift bundled with a renewed ask.

## What it does
Flags a message that thanks a donor (or customer) with a gift ("as a thank-you, we've mailed you
a bookmark", "your thank-you gift is on its way", "enclosed is a small token of our
gratitude") and, in the same message, asks them to give again, give more, go monthly or renew.
A "no obligation to give again" line does not excuse it: the seed says the co-location itself
induces guilt. Only an explicit deferral ("we won't ask you again this year") suppresses it.

## Why is this bad?
The seed's context table: "Thank you gift for donors, no obligation to give again" reinforces
the gratitude loop, but "induces guilt if linked to donation ask". A thank-you that doubles as
the next appeal turns gratitude into a debt and denies the donor time to reflect (Stage 2).

## Example
```text
As a thank-you for your donation, we've mailed you a handmade bookmark.
Could you give again today to help us reach 500 families?
```

## Use instead
```text
As a thank-you for your donation, we've mailed you a handmade bookmark.
We'll send an update in March showing what your gift achieved.
```

## Corrective action
Send the thank-you (and any gift) on its own. Wait before the next appeal, and don't mention the
gift when you ask again. (Seed pitfall "Reciprocity guilt": reinforce "no obligation" phrasing.)

## References
- Seed context table: donor thank-you gift, "induces guilt if linked to donation ask"; Stage 2
  "allow time for reflection".
- AFP Code of Ethical Standards (do not exploit a relationship with a donor).
- UK Code of Fundraising Practice (2025) §1.1.2 (no undue pressure).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import free_uses, premiums
from linter.view import Cue, DocView, Hit

PATTERNS = {
    "RCP014.THANKS_GIFT": (
        "(thank - you|thank you|thankyou) (gift|gifts|present|premium)",
        "as (a|our) (small)? (thank - you|thank you|thanks)",
        "to thank you ,? (for|we)",
        "token of (our|my)? (thanks|gratitude|appreciation)",
        "in (appreciation|gratitude) (of|for) your (gift|donation|support|generosity|membership)",
        "your (thank - you|thank you)? (gift|present) is on (its|it 's) way",
        "enclosed (is|are|you 'll find) (a|your|our)",
    ),
    "RCP014.SENT": (
        "(we 've|we have|we|i 've|i have|i) (enclosed|mailed|sent|included|shipped|attached) (you)?",
        "(is|are) on (its|their) way",
    ),
    "RCP014.SAY_THANKS": (
        "to say (thank you|thanks)",
        "as a way (to|of) (saying|say) (thank you|thanks)",
    ),
    "RCP014.RENEWED_ASK": (
        "(give|donate|contribute|chip in|pledge) again",
        "(another|second|additional|new) (gift|donation|contribution)",
        "renew your (gift|support|membership|pledge|subscription)",
        "(increase|double|upgrade) your (gift|donation|support|pledge)",
        "make (it|your gift|your support|your donation|your giving) monthly",
        "become a monthly (donor|sustainer|supporter|member|giver)",
        "can (we|i) count on you (again)?",
        "(give|donate|chip in) MONEY (today|now|more|again)",
        "(chip|pitch) -? in",
        "give (once )?more",
        "(one more|another) (gift|donation)",
    ),
    "RCP014.DEFERRAL": (
        "(we|i) (wo n't|won't|will not) ask (you)? again (this|until|for)",
        "this (email|letter|note|message) (is n't|isn't|is not) (a|an) (request|ask|appeal)",
        "no (ask|appeal|request) (this time|today|here)",
    ),
}


def check(view: DocView) -> Iterator[Hit]:
    if not (view.is_fundraising or view.has("DONATION_WORD")):
        return
    thanks = [c for c in view.cues("RCP014.THANKS_GIFT") if _is_gift_thanks(view, c)]
    if not thanks and _gift_in_doc(view):
        thanks = view.cues("RCP014.SAY_THANKS")
    if not thanks:
        return
    if view.has("RCP014.DEFERRAL"):
        return
    renewed = [c for c in view.cues("RCP014.RENEWED_ASK") if not view.negated(c)]
    if not renewed:
        return
    ask = renewed[0]
    # "enclosed is a ..." is the weakest cue; prefer an explicit thank-you phrase when present
    cue = next((c for c in thanks if c.lowers[0] != "enclosed"), thanks[0])
    yield Hit.at(
        cue,
        Severity.WARNING,
        f'The thank-you gift ("{cue.text}") shares the message with a renewed ask ("{ask.text}").',
        evidence=[("renewed ask", ask)],
        checked=["no explicit deferral of the next ask in the document"],
    )


def _is_gift_thanks(view: DocView, cue: Cue) -> bool:
    """ "I want to thank you for your support" thanks without a gift: only count it when a gift
    or a free item is offered in the same or a neighbouring sentence."""
    if cue.lowers[:3] != ["to", "thank", "you"]:
        return True
    lo, hi = view.window(cue, 1, 1)
    if view.has("RCP014.SENT", lo=lo, hi=hi):
        return True
    return any(lo <= p.index <= hi for p in premiums(view)) or any(
        lo <= u.index <= hi and u.subclass == "GIFT" for u in free_uses(view)
    )


def _gift_in_doc(view: DocView) -> bool:
    """A plain "to say thank you" counts only when the message also offers the reader a gift."""
    return any(u.subclass == "GIFT" for u in free_uses(view)) or any(
        p.kind == "gift" for p in premiums(view)
    )


RULE = Rule(
    code="RCP014",
    name="thank-you-gift-reask",
    summary="A thank-you gift sent in the same message as a renewed ask",
    family="C",
    severity=Severity.WARNING,
    scope="DOC",
    pitfall="Reciprocity guilt",
    stage="allow reflection",
    guardrail="optional",
    sources=(
        "Seed context table: donor thank-you gift",
        "Seed Stage 2: allow time for reflection",
        "AFP Code of Ethical Standards (donor relationships)",
        "UK Code of Fundraising Practice (2025) §1.1.2",
    ),
    corrective=(
        "Send the thank-you (and any gift) on its own. Wait before the next appeal, and don't "
        "mention the gift when you ask again."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
