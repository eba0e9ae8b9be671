"""Recurring ask without an exit; pre-selected recurring payments.

## What it does
Flags two things about recurring payments (subscriptions, memberships, monthly gifts):

- **A recurring ask with no way out** (warning): the copy asks the reader to pay again and
  again ("become a monthly sustainer at $15/month", "subscribe & save: ships every month at
  $18", "make it monthly", "sign up to give weekly") and nothing anywhere in the document says
  how to cancel, pause or change it ("cancel anytime in Settings", "change or cancel from your
  donor page", "pause or stop your gift at any time").
- **A pre-selected recurring payment** (error): the recurring option is the default and the
  reader has to act to avoid it ("your gift will repeat weekly unless you uncheck the box",
  "monthly is pre-selected", "we'll make it monthly unless you opt out").

A recurring word alone is not an ask: "our monthly newsletter", "thank you for your monthly
gift" and "subscribe to our free weekly digest" are quiet, because nothing there asks for a
recurring payment. A free plan or membership is not a paid one. RCP015 (Trigger C, pre-added
items) takes precedence (catalogue §6): on the same words this rule is listed as "also", and a
"pre-selected" line next to a pre-added item RCP015 reports is left to RCP015.

## Why is this bad?
A commitment without an exit breaks the seed's guardrail that every act of reciprocity be
reversible, and its fourth stage: maintain consent and easy opt-out. A pre-checked recurring
box turns a one-time gift into a subscription the reader never chose: ROSCA requires express
informed consent and a simple way to stop recurring charges, fundraising codes require donors'
explicit consent before the conditions of a payment change, and pre-checked recurring boxes
led to refunds of more than 10 percent of the money one US platform processed. Recurring asks
that hide the exit lift sign-ups this month and cost refunds, chargebacks and trust later.

## Example
```text
Become a monthly sustainer at $15/month and help us plan ahead.
Your gift will repeat weekly unless you uncheck the box below.
```

## Use instead
```text
Become a monthly sustainer at $15/month and help us plan ahead. You can change or cancel
your gift anytime from your donor page.
[ ] Make this a monthly gift (unchecked; the reader ticks it to opt in)
```

## Corrective action
Make recurring commitments opt-in (never pre-checked). State the amount and the frequency, and
show how to cancel in one step next to the ask. (Seed: short-term focus; Stage 4 "maintain
consent and easy opt-out".)

## References
- Seed guardrail "truthful, optional, and reversible"; Stage 4 "support the outcome: maintain
  consent and easy opt-out"; pitfall "Short-term focus".
- ROSCA, 15 U.S.C. 8403(2)-(3): express informed consent before charging, and simple
  mechanisms to stop recurring charges.
- FTC Enforcement Policy Statement Regarding Negative Option Marketing, 86 Fed. Reg. 60822
  (2021).
- AFP Code of Ethical Standards (2014 numbering, Standard 16): "obtain explicit consent by
  donors before altering the conditions of financial transactions".
- Washington Post (2021, summarising the NYT): pre-checked recurring boxes and refunds of "More
  than 10 percent" of the money processed.
- India CCPA Guidelines for Prevention and Regulation of Dark Patterns (2023): subscription
  trap.
- Catalogue §6: RCP015 (Trigger C) takes precedence over this rule on the same span.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import asks, free_uses
from linter.view import Cue, DocView, Hit, Sentence

# How often a payment repeats. "annual" and "quarterly" are left out on their own: "your annual
# gift" is usually a one-time gift to an annual fund, "our quarterly deadline" is a date.
_FREQ = "(monthly|weekly|biweekly|recurring|every month|each month|every week|each week)"
_PAY_NOUN = (
    "(gift|gifts|donation|donations|contribution|contributions|donor|donors|giving|payment|"
    "payments|plan|subscription|membership|pledge|pledges|sustainer|sustainers|supporter|"
    "supporters|member|members|commitment|charge|charges|dues|box|boxes|delivery|deliveries|"
    "billing|investment)"
)

PATTERNS = {
    # Words that make a payment recurring (catalogue RCP026 Trigger A, RECURRING). Bare
    # "monthly" is not enough: "our monthly newsletter", "the monthly deadline" ask for nothing.
    "RCP026.RECURRING": (
        "MONEY ~2 (per|a|an|each|every|\\/) (month|week|mo|wk|year|yr)",
        "(monthly|weekly|biweekly|bi - weekly|recurring|yearly) " + _PAY_NOUN,
        "(annual|annually|quarterly) (plan|plans|subscription|subscriptions|billing|membership|memberships)",
        "(subscribe|subscription|subscriptions|sustainer|sustainers)",
        "auto - (renew|renews|renewal|renewing|renewed)",
        "(autorenew|autorenews|autorenewal)",
        "(renews|renew|renewed|recur|recurs|repeats|billed|charged) automatically",
        "automatically (renews|renew|renewed|recur|recurs|repeats|billed|charged)",
        "billed (monthly|annually|yearly|weekly|quarterly|every)",
        "(ships|ship|shipped|delivered|arrives|arrive|charged|billed|renews|sent|delivers) (every|each|once a) (month|week)",
        "(make|keep) (it|this|your gift|your donation) monthly",
        "go monthly",
    ),
    # An ask whose very words are a recurring commitment.
    "RCP026.RECUR_ASK": (
        "(become|becoming) (a|an) ~1 (sustainer|subscriber|monthly donor|monthly supporter|monthly giver|monthly member|recurring donor|recurring supporter|weekly donor)",
        "(sign up|signing up|sign - up|join|joining) ~3 " + _FREQ,
        "(sign up|signing up|join|joining) ~3 (sustainer|sustainers|monthly donors|recurring donors)",
        "(make|makes|making|set up|setting up|start|starting) (a|an|your) "
        + _FREQ
        + " "
        + _PAY_NOUN,
        "(give|donate|contribute|chip in|pledge|giving|donating|contributing) " + _FREQ,
        "(start|choose|get|pick|select|buy|try) (a|an|the|your) ~1 (annual|monthly|yearly|weekly|quarterly) (plan|subscription|membership)",
        "(make|keep) (it|this|your gift|your donation) monthly",
        "go monthly",
    ),
    # Words that make the recurring thing a paid one when no amount is given.
    "RCP026.PAID": (
        "(donation|donations|contribution|contributions|pledge|payment|payments|charge|charged|billed|billing|dues|fee|fees|price|priced|cost|costs|donor|donors|sustainer|sustainers|gift)",
        "(pro|premium|paid|plus|business|team|gold|silver|platinum|vip) (plan|tier|membership|subscription)",
    ),
    # Exits beyond the shared CANCEL lexicon.
    "RCP026.EXIT": (
        "(stop|pause|end|change|skip|adjust|cancel) ~4 (anytime|any time|at any time|whenever you)",
        "(skip|pause) (a|any) (month|delivery|shipment|box)",
        "(unsubscribe|opt out) from ~3 (subscription|plan|membership|giving|gifts|donations)",
    ),
    # Trigger B: the recurring option is the default (catalogue RCP026 Trigger B).
    "RCP026.PRESELECTED": (
        "(is|are|has been|have been|was|comes|come) already? (pre - selected|preselected|pre - checked|prechecked|pre - ticked|preticked|checked by default|selected by default|ticked by default|on by default)",
        "(box|checkbox|option|toggle) (is|has been|comes) already? (checked|ticked|selected|pre - checked|pre - selected)",
        "(is|are|has been|comes) set to (monthly|weekly|recurring|repeat)",
        "(uncheck|untick|deselect|un - check) ~8 (one - time|monthly|recurring|weekly|every month|each month|repeat|renew)",
        "will ~3 (repeat|recur|renew|continue) ~2 " + _FREQ + "? unless",
        "will ~3 " + _FREQ + " unless",
        "(we 'll|we will|we 're going to) make (it|your gift|your donation|this|your contribution) ~1 (monthly|recurring|weekly) unless",
    ),
}

# Pre-selection words that carry no recurrence of their own need a recurring cue near them.
_SELF_RECURRING = frozenset(
    {"monthly", "weekly", "recurring", "repeat", "recur", "renew", "every", "each", "one"}
)


def check(view: DocView) -> Iterator[Hit]:
    preselected = list(_preselected(view))
    yield from preselected
    flagged = {h.sent.index for h in preselected}
    found = _first_recurring_ask(view, flagged)
    if found is None or view.live("CANCEL", "RCP026.EXIT"):
        return
    rec, asked, paid = found
    quoted = [asked.text]
    for c in view.in_sentence(rec.sent, "RCP026.RECURRING"):
        if c.text not in quoted and not any(c.text in q or q in c.text for q in quoted):
            quoted.append(c.text)
    if paid is not None and paid.sent is rec.sent and not any(paid.text in q for q in quoted):
        quoted.append(paid.text)
    words = " ... ".join(quoted)
    yield Hit.span(
        asked,
        rec,
        Severity.WARNING,
        f'"{words}" asks for a recurring payment, and nothing in the copy says how to cancel, '
        "pause or change it (verify the sign-up page does).",
        evidence=[("paid", paid)] if paid is not None else [],
        checked=["no CANCEL cue (cancel anytime, change or cancel your gift, refund) in DOC"],
        verify="Whether the sign-up or checkout page states the amount, the frequency and a "
        "one-step way to cancel next to the ask.",
    )


def _rcp015_errors(view: DocView) -> set[int]:
    """Sentences where RCP015 reports a pre-added item (error), looked up lazily.

    Catalogue §6 puts RCP015-C over RCP026. The engine demotes overlapping spans; a pre-added
    plan and its "pre-selected" line are often adjacent sentences, so this rule steps back
    there too. Tolerates RCP015's absence.
    """

    def compute(v: DocView) -> set[int]:
        try:
            from linter.rules import MODULES
        except ImportError:  # pragma: no cover
            return set()
        for name in MODULES:
            if name.startswith("rcp015_"):
                try:
                    rule = importlib.import_module(f"linter.rules.{name}").RULE
                except (ImportError, AttributeError):  # pragma: no cover
                    return set()
                return {
                    h.sent.index
                    for h in rule.check(v)
                    if h.severity is Severity.ERROR and not h.sent.in_subject
                }
        return set()

    return view.memo("rcp026.rcp015", compute)  # type: ignore[no-any-return]


def _preselected(view: DocView) -> Iterator[Hit]:
    seen: set[int] = set()
    for cue in view.cues("RCP026.PRESELECTED"):
        if cue.index in seen or view.negated(cue):
            continue
        if _rcp015_errors(view) & {cue.index - 1, cue.index, cue.index + 1}:
            continue  # §6: RCP015-C reports the pre-added item
        if not (set(cue.lowers) & _SELF_RECURRING):
            lo, hi = view.window(cue, 1, 1)
            if not _recurring(
                view, view.cues("RCP026.RECURRING", "RCP026.RECUR_ASK", lo=lo, hi=hi)
            ):
                continue
        seen.add(cue.index)
        yield Hit.at(
            cue,
            Severity.ERROR,
            f'"{cue.text}" makes the recurring payment the default: the reader has to act to '
            "avoid it instead of choosing it.",
            checked=["a recurring cue in the phrase or in S-1..+1"],
        )


# "up to $50 per year" (a limit), "making under $75,000 a year" (income) are not payments.
_NOT_A_PRICE_BEFORE = frozenset(
    {
        "to",
        "under",
        "over",
        "than",
        "making",
        "make",
        "earn",
        "earning",
        "earns",
        "income",
        "salary",
    }
)


def _recurring(view: DocView, cues: list[Cue]) -> list[Cue]:
    out = []
    for c in cues:
        if c.lowers[-1] in ("year", "yr") and c.start > 0:
            if c.sent.lowers[c.start - 1] in _NOT_A_PRICE_BEFORE:  # type: ignore[index]
                continue
        out.append(c)
    return out


def _real_asks(view: DocView) -> list[Cue]:
    """Shared asks minus "in order to" (ASK_HIGH's "order" is a verb only as a request)."""
    out = []
    for c in asks(view):
        lw = c.sent.lowers
        assert lw is not None
        if lw[c.start] == "order" and c.start > 0 and lw[c.start - 1] == "in":
            continue
        out.append(c)
    return out


def _first_recurring_ask(view: DocView, skip: set[int]) -> tuple[Cue, Cue, Cue | None] | None:
    """The first sentence that asks for a recurring, paid commitment: (recurring, ask, paid)."""
    by_sent: dict[int, list[Cue]] = {}
    for c in _real_asks(view):
        by_sent.setdefault(c.index, []).append(c)
    free_sents = {u.index for u in free_uses(view) if not u.negated and not u.sent.in_subject}
    for rec in _recurring(view, view.cues("RCP026.RECUR_ASK", "RCP026.RECURRING")):
        sent = rec.sent
        if sent.index in skip or sent.index in free_sents or view.negated(rec):
            continue
        if rec.label == "RCP026.RECUR_ASK":
            asked = rec
        else:
            linked = [a for a in by_sent.get(sent.index, ()) if not _overlaps(a, rec)]
            if linked:
                asked = linked[0]
            elif rec.lowers[0] == "subscribe":
                asked = rec  # "Subscribe & save" is the ask itself
            else:
                continue
        paid = _paid_evidence(view, sent, asked)
        if paid is None and not _paid_by_nature(asked, rec):
            continue
        return rec, asked, paid
    return None


def _paid_evidence(view: DocView, sent: Sentence, asked: Cue) -> Cue | None:
    """An amount in S-1..+1 or a paid word (donation, fee, premium plan) in the sentence."""
    lo, hi = view.window(asked, 1, 1)
    money = view.cues("MONEY", lo=lo, hi=hi)
    if money:
        return min(money, key=lambda c: (abs(c.index - sent.index), c.start))
    paid = view.in_sentence(sent, "RCP026.PAID", "GIFT_DONATION")
    return paid[0] if paid else None


_DONATION_WORDS = frozenset(
    {
        "donate",
        "give",
        "chip",
        "contribute",
        "pledge",
        "donating",
        "giving",
        "contributing",
        "sustainer",
        "sustainers",
        "donor",
        "donors",
    }
)


def _paid_by_nature(asked: Cue, rec: Cue) -> bool:
    """A donation ask (give monthly, become a sustainer) is a payment by its very words."""
    return bool((set(asked.lowers) | set(rec.lowers)) & _DONATION_WORDS)


def _overlaps(a: Cue, b: Cue) -> bool:
    return a.sent is b.sent and a.start < b.end and b.start < a.end


RULE = Rule(
    code="RCP026",
    name="recurring-ask-without-exit",
    summary="A recurring payment is asked for with no way to cancel shown, or is pre-selected",
    family="G",
    severity=Severity.WARNING,
    scope="DOC",
    pitfall="Short-term focus",
    stage="support outcome",
    guardrail="reversible",
    sources=(
        "Seed guardrail: reversible; Stage 4 (consent and easy opt-out)",
        "ROSCA, 15 U.S.C. 8403(2)-(3)",
        "FTC Negative Option Policy Statement, 86 Fed. Reg. 60822 (2021)",
        "AFP Code of Ethical Standards, Standard 16 (2014 numbering)",
        "India CCPA Dark Patterns Guidelines (2023): subscription trap",
    ),
    corrective=(
        "Make recurring commitments opt-in (never pre-checked). State the amount and the "
        "frequency, and show how to cancel in one step next to the ask."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
