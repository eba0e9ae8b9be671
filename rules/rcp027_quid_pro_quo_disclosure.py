"""Quid-pro-quo donation disclosure missing (US charities).

## What it does
In US fundraising copy, flags a donation ask that promises the donor goods or services in
return ("give $100 and we'll send you our hoodie", "donors at the $250 level receive two gala
tickets") when:

- **the payment is over $75** and nothing in the document tells the donor that only the amount
  above the value of the premium is deductible, or estimates that value in dollars (error);
- **the copy calls the whole gift deductible** ("100% tax-deductible", "your entire gift is
  deductible") while a premium is offered, at any amount (error).

When the copy says the premium is a token or insubstantial benefit ("token gift", "not
substantial", "low-cost article"), the finding is info instead, with the IRS thresholds for the
tax year to verify. It stays quiet on amounts of $75 or less, on a disclosure that is present
("the deductible portion is limited to $70", "estimated fair market value: $30"), on gifts with
no premium ("no goods or services were provided"), and on benefits that are solely an
intangible religious benefit.

The rule is active when the jurisdiction includes the US (the default; catalogue §0.4) and the
copy is fundraising (a `fundraising_email` or `fundraising_page` channel, or two or more
donation words such as "donate", "nonprofit", "501(c)(3)"). A configured jurisdiction that
excludes the US switches it off: IRC 6115 does not apply there, and RCP030 flags US tax wording
in copy for other markets instead. IRC 6115 binds charities (IRC 170(c) organizations) only, so
political fundraising is out of scope: copy with a "Paid for by" disclaimer, a statement that
contributions are not tax deductible, or party-political vocabulary ("Republicans", "elect",
"ballot"...) is left alone.

Configuration: `tax_year` (default 2025) picks the thresholds; `irs_thresholds` (options or
metadata, keyed by tax year, with `low_cost_article`, `token_min_payment` and
`insubstantial_cap`) is merged over the built-in 2024 and 2025 values (Rev. Proc. 2023-34 and
2024-40). No 2026 values are built in: they were not verified, so set them from Rev. Proc.
2025-32. Metadata `disclosure_in_receipt: true` marks a solicitation whose written statement
goes out with the receipt (IRC 6115 allows "the solicitation or the receipt"); it silences the
missing-disclosure finding, not a claim that the whole gift is deductible.

## Why is this bad?
When a donor gets something back, only the part of the payment above its value is a gift. The
law requires a charity that receives a quid-pro-quo contribution over $75 to say so in writing
and to give a good-faith estimate of the value, "in connection with the solicitation or
receipt" (26 U.S.C. 6115), with a penalty of $10 per contribution (IRC 6714). Calling the
whole amount deductible misleads the donor about their tax position, and fundraising codes ask
members to give donors accurate advice about the tax implications of their gifts. Truthful
reciprocity means saying plainly what the premium is worth.

## Example
```text
Give $100 or more and we'll send you our limited-edition hoodie.
Donors at the $250 level receive two tickets to our spring gala, and your gift is 100%
tax-deductible!
```

## Use instead
```text
Give $100 or more and we'll send you our limited-edition hoodie. The hoodie's estimated fair
market value is $30, so the deductible portion of a $100 gift is limited to $70.
```

## Corrective action
When a donor who gives more than $75 gets goods or services, tell them in writing that only the
amount above the value of what they receive is deductible, and give a good-faith dollar
estimate of that value (26 U.S.C. 6115). Don't call the whole gift deductible.

## References
- 26 U.S.C. 6115(a)-(b): written statement for quid-pro-quo contributions over $75 (deductible
  amount limited to the excess; good-faith estimate of the value).
- 26 CFR 1.6115-1(a)-(b): good-faith estimate of fair market value; token and membership
  benefits that may be disregarded.
- IRC 6714: $10 per contribution, capped at $5,000 per fundraising event or mailing.
- IRS Pub. 1771 (written disclosure for a payment over $75); Pub. 557 worked example ($100 gift,
  $40 ticket).
- Rev. Proc. 90-12 and 92-58 (token and insubstantial benefits); indexed amounts for 2024 (Rev.
  Proc. 2023-34) and 2025 (Rev. Proc. 2024-40).
- AFP Code of Ethical Standards (2014 numbering, Standard 13): accurate advice about the value
  and tax implications of contributions.
- Catalogue §6: variant B (whole gift deductible) takes precedence over RCP005.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.model import Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit, Sentence

# IRC 6115 threshold: a quid-pro-quo contribution "in excess of $75".
QUID_PRO_QUO_LIMIT = 75.0
DEFAULT_TAX_YEAR = 2025
THRESHOLD_KEYS = ("low_cost_article", "token_min_payment", "insubstantial_cap")
# Rev. Proc. 2023-34 (2024) and 2024-40 (2025), via secondary sources (catalogue §1.4). 2026
# (Rev. Proc. 2025-32) was not verified and is deliberately absent.
DEFAULT_IRS_THRESHOLDS: dict[int, dict[str, float]] = {
    2024: {"low_cost_article": 13.20, "token_min_payment": 66.0, "insubstantial_cap": 132.0},
    2025: {"low_cost_article": 13.60, "token_min_payment": 68.0, "insubstantial_cap": 136.0},
}

PATTERNS = {
    "RCP027.DONATION": (
        "(give|gives|giving|donate|donates|donating|donation|donations|contribution|contributions|contribute|contributes|contributing|pledge|pledges|pledging)",
        "chip in",
        "(gift|gifts) of",
        "(donors|members|supporters|sponsors|patrons) (who|at|giving)",
        "(member|members|membership|sponsor|sponsorship) (at|level|levels)",
        "(level|tier) of MONEY",
    ),
    "RCP027.PREMIUM_VERB": (
        "(receive|receives|receiving|get|gets|getting|earn|earns|enjoy|enjoys|unlock|unlocks)",
        "(we 'll|we will|we 'd|we would|we 'll also|we will also) (send|mail|ship|give|reserve|deliver)",
        "(you 'll|you will|you 'll also|you will also) (get|receive|enjoy|be sent)",
        "(includes|include|including|comes with|come with)",
        "as a (thank - you|thank you|token of)",
        "in return",
        "(is|are) yours",
    ),
    "RCP027.PREMIUM_NOUN": (
        "(hoodie|hoodies|sweatshirt|sweatshirts|tote|totes|mug|mugs|tumbler|tumblers|shirt|shirts|tee|tees|tshirt|book|books|dvd|dvds|ticket|tickets|dinner|dinners|gala|tour|tours|reception|receptions|print|prints|calendar|calendars|magazine|magazines|subscription|subscriptions|membership|memberships|blanket|blankets|bag|bags|umbrella|umbrellas|cap|caps|hat|hats|poster|posters|jacket|jackets|scarf|socks|plaque|brunch|lunch|luncheon|concert|seat|seats|admission|pass|passes|bottle|bottles|vinyl|album|cookbook|ornament|ornaments|bookmark|bookmarks|notepad|notepads|sticker|stickers|magnet|magnets|pin|pins|decal|decals|keychain|keychains|apron|aprons|journal|journals|planner|planners|pen|pens)",
        "t - (shirt|shirts)",
        "signed copy",
        "meet and greet",
        "meet - and - greet",
        "(thank - you|thank you|special|exclusive|free|welcome|bonus) (gift|gifts)",
    ),
    # Disclosure (i): "deductible" with a limit in the same sentence.
    "RCP027.DEDUCTIBLE": ("(deductible|deductibility|deduction|deduct|deducted)",),
    "RCP027.LIMIT": (
        "limited to",
        "(in)? excess of",
        "(exceeds|exceed|exceeding)",
        "(less|minus) the",
        "reduced by",
        "(portion|part) of",
        "the (amount|portion) (above|over|beyond)",
        "(above|over|beyond) the (fair market|estimated)? value",
        "the difference between",
        "(deductible|deduction) (portion|amount) (is|of)",
    ),
    # Disclosure (ii): a good-faith estimate of the premium's value in dollars.
    "RCP027.VALUE": (
        "(estimated|estimate|fair market|fair - market|good - faith|good faith|approximate|approximately) ~3 (value|worth)",
        "valued at",
    ),
    "RCP027.TOKEN": (
        "not substantial",
        "insubstantial",
        "token (item|items|gift|gifts|benefit|benefits)",
        "low - cost (article|articles|item|items)",
        "low cost (article|articles|item|items)",
    ),
    "RCP027.FULLY": (
        "(fully|entirely|completely|totally|wholly) (tax - )?(deductible|deductable)",
        "100 (%|percent) (tax - )?(deductible|deductable)",
        "(entire|full|whole) (gift|amount|donation|contribution|payment|purchase) (is|will be|are) (fully)? (tax - )?(deductible|deductable)",
    ),
    "RCP027.RELIGIOUS": ("intangible religious (benefit|benefits)",),
    # A political committee's disclaimer: its contributions are not charitable (IRC 170(c)).
    "RCP027.POLITICAL": (
        "paid for by",
        "(not|n't) authorized by (any|the) ~2 (candidate|candidates|committee)",
    ),
    # Party-political vocabulary: two distinct words mark a campaign, not a charity.
    "RCP027.PARTISAN": (
        "(republican|republicans|democrat|democrats|democratic|gop|dnc|rnc|dscc|dccc|nrsc|nrcc|fec|candidate|candidates|ballot|ballots|election|elections|elect|reelect|voters|congressional|senator|congresswoman|congressman)",
        "re - elect",
    ),
}
_PARTISAN_WORDS = 2


@dataclass
class Exchange:
    """One sentence (or a sentence and its "$29/mo." continuation) offering a premium for a gift."""

    sent: Sentence
    cues: list[Cue]
    amount: float | None
    money: Cue | None

    @property
    def first(self) -> Cue:
        return min(self._here(), key=lambda c: c.start)

    @property
    def last(self) -> Cue:
        return max(self._here(), key=lambda c: c.end)

    def _here(self) -> list[Cue]:
        cues = [c for c in self.cues if c.sent is self.sent]
        if self.money is not None and self.money.sent is self.sent:
            cues.append(self.money)
        return cues

    def names(self) -> tuple[str, str]:
        """The premium's noun (the head of "print magazine") and the amount, as written."""
        noun = self.cues[-1].text
        money = self.money.text if self.money is not None else ""
        return noun, money


def irs_thresholds(view: DocView) -> tuple[int, dict[str, float] | None]:
    """The tax year and its thresholds: configured values merged over the built-in ones."""
    raw_year = view.meta("tax_year", DEFAULT_TAX_YEAR)
    try:
        year = int(raw_year)
    except (TypeError, ValueError):
        year = DEFAULT_TAX_YEAR
    table: dict[int, dict[str, float]] = {y: dict(v) for y, v in DEFAULT_IRS_THRESHOLDS.items()}
    configured = view.meta("irs_thresholds") or {}
    if isinstance(configured, Mapping):
        for key, values in configured.items():
            try:
                y = int(key)
            except (TypeError, ValueError):
                continue
            if isinstance(values, Mapping):
                row = table.setdefault(y, {})
                for k in THRESHOLD_KEYS:
                    v = _number(values.get(k))
                    if v is not None:
                        row[k] = v
    row = table.get(year)
    if row is None or any(k not in row for k in THRESHOLD_KEYS):
        return year, None
    return year, row


def _number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.replace("$", "").replace(",", ""))
        except ValueError:
            return None
    return None


def _active(view: DocView) -> bool:
    """US fundraising by a charity: IRC 6115 binds 170(c) organizations only."""
    if "US" not in view.jurisdictions():
        return False
    if not (view.is_fundraising or len(view.cues("DONATION_WORD")) >= 2):
        return False
    if view.cues("RCP027.POLITICAL"):
        return False  # a campaign or party committee: contributions are not charitable
    partisan = {c.lowers[-1] for c in view.cues("RCP027.PARTISAN")}
    if len(partisan) >= _PARTISAN_WORDS:
        return False
    return not any(view.negated(c) for c in view.cues("RCP027.DEDUCTIBLE"))


def _exchanges(view: DocView) -> list[Exchange]:
    """Sentences that name a donation, a premium verb and a premium noun (catalogue Trigger A)."""
    out = []
    nouns = view.cues("RCP027.PREMIUM_NOUN")
    for sent in dict.fromkeys(c.sent for c in nouns):
        unit = [sent]
        nxt = view.sentence(sent.index + 1)
        if nxt is not None and _continues(sent):
            unit.append(nxt)  # "$29/mo." splits a sentence (catalogue §5.9)
        cues = [c for s in unit for c in s.cues]
        donation = [c for c in cues if c.label in ("RCP027.DONATION", "GIFT_DONATION")]
        verbs = [c for c in cues if c.label == "RCP027.PREMIUM_VERB" and not view.negated(c)]
        premium = [
            c
            for c in cues
            if c.label == "RCP027.PREMIUM_NOUN"
            and not view.negated(c)
            and not any(
                d.label == "RCP027.PREMIUM_NOUN" and d.sent is c.sent and d.start == c.end
                for d in cues
            )
        ]
        if not (donation and verbs and premium):
            continue
        amounts = [(v, c) for s in unit for v, c in view.amounts(s)]
        amount, money = max(amounts, key=lambda a: a[0]) if amounts else (None, None)
        out.append(Exchange(sent, donation[:1] + verbs[:1] + premium[:1], amount, money))
    return out


def _continues(sent: Sentence) -> bool:
    lw = sent.lowers
    return bool(lw) and len(lw) >= 3 and lw[-1] == "." and lw[-3] == "/"  # type: ignore[index]


def _disclosed(view: DocView) -> Cue | None:
    for cue in view.cues("RCP027.DEDUCTIBLE"):
        if view.in_sentence(cue.sent, "RCP027.LIMIT"):
            return cue
    for cue in view.cues("RCP027.VALUE"):
        if any(m.start >= cue.start for m in view.in_sentence(cue.sent, "MONEY")):
            return cue
    return None


def check(view: DocView) -> Iterator[Hit]:
    if not _active(view) or view.cues("RCP027.RELIGIOUS"):
        return
    exchanges = _exchanges(view)
    if not exchanges:
        return
    token = view.live("RCP027.TOKEN")
    fully = [c for c in view.cues("RCP027.FULLY") if not view.negated(c)]
    if token:
        yield from _token_hits(view, exchanges, token[0], bool(fully))
        return
    over = [x for x in exchanges if x.amount is not None and x.amount > QUID_PRO_QUO_LIMIT]
    missing = not _disclosed(view) and not view.meta("disclosure_in_receipt", False)
    claim_sents: set[int] = set()
    for claim in fully:
        if claim.index in claim_sents:
            continue
        claim_sents.add(claim.index)
        same = next((x for x in exchanges if x.sent is claim.sent), None)
        premium = same or exchanges[0]
        noun, _ = premium.names()
        yield Hit.at(
            claim,
            Severity.ERROR,
            f'"{claim.text}" calls the whole gift deductible, but donors get a premium '
            f'("{noun}"): only the amount above its value is deductible.',
            evidence=[("premium", premium.first)],
            checked=["no token or insubstantial-benefit statement in DOC"],
            verify=f"The fair market value of the {noun}.",
        )
    if not missing:
        return
    for x in over:
        if x.sent.index in claim_sents:
            continue
        noun, money = x.names()
        yield Hit.span(
            x.first,
            x.last,
            Severity.ERROR,
            f'A gift of "{money}" earns a premium ("{noun}"), but the copy never says that only '
            "the amount above the premium's value is deductible, nor estimates that value.",
            evidence=[("amount", x.money)] if x.money is not None else [],
            checked=[
                "no 'deductible ... limited to / excess / portion' sentence in DOC",
                "no 'estimated / fair market value ... $' sentence in DOC",
                "metadata disclosure_in_receipt is not set",
            ],
            verify=f"The fair market value of the {noun}, and whether the written "
            "disclosure goes out with the receipt instead (set disclosure_in_receipt).",
        )


def _token_hits(view: DocView, exchanges: list[Exchange], token: Cue, fully: bool) -> Iterator[Hit]:
    year, row = irs_thresholds(view)
    for x in exchanges:
        over = x.amount is not None and x.amount > QUID_PRO_QUO_LIMIT
        if not over and not fully:
            continue
        noun, _ = x.names()
        yield Hit.span(
            x.first,
            x.last,
            Severity.INFO,
            f'The copy calls the premium ("{noun}") a token or insubstantial benefit '
            f'("{token.text}"); {_threshold_text(year, row, x.amount)}',
            evidence=[("token statement", token)],
            verify=f"The cost and fair market value of the {noun} against the {year} "
            "IRS thresholds.",
        )


def _threshold_text(year: int, row: dict[str, float] | None, amount: float | None) -> str:
    if row is None:
        return (
            f"IRS thresholds for tax year {year} are not configured: verify them in the Rev. "
            f"Proc. for {year} and set options.irs_thresholds.{year}."
        )
    low, minimum, cap = (row[k] for k in THRESHOLD_KEYS)
    text = (
        f"verify the {year} IRS thresholds: an item costing at most {_usd(low)} for a gift of "
        f"at least {_usd(minimum)}, or a benefit worth no more than the lesser of 2% of the "
        f"gift or {_usd(cap)}"
    )
    if amount is not None:
        text += f" (for a {_usd(amount)} gift, {_usd(min(amount * 0.02, cap))})"
        if amount < minimum:
            text += f"; a {_usd(amount)} gift is below the token-item minimum payment"
    return text + "."


def _usd(v: float) -> str:
    return f"${v:,.0f}" if v == int(v) else f"${v:,.2f}"


RULE = Rule(
    code="RCP027",
    name="quid-pro-quo-disclosure-missing",
    summary="A donation premium over $75 without the IRS deductibility statement, or a "
    "premium with a 'fully deductible' claim (US)",
    family="H",
    severity=Severity.ERROR,
    scope="DOC",
    pitfall="Untruthful offer",
    stage="proportional ask",
    guardrail="truthful",
    sources=(
        "26 U.S.C. 6115(a)-(b)",
        "26 CFR 1.6115-1(a)-(b)",
        "IRC 6714",
        "IRS Pub. 1771; Pub. 557",
        "Rev. Proc. 90-12; Rev. Proc. 2023-34 (2024); Rev. Proc. 2024-40 (2025)",
        "AFP Code of Ethical Standards, Standard 13 (2014 numbering)",
    ),
    corrective=(
        "When a donor who gives more than $75 gets goods or services, tell them in writing that "
        "only the amount above the value of what they receive is deductible, and give a "
        "good-faith dollar estimate of that value (26 U.S.C. 6115). Don't call the whole gift "
        "deductible."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="The fair market value of the premium and whether the written statement goes out "
    "with the solicitation or the receipt.",
)
