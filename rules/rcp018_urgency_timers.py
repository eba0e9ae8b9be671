"""Vague or unverifiable urgency, countdown timers and deadlines that press for the ask.

## What it does
Flags pressure to decide now: urgency phrases ("Last chance!", "act now", "ends soon", "time is
running out", "don't miss out"), countdown timers ("reserved for 09:59", "ends in 02:14:33",
"3 days left") and, following catalogue §7 A5, deadlines used to press for a gift or purchase
even without an urgency phrase ("chip in before tonight's midnight deadline", "by the end of
the quarter", "in the next 48 hours"). Urgency in an email subject counts too.

Severity follows how checkable the pressure is:
- a countdown timer is a **warning** (timers can reset; the copy cannot show they don't);
- urgency or a deadline push with no concrete deadline (date, weekday, clock time, midnight)
  in the sentence or the ones around it is a **warning** (vague urgency);
- urgency or a deadline push with a concrete deadline is **info**: make sure the deadline is
  real and won't be extended;
- soft fear of missing out ("we'd hate for you to miss out") is **info**.

It stays quiet when the copy says there is no hurry in the same sentence ("no rush", "this isn't
your last chance"), on negated urgency ("not a limited-time offer"; but "don't miss out" stays
urgency, §7 A10), on a narrative "last chance" or "final days" with no offer, ask or imperative
around it (§5.7: "the last chance we had to meet was in May"), on "hurry" in a testimonial or
quote (§5.9: "I was in a hurry and it still fit"), on a clock time that is not a countdown
("doors open at 10:30 am"), and on event and election dates given as information, a bare
"now" or "today" (§7 A5).

## Why is this bad?
Urgency works by cutting the reader's time to think, which is the stage the seed model asks
copy to protect ("allow time for reflection"). When the deadline is false or vague it is also
deceptive: UCPD Annex I No. 7 bans falsely stating that an offer is available only for a very
limited time to elicit an immediate decision, 16 CFR 233.5 bans "limited" offers that are not
limited, the FTC's dark-patterns report names countdown timers on offers that are not really
time-limited, and Mathur et al. found 393 countdown timers (some resetting) and 88 limited-time
messages on shopping sites. Recurring "last chance" fundraising emails are the political-email
version of the same tactic.

## Example
```text
Last chance! This offer ends soon.
Your discount is reserved for 09:59 — complete checkout before it expires.
Chip in $10 before our end-of-quarter deadline. Time is running out!
```

## Use instead
```text
Early-bird pricing ends Friday, March 14 at 11:59 pm ET. After that the price is $49.
Our quarterly report closes on September 30; gifts after that date still count toward the
next one.
```

## Corrective action
Use urgency only for real deadlines, and state them concretely (date, time, time zone). Remove
"act now", "ends soon", resetting timers and "last chance" if the offer will come back.

## References
- UCPD 2005/29/EC Annex I No. 7 (false limited-time claims to elicit an immediate decision).
- 16 CFR 233.5 (a "limited" offer which, in fact, is not limited).
- FTC, *Bringing Dark Patterns to Light* (2022): countdown timers on offers that are not
  actually time-limited.
- Mathur et al. 2019, "Dark Patterns at Scale" (Countdown Timer 393, Limited-time Message 88).
- India CCPA Dark Patterns Guidelines 2023, Annexure 1, "false urgency".
- Mathur et al. 2020/2023, "Manipulative tactics are the norm in political emails" (urgency:
  countdown timers, fake deadlines).
- Seed Stage 2, "allow time for reflection"; catalogue §5.7, §5.9, §7 A5, §7 A10.
- Severities here are warning and info, so the §6 jurisdiction downgrades (which turn
  UCPD-based *errors* into warnings) never change them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.model import Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, Sentence, number_value

PATTERNS = {
    # §7 A5: deadlines that can press for an ask without any urgency phrase.
    "RCP018.DEADLINE_PUSH": (
        "(by|before|until|till|through|ahead of) ~7 deadline",
        "(by|before|until|till|through|ahead of) (midnight|noon|tonight|tomorrow|eod)",
        "(by|before) ~4 (tonight|tomorrow)",
        "(by|before|until|till|through|ahead of) (the)? (end|close) of (the)? (day|week|month|quarter|year|business)",
        "(by|before|until|till|through) ~2 (midnight|noon)",
        r"(by|before|until|till|through) /\d{1,2}(:\d{2})?(am|pm)?/ (am|pm|a.m.|p.m.)?",
        "(by|before|until|through) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        "(in|within) the next (NUM|few|couple of)? (hour|hours|minutes|mins|hrs|days)",
        "within NUM (hours|minutes|mins|hrs|days)",
        "end - of - (the)? (quarter|month|year|day)",
        "end of (the)? (quarter|month|year)",
        "in (just|only) NUM (hours|minutes|days|hrs|mins)",
        "deadline",
        "NUM (hours|days|minutes) (away|from now|to go)",
        "(only|just|mere) (hours|days|minutes) (away|from now|to go)",
    ),
    # Asks and offers that a deadline can press for (besides ASK_HIGH, GIFT_DONATION, MONEY).
    "RCP018.ASK": (
        "(pitch|pitching|pitched|chip|chipping) in",
        "rush",
        "(matched|match|doubled|tripled|quadrupled)",
        "(offer|sale|deal|discount|savings|coupon|promo|promotion|pricing)",
        "(goal|target)",
        "(raise|raising)",
    ),
}

# Words that make an S0 an offer, an ask or an imperative (§5.7: "last chance" needs one).
PUSH_WORDS = frozenset(
    """buy order shop save saving savings get grab claim join enroll book reserve donate
    donating donation give giving gift contribute contribution chip pitch rush pledge support
    help act upgrade subscribe renew download try start redeem activate unlock double triple
    match matched offer sale deal discount price pricing prices coupon code promo off free bonus
    membership ticket tickets seat seats spot spots early-bird % $ € £""".split()
)
# Tokens that may stand before a sentence-initial urgency phrase ("It's your last chance").
_INITIAL_FILLER = frozenset(
    """it 's is this your now and so but today tonight only final — – - : ! * ( [ " ' ” “ >
    | ,""".split()
)
# Urgency cues with a narrative reading: guarded by §5.7.
_NARRATIVE_WORDS = frozenset(
    """chance call day days hours moments minutes minute push stretch countdown next monday
    tuesday wednesday thursday friday saturday sunday tomorrow weekend""".split()
)
_HURRY_BEFORE_OK = frozenset(
    """so please better but and now , ! . : ; — – - * ( [ " ' ” “ > |""".split()
)
_ELECTION_WORDS = frozenset(
    """election elections vote votes voting voter voters polls poll ballot ballots absentee
    mail-in register registration rally debate convention primary caucus townhall""".split()
)
# Voting and event actions: a sentence about them with no money ask is civic information.
_CIVIC_WORDS = frozenset("vote votes voting polls ballot ballots absentee mail-in".split())
# Asks for money or a purchase: with one of these in S0, an election word does not make the
# sentence civic information ("chip in $10 before the polls close").
_MONEY_ASK_LABELS = ("ASK_HIGH", "GIFT_DONATION", "MONEY", "PERCENT_OFF", "RCP018.ASK")
# A "deadline" word is a fundraising or sales deadline when one of these stands before it.
_MONEY_DEADLINE_WORDS = frozenset(
    """fundraising fec quarter quarterly month monthly end match matching donation membership
    offer sale fiscal financial filing reporting midnight critical final last major biggest big
    important crucial""".split()
)
SHORT_DAYS = 7
FAR_MONTHS = 3
FAR_WEEKS = 8
_AMPM = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})
_TIMER_NOT_AFTER = frozenset({"at", "from", "between", "starts", "opens", "doors"})
_ASK_LABELS = ("ASK_HIGH", "GIFT_DONATION", "MONEY", "PERCENT_OFF", "RCP018.ASK")


@dataclass
class Pressure:
    cue: Cue
    severity: Severity
    message: str
    deadline: Cue | None = None
    checked: tuple[str, ...] = ()


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence (the strongest pressure there); repeated buttons once."""
    reported_texts: set[str] = set()
    for subject in (True, False):
        by_sentence: dict[int, list[Pressure]] = {}
        for p in _pressures(view, subject):
            by_sentence.setdefault(p.cue.sent.index, []).append(p)
        for items in by_sentence.values():
            items.sort(key=lambda p: (-_RANK[p.severity], p.cue.start))
            best = items[0]
            key = " ".join(best.cue.sent.text.lower().split())
            if key in reported_texts:
                continue
            reported_texts.add(key)
            evidence: list[tuple[str, Cue]] = []
            if best.deadline is not None:
                evidence.append(("deadline", best.deadline))
            evidence += [("also", p.cue) for p in items[1:]]
            where = _merged(best.cue, [p.cue for p in items[1:]])
            yield Hit.at(
                where,
                best.severity,
                best.message.replace("{quote}", where.text),
                evidence=evidence,
                checked=list(best.checked),
                verify="that the deadline is real and the offer, match or price really ends then",
            )


_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


def _merged(cue: Cue, others: list[Cue]) -> Cue:
    """The cue widened over overlapping cues: "offer ends" + "ends soon" -> "offer ends soon"."""
    start, end = cue.start, cue.end
    for c in sorted(others, key=lambda c: c.start):
        if c.start <= end and c.end >= start:
            start, end = min(start, c.start), max(end, c.end)
    return cue if (start, end) == (cue.start, cue.end) else Cue(cue.label, cue.sent, start, end)


def _pressures(view: DocView, subject: bool) -> Iterator[Pressure]:
    calm = {c.sent.index for c in view.cues("URGENCY_NEGATED", subject=subject)}
    for cue in view.cues("TIMER", subject=subject):
        if cue.sent.index in calm or view.negated(cue) or not _is_countdown(cue):
            continue
        yield Pressure(
            cue,
            Severity.WARNING,
            '"{quote}" is a countdown; timers can reset, so verify the offer really ends '
            "when it says.",
            checked=("no URGENCY_NEGATED in S0",),
        )
    for cue in view.cues("URGENCY", subject=subject):
        if cue.sent.index in calm or view.negated(cue):
            continue
        if not _urgency_counts(view, cue):
            continue
        if _is_soft_fomo(cue):
            yield Pressure(
                cue,
                Severity.INFO,
                '"{quote}" is soft fear-of-missing-out pressure; let the offer stand on its '
                "merits.",
            )
            continue
        deadline = _deadline_near(view, cue)
        if deadline is not None:
            yield Pressure(
                cue,
                Severity.INFO,
                f'"{{quote}}" is tied to a deadline ("{deadline.text}"); verify it is real and '
                "won't be extended.",
                deadline,
                ("concrete DEADLINE in S±1: info",),
            )
        else:
            yield Pressure(
                cue,
                Severity.WARNING,
                '"{quote}" presses for a quick decision with no concrete deadline.',
                checked=("no concrete DEADLINE in S±1", "no URGENCY_NEGATED in S0"),
            )
    for cue in view.cues("RCP018.DEADLINE_PUSH", subject=subject):
        if cue.sent.index in calm or not _deadline_pushes_ask(view, cue):
            continue
        deadline = _deadline_near(view, cue)
        if deadline is not None:
            yield Pressure(
                cue,
                Severity.INFO,
                f'"{{quote}}" uses a deadline ("{deadline.text}") to press for the ask; verify '
                "it is real and won't be extended.",
                deadline,
                ("§7 A5: deadline pressing for an ask", "concrete DEADLINE in S±1: info"),
            )
        else:
            yield Pressure(
                cue,
                Severity.WARNING,
                '"{quote}" presses for the ask with a deadline the reader cannot check '
                "(no date or time).",
                checked=("§7 A5: deadline pressing for an ask", "no concrete DEADLINE in S±1"),
            )


# ---- TIMER ---------------------------------------------------------------------------------
def _is_countdown(cue: Cue) -> bool:
    """A clock token followed by am/pm, or after "at", is a time of day, not a countdown."""
    lw = cue.sent.lowers or []
    for k in range(cue.start, cue.end):
        if ":" in lw[k] and lw[k][:1].isdigit():
            nxt = lw[k + 1] if k + 1 < len(lw) else ""
            prev = lw[k - 1] if k > 0 else ""
            if nxt in _AMPM or lw[k].endswith(("am", "pm")) or prev in _TIMER_NOT_AFTER:
                return False
    return True


# ---- URGENCY -------------------------------------------------------------------------------
def _is_soft_fomo(cue: Cue) -> bool:
    return "hate" in cue.lowers


def _urgency_counts(view: DocView, cue: Cue) -> bool:
    low = cue.lowers
    if low[0] == "hurry":
        return _hurry_is_imperative(cue)
    if _too_far(low):
        return False  # "with just 11 months left" is a campaign horizon, not a rush
    if _civic_information(view, cue.sent):
        return False  # "Today is the last day to register to vote" (§7 A5)
    if "miss" in low and "out" not in low:
        return _offer_or_ask_in(view, cue.sent)  # "Don't miss our town hall" invites
    if "midnight" in low:
        return cue.sent.in_subject or _ask_near(view, cue.sent)  # §7 A5: "at midnight" needs an ask
    if _NARRATIVE_WORDS.intersection(low):
        return _pushes(view, cue)
    return True


def _too_far(low: list[str]) -> bool:
    units = set(low)
    values = [v for v in map(number_value, low) if v is not None]
    if not values:
        return False
    if units & {"year", "years"}:
        return True
    if units & {"month", "months"}:
        return max(values) >= FAR_MONTHS
    if units & {"week", "weeks"}:
        return max(values) >= FAR_WEEKS
    return False


def _hurry_is_imperative(cue: Cue) -> bool:
    """§5.9: "Hurry!" presses the reader; "I was in a hurry" in a testimonial does not."""
    sent = cue.sent
    before_text = sent.block.text[sent.start : cue.char_span[0]]
    if before_text.count('"') % 2 or before_text.count("“") > before_text.count("”"):
        return False  # inside a quotation
    lw = sent.lowers or []
    return cue.start == 0 or lw[cue.start - 1] in _HURRY_BEFORE_OK


def _civic_information(view: DocView, sent: Sentence) -> bool:
    """A sentence about voting, registering or an event, with no ask for money or a purchase."""
    lw = sent.lowers or []
    words = set(lw)
    registering = bool(words & {"register", "registration"}) and "election" in words
    if not (_CIVIC_WORDS & words or registering):
        return False
    return not any(
        not (c.label == "ASK_HIGH" and view.negated(c))
        for c in view.in_sentence(sent, *_MONEY_ASK_LABELS)
    )


def _offer_or_ask_in(view: DocView, sent: Sentence) -> bool:
    return bool(PUSH_WORDS.intersection(sent.lowers or [])) or bool(
        view.in_sentence(sent, *_ASK_LABELS)
    )


def _pushes(view: DocView, cue: Cue) -> bool:
    """§5.7: a narrative-prone phrase counts in a subject, sentence-initially, beside an offer,
    ask or imperative in S0, or with an ask for money or a purchase in S±1."""
    if cue.sent.in_subject:
        return True
    lw = cue.sent.lowers or []
    if all(w in _INITIAL_FILLER for w in lw[: cue.start]):
        return True
    return _offer_or_ask_in(view, cue.sent) or _ask_near(view, cue.sent)


def _deadline_near(view: DocView, cue: Cue) -> Cue | None:
    """A concrete DEADLINE in S±1 (in the subject: the subject line itself)."""
    if cue.sent.in_subject:
        found = view.in_sentence(cue.sent, "DEADLINE")
    else:
        lo, hi = view.window(cue, 1, 1)
        found = view.cues("DEADLINE", lo=lo, hi=hi)
        found.sort(key=lambda c: (abs(c.sent.index - cue.sent.index), c.sent.index, c.start))
    if not found:
        return None
    first = found[0]
    end = first.end
    for c in view.in_sentence(first.sent, "DEADLINE"):
        if end <= c.start <= end + 2:  # "Friday, March 14 at 11:59 pm ET" reads as one deadline
            end = max(end, c.end)
    return first if end == first.end else Cue(first.label, first.sent, first.start, end)


# ---- §7 A5 deadline pushes -------------------------------------------------------------------
def _deadline_pushes_ask(view: DocView, cue: Cue) -> bool:
    lw = cue.sent.lowers or []
    if not _short_horizon(cue) or _civic_information(view, cue.sent):
        return False
    before = lw[max(0, cue.start - 4) : cue.start]
    own_object = cue.lowers + lw[cue.end : cue.end + 2]
    if _ELECTION_WORDS.intersection(own_object) or (
        cue.lowers == ["deadline"] and _ELECTION_WORDS.intersection(before)
    ):
        return False  # election and event dates given as information (§7 A5)
    if cue.lowers == ["deadline"] and _MONEY_DEADLINE_WORDS.intersection(before):
        return True
    return _ask_near(view, cue.sent)


def _short_horizon(cue: Cue) -> bool:
    """ "in the next 48 hours" presses; "due to expire within the next 60 days" informs."""
    low = cue.lowers
    if not {"days", "weeks", "months"} & set(low):
        return True
    values = [number_value(w) for w in low]
    return all(v is None or v <= SHORT_DAYS for v in values)


def _ask_near(view: DocView, sent: Sentence) -> bool:
    if sent.in_subject:
        return bool(view.in_sentence(sent, *_ASK_LABELS))
    lo, hi = view.window(sent, 1, 1)
    for c in view.cues(*_ASK_LABELS, lo=lo, hi=hi):
        if c.label == "ASK_HIGH" and view.negated(c):
            continue
        return True
    return False


RULE = Rule(
    code="RCP018",
    name="vague-urgency-countdown",
    summary="Urgency with no concrete deadline, countdown timers, deadlines pressing for the ask",
    family="D",
    severity=Severity.WARNING,
    scope="S±1",
    pitfall="No time for reflection",
    stage="allow reflection",
    guardrail="truthful",
    sources=(
        "UCPD 2005/29/EC Annex I No. 7",
        "16 CFR 233.5",
        "FTC Bringing Dark Patterns to Light (2022): countdown timers",
        "Mathur et al. 2019, Dark Patterns at Scale",
        "India CCPA Dark Patterns Guidelines 2023 (false urgency)",
        "Catalogue §5.7, §5.9, §7 A5, §7 A10",
    ),
    corrective=(
        "Use urgency only for real deadlines, and state them concretely (date, time, time "
        "zone). Remove 'act now', 'ends soon', resetting timers and 'last chance' if the offer "
        "will come back."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="that the deadline is real and will not be extended",
)
