"""Locale and cultural fit of gift and obligation framing.

## What it does
Asks for a localisation review (info) when the copy does not fit the market it is written for.
What the market is comes only from metadata your localisation team sets: `jurisdiction`,
`target_locale` and `gift_obligation_sensitive`. The rule never guesses a reader's culture.

- **(a) Legal or tax wording from another country**: US phrases ("tax-deductible",
  "501(c)(3)", "IRS", "no purchase necessary", "void where prohibited") in copy whose
  jurisdiction does not include the US, and the UK's "Gift Aid" in copy whose jurisdiction
  does not include the UK. The jurisdiction is the configured one, else the region of
  `target_locale`; with neither set nothing fires. "Tax-deductible" alone is plain English
  for Australian charities (deductible gift recipients), so it is not flagged for `AU`.
- **(b) Currency mismatch**: an amount in a currency that is not the market's ("$49" for
  `target_locale: en-GB`, "£20" for `de-DE`). "$" matches every dollar market (US, CA, AU, NZ,
  ...). The market's currency comes from `target_locale`, else from a single configured
  jurisdiction.
- **(c) Gift-obligation-sensitive markets** (`gift_obligation_sensitive: true`): any gift or
  premium offered to the reader. The message says what the market needs: an unsolicited gift
  ("we've sent you...") creates an obligation even with no ask at all (RCP015's uninvited gift,
  extended), and a gift followed by any ask, even a soft one ("reply", "take a look"), needs an
  explicit no-obligation line. RCP012 is raised to error in such markets by RCP012 itself.
- **(d) EU price reductions**: a price reduction ("30% off", "was €80, now €56") in copy for an
  EU jurisdiction with no statement of the prior price (the lowest price of the previous 30
  days). RCP007's EU mode checks the comparison itself.

## Why is this bad?
Gifting norms differ: in some markets an unsolicited gift creates a strong obligation to
reciprocate, so copy that is gentle in one market is pressure in another (seed pitfall
"Cultural mismatch: gifting may imply obligation"). Legal and tax statements are
jurisdiction-specific: "tax-deductible under IRS rules" promises a German donor nothing, and a
dollar price in a UK email reads as a mistake or a hidden conversion fee. Localised copy needs
localised statements.

## Example
```text
(jurisdiction: DE) Your donation is fully tax-deductible under IRS rules.
(target_locale: en-GB) Grab the bundle for just $49!
(gift_obligation_sensitive: true) We've sent you a welcome gift. Please consider our premium
plan.
```

## Use instead
```text
(jurisdiction: DE) Spenden an uns sind steuerlich absetzbar; Sie erhalten eine
Zuwendungsbestätigung.
(target_locale: en-GB) Grab the bundle for just £39!
(gift_obligation_sensitive: true) Here is a small welcome gift. It is yours to keep, and there
is no obligation of any kind.
```

## Corrective action
Have this copy reviewed for the target market. Adjust currency, legal and tax statements, and
gift etiquette; in some markets an unsolicited gift creates a strong obligation to reciprocate.
Use the local wording for "no obligation". (Seed pitfall "Cultural mismatch": localize norms and
tone.)

## References
- Seed pitfall "Cultural mismatch: gifting may imply obligation: localize norms and tone".
- IRC 6115 and the 501(c)(3) deduction are US law; Directive 98/6/EC Art. 6a (prior price of a
  reduction: the lowest price of the previous 30 days) is EU law.
- Cialdini, *Influence*: "an uninvited first favor must have the ability to create an
  obligation".
- Catalogue §0.4 (`jurisdiction`, `target_locale`, `gift_obligation_sensitive`), §5.8
  ("no purchase necessary" outside the US).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import Premium, asks, premiums
from linter.view import Cue, DocView, Hit, explicit_jurisdictions, money_currency

PATTERNS = {
    # "Tax-deductible" is also plain Australian English (deductible gift recipients).
    "RCP030.DEDUCTIBLE": (
        "tax - (deductible|deductable)",
        "tax (deductible|deductable)",
    ),
    "RCP030.US_LEGAL": (
        "tax - exempt",
        "tax exempt",
        r"/501\(?c\)?\(?3\)?/",
        "(irs|i.r.s.)",
        "internal revenue service",
        "no purchase (necessary|required)",
        "void where prohibited",
    ),
    "RCP030.UK_LEGAL": ("gift aid",),
    "RCP030.UNSOLICITED": (
        "(we 've|we have|we) already? (sent|mailed|shipped|enclosed|included)",
        "we went ahead and (sent|added|enrolled|upgraded)",
        "enclosed (is|are|you 'll find|you will find)",
        "your (free|complimentary) ANY ~2 (is|are) (on its way|on their way|enclosed|attached)",
    ),
    "RCP030.REDUCTION": (
        "(was|were|regularly|originally|normally|usually|formerly|previously) (at|just|only)? MONEY",
        "(reduced|discounted|marked down) (from|to|by)",
        "(sale|special|reduced|discounted) price",
        "save MONEY",
        "price (drop|cut|reduction)",
    ),
    "RCP030.PRIOR_PRICE": (
        "(lowest|prior|previous|former) price ~6 (30|thirty) days",
        "(30|thirty) - day (low|lowest|prior|price)",
        "prior price",
        "lowest price (in|of|during|over) the (last|previous|past|prior)",
    ),
}

# Jurisdiction codes that mean the EU (the Union itself and its member states).
EU_CODES = frozenset(
    "EU AT BE BG HR CY CZ DK EE FI FR DE GR EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
_REGION_ALIASES = {"GB": "UK"}
# Markets whose own charity law speaks of tax-deductible gifts.
_DEDUCTIBLE_MARKETS = frozenset({"AU"})

# Currency of a market, by region (BCP-47 region subtag or jurisdiction code).
_REGION_CURRENCY = {
    "US": "USD",
    "UK": "GBP",
    "IN": "INR",
    "JP": "JPY",
    "CN": "CNY",
    "CA": "CAD",
    "AU": "AUD",
    "NZ": "NZD",
    "SG": "SGD",
    "HK": "HKD",
    "MX": "MXN",
    "CH": "CHF",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "PL": "PLN",
    "CZ": "CZK",
    "HU": "HUF",
    "RO": "RON",
    "BG": "BGN",
    "BR": "BRL",
    "ZA": "ZAR",
}
_EURO_REGIONS = EU_CODES - {"EU", "BG", "CZ", "DK", "HU", "PL", "RO", "SE"}
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"})
# What each currency token can mean.
_TOKEN_CURRENCIES: dict[str, frozenset[str]] = {
    "$": _DOLLARS,
    "us$": frozenset({"USD"}),
    "c$": frozenset({"CAD"}),
    "a$": frozenset({"AUD"}),
    "usd": frozenset({"USD"}),
    "dollar": _DOLLARS,
    "dollars": _DOLLARS,
    "bucks": _DOLLARS,
    "€": frozenset({"EUR"}),
    "eur": frozenset({"EUR"}),
    "euro": frozenset({"EUR"}),
    "euros": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
    "gbp": frozenset({"GBP"}),
    "pound": frozenset({"GBP"}),
    "pounds": frozenset({"GBP"}),
    "¥": frozenset({"JPY", "CNY"}),
    "₹": frozenset({"INR"}),
    "inr": frozenset({"INR"}),
}
_CURRENCY_NAMES = {
    "USD": "US dollars",
    "GBP": "pounds sterling",
    "EUR": "euros",
    "INR": "rupees",
    "JPY": "yen",
    "CNY": "yuan",
    "CAD": "Canadian dollars",
    "AUD": "Australian dollars",
    "NZD": "New Zealand dollars",
    "CHF": "Swiss francs",
}
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?[-_]([A-Za-z]{2}|\d{3})\b")


def locale_region(view: DocView) -> str | None:
    """The region of `target_locale` ("en-GB" -> "UK"), or None when no locale is set."""
    raw = view.meta("target_locale")
    if not isinstance(raw, str):
        return None
    m = _LOCALE.match(raw.strip())
    if not m:
        return None
    region = m.group(1).upper()
    return _REGION_ALIASES.get(region, region)


def market_regions(view: DocView) -> set[str] | None:
    """Configured jurisdictions, else the locale's region; None when the user set neither."""
    explicit = explicit_jurisdictions(view)
    if explicit is not None:
        return {_REGION_ALIASES.get(j, j) for j in explicit}
    region = locale_region(view)
    return {region} if region else None


def market_currency(view: DocView) -> str | None:
    region = locale_region(view)
    if region is None:
        explicit = explicit_jurisdictions(view)
        if explicit is None or len(explicit) != 1:
            return None
        region = _REGION_ALIASES.get(next(iter(explicit)), next(iter(explicit)))
    if region in _EURO_REGIONS or region == "EU":
        return "EUR"
    return _REGION_CURRENCY.get(region)


def check(view: DocView) -> Iterator[Hit]:
    yield from _foreign_legal(view)
    yield from _currency(view)
    if view.meta("gift_obligation_sensitive", False) is True:
        yield from _sensitive(view)
    yield from _eu_reductions(view)


def _foreign_legal(view: DocView) -> Iterator[Hit]:
    regions = market_regions(view)
    if not regions:
        return
    labels = []
    if "US" not in regions:
        labels.append("RCP030.US_LEGAL")
        if not regions & _DEDUCTIBLE_MARKETS:
            labels.append("RCP030.DEDUCTIBLE")
    if "UK" not in regions:
        labels.append("RCP030.UK_LEGAL")
    if not labels:
        return
    seen: set[int] = set()
    where = ", ".join(sorted(regions))
    for cue in view.cues(*labels):
        if cue.index in seen:
            continue
        seen.add(cue.index)
        country = "UK" if cue.label == "RCP030.UK_LEGAL" else "US"
        yield Hit.at(
            cue,
            Severity.INFO,
            f'"{cue.text}" is {country} legal or tax wording, but this copy is for {where}.',
            checked=[f"jurisdiction (or target_locale region) excludes {country}"],
            verify=f"Which legal and tax statements apply in {where}.",
        )


def _currency(view: DocView) -> Iterator[Hit]:
    want = market_currency(view)
    if want is None:
        return
    wrong: list[Cue] = []
    for cue in view.cues("MONEY"):
        meanings = _TOKEN_CURRENCIES.get(money_currency(cue))
        if meanings is not None and want not in meanings:
            wrong.append(cue)
    if not wrong:
        return
    first = wrong[0]
    more = f" ({len(wrong)} amounts in all)" if len(wrong) > 1 else ""
    name = _CURRENCY_NAMES.get(want, want)
    yield Hit.at(
        first,
        Severity.INFO,
        f'"{first.text}" is not in the market\'s currency ({name}){more}.',
        evidence=[("amount", c) for c in wrong[1:4]],
        checked=[f"target_locale / jurisdiction currency: {want}"],
        verify="Whether the price or amount should be shown in the local currency.",
    )


def _unsolicited(view: DocView, gift_sents: set[int]) -> list[Cue]:
    """ "We've sent / enclosed ..." about a gift (in S0 or S+1), not about an email or a link."""
    out = []
    for c in view.cues("RCP030.UNSOLICITED"):
        if view.negated(c):
            continue
        if c.index in gift_sents or c.index + 1 in gift_sents:
            out.append(c)
    return out


def _noun_end(cue: Cue, offers: list[Premium]) -> int:
    """Block offset after the premium's noun ("complimentary notepad"), else after the cue."""
    _, end = cue.char_span
    noun = next((p.noun for p in offers if p.cue is cue), "")
    lw = cue.sent.lowers or []
    if noun:
        for k in range(cue.end, min(len(lw), cue.end + 4)):
            if lw[k] == noun:
                return cue.sent.char_span(k, k + 1)[1]
    return end


def _sensitive(view: DocView) -> Iterator[Hit]:
    offers = premiums(view)
    gift_sents = {p.index for p in offers if not p.cue.sent.in_subject}
    gift_sents |= {c.index for c in view.cues("GIFT_WORD")}
    unsolicited = _unsolicited(view, gift_sents)
    gifts: list[Cue] = [p.cue for p in offers] + unsolicited
    if not gifts:
        return
    first = min(gifts, key=lambda c: (not c.sent.in_subject, c.index, c.start))
    voluntary = view.live("VOLUNTARY")
    ask_cues = list(asks(view)) + [c for c in view.cues("ASK_SOFT") if not view.negated(c)]
    ask_cues = [a for a in ask_cues if not (a.sent is first.sent and a.start < first.end)]
    ask_clause = ""
    if ask_cues and not voluntary:
        ask_clause = (
            f' The ask that follows ("{ask_cues[0].text}") needs an explicit no-obligation '
            "line, even if it is a soft one."
        )
    if unsolicited:
        u = unsolicited[0]
        gift = next((g for g in gifts if g.sent is u.sent and g is not u), None)
        hit = (
            Hit.span(u, gift, Severity.INFO, "")
            if gift is not None
            else Hit.at(u, Severity.INFO, "")
        )
        if gift is not None:
            hit.end = max(hit.end, _noun_end(gift, offers))
        words = hit.sent.block.text[hit.start : hit.end]
        message = (
            f'"{words}": an unsolicited gift in a market flagged gift-obligation-sensitive '
            "creates an obligation to reciprocate even without an ask." + ask_clause
        )
    else:
        hit = Hit.at(first, Severity.INFO, "")
        if ask_clause:
            message = (
                f'"{first.text}" is a gift in a market flagged gift-obligation-sensitive.'
                + ask_clause
            )
        else:
            message = (
                f'"{first.text}" offers a gift in a market flagged gift-obligation-sensitive: '
                "have the gift framing and the no-obligation wording reviewed locally."
            )
    hit.message = message
    hit.evidence = [("ask", ask_cues[0])] if ask_cues else []
    hit.checked = ["metadata gift_obligation_sensitive is true"]
    hit.verify = "Local gift etiquette and the local wording for 'no obligation'."
    yield hit


def _eu_reductions(view: DocView) -> Iterator[Hit]:
    explicit = explicit_jurisdictions(view)
    if not explicit or not (explicit & EU_CODES):
        return
    cues = view.cues("PERCENT_OFF", "RCP030.REDUCTION")
    if not cues or view.cues("RCP030.PRIOR_PRICE"):
        return
    first = cues[0]
    yield Hit.at(
        first,
        Severity.INFO,
        f'"{first.text}" announces a price reduction to EU consumers without stating the prior '
        "price (the lowest price of the previous 30 days).",
        checked=["no prior-price statement (lowest price in the last 30 days) in DOC"],
        verify="The lowest price applied in the 30 days before the reduction.",
    )


RULE = Rule(
    code="RCP030",
    name="locale-and-gift-fit",
    summary="Copy whose legal wording, currency or gift framing does not fit its market",
    family="J",
    severity=Severity.INFO,
    scope="DOC + metadata",
    pitfall="Cultural mismatch",
    stage="give value",
    guardrail="truthful",
    sources=(
        "Seed pitfall: Cultural mismatch",
        "IRC 6115 / 501(c)(3) (US-only)",
        "Directive 98/6/EC Art. 6a (EU-only)",
        "Cialdini, Influence (uninvited favours create obligation)",
    ),
    corrective=(
        "Have this copy reviewed for the target market. Adjust currency, legal and tax "
        "statements, and gift etiquette; in some markets an unsolicited gift creates a strong "
        "obligation to reciprocate. Use the local wording for 'no obligation'."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
