"""Blacklisted aggressive phrasing: exhorting children to buy; "my job depends on your order".

## What it does
Flags the two aggressive practices that EU consumer law bans outright (UCPD Annex I):

- **No. 28, children**: an ad that speaks to children ("Hey kids", "Boys and girls", a sentence
  opening "Kids,") or tells them to get an adult to buy ("ask your mom", "tell your parents",
  "get your dad to", "beg your parents"), with a buying verb ("buy", "order", "get", "grab",
  "pick up") in the same or the next sentence;
- **No. 30, livelihood**: a condition on the reader's purchase ("if you don't", "unless you",
  "if I don't") tied to the trader's job or business ("I'll lose my job", "we'll have to close
  our doors", "my job depends on it", "help me hit my quota"), with an ask in the same or the
  next sentence.

Severity is **error** for traders (the practice is unfair in all circumstances in the EU). In
fundraising copy (`fundraising_email`, `fundraising_page`) a charity is not a trader, so both
become a **warning**: a closure claim must be true and must not be framed as the reader's fault.
When jurisdictions are configured explicitly and none of EU, UK or IN is among them, a trader's
error also becomes a warning (catalogue §6); with no jurisdiction configured the error stands.

## Why is this bad?
Children cannot weigh an ad's intent, so pushing them to nag their parents exploits them; telling
a customer that your livelihood hangs on their order turns a purchase into a rescue the reader is
blamed for skipping. Both pressure instead of persuading, and both break the guardrail that a
reader's choice stays optional.

## Example
```text
Hey kids, ask your mom to order the glow-in-the-dark slime kit today!
If you don't renew this week, I'll lose my job. Please help me hit my quota.
```

## Use instead
```text
Parents: the slime kit is non-toxic and designed for ages 6-9.
Your renewal date is June 30. Here's what changes in the new plan, so you can decide.
```

## Corrective action
Address purchase appeals to adults, not children. Don't tell readers that your job or business
depends on their purchase; if a closure is real, say so plainly and without blaming the reader.
(Seed pitfall "Reciprocity guilt": reinforce "no obligation" phrasing.)

## References
- UCPD 2005/29/EC Annex I No. 28 ("a direct exhortation to children to buy advertised products
  or persuade their parents or other adults to buy advertised products for them").
- UCPD 2005/29/EC Annex I No. 30 (telling the consumer that the trader's job or livelihood is in
  jeopardy if they do not buy).
- UK Code of Fundraising Practice (2025) §1.1.2 (no undue pressure) for the fundraising analogue.
- Catalogue §6: UCPD-based errors become warnings when the configured jurisdictions exclude
  EU, UK and IN.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, Sentence, explicit_jurisdictions

_PARENT = (
    "(mom|mum|mommy|mummy|dad|daddy|parents|parent|folks|grown - up|grown - ups|grownup|grownups|"
    "guardian|grandma|grandpa|grandparents|granny)"
)
_DONT = "(do n't|do not|dont|don't|ca n't|can not|cannot|can't|wo n't|won't|fail to)"
_WE = "(we|i|we'll|i'll|we'd|i'd|we're|i'm)"
_OWN_PLACE = "(doors|shop|store|business|restaurant|bakery|studio|workshop|salon|cafe|café)"

PATTERNS = {
    # No. 28: speaking to children, or telling them to get an adult to buy
    "RCP022.CHILD": (
        "hey ,? (kids|kiddos|boys and girls)",
        "(calling all|attention ,?|listen up ,?) (kids|kiddos)",
        f"(ask|asking|tell|telling|beg|begging|remind|convince|nag) (your|a) {_PARENT}",
        f"get (your|a) {_PARENT} to",
        f"beg (your|a)? {_PARENT}",
    ),
    # "Kids, ..." / "Boys and girls! ..." opening a sentence (position checked in Python)
    "RCP022.KIDS_VOCATIVE": ("(kids|kiddos|boys and girls) (,|!)",),
    # No. 30: a condition on the reader's purchase ...
    "RCP022.IF_NOT": (
        f"if you {_DONT}",
        "unless you",
        f"if i {_DONT}",
        "if (we|i) (do n't|don't|ca n't|can't) (get|hit|make|close) ~3 (sales|orders|sale|quota|numbers)",
    ),
    # ... tied to the trader's own job or business (first person: "small businesses will close"
    # in a political appeal is a claim about others, not the sender's livelihood)
    "RCP022.LIVELIHOOD": (
        f"{_WE}? ('ll|will|could|might|would|'d|may|am going to|'m going to)? (lose|losing|lost) my (job|business|livelihood|home|house|shop|store|restaurant|farm|bakery|studio|paycheck)",
        f"{_WE}? ('ll|will|could|might|would|'d|may|are going to|'re going to)? (lose|losing|lost) our (jobs|business|livelihood|livelihoods|shop|store|restaurant|farm|bakery|studio)",
        "my (job|paycheck|bonus|position) (depends|depend|is riding|rides|hangs) on",
        "(our|my) (jobs|livelihood|livelihoods|business) (depend|depends|are riding|is riding) on",
        "(my|our) ~1 (team|staff|employees|workers|crew|people) (will|would|'ll|could|may|might) be? (laid off|let go|lose their jobs|fired)",
        "(lay off|laying off|let go of) (my|our) (team|staff|employees|workers|crew)",
        f"{_WE} ~4 (close|shut|closing|shutting) (our|my)? {_OWN_PLACE}",
        f"{_WE} ~4 (close|shut|closing|shutting) (down|up shop)",
        f"{_WE} ~3 (go|going|be) out of business",
        "(get|be|getting) fired",
        "(hit|make|meet|making|hitting) my (quota|target|numbers)",
        "(hit|make|meet|making|hitting) our (quota|sales quota)",
    ),
}

_BUY = re.compile(
    r"\b(buy|buying|order|ordering|get|grab|pick up|purchase|add (it )?to (your )?(cart|basket|bag)|"
    r"subscribe|download|shop|unlock)\b(?!\s+(help|in touch|started|ready|outside|home|involved)\b)",
    re.I,
)
_GIVE = re.compile(r"\b(donate|give|chip in|pledge|contribute|sponsor)\b", re.I)
_NOT_AFTER_DOWN = frozenset("their the his her this that these those a an its".split())
_NEGATORS = frozenset("not n't never no won't don't can't cannot".split())
_QUOTA_WORDS = frozenset({"quota", "target", "numbers"})


def _severity(view: DocView) -> tuple[Severity, str]:
    if view.is_fundraising:
        return Severity.WARNING, "fundraising copy: not a trader, so not per se unfair (warning)"
    juris = explicit_jurisdictions(view)
    if juris is not None and not juris & {"EU", "UK", "IN"}:
        return Severity.WARNING, f"§6: configured jurisdictions {sorted(juris)} exclude EU/UK/IN"
    return Severity.ERROR, "trader copy: UCPD Annex I, unfair in all circumstances"


def _buy_near(view: DocView, cue: Cue) -> tuple[Sentence, str] | None:
    """A buying verb (in fundraising copy also a giving verb) in S0..+1, outside the cue.

    Read from the raw text: S+1 holds no cue of this rule and may not be tokenized.
    """
    regexes = (_BUY, _GIVE) if view.is_fundraising else (_BUY,)
    s, e = cue.char_span
    text = cue.sent.block.text
    own = text[cue.sent.start : s] + " " * (e - s) + text[e : cue.sent.end]
    candidates: list[tuple[Sentence, str]] = [(cue.sent, own)]
    nxt = view.sentence(cue.index + 1)
    if nxt is not None:
        candidates.append((nxt, nxt.text))
    for sent, body in candidates:
        for rx in regexes:
            m = rx.search(body)
            if m:
                return sent, m.group(0)
    return None


def _sentence_start(cue: Cue) -> bool:
    lw = cue.sent.lowers or []
    return not any(w.isalnum() for w in lw[: cue.start])


def _children_hits(view: DocView) -> Iterator[Hit]:
    last = -10
    for cue in view.cues("RCP022.CHILD", "RCP022.KIDS_VOCATIVE"):
        if cue.index - last <= 1:
            continue  # "Hey, kids! Get your dad to buy ...": one exhortation, one finding
        if cue.label == "RCP022.KIDS_VOCATIVE" and not _sentence_start(cue):
            continue
        buy = _buy_near(view, cue)
        if buy is None:
            continue
        last = cue.index
        severity, why = _severity(view)
        yield Hit.at(
            cue,
            severity,
            f'"{" ".join(cue.text.split())}" speaks to children and pushes them to get something '
            f'bought ("{buy[1]}").',
            evidence=[("buy", buy[0])],
            checked=["UCPD Annex I No. 28: child address + buying verb in S0..+1", why],
        )


def _condition_for(view: DocView, cue: Cue) -> Cue | None:
    """The "if you don't ..." in S-1..0 that ties the livelihood claim to the reader."""
    lo, hi = view.window(cue, 1, 0)
    conds = view.cues("RCP022.IF_NOT", lo=lo, hi=hi)
    same = [c for c in conds if c.sent is cue.sent]
    if same:
        return same[0]
    prev = [c for c in conds if c.sent is not cue.sent and c.sent.block is cue.sent.block]
    return prev[-1] if prev else None


def _ask_near(view: DocView, cue: Cue, cond: Cue) -> Cue | None:
    lo, hi = view.window(cue, 0, 1)
    lo = min(lo, cond.index)
    for c in view.cues("ASK_HIGH", lo=lo, hi=hi):
        if c.sent is cue.sent and c.start < cue.end and c.end > cue.start:
            continue
        return c
    return None


def _livelihood_ok(view: DocView, cue: Cue) -> bool:
    lw = cue.sent.lowers or []
    after = lw[cue.end] if cue.end < len(lw) else ""
    last = cue.lowers[-1]
    if any(w in _NEGATORS for w in cue.lowers):
        return False  # "we won't close our doors" (a negator inside the gap)
    if last == "fired" and after == "up":
        return False  # "get fired up for the rally"
    if last == "down" and after in _NOT_AFTER_DOWN:
        return False  # "we must shut down their lies"
    # a campaign's fundraising target is not anyone's livelihood
    return not (last in _QUOTA_WORDS and view.is_fundraising)


def _livelihood_hits(view: DocView) -> Iterator[Hit]:
    seen: set[int] = set()
    for cue in view.cues("RCP022.LIVELIHOOD"):
        if cue.index in seen or view.negated(cue) or not _livelihood_ok(view, cue):
            continue
        cond = _condition_for(view, cue)
        if cond is None:
            continue
        ask = _ask_near(view, cue, cond)
        if ask is None:
            continue
        seen.add(cue.index)
        severity, why = _severity(view)
        quoted = " ".join(cue.text.split())
        if view.is_fundraising:
            message = (
                f'"{quoted}", conditional on the reader ("{cond.text}"), makes the reader '
                "responsible for your jobs or your doors staying open; verify the claim is true "
                "and state it without blaming the reader."
            )
            verify = "that the closure or job loss is real and current"
        else:
            message = (
                f'"{quoted}", conditional on the reader ("{cond.text}"), tells the reader your '
                "livelihood depends on their purchase."
            )
            verify = ""
        yield Hit.at(
            cue,
            severity,
            message,
            evidence=[("condition", cond), ("ask", ask)],
            checked=["UCPD Annex I No. 30: condition + livelihood cue + ask in S0..+1", why],
            verify=verify,
        )


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence for each practice."""
    yield from _children_hits(view)
    yield from _livelihood_hits(view)


RULE = Rule(
    code="RCP022",
    name="blacklisted-aggressive-phrasing",
    summary="Exhorts children to buy, or says the trader's job depends on the purchase",
    family="E",
    severity=Severity.ERROR,
    scope="S0..+1",
    pitfall="Reciprocity guilt",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "UCPD 2005/29/EC Annex I No. 28 (exhortation to children)",
        "UCPD 2005/29/EC Annex I No. 30 (trader's job or livelihood in jeopardy)",
        "UK Code of Fundraising Practice (2025) §1.1.2",
        "Catalogue §6 (jurisdiction downgrade)",
    ),
    corrective=(
        "Address purchase appeals to adults, not children. Don't tell readers that your job or "
        "business depends on their purchase."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
