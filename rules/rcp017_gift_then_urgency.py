"""Gift followed by urgency: a premium and a countdown in the same breath.

## What it does
Flags copy that offers the reader a gift, a free resource or a free service and then, within the
next three sentences, pushes for a quick decision: "hurry", "act now", "ends in 2 hours", a
countdown timer, "only 3 slots left". Free shipping, free plans and free trials are not gifts
(catalogue §5.1) and never trigger it; nor do retail "gift cards" or the reader's own donation
"gift" (§5.2). A line that lifts the pressure ("take your time", "the guide doesn't expire")
in the same window suppresses the finding.

## Why is this bad?
The seed model's second stage is "allow time for reflection: avoid urgency cues". A gift creates
a pull to reciprocate; a deadline in the same message removes the time the reader needs to
decide whether they want what is being asked. Together they compound: the reader acts out of
obligation and haste rather than interest. Whether the deadline itself is true is a separate
question (RCP018 checks it); this rule is about putting pressure right next to the gift.

## Example
```text
Here's your free sizing guide. Hurry, the launch discount ends in 2 hours!
Your complimentary audit is attached. Only 3 consulting slots left this month, so book now.
```

## Use instead
```text
Here's your free sizing guide. Take your time with it. When you're ready, the launch prices
run until Friday, June 6.
```

## Corrective action
After giving something, give the reader time. Remove countdowns and "act now" from the message
that carries the gift. If a real deadline exists, state the date once, in neutral words.

## References
- Seed Stage 2: "Allow time for reflection: avoid urgency cues".
- Catalogue RCP017; §5.1 (free shipping, plans and trials are not gifts), §5.2 ("Gift cards make
  a great last-minute present" is not a gift-then-urgency sequence); §6 (co-fires with RCP012
  and RCP016 by design).
- The truth of a deadline or stock claim is RCP018/RCP019's concern (UCPD Annex I No. 7;
  16 CFR 233.5; FTC "Bringing Dark Patterns to Light", 2022).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.model import Severity
from linter.rule import Rule
from linter.senses import offered_premiums
from linter.view import Cue, DocView, Hit

WINDOW = 3  # S_i..S_i+3

PATTERNS = {
    # Countdown phrasing the shared URGENCY list lacks ("orders close in 24 hours").
    "RCP017.URGENCY": (
        "(close|closes|closing|end|ends|ending|expire|expires|expiring|disappear|disappears) "
        "in (just|only)? (NUM|a|an) (hours|hrs|hour|minutes|mins|minute|days|day)",
        "(is|are|'s|'re) about to (expire|end|close|disappear|run out)",
        "before (it|they|this|the offer) (expire|expires|runs out|run out|disappear|disappears)",
    ),
    # A gift announced in the passive: "you were gifted a free membership".
    "RCP017.GIFTED": (
        "(you were|you 've been|you have been|you 're being|you are being) (gifted|awarded) "
        "(a|an|your|this|one)",
        "(you were|you 've been|you have been|you 're being|you are being) (given|sent) "
        "(a|an|your|this|one) (free|complimentary|gift|bonus|special|exclusive)",
    ),
}

PRESSURE_LABELS = ("URGENCY", "TIMER", "SCARCITY", "RCP017.URGENCY")

# SCARCITY also holds popularity and social proof ("most popular", "others found this helpful"):
# those are RCP019's business and do not rush the reader, so they are not urgency here.
_NOT_PRESSURE_WORDS = frozenset({"helpful", "useful", "popular"})


@dataclass
class GiftUrgency:
    """A premium offer and the first live pressure cue in S_i..S_i+3 after it."""

    offer: Cue
    pressure: Cue


def gift_urgency_pairs(view: DocView) -> list[GiftUrgency]:
    """RCP017's condition, shared with RCP016 (which escalates when it holds). Memoized."""
    return view.memo("RCP017.pairs", _compute_pairs)


def _offers(view: DocView) -> list[Cue]:
    found: list[Cue] = [p.cue for p in offered_premiums(view)]
    seen = {c.sent.index for c in found}
    for cue in view.cues("RCP017.GIFTED"):
        if cue.sent.index not in seen and not view.negated(cue):
            seen.add(cue.sent.index)
            found.append(cue)
    return sorted(found, key=lambda c: (c.sent.index, c.start))


def gift_phrase(cue: Cue, reach: int = 3) -> str:
    """The offer as the reader sees it: the cue plus the words naming the item ("free sizing
    guide", "complimentary travel pouch", "FREE t-shirt"), for quoting in messages."""
    lw = cue.sent.lowers or []
    end = cue.end
    words = 0
    k = cue.end
    while k < len(lw) and words < reach:
        w = lw[k]
        if w == "-" and end == k and k + 1 < len(lw) and lw[k + 1].isalpha():
            k += 1
            continue
        if not w.isalpha() or w in _PHRASE_STOPS:
            break
        words += 1
        k += 1
        end = k
    s, _ = cue.char_span
    _, e = cue.sent.char_span(cue.start, end)
    return " ".join(cue.sent.block.text[s:e].split())


_PHRASE_STOPS = frozenset(
    """this that these those today now tonight for to with in on at by of from and or but so if
    when your our you it is are was be will as before after until while who which""".split()
)


def _is_pressure(view: DocView, cue: Cue) -> bool:
    low = cue.lowers
    if cue.label == "SCARCITY":
        if _NOT_PRESSURE_WORDS.intersection(low) or low[0] == "others" or low == ["in", "stock"]:
            return False
        lw = cue.sent.lowers or []
        if low[-1] == "demand" and cue.end < len(lw) and lw[cue.end].isalpha():
            return False  # "high demand products": the market, not this offer's stock
    if cue.label == "TIMER" and low in (["timer"], ["timers"]):
        return False  # "a free kitchen timer" is a product, not a countdown
    if cue.label == "URGENCY":
        # §5.7: a narrative "last chance" ("the last chance we had to meet") is not pressure.
        lw = cue.sent.lowers or []
        if "chance" in low and cue.start > 0 and lw[cue.start - 1] in ("the", "our", "my"):
            return False
    return not view.negated(cue)


def _compute_pairs(view: DocView) -> list[GiftUrgency]:
    out: list[GiftUrgency] = []
    for offer in _offers(view):
        lo, hi = offer.sent.index, offer.sent.index + WINDOW
        if view.cues("URGENCY_NEGATED", lo=lo, hi=hi):
            continue
        for cue in view.cues(*PRESSURE_LABELS, lo=lo, hi=hi):
            if cue.sent is offer.sent and cue.end <= offer.start:
                continue  # pressure before the gift in the same sentence is not "after"
            if _overlaps(cue, offer) or not _is_pressure(view, cue):
                continue
            out.append(GiftUrgency(offer, cue))
            break
    return out


def _overlaps(a: Cue, b: Cue) -> bool:
    return a.sent is b.sent and a.start < b.end and b.start < a.end


def check(view: DocView) -> Iterator[Hit]:
    """One finding per pressure sentence: several gifts before one countdown are one problem."""
    reported: set[int] = set()
    for pair in gift_urgency_pairs(view):
        p = pair.pressure
        if p.sent.index in reported:
            continue
        reported.add(p.sent.index)
        yield Hit.at(
            p,
            Severity.WARNING,
            f'"{_q(p.text)}" pushes for a quick decision right after a gift ("{gift_phrase(pair.offer)}").',
            evidence=[("gift", pair.offer)],
            checked=[
                "gift is a premium (not free shipping, a free plan or a trial)",
                "no URGENCY_NEGATED phrase ('take your time', 'no rush') in the window",
            ],
            verify="whether any deadline or stock limit stated here is real (RCP018/RCP019)",
        )


def _q(text: str) -> str:
    """Copy quoted in a message, on one line ("If you donate\njust €5" -> "If you donate just €5")."""
    return " ".join(text.split())


RULE = Rule(
    code="RCP017",
    name="gift-then-urgency",
    summary="A gift followed within three sentences by urgency, a countdown or scarcity",
    family="C",
    severity=Severity.WARNING,
    scope="S0..+3",
    pitfall="No time for reflection",
    stage="allow reflection",
    guardrail="optional",
    sources=(
        "Seed Stage 2: allow time for reflection, avoid urgency cues",
        "Catalogue §5.1, §5.2 (what is not a gift)",
    ),
    corrective=(
        "After giving something, give the reader time. Remove countdowns and 'act now' from the "
        "message that carries the gift. If a real deadline exists, state the date once, in "
        "neutral words."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
