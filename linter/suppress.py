"""Inline suppression directives: parsing the comment text, and applying them to findings.

The directive words follow ESLint (`disable`, `enable`, `disable-next-line`), prefixed with the
tool name so they never collide with another linter's comments:

    <!-- nostrings-disable RCP012, RCP017 -->   ...   <!-- nostrings-enable -->
    <!-- nostrings-disable-next-line RCP018 -->
    {# nostrings-disable-line #}        (the comment's own line)
    # nostrings-disable-file RCP028     (the whole file)

A directive may end with `-- reason`, which is kept out of the code list.

Format readers parse directives (each knows its own comment syntax); the engine calls
`apply_suppressions`, which drops the findings a directive covers and, like ruff's unused `noqa`
(RUF100), reports every directive, or listed code, that suppressed nothing as a finding of the
reserved code NOS001. A stale suppression is worse than none: it silently hides the next real
problem written on that line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .model import Finding, Severity, Suppression, fingerprint

_DIRECTIVE = re.compile(
    r"^\s*nostrings-(disable-next-line|disable-line|disable-file|disable|enable)\b\s*(.*?)\s*$",
    re.DOTALL,
)
_CODE = re.compile(r"^(RCP|NOS)\d{1,3}$", re.IGNORECASE)

# The tool's own pseudo-rule: selectable and ignorable like a rule, reported in every format.
UNUSED_CODE = "NOS001"
UNUSED_NAME = "unused-suppression"
UNUSED_SUMMARY = "A nostrings-disable comment (or a code it lists) suppresses nothing."
UNUSED_CORRECTIVE = (
    "Delete the comment, or the codes in it that no longer match, so that it cannot hide a "
    "new problem written here later."
)
UNUSED_DOC = """Unused suppression comment

## What it does
Reports a `nostrings-disable...` comment that suppressed no finding in this run, or a rule code
listed in one that suppressed nothing (including codes of rules that do not exist or are not
enabled for the file). An `enable` comment that closes no open `disable` is reported too.

## Why is this bad?
A suppression outlives the copy it was written for. Once the sentence is rewritten, the comment
hides whatever problem is written there next, and nobody reviews it again.

## Corrective action
Delete the comment, or the codes in it that no longer match. Ignore NOS001 (`--ignore NOS001`,
or `per-file-ignores`) where stale comments are expected, for example in a folder of archived
campaigns.
"""

_SEVERITY = Severity.WARNING
_ALL = "*"  # a directive without codes


class DirectiveError(ValueError):
    pass


def parse_directive(
    comment: str, line: int, col: int, end_line: int | None = None
) -> Suppression | None:
    """A `Suppression` if the comment body is a nostrings directive, else None.

    `comment` is the text inside the comment delimiters. Raises DirectiveError for a directive
    with something other than rule codes in its list, so a typo is reported, not ignored.
    """
    m = _DIRECTIVE.match(comment)
    if not m:
        return None
    kind, rest = m.group(1), m.group(2)
    rest = rest.split("--", 1)[0].strip()
    codes: list[str] = []
    for part in re.split(r"[,\s]+", rest):
        if not part:
            continue
        if not _CODE.match(part):
            raise DirectiveError(f"'{part}' is not a rule code in a nostrings-{kind} comment")
        codes.append(part.upper())
    return Suppression(kind, tuple(codes), line, col, end_line if end_line is not None else line)


def describe(s: Suppression) -> str:
    """The directive as a reader would type it, for messages."""
    return f"nostrings-{s.kind}" + (f" {', '.join(s.codes)}" if s.codes else "")


# ---- applying -------------------------------------------------------------------------------

Pos = tuple[int, int]  # (line, column), 1-based
_START: Pos = (0, 0)
_END: Pos = (1 << 30, 0)


@dataclass
class _Segment:
    """Part of the file where some codes are off, because of one directive."""

    owner: int  # index of the directive in the sorted list
    start: Pos
    end: Pos  # exclusive
    codes: frozenset[str]  # the codes switched off, or {_ALL}
    excluded: frozenset[str] = frozenset()  # codes re-enabled inside an "all" range

    def covers(self, pos: Pos, code: str) -> bool:
        if not (self.start <= pos < self.end):
            return False
        if _ALL in self.codes:
            return code not in self.excluded and (code != UNUSED_CODE)
        return code in self.codes


@dataclass
class _Usage:
    used_codes: set[str] = field(default_factory=set)
    used_any: bool = False


def _segments(directives: Sequence[Suppression]) -> tuple[list[_Segment], list[int]]:
    """Turn directives (in file order) into segments; also the indices of idle `enable`s."""
    segs: list[_Segment] = []
    idle_enables: list[int] = []
    open_: list[_Segment] = []  # disable ranges not yet closed
    for i, d in enumerate(directives):
        here: Pos = (d.line, d.col)
        codes = frozenset(d.codes) if d.codes else frozenset({_ALL})
        if d.kind == "disable-file":
            segs.append(_Segment(i, _START, _END, codes))
        elif d.kind == "disable-line":
            segs.append(_Segment(i, (d.line, 0), (d.end_line + 1, 0), codes))
        elif d.kind == "disable-next-line":
            segs.append(_Segment(i, (d.end_line + 1, 0), (d.end_line + 2, 0), codes))
        elif d.kind == "disable":
            open_.append(_Segment(i, here, _END, codes))
        elif d.kind == "enable":
            closed_any = False
            still: list[_Segment] = []
            for seg in open_:
                if not d.codes:
                    closing = True
                elif _ALL in seg.codes:
                    closing = any(c not in seg.excluded for c in d.codes)
                else:
                    closing = bool(seg.codes & set(d.codes))
                if not closing:
                    still.append(seg)
                    continue
                closed_any = True
                segs.append(_Segment(seg.owner, seg.start, here, seg.codes, seg.excluded))
                if not d.codes:
                    continue
                # ESLint semantics: `enable A` inside `disable` (all, or A and B) keeps the rest off
                if _ALL in seg.codes:
                    still.append(
                        _Segment(seg.owner, here, _END, seg.codes, seg.excluded | set(d.codes))
                    )
                else:
                    rest = seg.codes - set(d.codes)
                    if rest:
                        still.append(_Segment(seg.owner, here, _END, rest))
            open_ = still
            if not closed_any:
                idle_enables.append(i)
    segs.extend(open_)  # a disable without enable runs to the end of the file
    return segs, idle_enables


def apply_suppressions(
    findings: Iterable[Finding],
    suppressions: Sequence[Suppression],
    *,
    path: str,
    enabled_codes: frozenset[str] | set[str],
    known_codes: frozenset[str] | set[str],
    report_unused: bool = True,
) -> tuple[list[Finding], list[Finding]]:
    """Split findings into those still reported and the NOS001 findings for idle directives.

    `enabled_codes` are the rules that ran on this document (so a code of a rule that did not run
    is named as such), `known_codes` every rule in the registry. Findings the directives cover
    are dropped; a directive that listed NOS001 also hides the unused-suppression report about
    itself or others in its range.
    """
    directives = sorted(suppressions, key=lambda s: (s.line, s.col, s.end_line))
    segs, idle_enables = _segments(directives)
    usage = [_Usage() for _ in directives]
    kept: list[Finding] = []
    for f in findings:
        pos = (f.line, f.col)
        hit = False
        for seg in segs:
            if seg.covers(pos, f.code):
                hit = True
                u = usage[seg.owner]
                u.used_any = True
                u.used_codes.add(f.code)
        if not hit:
            kept.append(f)
    if not report_unused:
        return kept, []
    unused: list[Finding] = []
    for i, d in enumerate(directives):
        if d.kind == "enable":
            if i in idle_enables:
                unused.append(_unused(d, path, "closes no nostrings-disable comment before it"))
            continue
        u = usage[i]
        if not d.codes:
            if not u.used_any:
                unused.append(_unused(d, path, "suppresses nothing"))
            continue
        idle = [c for c in d.codes if c != UNUSED_CODE and c not in u.used_codes]
        if not idle:
            continue
        unknown = [c for c in idle if c not in known_codes]
        disabled = [c for c in idle if c in known_codes and c not in enabled_codes]
        why = []
        if len(idle) == len([c for c in d.codes if c != UNUSED_CODE]):
            why.append("suppresses nothing")
        else:
            why.append(f"suppresses nothing for {', '.join(idle)}")
        if unknown:
            why.append(f"unknown rule code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
        if disabled:
            why.append(f"not enabled for this file: {', '.join(disabled)}")
        unused.append(_unused(d, path, "; ".join(why), tuple(idle)))
    # NOS001 itself can be suppressed, but only by a directive that names it
    named = [s for s in segs if UNUSED_CODE in s.codes]
    if named:
        unused = [f for f in unused if not any(s.covers((f.line, f.col), f.code) for s in named)]
    return kept, unused


def _unused(d: Suppression, path: str, why: str, codes: tuple[str, ...] = ()) -> Finding:
    text = describe(d)
    return Finding(
        code=UNUSED_CODE,
        name=UNUSED_NAME,
        severity=_SEVERITY,
        message=f"Unused suppression: `{text}` {why}.",
        corrective=UNUSED_CORRECTIVE,
        path=path,
        line=d.line,
        col=d.col,
        end_line=d.line,
        end_col=d.col + 1,
        matched=text,
        pitfall="",
        pitfall_action="",
        stage="",
        sources=(),
        fingerprint=fingerprint(UNUSED_CODE, text, " ".join(codes), 0),
        block_kind="comment",
    )


def is_tool_selector(selector: str) -> bool:
    """True when a --select/--ignore selector names (a prefix of) NOS001 rather than a rule."""
    sel = selector.strip().upper()
    return bool(sel) and sel != "ALL" and UNUSED_CODE.startswith(sel) and not sel.startswith("R")


def unused_enabled(
    select: Iterable[str] | None, ignore: Iterable[str], extend_select: Iterable[str]
) -> bool:
    """Whether NOS001 is selected, with ruff's semantics: on by default, or when selected by
    prefix or ALL; off when a narrower --select leaves it out, or when ignored."""

    def hits(sels: Iterable[str]) -> bool:
        return any(
            s.strip().upper() == "ALL" or (s.strip() and UNUSED_CODE.startswith(s.strip().upper()))
            for s in sels
        )

    on = True if not select else hits(select)  # no selection (or an empty one) means all
    if hits(extend_select):
        on = True
    if any(UNUSED_CODE.startswith(s.strip().upper()) and s.strip() for s in ignore):
        on = False
    return on


def rule_selectors(selectors: Iterable[str] | None) -> list[str] | None:
    """The selectors meant for the rule registry (NOS001 selectors removed)."""
    if selectors is None:
        return None
    return [s for s in selectors if not is_tool_selector(s)]
