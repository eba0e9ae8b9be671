"""The HTML report for copy reviews: one self-contained file that shows the copy as written.

A copy review is a meeting, not a terminal session: the copywriter, the marketing lead and legal
walk through a campaign together. So the report is one file they can open from disk, mail
around, print and commit:

- self-contained: the CSS and the script are inlined, there are no fonts, images or requests
  (a Content-Security-Policy in the file forbids every fetch, and allows only our own script by
  its hash, so even a bug in escaping could not run a script that came with the copy);
- the copy is rendered block by block (subject line first for email), with every finding
  highlighted at its exact span, numbered like a footnote, and a note beside the block that says
  what is wrong and what to write instead; overlapping findings split the text into segments,
  each segment marked with every finding that covers it;
- everything from the copy or from the user (paths, metadata, messages) goes through jinja2's
  autoescaping: copy under review may contain `<script>`, `</textarea>`, quotes and entities;
- deterministic: the same results give byte-identical output (no timestamp unless asked), so a
  report can be committed next to the copy and diffed.

The renderer only reads `DocumentResult`s (with `blocks`, from `Linter(keep_blocks=True)`); it
never re-lints. All counting and layout decisions are made here in Python, where they are
testable; the template only lays them out.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jinja2

from .. import __version__
from ..engine import DocumentResult
from ..model import Finding, Severity
from ..seeds import GUARDRAIL, PITFALLS, SHORT_TERM_FOCUS_NOTE, STAGES

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}

# The seed model's four stages, in order, with the words the issue uses for them.
STAGE_LABELS: dict[str, str] = {
    "give value": "Give value",
    "allow reflection": "Allow reflection",
    "proportional ask": "Proportional ask",
    "support outcome": "Support the outcome",
}

# Catalogue §6: these pairs fire together on purpose, and "the report should say so".
COFIRING: dict[frozenset[str], str] = {
    frozenset({"RCP012", "RCP017"}): "a gift and urgency in the same place",
    frozenset({"RCP013", "RCP014"}): "a hedged thank-you that re-asks",
    frozenset({"RCP016", "RCP017"}): "an ask that is both premature and rushed",
    frozenset({"RCP024", "RCP028"}): "a service message made commercial must carry the envelope",
}

# How each block kind is labelled beside the copy (paragraphs need no label).
KIND_LABELS: dict[str, str] = {
    "paragraph": "",
    "heading": "Heading",
    "list_item": "",
    "table_cell": "Table cell",
    "quote": "Quote",
    "ui": "Button or link",
    "alt": "Image alt text",
    "title": "Page title",
    "subject": "Subject",
    "preheader": "Preheader",
    "value": "String",
}
# Email reads envelope first: the subject, then the preheader, then the body in order.
_KIND_ORDER = {"subject": 0, "preheader": 1}

_TEMPLATES = "templates"


# ---- view records the template reads ---------------------------------------------------------
@dataclass
class FindingView:
    """One finding as the report shows it, numbered in reading order across the whole report."""

    num: int
    doc_id: str
    finding: Finding
    title: str
    stage_label: str
    pitfall_why: str
    cofiring: list[str] = field(default_factory=list)

    @property
    def f(self) -> Finding:
        return self.finding

    @property
    def severity(self) -> str:
        return self.finding.severity.value

    @property
    def location(self) -> str:
        f = self.finding
        return f"line {f.line}, column {f.col}"


@dataclass
class Piece:
    """A run of block text (`fids` = the findings covering it, empty for plain text), or a
    footnote reference (`ref`) placed right after the end of a finding's span."""

    text: str = ""
    fids: tuple[int, ...] = ()
    severity: str = ""
    anchors: tuple[int, ...] = ()  # findings whose first segment this is (ids "f-N")
    ref: FindingView | None = None
    empty: bool = False  # zero-length span (a missing element at a point)


@dataclass
class BlockView:
    index: int
    kind: str
    kind_label: str
    hidden: bool
    is_ui: bool
    pieces: list[Piece]
    notes: list[FindingView]


@dataclass
class DocView:
    id: str
    path: str
    format: str
    channel: str
    error: str | None
    warnings: list[str]
    pressure_density: float
    tokens: int
    counts: dict[str, int]
    blocks: list[BlockView]
    doc_notes: list[FindingView]  # findings not tied to a block of copy
    findings: list[FindingView]

    @property
    def total(self) -> int:
        return len(self.findings)


@dataclass
class Bar:
    """One row of the findings-per-rule chart: stacked segments by severity."""

    code: str
    title: str
    y: int
    total: int
    segments: list[tuple[str, float, float, int]]  # (severity, x, width, count)


# ---- rendering -------------------------------------------------------------------------------
def render(
    results: Iterable[DocumentResult],
    *,
    title: str = "nostrings report",
    configuration: Sequence[tuple[str, str]] = (),
    generated_at: str | None = None,
) -> str:
    """The whole report as one HTML string.

    `configuration` is shown verbatim (escaped) in the report's "How this report was made"
    section; `generated_at` is printed only when given, so that by default the same results
    render to the same bytes.
    """
    docs = build_documents(results)
    findings = [fv for d in docs for fv in d.findings]
    css = _asset("report.css")
    script = _asset("report.js")
    context: dict[str, Any] = {
        "title": title,
        "version": __version__,
        "generated_at": generated_at,
        "configuration": list(configuration),
        "docs": docs,
        "findings": findings,
        "summary": summarize(docs),
        "chart": chart(findings),
        "severities": [s.value for s in SEVERITIES],
        "severity_labels": SEVERITY_LABELS,
        "guardrail": GUARDRAIL,
        "short_term_note": SHORT_TERM_FOCUS_NOTE,
        "css": css,
        "script": script,
        "csp": content_security_policy(script),
    }
    return _environment().get_template("report.html.j2").render(context)


def content_security_policy(script: str) -> str:
    """No network at all; inline styles; only our own script, pinned by its SHA-256."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def build_documents(results: Iterable[DocumentResult]) -> list[DocView]:
    """Number every finding in reading order and cut each block into highlighted segments."""
    docs: list[DocView] = []
    num = 0
    for i, result in enumerate(results, 1):
        doc_id = f"d{i}"
        blocks = result.blocks
        order = sorted(range(len(blocks)), key=lambda b: (_KIND_ORDER.get(blocks[b]["kind"], 2), b))
        position = {b: k for k, b in enumerate(order)}

        def reading_key(f: Finding, position: dict[int, int] = position) -> tuple[Any, ...]:
            placed = f.block in position
            return (
                position.get(f.block, -1) if placed else -1,
                f.offset if placed else 0,
                f.line,
                f.col,
                f.end_offset,
                f.code,
                f.message,
            )

        views: list[FindingView] = []
        for f in sorted(result.findings, key=reading_key):
            num += 1
            views.append(_finding_view(num, doc_id, f))
        _mark_cofiring(views)
        by_block: dict[int, list[FindingView]] = {}
        doc_notes: list[FindingView] = []
        for fv in views:
            if fv.f.block in position:
                by_block.setdefault(fv.f.block, []).append(fv)
            else:
                doc_notes.append(fv)
        block_views = []
        for b in order:
            blk = blocks[b]
            notes = by_block.get(b, [])
            block_views.append(
                BlockView(
                    index=b,
                    kind=str(blk["kind"]),
                    kind_label=KIND_LABELS.get(
                        str(blk["kind"]), str(blk["kind"]).replace("_", " ")
                    ),
                    hidden=bool(blk.get("hidden")),
                    is_ui=bool(blk.get("is_ui")),
                    pieces=segment(str(blk["text"]), notes),
                    notes=notes,
                )
            )
        counts = {s.value: 0 for s in SEVERITIES}
        for fv in views:
            counts[fv.severity] += 1
        docs.append(
            DocView(
                id=doc_id,
                path=result.path,
                format=result.format,
                channel=result.channel,
                error=result.error,
                warnings=list(result.warnings),
                pressure_density=result.pressure_density,
                tokens=result.tokens,
                counts=counts,
                blocks=block_views,
                doc_notes=doc_notes,
                findings=views,
            )
        )
    return docs


def segment(text: str, findings: Sequence[FindingView]) -> list[Piece]:
    """Cut `text` at every span boundary; each piece knows every finding that covers it.

    Overlapping and nested spans therefore render as adjacent `<mark>`s (never as overlapping
    elements, which HTML cannot express), and concatenating the segments of one finding gives
    exactly its span. A footnote reference follows the last segment of each finding.
    """
    n = len(text)
    spans: list[tuple[int, int, FindingView]] = []
    for fv in findings:
        start = min(max(fv.f.offset, 0), n)
        end = min(max(fv.f.end_offset, start), n)
        spans.append((start, end, fv))
    points = sorted({0, n} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    pieces: list[Piece] = []
    anchored: set[int] = set()
    for k, p in enumerate(points):
        for s, e, fv in spans:
            if e == p and s < e:
                pieces.append(Piece(ref=fv))
        for s, e, fv in spans:
            if s == e == p:
                pieces.append(
                    Piece(fids=(fv.num,), severity=fv.severity, anchors=(fv.num,), empty=True)
                )
                anchored.add(fv.num)
                pieces.append(Piece(ref=fv))
        if k + 1 == len(points):
            break
        q = points[k + 1]
        covering = [fv for s, e, fv in spans if s <= p and e >= q and s < e]
        if not covering:
            pieces.append(Piece(text=text[p:q]))
            continue
        anchors = tuple(fv.num for fv in covering if fv.num not in anchored)
        anchored.update(anchors)
        pieces.append(
            Piece(
                text=text[p:q],
                fids=tuple(fv.num for fv in covering),
                severity=_top_severity(fv.severity for fv in covering),
                anchors=anchors,
            )
        )
    return pieces


def summarize(docs: Sequence[DocView]) -> dict[str, Any]:
    """The numbers of the summary: by severity, rule, seed pitfall and stage; per document."""
    findings = [fv for d in docs for fv in d.findings]
    by_sev = {s.value: 0 for s in SEVERITIES}
    rules: dict[str, dict[str, Any]] = {}
    pitfalls = {name: 0 for name in PITFALLS}
    stages = {key: 0 for key in STAGES}
    for fv in findings:
        f = fv.f
        by_sev[f.severity.value] += 1
        row = rules.setdefault(
            f.code,
            {"code": f.code, "title": fv.title, "name": f.name, "total": 0, "first": fv.num}
            | {s.value: 0 for s in SEVERITIES},
        )
        row[f.severity.value] += 1
        row["total"] += 1
        if f.pitfall:  # the tool's own findings (an unused suppression) have neither
            pitfalls[f.pitfall] = pitfalls.get(f.pitfall, 0) + 1
        if f.stage:
            stages[f.stage] = stages.get(f.stage, 0) + 1
    return {
        "documents": len(docs),
        "unreadable": sum(1 for d in docs if d.error),
        "with_findings": sum(1 for d in docs if d.findings),
        "findings": len(findings),
        "by_severity": by_sev,
        "by_rule": [rules[c] for c in sorted(rules)],
        "by_pitfall": [
            {
                "name": name,
                "count": count,
                "why": PITFALLS.get(name, ("", ""))[0],
                "action": PITFALLS.get(name, ("", ""))[1],
            }
            for name, count in pitfalls.items()
            if count
        ],
        "pitfalls_clear": [name for name, count in pitfalls.items() if not count],
        "by_stage": [
            {
                "key": key,
                "label": STAGE_LABELS.get(key, key),
                "description": re.sub(r"^\d+\.\s*", "", STAGES.get(key, "")),
                "count": count,
            }
            for key, count in stages.items()
        ],
        "max_density": max((d.pressure_density for d in docs), default=0.0),
    }


def chart(findings: Sequence[FindingView]) -> dict[str, Any]:
    """Geometry of the inline SVG bar chart of findings per rule, stacked by severity."""
    rows: dict[str, dict[str, int]] = {}
    titles: dict[str, str] = {}
    for fv in findings:
        rows.setdefault(fv.f.code, {s.value: 0 for s in SEVERITIES})[fv.severity] += 1
        titles.setdefault(fv.f.code, fv.title)
    label_w, bar_w, row_h, gap = 64, 420, 18, 8
    top = max((sum(r.values()) for r in rows.values()), default=0)
    bars: list[Bar] = []
    for i, code in enumerate(sorted(rows)):
        counts = rows[code]
        x = float(label_w)
        segs = []
        for sev in SEVERITIES:
            c = counts[sev.value]
            if not c:
                continue
            w = round(bar_w * c / top, 2)
            segs.append((sev.value, round(x, 2), w, c))
            x += w
        bars.append(Bar(code, titles[code], i * (row_h + gap), sum(counts.values()), segs))
    height = max(len(bars) * (row_h + gap) - gap, 0)
    return {
        "bars": bars,
        "width": label_w + bar_w + 48,
        "height": height,
        "row_h": row_h,
        "label_w": label_w,
    }


# ---- helpers ---------------------------------------------------------------------------------
def short_title(doc_title: str, fallback: str) -> str:
    """'Reciprocity-debt language ("return the favor", ...).' -> 'Reciprocity-debt language'."""
    t = re.sub(r"\s*\(.*\)\s*\.?\s*$", "", doc_title or "").strip().rstrip(".").strip()
    return t or fallback.replace("-", " ").capitalize()


@cache
def _rule_title(code: str, name: str) -> str:
    from ..registry import BY_CODE
    from ..rule import title_of

    rule = BY_CODE.get(code)
    return short_title(title_of(rule.doc) if rule else "", name)


def _finding_view(num: int, doc_id: str, f: Finding) -> FindingView:
    return FindingView(
        num=num,
        doc_id=doc_id,
        finding=f,
        title=_rule_title(f.code, f.name),
        stage_label=STAGE_LABELS.get(f.stage, f.stage),
        pitfall_why=PITFALLS.get(f.pitfall, ("", ""))[0],
    )


def _mark_cofiring(views: list[FindingView]) -> None:
    """Say so when a §6 co-firing pair overlaps in one block: two notes, one intended story."""
    for i, a in enumerate(views):
        for b in views[i + 1 :]:
            if a.f.block != b.f.block or a.f.block < 0:
                continue
            why = COFIRING.get(frozenset({a.f.code, b.f.code}))
            if why is None:
                continue
            a.cofiring.append(f"{b.f.code} (finding {b.num}) fires here too on purpose: {why}.")
            b.cofiring.append(f"{a.f.code} (finding {a.num}) fires here too on purpose: {why}.")


def _top_severity(values: Iterable[str]) -> str:
    ranked = {s.value: s.rank for s in SEVERITIES}
    return max(values, key=lambda v: ranked.get(v, -1))


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(_TEMPLATES, name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """Autoescape is on for every template: copy is never trusted as markup."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, _TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def run_configuration(
    paths: Sequence[str],
    settings: Any,
    config: Any,
    cwd: Any = None,
) -> list[tuple[str, str]]:
    """What the run used, in words, for the report's "How this report was made" section.

    Paths are shown relative to `cwd` where possible, so a report made in CI and one made on a
    laptop from the same checkout are identical.
    """
    from pathlib import Path

    from ..registry import select_rules

    here = Path(cwd) if cwd is not None else Path.cwd()

    def rel(p: Any) -> str:
        try:
            return Path(p).resolve().relative_to(here.resolve()).as_posix()
        except ValueError:
            return Path(p).as_posix()

    select = settings.select if settings.select is not None else config.select
    ignore = list(config.ignore) + list(settings.ignore or [])
    extend = list(config.extend_select) + list(settings.extend_select or [])
    rules = select_rules(select, ignore, extend)
    if settings.config_path is not None:
        source = rel(settings.config_path)
    elif settings.isolated:
        source = "none (--isolated)"
    elif config.path is not None:
        source = rel(config.path)
    else:
        source = "none found (defaults)"
    items: list[tuple[str, str]] = [
        ("nostrings version", __version__),
        ("Paths", " ".join(paths) if paths else "."),
        ("Configuration file", source),
        (f"Rules enabled ({len(rules)})", ", ".join(r.code for r in rules) or "none"),
    ]
    if select is not None:
        items.append(("Select", ", ".join(select)))
    if ignore:
        items.append(("Ignore", ", ".join(ignore)))
    if extend:
        items.append(("Extend select", ", ".join(extend)))
    channel = settings.channel or config.channel
    items.append(("Channel", channel or "by file type (and per-file settings)"))
    meta = {**config.metadata, **settings.metadata}
    if meta:
        items.append(("Metadata", ", ".join(f"{k}={meta[k]}" for k in sorted(meta))))
    if config.options:
        items.append(
            ("Rule options", ", ".join(f"{k}={config.options[k]}" for k in sorted(config.options)))
        )
    if config.severity:
        items.append(
            (
                "Severity overrides",
                ", ".join(f"{k}={config.severity[k]}" for k in sorted(config.severity)),
            )
        )
    if config.overrides:
        items.append(("Per-path overrides", str(len(config.overrides))))
    return items


def build(
    paths: Sequence[str],
    runner: Any,
    *,
    title: str = "nostrings report",
    generated_at: str | None = None,
    exclude: Any = None,
    jobs: int | None = None,
) -> tuple[str, list[DocumentResult]]:
    """Lint `paths` exactly as `check` does (same discovery, configuration, rules, cache and
    worker pool) and render.

    `exclude` is the report's own output file: a report written into the folder it reviews must
    not be reviewed itself on the next run (it contains the copy, so every finding would double).
    `jobs` defaults to the configuration's `jobs` (0: one process per CPU).
    """
    import os
    from pathlib import Path

    runner.settings.keep_blocks = True
    base = runner.config_for(Path.cwd() / "_")
    skip = Path(exclude).resolve() if exclude else None
    targets = [
        t
        for t in runner.discover(paths)
        if skip is None or t.fs_path is None or t.fs_path.resolve() != skip
    ]
    n_jobs = base.jobs if jobs is None else jobs
    results = list(runner.run_targets(targets, n_jobs or (os.cpu_count() or 1)))
    page = render(
        results,
        title=title,
        configuration=run_configuration(paths, runner.settings, base),
        generated_at=generated_at,
    )
    return page, results


def timestamp() -> str:
    """When the report was made, for `--timestamp`; SOURCE_DATE_EPOCH makes it reproducible."""
    import os
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = (
        datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        if epoch.isdigit()
        else datetime.now(timezone.utc)
    )
    return when.strftime("%Y-%m-%d %H:%M UTC")
