"""A "free" item with a charge attached ("free sample, just cover the $4.99 processing fee").

## What it does
Flags a "free" gift, resource, service or offer that the reader must pay for after all:
- **error**: a handling, processing, admin, activation, packaging or booking fee, "shipping and
  handling", "S&H", a "small fee" or a premium-rate call, in the same or the next sentence;
- **warning**: a shipping or postage charge ("you only pay $7.95 shipping", "$4.95 for
  delivery") or an unexplained "just pay $X": lawful only at the true cost of delivery, and the
  amount must be stated;
- **warning** (catalogue §7 A3): a "free" premium that is earned by a donation ("your FREE
  tote bag" in a headline, "give $25 and we'll mail your tote bag" further down; "a free
  sticker when you chip in $10"): an item the reader pays for is not free.

It stays quiet when the sender absorbs the cost ("we cover the postage", "shipping is on us",
"no handling fees", "the processing fee is waived"), on free shipping itself, on a fee that
belongs to a later, optional purchase ("service fees apply only if you hire us"), and on
"free gift with purchase" in commercial copy (RCP001 covers where its conditions are shown).

With an explicit `jurisdiction` that includes none of EU, UK or IN, the avoidable-fee error is
reported as a warning (catalogue §6: the UCPD's per se ban does not apply there; US law reaches
the same conduct through the FTC Act, but not per se). Without a configured jurisdiction the
catalogue severity stands.

## Why is this bad?
The EU's blacklist (UCPD Annex I No. 20) forbids calling a product "free" if the consumer has to
pay anything other than the unavoidable cost of responding and of delivery; the Commission's
guidance adds that traders "should not charge for packaging, handling or administration". The
FTC Guide on "free" forbids recovering the cost of the free item "directly and immediately".
A reader who finds a fee on a gift stops trusting the next gift.

## Example
```text
Your free sample kit ships today — just cover the $4.99 processing fee.
The starter pack is free, you only pay $7.95 shipping and handling.
```

## Use instead
```text
Your sample kit ships today, and we cover the postage.
The starter pack is yours for $7.95, which covers handling and delivery.
```

## Corrective action
If the reader must pay anything beyond the true cost of delivery, don't call it "free". Absorb
the fee, or describe the item accurately (e.g., "yours for $6.95 to cover handling").

## References
- UCPD 2005/29/EC Annex I No. 20 and the European Commission's UCPD guidance §3.4.3 ("should
  not charge for packaging, handling or administration").
- 16 CFR 251.1(b)(1) (the seller may not "directly and immediately recover" the cost of the
  free item).
- UK CAP Code 3.23 and ASA guidance on "free".
- Catalogue §6 (jurisdiction overrides), §7 A3 (a premium earned by a payment and called free).
- Seed guardrail: every act of reciprocity must be truthful.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import FreeUse, free_uses
from linter.view import Cue, DocView, Hit

from ._common_a import negated, outside_ucpd, quote

TRIGGER_CLASSES = frozenset({"GIFT", "RESOURCE", "SERVICE", "GENERIC"})
# A3 applies to premiums (items), not to a free consultation or an unnamed offer
PREMIUM_CLASSES = frozenset({"GIFT", "RESOURCE"})
PATTERNS = {
    # avoidable charges the shared FEE_AVOIDABLE misses ("just pay $4.99 handling")
    "RCP002.FEE": (
        "(pay|cover|covering|for) (the|a|our)? MONEY? (processing|handling|admin|administration|activation|setup|packaging|booking|service)",
        "MONEY (processing|handling|admin|activation|setup|packaging|booking)",
        "(premium - rate|premium rate|toll) (call|number|line|text|sms)",
        "calls? (cost|costs) MONEY per (minute|min)",
    ),
    # a charge with no stated purpose right after a free claim ("just pay $6.95")
    "RCP002.PAY": (
        "(just|only|simply) (pay|cover) MONEY",
        "you (only|just)? (pay|cover) (just|only)? MONEY",
    ),
    # the fee is waived or belongs to something else
    "RCP002.WAIVED": (
        "(fee|fees|charge|charges|cost|costs|handling|shipping|postage) (is|are)? (waived|included|covered)",
        "(waive|waives|waived|waiving) (the|all|any|your)? ~2 (fee|fees|charge|charges|handling|processing)",
        "we (cover|pay|absorb|'ll cover|will cover) ~3 (fee|fees|handling|processing|shipping|postage|cost|costs)",
    ),
    "RCP002.LATER": (
        "(only)? (if|when|once) you (hire|buy|choose|decide|continue|upgrade|proceed|order|purchase|book|renew)",
        "(option|choice) to (buy|purchase|order|upgrade)",
        "(optional|optionally)",
        # the fee is for readers the free offer does not cover ("If not, we charge a fee")
        "(if not|otherwise|for everyone else|for all others|non - members|nonmembers)",
    ),
    # §7 A3: the payment that earns a premium
    "RCP002.EARN": (
        "(by|when|if|after|once) (you)? (chip|chipping|pitch|pitching|donate|donating|give|giving|contribute|contributing|pledge|pledging) (in)?",
        "(with|for) (a|your|any|every|each) MONEY? (donation|contribution|gift|pledge)",
        "(donation|contribution|gift|pledge) of MONEY",
        "(chip|pitch|chipping|pitching) in MONEY",
        "(donate|give|contribute|pledge|rush) MONEY",
        "(donors|supporters|those|anyone) who (give|donate|chip in|contribute|pitch in|pledge)",
        "as a (thank - you|thank you) for (your|a) (gift|donation|contribution|support)",
    ),
    "RCP002.DONATION": (
        "(chip|chipping|pitch|pitching) in",
        "(donate|donating|donation|donations|contribute|contributing|contribution|contributions|pledge)",
    ),
    "RCP002.ITEM_VERB": ("(claim|get|receive|unlock|secure|reserve|grab|order) (it|yours|one)",),
}

_SHIP_WORDS = frozenset({"shipping", "postage", "delivery"})
_GENERIC_NEG = frozenset({"hidden", "extra", "additional"})


def check(view: DocView) -> Iterator[Hit]:
    """One finding per free phrase: a fee in S0..+1, else a donation that earns the item."""
    reported: set[int] = set()
    for use in free_uses(view):
        if use.negated or use.subclass not in TRIGGER_CLASSES or use.sent.in_subject:
            continue
        if use.index in reported:
            continue
        hit = _fee_hit(view, use) or _earned_hit(view, use)
        if hit is not None:
            reported.add(use.index)
            yield hit


# ---- fees -------------------------------------------------------------------------------------
def _fee_hit(view: DocView, use: FreeUse) -> Hit | None:
    lo, hi = use.index, use.index + 1
    negs = view.cues("FEE_NEGATED", "RCP002.WAIVED", lo=lo, hi=hi)
    # shared lexicon cues first: they name the fee best ("$4.99 processing fee")
    avoidable = [
        c
        for c in view.cues("FEE_AVOIDABLE", lo=lo, hi=hi) + view.cues("RCP002.FEE", lo=lo, hi=hi)
        if _is_charge(view, c, use, negs, shipping=False)
    ]
    unavoidable = [
        c
        for c in view.cues("FEE_UNAVOIDABLE", lo=lo, hi=hi) + view.cues("RCP002.PAY", lo=lo, hi=hi)
        if _is_charge(view, c, use, negs, shipping=True)
    ]
    phrase = quote(use.phrase)
    checked = ["no 'we cover the postage' / 'fee waived' / 'no handling fees' in S0..+1"]
    if avoidable:
        fee = avoidable[0]
        sev = Severity.ERROR
        note = ""
        if outside_ucpd(view):
            sev = Severity.WARNING
            note = " (warning: the configured jurisdiction is outside the EU/UK/IN blacklist)"
        return Hit.tokens(
            use.sent,
            use.cue.start,
            use.phrase_end,
            sev,
            f'"{phrase}" carries a charge ("{quote(_with_amount(view, fee))}"): a handling, '
            f"processing or admin fee means it is not free{note}.",
            evidence=[("fee", fee)],
            checked=checked,
        )
    if unavoidable:
        fee = unavoidable[0]
        if fee.label == "RCP002.PAY":
            what = f'the reader pays "{quote(fee.text)}" for it, and the copy doesn\'t say what for'
            verify = "what the charge covers; anything beyond true delivery cost means not free"
        else:
            what = f'the reader pays "{quote(_with_amount(view, fee))}"'
            verify = "that the shipping or postage charged is only the true cost of delivery"
        return Hit.tokens(
            use.sent,
            use.cue.start,
            use.phrase_end,
            Severity.WARNING,
            f'"{phrase}" is not free of charge: {what}; verify it is only the cost of delivery.',
            evidence=[("charge", fee)],
            checked=checked,
            verify=verify,
        )
    return None


def _is_charge(view: DocView, fee: Cue, use: FreeUse, negs: list[Cue], *, shipping: bool) -> bool:
    """A fee cue the reader really pays: not negated, not itself free, waived or for later."""
    if negated(view, fee):
        return False
    lw = fee.sent.lowers
    assert lw is not None
    # "free shipping and handling": the fee phrase is what is free
    if fee.start > 0 and lw[fee.start - 1] in ("free", "complimentary"):
        return False
    if fee.sent is use.sent and use.cue.start <= fee.start < use.phrase_end:
        return False  # the fee words are part of the free phrase itself
    later = view.in_sentence(fee.sent, "RCP002.LATER")
    if any(c.start >= fee.end or c.end <= fee.start for c in later):
        return False  # "service fees apply only if you hire us": a fee for a later purchase
    words = set(fee.lowers)
    has_amount = any(
        c.sent is fee.sent and (abs(c.start - fee.end) <= 2 or abs(fee.start - c.end) <= 2)
        for c in view.in_sentence(fee.sent, "MONEY")
    ) or any(w.replace(".", "").replace(",", "").isdigit() for w in fee.lowers)
    for neg in negs:
        if neg.sent is fee.sent and neg.start <= fee.end and fee.start <= neg.end:
            return False  # the fee sits inside "no handling fees" / "handling is waived"
        nwords = set(neg.lowers)
        if shipping and nwords & _SHIP_WORDS:
            return False  # "we cover the postage"
        if not shipping and nwords & words - {"fee", "fees", "charge", "charges", "cost", "costs"}:
            return False  # "no handling fees" answers "handling fee"
        if (
            not shipping
            and not has_amount
            and (nwords & _GENERIC_NEG or neg.lowers[:2] == ["no", "fees"])
        ):
            return False  # "no hidden fees" against an unpriced fee mention
    return True


def _with_amount(view: DocView, fee: Cue) -> str:
    """The fee cue, widened to an amount right before it ("$4.99 processing fee")."""
    sent = fee.sent
    for _, m in view.amounts(sent):
        if 0 <= fee.start - m.end <= 1:
            s, _e = m.char_span
            return sent.block.text[s : fee.char_span[1]]
    return fee.text


# ---- §7 A3: a premium earned by a donation and called free ---------------------------------
def _earned_hit(view: DocView, use: FreeUse) -> Hit | None:
    if use.subclass not in PREMIUM_CLASSES:
        return None
    earn = _earning(view, use.index)
    if earn is None:
        noun = _item_noun(use)
        if noun:
            for c in view.cues("RCP002.EARN"):
                if c.index != use.index and _mentions(c, noun) and _is_donation(view, c):
                    earn = c
                    break
    if earn is None:
        nxt = use.index + 1
        if view.cues("RCP002.ITEM_VERB", lo=nxt, hi=nxt):
            earn = next(
                (c for c in view.cues("RCP002.EARN", lo=nxt, hi=nxt) if _is_donation(view, c)),
                None,
            )
    if earn is None:
        return None
    where = "in the same sentence" if earn.sent is use.sent else f'("{_short(earn)}")'
    return Hit.tokens(
        use.sent,
        use.cue.start,
        use.phrase_end,
        Severity.WARNING,
        f'"{quote(use.phrase)}" is earned by a donation {where}: an item the reader pays for is not '
        "free.",
        evidence=[("payment", earn)],
        checked=["the item is tied to a donation in the same sentence or by name elsewhere"],
    )


def _earning(view: DocView, index: int) -> Cue | None:
    for c in view.cues("RCP002.EARN", lo=index, hi=index):
        if _is_donation(view, c):
            return c
    return None


def _is_donation(view: DocView, earn: Cue) -> bool:
    """The earning frame is a payment: an amount or a donation word in its sentence."""
    if negated(view, earn):
        return False
    sent = earn.sent
    return bool(
        view.in_sentence(sent, "MONEY") or view.in_sentence(sent, "RCP002.DONATION")
    ) and not view.in_sentence(sent, "VOLUNTARY")


def _item_noun(use: FreeUse) -> str:
    lw = use.sent.lowers
    assert lw is not None
    noun = use.noun
    if noun == "t" and use.end + 1 < len(lw) and lw[use.end] == "-":
        return lw[use.end + 1]  # "t - shirt"
    if noun in ("gift", "gifts", "item", "items", "bonus", "e", "download", "copy"):
        return ""  # too generic to tie two sentences together
    return noun


def _mentions(cue: Cue, noun: str) -> bool:
    lw = cue.sent.lowers or []
    stem = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
    return any(w in (stem, stem + "s", stem + "es") for w in lw)


def _short(cue: Cue) -> str:
    text = quote(cue.sent.text)
    return text if len(text) <= 70 else quote(cue.text)


RULE = Rule(
    code="RCP002",
    name="free-with-charge",
    summary='A "free" item the reader must pay a fee, shipping or a donation for',
    family="A",
    severity=Severity.ERROR,
    scope="S0..+1",
    pitfall="Untruthful offer",
    stage="give value",
    guardrail="truthful",
    sources=(
        "UCPD 2005/29/EC Annex I No. 20",
        "EC UCPD guidance §3.4.3",
        "16 CFR 251.1(b)(1)",
        "UK CAP Code 3.23",
        "Catalogue §7 A3",
    ),
    corrective=(
        "If the reader must pay anything beyond the true cost of delivery, don't call it "
        "'free'. Absorb the fee, or describe the item accurately (e.g., 'yours for $6.95 to "
        "cover handling')."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="what the reader pays to receive the 'free' item",
)
