"""Service message turned into a hard pitch (a recap or receipt that ends in "act now, 40% off").

## What it does
Flags a message that opens as a service message, in its subject or its first two sentences
("As promised, here are the notes", "Here's your receipt for order #4471", "Recap of our
meeting", "Following up on our call", "Your booking confirmation", "Thanks for joining"), and then
carries at least two hard-sell cues in the rest of the message: urgency ("act now", "before
midnight"), a countdown, a scarcity claim ("only 2 slots left"), a percentage off, a price with a
request to buy, "buy now", "upgrade today / by Friday", "lock in".

A greeting line ("Hi Sam!") does not count as one of the two opening sentences.

The same finding makes the message commercial for the email-envelope rule: a recap that is
mostly a pitch is an advertisement and needs an opt-out, a postal address and an ad label
(RCP028; the two rules co-fire on purpose). `service_turned_commercial(view)` is the helper RCP028
reads.

## Why is this bad?
A recap or a receipt is a favour the reader expects to be exactly that. Turning it into a
countdown sale trades on the goodwill of the service ("we sent you the notes") to slip past the
reader's guard, which is why the seed warns that a follow-up summary reads as manipulative once
its tone turns salesy. Under CAN-SPAM, a message whose transactional or relationship content is
not what it leads with is treated as commercial (16 CFR 316.3(a)(2)).

## Example
```text
As promised, here are the notes from today's call. Upgrade by Friday to lock in 25% off; this
price won't come back.
```

## Use instead
```text
As promised, here are the notes from today's call: three decisions and two open questions.

Separately: if the Pro plan would help with the reporting gap we discussed, here is the price
list. No deadline; reply whenever it suits you.
```

## Corrective action
Keep the recap a recap. If you also want to make an offer, put it after the summary in a clearly
labelled section, in a neutral tone, or send it separately. (Seed pitfall "Hidden quid pro quo":
disclose intent clearly.)

## References
- Seed context table: a sales follow-up summary is "perceived as manipulative if tone is salesy".
- 16 CFR 316.3(a)(2): a message whose transactional or relationship content does not appear, in
  whole or in substantial part, at the beginning of the body is commercial.
- Catalogue §6: RCP024 and RCP028 co-fire (a service message made commercial must carry the
  envelope).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from linter.model import Severity
from linter.rule import ALL_CHANNELS, Rule
from linter.senses import asks
from linter.view import Cue, DocView, Hit, Sentence

_SERVICE_NOUN = (
    "(summary|recap|notes|minutes|recording|receipt|invoice|confirmation|slides|transcript|deck|"
    "agenda|follow - up|takeaways|action items|details)"
)
_SESSION = (
    "(meeting|call|chat|conversation|session|demo|discussion|visit|workshop|webinar|consultation|"
    "appointment|onboarding|kickoff|kick - off|review)"
)
_THEN = (
    "(our|your|today 's|yesterday 's|this morning 's|last week 's|monday 's|tuesday 's|"
    "wednesday 's|thursday 's|friday 's|saturday 's|sunday 's)"
)
_BOOKING = "(order|booking|receipt|invoice|ticket|tickets|reservation|appointment|payment|subscription|shipment|delivery)"

PATTERNS = {
    "RCP024.OPENER": (
        "as promised",
        f"here 's (the|a|your) ~2 {_SERVICE_NOUN}",
        f"here (is|are) (the|a|your) ~2 {_SERVICE_NOUN}",
        f"(recap|summary|notes|minutes|takeaways) (of|from) {_THEN} {_SESSION}?",
        # "the": only with the session named ("minutes of the debate", "takeaways from the poll"
        # are news, not a recap of the reader's own meeting)
        f"(recap|summary|notes|minutes|takeaways) (of|from) the {_SESSION}",
        f"following up on {_THEN} {_SESSION}?",
        f"following up on the {_SESSION}",
        f"your {_BOOKING} (confirmation|details|# NUM|is confirmed|has shipped|has been confirmed|has been shipped|has been received|has been processed|is on its way)",
        f"(receipt|invoice|confirmation) for (your|this)? ~1 {_BOOKING}",
        "(thanks|thank you) for (meeting|the call|joining|your order|your purchase|your booking|your payment|your time|taking the time|chatting|speaking|the chat|the meeting)",
        f"{_BOOKING} (confirmation|confirmed|# NUM)",
        "(great|good|nice|lovely) (meeting|talking|speaking|chatting) (with)? you",
    ),
    "RCP024.HARD": (
        "buy now",
        "(upgrade|upgrading) (today|now|by|before|tonight)",
        "lock in",
        "locks in",
        "(buy|order|upgrade|purchase|shop|grab|add|book|claim|get) ~4 (today|now|tonight)",
        "(this|the) (price|offer|deal|discount) (wo n't|won't|will not|never) (come back|last|return)",
    ),
}

_WH = frozenset("what how why where who everything all".split())
_DETERMINERS = frozenset(
    "your the a an my our this that these those each every per any his her their its".split()
)
HARD_SELL_LABELS = ("URGENCY", "TIMER", "SCARCITY", "PERCENT_OFF", "RCP024.HARD")
MIN_HARD_SELL = 2
OPENING_SENTENCES = 2

_GREETING = re.compile(
    r"^\W*(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b[^.!?]{0,40}[,!:.]?\s*$",
    re.I,
)
# the metadata subject is a plain string (no tokens): the same openers as a regex
_SUBJECT_OPENER = re.compile(
    r"\b(as promised|here['’]s (the|a|your)\b.{0,25}?\b(summary|recap|notes|minutes|recording|"
    r"receipt|invoice|confirmation)|(recap|summary|notes) (of|from) (our|the|your|today|\w+day['’]s)|"
    r"following up on (our|your|the)|your (order|booking|receipt|invoice|ticket|reservation|"
    r"appointment) (confirmation|details|#\s?\d+)|(order|booking) (confirmation|confirmed|"
    r"#\s?\d+)|thanks? (you )?for (meeting|the call|joining|your order))",
    re.I,
)


@dataclass
class Pitch:
    """A service opener and the hard-sell cues that follow it."""

    opener: Cue | None  # None when the opener is only in the metadata subject
    opener_text: str
    hard: list[Cue] = field(default_factory=list)


def _opening_sentences(view: DocView) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in view.sentences:
        if _GREETING.match(sent.text):
            continue
        out.append(sent)
        if len(out) == OPENING_SENTENCES:
            break
    return out


def _service_opener(cue: Cue) -> bool:
    """ "Here's a recap of what we must do together" sums up a plan, not a call or an order."""
    lw = cue.sent.lowers or []
    return not (
        lw[cue.end : cue.end + 1] == ["of"] and cue.end + 1 < len(lw) and lw[cue.end + 1] in _WH
    )


def _opener(view: DocView) -> tuple[Cue | None, str] | None:
    subj = [c for c in view.cues("RCP024.OPENER", subject=True) if _service_opener(c)]
    if subj:
        return subj[0], subj[0].text
    for sent in _opening_sentences(view):
        found = [c for c in view.in_sentence(sent, "RCP024.OPENER") if _service_opener(c)]
        if found:
            return found[0], found[0].text
    subject = view.meta("subject")
    if not view.subject and isinstance(subject, str):
        m = _SUBJECT_OPENER.search(subject)
        if m:
            return None, m.group(0)
    return None


def _hard_sell(view: DocView, opener: Cue | None) -> list[Cue]:
    """Distinct hard-sell cues in the body, overlapping spans merged, the opener excluded."""
    cues: list[Cue] = []
    for c in view.cues(*HARD_SELL_LABELS):
        if c.label in ("URGENCY", "SCARCITY") and view.negated(c):
            continue
        if c.label == "SCARCITY" and c.lowers in (["in", "stock"], ["sold", "out"]):
            continue  # "ships from stock", "sold out" notices in a receipt are not a pitch
        if c.label == "RCP024.HARD" and _noun_use(c):
            continue  # "your order ships today" is a delivery notice, not "order today"
        cues.append(c)
    # a price with a request to buy in the same sentence
    live_asks = asks(view)
    for a in live_asks:
        if view.in_sentence(a.sent, "MONEY"):
            cues.append(a)
    out: list[Cue] = []
    for c in sorted(cues, key=lambda c: (c.index, c.start, -c.end)):
        if opener is not None and c.sent is opener.sent and c.start < opener.end:
            continue
        if out and out[-1].sent is c.sent and c.start < out[-1].end:
            continue  # overlaps the previous cue: one cue ("buy now" and "buy")
        out.append(c)
    return out


def _noun_use(c: Cue) -> bool:
    lw = c.sent.lowers or []
    return c.start > 0 and lw[c.start - 1] in _DETERMINERS


def pitch(view: DocView) -> Pitch | None:
    """The service opener and hard-sell cues, if the message turned into a pitch; memoized."""
    return view.memo("rcp024.pitch", _compute)


def _compute(view: DocView) -> Pitch | None:
    if view.channel not in RULE_CHANNELS:
        return None
    found = _opener(view)
    if found is None:
        return None
    opener, text = found
    hard = _hard_sell(view, opener)
    if len(hard) < MIN_HARD_SELL:
        return None
    return Pitch(opener, text, hard)


def service_turned_commercial(view: DocView) -> bool:
    """True when a service message (recap, receipt, confirmation) carries a hard pitch.

    RCP028 reads this: such a message's primary purpose is commercial (16 CFR 316.3(a)(2)), so
    the email envelope rules apply to it.
    """
    return pitch(view) is not None


def check(view: DocView) -> Iterator[Hit]:
    """One finding per message, at the first hard-sell cue (where the pitch starts)."""
    found = pitch(view)
    if found is None:
        return
    first = found.hard[0]
    cues = ", ".join(f'"{" ".join(c.text.split())}"' for c in found.hard[:4])
    evidence: list[tuple[str, Cue | Sentence]] = []
    if found.opener is not None:
        evidence.append(("service opener", found.opener))
    evidence.extend(("hard sell", c) for c in found.hard[1:4])
    yield Hit.at(
        first,
        Severity.WARNING,
        f'A service message ("{" ".join(found.opener_text.split())}") turns into a hard pitch: '
        f"{cues}.",
        evidence=evidence,
        checked=[
            f"service opener in the subject or the first {OPENING_SENTENCES} sentences",
            f"{len(found.hard)} hard-sell cues in the rest of the message (need {MIN_HARD_SELL})",
        ],
    )


RULE_CHANNELS = ALL_CHANNELS - {"ui_strings"}

RULE = Rule(
    code="RCP024",
    name="service-message-hard-pitch",
    summary="A recap, receipt or confirmation that turns into a hard sales pitch",
    family="F",
    severity=Severity.WARNING,
    scope="DOC",
    pitfall="Hidden quid pro quo",
    stage="give value",
    guardrail="truthful",
    sources=(
        "Seed context table: sales follow-up summary (manipulative if tone is salesy)",
        "16 CFR 316.3(a)(2)",
        "Catalogue §6 (co-fires with RCP028)",
    ),
    corrective=(
        "Keep the recap a recap. If you also want to make an offer, put it after the summary in a "
        "clearly labelled section, in a neutral tone, or send it separately."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    channels=RULE_CHANNELS,
)
