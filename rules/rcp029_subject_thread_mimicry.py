"""Deceptive subject or thread mimicry; fake notices; persistent follow-ups.

## What it does
Flags email that pretends to be something it is not to get opened or answered:

- **A. A faked reply or forward** (error): the subject starts with "Re:" or "Fwd:", but the
  message is not a reply (no In-Reply-To or References header; `in_reply_to` is not true) and
  the body quotes no earlier message ("On ... wrote:", "-----Original Message-----").
- **B. A faked transaction** (error): the subject says "Your order", "Invoice", "Payment
  failed", "Account suspended", "Action required", "Final notice", "Security alert"... while
  the body makes an offer or an ask ("Get 30% off", "Donate now", "FREE") and names no real
  transaction (no order, invoice or account number).
- **Staged threads and fake system notices in the body** (warning, catalogue §7 A7): a
  "Forwarded message" or "Original Message" banner or a pasted "From: / Subject:" header block
  inside a marketing or fundraising email, and fake record headings such as "FEC Supporter
  Record", "Supporter ID:" or "Membership Status Notification".
- **C. Persistence and forward referencing** (info; warning when the copy uses two or more
  such tactics): "bumping this", "did you see my last email?", "I want to make sure you got my
  note", "this is my fourth email", "we've written to you five times", "just a quick reminder",
  "she personally emailed you", "see his message below". Campaign mode: metadata `sends_7d`
  above the `max_sends_7d` option is a warning.

A and B read the subject: the email's Subject header (`.eml`), a `subject` in front matter, or
`subject` metadata for plain text. They apply to marketing and fundraising email only
(commercial as RCP028 decides it, or a fundraising channel): a "Re:" on a personal note or a
discussion-list post is just a reply. "Re:" at the start of a body line ("Re: your question
about pricing") is not a subject and never fires. A and B rest on CAN-SPAM (15 U.S.C.
7704(a)(2)); when the configured jurisdiction excludes the US they are info (catalogue §6).

## Why is this bad?
A subject that fakes a reply, a forward or a transaction misleads the reader about what the
message is before they open it: CAN-SPAM forbids subject headings likely to mislead about the
contents of a commercial email. Research on political email found exactly these tactics
("Re:/Fwd:" prefixes, "from" lines formatted as an ongoing conversation, forward referencing
such as "bumping this for you") used to manufacture opens. Fake records and staged forwards
turn a mass appeal into a personal obligation; repeated follow-ups are the persistent,
unwanted solicitations that EU law blacklists and the UK fundraising code calls unreasonably
persistent.

## Example
```text
Subject: Re: our conversation
Body: Our spring sale starts today: 30% off every planner. Shop now.

Bumping this to the top of your inbox: this is my fourth email about the offer.
```

## Use instead
```text
Subject: Spring sale: 30% off planners until Sunday
Body: Our spring sale starts today: 30% off every planner, until Sunday, May 4.
```

## Corrective action
Subject lines must describe the message honestly. Don't fake a reply thread (Re:/Fwd:), a
forwarded message or a transaction (order, invoice, account alert, supporter record) to get
opens, and limit follow-ups.

## References
- 15 U.S.C. 7704(a)(2): subject headings likely to mislead a recipient "about a material fact
  regarding the contents or subject matter of the message".
- Mathur et al., "Manipulative tactics are the norm in political emails" (2020 working paper;
  Big Data & Society 2023): "Re:/Fwd:" subjects, ongoing-thread "From:" lines, forward
  referencing ("bumping this for you").
- UCPD Annex I No. 26: persistent and unwanted solicitations by e-mail.
- UK Code of Fundraising Practice (2025) §1.1.2: no unreasonably persistent approaches.
- Catalogue §5.9 ("Re:" in a body line is not mimicry), §7 A7 (fake system notices, staged
  forwards and "did you see my last email?" are this rule), §6 (CAN-SPAM findings are info
  outside the US).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from linter.model import Severity
from linter.rule import Rule
from linter.senses import asks, free_uses, premiums
from linter.view import EMAIL_CHANNELS, Cue, DocView, Hit, Sentence, explicit_jurisdictions

from .rcp028_email_envelope import commercial_purpose

_MSG = "(email|email-|emails|e - mail|e - mails|message|messages|note|notes|letter|text|update)"

PATTERNS = {
    # ---- C: persistence and forward referencing ---------------------------------------------
    "RCP029.PERSIST": (
        "(bumping|bump) (this|it|my|our|this email|this message|this note) ~4",
        "just bumping",
        "(following|circling|checking) (up|back|in) again",
        "(following|follow) up (on|about) (my|our|his|her|the|their|ANY 's) ~2 " + _MSG,
        "follow - up (on|about) (my|our|his|her|the|their|ANY 's) ~2 " + _MSG,
        "did you (see|get|read|catch|receive|open|miss|notice) ~5 " + _MSG,
        "(make sure|making sure|check that|check whether|checking whether) you (got|saw|received|read|opened|caught|had a chance to read) ~4 "
        + _MSG,
        "(in case you|if you) (missed|did n't see|have n't seen|have n't read|did n't get|did n't read) ~4 "
        + _MSG,
        "(you|you have|you 've) (never|not|n't) ~1 (responded|replied|answered|opened|rsvp|rsvped|rsvp'd|reply|respond)",
        "(we|i) (have|'ve) (not|n't|never) heard (back)? from you",
        "(have n't|have not|never) heard back",
        "(reminder|notice|attempt|email|request) # NUM",
        "(my|our|this|the) (second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|final|last) (email|e - mail|reminder|notice|attempt|message|request|note)",
        "(we 've|we have|i 've|i have|we|i) (emailed|written to|written|reached out to|contacted|asked) you (NUM|several|many|multiple|a few|twice|a couple of|so many)",
        "(emailed|written to|contacted|reached out to) you ~3 (times|already)",
        "just (a|one) (more|quick|friendly|final|last|gentle)? (reminder|follow - up|followup|nudge)",
        "just checking in",
        "(email|emailing|write|writing|contact|contacting|message|messaging|emailed) you so (often|much|frequently|many times)",
        "personally (emailed|email|emailing|wrote|writing|written|reached out|reaching out)",
        "(see|read) ~4 (message|email|note|letter) (below|beneath)",
        "(message|email|note|letter) (below|beneath) from",
        "(wo n't|will not|may not|might not) ~2 (chance|opportunity)? (to)? (reach out|email|write|contact) ~2 again",
        "(this|it) (is|will be|'s) (my|our) (last|final) (email|message|note|ask|request|reminder)",
        "you 've (heard|been hearing) from",
    ),
    # ---- §7 A7: staged threads in the body --------------------------------------------------
    "RCP029.FORWARD": (
        r"/-*(forwarded|forward|fwd)/ /(message|email|e-mail)-*/",
        r"/-*original/ /message-*/",
        "begin forwarded (message|email)",
    ),
    "RCP029.HEADER": ("(from|subject|sent|date|to|cc) :",),
    # Asks that follow a fake account notice: "rejoin", "reactivate your membership".
    "RCP029.WIN_BACK": (
        "(rejoin|re - join|reactivate|re - activate|reinstate|restore|renew|unlock)",
    ),
    # ---- §7 A7: fake records and system notices ----------------------------------------------
    "RCP029.NOTICE": (
        "(supporter|donor|member|membership|contributor|subscriber|account|voter) (record|records|file|profile|id|number|status notification|notification)",
        "status (notification|notice|alert|report)",
        "(official|fec) (record|notice|notification|filing notice)",
    ),
}

_SUBJECT_PREFIX = re.compile(r"^\s*((?:re|fw|fwd|aw|wg|sv)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_TRANSACTIONAL = re.compile(
    r"\b(your order|order confirmation|order (?:#|no\.?|number)|invoice|receipt|"
    r"payment (?:failed|declined|due|received|reminder|overdue|problem)|"
    r"account (?:alert|suspended|suspension|locked|update|closed|notice|status|verification|"
    r"has been \w+|will be \w+)|your account|action required|final notice|security alert|"
    r"shipping confirmation|shipment|delivery (?:failed|failure|notification|attempt)|"
    r"password (?:reset|expir\w*)|verify your (?:account|email)|form submission|"
    r"status notification|membership (?:status|expir\w*|notification)|"
    r"subscription (?:expir\w*|cancel\w*|renewal notice)|past due|overdue|unpaid|"
    r"tracking number|billing (?:problem|issue|update)|supporter record|donor record)\b",
    re.IGNORECASE,
)
# A real transaction names itself: "Order #4471", "Invoice no. 20931", "#20931".
_TRANSACTION_REF = re.compile(
    r"\b(?:order|invoice|confirmation|reference|ref|account|ticket|booking|receipt|transaction|"
    r"tracking|case)\s*(?:number|no\.?|num\.?|id|#)?\s*:?\s*#?\s*[A-Z]{0,4}-?\d{4,}|#\s?\d{4,}",
    re.IGNORECASE,
)
# A quoted earlier message in the body of a real reply or forward.
_QUOTED = re.compile(
    r"(?m)(?:^[ \t]*>{1,2}(?!>)[^\n]*\n){2}|\bon\b[^\n]{4,200}?\bwrote\s*:|\bwrote\s*:\s*\n\s*>|"
    r"-{2,}\s*original message|"
    r"^\s*from:[^\n]*\n(?:[^\n]*\n){0,3}?\s*(?:sent|date):|begin forwarded message|"
    r"-{2,}\s*forwarded message",
    re.IGNORECASE,
)
_HEADLINE_TOKENS = 8  # a record heading is a short line of its own
_NOT_A_MESSAGE_AFTER = frozenset(
    {"address", "addresses", "list", "lists", "account", "preferences"}
)


@dataclass
class SubjectMatch:
    """A regex match in the subject, with where to report it."""

    text: str  # the matched words
    sent: Sentence | None  # the subject sentence when the subject is a block of the document
    start: int = 0  # block offsets of the match when `sent` is set
    end: int = 0


def _subject_text(view: DocView) -> tuple[str, list[Sentence]]:
    if view.subject:
        block = view.subject[0].block
        return block.text, view.subject
    raw = view.meta("subject")
    return (raw if isinstance(raw, str) else ""), []


def _find_in_subject(view: DocView, pattern: re.Pattern[str]) -> SubjectMatch | None:
    text, sents = _subject_text(view)
    m = pattern.search(text)
    if m is None:
        return None
    words = m.group(0).strip()
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    end = start + len(words)
    for s in sents:
        if s.start <= start < s.end or start < s.start:
            return SubjectMatch(words, s, max(start, s.start), min(end, s.end))
    return SubjectMatch(words, None)


_DONATION_ASKS = frozenset(
    {"donate", "give", "chip", "chipping", "contribute", "pledge", "rush", "make", "become"}
)


def _marketing(view: DocView) -> bool:
    """Fundraising or commercial email: what CAN-SPAM and the Mathur findings are about.

    A donation appeal counts whatever its channel: an `.eml` appeal reads as `email`.
    """
    if view.is_fundraising or commercial_purpose(view).commercial:
        return True
    return any(c.lowers[0] in _DONATION_ASKS for c in asks(view))


def _body_text(view: DocView) -> str:
    return "\n".join(b.text for b in view.doc.blocks if b.kind not in ("subject", "preheader"))


def _quotes_prior(view: DocView) -> bool:
    if any(b.kind == "quote" for b in view.doc.blocks):
        return True
    return _QUOTED.search(_body_text(view)) is not None


def _offers(view: DocView) -> list[Cue]:
    out = list(asks(view))
    out += view.cues("PERCENT_OFF")
    out += [u.cue for u in free_uses(view) if not u.negated and not u.sent.in_subject]
    out += [p.cue for p in premiums(view)]
    out += [c for c in view.cues("RCP029.WIN_BACK") if not view.negated(c)]
    return sorted(out, key=lambda c: (c.index, c.start))


def _downgrade(view: DocView) -> bool:
    explicit = explicit_jurisdictions(view)
    return explicit is not None and "US" not in explicit


def _subject_hit(
    view: DocView, m: SubjectMatch, anchor: Cue | Sentence, severity: Severity, message: str, **kw
) -> Hit:
    if m.sent is not None:
        return Hit(severity, message, m.sent, m.start, m.end, **kw)
    return Hit.at(anchor, severity, message, **kw)


def check(view: DocView) -> Iterator[Hit]:
    if not view.sentences and not view.subject:
        return
    yield from _subject_checks(view)
    yield from _body_checks(view)


def _subject_checks(view: DocView) -> Iterator[Hit]:
    prefix = _find_in_subject(view, _SUBJECT_PREFIX)
    txn = _find_in_subject(view, _TRANSACTIONAL)
    if (prefix is None and txn is None) or not view.sentences:
        return
    severity = Severity.INFO if _downgrade(view) else Severity.ERROR
    note = ["§6: CAN-SPAM finding is info outside the US"] if _downgrade(view) else []
    if prefix is not None and view.meta("in_reply_to", False) is not True and _marketing(view):
        if not _quotes_prior(view):
            kind = "reply" if prefix.text.lower().startswith(("re", "aw", "sv")) else "forward"
            yield _subject_hit(
                view,
                prefix,
                view.sentences[0],
                severity,
                f'The subject starts with "{prefix.text}" but this message is not a {kind}: no '
                "In-Reply-To or References header and no quoted earlier message.",
                checked=[
                    "metadata in_reply_to is not true",
                    "no quoted message in the body (On ... wrote:, Original Message, > lines)",
                    *note,
                ],
                verify="Whether the recipient really wrote or received the earlier message.",
            )
    if txn is not None:
        offers = _offers(view)
        if offers and _TRANSACTION_REF.search(_body_text(view)) is None:
            offer = offers[0]
            yield _subject_hit(
                view,
                txn,
                offer,
                severity,
                f'The subject "{_subject_text(view)[0].strip()}" presents a transaction or account '
                f'notice ("{txn.text}"), but the body makes an offer or ask ("{offer.text}") and '
                "names no real order, invoice or account.",
                evidence=[("offer", offer)],
                checked=["no order, invoice or account number (4+ digits) in the body", *note],
                verify="Whether the message concerns a real transaction with this recipient.",
            )


def _body_checks(view: DocView) -> Iterator[Hit]:
    persist = _persistence(view)
    forwards = _staged_forwards(view) if _marketing(view) else []
    notices = _fake_notices(view)
    # a phrase repeated (a preheader that echoes the first line) is one tactic, not two
    distinct = {" ".join(c.lowers) for c in persist}
    tactics = len(distinct) + len(forwards[:1]) + len(notices[:1])
    if forwards:
        first = forwards[0]
        yield Hit.at(
            first,
            Severity.WARNING,
            f'"{first.text}" stages a forwarded or earlier message inside a mass email, to make '
            "it read as a personal thread.",
            checked=["marketing or fundraising email"],
            verify="Whether the recipient really received the quoted message from that person.",
        )
    if notices:
        first = notices[0]
        yield Hit.at(
            first,
            Severity.WARNING,
            f'"{first.text}" dresses the appeal up as a system record or notice.',
            verify="Whether the record or notice is real and about this recipient.",
        )
    if persist:
        first = persist[0]
        several = tactics >= 2
        guilt = not several and _rcp021_fires(view)
        others: list[Cue] = []
        for c in persist[1:]:
            if len(others) < 3 and c.text.lower() not in {o.text.lower() for o in [first, *others]}:
                others.append(c)
        quoted = ", ".join(f'"{c.text}"' for c in [first, *others])
        tail = "."
        if several:
            tail = ", with several such tactics in one email."
        elif guilt:
            tail = ", next to a guilt accusation (RCP021)."
        yield Hit.at(
            first,
            Severity.WARNING if several or guilt else Severity.INFO,
            f"{quoted}: follow-ups and references to earlier messages press the reader to "
            "respond" + tail,
            evidence=[("also", c) for c in others],
            checked=["warning when two or more persistence or thread tactics, or RCP021 fires"],
            verify="How many messages this recipient got about the same ask.",
        )
    yield from _campaign(view)


def _persistence(view: DocView) -> list[Cue]:
    """Persistence cues of the subject and the body, overlapping matches counted once."""
    out: list[Cue] = []
    for subject in (True, False):
        for c in view.cues("RCP029.PERSIST", subject=subject):
            if view.negated(c) or (out and out[-1].sent is c.sent and c.start < out[-1].end):
                continue
            lw = c.sent.lowers or []
            if c.end < len(lw) and lw[c.end] in _NOT_A_MESSAGE_AFTER:
                continue  # "your last email address", "the last email list"
            out.append(c)
    return out


_LIST_HEADERS = ("list-id", "list-post", "mailing-list", "x-mailman-version", "x-beenthere")
_DIGEST = re.compile(r"\bdigest\b", re.IGNORECASE)


def _list_message(view: DocView) -> bool:
    """A discussion-list post or digest: its quoted headers and forwards are real."""
    headers = view.meta("headers") or {}
    if isinstance(headers, dict) and any(h in headers for h in _LIST_HEADERS):
        return True
    return bool(_DIGEST.search(_subject_text(view)[0])) or bool(view.cues("RCP028.LIST_FOOTER"))


def _staged_forwards(view: DocView) -> list[Cue]:
    if _list_message(view):
        return []
    out = [
        c
        for c in view.cues("RCP029.FORWARD")
        if _line_start(c) and (len(c.sent.lowers or ()) <= _HEADLINE_TOKENS or _banner(c))
    ]
    # a pasted "From: ... Date: ... Subject:" block; a memo's "TO: / FROM:" is not an email
    headers = [c for c in view.cues("RCP029.HEADER") if _line_start(c)]
    for i, h in enumerate(headers):
        names = {h.lowers[0]}
        for other in headers[i + 1 :]:
            if other.index - h.index > 4:
                break
            names.add(other.lowers[0])
        if "from" in names and names & {"subject", "sent", "date"}:
            out.append(h)
            break
    return sorted(out, key=lambda c: (c.index, c.start))


def _line_start(cue: Cue) -> bool:
    """The cue starts a line: first in its sentence, after a line break, or after a dash rule."""
    sent = cue.sent
    if cue.start == 0:
        return True
    assert sent.offsets is not None and sent.texts is not None and sent.lowers is not None
    k = cue.start - 1
    if _rule_token(sent.lowers[k]):
        return k == 0 or _line_start_at(sent, k)
    return _line_start_at(sent, cue.start)


def _line_start_at(sent: Sentence, k: int) -> bool:
    assert sent.offsets is not None and sent.texts is not None
    prev_end = sent.offsets[k - 1] + len(sent.texts[k - 1])
    return "\n" in sent.text[prev_end : sent.offsets[k]]


def _banner(cue: Cue) -> bool:
    """A "---- Forwarded message ----" rule: dashes around the words."""
    lw = cue.sent.lowers or []
    before = lw[cue.start - 1] if cue.start > 0 else ""
    after = lw[cue.end] if cue.end < len(lw) else ""
    return _rule_token(before) or _rule_token(after)


def _rule_token(tok: str) -> bool:
    """A run of dashes (or =, _, *) that draws a line: "----------", "\\-----"."""
    return bool(tok) and not tok.strip("-\\=_*")


def _fake_notices(view: DocView) -> list[Cue]:
    out = []
    for c in view.cues("RCP029.NOTICE"):
        lw = c.sent.lowers or []
        headline = len(lw) <= _HEADLINE_TOKENS or (c.end < len(lw) and lw[c.end] == ":")
        if headline and not view.negated(c):
            out.append(c)
    return out


def _rcp021_fires(view: DocView) -> bool:
    """RCP021 (guilt accusation) co-firing escalates C; looked up lazily, tolerated if absent."""
    check: Callable[[DocView], object] | None = None
    try:
        from linter.rules import MODULES
    except ImportError:  # pragma: no cover
        return False
    for name in MODULES:
        if name.startswith("rcp021_"):
            try:
                check = importlib.import_module(f"linter.rules.{name}").RULE.check
            except (ImportError, AttributeError):  # pragma: no cover
                return False
    if check is None:
        return False
    return view.memo("rcp029.rcp021", lambda v: any(True for _ in check(v)))  # type: ignore[misc]


def _campaign(view: DocView) -> Iterator[Hit]:
    """Campaign mode: more sends to this recipient in 7 days than `max_sends_7d` allows."""
    sends, limit = view.meta("sends_7d"), view.meta("max_sends_7d")
    if not isinstance(sends, int) or not isinstance(limit, int) or isinstance(sends, bool):
        return
    if sends <= limit or not view.sentences:
        return
    yield Hit.at(
        view.subject[0] if view.subject else view.sentences[0],
        Severity.WARNING,
        f"This is send {sends} to the same recipient in 7 days; the configured limit is {limit}.",
        checked=["metadata sends_7d against option max_sends_7d"],
    )


RULE = Rule(
    code="RCP029",
    name="subject-thread-mimicry",
    summary="A subject or body that fakes a reply, a forward, a transaction or a record, or "
    "presses with follow-ups",
    family="I",
    severity=Severity.ERROR,
    scope="subject + DOC",
    pitfall="Untruthful offer",
    stage="support outcome",
    guardrail="truthful",
    sources=(
        "15 U.S.C. 7704(a)(2)",
        "Mathur et al. 2020/2023, political email tactics",
        "UCPD Annex I No. 26",
        "UK Code of Fundraising Practice (2025) §1.1.2",
        "Catalogue §7 A7",
    ),
    corrective=(
        "Subject lines must describe the message honestly. Don't fake a reply thread (Re:/Fwd:), "
        "a forwarded message or a transaction (order, invoice, account alert, supporter record) "
        "to get opens, and limit follow-ups."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    channels=EMAIL_CHANNELS,
)
