"""Bonus stacking and inflated bundle value.

## What it does
Counts the distinct items the copy offers the reader on top of the main offer ("Bonus #1: the
swipe file", "a free planner", "plus templates", "we'll also throw in ...", "you'll also get
..."), telling items apart by their head noun. More than `max_gifts` items (default 1) is info;
three or more (and more than `max_gifts`) is a warning. "But wait, there's more!" or "that's not
all" is info on its own when an offered item follows within two sentences (in narrative copy,
"and that's not all: the council cut ..." is not a bonus stack). Separately, a value figure attached to what is given ("a $197 value", "worth $300",
"total value: $1,240", "combined retail value $499", "$2,000 worth of bonuses") is a warning.

Not counted (catalogue §5.3): bonus tips, points, miles, episodes, rounds, questions, facts,
features and content (the rule's own exclusion list; loyalty points are a price concession, not
a gift piled on the offer); the aside "As a bonus, the app also works offline"; a "bonus chapter"
unless the same or next sentence asks for a purchase or a gift; "worth it" with no amount;
"€5 worth of knowledge" (an amount of something that is not an item); a value figure with no
offer to the reader nearby ("a research grant worth $200,000"); sweepstakes prize disclosures
("approximate retail value $100", which the law requires) and matched-donation arithmetic
("rush $5 (worth $20)"). A value figure set against a lower price ("a $300 value, yours for
$29") is also a reference-price comparison, so RCP007 reports it too.

## Why is this bad?
The seed's "Over-stacking gifts" pitfall: a pile of bonuses overwhelms the reader or triggers
skepticism; limit it to one meaningful item. Stacks are also where "throw-away variables" hide,
items nobody would buy that are there to inflate the perceived bargain. Value figures are
comparative price claims: they must reflect a price people actually pay for the item (16 CFR
233.2 and 233.3), and calling the extras a "bonus" does not exempt them from the FTC's "free"
guide (16 CFR 251.1(i)).

## Example
```text
Bonus #1: the swipe file. Bonus #2: the private forum. Bonus #3: a live Q&A replay.
Enroll today and get the workbook (a $197 value) plus templates worth $300.
```

## Use instead
```text
Enroll today and get the workbook we built for this course: 40 pages of exercises you'll use
in every module.
```

## Corrective action
Offer one genuinely useful item instead of a pile of bonuses. Remove "a $297 value"-style
figures unless that is a price people actually pay for the item.

## References
- Seed pitfall "Over-stacking gifts: overwhelms or triggers skepticism; limit to one meaningful
  item"; seed "concessions stuffed with throw-away variables".
- 16 CFR 233.2 and 233.3 (comparative and list-price claims must be real prices).
- 16 CFR 251.1(i): "gift", "bonus" and similar words are covered like "free".
- Catalogue RCP008 (option `max_gifts`); §5.3 ("bonus" traps).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.model import Severity
from linter.rule import Rule
from linter.senses import SUBCLASS_WORDS, asks, free_uses, offered_premiums
from linter.view import Cue, DocView, Hit, Sentence

WARN_AT = 3
DEFAULT_MAX_GIFTS = 1

# What a bonus can be: the catalogue's GIFT and RESOURCE nouns plus the usual course extras.
ITEM_NOUNS = (
    SUBCLASS_WORDS["GIFT"]
    | SUBCLASS_WORDS["RESOURCE"]
    | frozenset(
        """forum forums community group replay replays recording recordings session sessions
        call calls access membership file files swipe script scripts pack packs bundle bundles
        planner journal workbook workbooks module modules masterclass coaching review
        consultation audit updates extras""".split()
    )
) - frozenset({"e", "t", "item", "items", "issue", "copy", "copies", "card"})
_ITEM_ALT = "(" + "|".join(sorted(ITEM_NOUNS)) + ")"

PATTERNS = {
    "RCP008.BONUS_NUM": ("bonus #? (NUM|one|two|three|four|five|six|seven|eight|nine|ten)",),
    "RCP008.BONUS_HEAD": ("bonus (:|-|—|–)", "(free|exclusive|special|extra|fast - action) bonus"),
    "RCP008.PLUS": (f"plus (a|an|the|your|our|this)? free? ~2 {_ITEM_ALT}",),
    "RCP008.ALSO": (
        "(we 'll|we will|i 'll|i will|we 're|we are) also (throw in|throwing in|include|including|"
        "send|give you)",
        "(we 'll|we will|i 'll|i will|and) throw in",
        "(you 'll|you will|you) also (get|receive)",
    ),
    "RCP008.BUT_WAIT": ("but wait", "(that 's|that is) not all"),
    "RCP008.VALUE": (
        "(a|an) MONEY \\+? (combined|total|retail|combined retail|total retail)? value",
        "MONEY value (!|\\)|,|.|-)",
        "(valued|worth) at? MONEY",
        "(total|combined|regular|real) value :? (of|is)? MONEY",
        "(combined|total|regular)? retail value :? (of|is)? MONEY",
        "over MONEY in (bonuses|value|gifts|extras|freebies)",
        f"MONEY worth of ~2 ({'|'.join(sorted(ITEM_NOUNS))}|bonuses|gifts|extras|goodies|"
        "freebies|value)",
    ),
    "RCP008.NOT_OFFER": (
        "bonus (tip|tips|point|points|mile|miles|episode|episodes|track|tracks|round|rounds|"
        "question|questions|fact|facts|feature|features|content)",
        "as a bonus ,",
        "(signing|performance|year - end|holiday|annual|cash) bonus",
    ),
    "RCP008.BONUS_CHAPTER": ("bonus (chapter|chapters)",),
    "RCP008.PRIZE_OR_DONATION": (
        "(approximate|approx|approx .|estimated|arv)",
        "(prize|prizes|winner|winners|sweepstakes|drawing|raffle|contest)",
        "(contribution|contributions|donation|donations|match|matched|matching|doubled|tripled)",
    ),
}

_STOPS = frozenset(
    """. , ! ? ; : ( ) — – and or with to for that which worth valued plus + & who you
    your""".split()
)


@dataclass
class _Item:
    cue: Cue
    noun: str


def _norm(noun: str) -> str:
    if noun.endswith("uses"):
        return noun[:-2]  # bonuses -> bonus
    if len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us")):
        return noun[:-1]
    return noun


def _item_after(sent: Sentence, k: int, reach: int = 6) -> str:
    """The item noun of the phrase starting at token k ("the private forum" -> "forum"): the
    last catalogue item noun before a stop, or "" when the phrase names no item."""
    lw = sent.lowers or []
    head = ""
    started = False
    for w in lw[k : k + reach]:
        if w in _STOPS or not any(ch.isalnum() for ch in w):
            if started or w not in (":", "-", "—", "–", "#"):
                break
            continue
        started = True
        if w in ITEM_NOUNS:
            head = w
    return head


def _blocked(view: DocView, cue: Cue) -> bool:
    return any(
        b.start <= cue.start < b.end or cue.start <= b.start < cue.end
        for b in view.in_sentence(cue.sent, "RCP008.NOT_OFFER")
    )


def _chapter_offered(view: DocView, cue: Cue) -> bool:
    """§5.3: "bonus chapter" is an offer only next to an ask."""
    lo, hi = view.window(cue, 0, 1)
    return bool(view.cues("ASK_HIGH", lo=lo, hi=hi))


def _items(view: DocView) -> list[_Item]:
    out: list[_Item] = []
    for cue in view.cues("RCP008.BONUS_NUM", "RCP008.BONUS_HEAD", "RCP008.ALSO"):
        if _blocked(view, cue) or view.negated(cue):
            continue
        noun = _item_after(cue.sent, cue.end)
        if cue.label == "RCP008.BONUS_NUM" and not noun:
            noun = "bonus " + cue.lowers[-1]
        if noun:
            out.append(_Item(cue, noun))
    for cue in view.cues("RCP008.BONUS_CHAPTER"):
        if _chapter_offered(view, cue):
            out.append(_Item(cue, "chapter"))
    for cue in view.cues("RCP008.PLUS"):
        if not view.negated(cue):
            out.append(_Item(cue, cue.lowers[-1]))
    for use in free_uses(view):
        if (
            use.negated
            or use.sent.in_subject
            or use.subclass not in ("GIFT", "RESOURCE", "GENERIC")
        ):
            continue
        noun = use.noun
        if noun in ("bonus", "bonuses") or use.subclass == "GENERIC":
            noun = _item_after(use.sent, use.cue.end + (use.subclass != "GENERIC")) or ""
        if noun in ITEM_NOUNS:
            out.append(_Item(use.cue, noun))
    return sorted(out, key=lambda it: (it.cue.sent.index, it.cue.start))


def _distinct(items: list[_Item]) -> list[_Item]:
    seen: set[str] = set()
    out = []
    for it in items:
        key = _norm(it.noun)
        if key in seen or key in _TOO_GENERIC:
            continue
        seen.add(key)
        out.append(it)
    return out


_TOO_GENERIC = frozenset(
    {"", "gift", "bonus", "present", "item", "resource", "content", "download", "tool", "copy"}
)


def _max_gifts(view: DocView) -> int:
    raw = view.meta("max_gifts", DEFAULT_MAX_GIFTS)
    try:
        return max(0, int(raw))
    except (TypeError, ValueError):
        return DEFAULT_MAX_GIFTS


def _stack(view: DocView, all_items: list[_Item]) -> Iterator[Hit]:
    limit = _max_gifts(view)
    items = _distinct(all_items)
    if len(items) > limit:
        names = ", ".join(_norm(it.noun) for it in items)
        severity = Severity.WARNING if len(items) >= WARN_AT else Severity.INFO
        yield Hit.at(
            items[0].cue,
            severity,
            f"This copy stacks {len(items)} offered items ({names}) on one offer; more than "
            f"{limit} overwhelms the reader.",
            evidence=[("item", it.cue) for it in items[1:]],
            checked=[f"max_gifts = {limit}", "bonus tips/points/episodes and 'as a bonus,' asides"],
        )
        return
    for cue in view.cues("RCP008.BUT_WAIT"):
        if not _offer_near(view, cue, all_items, after=2, verbs=False):
            continue  # "that's not all Pelosi has been up to": narrative, not a bonus stack
        yield Hit.at(
            cue,
            Severity.INFO,
            f'"{" ".join(cue.text.split())}" is the classic bonus-stack cue: it piles extras on '
            "the offer.",
        )
        return


def _offer_near(
    view: DocView, cue: Cue, items: list[_Item], after: int, before: int = 0, verbs: bool = True
) -> bool:
    """Something is offered to the reader in S-before..+after: a counted item, a premium, or
    (with `verbs`) an offer verb such as "get", "yours" or "includes". A purchase ask alone is
    not enough: "try and buy my vote" is narrative."""
    lo, hi = view.window(cue, before, after)
    if any(lo <= it.cue.sent.index <= hi for it in items):
        return True
    if any(lo <= p.index <= hi for p in offered_premiums(view)):
        return True
    return verbs and bool(view.cues("PREMIUM_OFFER_VERB", lo=lo, hi=hi))


def _not_a_bundle_value(view: DocView, cue: Cue) -> bool:
    """Sweepstakes prize disclosures ("approximate retail value $100", required by law) and
    matched-donation arithmetic ("a $10 contribution ($20 value)") are not bundle values."""
    if any(p.cue.sent is cue.sent for p in offered_premiums(view)):
        return False
    if view.in_sentence(cue.sent, "RCP008.PRIZE_OR_DONATION"):
        return True
    # "RUSH $5 (WORTH $20)": the value of a matched donation, not of something given
    return any(a.sent is cue.sent and a.lowers[0] in _DONATION_ASKS for a in asks(view))


_DONATION_ASKS = frozenset(
    "rush donate give chip pitch contribute pledge donating giving contributing".split()
)


def _inflation(view: DocView, items: list[_Item]) -> Iterator[Hit]:
    seen: set[int] = set()
    for cue in view.cues("RCP008.VALUE"):
        if cue.sent.index in seen or view.negated(cue):
            continue
        if _not_a_bundle_value(view, cue) or not _offer_near(view, cue, items, 0, before=1):
            continue
        seen.add(cue.sent.index)
        quote = " ".join(cue.text.split()).rstrip(" !),.-")
        yield Hit.at(
            cue,
            Severity.WARNING,
            f'"{quote}" puts a value figure on what is given; verify that people actually pay '
            "that price for it.",
            verify="that the stated value is a price at which the item is actually sold",
        )


def check(view: DocView) -> Iterator[Hit]:
    items = _items(view)
    yield from _stack(view, items)
    yield from _inflation(view, items)


RULE = Rule(
    code="RCP008",
    name="bonus-stacking",
    summary='Several bonuses piled on one offer, or inflated "a $297 value" figures',
    family="B",
    severity=Severity.WARNING,
    scope="DOC",
    pitfall="Over-stacking gifts",
    stage="give value",
    guardrail="truthful",
    sources=(
        "Seed pitfall: Over-stacking gifts",
        "Seed: throw-away variables",
        "16 CFR 233.2, 233.3",
        "16 CFR 251.1(i)",
    ),
    corrective=(
        "Offer one genuinely useful item instead of a pile of bonuses. Remove 'a $297 value'-style "
        "figures unless that is a price people actually pay for the item."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="that any stated value is a price at which the item is actually sold",
)
