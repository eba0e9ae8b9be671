"""Free tool overpromises accuracy or results ("our free ROI model shows exactly what you'll save").

## What it does
Flags a free tool or analysis (an ROI model, calculator, audit, assessment, diagnostic,
forecast, score or report offered free) whose copy, in the same or the next sentence, promises
precision or a guaranteed outcome: "guaranteed", "exactly how much", "100% accurate",
"accurate to the dollar", "will increase your revenue by 32%", "you'll save $4,000", "proven to
cut costs", "no guesswork".

A hedge in the same window settles it: "estimate", "approximately", "based on your inputs",
"assumptions", "results vary", "illustrative", "typical", "range". "Up to" is not a hedge: "up to
40%" still promises the 40%.

## Why is this bad?
A free diagnostic is a gift only if its value is real. Promising an exact or guaranteed result
from a model that runs on the reader's rough inputs overstates what is given, and the reader
pays for the gap later, in a sales call built on a number that was never going to hold. The
seed names "overpromising accuracy" as what turns a custom ROI model from value into
manipulation; fundraising and advertising codes require evidence before any claim that will be
taken literally.

## Example
```text
Our free ROI model shows exactly how much you'll save in year one.
Get a free cost audit, guaranteed to find $10,000 in savings.
```

## Use instead
```text
Our free ROI model gives an estimate based on your inputs; it shows the assumptions and a range,
and actual results vary.
```

## Corrective action
Describe free tools as estimates. Name the inputs and assumptions, show a range, and drop
"guaranteed" or "exact" savings claims you can't substantiate. (Seed pitfall "Untruthful offer":
every act of reciprocity must be truthful.)

## References
- Seed context table: "custom ROI model" is manipulative when "overpromising accuracy".
- UK Code of Fundraising Practice (2019, superseded) §1.3.2: evidence before any claim likely to
  be taken literally.
- AFP Code of Ethical Standards: present products and services "honestly and without
  misrepresentation".
- 16 CFR 251.1(a)(2): "free" offers "must be made with extreme care".
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import FreeUse, free_uses
from linter.view import Cue, DocView, Hit

# the tool nouns of the catalogue, with their plurals and near synonyms
TOOL_NOUNS = frozenset(
    """roi model models calculator calculators assessment assessments audit audits diagnostic
    diagnostics forecast forecasts forecasting forecaster analysis analyses score scores
    scorecard report reports estimator simulator projection projections valuation evaluation
    appraisal scan checkup check-up benchmark benchmarking""".split()
)
# Senses that are never a tool on offer. Anything else counts once a tool noun is found: the
# sense filter may file "free ROI model shows ..." under another head ("shows" is an event noun).
NOT_TOOL_CLASSES = frozenset({"PLAN", "LOGISTICS", "GIFT"})
_STOP = frozenset(".!?;:,—–()")

PATTERNS = {
    "RCP023.PRECISION": (
        "(guaranteed|guarantee|guarantees)",
        "(exact|exactly|precise|precisely)",
        "(exactly|precisely) how (much|many)",
        "(100|99|99.9) % (accurate|accuracy|precise|correct|certain)",
        "accurate to the (dollar|cent|penny|day|hour)",
        "pinpoint (accuracy|precision)",
        "will (save|earn|make|increase|grow|cut|boost|double|triple|reduce|lower|raise|find) (you|your)? ~6 (MONEY|NUM %|NUM percent)",
        "(you 'll|you will|you'll) (save|earn|make|gain|get back) ~2 (MONEY|NUM %|NUM percent)",
        "proven to (save|increase|boost|grow|cut|double|triple|reduce|find|raise)",
        "no (guesswork|guessing)",
    ),
    "RCP023.HEDGE": (
        "(estimate|estimates|estimated|estimating|estimation)",
        "(approximately|approx|approximate|roughly|ballpark)",
        "based on (your|the) (inputs|input|answers|data|numbers|information|figures)",
        "(assumption|assumptions)",
        "results (may|will|can|could|might)? (vary|differ)",
        "(actual|individual|your) results (may|will|can|could|might)? (vary|differ)",
        "(illustrative|illustration|indicative)",
        "(typical|typically)",
        "(range|ranges)",
        "not a (guarantee|promise)",
    ),
}

# "money-back guarantee", "guaranteed delivery": a guarantee, but not of the tool's accuracy
_GUARANTEE_BEFORE = frozenset({"back", "satisfaction", "refund", "price", "privacy"})
_GUARANTEE_AFTER = frozenset(
    "refund refunds delivery privacy confidentiality confidential secure satisfaction".split()
)
_HOW_TO = frozenset({"what", "how", "where", "when", "which", "who"})


def _tool_noun(use: FreeUse) -> tuple[str, int, int]:
    """(tool noun, first token, end token) of the free phrase; ("", ...) if no tool noun.

    The noun is in the 3 tokens after the head ("free ROI model", "complimentary forecast"),
    or, in a predicate use, in the 5 before ("the ROI calculator is free").
    """
    lw = use.sent.lowers or []
    start, end = use.cue.start, use.cue.end
    last = -1  # the compound's head: "free ROI model" -> model
    for k in range(end, min(len(lw), end + 3)):
        if lw[k] in _STOP:
            break
        if lw[k] in TOOL_NOUNS:
            last = k
        elif last >= 0:
            break
    if last >= 0:
        return lw[last], start, last + 1
    for k in range(start - 1, max(-1, start - 6), -1):
        if lw[k] in _STOP:
            break
        if lw[k] in TOOL_NOUNS:
            return lw[k], k, end
    return "", start, end


def free_tools(view: DocView) -> list[tuple[FreeUse, str, str]]:
    """Free tools on offer (non-negated, not a trial, plan, gift or logistics): the use, the
    tool noun and the phrase as written ("free cost audit")."""
    out = []
    for use in free_uses(view):
        if use.negated or use.subclass in NOT_TOOL_CLASSES or use.sent.in_subject:
            continue
        if use.subclass == "TRIAL" and use.noun:
            continue  # "free 14-day trial"; a bare "Try our free calculator" is not a trial
        noun, a, b = _tool_noun(use)
        if noun:
            s, e = use.sent.char_span(a, b)
            out.append((use, noun, " ".join(use.sent.block.text[s:e].split())))
    return out


def _precision_ok(view: DocView, cue: Cue) -> bool:
    if view.negated(cue):
        return False  # "we can't guarantee", "not exact"
    lw = cue.sent.lowers or []
    head = cue.lowers[0]
    before = lw[cue.start - 1] if cue.start > 0 else ""
    after = lw[cue.end] if cue.end < len(lw) else ""
    if head.startswith("guarantee"):
        if before in _GUARANTEE_BEFORE or after in _GUARANTEE_AFTER:
            return False
    if head in ("exactly", "precisely") and after in _HOW_TO:
        nxt2 = lw[cue.end + 1] if cue.end + 1 < len(lw) else ""
        if nxt2 == "to":
            return False  # "shows exactly how to set it up" is instruction, not a promise
    return True


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence holding an unhedged precision promise about a free tool."""
    done: set[int] = set()
    for use, noun, phrase in free_tools(view):
        lo, hi = view.window(use.cue, 0, 1)
        if view.live("RCP023.HEDGE", lo=lo, hi=hi):
            continue
        for cue in view.cues("RCP023.PRECISION", lo=lo, hi=hi):
            if cue.index in done or not _precision_ok(view, cue):
                continue
            done.add(cue.index)
            promise = " ".join(cue.text.split())
            yield Hit.at(
                cue,
                Severity.WARNING,
                f'"{promise}" promises an exact or guaranteed result from the free {noun} '
                f'("{phrase}"), with no estimate, range or assumptions stated; verify the '
                "claim can be substantiated.",
                evidence=[("free tool", use.cue)],
                checked=[
                    "no hedge (estimate, assumptions, range, results vary...) in S0..+1",
                    '"up to" is not a hedge',
                ],
                verify="that the promised accuracy or result is substantiated for every reader",
            )
            break


RULE = Rule(
    code="RCP023",
    name="free-tool-overpromise",
    summary="A free tool or audit promises exact or guaranteed results",
    family="F",
    severity=Severity.WARNING,
    scope="S0..+1",
    pitfall="Untruthful offer",
    stage="give value",
    guardrail="truthful",
    sources=(
        "Seed context table: custom ROI model (overpromising accuracy)",
        "UK Code of Fundraising Practice (2019) §1.3.2",
        "AFP Code of Ethical Standards (without misrepresentation)",
        "16 CFR 251.1(a)(2)",
    ),
    corrective=(
        "Describe free tools as estimates. Name the inputs and assumptions, show a range, and drop "
        "'guaranteed' or 'exact' savings claims you can't substantiate."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="that the promised accuracy or result is substantiated",
)
