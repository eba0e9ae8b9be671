"""A "free" resource gated behind data or a sales meeting.

## What it does
Flags a free guide, checklist, audit or diagnostic that the reader can only get by giving
something: an email address, a form, a referral, or a sales demo. It is quiet when the copy
says what the data is for right next to the offer ("we'll also send our weekly newsletter").
Separately, it flags copy that claims "no signup required" (or "no email needed", "no
tracking") while the same document asks for an email, a signup or a demo, or carries a
tracking pixel: that claim is simply untrue.

## Why is this bad?
"Free" means nothing has to be given in exchange; an email address, a newsletter subscription
or an hour with a sales rep is consideration (EC UCPD guidance §3.4.3; CAP Code 3.23 requires
the commitment to be stated). The seed's context table names both failures: a diagnostic tool
"feels like bait if gated behind demo", and "Free setup guide, no signup required" with
"hidden tracking violates autonomy". Holding back the reader's own results until after a sales
meeting is the hidden quid pro quo at its plainest.

## Example
```text
Get your free website diagnostic: book a 30-minute demo to unlock the results.
Download the free pricing checklist: enter your work email to get the link.
```

## Use instead
```text
Get the free checklist by entering your email. We'll also send our weekly newsletter, and
you can unsubscribe in one click.
Download the free pricing checklist; no email needed, the PDF opens right away.
```

## Corrective action
Say plainly what the reader gives in exchange (email, a sales call, a newsletter) right next to
"free", and why. If access requires a demo, don't call it free. Offer it ungated, or describe
it as "included with a demo". Never claim "no signup" when there is one. (Seed pitfall "Hidden
quid pro quo": disclose intent clearly.)

## References
- Seed context table: gated diagnostic ("feels like bait if gated behind demo"); "Free setup
  guide, no signup required" ("hidden tracking violates autonomy"); pitfall "Hidden quid pro quo".
- EU UCPD 2005/29/EC Annex I No. 20 and EC guidance §3.4.3 ("no money or other consideration
  has to be given in exchange").
- UK CAP Code rule 3.23 (the commitment needed to take up a "free" offer, incl. sign-up).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import free_uses
from linter.view import DocView, Hit

GATED_CLASSES = frozenset({"RESOURCE", "SERVICE", "GENERIC", "ADMISSION"})
RESULT_NOUNS = frozenset(
    {
        "diagnostic",
        "diagnostics",
        "audit",
        "audits",
        "assessment",
        "assessments",
        "report",
        "reports",
        "results",
        "result",
        "analysis",
        "score",
        "scorecard",
        "evaluation",
    }
)

PATTERNS = {
    "RCP004.RESULTS": (
        "(diagnostic|audit|assessment|report|results|result|analysis|score|scorecard)",
    ),
}


def check(view: DocView) -> Iterator[Hit]:
    yield from _gate(view)
    yield from _contradiction(view)


def _gate(view: DocView) -> Iterator[Hit]:
    reported: set[int] = set()
    for use in free_uses(view):
        if use.negated or use.subclass not in GATED_CLASSES or use.sent.in_subject:
            continue
        if use.index in reported:
            continue
        lo, hi = use.index, use.index + 1
        gates = view.cues("GATE_MEETING", "GATE_DATA", lo=lo, hi=hi)
        gates = [g for g in gates if not view.negated(g) and "order" not in g.lowers]
        if not gates:
            continue
        if view.cues("DATA_USE_DISCLOSURE", lo=lo, hi=hi):
            continue
        gate = gates[0]
        meeting = [g for g in gates if g.label == "GATE_MEETING"]
        if meeting:
            gate = meeting[0]
            results = (
                use.noun in RESULT_NOUNS
                or any(set(g.lowers) & RESULT_NOUNS for g in meeting)
                or bool(view.in_sentence(use.sent, "RCP004.RESULTS"))
            )
            sev = Severity.ERROR if results else Severity.WARNING
            what = (
                "the reader's own results are held back until after a sales meeting"
                if results
                else "it requires a sales meeting"
            )
        else:
            sev = Severity.WARNING
            what = "it costs the reader their data, and the copy doesn't say what for"
        reported.add(use.index)
        yield Hit.tokens(
            use.sent,
            use.cue.start,
            use.phrase_end,
            sev,
            f'"{use.phrase}" is gated ("{gate.text}"): {what}.',
            evidence=[("gate", gate)],
            checked=["no data-use disclosure in the same or next sentence"],
        )


def _contradiction(view: DocView) -> Iterator[Hit]:
    claims = [
        c for c in view.live("NO_GATE_CLAIM") if c.lowers[:3] != ["no", "strings", "attached"]
    ]
    if not claims:
        return
    claim = claims[0]
    capture = [
        c
        for c in view.cues("GATE_MEETING", "GATE_DATA", "DATA_CAPTURE")
        if not view.negated(c) and not _overlaps(c, claim)
    ]
    pixels = view.meta("tracking_pixels") or []
    if capture:
        yield Hit.at(
            claim,
            Severity.ERROR,
            f'"{claim.text}" is contradicted by "{capture[0].text}" in the same copy.',
            evidence=[("data capture", capture[0])],
        )
    elif pixels:
        yield Hit.at(
            claim,
            Severity.ERROR,
            f'"{claim.text}" while the message carries a tracking pixel ({pixels[0]}).',
        )


def _overlaps(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.sent is b.sent and a.start < b.end and b.start < a.end


RULE = Rule(
    code="RCP004",
    name="gated-free-resource",
    summary='A "free" resource that costs the reader their data or a sales meeting',
    family="A",
    severity=Severity.WARNING,
    scope="S0..+1, DOC",
    pitfall="Hidden quid pro quo",
    stage="give value",
    guardrail="truthful",
    sources=(
        "Seed context table: gated diagnostic; 'Free setup guide, no signup required'",
        "UCPD 2005/29/EC Annex I No. 20; EC guidance §3.4.3",
        "UK CAP Code 3.23",
    ),
    corrective=(
        "Say plainly what the reader gives in exchange (email, a sales call, a newsletter) right "
        "next to 'free', and why. If access requires a demo, don't call it free. Offer it "
        "ungated, or describe it as 'included with a demo'. Never claim 'no signup' when there "
        "is one."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
