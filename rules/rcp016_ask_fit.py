"""Ask fit: a big ask at first touch, or a token gift followed by a large ask.

## What it does
Flags two mismatches between what the reader has given and what the copy asks of them:

- **Premature** ask: a first-touch message ("Welcome to the list!", "Thanks for downloading the
  e-book", or metadata `funnel_stage: first_touch`) that already asks for a purchase, an
  upgrade, an annual plan or a sales demo, or for a donation of `min_large_ask` (default 100)
  or more.
- **Unequal exchange**: a token gift (a sticker, a bookmark, address labels, a checklist, a
  template, an e-book) followed within three sentences by an ask of `min_large_ask` or more, a
  recurring or annual commitment, or an ask at least 20 times the gift's stated value.

It stays quiet when the copy shows the reader asked for it ("based on the needs you shared",
"as you requested", "you asked about pricing"), and the premature check stays quiet when
`funnel_stage` says the reader is past first touch. The finding is info; it becomes a warning
when the same message also rushes the reader after the gift (RCP017's condition), because then
the ask is both premature and rushed.

## Why is this bad?
The seed model's first pitfall is "premature giving: feels manipulative if unrelated to the
buyer's stage; wait until need is articulated", and its third stage is "make a proportional ask".
A small favour can prompt a disproportionately large return (Cialdini's "unequal exchanges"):
a sticker followed by a request for $250 a month leans on the obligation the gift created rather
than on the reader's interest. Stage fit needs funnel context that copy rarely shows, so the rule
advises rather than blocks.

## Example
```text
Thanks for downloading the e-book. Book a 60-minute demo with our enterprise team.
We've included a free bookmark with this letter. Will you pledge $250 a month?
```

## Use instead
```text
Thanks for downloading the e-book. If chapter 3 raised questions, reply and we'll point you to
the case study that covers them.
```

## Corrective action
Match the ask to where the reader is. After a first download, offer a helpful next step (a
related guide, a short reply) rather than a purchase or a large gift. Make big asks only after
the reader has expressed a need.

## References
- Seed pitfall "Premature giving: feels manipulative if unrelated to buyer's stage; wait until
  need is articulated"; Stage 3 "make a proportional ask: keep asks relevant and voluntary".
- Seed "unequal exchanges"; Cialdini, *Influence* (a small favour can produce a larger return).
- Catalogue RCP016 (options `min_large_ask`, metadata `funnel_stage`); §6 (co-fires with RCP017
  by design: premature and rushed).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.model import Severity
from linter.rule import Rule
from linter.senses import asks, offered_premiums
from linter.view import Cue, DocView, Hit, Sentence

from .rcp017_gift_then_urgency import gift_phrase, gift_urgency_pairs

DEFAULT_MIN_LARGE_ASK = 100.0
UNEQUAL_WINDOW = 3  # S0..+3 after the token gift
UNEQUAL_RATIO = 20.0
FIRST_TOUCH_OPENING = 2  # a welcome line opens the message: body sentences 0..2
LATER_STAGES = frozenset({"nurture", "decision", "customer", "donor_renewal"})

_TOKEN_GIFT = (
    "(sticker|stickers|bookmark|bookmarks|pen|pens|magnet|magnets|keychain|keychains|calendar|"
    "calendars|notepad|notepads|checklist|checklists|template|templates|ebook|ebooks|pdf|"
    "wallpaper|wallpapers|decal|decals|labels|postcard|postcards)"
)

PATTERNS = {
    "RCP016.FIRST_TOUCH": (
        "welcome (to|aboard|!|,)",
        "(thanks|thank you) for (signing up|signing - up|subscribing|downloading|registering|"
        "opting in|requesting the)",
        "(thanks|thank you) for joining (the|our|my) ~2 (list|newsletter|community|team|club|"
        "family|movement|program|course)",
        "(here 's|here is) (your|the) free? (guide|checklist|download|template|e - book|ebook|"
        "toolkit|workbook|copy|pdf)",
        "nice to meet you",
        "you 're (in !|on the list)",
    ),
    # Commercial asks (catalogue: buy, upgrade, annual plan, book a demo), as requests.
    "RCP016.SELL": (
        "(upgrade|subscribe|switch) to",
        "(upgrade|buy|purchase|subscribe|order|shop) (now|today|here)",
        "(buy|purchase|order) (your|the|a|an|our|this|it|pro|premium)",
        "(book|schedule) (a|an|your) ~3 (call|demo|meeting|consultation|walkthrough)",
        "start (your|a) paid? (plan|subscription|membership)",
        "add to (cart|basket|bag)",
        "place your first? order",
    ),
    # A paid plan named next to its price ("our annual plan is 40% off") is a sales ask too.
    "RCP016.PLAN": (
        "(annual|yearly|pro|premium|paid|enterprise|lifetime) (plan|subscription|membership|tier|"
        "license|licence)",
    ),
    "RCP016.TOKEN_GIFT": (_TOKEN_GIFT, "address labels", "e - book", "e - books"),
    "RCP016.RECURRING": (
        "(a|per|every|each) (month|year)",
        "(monthly|annual|annually|yearly|recurring|sustainer|sustaining)",
        "/ (mo|month|yr|year)",
    ),
    "RCP016.GIFT_VALUE": ("(a|an) MONEY value", "(worth|valued at|value of) MONEY"),
    "RCP016.QUESTION_ASK": (
        "(will|would|can|could) you (please)? (give|donate|pledge|chip in|pitch in|contribute|"
        "commit|become|join|support|send|rush|make|consider|renew|sign up|upgrade|buy)",
        "please (give|donate|pledge|consider|contribute|chip in|pitch in)",
    ),
    "RCP016.NEED_STATED": (
        "based on (the needs|the goals|the challenges|what) you (shared|told us|mentioned|"
        "described|said)",
        "as (you )?requested",
        "you asked (about|for)",
        "(following|per) (up on )?your request",
        "as (we )?discussed",
    ),
}

# "welcome to" after these is an invitation ("you're welcome to join"), not a first touch.
_WELCOME_NOT_GREETING = frozenset(
    {"'re", "are", "is", "be", "always", "very", "more", "most", "re"}
)


@dataclass
class _Finding:
    ask: Cue
    message: str
    evidence: list[tuple[str, Cue | Sentence]]


def _min_large_ask(view: DocView) -> float:
    raw = view.meta("min_large_ask", DEFAULT_MIN_LARGE_ASK)
    try:
        return float(raw)
    except (TypeError, ValueError):
        return DEFAULT_MIN_LARGE_ASK


def _first_touch(view: DocView) -> Cue | None:
    """A welcome or first-download line opening the message (or in the email subject)."""
    body = [c for c in view.cues("RCP016.FIRST_TOUCH") if c.sent.index <= FIRST_TOUCH_OPENING]
    for cue in view.cues("RCP016.FIRST_TOUCH", subject=True) + body:
        lw = cue.sent.lowers or []
        if lw[cue.start] == "welcome":
            prev = lw[cue.start - 1] if cue.start > 0 else ""
            if prev in _WELCOME_NOT_GREETING:
                continue
            if cue.lowers[-1] in ("!", ",") and cue.start > 2:
                continue  # "Welcome," greets only at the start of a sentence
        if not view.negated(cue):
            return cue
    return None


def _is_request(view: DocView, cue: Cue) -> bool:
    """The sales verb asks the reader ("Book a demo", "upgrade today", "ready to buy your ...")
    rather than reporting ("trying to buy this seat", "the requirement to purchase a meal")."""
    if view.negated(cue):
        return False
    lw = cue.sent.lowers or []
    before = [w for w in lw[: cue.start] if w.isalnum() or w in ("'ll", "'d")]
    if not before or before[-1] in _OPENERS:
        return True
    prev = before[-1]
    prev2 = before[-2] if len(before) > 1 else ""
    if prev == "to":
        return prev2 in _INVITING_TO
    if prev == "you":
        return prev2 in _IF_YOU
    return prev in _MODAL_BEFORE


# Words after which a sales verb starts a request ("please upgrade", "and book a call").
_OPENERS = frozenset("please so then now today just simply and or go ps p.s here click tap".split())
_INVITING_TO = frozenset(
    """ready want like love sure time chance here click tap how invite invited encourage urge
    ask asking wait forget""".split()
)
_IF_YOU = frozenset("if when once can could will would should do".split())
_MODAL_BEFORE = frozenset({"'ll", "'d", "can", "could", "will", "would", "should"})


def _free_subscription(cue: Cue) -> bool:
    """ "Subscribe to our other newsletters", "the newsletters you want to subscribe to": a free
    subscription asks for attention, not money."""
    if cue.lowers[0] not in ("subscribe", "switch"):
        return False
    lw = cue.sent.lowers or []
    near = lw[max(0, cue.start - 6) : cue.start] + lw[cue.end : cue.end + 5]
    return any(w in _FREE_FOLLOWS for w in near)


_FREE_FOLLOWS = frozenset(
    "newsletter newsletters list lists updates alerts channel podcast blog feed digest".split()
)


def _sales_asks(view: DocView) -> list[Cue]:
    out = [
        c for c in view.cues("RCP016.SELL") if _is_request(view, c) and not _free_subscription(c)
    ]
    for plan in view.cues("RCP016.PLAN"):
        if view.in_sentence(plan.sent, "MONEY", "PERCENT", "PERCENT_OFF", "RCP016.SELL"):
            out.append(plan)
    return sorted(out, key=lambda c: (c.sent.index, c.start))


def _ask_amounts(view: DocView, lo: int, hi: int) -> list[tuple[float, Cue]]:
    """MONEY that the reader is asked for: after a donation or sales ask in the same sentence
    ("chip in $25", "will you pledge $250 a month?"), not "we'll give you $750 a day"."""
    ask_cues = [c for c in asks(view) if lo <= c.sent.index <= hi and not _we_give(c)]
    ask_cues += view.cues("RCP016.QUESTION_ASK", lo=lo, hi=hi)
    out = []
    for v, m in view.amounts_in(lo, hi):
        if _is_gift_value(view, m):
            continue
        if any(a.sent is m.sent and a.start < m.start for a in ask_cues):
            out.append((v, m))
    return out


def _we_give(cue: Cue) -> bool:
    """ "we'll give you", "I will give": the sender gives, the reader is not asked."""
    lw = cue.sent.lowers or []
    before = lw[max(0, cue.start - 2) : cue.start]
    return bool({"we", "i"} & set(before)) or before[-1:] in (["'ll"], ["will"])


def _large_ask(view: DocView, floor: float, lo: int, hi: int) -> Cue | None:
    """The smallest amount asked for in lo..hi, when even that is `floor` or more.

    "Chip in $25, $50 or $100" asks for $25 (the reader picks), so only the lowest option
    decides whether the ask is large.
    """
    amounts = _ask_amounts(view, lo, hi)
    if not amounts:
        return None
    value, money = min(amounts, key=lambda vm: (vm[0], vm[1].sent.index, vm[1].start))
    return money if value >= floor else None


def _is_gift_value(view: DocView, money: Cue) -> bool:
    return any(
        v.start <= money.start < v.end for v in view.in_sentence(money.sent, "RCP016.GIFT_VALUE")
    )


def _premature(view: DocView, floor: float) -> Iterator[_Finding]:
    stage = str(view.meta("funnel_stage", "") or "").lower()
    if stage in LATER_STAGES:
        return
    touch = _first_touch(view)
    if touch is None and stage != "first_touch":
        return
    touch_note = f'("{_q(touch.text)}")' if touch is not None else "(funnel_stage: first_touch)"
    evidence: list[tuple[str, Cue | Sentence]] = [("first touch", touch)] if touch else []
    sells = _sales_asks(view)
    if sells:
        sell = sells[0]
        yield _Finding(
            sell,
            f'"{_q(sell.text)}" is a sales ask in a first-touch message {touch_note}.',
            evidence,
        )
        return
    money = _large_ask(view, floor, 0, len(view.sentences) - 1)
    if money is not None:
        ask = _ask_in(view, money.sent)
        yield _Finding(
            money,
            f"A {_q(money.text)} ask in a first-touch message {touch_note} is large for a reader "
            "who has only just arrived.",
            evidence + ([("ask", ask)] if ask else []),
        )


def _ask_in(view: DocView, sent: Sentence) -> Cue | None:
    for c in asks(view):
        if c.sent is sent:
            return c
    return None


def _token_gifts(view: DocView) -> Iterator[tuple[Cue, Cue]]:
    """(premium offer, token-gift noun) pairs: a sticker, a bookmark, a checklist ... given."""
    for p in offered_premiums(view):
        tokens = view.in_sentence(p.cue.sent, "RCP016.TOKEN_GIFT")
        if tokens:
            yield p.cue, tokens[0]


def _unequal(view: DocView, floor: float) -> Iterator[_Finding]:
    for offer, token in _token_gifts(view):
        lo, hi = offer.sent.index, offer.sent.index + UNEQUAL_WINDOW
        gift = gift_phrase(offer)
        evidence: list[tuple[str, Cue | Sentence]] = [("gift", offer), ("token gift", token)]
        gift_values = [v for v, m in view.amounts(offer.sent) if _is_gift_value(view, m)]
        money = _large_ask(view, floor, lo, hi)
        if money is None and gift_values:
            money = _large_ask(view, min(gift_values) * UNEQUAL_RATIO, lo, hi)
        if money is not None:
            yield _Finding(
                money,
                f'A {_q(money.text)} ask follows a token gift ("{gift}"): the exchange is unequal.',
                evidence,
            )
            return
        for rec in view.cues("RCP016.RECURRING", lo=lo, hi=hi):
            if rec.sent is offer.sent and rec.start < offer.start:
                continue
            ask = _ask_in(view, rec.sent) or _sell_in(view, rec.sent)
            if ask is None and not view.in_sentence(rec.sent, "RCP016.QUESTION_ASK"):
                continue
            yield _Finding(
                rec,
                f'A recurring or annual commitment ("{_q(rec.text)}") is asked right after a token '
                f'gift ("{gift}"): the exchange is unequal.',
                evidence + ([("ask", ask)] if ask else []),
            )
            return


def _sell_in(view: DocView, sent: Sentence) -> Cue | None:
    found = [c for c in _sales_asks(view) if c.sent is sent]
    return found[0] if found else None


def check(view: DocView) -> Iterator[Hit]:
    if view.cues("RCP016.NEED_STATED"):
        return
    floor = _min_large_ask(view)
    rushed = bool(gift_urgency_pairs(view))
    severity = Severity.WARNING if rushed else Severity.INFO
    reported: set[int] = set()
    for found in (*_premature(view, floor), *_unequal(view, floor)):
        if found.ask.sent.index in reported:
            continue
        reported.add(found.ask.sent.index)
        message = found.message
        if rushed:
            message += " The same message also rushes the reader after the gift (RCP017)."
        yield Hit.at(
            found.ask,
            severity,
            message,
            evidence=found.evidence,
            checked=[
                "no need-articulated cue ('as you requested', 'based on what you shared')",
                f"large ask threshold min_large_ask = {floor:g}",
            ],
        )


def _q(text: str) -> str:
    """Copy quoted in a message, on one line ("If you donate\njust €5" -> "If you donate just €5")."""
    return " ".join(text.split())


RULE = Rule(
    code="RCP016",
    name="ask-fit",
    summary="A big ask at first touch, or a token gift followed by a large ask",
    family="C",
    severity=Severity.INFO,
    scope="DOC",
    pitfall="Premature giving",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "Seed pitfall: Premature giving",
        "Seed Stage 3: make a proportional ask",
        "Seed: unequal exchanges (Cialdini, Influence)",
    ),
    corrective=(
        "Match the ask to where the reader is. After a first download, offer a helpful next step "
        "(a related guide, a short reply) rather than a purchase or a large gift. Make big asks "
        "only after the reader has expressed a need."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
