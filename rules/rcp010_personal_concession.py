"""Manufactured personal concession: a standard price presented as a favour to this reader.

## What it does
Flags a price, discount, rate or code framed as a personal favour or a rule-bending exception:
"I convinced my manager to approve 30% off", "between us, there's a secret discount code",
"because it's you, I can hold the old $49 rate", "I'm not supposed to share this price". The
favour frame must sit in the same or the next sentence as the price. "Just for you" with no
price ("Just for you: a summary of the features you asked about") is not a trigger. A sentence
that says the offer is open to everyone ("available to all new customers", "for everyone")
suppresses the finding, and the finding becomes an error when the same message shows the
same code or price publicly elsewhere ("code SAVE40 works for all customers"), because then the
"favour" is demonstrably false.

## Why is this bad?
A concession triggers reciprocity: the reader feels they should give something back for the
seller's sacrifice. When the "sacrifice" is the standard price, the concession is fabricated
(the seed calls these bad-faith concessions). The FTC's pricing guides warn against "limited"
offers that are not limited (16 CFR 233.5), and a concession only works "as long as it is not
viewed to be a transparent trick" (Cialdini): readers who see the same code on the public site
stop trusting the sender.

## Example
```text
I convinced my manager to approve 30% off, but only if you sign this week.
Between us, there's a secret discount code I'm not supposed to share: SAVE40.
```

## Use instead
```text
Our annual plan is 30% off for every team that signs before June 30. Use code SAVE30 at
checkout.
```

## Corrective action
If the discount is available to anyone who asks, say so. Don't present a standard price as a
personal favor or a rule-bending exception.

## References
- Seed: "bad-faith concessions"; guardrail "truthful".
- 16 CFR 233.5 (no "'limited' offer which, in fact, is not limited").
- Cialdini, *Influence*: a concession works "as long as it is not viewed to be a transparent
  trick".
- UCPD 2005/29/EC Annex I No. 7 when the favour is tied to a very short deadline (see RCP018).
- Catalogue RCP010; §5.4 ("exclusive to you" feeds this rule only with a price); §5.6 ("just
  for you" without a price is not a trigger).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule, one_per_sentence
from linter.view import Cue, DocView, Hit, Sentence, money_value, number_value

PATTERNS = {
    # Frames that carry the price themselves ("secret discount code").
    "RCP010.FAVOR_PRICED": (
        "(secret|hidden|unadvertised|unpublished|private|insider) (discount|price|pricing|deal|"
        "rate|code|coupon|offer)",
        "i can (only)? hold (this|the|that|your|the old) ~2 (price|rate|pricing|discount|deal)",
        "(exclusive|special) (offer|deal|discount|price|rate) (just|only) for you",
    ),
    # Strong frames: rule-bending, insider favours.
    "RCP010.FAVOR": (
        "my (manager|boss|director|team|supervisor|vp|ceo|founder) (approved|agreed|signed off|"
        "okayed|ok 'd|let me|said i could|made an exception)",
        "i (convinced|persuaded) (my|our|the) (manager|boss|team|director|supervisor|vp|ceo|"
        "founder|finance|sales|owner)?",
        "i (fought for|pushed for|went to bat for|pulled (some|a few) strings)",
        "i (managed to get|was able to get|got) (you|approval|permission|sign - off|the ok|"
        "my manager|the price|a special|an extra|an exclusive)",
        "(i 'm|i am) not (supposed|allowed|meant) to",
        "i (should n't|shouldn't|really should n't) (be )?(doing|offering|telling|sharing|giving)",
        "off the record",
        "(just)? between (us|you and me|ourselves) (,|:|—|–|-|.|!|;)",
        "(do n't|don't|please do n't) tell (anyone|anybody|my boss|my manager)",
        "keep (this|it) (between us|to yourself|quiet)",
        "(special|one - time|personal) exception",
        "(make|made|making) an exception (for you)?",
        "exclusive to you",
    ),
    # Weak frames: count only with a price in the same sentence or an amount in the next.
    "RCP010.FAVOR_WEAK": (
        "(just|only) for you",
        "because (it 's|you 're|it is|you are) you",
    ),
    "RCP010.PRICE": (
        "(discount|discounts|discounted|off|price|prices|pricing|rate|rates|deal|code|coupon|"
        "promo|savings)",
    ),
    "RCP010.GENERAL": (
        "available to (all|every|any|everyone|anyone) new? (customers|members|subscribers|users|"
        "readers|clients|buyers|shoppers)?",
        "(for|to) (everyone|everybody|anyone|all of our|all our)",
        "(for|to) all new? (customers|members|subscribers|users|readers|clients|buyers|shoppers)",
        "(works|valid|open) for (all|every|any|everyone|anyone)",
        "(anyone|everyone|everybody) (can|gets|may)",
        "(sitewide|storewide|site - wide|store - wide|public|publicly)",
    ),
}

_AMOUNT_LABELS = ("MONEY", "PERCENT", "PERCENT_OFF")
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{4,16}$")


def _price_near(view: DocView, favor: Cue, weak: bool) -> Cue | None:
    """The price the favour is about, in S0..+1: a priced frame ("secret discount code") first,
    then an amount, then a price word. Weak frames take a price word only from S0."""
    lo, hi = view.window(favor, 0, 1)
    found = []
    for c in view.cues("RCP010.FAVOR_PRICED", *_AMOUNT_LABELS, "RCP010.PRICE", lo=lo, hi=hi):
        if c.sent is favor.sent and c.start < favor.end and c.end > favor.start:
            continue  # "off" inside "off the record" is not a price
        if weak and c.sent is not favor.sent and c.label == "RCP010.PRICE":
            continue
        found.append(c)
    if not found:
        return None
    rank = {"RCP010.FAVOR_PRICED": 0, "RCP010.PRICE": 2}
    return min(found, key=lambda c: (rank.get(c.label, 1), c.sent.index, c.start))


def _general(view: DocView, sents: list[Sentence]) -> Cue | None:
    for s in sents:
        found = view.in_sentence(s, "RCP010.GENERAL")
        if found:
            return found[0]
    return None


def _codes(sent: Sentence) -> set[str]:
    return {t for t in (sent.texts or ()) if _CODE.match(t)}


def _values(view: DocView, sent: Sentence) -> set[float]:
    out: set[float] = set()
    for c in view.in_sentence(sent, *_AMOUNT_LABELS):
        if c.label == "MONEY":
            v = money_value(c)
        else:
            v = number_value(c.lowers[0])
        if v is not None:
            out.add(v)
    return out


def _public_elsewhere(view: DocView, sents: list[Sentence]) -> Cue | None:
    """The same code or amount stated as open to everyone in another sentence of the document."""
    codes: set[str] = set()
    values: set[float] = set()
    for s in sents:
        codes |= _codes(s)
        values |= _values(view, s)
    if not codes and not values:
        return None
    mine = {s.index for s in sents}
    for g in view.cues("RCP010.GENERAL"):
        s = g.sent
        if s.index in mine:
            continue
        if codes & _codes(s) or values & _values(view, s):
            return g
    return None


def _hits(view: DocView) -> Iterator[Hit]:
    for favor in view.cues("RCP010.FAVOR_PRICED", "RCP010.FAVOR", "RCP010.FAVOR_WEAK"):
        if view.negated(favor):
            continue
        if favor.label == "RCP010.FAVOR_PRICED":
            price: Cue | None = favor
        else:
            price = _price_near(view, favor, weak=favor.label == "RCP010.FAVOR_WEAK")
        if price is None:
            continue
        sents = [favor.sent] if price.sent is favor.sent else [favor.sent, price.sent]
        if _general(view, sents) is not None:
            continue
        quote = " ".join(favor.text.split()).rstrip(",:;.!-–— ")
        price_text = " ".join(price.text.split())
        public = _public_elsewhere(view, sents)
        if public is not None:
            yield _trimmed(
                Hit.at(
                    favor,
                    Severity.ERROR,
                    f'"{quote}" presents a price ("{price_text}") as a personal favour, but the '
                    "same price or code is offered to everyone elsewhere in this message.",
                    evidence=[("price", price), ("public offer", public)],
                    checked=["no general-availability statement next to the favour"],
                ),
                favor,
            )
            continue
        yield _trimmed(
            Hit.at(
                favor,
                Severity.WARNING,
                f'"{quote}" presents a price ("{price_text}") as a personal favour; verify that it '
                "is not simply the price anyone gets.",
                evidence=[("price", price)] if price is not favor else [],
                checked=["no general-availability statement next to the favour"],
                verify="whether this price or code is available to anyone who asks",
            ),
            favor,
        )


def _trimmed(hit: Hit, favor: Cue) -> Hit:
    """Report "Between us", not "Between us,": trailing punctuation is not part of the frame."""
    lw = favor.lowers
    end = favor.end
    while end - 1 > favor.start and not any(ch.isalnum() for ch in lw[end - 1 - favor.start]):
        end -= 1
    hit.start, hit.end = favor.sent.char_span(favor.start, end)
    return hit


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence (the first favour frame there)."""
    return one_per_sentence(_hits(view))


RULE = Rule(
    code="RCP010",
    name="manufactured-personal-concession",
    summary='A standard price framed as a personal favour ("between us", "my manager approved")',
    family="B",
    severity=Severity.WARNING,
    scope="S0..+1",
    pitfall="Bad-faith concessions",
    stage="proportional ask",
    guardrail="truthful",
    sources=(
        "Seed: bad-faith concessions",
        "16 CFR 233.5",
        "Cialdini, Influence: the 'transparent trick'",
        "UCPD 2005/29/EC Annex I No. 7 (with a short deadline)",
    ),
    corrective=(
        "If the discount is available to anyone who asks, say so. Don't present a standard price "
        "as a personal favor or a rule-bending exception."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="whether this price or code is available to anyone who asks",
)
