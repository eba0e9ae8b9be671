"""Absolute "free / no strings / risk-free" claims ("100% free", "no catch", "free forever").

## What it does
Flags absolute promises about an offer: "100% free", "absolutely / totally / completely free",
"free forever", "free for life", "free lifetime access", "you'll never pay a cent", "no
strings attached", "no catch", "no hidden fees", "risk-free", "zero risk", "nothing to lose",
"no questions asked". By default this is **info**: verify the claim is literally true for every
reader. It is an **error** when the same copy shows a condition that contradicts it: a purchase
or minimum ("with every subscription"), an avoidable fee ("processing fee"), a data or meeting
gate ("enter your email to get"), or a trial that converts ("renews automatically").

It stays quiet on a negated claim ("it's not 100% free: printing costs $5"), on attributes that
merely contain the words ("free-standing display made from 100% recycled board", "100%
gluten-free"), on liberty ("you're always free to unsubscribe") and on "nothing to lose" said
of the sender ("we have nothing to lose").

Precedence (catalogue §6): on the same words, a prize impression (RCP006), a charge on a free
item (RCP002) and a "fully deductible" claim with a premium (RCP027 B) are reported instead.

## Why is this bad?
The FTC Guide says free offers "must be made with extreme care so as to avoid any possibility
that consumers will be misled"; calling an offer a "gift" or "bonus" does not cure it. An
absolute claim leaves no room for the condition that usually exists, so a single hidden string
makes the whole message untrue, and readers remember being told "no strings" when they find one.

## Example
```text
This toolkit is 100% free — no strings attached.
Absolutely free gift with every subscription! Subscription is $29/month.
```

## Use instead
```text
The toolkit is free to download; we'll ask for your email so we can send the link.
Get a gift with your first subscription ($29/month, cancel anytime).
```

## Corrective action
Absolute claims ("100% free", "no strings", "risk-free") must be literally true for every
reader. If any condition, fee, data capture or renewal exists, drop the absolute and state the
condition.

## References
- 16 CFR 251.1(a)(2) ("extreme care so as to avoid any possibility that consumers will be
  misled"); 251.1(i) (similar terms such as "gift" or "bonus" do not cure a deceptive offer).
- Industry counsel: do not label BOGO bonus items "absolutely free".
- Seed guardrail: every act of reciprocity must be truthful; seed context "Free setup guide —
  no signup required".
- Catalogue §5.8 (negation and voluntariness), §6 (precedence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import SUBCLASS_WORDS, free_uses
from linter.view import Cue, DocView, Hit

from ._common_a import negated, quote

_INTENS = (
    "(absolutely|totally|completely|entirely|truly|really|genuinely|utterly|100 %|100 percent)"
)

PATTERNS = {
    "RCP005.ABS_FREE": (
        f"{_INTENS} free",
        f"{_INTENS} (free of charge|at no cost|at no charge|no cost|no charge)",
        "free (forever|for life|for ever|lifetime)",
        "(forever|always|lifetime) free",
        "costs (absolutely)? nothing",
        "never (have to|need to)? pay (a cent|a penny|a dime|anything|a thing|one cent|a single cent|a dollar)",
        "(wo n't|will not|does n't|will never) (ever)? cost (you)? (a cent|a penny|a dime|anything|a thing|one cent)",
    ),
    "RCP005.ABS_STRINGS": (
        "no strings attached?",
        "no catch",
        "no hidden (fees|costs|charges|fee|cost|charge|extras)",
        "(absolutely|completely) no (cost|charge|obligation|risk)",
    ),
    "RCP005.ABS_RISK": (
        "risk - free",
        "risk free",
        "riskfree",
        "zero risk",
        "no risk",
        "nothing to lose",
        "no questions asked",
        "without (any)? risk",
    ),
}
ABSOLUTE_LABELS = ("RCP005.ABS_FREE", "RCP005.ABS_STRINGS", "RCP005.ABS_RISK")
# what contradicts an absolute claim somewhere in the same copy (catalogue RCP005 escalation)
CONTRADICTION_LABELS = (
    "CONDITION",
    "FEE_AVOIDABLE",
    "GATE_MEETING",
    "GATE_DATA",
    "RCP003.RENEWAL",
)
_OBJECT_PRONOUNS = frozenset({"us", "them", "him", "her", "me", "ourselves", "themselves"})
# "free to use" is a price claim; "free to leave" is liberty
_OFFER_VERBS = frozenset(
    {
        "use",
        "attend",
        "download",
        "join",
        "enter",
        "play",
        "watch",
        "read",
        "try",
        "access",
        "register",
        "install",
        "stream",
        "keep",
        "listen",
        "view",
        "sign",
        "apply",
        "participate",
        "visit",
        "borrow",
        "rent",
        "ride",
        "park",
    }
)
_OTHER_SUBJECTS = frozenset({"we", "i", "they", "he", "she", "us", "me", "them", "republicans"})


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence, and one per distinct claim: copy that repeats "FREE
    Lifetime" in seven headings has one problem, reported where it first appears."""
    seen: set[tuple[bool, int]] = set()
    said: set[str] = set()
    contra: list[Cue] | None = None
    for cue in _claims(view):
        key = (cue.sent.in_subject, cue.index)
        words = " ".join(w for w in cue.lowers if w.isalnum())
        if key in seen or words in said:
            continue
        seen.add(key)
        said.add(words)
        if contra is None:
            contra = _contradictions(view)
        against = [c for c in contra if not (c.sent is cue.sent and _overlap(c, cue))]
        if against:
            cond = against[0]
            where = "in the same sentence" if cond.sent is cue.sent else "elsewhere in the copy"
            yield Hit.at(
                cue,
                Severity.ERROR,
                f'"{quote(cue.text)}" is contradicted by "{quote(cond.text)}" {where}: the offer '
                "has a condition.",
                evidence=[("condition", cond)],
                checked=["condition, avoidable fee, gate or auto-renewal in DOC: found"],
            )
        else:
            yield Hit.at(
                cue,
                Severity.INFO,
                f'"{quote(cue.text)}" is an absolute claim; verify it is literally true for every '
                "reader.",
                checked=["no condition, avoidable fee, gate or auto-renewal found in DOC"],
                verify="that no purchase, fee, data capture or renewal applies to any reader",
            )


def _claims(view: DocView) -> list[Cue]:
    valid_free = {(id(u.cue.sent), u.cue.start) for u in free_uses(view) if not u.negated}
    out = []
    for subject in (True, False):
        for cue in view.cues(*ABSOLUTE_LABELS, subject=subject):
            if negated(view, cue):
                continue
            if cue.label == "RCP005.ABS_FREE" and not _free_ok(cue, valid_free):
                continue
            if cue.lowers[-3:] == ["nothing", "to", "lose"] and _said_of_sender(cue):
                continue
            if cue.lowers[:2] == ["no", "risk"] and _next(cue) in ("of", "to", "that"):
                continue  # "no risk of a shutdown": a forecast, not a promise about the offer
            if cue.label != "RCP005.ABS_FREE" and not _offer_context(view, cue, valid_free):
                continue  # "$500 billion in federal support with no strings attached"
            out.append(cue)
    return out


_READER = frozenset({"you", "your", "yours", "yourself", "u"})
_OFFER_WORDS = frozenset(
    {
        "guarantee",
        "guaranteed",
        "offer",
        "trial",
        "refund",
        "money",
        "order",
        "buy",
        "try",
        "join",
        "download",
        "subscribe",
        "gift",
        "bonus",
        "sample",
        "course",
        "membership",
        "transaction",
        "deal",
        "purchase",
        "sign",
        "register",
        "claim",
        "get",
        "here",
        "send",
        "keep",
        "return",
        "returns",
        "grab",
        "enjoy",
        "love",
    }
)
# the items a free offer hands over (the sense filter's subclasses), e.g. "the template"
_ITEM_WORDS = frozenset().union(
    *(SUBCLASS_WORDS[k] for k in ("SERVICE", "RESOURCE", "GIFT", "PLAN", "TRIAL"))
) - {"e", "t", "wi", "fi", "issue", "model", "models", "call", "calls", "review", "reviews"}


def _offer_context(view: DocView, cue: Cue, valid_free: set[tuple[int, int]]) -> bool:
    """ "No strings" / "risk-free" speak about an offer to the reader: the sentence or the one
    before addresses the reader, names an offer, a free item or something handed over
    ("here's the template"), or the claim opens the sentence as a headline."""
    lw = cue.sent.lowers or []
    if cue.start == 0 or (cue.start == 1 and not lw[0].isalnum()):
        return True
    sents = [cue.sent]
    if not cue.sent.in_subject and cue.index > 0:
        prev = view.sentence(cue.index - 1)
        if prev is not None:
            sents.append(prev)
    for sent in sents:
        words = set(sent.lowers or _rough_words(sent.text))
        if words & _READER or words & _OFFER_WORDS or words & _ITEM_WORDS:
            return True
        if any(id(sent) == sid for sid, _ in valid_free):
            return True
    return False


def _rough_words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _free_ok(cue: Cue, valid_free: set[tuple[int, int]]) -> bool:
    """The "free" inside the claim is a price claim (§5.1 sense filter, plus verb and liberty
    uses the shared filter lets through: "forever free us of", "totally free to roam")."""
    lw = cue.sent.lowers or []
    for k, w in enumerate(cue.lowers):
        if w != "free":
            continue
        i = cue.start + k
        nxt = lw[i + 1] if i + 1 < len(lw) else ""
        nxt2 = lw[i + 2] if i + 2 < len(lw) else ""
        if nxt in _OBJECT_PRONOUNS:
            return False  # the verb "free": "free us of the burden"
        if nxt == "to" and nxt2 not in _OFFER_VERBS:
            return False  # liberty: "totally free to leave"
        return (id(cue.sent), i) in valid_free
    return True


def _said_of_sender(cue: Cue) -> bool:
    """ "we had nothing to lose": the clause's subject is not the reader."""
    lw = cue.sent.lowers or []
    before: set[str] = set()
    for k in range(cue.start - 1, max(-1, cue.start - 12), -1):
        if lw[k] in (".", "!", "?", ";", ":", "—", "–"):
            break
        before.add(lw[k])
    return not before & {"you", "your", "you 've"} and bool(_OTHER_SUBJECTS & before)


def _next(cue: Cue) -> str:
    lw = cue.sent.lowers or []
    return lw[cue.end] if cue.end < len(lw) else ""


def _contradictions(view: DocView) -> list[Cue]:
    out = [c for c in view.cues(*CONTRADICTION_LABELS) if not negated(view, c)]
    # "this is not a no-obligation offer" discloses an obligation (catalogue §5.8)
    out += [c for c in view.cues("VOLUNTARY") if negated(view, c)]
    return sorted(out, key=lambda c: (c.index, c.start))


def _overlap(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end


RULE = Rule(
    code="RCP005",
    name="absolute-free-claim",
    summary='Absolute "100% free", "no strings", "risk-free" claims that must be literally true',
    family="A",
    severity=Severity.INFO,
    scope="DOC",
    pitfall="Untruthful offer",
    stage="give value",
    guardrail="truthful",
    sources=(
        "16 CFR 251.1(a)(2)",
        "16 CFR 251.1(i)",
        "Seed guardrail: truthful",
    ),
    corrective=(
        "Absolute claims ('100% free', 'no strings', 'risk-free') must be literally true for "
        "every reader. If any condition, fee, data capture or renewal exists, drop the absolute "
        "and state the condition."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="that no purchase, fee, data capture or renewal applies to any reader",
)
