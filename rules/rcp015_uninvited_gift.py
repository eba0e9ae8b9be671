"""Uninvited gift, inertia selling and pre-added items.

## What it does
Flags three ways of giving the reader something they did not ask for and then collecting on it:

- **A, uninvited gift + ask** (warning): "We've already mailed you a set of address labels",
  "Enclosed you'll find a complimentary notepad", followed within three sentences by an ask
  ("Will you support our spring appeal today?").
- **B, payment or return demanded** (error): the same unsolicited item plus "please send $15 to
  cover them", "return them within 10 days or pay", "keep it for just $9", "invoice enclosed".
- **C, pre-added items** (error): a paid item or a donation already put in the reader's cart,
  order or plan ("we've added a 2-year protection plan ($39) to your cart", "uncheck the box to
  remove", "pre-selected").

A and B stay quiet when the copy shows the reader asked for the item ("as you requested",
"the free tote you selected", "thanks for ordering"). C is reported instead of RCP026 when both
cover the same words (catalogue §6).

Under the project's §6 policy, B is based on UCPD Annex I No. 29: when the configured
`jurisdiction` excludes the EU, the UK and India, B is reported as a warning instead of an
error. With no jurisdiction configured it stays an error.

## Why is this bad?
"An uninvited first favor must have the ability to create an obligation" (Cialdini): a charity's
unsolicited address labels roughly doubled response rates, which is exactly why sending them
and then asking exploits the reader. Demanding payment for, or the return of, something the
reader never ordered is inertia selling, blacklisted in the EU in all circumstances (UCPD Annex I
No. 29). Slipping paid items or donations into a cart is "basket sneaking" under India's 2023
dark-pattern guidelines and takes money without consent.

## Example
```text
We've already mailed you a set of personalized address labels. Please send a gift of $15 to
cover them.
We went ahead and added a 2-year protection plan ($39) to your cart. Uncheck it if you don't
want it.
```

## Use instead
```text
Would you like a set of free address labels? Reply YES and we'll mail them, no donation needed.
Protect your order for 2 years for $39? [ ] Add the protection plan
```

## Corrective action
Give only what the reader asked for or clearly opted into. Never ask for payment for, or return
of, something they didn't order, and never pre-add paid items or donations to a cart.

## References
- Seed pitfalls "Premature giving" and "uninvited first favors"; Stage 1 "offer freely".
- Cialdini, *Influence*: "an uninvited first favor must have the ability to create an
  obligation"; the address-labels appeal (response from about 18% to 35%).
- UCPD 2005/29/EC Annex I No. 29 (inertia selling).
- India CCPA Guidelines for Prevention and Regulation of Dark Patterns (2023), "basket
  sneaking"; Mathur et al. 2019, "Sneak into Basket".
- Catalogue RCP015; §6 (RCP015-C over RCP026; UCPD-based errors outside EU/UK/IN).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from linter.model import Severity
from linter.rule import Rule
from linter.senses import SUBCLASS_WORDS, asks, earned_in_sentence, offered_premiums
from linter.view import Cue, DocView, Hit, explicit_jurisdictions

from .rcp017_gift_then_urgency import gift_phrase

WINDOW = 3  # S0..+3
ITEM_REACH = 10  # tokens after the "we've sent" cue in which the item must be named
UCPD_REGIONS = frozenset({"EU", "UK", "GB", "IN"})

# Things one mails or encloses as a favour (not "an email", "a link" or "a receipt").
_ITEMS = (
    SUBCLASS_WORDS["GIFT"]
    | SUBCLASS_WORDS["RESOURCE"]
    | frozenset(
        """labels label swatches swatch coin coins nickel nickels dollar stamps seeds ornament
        ornaments certificate cards notecards postcards sampler samplers packet packets box
        basket tin""".split()
    )
) - frozenset({"copy", "copies", "issue", "newsletter", "report", "reports", "item", "items"})

PATTERNS = {
    "RCP015.UNSOLICITED": (
        "(we 've|we have|we|i 've|i have|i) already? (sent|mailed|shipped|enclosed|included|"
        "posted|attached)",
        "(we 're|we are|i 'm|i am) (sending|mailing|shipping|enclosing|including)",
        "we went ahead and (sent|added|enrolled|upgraded|mailed|shipped|included)",
        "enclosed (is|are|you 'll find|you will find|please find)",
        "(you 'll|you will) find enclosed",
        "your (free|complimentary) ~3 (is|are) (on its way|on their way|enclosed|attached|in the "
        "mail)",
    ),
    "RCP015.DEMAND": (
        "please (pay|remit|send) us? MONEY",
        "MONEY ~3 to cover (them|it|the cost|the costs|our cost|our costs|postage|printing)",
        "if you (keep|decide to keep) (it|them|the)",
        "return (it|them) (within|by|or)",
        "or (pay|be charged)",
        "keep (it|them) for (just|only)? MONEY",
        "invoice (is|are)? (enclosed|attached)",
        "(pay|payment) for (it|them) (within|by)",
    ),
    "RCP015.REQUESTED": (
        "(you|you 've|you have) (requested|ordered|selected|chose|picked|asked for)",
        "you signed up for",
        "as (you )?requested",
        "(per|at) your request",
        "(thanks|thank you) for (ordering|requesting|your order|your request)",
        "you opted in",
    ),
    "RCP015.PREADDED": (
        "(we 've|we have|we|we 've also|we also|we went ahead and|has been|have been|was|were|"
        "automatically|already) (added|included|placed) ~12 (to|in|into) your (cart|basket|bag|"
        "order|plan|subscription|checkout|total)",
        "(added|included) (to|in) your (cart|basket|order|total) automatically",
        "uncheck (the box|it|this|the option|here) (to remove|if)",
        "remove (it|this|them) (at|before) checkout",
        "pre - (selected|checked|ticked)",
        "(preselected|prechecked|preticked)",
        "(checked|ticked|selected) by default",
    ),
    "RCP015.EARNED": (
        "(everyone|anyone|each person|every person|each donor|every donor|all donors|people|those|"
        "supporters|donors|members) who (give|gives|donate|donates|contribute|contributes|chip in|"
        "chips in|pitch in|pitches in|join|joins|order|orders|buy|buys|pledge|pledges)",
        "(if|when|once|after) you (give|donate|contribute|chip in|pitch in|join|order|buy|pledge|"
        "sign up|subscribe)",
        "in exchange for (your|a)",
    ),
    "RCP015.PAID_ITEM": (
        "(protection|warranty|insurance|subscription|membership|tip|fee|upgrade|premium|donation|"
        "contribution|plan|coverage)",
    ),
    "RCP015.SUPPORT_ASK": (
        "(will|would|can|could) you (support|help|consider|give|join|back|renew|send)",
        "please (support|consider|help|give|send)",
    ),
}


def _item_after(view: DocView, cue: Cue) -> bool:
    """The unsolicited cue hands over a thing (a gift, labels, a guide), not an email or a link."""
    if cue.lowers[0] == "your" or any(p.cue.sent is cue.sent for p in offered_premiums(view)):
        return True  # "your complimentary seed packet is on its way" names a thing given
    lw = cue.sent.lowers or []
    return any(w in _ITEMS for w in lw[cue.end : cue.end + ITEM_REACH]) or (
        cue.lowers[0] == "your" and any(w in _ITEMS for w in cue.lowers)
    )


def _to_reader(cue: Cue) -> bool:
    """ "We've sent you ...", "enclosed is ...", "... with this letter": given to the reader, not
    "we're sending him a birthday card"."""
    if cue.lowers[0] in ("enclosed", "your") or "find" in cue.lowers:
        return True
    after = (cue.sent.lowers or [])[cue.end : cue.end + ITEM_REACH]
    if after[:1] and after[0] in _THIRD_PARTY:
        return False
    if any(
        w in ("you", "your") and (k == 0 or after[k - 1] not in ("-", "thank"))
        for k, w in enumerate(after)
    ):
        return True  # "you", but not the "you" of "a thank-you card"
    return any(a in ("with", "in", "inside") and b == "this" for a, b in pairwise(after))


_THIRD_PARTY = frozenset({"him", "her", "them", "his", "their", "out"})


def _earned(view: DocView, cue: Cue) -> bool:
    """§7 A3: offered for a payment ("to everyone who donates"), so not unsolicited."""
    return earned_in_sentence(view, cue.sent) or bool(view.in_sentence(cue.sent, "RCP015.EARNED"))


def _item_phrase(cue: Cue) -> str:
    """The cue and the item it hands over: "We've already mailed you a set of address labels"."""
    lw = cue.sent.lowers or []
    end = cue.end
    for k in range(cue.end, min(len(lw), cue.end + ITEM_REACH)):
        if lw[k] in _PHRASE_STOPS:
            break
        if lw[k] in _ITEMS:
            end = k + 1
    if end == cue.end:
        return gift_phrase(cue, reach=ITEM_REACH)
    s, _ = cue.char_span
    _, e = cue.sent.char_span(cue.start, end)
    return " ".join(cue.sent.block.text[s:e].split())


_PHRASE_STOPS = frozenset({".", ",", "!", "?", ";", ":", "—", "–", "(", ")", "and", "or"})


def _ucpd_severity(view: DocView) -> Severity:
    regions = explicit_jurisdictions(view)
    if regions is not None and not regions & UCPD_REGIONS:
        return Severity.WARNING
    return Severity.ERROR


def _after(a: Cue, cue: Cue) -> bool:
    return a.sent.index > cue.sent.index or a.start >= cue.end


def _preadded(view: DocView) -> Iterator[Hit]:
    for cue in view.cues("RCP015.PREADDED"):
        if view.negated(cue):
            continue
        lo, hi = view.window(cue, 0, 1)
        money = view.cues("MONEY", lo=lo, hi=hi)
        paid = view.cues("RCP015.PAID_ITEM", "DONATION_WORD", lo=cue.sent.index, hi=cue.sent.index)
        free = [u for u in view.in_sentence(cue.sent, "FREE_HEAD") if not view.negated(u)]
        if (free and not paid) or not (money or paid):
            continue  # "we've added a free tote ($20 value) to your cart" charges nothing
        what = money[0] if money else paid[0]
        yield Hit.at(
            cue,
            Severity.ERROR,
            f'"{_q(cue.text)}": a paid item or donation ("{_q(what.text)}") is put in the reader\'s '
            "cart or order without their choice (basket sneaking).",
            evidence=[("charge", what)],
            checked=["a price or a paid item/donation in S0..+1", "not a free item"],
        )


def _uninvited(view: DocView, skip: set[int]) -> Iterator[Hit]:
    for cue in view.cues("RCP015.UNSOLICITED"):
        if cue.sent.index in skip or view.negated(cue) or not _item_after(view, cue):
            continue
        if not _to_reader(cue) or _earned(view, cue):
            continue
        lo, hi = view.window(cue, 0, WINDOW)
        gift = _item_phrase(cue)
        demands = [d for d in view.cues("RCP015.DEMAND", lo=lo, hi=hi) if _after(d, cue)]
        if demands:
            d = demands[0]
            severity = _ucpd_severity(view)
            note = (
                ""
                if severity is Severity.ERROR
                else " (UCPD No. 29 does not apply in the configured jurisdiction)"
            )
            yield Hit.at(
                cue,
                severity,
                f'Payment or return ("{_q(d.text)}") is asked for an item the reader never ordered '
                f'("{gift}"): inertia selling{note}.',
                evidence=[("demand", d)],
                checked=["no request cue in the document ('as you requested', 'you selected')"],
            )
            skip.add(cue.sent.index)
            continue
        ask_cues = [a for a in asks(view) if lo <= a.sent.index <= hi and _after(a, cue)]
        ask_cues += [a for a in view.cues("RCP015.SUPPORT_ASK", lo=lo, hi=hi) if _after(a, cue)]
        if not ask_cues:
            continue
        ask = min(ask_cues, key=lambda a: (a.sent.index, a.start))
        yield Hit.at(
            cue,
            Severity.WARNING,
            f'An unrequested gift ("{gift}") is followed by an ask ("{_q(ask.text)}"): the gift is '
            "used to create an obligation.",
            evidence=[("ask", ask)],
            checked=["no request cue in the document ('as you requested', 'you selected')"],
        )
        skip.add(cue.sent.index)


def check(view: DocView) -> Iterator[Hit]:
    """C first (per sentence), then B or A per unsolicited-gift sentence; one finding each."""
    done: set[int] = set()
    for hit in _preadded(view):
        if hit.sent.index in done:
            continue
        done.add(hit.sent.index)
        yield hit
    if view.cues("RCP015.REQUESTED"):
        return
    yield from _uninvited(view, done)


def _q(text: str) -> str:
    """Copy quoted in a message, on one line ("If you donate\njust €5" -> "If you donate just €5")."""
    return " ".join(text.split())


RULE = Rule(
    code="RCP015",
    name="uninvited-gift",
    summary="Unrequested gift used for an ask, payment demanded for it, or items pre-added to a cart",
    family="C",
    severity=Severity.WARNING,
    scope="S0..+3",
    pitfall="Premature giving",
    stage="give value",
    guardrail="optional",
    sources=(
        "Seed pitfall: Premature giving (uninvited first favors)",
        "Cialdini, Influence: uninvited first favors",
        "UCPD 2005/29/EC Annex I No. 29 (inertia selling)",
        "India CCPA Dark Patterns Guidelines 2023: basket sneaking",
        "Mathur et al. 2019: Sneak into Basket",
    ),
    corrective=(
        "Give only what the reader asked for or clearly opted into. Never ask for payment for, or "
        "return of, something they didn't order, and never pre-add paid items or donations to a "
        "cart."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
