"""Free-offer conditions deferred to a footnote ("free gift*", "free — terms apply").

## What it does
Flags a "free" offer that points the reader somewhere else for its conditions: an asterisk,
dagger or superscript right after the free phrase ("free travel pillow*", "FREE gift inside†",
"free shipping¹", "free session (1)"), or a deferral phrase ("terms apply", "see details",
"conditions apply", "see fine print"). It stays quiet when a condition (purchase needed, minimum
spend, fee, "new customers only", an honest "not free") sits in the same or the next sentence.
It is an error when the copy states the condition elsewhere, two or more sentences away from
the offer: the condition then demonstrably exists and was moved out of sight.

Asterisks used for emphasis in plain-text email ("*FREE* shipping") are not footnote markers,
and neither is a bullet asterisk at the start of a line.

## Why is this bad?
The FTC Guide on "free" requires every term, condition and obligation of a "free" offer to be
set out "clearly and conspicuously at the outset of the offer" and "in close conjunction with
the offer of 'Free'"; a footnote reached by an asterisk is not disclosure at the outset. The UK
CAP Code asks the same ("ads must make clear the extent of the commitment"). A reader who
accepts a gift and discovers the strings afterwards learns that the gift was bait.

## Example
```text
Claim your free travel pillow*! Our pillows are made from recycled foam.
Pick your color at checkout.
*With any order of $150 or more.
```

## Use instead
```text
Spend $150 or more and we'll add a free travel pillow to your order.
```

## Corrective action
Conditions for a "free" offer must sit next to the word "free", not in a footnote (16 CFR
251.1(c)). Move every condition (purchase needed, minimum spend, sign-up, fees, end date) into
the same sentence as the offer, at the same size and placement.

## References
- 16 CFR 251.1(c): conditions "at the outset of the offer" and "in close conjunction with the
  offer of 'Free'"; a footnote reached by an asterisk is not disclosure at the outset.
- 16 CFR 233.4(c): "all the terms and conditions of the offer should be made clear at the
  outset".
- UK CAP Code rule 3.23 (the extent of the commitment for a "free" offer).
- Seed guardrail: every act of reciprocity must be truthful.
- Catalogue §5.1 (sense filter; a negated "free" counts as a condition disclosure), §5.8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.senses import FreeUse, free_uses
from linter.view import Cue, DocView, Hit

PATTERNS = {
    # deferral phrases that point away from the offer (catalogue RCP001 trigger)
    "RCP001.DEFER": (
        "see (details|terms|below|conditions|restrictions|disclaimer|disclaimers)",
        "see (the)? fine print",
        "see (the)? (offer|full|complete) (details|terms)",
        "see (site|store|website|back|reverse|inside|page) for ~2 details",
        "see ~3 for (details|terms|conditions|restrictions)",
        "details (below|inside|on the back|at checkout|at bottom)",
        "(terms|conditions|restrictions|exclusions|limitations|t&cs|ts&cs|t&c|tcs) (may)? apply",
        "(terms|t) (and|&) (conditions|cs|c) (may)? apply",
        "t & cs (may)? apply",
        "some (restrictions|conditions|exclusions|limitations) (may)? apply",
        "(certain|other) (restrictions|conditions|exclusions) (may)? apply",
        "(offer|promotion) (details|terms) (below|inside)",
    ),
    # conditions that footnotes typically hold, beyond the shared CONDITION lexicon
    "RCP001.COND": (
        "(offer|promotion|promo|discount|deal) (is)? (valid|applies|expires|ends|good) ~2 (for|on|through|until|thru|with|only|in|while|when|at)",
        "not valid (with|on|for|in)",
        "(excludes|excluding) ~2 (sale|clearance|gift|items|products|orders|taxes|shipping)",
        "(minimum|min) (of)? MONEY",
        "(requires|required|requiring) (a|an)? ~2 (purchase|subscription|membership|account|sign - up|signup|registration|enrollment|enrolment)",
        "(valid|available) (only)? (for|to) (new|first - time|existing|registered)",
        "(subject to|upon) (credit)? (approval|availability)",
        "(one|1) per (customer|household|order|person|account)",
        "(after|with) (a|your)? (paid)? (purchase|subscription|order) of",
        "(us|u.s.|uk|eu) residents",
        "(while|until) supplies last",
    ),
}

# Footnote symbols. `*` must touch the word before it ("pillow*"), so a bullet is not a marker.
_MARK_RE = re.compile(r"^[*†‡¹²³⁴⁵⁶⁷⁸⁹§]+$")
_ATTACHED_NUM_RE = re.compile(r"\([1-9]$")  # "shipping(1" + ")": spaCy keeps "(1" attached
# "card¹." / "inside†," stay one token (spaCy splits "." only after a letter or digit)
_GLUED_MARK_RE = re.compile(r"^\w+([†‡¹²³⁴⁵⁶⁷⁸⁹§]+)[.,!?;:)]+$")
MARKER_REACH = 3  # a marker within this many tokens after the free phrase (catalogue RCP001)
CONDITION_LABELS = ("CONDITION", "FEE_AVOIDABLE", "FEE_UNAVOIDABLE", "RCP001.COND")
_SPAN_BREAK = frozenset({".", "!", "?", ";"})


def check(view: DocView) -> Iterator[Hit]:
    """One finding per sentence: the first free phrase there that points to a footnote."""
    reported: set[tuple[bool, int]] = set()
    for use in free_uses(view):
        if use.negated:
            continue
        key = (use.sent.in_subject, use.index)
        if key in reported:
            continue
        marker = _marker_after(view, use)
        if marker is None:
            continue
        hit = _judge(view, use, marker)
        if hit is not None:
            reported.add(key)
            yield hit


def _marker_after(view: DocView, use: FreeUse) -> tuple[int, int] | None:
    """Token span [start, end) of a deferral marker just after the free phrase, if any."""
    sent = use.sent
    lw, tx, offs = sent.lowers, sent.texts, sent.offsets
    assert lw is not None and tx is not None and offs is not None
    end = use.phrase_end
    reach = min(len(lw), end + MARKER_REACH + 1)
    # the head itself may carry the marker ("free*") before the noun ("free* shipping")
    for k in range(use.cue.end, reach):
        if k > end and lw[k - 1] in _SPAN_BREAK and not _MARK_RE.match(tx[k]):
            break
        t = tx[k]
        if _MARK_RE.match(t):
            stop = k + 1
            while stop < len(tx) and _MARK_RE.match(tx[stop]) and _attached(offs, tx, stop):
                stop += 1
            if "*" in t:
                if not _attached(offs, tx, k) or _MARK_RE.match(tx[k - 1]):
                    continue  # a bullet, or the tail of a "***" rule seen from its middle
                if len("".join(tx[k:stop])) > 3:
                    continue  # "*****": a separator line, not a footnote marker
                if _emphasis_close(offs, tx, k, use.cue.start):
                    continue
            return k, stop
        if t == "(" and k + 2 < len(lw) and lw[k + 2] == ")" and re.fullmatch(r"[1-9]", lw[k + 1]):
            return k, k + 3  # "(1)"; "(34)" is a count, not a footnote
        if _ATTACHED_NUM_RE.search(t) and k + 1 < len(lw) and lw[k + 1] == ")":
            return k, k + 2
        if _GLUED_MARK_RE.match(t):
            return k, k + 1
    for c in view.in_sentence(sent, "RCP001.DEFER"):
        if use.cue.end <= c.start <= end + MARKER_REACH:
            return c.start, c.end
    return None


def _attached(offs: list[int], tx: list[str], k: int) -> bool:
    """Token k touches the token before it (no space): "pillow*", "FREE!*"."""
    return k > 0 and offs[k - 1] + len(tx[k - 1]) == offs[k]


def _emphasis_close(offs: list[int], tx: list[str], k: int, head: int) -> bool:
    """An asterisk that closes "*FREE*" / "**free gift**" (plain-text emphasis), not a marker."""
    for o in range(k - 1, max(-1, head - 3), -1):
        if tx[o] != "*":
            continue
        opens_word = o + 1 < len(tx) and offs[o] + 1 == offs[o + 1] and tx[o + 1] != "*"
        loose_before = o == 0 or offs[o - 1] + len(tx[o - 1]) < offs[o] or tx[o - 1] == "*"
        if opens_word and loose_before and o < head + 1:
            return True
    return False


def _disclosures(view: DocView, lo: int, hi: int) -> list[Cue]:
    """Condition statements in sentences lo..hi: conditions, fees, honest "not free"."""
    out = [c for c in view.cues(*CONDITION_LABELS, lo=lo, hi=hi) if not view.negated(c)]
    # a negated voluntariness unit ("this is not a no-obligation offer") discloses an obligation
    out += [c for c in view.cues("VOLUNTARY", lo=lo, hi=hi) if view.negated(c)]
    # an honest "not free" / "no longer free" is a condition disclosure (catalogue §5.1)
    out += [
        u.cue
        for u in free_uses(view)
        if u.negated and not u.sent.in_subject and lo <= u.index <= hi
    ]
    return sorted(out, key=lambda c: (c.index, c.start))


def _judge(view: DocView, use: FreeUse, marker: tuple[int, int]) -> Hit | None:
    sent = use.sent
    end = max(use.phrase_end, marker[1])
    if sent.in_subject:
        # a subject line: conditions must be in the subject itself or open the body
        near = [
            c
            for c in view.cues(*CONDITION_LABELS, subject=True)
            if c.sent is sent and not view.negated(c)
        ]
        near += _disclosures(view, 0, 0)
        far = _disclosures(view, 1, len(view.sentences) - 1)
    else:
        i = use.index
        near = _disclosures(view, i, i + 1)
        far = [c for c in _disclosures(view, 0, len(view.sentences) - 1) if abs(c.index - i) >= 2]
    if near:
        return None
    start_c, end_c = sent.char_span(use.cue.start, end)
    text = sent.block.text
    while end_c > start_c + 1 and text[end_c - 1] in ".,!?;:":
        end_c -= 1  # a glued "card¹." token: the sentence's full stop is not the marker
    phrase = " ".join(text[start_c:end_c].split())
    checked = ["no condition, fee or 'not free' disclosure in the same or next sentence"]
    if far:
        cond = far[0]
        distance = (
            f"{abs(cond.index - use.index)} sentences away"
            if not sent.in_subject
            else "in the body, not in the subject line"
        )
        return Hit(
            Severity.ERROR,
            f'"{phrase}" sends the reader to a footnote, and its condition '
            f'("{_clause(cond)}") sits {distance}.',
            sent,
            start_c,
            end_c,
            evidence=[("condition", cond)],
            checked=checked,
        )
    return Hit(
        Severity.WARNING,
        f'"{phrase}" points to conditions stated elsewhere instead of next to the offer.',
        sent,
        start_c,
        end_c,
        checked=[*checked, "no condition found elsewhere in the copy either"],
        verify="what the footnote or linked terms require to get the free item",
    )


def _clause(cue: Cue) -> str:
    """The condition cue, widened to the rest of its sentence when that is short."""
    sent = cue.sent
    rest = sent.block.text[cue.char_span[0] : sent.end].strip().rstrip(".!;:,")
    return " ".join((rest if len(rest) <= 60 else cue.text).split())


RULE = Rule(
    code="RCP001",
    name="free-offer-footnote",
    summary='A "free" offer whose conditions are deferred to a footnote or "terms apply"',
    family="A",
    severity=Severity.WARNING,
    scope="S0/S+1 + DOC",
    pitfall="Untruthful offer",
    stage="give value",
    guardrail="truthful",
    sources=(
        "16 CFR 251.1(c)",
        "16 CFR 233.4(c)",
        "UK CAP Code 3.23",
        "Seed guardrail: truthful",
    ),
    corrective=(
        "Conditions for a 'free' offer must sit next to the word 'free', not in a footnote "
        "(16 CFR 251.1(c)). Move every condition (purchase needed, minimum spend, sign-up, fees, "
        "end date) into the same sentence as the offer, at the same size and placement."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
    verify="what the footnote or linked terms require to get the free item",
)
