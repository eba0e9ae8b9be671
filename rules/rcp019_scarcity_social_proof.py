"""Scarcity, popularity and social-proof claims ("only 2 left", "12 people are viewing this").

## What it does
Flags claims about stock, demand, other people's activity and popularity that the reader
cannot check: "Only 2 spots left in the free workshop!", "selling fast", "12 people are viewing
this offer right now", "Someone in Austin just bought this", "Thousands of marketers found this
checklist helpful". Also flags unsourced counts and shares of other people who give or buy
(catalogue §7 A8): "only 1% of our readers donate", "only 4,210 people have chipped in", "most
supporters give $20", "the average gift is $38". A claim that names its source or time frame in
the same sentence ("according to our March survey", "in the last 7 days") is reported as info,
a reminder to keep it true and current.

It stays quiet on the "only" that is not scarcity (catalogue §5.5): a price ("only $5 a month"),
an eligibility note ("members only"), a limit rule ("only one code per order", "limited to one
per customer"), bare shop statuses ("in stock", "out of stock") and statements of why others
give ("most people donate because they use it every day"). A negated claim ("this isn't selling
out") is not a claim.

## Why is this bad?
Scarcity and social proof work because readers cannot check them, which is exactly what makes
fake ones easy: the FTC lists false "sold out" and "others are looking at this" claims among
dark patterns, Mathur et al. found 632 low-stock and 313 activity messages on 11K shopping
sites, and India's CCPA names "showing false popularity" as false urgency. A true claim still
misleads when the "others" are unlike the reader ("data relevance" in the seed's checklist
example). Social proof in a fundraising ask ("only 1% of readers give") adds guilt to the
pressure.

## Example
```text
Only 2 spots left in the free workshop! 12 people are viewing this offer right now.
Thousands of marketers found this checklist helpful.
```

## Use instead
```text
The workshop has 40 seats; 31 were booked as of Monday 9 am.
1,240 HR managers downloaded this checklist since January (our download log).
```

## Corrective action
State stock, demand or "others found this helpful" only if the number is real, current and
relevant to this reader. Name the source and time frame (for example "1,240 downloads by HR
managers since January").

## References
- FTC, *Bringing Dark Patterns to Light* (2022): false "sold out", "others are looking at or
  recently purchased" claims.
- Mathur et al. 2019, "Dark Patterns at Scale" (Low-stock 632, High-demand 47, Activity
  Notification 313, Testimonials of Uncertain Origin 12).
- India CCPA Guidelines for Prevention and Regulation of Dark Patterns (2023), Annexure 1,
  "false urgency" ("showing false popularity").
- UCPD 2005/29/EC Annex I, 23b-23c [P] (fake reviews and endorsements).
- Seed context "checklist others found helpful" (misrepresents data relevance).
- Catalogue §5.5 ("only" traps), §7 A8 (counts of others who give or buy).
- Severity is a warning (the truth of a number is a fact outside the text), so the §6
  jurisdiction downgrades, which concern errors, never change it.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.patterns import CURRENCY_SYMBOLS, CURRENCY_WORDS, is_number
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, number_value

_PEOPLE = (
    "(people|readers|users|visitors|donors|supporters|customers|members|subscribers|viewers|"
    "listeners|americans|voters|patriots|democrats|republicans|folks|shoppers|buyers|"
    "marketers|families|fans|followers|contributors|professionals|parents|students|others|"
    "households|clients)"
)

PATTERNS = {
    # "3 left", "1 LEFT IN THIS SIZE": filtered in Python (not "3 days left", not "$5 left").
    "RCP019.LEFT": ("NUM ANY? ANY? (left|remaining)",),
    # "2 in stock": a small count in stock (filtered by value in Python).
    "RCP019.IN_STOCK": ("NUM (items|item(s|pieces|units|left)? )? in stock",),
    # A named shopper's purchase: "Carl F. from Fort Ann, NY just bought a King" (the name
    # before the place is checked in Python).
    "RCP019.NAMED_BUYER": (
        "(in|from|near) ~8 (just)? (bought|purchased|ordered|booked|reserved)",
        "(in|from|near) ~8 just (got|started buying|added|saved)",
    ),
    # "limited to one qualified individual per state" (not "limited to one per customer").
    "RCP019.LIMITED_TO": ("(limited|restricted) to (the first)? NUM",),
    # §7 A8: a count or share of other people, then (RCP019.DO) what they do.
    "RCP019.OTHERS": (
        f"NUM (%|percent) of (our|all|the|all our|these|those)? ANY? {_PEOPLE}",
        f"(NUM|one) (in|out of) NUM (of)? (our|the)? ANY? {_PEOPLE}",
        f"(most|many|the majority of|a majority of|a tiny portion of|a small portion of|"
        f"a fraction of|a small fraction of|a small number of|only a few|very few) "
        f"(of)? (our|the|all|all our)? ANY? {_PEOPLE}",
        f"(only|just|over|more than|nearly|almost|already)? "
        f"(NUM|\\{{ var \\}}|thousands of|hundreds of|millions of|dozens of) ANY? {_PEOPLE}",
    ),
    "RCP019.DO": (
        "(give|gives|gave|given|giving|donate|donates|donated|donating|contribute|contributes|"
        "contributed|contributing|pledge|pledged|buy|buys|bought|purchase|purchased|order|"
        "ordered|subscribe|subscribed|join|joined|upgrade|upgraded|renew|renewed|choose|chose|"
        "pick|picked)",
        "(chip|chips|chipped|chipping|pitch|pitches|pitched|pitching) in",
        "(sign|signs|signed|signing) up",
        "(found|find) (this|it|them|us|our) ~2 (helpful|useful|valuable)",
    ),
    "RCP019.MOTIVE": ("(because|since|out of|as they|when they)",),
    # "donations averaging about €21", "the average gift is $38" (A8).
    "RCP019.AVERAGE": (
        "(average|averaging|typical|median) (about|around|approximately|roughly|just|only)? MONEY",
        "(average|typical|median) (donation|gift|contribution|pledge|order)",
        "(donations|gifts|contributions|pledges) (averaging|average)",
    ),
    # Popularity: "trusted by 10,000 teams", "join 50,000 marketers".
    "RCP019.POPULAR": (
        "(trusted|used|loved|chosen|read|followed|backed) by (over|more than|nearly|almost)? "
        "(NUM|thousands|millions|hundreds)",
        f"join (over|more than|nearly|almost)? (NUM|thousands|millions|hundreds) (of)? (other)? "
        f"ANY? {_PEOPLE}",
    ),
}

_TIME_UNITS = frozenset(
    "second seconds secs sec minute minutes mins min hour hours hrs hr day days week weeks "
    "weekend weekends night nights month months year years quarter quarters".split()
)
_LEFT_NOT_STOCK = frozenset(
    "turn turns side hand handed wing lane click foot arm behind over out off alone unsaid "
    "unanswered open untouched".split()
)
_LEFT_BEFORE_OK = frozenset(
    "only just last hurry have has had there 's 're are is got ! : , - — – ( . ; |".split()
)
SMALL_STOCK = 20
FULL_PERCENT = 100
_PREPOSITIONS = frozenset("from of among on at in to with".split())
_NOT_A_NAME = frozenset(
    "i we you they he she it our my your their his her the this that these those there here "
    "items products orders tickets people customers".split()
)
# A count of people someone *needs* is a target, not a claim about others ("we need 10 people
# to donate"); "join 10 patriots" is an invitation unless the crowd is large.
_TARGET_BEFORE = frozenset(
    "need needs needed want wants ask asking looking recruit recruiting find seeking get".split()
)
LARGE_CROWD = 1000
_TERRITORY = frozenset("state city region area county zip territory market country town".split())
_ACTIVITY = frozenset(
    "viewing watching looking looked viewed browsing bought purchased ordered booked cart carts "
    "basket baskets bag bags someone somebody sold times ago donated downloaded signed joined "
    "reserved".split()
)
_POPULARITY = frozenset("helpful useful popular everyone".split())
_DEMAND = frozenset("demand selling sells sell shelves hotcakes".split())

KIND_TEXT = {
    "stock": "a stock claim",
    "availability": "an availability claim",
    "demand": "a demand claim",
    "activity": "a claim about other shoppers' activity",
    "popularity": "a popularity claim",
    "others": "a claim about how many others give or buy",
}


def _kind(cue: Cue) -> str:
    if cue.label in ("RCP019.OTHERS", "RCP019.AVERAGE"):
        return "others"
    if cue.label == "RCP019.POPULAR":
        return "popularity"
    if cue.label == "RCP019.LIMITED_TO":
        return "availability"
    if cue.label in ("RCP019.LEFT", "RCP019.IN_STOCK"):
        return "stock"
    if cue.label == "RCP019.NAMED_BUYER":
        return "activity"
    words = set(cue.lowers)
    if words & _POPULARITY or "found" in words or "find" in words:
        return "popularity"
    if words & _ACTIVITY:
        return "activity"
    if words & _DEMAND:
        return "demand"
    return "stock"


def _left_is_stock(cue: Cue) -> bool:
    """ "3 left" / "only 2 remaining" is stock; "3 days left", "$5 left", "2 left turns" are not."""
    lw = cue.sent.lowers or []
    if cue.start > 0:
        before = lw[cue.start - 1]
        if before in CURRENCY_SYMBOLS or before not in _LEFT_BEFORE_OK:
            return False
    middle = lw[cue.start + 1 : cue.end - 1]
    if any(w in _TIME_UNITS or w in CURRENCY_WORDS or is_number(w) for w in middle):
        return False
    nxt = lw[cue.end] if cue.end < len(lw) else ""
    to_go = nxt == "to" and lw[cue.end + 1 : cue.end + 2] == ["go"]
    return nxt not in _LEFT_NOT_STOCK and (nxt != "to" or to_go)


def _small_stock(cue: Cue) -> bool:
    """ "2 in stock" is a low-stock message; "500 in stock" or "$5 in stock" is not."""
    lw = cue.sent.lowers or []
    if cue.start > 0 and lw[cue.start - 1] in CURRENCY_SYMBOLS:
        return False
    value = number_value(lw[cue.start])
    return value is not None and value <= SMALL_STOCK


def _named_buyer(cue: Cue) -> bool:
    """A shopper named at the start of the sentence: "Carl F. from Fort Ann bought ..."."""
    texts = cue.sent.texts or []
    name = texts[: cue.start]
    if not 1 <= len(name) <= 4 or not name[0][:1].isupper():
        return False
    return not any(w.lower() in _NOT_A_NAME for w in name)


def _scarcity(cue: Cue) -> bool:
    """A SCARCITY cue that is a claim about the offer ("our most popular plan"), not a
    description of third parties ("extracted from the most popular web sites")."""
    if "%" in cue.lowers:
        value = number_value(cue.lowers[0])
        if value is not None and value >= FULL_PERCENT:
            return False  # "100% FULL refund" is a guarantee, not a sell-out
    if cue.lowers[:2] == ["most", "popular"]:
        lw = cue.sent.lowers or []
        if _PREPOSITIONS.intersection(lw[max(0, cue.start - 2) : cue.start]):
            return False
    return _timeless(cue)


def _timeless(cue: Cue) -> bool:
    """ "less than 24 hours left" is a countdown (RCP018), not stock."""
    return not (_TIME_UNITS.intersection(cue.lowers) and {"left", "remaining"} & set(cue.lowers))


def _limited_is_scarcity(cue: Cue) -> bool:
    """ "limited to one per customer" is a limit rule (§5.5); "limited to 50 guests" and "one
    qualified individual per state" (territorial exclusivity) are availability claims."""
    lw = cue.sent.lowers or []
    rest = lw[cue.end : cue.end + 5]
    if "per" not in rest:
        return True
    after_per = rest[rest.index("per") + 1 : rest.index("per") + 2]
    return bool(after_per) and after_per[0] in _TERRITORY


def _large_crowd(cue: Cue, force: bool = False) -> bool:
    """ "Join 10 patriots" invites; "join 50,000 marketers" claims popularity."""
    if cue.lowers[0] != "join" and not force:
        return True
    values = [number_value(w) for w in cue.lowers]
    return any(v is not None and v >= LARGE_CROWD for v in values) or bool(
        {"thousands", "millions", "hundreds"} & set(cue.lowers)
    )


FILTERS = {
    "SCARCITY": _scarcity,
    "RCP019.LEFT": _left_is_stock,
    "RCP019.IN_STOCK": _small_stock,
    "RCP019.NAMED_BUYER": _named_buyer,
    "RCP019.LIMITED_TO": _limited_is_scarcity,
    "RCP019.POPULAR": _large_crowd,
}


def _others_claims(view: DocView, subject: bool) -> list[Cue]:
    """§7 A8: a count or share of others followed, within 4 tokens, by what they do."""
    out: list[Cue] = []
    for who in view.cues("RCP019.OTHERS", subject=subject):
        lw = who.sent.lowers or []
        before = lw[max(0, who.start - 3) : who.start]
        if _TARGET_BEFORE.intersection(before) or "if" in before or before[-1:] == ["as"]:
            continue  # a target or a hypothetical: "we need 10 people to", "if 200 people give"
        if any(
            is_number(w) and nxt in ("more", "additional")
            for w, nxt in zip(who.lowers, who.lowers[1:], strict=False)
        ):
            continue  # "17 more Republicans" is a goal, not a count of others
        if "join" in before and not _large_crowd(who, force=True):
            continue
        does = view.after(who, "RCP019.DO", within=4)
        if not does:
            continue
        verb = does[0]
        between = lw[who.end : verb.start]
        if "to" in between or not all(w.isalpha() or w.startswith(("'", "n'")) for w in between):
            continue  # "500 donors to chip in" is a goal; a line break or stop ends the claim
        motive = view.after(verb, "RCP019.MOTIVE", within=1)
        if motive:
            continue  # "most people donate because ..." states a motive, not a count
        out.append(Cue(who.label, who.sent, who.start, verb.end))
    return out


def _claims(view: DocView, subject: bool) -> list[Cue]:
    found: list[Cue] = []
    for cue in view.cues(
        "SCARCITY",
        "RCP019.LEFT",
        "RCP019.IN_STOCK",
        "RCP019.NAMED_BUYER",
        "RCP019.LIMITED_TO",
        "RCP019.AVERAGE",
        "RCP019.POPULAR",
        subject=subject,
    ):
        if not FILTERS.get(cue.label, _timeless)(cue):
            continue
        if cue.label != "RCP019.AVERAGE" and view.negated(cue):
            continue
        found.append(cue)
    found.extend(_others_claims(view, subject))
    found.sort(key=lambda c: (c.sent.index, c.start, -c.end))
    return found


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence: its first claim, the others as evidence."""
    for subject in (True, False):
        by_sentence: dict[int, list[Cue]] = {}
        for cue in _claims(view, subject):
            by_sentence.setdefault(cue.sent.index, []).append(cue)
        for cues in by_sentence.values():
            yield _hit(view, cues)


def _hit(view: DocView, cues: list[Cue]) -> Hit:
    cue = cues[0]
    kind = KIND_TEXT[_kind(cue)]
    sources = view.in_sentence(cue.sent, "SOURCE_STATED")
    evidence: list[tuple[str, Cue]] = [("claim", c) for c in cues[1:]]
    if sources:
        return Hit.at(
            cue,
            Severity.INFO,
            f'"{cue.text}" is {kind} with a stated source or time frame ("{sources[0].text}"); '
            "keep it real, current and relevant to this reader.",
            evidence=[("source", sources[0]), *evidence],
            checked=["SOURCE_STATED in S0: downgraded to info"],
            verify="that the number is real and current for the stated source and period",
        )
    return Hit.at(
        cue,
        Severity.WARNING,
        f'"{cue.text}" is {kind} with no source or time frame; verify it is real, current '
        "and relevant to this reader.",
        evidence=evidence,
        checked=["no SOURCE_STATED in S0", "negation (§0.3): none before the claim"],
        verify="that the number is real, current and about people like this reader",
    )


RULE = Rule(
    code="RCP019",
    name="scarcity-social-proof",
    summary='Stock, demand, activity or popularity claim the reader cannot check ("only 2 left")',
    family="D",
    severity=Severity.WARNING,
    scope="DOC",
    pitfall="Untruthful offer",
    stage="allow reflection",
    guardrail="truthful",
    sources=(
        "FTC Bringing Dark Patterns to Light (2022)",
        "Mathur et al. 2019, Dark Patterns at Scale",
        "India CCPA Dark Patterns Guidelines 2023, Annexure 1 (false urgency)",
        "UCPD Annex I 23b-23c [P]",
        "Seed context: checklist others found helpful",
        "Catalogue §5.5, §7 A8",
    ),
    corrective=(
        "State stock, demand or 'others found this helpful' only if the number is real, current "
        "and relevant to this reader. Name the source and time frame (e.g., '1,240 downloads by "
        "HR managers since January')."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="that the number is real, current and relevant to this reader",
)
