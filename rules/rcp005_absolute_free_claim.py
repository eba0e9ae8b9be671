"""Absolute "free / no strings / risk-free" claims ("100% free", "no catch", "free forever").

## What it does
Flags absolute promises about an offer: "100% free", "absolutely / totally / completely free",
"free forever", "free for life", "free lifetime membership", "you'll never pay a cent", "no
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

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import free_uses
from linter.view import Cue, DocView, Hit

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
_OTHER_SUBJECTS = frozenset({"we", "i", "they", "he", "she", "us", "me", "them", "republicans"})


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence: the first absolute claim there."""
    seen: set[tuple[bool, int]] = set()
    contra: list[Cue] | None = None
    for cue in _claims(view):
        key = (cue.sent.in_subject, cue.index)
        if key in seen:
            continue
        seen.add(key)
        if contra is None:
            contra = _contradictions(view)
        against = [c for c in contra if not (c.sent is cue.sent and _overlap(c, cue))]
        if against:
            cond = against[0]
            where = "in the same sentence" if cond.sent is cue.sent else "elsewhere in the copy"
            yield Hit.at(
                cue,
                Severity.ERROR,
                f'"{_q(cue.text)}" is contradicted by "{_q(cond.text)}" {where}: the offer '
                "has a condition.",
                evidence=[("condition", cond)],
                checked=["condition, avoidable fee, gate or auto-renewal in DOC: found"],
            )
        else:
            yield Hit.at(
                cue,
                Severity.INFO,
                f'"{_q(cue.text)}" is an absolute claim; verify it is literally true for every '
                "reader.",
                checked=["no condition, avoidable fee, gate or auto-renewal found in DOC"],
                verify="that no purchase, fee, data capture or renewal applies to any reader",
            )


def _claims(view: DocView) -> list[Cue]:
    valid_free = {(id(u.cue.sent), u.cue.start) for u in free_uses(view) if not u.negated}
    out = []
    for subject in (True, False):
        for cue in view.cues(*ABSOLUTE_LABELS, subject=subject):
            if view.negated(cue):
                continue
            if cue.label == "RCP005.ABS_FREE" and not _free_ok(cue, valid_free):
                continue
            if cue.lowers[-3:] == ["nothing", "to", "lose"] and _said_of_sender(cue):
                continue
            if cue.lowers[:2] == ["no", "risk"] and _next(cue) in ("of", "to", "that"):
                continue  # "no risk of a shutdown": a forecast, not a promise about the offer
            out.append(cue)
    return out


def _free_ok(cue: Cue, valid_free: set[tuple[int, int]]) -> bool:
    """The "free" inside the claim survived the §5.1 sense filter (not "free to unsubscribe")."""
    for k, w in enumerate(cue.lowers):
        if w == "free":
            return (id(cue.sent), cue.start + k) in valid_free
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
    out = [c for c in view.cues(*CONTRADICTION_LABELS) if not view.negated(c)]
    # "this is not a no-obligation offer" discloses an obligation (catalogue §5.8)
    out += [c for c in view.cues("VOLUNTARY") if view.negated(c)]
    return sorted(out, key=lambda c: (c.index, c.start))


def _q(text: str) -> str:
    """Quoted copy on one line (a claim may wrap across lines in the source)."""
    return " ".join(text.split())


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
