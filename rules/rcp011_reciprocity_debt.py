"""Reciprocity-debt language ("return the favor", "you owe us", "the least you can do").

## What it does
Flags copy that tells the reader they owe the sender something in return: "return the favor",
"you owe us", "it's only fair that you upgrade", "after everything we've given you, a $20 gift
is the least you can do". Also flags, more softly, repayment framing around an ask ("give
something back", "if this newsletter has helped you, chip in") and the guarded "now it's your
turn" / "do your part" when something was just given to the reader.

## Why is this bad?
A gift that the writer then calls a debt was never a gift. Explicit obligation language turns
the reader's goodwill into guilt ("Reciprocity guilt: buyer feels trapped") and breaks the
guardrail that every act of reciprocity be optional. Fundraising codes forbid deliberately
making a donor feel guilty or exploiting the relationship with a donor.

## Example
```text
We sent you the full playbook for free. Now it's your turn to return the favor.
After everything we've given you this year, a $20 gift is the least you can do.
```

## Use instead
```text
The playbook is yours to keep. If it helped, a gift of any size keeps the next one coming,
and there's no obligation at all.
```

## Corrective action
Remove language that tells readers they owe you. Make the ask on its own merits and say clearly
that the gift is theirs whatever they decide. (Seed pitfall "Reciprocity guilt": reinforce "no
obligation" phrasing.)

## References
- Seed pitfall "Reciprocity guilt: buyer feels trapped"; guardrail "optional".
- UK Code of Fundraising Practice (2025) §1.1.2 (no undue pressure); 2019 code §8.1.1 (do not
  "deliberately try to make a potential donor feel guilty"), by analogy.
- AFP Code of Ethical Standards: do not "exploit any relationship with a donor".
- Cialdini, *Influence*: "the obligation to receive ... makes the rule so easy to exploit".
- Catalogue §7 A2 (repayment framing; guarded "do your part").
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule, one_per_sentence
from linter.senses import asks, free_uses
from linter.view import Cue, DocView, Hit, in_quotes

PATTERNS = {
    "RCP011.OWE": ("owe (us|me) (anything|something|one|a thing|nothing)?",),
    "RCP011.YOUR_TURN": ("(now)? (it 's|its|it is)? your turn",),
    "RCP011.DO_PART": ("do your (part|share|bit)", "(we|you) all need to do our (part|share|bit)"),
    "RCP011.TURN_TO": (
        "to (give|return|help|support|chip in|donate|buy|upgrade|do your part|pitch in|contribute)",
    ),
    "RCP011.GIVEN": (
        "(gift|gifts|complimentary|bonus|guide)",
        "(gave|given|sent|mailed) you",
        "on us",
    ),
    "RCP011.GIVE_BACK": (
        "(give|giving|gave) (something|a little|a bit|some)? back",
        "(give|giving) back to",
    ),
    "RCP011.IF_HELPED": (
        "if ~4 (has|have|'s|'ve) ~1 (given|saved|helped|taught|brought|made|informed|inspired|entertained) you",
        "if you (have|'ve) (enjoyed|benefited|benefitted|learned|found|gotten|got|used) ~6",
        "if ~4 (gave|helped|saved|taught|brought|informed|inspired|gives|helps|saves) you",
    ),
    "RCP011.SUPPORT_ASK": (
        "support (us|our|the|this)",
        "(consider|please) (supporting|donating|giving|a gift)",
    ),
}

ASKS = ("ASK_HIGH", "RCP011.SUPPORT_ASK", "MONEY")


def _given_recently(view: DocView, cue: Cue) -> bool:
    lo, hi = view.window(cue, 2, 0)
    for use in free_uses(view):  # "free" through the sense filter: not "feel free"
        if lo <= use.index <= hi and not use.negated and not use.sent.in_subject:
            if use.sent is not cue.sent or use.cue.start < cue.start:
                return True
    for c in view.cues("RCP011.GIVEN", lo=lo, hi=hi):
        if c.sent is cue.sent and c.start >= cue.start:
            continue  # the gift must come before the "your turn"
        return True
    return False


def _asks_near(view: DocView, cue: Cue, skip: Cue | None = None) -> list[Cue]:
    lo, hi = view.window(cue, 0, 1)
    out = []
    real_asks = {id(a) for a in asks(view)}
    for c in view.cues(*ASKS, lo=lo, hi=hi):
        if c.label == "ASK_HIGH" and id(c) not in real_asks:
            continue
        if skip is not None and c.sent is skip.sent and c.start < skip.end and c.end > skip.start:
            continue
        if c.label == "MONEY" and not view.cues("ASK_HIGH", "RCP011.SUPPORT_ASK", lo=lo, hi=hi):
            continue
        out.append(c)
    return out


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence: the first (strongest) cue there, the others as evidence."""
    return one_per_sentence(_hits(view))


_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "let"})  # "let's" -> let 's


def _addressed_to_reader(cue: Cue) -> bool:
    """ "Mitch McConnell returned the favor" narrates; "return the favor" asks the reader."""
    if cue.lowers[0] not in ("return", "returning", "returned"):
        return True
    lw = cue.sent.lowers or []
    if cue.lowers[0] == "returned":
        return False
    opening = all(not w.isalnum() for w in lw[: cue.start])
    return opening or bool(_SECOND_PERSON & set(lw))


def _hits(view: DocView) -> Iterator[Hit]:
    for cue in view.cues("RECIP_DEBT", "RCP011.OWE"):
        if view.negated(cue) or not _addressed_to_reader(cue) or in_quotes(cue):
            continue
        yield Hit.at(
            cue,
            Severity.ERROR,
            f'"{cue.text}" tells the reader they owe you for what you gave.',
            checked=["negation (§0.3): none before the phrase"],
        )
    for cue in view.cues("RCP011.YOUR_TURN", "RCP011.DO_PART"):
        if view.negated(cue):
            continue
        if cue.label == "RCP011.YOUR_TURN":
            follows = view.after(cue, "RCP011.TURN_TO", within=0)
            at_end = cue.end >= len(cue.lowers) + cue.start and _sentence_ends_after(cue)
            if not follows and not at_end:
                continue
        if not _given_recently(view, cue):
            continue
        yield Hit.at(
            cue,
            Severity.ERROR,
            f'"{cue.text}" right after a gift presents the gift as a debt to repay.',
            checked=["a gift or free item is mentioned in S-2..0"],
        )
    for cue in view.cues("RCP011.GIVE_BACK"):
        if view.negated(cue):
            continue
        asks = _asks_near(view, cue, skip=cue)
        if asks:
            yield Hit.at(
                cue,
                Severity.WARNING,
                f'"{cue.text}" frames the ask as repayment.',
                evidence=[("ask", asks[0])],
            )
    for cue in view.cues("RCP011.IF_HELPED"):
        asks = _asks_near(view, cue)
        if asks:
            yield Hit.at(
                cue,
                Severity.WARNING,
                "Conditional repayment: the ask is justified by what the reader already received.",
                evidence=[("ask", asks[0])],
            )


def _sentence_ends_after(cue: Cue) -> bool:
    lowers = cue.sent.lowers or []
    rest = lowers[cue.end :]
    return all(not w.isalnum() for w in rest)


RULE = Rule(
    code="RCP011",
    name="reciprocity-debt-language",
    summary='Tells the reader they owe you for a gift ("return the favor", "you owe us")',
    family="C",
    severity=Severity.ERROR,
    scope="S-2..0",
    pitfall="Reciprocity guilt",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "Seed pitfall: Reciprocity guilt",
        "UK Code of Fundraising Practice (2025) §1.1.2",
        "AFP Code of Ethical Standards (exploiting a donor relationship)",
        "Catalogue §7 A2",
    ),
    corrective=(
        "Remove language that tells readers they owe you. Make the ask on its own merits and say "
        "clearly that the gift is theirs whatever they decide."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
