"""Email envelope: opt-out, postal address and ad identification in commercial email.

## What it does
Checks that a commercial email carries what CAN-SPAM requires every commercial message to
carry, as far as the text can show it:

- **(a) an opt-out**: an unsubscribe link, "manage preferences", or a reply-to-unsubscribe
  instruction ("reply STOP", "to be removed, reply with REMOVE"). Missing: error.
- **(b) an unobstructed opt-out**: unsubscribing may take only a reply or a single web page.
  A fee, a login, a phone call or letter, extra personal details, a survey, or a wait of more
  than 10 business days: error.
- **(c) a valid physical postal address**: a street address (number, street, suffix) or a PO
  box / private mailbox, together with a postal code. Missing: error.
- **(d) identification as an advertisement** ("Advertisement", "ADV:" in the subject,
  "promotional email"): missing, warning, unless the recipient opted in
  (`recipient_consented: true`, which the linter cannot see).

It applies to the `email` and `fundraising_email` channels, and only to **commercial** email
(catalogue §7 A9): a message whose primary purpose is to promote a product or service.
`is_commercial` in metadata decides when it is set. Otherwise a `fundraising_email` is not
commercial (charity and political appeals are outside CAN-SPAM), and an `email` is commercial
when the copy itself shows a promotion, judged as 16 CFR 316.3 judges mixed messages:

- it labels itself an advertisement (in the subject or its opening lines), or
- its subject announces a promotion (a price, a sale, an order-now, a prize, a sales pitch), or
- it carries at least two kinds of commercial signal (an offer or "free" item, a price, a
  discount or sale, a buy/order/click-here ask, a prize draw, urgency or scarcity, a pitch such
  as "our services", "work from home", "money-back guarantee", a product category such as
  "mortgage" or "insurance"), and either it is short (up to 30 sentences), its opening
  sentences carry three kinds, one sentence in five carries a signal, or it pitches
  throughout; or
- it is a one-theme pitch with three or more distinct sales phrases.

So a long news digest with a sponsor slot, a personal note, a reply in a discussion or a
transactional notice is quiet. A service message that RCP024 finds turned into a hard pitch is
commercial (RCP024 and RCP028 co-fire on purpose). Each finding lists, under "checked", why the
message was judged commercial.

A mailing list's own footer ("To unsubscribe, send a mail to majordomo@...", a mailman
`listinfo` link) is not the sender's opt-out (catalogue §7 A4). A sender's `List-Unsubscribe`
header without any visible opt-out in the body lowers (a) to a warning: some mail clients show
it as an unsubscribe button, others don't.

Severity follows CAN-SPAM, a US law: when the configured jurisdiction excludes the US (set
explicitly; the default is the US), every finding is info (catalogue §6).

## Why is this bad?
The fourth stage of the seed model is to maintain consent and an easy opt-out; the guardrail is
that every act of reciprocity be reversible. A commercial email that hides or obstructs the way
out, or doesn't say who sent it and where they are, takes the reader's attention without their
consent. CAN-SPAM makes these elements mandatory: a functioning opt-out, honoured within 10
business days, that requires nothing but a reply or one web page; clear identification as an
advertisement; and a valid physical postal address of the sender.

## Example
```text
Spring sale: 30% off every planner until Sunday. Shop now!
Thanks for reading! - The Brightline Team
```

## Use instead
```text
Advertisement. Spring sale: 30% off every planner until Sunday. Shop now!
You're receiving this because you subscribed at brightline.example. Unsubscribe in one click.
Brightline Ltd, 210 Harbor Street, Suite 4, Portland, ME 04101.
```

## Corrective action
Give every commercial email a visible one-step opt-out (an unsubscribe link or a
reply-to-unsubscribe instruction) that asks for nothing else, your valid physical postal
address (a street address or a registered PO box), and an advertisement label unless the
recipient opted in.

## References
- 15 U.S.C. 7704(a)(3) (functioning opt-out, at least 30 days), (a)(4) (honoured within 10
  business days), (a)(5)(A)(i)-(iii) (ad identification, opt-out notice, postal address),
  (a)(5)(B) (consent exemption for ad identification).
- 16 CFR 316.2(p) (street address, registered PO box or private mailbox), 316.3 (primary
  purpose; transactional content), 316.5 (no fee, no information beyond the address and
  preferences, no steps beyond a reply or a single web page).
- Donor Bill of Rights IX (deletion from mailing lists).
- Seed Stage 4 "maintain consent and easy opt-out"; guardrail "reversible".
- Catalogue §7 A4 (a mailing list's footer is not the sender's opt-out), §7 A9 (commercial
  email only), §6 (CAN-SPAM findings are info outside the US).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from linter.model import Severity
from linter.rule import Rule
from linter.senses import asks, free_uses, premiums
from linter.view import EMAIL_CHANNELS, Cue, DocView, Hit, Sentence, explicit_jurisdictions

_STREET_SUFFIXES = (
    "st st. street ave ave. avenue rd rd. road blvd blvd. boulevard dr dr. drive ln lane way ct "
    "court pl place pkwy parkway hwy highway sq square suite ste ste. terrace ter plaza circle "
    "cir trail trl pike row center centre floor fl"
).split()
_HOUSE_NUMBER = r"/\d{1,6}(-\d{1,6})?[a-z]?/"
# ZIP after a state (abbreviation or name): "ME 04101", "Texas 78767", "TX, 78767".
_STATES = (
    "(al|ak|az|ar|ca|co|ct|de|dc|d.c.|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|"
    "nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|pr|alabama|alaska|"
    "arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|"
    "illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|"
    "minnesota|mississippi|missouri|montana|nebraska|nevada|ohio|oklahoma|oregon|pennsylvania|"
    "tennessee|texas|utah|vermont|virginia|washington|wisconsin|wyoming|hampshire|jersey|mexico|"
    "york|carolina|dakota|rico|columbia)"
)

PATTERNS = {
    # ---- (c) the postal address: a street or box, and a postal code (catalogue §2 ADDRESS) --
    # One pattern per street suffix, so that each is anchored on its suffix word, not on digits.
    "RCP028.STREET": tuple(f"{_HOUSE_NUMBER} ANY ~3 {s}" for s in _STREET_SUFFIXES)
    + (
        r"/[a-zäöüß-]*(straße|strasse|str\.|weg|platz|gasse|allee|damm|ring)/ /\d{1,4}[a-z]?/",
        r"/(rue|via|calle|avenida|boulevard|chaussée|plein|laan|straat|gracht)/ ANY ~3 /\d{1,4}/",
    ),
    "RCP028.BOX": (
        "(po|p.o.|p.o|pob) .? box NUM",
        "p . o . box NUM",
        r"/p\.?o\.?box/ NUM",
        "post office box NUM",
        "(pmb|private mailbox|private mail box|postbox|postfach|apartado) .? #? NUM",
        "(box|bin) NUM",
    ),
    "RCP028.POSTAL": (
        _STATES + r" .? ,? /\d{5}(-\d{4})?/",
        r"/[a-z]{1,2}\d[a-z\d]?/ /\d[a-z]{2}/",  # UK: SW1A 2AA
        r"/[a-z]\d[a-z]/ /\d[a-z]\d/",  # Canada: K1A 0B1
        r"/\d{4,5}/ /[A-ZÄÖÜ][a-zäöüß]+/",  # 10115 Berlin, 1010 Wien
        r"/\d{4}/ /[a-z]{2}/ /[A-Z][a-z]+/",  # 1012 AB Amsterdam
        r"/[a-z]\d{2}/ /[a-z\d]{4}/",  # Eircode D02 X285
    ),
    # ---- (a) opt-out phrasings beyond the shared UNSUB lexicon ----------------------------
    "RCP028.OPT_OUT": (
        "(to be|get|getting|be) (removed|deleted|excluded|taken off|taken out)",
        "(to|and|or) (get|be) (removed|deleted|excluded|taken off|taken out)",
        "(excluded|removed|deleted|taken off|taken out) (from|of) (future|our|this|the|all)",
        "get out (from|of) (our|this|the)",
        "(remove|delete) (your|you|my|me) ~3 from",
        "(remove|removal) (request|requests|instructions|link|here)",
        "no longer (wish|want) to (receive|get|hear)",
        "(do not|don't|do n't) (wish|want) to (receive|get) (further|future|more|these|any)",
        "(reply|respond) ~6 (remove|unsubscribe|stop|opt out|opt - out)",
        "(unsubscribe|opt out|opt - out) (here|below|link|now|at any time|anytime)",
    ),
    # A discussion list's own footer (catalogue §7 A4).
    "RCP028.LIST_FOOTER": (
        r"/\S*(mailman|listinfo|majordomo|listserv|lyris|ezmlm|yahoogroups|googlegroups|-request@)\S*/",
        "(mailing list|list) (server|software|admin|administrator|maintainer|owner)",
        "(un) \\) subscription",
        "\\( un \\) subscription",
    ),
    # ---- (b) obstructed opt-out (16 CFR 316.5) ---------------------------------------------
    "RCP028.OBSTRUCT": (
        "(unsubscribe|unsubscription|removal|opt - out|opt out) (fee|fees|charge)",
        "(fee|charge) (to|for) (unsubscribe|unsubscribing|opt out|opting out|removal|be removed)",
        "(pay|paying) ~3 to (unsubscribe|be removed|opt out)",
        "to (unsubscribe|opt out|opt - out|be removed|remove yourself|stop receiving) ~4 (log in|login|sign in|call|phone|fax|text|send a letter|write to us|write to|visit our office|mail us|mail a letter|by mail|by post)",
        "(log in|login|sign in|logging in|signing in) ~6 to (unsubscribe|opt out|be removed|stop receiving|manage)",
        "(provide|enter|confirm|give us|tell us) your (name|phone|address|reason|password|account number|date of birth|zip|postal code|reasons) ~4 (to|before) (unsubscribe|unsubscribing|opt out|be removed)",
        "(answer|complete|fill out|take) (a|our|the) (short|brief|quick)? survey",
    ),
    # A wait near an unsubscribe: 10 business days is the legal limit (7704(a)(4)).
    "RCP028.WAIT": (
        "(take|takes|may take|allow|allow up to|within|up to) ~2 NUM (weeks|months|days|business days)",
    ),
    # Words that mark the unsubscribe context for a survey or a wait.
    "RCP028.UNSUB_NEAR": ("(unsubscribe|unsubscribing|opt out|opt - out|removal|removed|remove)",),
    # ---- (d) ad identification in the subject ("ADV:") --------------------------------------
    "RCP028.AD_LABEL": ("adv :", "\\[ ad \\]", "\\( ad \\)", "ad :", "advertisement"),
    # ---- commercial purpose (catalogue §7 A9) -------------------------------------------------
    "RCP028.PROMO": (
        "(sale|sales|discount|discounts|discounted|deal|deals|coupon|coupons|clearance|savings|bargain|rebate|promo)",
        "(special|exclusive|limited|introductory|free|trial) (offer|offers|pricing|price|promotion)",
        "(lowest|low|best|great|wholesale) (price|prices|rates|rate|cost)",
        "save (MONEY|NUM|up|big|money|on|time and money)",
    ),
    "RCP028.BUY_NOW": (
        "(order|buy|call|shop|apply|act|sign up|register|subscribe|enroll|book) (now|today)",
        "(visit|see) our (website|site|store|shop|catalog|catalogue|online store)",
        "(toll - free|toll free)",
        "(shop|browse) (the|our) (sale|collection|store|range|catalog|catalogue)",
    ),
    "RCP028.PITCH": (
        "our (products|product|services|service|company|business|store|shop|team of experts|program|programs|software|solution|solutions)",
        "(business|investment|money - making|income) (opportunity|opportunities)",
        "(work|working) from home",
        "(make|making|earn|earning) (money|MONEY|cash|extra cash|income|NUM)",
        "(we|i) can (help you|submit|offer|provide|get you|save you)",
        "(money - back|money back) guarantee",
        "your money back",
        "(guaranteed|guarantee)",
        "risk - free",
        "work - at - home",
        "help wanted",
        "no experience (is)? (required|necessary|needed)",
        "(business|investment) (proposal|relationship|partnership|transaction|venture)",
        "(transaction|beneficiary|overseas partner)",
        "transfer (of)? (the|this)? (sum|fund|funds|money|amount)",
    ),
    # Product categories: a topic, not a pitch ("reenactor insurance needed" is a question).
    "RCP028.TOPIC": (
        "(commission|commissions|profit|profits|income|investment|investors|refinance|mortgage|mortgages|loan|loans|insurance|warranty|warranties|credit|debt|pharmacy|prescription|viagra|pills|casino|opportunity|opportunities)",
    ),
    "RCP028.PRIZE": (
        "(chance|chances) to win",
        "(enter|entered) to win",
        "(you 've|you have|you) (won|been selected)",
        "(you could|you can|could you) win",
        "win (a|an|one of|one|the|your|free|cash|MONEY)",
        "(prize|prizes|sweepstakes|giveaway|raffle)",
    ),
    "RCP028.CTA": (
        "click (here|below|on the link|this link|the link)",
        "(enter|join) (now|here) !",
    ),
}

_CAN_SPAM_REGIONS = frozenset({"US"})
_SUBJECT_AD = re.compile(r"^\s*(adv?\s*:|\[adv?\]|\(adv?\)|advertisement\b)", re.IGNORECASE)
_BUSINESS_DAYS_LIMIT = 10


@dataclass
class Purpose:
    """Whether the message is commercial, and why (shown in the finding's checked list)."""

    commercial: bool
    why: str
    signals: list[Cue] = field(default_factory=list)


def _rcp024_helper() -> Callable[[DocView], bool] | None:
    """RCP024's `service_turned_commercial`, when that rule is installed (looked up lazily)."""
    try:
        from linter.rules import MODULES
    except ImportError:  # pragma: no cover
        return None
    for name in MODULES:
        if name.startswith("rcp024_"):
            try:
                module = importlib.import_module(f"linter.rules.{name}")
            except ImportError:  # pragma: no cover
                return None
            fn = getattr(module, "service_turned_commercial", None)
            return fn if callable(fn) else None
    return None


def commercial_purpose(view: DocView) -> Purpose:
    """Catalogue §7 A9: is the primary purpose of this message commercial? Memoized."""
    return view.memo("rcp028.purpose", _purpose)


def _purpose(view: DocView) -> Purpose:
    declared = view.meta("is_commercial")
    if isinstance(declared, bool):
        return Purpose(declared, f"metadata is_commercial={str(declared).lower()}")
    helper = _rcp024_helper()
    if helper is not None and helper(view):
        return Purpose(True, "a service message turned into a pitch (RCP024)")
    if view.is_fundraising:
        return Purpose(False, "fundraising email (is_commercial defaults to false)")
    if _ad_label(view, top_only=True):
        return Purpose(True, "the message labels itself an advertisement")
    signals = _signals(view)
    kinds: dict[str, Cue] = {}
    for kind, cue in signals:
        kinds.setdefault(kind, cue)
    names = ", ".join(f'{k} ("{c.text}")' for k, c in kinds.items())
    subject = {k for k, c in signals if c.sent.in_subject}
    if subject & _STRONG_SUBJECT or (subject and len(kinds) >= 2):
        return Purpose(True, f"the subject announces a promotion; signals: {names}")
    if len(kinds) < 2:
        pitch = {
            " ".join(c.lowers) for k, c in signals if k in ("pitch", "promotion", "prize", "topic")
        }
        if len(pitch) >= _PITCH_WORDS:
            words = ", ".join(f'"{w}"' for w in sorted(pitch))
            return Purpose(True, f"a sales pitch: {words}")
        return Purpose(False, "no promotion found in the copy (a newsletter, note or notice)")
    # 16 CFR 316.3: a message that mixes content and ads is commercial when the ads lead it or
    # make up much of it. A news digest with sponsor slots is a newsletter (catalogue §7 A9).
    n = len(view.sentences)
    body = [(k, c) for k, c in signals if not c.sent.in_subject]
    lead = max(_LEAD_SENTENCES, min(n // 5, _LEAD_MAX))
    lead_kinds = {k for k, c in body if c.index < lead}
    density = len({c.index for _, c in body}) / max(n, 1)
    if n <= _SHORT_MESSAGE or len(lead_kinds) >= _LEAD_KINDS or density >= _AD_DENSITY:
        return Purpose(True, f"commercial signals: {names}", list(kinds.values()))
    if "pitch" in kinds and len(kinds) >= _PITCH_KINDS:
        return Purpose(True, f"a sales pitch throughout: {names}", list(kinds.values()))
    return Purpose(
        False,
        f"a newsletter: commercial signals ({names}) are a small part of a long message and "
        "do not lead it",
    )


# Subject kinds that announce a promotion by themselves (a bare "free" in a subject does not:
# "Saying good-bye to free" is a news headline).
_STRONG_SUBJECT = frozenset({"price", "promotion", "ask", "prize", "pitch"})
_SHORT_MESSAGE = 30  # sentences: below this a message is one piece of copy, not a digest
_LEAD_SENTENCES = 5  # the "beginning of the message" (316.3): at least 5 sentences...
_LEAD_MAX = 10  # ...and at most 10, however long the digest
_LEAD_KINDS = 3  # kinds of commercial signal that make an opening an ad, not a sponsor line
_AD_DENSITY = 0.2  # share of sentences carrying a commercial signal
_PITCH_KINDS = 4  # a long message that pitches ("guaranteed", "make money") with 4+ kinds


def _signals(view: DocView) -> list[tuple[str, Cue]]:
    """Commercial signals of the subject and the body, as (kind, cue).

    The subject counts: under 16 CFR 316.3(a)(2) a subject line that announces an
    advertisement makes the message commercial. Footer boilerplate does not: "click here to
    unsubscribe" or a list's "to subscribe, send..." says nothing about the message.
    """
    return view.memo("rcp028.signals", _compute_signals)


def _compute_signals(view: DocView) -> list[tuple[str, Cue]]:
    out: list[tuple[str, Cue]] = []
    for use in free_uses(view):
        if not use.negated:
            out.append(("offer", use.cue))
    out += [("offer", p.cue) for p in premiums(view)]
    for subject in (True, False):
        out += [("price", c) for c in view.cues("MONEY", subject=subject)]
        out += [("promotion", c) for c in view.cues("PERCENT_OFF", "RCP028.PROMO", subject=subject)]
        out += [("ask", c) for c in view.cues("RCP028.BUY_NOW", subject=subject)]
        out += [("prize", c) for c in view.cues("RCP028.PRIZE", subject=subject)]
        out += [("ask", c) for c in view.cues("RCP028.CTA", subject=subject)]
        out += [("pitch", c) for c in view.cues("RCP028.PITCH", subject=subject)]
        out += [("topic", c) for c in view.cues("RCP028.TOPIC", subject=subject)]
        pressure = view.cues("URGENCY", "SCARCITY", subject=subject)
        out += [("pressure", c) for c in pressure if not view.negated(c)]
    out += [("ask", c) for c in asks(view) if c.lowers[0] not in _NOT_COMMERCIAL_ASKS]
    return [(k, c) for k, c in out if not _footer_sentence(view, c.sent)]


def _footer_sentence(view: DocView, sent: Sentence) -> bool:
    return bool(view.in_sentence(sent, "UNSUB", "RCP028.OPT_OUT", "RCP028.LIST_FOOTER"))


def _signal_kinds(view: DocView) -> dict[str, Cue]:
    """The first cue of each kind of commercial signal."""
    kinds: dict[str, Cue] = {}
    for kind, cue in _signals(view):
        kinds.setdefault(kind, cue)
    return kinds


def _pitch_words(view: DocView) -> set[str]:
    """Distinct sales-pitch and promotion phrases ("work from home", "income", "guaranteed")."""
    return {
        " ".join(c.lowers) for kind, c in _signals(view) if kind in ("pitch", "promotion", "prize")
    }


# A one-theme pitch ("work from home ... income ... no experience required") is commercial too.
_PITCH_WORDS = 3

# Asks that are not purchases: donations belong to fundraising, "order" in "in order to".
_NOT_COMMERCIAL_ASKS = frozenset(
    {"donate", "give", "pledge", "contribute", "chip", "chipping", "rush", "make", "become"}
)


def _ad_label(view: DocView, top_only: bool = False) -> bool:
    """An advertisement label in the subject or the body ("ADV:", "Advertisement").

    With `top_only`, a body label counts only in the first sentences: an "ADVERTISEMENT"
    banner in the middle of a newsletter marks one sponsor slot, not the message.
    """
    subject = view.meta("subject")
    if isinstance(subject, str) and _SUBJECT_AD.match(subject):
        return True
    if view.cues("RCP028.AD_LABEL", subject=True) or view.cues("AD_ID", subject=True):
        return True
    hi = _LEAD_SENTENCES - 1 if top_only else None
    return any(c.lowers[:3] != ["paid", "for", "by"] for c in view.cues("AD_ID", hi=hi))


def check(view: DocView) -> Iterator[Hit]:
    if not view.sentences:
        return
    purpose = commercial_purpose(view)
    if not purpose.commercial:
        return
    downgrade = _outside_us(view)
    hits: list[Hit] = []
    opt_outs = _sender_opt_outs(view)
    obstructions = list(_obstructions(view))
    hits.extend(obstructions)
    footer: list[str] = []
    footer_sev = Severity.ERROR
    if not opt_outs and not obstructions:
        header = _sender_header(view)
        if header:
            footer.append(
                "no visible unsubscribe link or reply-to-unsubscribe instruction (only a "
                "List-Unsubscribe header, which some mail clients do not show)"
            )
            footer_sev = Severity.WARNING
        else:
            footer.append("no unsubscribe link or reply-to-unsubscribe instruction")
    address = _address(view)
    if address is None:
        footer.append("no physical postal address (a street address or PO box with a postal code)")
        footer_sev = Severity.ERROR
    checked = [f"commercial: {purpose.why}"]
    last = view.sentences[-1]
    if footer:
        hits.append(
            Hit.at(
                last,
                footer_sev,
                "This commercial email has " + "; and ".join(footer) + ".",
                checked=checked
                + ["UNSUB/opt-out cues from the sender (a mailing list's footer does not count)"],
                verify="Whether the sender's opt-out and postal address are added by the sending "
                "platform's footer.",
            )
        )
    if not view.meta("recipient_consented", False) and not _ad_label(view):
        first = view.subject[0] if view.subject else view.sentences[0]
        hit = Hit.at(
            first,
            Severity.WARNING,
            "This commercial email never identifies itself as an advertisement (no "
            '"Advertisement", "ADV:" or "promotional email"); verify whether the recipient '
            "opted in.",
            checked=checked + ["metadata recipient_consented is not true"],
            verify="Whether the recipient gave prior affirmative consent to receive it.",
        )
        if footer and first is last:
            merged = hits[-1]
            merged.message = (
                merged.message[:-1] + ", and it never identifies itself as an ad (verify "
                "whether the recipient opted in)."
            )
        else:
            hits.append(hit)
    for h in hits:
        if downgrade:
            h.severity = Severity.INFO
            h.checked.append("§6: CAN-SPAM finding is info outside the US")
        yield h


def _outside_us(view: DocView) -> bool:
    explicit = explicit_jurisdictions(view)
    return explicit is not None and not (explicit & _CAN_SPAM_REGIONS)


def _list_footer(view: DocView, sent: Sentence) -> bool:
    lo, hi = max(0, sent.index - 1), sent.index + 1
    return bool(view.cues("RCP028.LIST_FOOTER", lo=lo, hi=hi))


def _sender_opt_outs(view: DocView) -> list[Cue]:
    out = []
    for cue in view.cues("UNSUB", "RCP028.OPT_OUT"):
        if cue.lowers[0] in ("unsubscribed",):
            continue  # "you have been unsubscribed" reports, it does not offer
        if _list_footer(view, cue.sent):
            continue  # §7 A4: the list's footer is not the sender's opt-out
        out.append(cue)
    return out


def _sender_header(view: DocView) -> bool:
    raw = view.meta("list_unsubscribe")
    if not isinstance(raw, str) or not raw.strip():
        return False
    return not re.search(
        r"mailman|listinfo|majordomo|listserv|lyris|ezmlm|yahoogroups|googlegroups|-request@",
        raw,
        re.IGNORECASE,
    )


def _obstructions(view: DocView) -> Iterator[Hit]:
    seen: set[int] = set()
    near = view.cues("UNSUB", "RCP028.OPT_OUT", "RCP028.UNSUB_NEAR")

    def unsub_near(cue: Cue) -> bool:
        return any(abs(u.index - cue.index) <= 1 for u in near)

    for cue in view.cues("RCP028.OBSTRUCT", "RCP028.WAIT"):
        if cue.index in seen or view.negated(cue) or _list_footer(view, cue.sent):
            continue
        if cue.label == "RCP028.WAIT":
            if not unsub_near(cue) or not _too_long(cue):
                continue
        elif cue.lowers[0] in ("answer", "complete", "fill", "take") and not unsub_near(cue):
            continue
        seen.add(cue.index)
        yield Hit.at(
            cue,
            Severity.ERROR,
            f'"{cue.text}": unsubscribing may require only a reply or a single web page, with '
            "no login, fee, call or extra questions, and must take effect within 10 business "
            "days.",
            checked=["16 CFR 316.5; 15 U.S.C. 7704(a)(4)"],
        )


def _too_long(cue: Cue) -> bool:
    lw = cue.lowers
    for k, w in enumerate(lw):
        if w in ("weeks", "months", "days") and k > 0:
            try:
                n = float(lw[k - 1].replace(",", ""))
            except ValueError:
                n = 1.0 if lw[k - 1] in ("a", "one") else 2.0
            if w == "months":
                return True
            if w == "weeks":
                return n > 2
            business = k > 1 and lw[k - 1] == "business"
            return n > (_BUSINESS_DAYS_LIMIT if business else 14)
    return False


def _address(view: DocView) -> Cue | None:
    """A street or box cue with a postal code in the same or one of the next three sentences."""
    postal = view.cues("RCP028.POSTAL")
    if not postal:
        return None
    for cue in view.cues("RCP028.STREET", "RCP028.BOX"):
        if cue.label == "RCP028.STREET" and not _street_like(cue):
            continue
        for p in postal:
            if cue.index <= p.index <= cue.index + 3 and (
                p.index > cue.index or p.start >= cue.start
            ):
                return cue
    return None


def _street_like(cue: Cue) -> bool:
    """Street names are capitalised ("210 Harbor Street"); "10 more to drive" is not a street."""
    texts, lowers = cue.sent.texts, cue.sent.lowers
    assert texts is not None and lowers is not None
    for k in range(cue.start + 2, cue.end):
        if lowers[k] in _SUFFIX_SET:
            words = texts[cue.start + 1 : k]
            if all(w[:1].isupper() or w[:1].isdigit() for w in words):
                return True
    return False


_SUFFIX_SET = frozenset(_STREET_SUFFIXES)


RULE = Rule(
    code="RCP028",
    name="email-envelope",
    summary="A commercial email without an opt-out, a postal address or an ad label, or with "
    "an obstructed opt-out",
    family="I",
    severity=Severity.ERROR,
    scope="DOC",
    pitfall="Irreversible commitment",
    stage="support outcome",
    guardrail="reversible",
    sources=(
        "15 U.S.C. 7704(a)(3), (a)(4), (a)(5)",
        "16 CFR 316.2(p), 316.3, 316.5",
        "Donor Bill of Rights IX",
        "Seed Stage 4: maintain consent and easy opt-out",
        "Catalogue §7 A4, A9",
    ),
    corrective=(
        "Give every commercial email a visible one-step opt-out (an unsubscribe link or a "
        "reply-to-unsubscribe instruction) that asks for nothing else, your valid physical "
        "postal address (a street address or a registered PO box), and an advertisement label "
        "unless the recipient opted in."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    channels=EMAIL_CHANNELS,
)
