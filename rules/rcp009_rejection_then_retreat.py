"""Rejection-then-retreat (door-in-the-face): a big ask, then a "smaller" one as a concession.

## What it does
Flags a retreat ("if that's too much", "if you can't give $50", "even $5 helps", "how about just
the starter plan", "since you passed on it", "if not, at least ...") that follows a larger ask in
the previous six sentences: a bigger amount, or a large commitment such as a monthly gift, an
annual or enterprise plan, hosting, volunteering or running for office. That sequence is a
warning. A retreat on its own, or after an ask of no stated size, is info (catalogue §7 A6),
and so is a fall-back from a large non-monetary ask to a donation ("If you can't make it,
please consider chipping in"). Amount menus shown together ("$10, $25, or $100") are the fix,
not the problem, and do not fire.

## Why is this bad?
Cialdini et al. (1975) showed that a refused extreme request followed by a smaller one raises
compliance (50% against 16.7%), because the retreat reads as a concession the reader should
reciprocate. When the first ask is staged to be refused, the reader is being played; and the
tactic only works "as long as it is not viewed to be a transparent trick", so readers who notice
it stop trusting the sender. Whether the first ask was staged is a judgement for a human
reviewer, which is why this is never an error.

## Example
```text
Will you become a $100-a-month sustainer? If that's too much right now, could you give just $10
today?
We hoped you'd join the Enterprise plan. Since you passed on it, how about just the $19 starter
plan?
```

## Use instead
```text
Choose the amount that works for you: $10, $25, $50 or $100 a month. Every level keeps the
newsroom independent.
```

## Corrective action
Lead with the ask you actually want, and show the options together (e.g., $10 / $25 / $50, or
Basic / Pro). Don't stage a big ask designed to be refused so that a smaller one feels like a
concession.

## References
- Cialdini, Vincent, Lewis, Catalan, Wheeler & Darby (1975), "Reciprocal Concessions Procedure
  for Inducing Compliance: The Door-in-the-Face Technique", JPSP 31(2):206-215.
- Cialdini, *Influence*: a concession works "as long as it is not viewed to be a transparent
  trick".
- Seed: "rejection-then-retreat / large-then-smaller requests"; Stage 3 "make a proportional
  ask".
- Catalogue RCP009; §5.6 ("just $10" is a retreat only after a larger ask); §7 A6 (retreats
  without a stated larger amount; fall-backs from volunteering or attending to a donation).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import asks, offered_premiums
from linter.view import Cue, DocView, Hit, Sentence

LOOKBACK = 6  # S-6..-1
OPENING_WORDS = 2  # words allowed before an opening "If you donate just €5"

PATTERNS = {
    # Retreats that carry their own smaller ask ("even $5 helps", "a smaller gift").
    "RCP009.RETREAT_SELF": (
        "even (just)? (a|an)? MONEY ~2 (helps|makes|would|will|counts|matters|goes|can|does|is)",
        "(a)? smaller (gift|amount|plan|commitment|donation|contribution|pledge|package)",
        "would you consider (just|a smaller|instead)",
        "would you consider (giving|donating|pledging|chipping in)? MONEY",
        "(if you)? (ca n't|can not|cannot) (do|swing|manage|afford|give|spare|donate|chip in|pledge) "
        "MONEY",
    ),
    # "If you donate just €5, ..." opening a sentence minimises the ask (§7 A6).
    "RCP009.JUST_IF": (
        "if you (donate|give|chip in|contribute|pitch in|gave|donated|give us) (just|only) "
        "(a|an)? MONEY",
    ),
    # Retreats that need a smaller ask at or after them (S0..+1).
    "RCP009.RETREAT": (
        "if (that 's|that is|it 's|it is|this is|that 'd be|that would be|that feels|it feels) "
        "(too much|too steep|too high|too big|a stretch|out of reach|more than you can|a lot)",
        "if (MONEY|that amount|that) (is|feels|seems) (too much|too steep|out of reach|a "
        "stretch|a lot|like a lot|like too much)",
        "if you (ca n't|can not|cannot|are unable to|'re unable to|'re not able to|are not able "
        "to) (give|do|manage|afford|spare|swing|chip in|donate|contribute|commit|pledge)",
        "if you (are|'re) not ready",
        "not ready (to|for) (commit|upgrade|buy|give|donate|subscribe|go|the|a|that|this)",
        "(since|because|as) you (passed|declined|said no|did n't|have n't|turned (it|us|that) "
        "down)",
        "(could|can|would|will) you (at least|instead)",
        "(how|what) about (just|only|starting|a smaller|instead)",
        "if not ,? (even|just|at least|instead|maybe|perhaps|could|can|would|will|how)",
        "if ~5 (is n't|is not|isn't|are n't|are not) (for you|your thing)",
        "(the)? next best thing",
    ),
    # §7 A6: falling back from a large non-monetary ask to a donation.
    "RCP009.FALLBACK": (
        "if you (ca n't|can not|cannot|are unable to|'re unable to) (make it|attend|join us|"
        "join|be there|come|volunteer|host|run|make the)",
        "if you (are|'re) not able to (make it|attend|join|be there|come|volunteer|host)",
    ),
    "RCP009.ASK": (
        "(could|can|would|will) you",
        "(please|consider|try|start with|pitch in|help us)",
        "(we|i) (hoped|hope|'d love|were hoping|would love|wanted) (you|for you)",
        "(join|become|host|volunteer|run|attend|sign up|upgrade|commit)",
        "support (us|our|the|this|a|them|him|her|candidates)",
    ),
    "RCP009.REASSURE": (
        "(do n't|do not) worry",
        "no (worries|problem)",
        "(we|i) (completely|totally|fully|truly|really)? (understand|get it)",
        "(that 's|that is|it 's|it is) (okay|ok|fine|alright|all right|completely fine)",
    ),
    # An amount that is the sender's target, not what the reader is asked for.
    "RCP009.GOAL": (
        "(raise|raised|raising|goal|reach|hit|short|away|budget|target|need to raise)",
    ),
    "RCP009.LARGE_COMMIT": (
        "(every|each|a|per) (month|year)",
        "a - (month|year)",
        "(monthly|annual|annually|yearly|sustainer|sustaining|enterprise|premium|lifetime)",
        "for a year",
        "NUM - (day|week|month)",
        "(volunteer|volunteering|host|hosting|attend|run for office|run for|knock doors|phone "
        "bank|canvass|canvassing)",
    ),
}

_SMALL_ASK_LABELS = ("MONEY", "ASK_SOFT", "RCP009.ASK", "GIFT_DONATION")


def _asks_near(view: DocView, cue: Cue) -> list[Cue]:
    """The smaller ask the retreat leads to: after the cue in S0, else in S+1.

    A reassurance closing the retreat clause ("if you can't contribute, don't worry") ends the
    search: what follows it is not a fall-back ask. "the next best thing" must lead to its ask
    in the same sentence ("the next best thing you can do is support ...").
    """
    lo, hi = view.window(cue, 0, 1)
    found = [c for c in asks(view) if lo <= c.sent.index <= hi]
    found += view.cues(*_SMALL_ASK_LABELS, lo=lo, hi=hi)
    reassure = [
        r.start for r in view.in_sentence(cue.sent, "RCP009.REASSURE") if r.start >= cue.end
    ]
    stop = min(reassure) if reassure else None
    here = [
        c
        for c in found
        if c.sent is cue.sent and c.start >= cue.end and (stop is None or c.start < stop)
    ]
    if here or "best" in cue.lowers or stop is not None:
        return here
    return [c for c in found if c.sent.index > cue.sent.index]


def _donation_ask_near(view: DocView, cue: Cue) -> Cue | None:
    lo, hi = view.window(cue, 0, 1)
    for c in asks(view):
        if lo <= c.sent.index <= hi and (c.sent.index > cue.sent.index or c.start >= cue.end):
            return c
    return None


def _retreat_amount(view: DocView, cue: Cue) -> float | None:
    """The smaller amount: in S0 from the cue on, else in S+1."""
    here = [v for v, m in view.amounts(cue.sent) if m.end > cue.start]
    if here:
        return min(here)
    nxt = view.sentence(cue.sent.index + 1)
    if nxt is not None:
        later = [v for v, _ in view.amounts(nxt)]
        if later:
            return min(later)
    return None


def _prior_region(view: DocView, cue: Cue) -> list[tuple[Sentence, int]]:
    """(sentence, token limit) pairs: S-6..-1 whole, and S0 up to the retreat cue."""
    lo = max(0, cue.sent.index - LOOKBACK)
    out = [(view.sentences[i], 10**9) for i in range(lo, cue.sent.index)]
    out.append((cue.sent, cue.start))
    return out


def _ask_in(view: DocView, sent: Sentence, limit: int) -> Cue | None:
    for c in asks(view):
        if c.sent is sent and c.start < limit:
            return c
    for c in view.in_sentence(sent, "RCP009.ASK", "GIFT_DONATION"):
        if c.start < limit:
            return c
    return None


def _larger_prior_ask(view: DocView, cue: Cue) -> tuple[Cue, str] | None:
    """A larger earlier ask: a bigger amount, or a large commitment in an ask sentence."""
    amount = _retreat_amount(view, cue)
    for sent, limit in reversed(_prior_region(view, cue)):
        if not sent.tokenized:
            continue
        ask = _ask_in(view, sent, limit)
        if ask is None:
            continue
        if amount is not None:
            for value, money in view.amounts(sent):
                if money.start < limit and value > amount and not _is_goal(view, money):
                    return money, f"{_q(money.text)} asked first"
        for big in view.in_sentence(sent, "RCP009.LARGE_COMMIT"):
            if big.start < limit:
                return big, f'"{_q(big.text)}" asked first'
    return None


def _is_goal(view: DocView, money: Cue) -> bool:
    """ "help us raise $10,000", "$2,000 short of our goal": a target, not the reader's ask."""
    return any(
        money.start - 3 <= g.start <= money.end + 2
        for g in view.in_sentence(money.sent, "RCP009.GOAL")
    )


def _any_prior_ask(view: DocView, cue: Cue) -> Cue | None:
    for sent, limit in reversed(_prior_region(view, cue)):
        if sent.tokenized:
            ask = _ask_in(view, sent, limit)
            if ask is not None:
                return ask
    return None


def _escalates(view: DocView, cue: Cue) -> bool:
    """ "$5, $10, or even $20": "even" tops a menu of amounts shown together; not a retreat."""
    amount = _retreat_amount(view, cue)
    return amount is not None and any(
        v < amount for v, m in view.amounts(cue.sent) if m.end <= cue.start
    )


def _minimising_if(view: DocView, cue: Cue) -> bool:
    """ "If you donate just €5, ..." opening a sentence, not the condition of a main clause or
    the price of a premium ("activate your card today if you contribute just $35")."""
    if any(c.sent is cue.sent for c in _premium_cues(view)):
        return False
    # at most a connective or a template placeholder before it ("So,", "P.S.", "{VAR}")
    before = [w for w in (cue.sent.lowers or [])[: cue.start] if w.isalnum()]
    return len(before) <= OPENING_WORDS


def _premium_cues(view: DocView) -> list[Cue]:
    return [p.cue for p in offered_premiums(view)]


def _quote(view: DocView, cue: Cue) -> str:
    """The retreat as quoted in messages: "even $5", not "even $5 makes"."""
    end = cue.char_span[1]
    if cue.lowers[0] == "even":
        money = [m for m in view.in_sentence(cue.sent, "MONEY") if cue.start <= m.start < cue.end]
        if money:
            end = money[0].char_span[1]
    return " ".join(cue.sent.block.text[cue.char_span[0] : end].split())


def _candidates(view: DocView) -> Iterator[Cue]:
    labels = ("RCP009.RETREAT_SELF", "RCP009.JUST_IF", "RCP009.RETREAT", "RCP009.FALLBACK")
    # at one start, the longest retreat first ("If you can't donate $50", not "If you can't donate")
    for cue in sorted(view.cues(*labels), key=lambda c: (c.sent.index, c.start, -c.end)):
        if cue.lowers[0] == "even" and _escalates(view, cue):
            continue
        if cue.label == "RCP009.JUST_IF" and not _minimising_if(view, cue):
            continue
        if cue.label == "RCP009.RETREAT" and not _asks_near(view, cue):
            continue  # "if you're not ready, that's fine": no smaller ask follows
        if cue.label == "RCP009.FALLBACK" and _donation_ask_near(view, cue) is None:
            continue  # "If you can't make the webinar, we'll send the recording"
        yield cue


def check(view: DocView) -> Iterator[Hit]:
    """One finding per retreat sentence."""
    seen: set[int] = set()
    for cue in _candidates(view):
        if cue.sent.index in seen or cue.sent.index - 1 in seen:
            continue  # "... isn't for you? The next best thing ..." is one retreat
        seen.add(cue.sent.index)
        # §7 A6: a fall-back from attending or volunteering to a donation is info.
        larger = None if cue.label == "RCP009.FALLBACK" else _larger_prior_ask(view, cue)
        if larger is not None:
            prior, note = larger
            yield Hit.at(
                cue,
                Severity.WARNING,
                f'"{_quote(view, cue)}" retreats to a smaller ask after a larger one ({note}): '
                "a staged concession.",
                evidence=[("larger ask", prior)],
                checked=["larger prior ask in S-6..0 (amount or large commitment)"],
                verify="whether the first, larger ask was meant to be refused",
            )
            continue
        prior_ask = _any_prior_ask(view, cue)
        if cue.label == "RCP009.FALLBACK":
            message = (
                f'"{_quote(view, cue)}" falls back from a large ask (attending, volunteering) to a '
                "donation, which reads as a concession."
            )
        else:
            message = (
                f'"{_quote(view, cue)}" frames the ask as a step down, a concession the reader '
                "is expected to return."
            )
        yield Hit.at(
            cue,
            Severity.INFO,
            message,
            evidence=[("earlier ask", prior_ask)] if prior_ask is not None else [],
            checked=["no larger amount or large commitment asked in S-6..0"],
        )


def _q(text: str) -> str:
    """Copy quoted in a message, on one line ("If you donate\njust €5" -> "If you donate just €5")."""
    return " ".join(text.split())


RULE = Rule(
    code="RCP009",
    name="rejection-then-retreat",
    summary="A big ask followed by a 'smaller' one framed as a concession (door-in-the-face)",
    family="B",
    severity=Severity.WARNING,
    scope="S-6..0",
    pitfall="Rejection then retreat",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "Cialdini et al. 1975, door-in-the-face (JPSP 31(2):206-215)",
        "Cialdini, Influence: concessions and the 'transparent trick'",
        "Seed: rejection-then-retreat",
        "Catalogue §7 A6",
    ),
    corrective=(
        "Lead with the ask you actually want, and show the options together (e.g., $10 / $25 / "
        "$50, or Basic / Pro). Don't stage a big ask designed to be refused so that a smaller "
        "one feels like a concession."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
