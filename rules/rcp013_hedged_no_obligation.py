"""Hedged "no obligation, but..." (a voluntariness line undercut by pressure).

## What it does
Flags a "no obligation" (or "you don't have to", "no pressure", "no purchase necessary") that is
immediately taken back: a `but`, `however`, `though`, `still` or `yet` in the same sentence or
at the start of the next one, followed by pressure: what most people or others do, "we're
counting on you", "it would mean a lot", urgency, or the ask itself ("chip in $10 today").

## Why is this bad?
A "no obligation" line is the seed's corrective for reciprocity guilt; undercut in the next
breath it becomes a double message that adds guilt instead of removing it. Readers hear the
"but", not the "no obligation". Ambiguous and double-negative language is a dark pattern in the
FTC's 2022 staff report, and the UK fundraising code forbids undue pressure.

## Example
```text
There's no obligation, of course, but most readers who got the guide chip in $10.
No pressure, but the discount disappears at midnight.
```

## Use instead
```text
There's no obligation: the guide is yours either way.

If you'd like to support the next guide, you can give any amount here.
```

## Corrective action
Don't undercut "no obligation" with a "but" that adds pressure. Let the no-obligation statement
stand on its own, and put any ask in a separate, neutral sentence. (Seed pitfall "Reciprocity
guilt": reinforce "no obligation" phrasing.)

## References
- Seed pitfall "Reciprocity guilt: buyer feels trapped" (corrective: reinforce "no obligation"
  phrasing).
- UK Code of Fundraising Practice (2025) §1.1.2: no undue pressure to donate.
- FTC Staff Report "Bringing Dark Patterns to Light" (2022), Appendix A: ambiguous language and
  double negatives.
- Catalogue §5.8: negated voluntariness ("not an obligation-free offer") is an honest
  disclosure and does not trigger this rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Severity
from linter.rule import Rule
from linter.view import Cue, DocView, Hit

PATTERNS = {
    "RCP013.CONTRAST": ("(but|however|though|although|still|yet)",),
    "RCP013.PRESSURE": (
        "(most|everyone|everybody|others)",
        "people like you",
        "(counting|relying|depending) on",
        "(mean|means|meant) (a lot|so much|the world)",
        "(really|truly) (appreciate|need)",
        "do the right thing",
        "after all",
        "only fair",
        "least you (can|could)",
        "(today|now|tonight)",
        "NUM %",
        "(most|many) of (our|your) (readers|supporters|donors|customers|neighbors|members)",
        "(double|triple|match|multiply) your (impact|gift|donation)",
    ),
}

PRESSURE_LABELS = ("RCP013.PRESSURE", "URGENCY", "ASK_HIGH", "GIFT_DONATION")


def hedged_voluntary(view: DocView) -> list[tuple[Cue, Cue, Cue]]:
    """(voluntary cue, contrastive cue, pressure cue) triples; memoized (RCP012 reads this)."""
    return view.memo("rcp013.hedged", _compute)


def _compute(view: DocView) -> list[tuple[Cue, Cue, Cue]]:
    out: list[tuple[Cue, Cue, Cue]] = []
    for vol in view.live("VOLUNTARY"):
        contrast = _contrast_after(view, vol)
        if contrast is None:
            continue
        pressure = _pressure_after(view, contrast)
        if pressure is not None:
            out.append((vol, contrast, pressure))
    return out


def _contrast_after(view: DocView, vol: Cue) -> Cue | None:
    same = view.after(vol, "RCP013.CONTRAST")
    if same:
        return same[0]
    nxt = view.sentence(vol.index + 1)
    if nxt is None or nxt.block_index > vol.sent.block_index + 1:
        return None  # S+1 must be in the same or the next block
    for c in view.in_sentence(nxt, "RCP013.CONTRAST"):
        # "at the start of S+1": the contrastive word opens the sentence (after punctuation)
        lowers = nxt.lowers or []
        if all(not w.isalnum() for w in lowers[: c.start]):
            return c
    return None


def _pressure_after(view: DocView, contrast: Cue) -> Cue | None:
    for c in view.after(contrast, *PRESSURE_LABELS):
        if c.label == "URGENCY" and view.negated(c):
            continue
        return c
    nxt = view.sentence(contrast.index + 1)
    if nxt is not None and nxt.block_index == contrast.sent.block_index:
        for c in view.in_sentence(nxt, *PRESSURE_LABELS):
            if c.label == "RCP013.PRESSURE" and c.lowers[0] in ("today", "now", "tonight"):
                continue  # a bare "today" two sentences on is not the hedge
            return c
    return None


def check(view: DocView) -> Iterator[Hit]:
    for vol, contrast, pressure in hedged_voluntary(view):
        yield Hit.span(
            vol,
            pressure,
            Severity.WARNING,
            f'"{vol.text}" is undercut by "{contrast.text} ... {pressure.text}": '
            "the no-obligation line adds pressure instead of removing it.",
            evidence=[("contrast", contrast), ("pressure", pressure)],
            checked=["voluntariness phrase is not negated (§0.3)"],
        )


RULE = Rule(
    code="RCP013",
    name="hedged-no-obligation",
    summary='A "no obligation" line undercut by a "but" and pressure',
    family="C",
    severity=Severity.WARNING,
    scope="S0..+1",
    pitfall="Reciprocity guilt",
    stage="proportional ask",
    guardrail="optional",
    sources=(
        "Seed pitfall: Reciprocity guilt",
        "UK Code of Fundraising Practice (2025) §1.1.2",
        "FTC Staff Report 'Bringing Dark Patterns to Light' (2022), Appendix A",
    ),
    corrective=(
        "Don't undercut 'no obligation' with a 'but' that adds pressure. Let the no-obligation "
        "statement stand on its own, and put any ask in a separate, neutral sentence."
    ),
    check=check,
    doc=__doc__ or "",
    patterns=PATTERNS,
)
