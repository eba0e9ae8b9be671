"""Former or reference price comparisons ("Was $499, now $199", "Compare at $89").

## What it does
Flags a price shown against a higher former or reference price: "was $499, now just $199",
"regularly $1,200 — yours today for $600", "compare at $89. Our price: $39", "list price",
"MSRP", "valued at", "a $250 total retail value, yours for $49", "$39 instead of $89".
The lower price must be in the same or the next sentence and must really be lower (the amounts
are parsed: "was $49 and it's still $49" is not a reduction). This is a **warning**: the text
cannot show whether the former price was genuine.

A discount stated without any reference price ("50% off", "save up to 60%", "our rates are
30% lower", "save $20") is **info**: in the EU a percentage reduction must be computed from the lowest
price of the previous 30 days.

"Was" is a weak cue ("our goal was $50,000; we've raised $32,000" is not a price), so it counts
only at the start of a clause or with a sale marker before the lower price ("now", "today",
"sale", "our price", "yours for"), and never in a sentence about a fundraising goal.

Suppressed by a statement of the lowest price of the previous 30 days in the same or next
sentence (the EU standard, which also shows a US-style bona fide price), and, when no EU
jurisdiction is configured, by the option `reference_prices_substantiated = true` (the user has
records that the former prices were genuinely charged).

## Why is this bad?
The FTC's pricing guides call a former price "fictitious" when "an artificial, inflated price
was established for the purpose of enabling the subsequent offer of a large reduction"; then
"the 'reduced' price is, in reality, probably just the seller's regular price". The EU requires
every announced reduction to show the lowest price of the previous 30 days. An inflated anchor
turns an ordinary price into a fake concession the reader feels they should reciprocate.

## Example
```text
Was $499, now just $199 for newsletter subscribers.
Compare at $89. Our price: $39.
```

## Use instead
```text
$199 for newsletter subscribers (our lowest price in the last 30 days was $249).
```

## Corrective action
Only compare against a price you actually charged, openly and in good faith, for a substantial
period (US: 16 CFR 233.1). In the EU, show the lowest price of the previous 30 days (Dir.
98/6/EC Art. 6a). Don't set an inflated anchor to make a discount look bigger.

## References
- 16 CFR 233.1(a)-(b) (fictitious former prices; "Formerly sold at"), 233.2 (comparisons with
  other sellers' prices), 233.3 (list prices and MSRP).
- Directive 98/6/EC Art. 6a, added by Directive (EU) 2019/2161 (prior price = lowest price in
  the 30 days before the reduction); CJEU 26 Sept 2024 (percentages computed from that price).
- Seed "bad-faith concessions (inflated opening prices then 'discounts')".
- Catalogue §5.9 (money parsing over S0..+1; "was" must show Y < X).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, money_value

from ._common_a import EU_REGIONS, negated, quote

PATTERNS = {
    # a reference price: the pattern ends with the amount X
    "RCP007.REF": (
        "(regularly|originally|formerly|normally|usually|previously|typically) (priced|sold|sells|offered|listed)? (at|for)? :? (just|only)? MONEY",
        "(regular|original|former|old|usual|normal|suggested|suggested retail|list|retail|full|reference|standard) (price|prices|value) (is|was|of|:)? (just|only)? MONEY",
        "(reg|reg .|msrp|rrp|srp|list|retail) :? MONEY",
        "compare (at|to|with) :? MONEY",
        "(valued|priced|sold|retails|retailing|selling) (at|for) MONEY (elsewhere|in stores|at retail|retail)?",
        "valued at MONEY",
        "(retails|retail) (for|at) MONEY",
        "formerly sold at MONEY",
        "instead of (the|our)? (usual|regular|normal)? MONEY",
        "(reduced|marked down|slashed) from MONEY",
    ),
    # "a $300 combined retail value": the amount comes first
    "RCP007.REF_AFTER": (
        "MONEY +? (combined|total)? (retail|market|regular|list|street) (value|price)",
    ),
    # "was $499": a price only with a clause start or a sale marker (see _weak_ok)
    "RCP007.WAS": ("(was|were) :? (just|only)? MONEY",),
    "RCP007.SALE_MARKER": (
        "(now|today|sale|tonight|yours|introductory|special|new|our|offer|discounted|deal|promo)",
    ),
    "RCP007.GOAL": (
        "(goal|goals|target|deficit|budget|raise|raised|raising|fundraising|fundraise|match|matched|matching|donations|donation|donate|donated|debt|salary|salaries|cost us|spent|spend|revenue|revenues|sales|income|profit|profits|earnings|wages|worth|funding|grant|loan|loans|tax|taxes)",
    ),
    # a discount with no reference price (info)
    "RCP007.PCT": (
        "NUM % (off|discount)",
        "NUM percent (off|discount)",
        "NUM - NUM % (off|less|lower|cheaper|discount)",
        "(save|saving|savings of) (up to|an extra|an additional)? NUM (%|percent) (off|discount)?",
        "(take|get|enjoy|receive) (up to|an extra|an additional)? NUM (%|percent) (off|discount)",
        "(up to|an extra|an additional) NUM % off",
        "(discount|discounts|reduction) of (up to)? NUM %",
        "(price|prices|rates|cost|costs|premiums|fees) ~3 NUM % (less|lower|cheaper|below)",
        "NUM % (cheaper|below retail|below msrp|below list|off retail|off list|off msrp)",
        "NUM % (less|lower) than (retail|msrp|list|elsewhere|other|competitors|in stores)",
        "half (price|off)",
        # "save $50": a reduction from an unstated price (catalogue §5.9: a price claim)
        "(save|saving|savings of) (up to|over|more than|an extra)? MONEY off?",
    ),
    "RCP007.LOWEST30": (
        "lowest (price|prices) ~6 (30|thirty) days",
        "(prior|previous|former) price ~8 (30|thirty) days",
        "(30|thirty) - day (low|lowest|prior) price",
    ),
}

_CLAUSE_START = frozenset({"(", ",", "-", "—", "–", ":", ";", "it", "price", "prices", "and", "|"})


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence: a reference comparison (warning), else a bare discount."""
    if _substantiated(view):
        return
    eu = bool(view.jurisdictions() & EU_REGIONS)
    reported: set[int] = set()
    for ref, x_cue, lower in _comparisons(view):
        if ref.index in reported or _lowest30_near(view, ref):
            continue
        reported.add(ref.index)
        message = (
            f'"{quote(ref.text)}" sets a reference price of {_amount_text(x_cue)} against the '
            f"{_amount_text(lower)} "
            "offered; verify that price was actually charged, openly and in good faith, for a "
            "substantial period"
            + (", and show the lowest price of the previous 30 days." if eu else ".")
        )
        kw = {
            "evidence": [("lower price", lower)],
            "checked": [
                "the lower price is below the reference (parsed amounts)",
                "no 'lowest price in the last 30 days' statement in S0..+1",
            ],
            "verify": "that the reference price was charged in good faith for a substantial period",
        }
        if lower.sent is ref.sent:
            yield Hit.span(ref, lower, Severity.WARNING, message, **kw)
        else:
            yield Hit.at(ref, Severity.WARNING, message, **kw)
    covered = reported | {i + 1 for i in reported} | {i - 1 for i in reported}
    for cue in view.cues("RCP007.PCT"):
        if cue.index in covered or negated(view, cue) or _lowest30_near(view, cue):
            continue
        if _in_reference(view, cue) or _decline_or_zero(cue) or _not_a_price_saving(view, cue):
            continue
        covered.add(cue.index)
        yield Hit.at(
            cue,
            Severity.INFO,
            f'"{quote(cue.text)}" states a discount without the price it is taken from; in the EU it '
            "must be computed from the lowest price of the previous 30 days.",
            checked=["no reference price in S0..+1"],
            verify="the price the discount is computed from (EU: the 30-day lowest price)",
        )


def _comparisons(view: DocView) -> Iterator[tuple[Cue, Cue, Cue]]:
    """(reference cue, amount X, lower amount Y) with Y < X in S0 or S+1."""
    for ref in view.cues("RCP007.REF", "RCP007.REF_AFTER", "RCP007.WAS"):
        if negated(view, ref):
            continue
        x_cue = _amount_in(view, ref)
        if x_cue is None:
            continue
        x = _value(x_cue)
        if x is None or x <= 0:
            continue
        lo, hi = ref.index, ref.index + 1
        for _, y_cue in view.amounts_in(lo, hi):
            if y_cue.sent is ref.sent and ref.start <= y_cue.start < ref.end:
                continue  # X itself
            y = _value(y_cue)
            if y is None or y >= x or y <= 0:
                continue
            if ref.label == "RCP007.WAS" and not _weak_ok(view, ref, y_cue):
                continue
            yield ref, x_cue, y_cue
            break


_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mm": 1e6, "billion": 1e9, "bn": 1e9}


def _value(cue: Cue) -> float | None:
    """The amount of a MONEY cue, with the scale word after it ("$25 million") and "€1.299"
    read as 1299 (a European thousands point); None for a bare "million dollars"."""
    digits = [w for w in cue.lowers if any(ch.isdigit() for ch in w)]
    if not digits:
        return None  # "Million Dollars": no figure to compare
    value: float | None = None
    if re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})+", digits[0]):
        value = float(digits[0].replace(".", ""))
    else:
        value = money_value(cue)
    if value is None:
        return None
    lw = cue.sent.lowers or []
    nxt = lw[cue.end] if cue.end < len(lw) else ""
    return value * _SCALE.get(nxt, 1.0)


def _amount_text(cue: Cue) -> str:
    """ "$1.2 million": the amount with its scale word."""
    lw = cue.sent.lowers or []
    if cue.end < len(lw) and lw[cue.end] in _SCALE:
        s, _ = cue.char_span
        _, e = cue.sent.char_span(cue.end, cue.end + 1)
        return quote(cue.sent.block.text[s:e])
    return quote(cue.text)


def _amount_in(view: DocView, ref: Cue) -> Cue | None:
    for _, m in view.amounts(ref.sent):
        if ref.start <= m.start < ref.end:
            return m
    return None


def _weak_ok(view: DocView, ref: Cue, y_cue: Cue) -> bool:
    """ "was $X" is a former price at a clause start or with a sale marker before Y."""
    if view.in_sentence(ref.sent, "RCP007.GOAL") or view.in_sentence(y_cue.sent, "RCP007.GOAL"):
        return False
    lw = ref.sent.lowers or []
    if ref.start == 0 or lw[ref.start - 1] in _CLAUSE_START:
        return True
    for m in view.in_sentence(y_cue.sent, "RCP007.SALE_MARKER"):
        if 0 <= y_cue.start - m.end <= 3:
            return True
    return False


def _decline_or_zero(cue: Cue) -> bool:
    """ "No thanks, I don't want 15% off" is a decline button (RCP020's), and "0% off" no
    discount at all."""
    lw = cue.sent.lowers or []
    head = [w for w in lw[:4] if w.isalnum()]
    if head[:2] in (["no", "thanks"], ["no", "thank"], ["nope", "thanks"]):
        return True
    return any(w in ("0", "0.0") for w in cue.lowers)


def _not_a_price_saving(view: DocView, cue: Cue) -> bool:
    """ "save $40 million of federal funding": a saving of public money, not a discount."""
    if "%" in cue.lowers or "percent" in cue.lowers or "half" in cue.lowers:
        return False
    lw = cue.sent.lowers or []
    nxt = lw[cue.end] if cue.end < len(lw) else ""
    return nxt in _SCALE or nxt == "of" or bool(view.in_sentence(cue.sent, "RCP007.GOAL"))


def _in_reference(view: DocView, pct: Cue) -> bool:
    """A percentage inside a reference comparison was reported with it."""
    return any(
        r.sent is pct.sent and r.start <= pct.start < r.end
        for r in view.in_sentence(pct.sent, "RCP007.REF", "RCP007.REF_AFTER")
    )


def _lowest30_near(view: DocView, cue: Cue) -> bool:
    return view.has("RCP007.LOWEST30", lo=cue.index, hi=cue.index + 1) or view.has(
        "RCP007.LOWEST30", lo=cue.index - 1, hi=cue.index - 1
    )


def _substantiated(view: DocView) -> bool:
    """US mode: the user vouches for their reference prices (an EU setting still needs 6a)."""
    if not view.meta("reference_prices_substantiated", False):
        return False
    return not (view.jurisdictions() & EU_REGIONS)


RULE = Rule(
    code="RCP007",
    name="reference-price-comparison",
    summary='A price shown against a former or reference price ("Was $499, now $199")',
    family="B",
    severity=Severity.WARNING,
    scope="S0..+1",
    pitfall="Bad-faith concessions",
    stage="proportional ask",
    guardrail="truthful",
    sources=(
        "16 CFR 233.1-233.3",
        "Directive 98/6/EC Art. 6a (Directive (EU) 2019/2161)",
        "Seed: bad-faith concessions",
    ),
    corrective=(
        "Only compare against a price you actually charged, openly and in good faith, for a "
        "substantial period (US: 16 CFR 233.1). In the EU, show the lowest price of the previous "
        "30 days (Dir. 98/6/EC Art. 6a). Don't set an inflated anchor to make a discount look "
        "bigger."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="that the reference price was charged in good faith for a substantial period",
)
