"""Gift followed by an ask with no voluntariness or intent statement (hidden quid pro quo).

## What it does
Flags copy that gives the reader something (a free guide, a complimentary kit, a "gift for
you", "here's your template") and then, within the next few sentences (anywhere in an email),
asks for a purchase, an upgrade, a meeting or a donation, without ever saying that the gift is
theirs either way ("no obligation", "yours to keep", "whether or not you buy") or why it was
sent ("we hope it helps you decide").

A premium offered in the same sentence as the payment that earns it ("get a free sticker when
you chip in $10") states the exchange openly and is not flagged here (catalogue §7 A3); a
hedged "no obligation, but..." (RCP013) does not count as a voluntariness statement.

## Why is this bad?
The gift works on the reader's sense of obligation while the copy pretends there is no
exchange: the seed's "hidden quid pro quo", which "breaks the autonomy norm". Stage 1 of the
seed model is to offer freely, without expectation; the guardrail is that reciprocity be
optional. In markets where a gift creates a strong obligation (`gift_obligation_sensitive`),
the same copy is an error, and even a soft ask needs the voluntariness line.

## Example
```text
Here's your free budgeting template. Upgrade to Pro today to unlock automatic reports.
```

## Use instead
```text
Here's your free budgeting template. It's yours to keep whether or not you ever upgrade.
If you'd like automatic reports later, Pro is $8/month.
```

## Corrective action
Keep the gift separate from the ask. Say why you're offering it ("we hope it helps you decide
whether X fits"), and add a plain line such as "It's yours to keep, no purchase needed." (Seed
pitfall "Hidden quid pro quo": disclose intent clearly.)

## References
- Seed pitfalls "Hidden quid pro quo: breaks autonomy norm: disclose intent clearly" and
  "Reciprocity guilt: reinforce 'no obligation' phrasing"; Stage 1 "offer freely, without
  expectation"; guardrail "optional".
- AFP Code of Ethical Standards, Standard 12 (accurate solicitation materials).
- Catalogue §5.1, §5.2 (free shipping, free plans, trials and donation "gifts" are not premiums),
  §5.8 (negated and hedged voluntariness), §7 A3 (explicit premiums are not hidden).
- RCP030 (c): `gift_obligation_sensitive` raises this rule to error and extends it to soft asks.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import asks, premiums
from linter.view import Cue, DocView, Hit

from .rcp013_hedged_no_obligation import hedged_voluntary

ASK_WINDOW = 4


def _voluntariness(view: DocView) -> list[Cue]:
    """Non-negated VOLUNTARY/INTENT cues that are not hedged (RCP013)."""
    hedged = {id(v) for v, _, _ in hedged_voluntary(view)}
    out = [c for c in view.live("VOLUNTARY") if id(c) not in hedged]
    out += view.live("INTENT_DISCLOSURE", "DATA_USE_DISCLOSURE")
    return out


def check(view: DocView) -> Iterator[Hit]:
    offers = [p for p in premiums(view) if not p.conditional]
    if not offers:
        return
    sensitive = bool(view.meta("gift_obligation_sensitive", False))
    if _voluntariness(view):
        return
    ask_cues = list(asks(view))
    if sensitive:
        ask_cues += [c for c in view.cues("ASK_SOFT") if not view.negated(c)]
    if not ask_cues:
        return
    for offer in offers:
        if view.is_email:
            linked = [a for a in ask_cues if a is not offer.cue]
        else:
            lo, hi = offer.index, offer.index + ASK_WINDOW
            linked = [
                a
                for a in ask_cues
                if lo <= a.index <= hi and (a.index > offer.index or a.start >= offer.cue.end)
            ]
        linked = [a for a in linked if not _inside(a, offer.cue)]
        if not linked:
            continue
        ask = min(linked, key=lambda a: (abs(a.index - offer.index), a.start))
        start, end = offer.cue.start, max(offer.cue.end, offer.end)
        s, e = offer.cue.sent.char_span(start, end)
        what = offer.cue.sent.block.text[s:e]
        yield Hit.tokens(
            offer.cue.sent,
            start,
            end,
            Severity.ERROR if sensitive else Severity.WARNING,
            f'"{what}" is followed by an ask ("{ask.text}") and the copy never says '
            "the gift is theirs either way or why it was sent.",
            evidence=[("ask", ask)],
            checked=[
                "no non-negated, unhedged VOLUNTARY phrase in the document",
                "no INTENT_DISCLOSURE or data-use statement in the document",
            ],
        )
        return  # one finding per document: the fix (a voluntariness line) is one


def _inside(a: Cue, b: Cue) -> bool:
    return a.sent is b.sent and a.start < b.end and b.start < a.end


RULE = Rule(
    code="RCP012",
    name="hidden-quid-pro-quo",
    summary="A gift followed by an ask, with no 'no obligation' or intent statement",
    family="C",
    severity=Severity.WARNING,
    scope="S0..+4 (DOC for email)",
    pitfall="Hidden quid pro quo",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "Seed pitfall: Hidden quid pro quo",
        "Seed pitfall: Reciprocity guilt",
        "Seed Stage 1: offer freely, without expectation",
        "AFP Code of Ethical Standards, Standard 12",
        "Catalogue §7 A3",
    ),
    corrective=(
        "Keep the gift separate from the ask. Say why you're offering it ('we hope it helps you "
        "decide whether X fits'), and add a plain line such as 'It's yours to keep, no purchase "
        "needed.'"
    ),
    check=check,
    doc=__doc__ or "",
)
