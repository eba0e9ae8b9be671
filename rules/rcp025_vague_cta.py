"""Vague or missing call to action: every ask is "click here" or "learn more", or there is none.

## What it does
Judges the whole document (catalogue §7 A11). It fires when every call to action in marketing
or fundraising copy is generic ("Click here", "Learn more", "Join the movement", "Donate here",
"Please help"), reported at the first one as a **warning**, or when the copy has no call to
action at all, reported at the first sentence as **info** (judged only on copy of four
sentences or more: a heading and a line are a fragment, not a whole piece). One specific call to action anywhere
settles it: a step with an amount ("Give $25"), a concrete deadline ("by Friday, May 9"), a
duration ("a 20-minute call"), an outcome ("and we'll send the contract"), a reply keyword
("Reply YES") or a phone number or email address. A generic phrase in the same sentence as a
specific step is specific ("Click here to chip in $15 before midnight").

Calls to action are imperatives at the start of a sentence, button or link ("Book", "Donate",
"Download"), requests ("Will you chip in $10?", "we invite you to donate €5", "please help"),
and the generic phrases of the catalogue. Unsubscribe and opt-out lines are not calls to
action. Copy that is not marketing or fundraising is out of scope: the `plain` and
`ui_strings` channels, an email whose metadata says `is_commercial: false`, and an email with
no offer, price or ask at all (a personal note or a discussion-list post).

## Why is this bad?
A reader who has received something of value and is willing to act still needs to know the
next step. "Click here" and "learn more" hide what the click costs and what happens after it,
which wastes the goodwill the copy built ("Vague CTAs: fails to convert goodwill") and asks
for a commitment the reader cannot size. The seed's Stage 3 asks for a proportional, clear
ask: the reader should be able to weigh it before saying yes.

## Example
```text
We think you'll love what we've built. Click here to learn more.
Together we can change everything. Join the movement!
```

## Use instead
```text
Book a 20-minute call with Priya to see the scheduling demo; you'll get a recording afterward.
Donate $25 to fund one week of tutoring. You'll receive a receipt by email.
```

## Corrective action
Tell the reader exactly what to do next, what it costs and what happens after: "Reply YES and
we'll send the contract", "Book a 20-minute call", "Give $25 to fund a week of tutoring".
Replace "click here" and "learn more".

## References
- Seed pitfall "Vague CTAs — fails to convert goodwill — specify simple next step".
- Seed Stage 3, "make a proportional ask — keep asks relevant and voluntary".
- Catalogue §7 A11 (judged on the whole document; one specific CTA settles it; non-marketing
  copy is out of scope).
- Severity is a warning or info (effectiveness and transparency, not law), so the §6
  jurisdiction downgrades never apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.model import Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, Sentence

PATTERNS = {
    # Catalogue GENERIC_CTA, plus the link and button forms of "click here".
    "RCP025.GENERIC": (
        "(click|tap) (here|below|this link|the link|the button|on the link|on this link)",
        "learn more",
        "find out (more|how)",
        "read more",
        "check (it|this|them) out",
        "see more",
        "more info",
        "let us know",
        "get in touch",
        "reach out",
        "contact us",
        "stay tuned",
        "you know what to do",
        "take action",
        "do your part",
        "join the movement",
        "be (a)? part of (it|this|the movement)",
        "(do n't|don't) wait",
        "(donate|give|sign up|join|act|order|buy|shop) (here|now)",
    ),
    "RCP025.DURATION": (
        "NUM - (minute|min|second|hour|day|week|month)",
        "NUM (minutes|mins|seconds|secs|hours|hrs)",
        "(takes|take|taking) (just|only|less than|under|about|around)? (NUM|a few) (minutes|seconds|mins|secs)",
    ),
    "RCP025.OUTCOME": (
        "and (we 'll|we will|i 'll|i will) (send|match|double|triple|mail|ship|email|call|deliver|"
        "add|reserve|confirm|print|plant|fund|follow up|text|set up|book)",
        "(you 'll|you will) (get|receive|see|hear|have|save|be sent|be added|be entered)",
        "(will|'ll|to) be (matched|doubled|tripled|quadrupled)",
        r"/\d+x/ (matched|match)",
        "(double|triple|quadruple) - matched",
        "(to|will|'ll|can|could|would) (fund|provide|buy|pay for|cover|feed|plant|print|supply|"
        "send) (a|an|one|NUM|two|three)",
        "(will|'ll) (contact|call|email) you",
        "(for|to get|to receive|and get|and receive) (a|your) (free|no - obligation)? ~2 "
        "(quote|quotes|sample|copy|trial|consultation|estimate|report|guide|application|receipt)",
    ),
    # A concrete no-cost action on a named object is a clear next step (reviewers judged
    # petitions, RSVPs and event sign-ups clear): "add your name", "RSVP for Thursday's call".
    "RCP025.CONCRETE_ACTION": (
        "add your (name|signature|voice)",
        "sign (the|our|this|my) ~2 (petition|pledge|letter|card|open letter)",
        "(rsvp|register|sign up|save your spot|save your seat) (for|to) ~4 (event|webinar|call|training|meeting|rally|town hall|session|briefing|class|workshop|phone bank|canvass|celebration|conversation|forum|debate|party|fundraiser)",
        "join us (on|at|this|tomorrow|tonight|next|for a|for our|for the)",
        "(make|find) your (plan|voting plan)",
        "(request|return|drop off|mail) your (ballot|absentee ballot|mail - in ballot)",
    ),
    "RCP025.ASK": ("(pitch|pitching|rush|rushing) in?", "(chip|chipping) in"),
    "RCP025.REPLY_KEYWORD": ('(reply|text|respond) (with)? (the word)? "? ANY',),
    "RCP025.CONTACT": (
        "NUM - NUM - NUM",
        r"\( NUM \) NUM - NUM",
        r"/\d{3}[-.]\d{3}[-.]\d{4}/",
        r"/[\w.+-]+@[\w-]+(\.[\w-]+)+/",
    ),
}

_SPECIFIC_LABELS = (
    "MONEY",
    "PERCENT_OFF",
    "DEADLINE",
    # RCP018's §7 A5 deadline cues ("before our FEC deadline", "by midnight"): a deadline the
    # reader is given, even when RCP018 calls it vague.
    "RCP018.DEADLINE_PUSH",
    "RCP025.DURATION",
    "RCP025.OUTCOME",
    "RCP025.REPLY_KEYWORD",
    "RCP025.CONTACT",
    "RCP025.CONCRETE_ACTION",
)
# Signs that an email is marketing or fundraising (otherwise: a note, a list post, a digest).
_MARKETING_LABELS = (
    "ASK_HIGH",
    "GIFT_DONATION",
    "DONATION_WORD",
    "PERCENT_OFF",
    "FREE_HEAD",
    "GIFT_PREMIUM",
    "URGENCY",
    "SCARCITY",
    "AD_ID",
)
# "No call to action at all" is judged only on copy long enough to be a whole piece.
MIN_SENTENCES_FOR_MISSING = 4
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})
SCOPE = frozenset({"email", "landing", "fundraising_email", "fundraising_page"})

_VERBS = (
    r"book|schedule|reply|download|donate|give|start|buy|order|register|rsvp|choose|add|call|"
    r"sign|claim|get|try|join|chip|pitch|rush|contribute|pledge|subscribe|upgrade|renew|shop|"
    r"enter|visit|click|tap|text|email|apply|request|reserve|grab|make|help|support|send|fill|"
    r"complete|redeem|activate|compare|see|watch|read|learn|find|check|discover|explore|contact|"
    r"tell|share|vote|follow|answer|respond|write|reach|stand|fight|show|become|sponsor|match|"
    r"split|protect|defend|save|use|double|triple|act|go|stay|take a (?:minute|moment|second)"
)
_PREFIX = r"(?:[-*•·>»|:!.\s]|please\s|now\s|so\s|just\s|simply\s|then\s|and\s|or\s|yes,?\s)*"
# An imperative at the start of a sentence, button or link, after an optional vocative name.
_IMPERATIVE = re.compile(
    rf"^\W*(?:(?:hi|hey|hello|dear)\s+)?(?:[A-Z][\w'’-]*,\s+)?{_PREFIX}(?P<cta>(?:{_VERBS})\b(?:\s+(?:in|up|out|now|here))?)",
    re.IGNORECASE,
)
# A request inside the sentence: "will you chip in", "we invite you to donate", "please help".
_REQUEST = re.compile(
    rf"(?P<cta>(?:(?:will|can|could|would|won['’]t)\s+you\s+(?:please\s+)?(?:\w+\s+)?"
    rf"|(?:invite|ask|urge|encourage)\s+you\s+to\s+|please\s+(?:\w+\s+)?|consider\s+)"
    rf"(?:{_VERBS})\b(?:\s+(?:in|up))?)",
    re.IGNORECASE,
)


@dataclass
class CallToAction:
    sent: Sentence
    start: int  # block-relative character offsets
    end: int
    generic_cue: Cue | None = None

    @property
    def text(self) -> str:
        return self.sent.block.text[self.start : self.end]


def _in_scope(view: DocView) -> bool:
    """Marketing or fundraising copy: a page, a fundraising email, or an email that offers,
    sells or asks (a note or a list post with none of these is out of scope, §7 A11)."""
    if view.channel not in SCOPE:
        return False
    if view.channel == "email":
        commercial = view.meta("is_commercial", True)
        if str(commercial).lower() in ("false", "0", "no"):
            return False
        return any(view.cues(label) for label in _MARKETING_LABELS)
    return True


def _calls_to_action(view: DocView) -> list[CallToAction]:
    """Every sentence that asks the reader to do something, in order (one entry each)."""
    unsub = {c.sent.index for c in view.cues("UNSUB")}
    out: list[CallToAction] = []
    for sent in view.sentences:
        if sent.index in unsub:
            continue
        generic = view.in_sentence(sent, "RCP025.GENERIC")
        if generic:
            s, e = generic[0].char_span
            out.append(CallToAction(sent, s, e, generic[0]))
            continue
        text = sent.text
        m = _IMPERATIVE.match(text) or _REQUEST.search(text)
        if m:
            out.append(CallToAction(sent, sent.start + m.start("cta"), sent.start + m.end("cta")))
    return out


def _asks(view: DocView) -> list[Sentence]:
    """Sentences that ask for money or a purchase in any form ("If you donate just €5, ...",
    "You have until midnight to contribute"): their specifics count too (§7 A11)."""
    seen: dict[int, Sentence] = {}
    for cue in view.cues("ASK_HIGH", "GIFT_DONATION", "RCP025.ASK"):
        if cue.label == "ASK_HIGH" and view.negated(cue):
            continue
        if _SECOND_PERSON.isdisjoint(cue.sent.lowers or []):
            continue  # "only a tiny portion of our readers give" describes others, asks nobody
        seen.setdefault(cue.sent.index, cue.sent)
    return list(seen.values())


def _specific(view: DocView, sent: Sentence) -> list[Cue]:
    """Specifics in the ask's sentence or the one before or after it: copy often puts the
    amount on the button under the ask ("Chip in to help." / "CHIP IN $10")."""
    lo, hi = view.window(sent, 1, 1)
    found = []
    for cue in view.cues(*_SPECIFIC_LABELS, lo=lo, hi=hi):
        if cue.label == "RCP025.REPLY_KEYWORD" and not _keyword(cue):
            continue
        found.append(cue)
    return found


def _keyword(cue: Cue) -> bool:
    """'Reply YES' or 'reply "stop"': a capitalised or quoted keyword, not 'reply to this'."""
    texts = cue.sent.texts or []
    word = texts[cue.end - 1]
    quoted = cue.end - 2 >= cue.start and texts[cue.end - 2] in ('"', "“", "'")
    return quoted or (word.isupper() and len(word) >= 2)


def check(view: DocView) -> Iterator[Hit]:
    if not _in_scope(view) or not view.sentences:
        return
    ctas = _calls_to_action(view)
    unsub = {c.sent.index for c in view.cues("UNSUB")}
    for sent in [c.sent for c in ctas] + _asks(view):
        if sent.index not in unsub and _specific(view, sent):
            return  # §7 A11: one specific call to action anywhere settles it
    if ctas:
        first = ctas[0]
        others = len(ctas) - 1
        more = f" (and {others} more like it)" if others else ""
        yield Hit(
            Severity.WARNING,
            f'"{first.text}" is a generic call to action{more}: no step in this copy says what '
            "to do, what it costs or what happens next.",
            first.sent,
            first.start,
            first.end,
            evidence=[("cta", c.generic_cue or c.sent) for c in ctas[1:4]],
            checked=[
                "§7 A11: no call to action with an amount, deadline, duration, outcome, reply "
                "keyword, phone or email anywhere in the document"
            ],
        )
        return
    if len(view.sentences) < MIN_SENTENCES_FOR_MISSING:
        return  # a heading and a line are a fragment (a snippet, a component), not a whole piece
    first_sentence = view.sentences[0]
    yield Hit.at(
        first_sentence,
        Severity.INFO,
        "This copy has no call to action: tell the reader the one next step you want, what it "
        "costs and what happens after.",
        checked=["no imperative, request or generic CTA phrase in the document"],
    )


RULE = Rule(
    code="RCP025",
    name="vague-or-missing-cta",
    summary='Every call to action is generic ("click here", "learn more"), or there is none',
    family="G",
    severity=Severity.WARNING,
    scope="DOC",
    pitfall="Vague CTAs",
    stage="proportional ask",
    guardrail="reversible",
    sources=("Seed pitfall: Vague CTAs", "Seed Stage 3", "Catalogue §7 A11"),
    corrective=(
        "Tell the reader exactly what to do next, what it costs and what happens after: 'Reply "
        "YES and we'll send the contract', 'Book a 20-minute call', 'Give $25 to fund a week of "
        "tutoring'. Replace 'click here' and 'learn more'."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    channels=SCOPE,
)
