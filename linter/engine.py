"""Run the rules over documents and turn their hits into ordered, de-duplicated findings.

One `Linter` is built per run (or per process, for API users): it compiles the lexicon of every
rule once and reuses it for every document. The CLI, the report and the benchmarks all go
through this class, so what the API returns is exactly what users see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .lexicons import SHARED
from .model import Document, Evidence, Finding, Severity, fingerprint
from .patterns import Lexicon
from .rule import Rule
from .senses import PREMIUM_PATTERNS
from .view import Cue, DocView, Hit, Sentence

# Catalogue §6: when two rules cover the same span, the more specific one is reported and the
# other listed as "also". (preferred, demoted)
PRECEDENCE: tuple[tuple[str, str], ...] = (
    ("RCP020", "RCP021"),
    ("RCP006", "RCP005"),
    ("RCP027", "RCP005"),
    ("RCP015", "RCP026"),
    ("RCP002", "RCP005"),
    ("RCP011", "RCP021"),
    ("RCP014", "RCP012"),
    ("RCP004", "RCP012"),
)
# Rules whose hits count towards pressure density (§0.6), plus urgency/scarcity cues.
PRESSURE_RULES = frozenset({"RCP017", "RCP018", "RCP019", "RCP020", "RCP021", "RCP022"})
PRESSURE_CUES = ("URGENCY", "TIMER", "SCARCITY")


def build_lexicon(rules: Sequence[Rule]) -> Lexicon:
    entries: list[tuple[str, str]] = []
    for label, pats in {**SHARED, **PREMIUM_PATTERNS}.items():
        entries.extend((label, p) for p in pats)
    for rule in rules:
        for label, pats in rule.patterns.items():
            entries.extend((label, p) for p in pats)
    return Lexicon(entries)


@dataclass
class DocumentResult:
    """Findings for one document plus the document-level facts reports show."""

    path: str
    format: str
    channel: str
    findings: list[Finding]
    pressure_density: float = 0.0
    tokens: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    blocks: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "channel": self.channel,
            "pressure_density": self.pressure_density,
            "tokens": self.tokens,
            "warnings": list(self.warnings),
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
        }


class Linter:
    """A reusable linter: build once, call `lint_document` or `lint_text` many times."""

    def __init__(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        options: dict[str, Any] | None = None,
        severity_overrides: dict[str, str] | None = None,
        prefilter: bool = True,
        keep_blocks: bool = False,
        report_unused_suppressions: bool | None = None,
    ) -> None:
        from .registry import ALL_RULES, select_rules

        self.keep_blocks = keep_blocks
        # NOS001 (unused inline suppressions): on unless a narrower selection leaves it out, so
        # that `select=["RCP012"]` does not call every other rule's suppressions unused.
        self.report_unused_suppressions = (
            select is None if report_unused_suppressions is None else report_unused_suppressions
        )
        self.all_rules: tuple[Rule, ...] = ALL_RULES
        self.rules = select_rules(select, ignore)
        self.lexicon = _lexicon_for_all()
        self.options = dict(options or {})
        self.severity_overrides = {
            k.upper(): Severity.parse(v) for k, v in (severity_overrides or {}).items()
        }
        self.prefilter = prefilter

    def view(self, doc: Document) -> DocView:
        return DocView(doc, self.lexicon, self.options, prefilter=self.prefilter)

    def lint_document(self, doc: Document, rules: Sequence[Rule] | None = None) -> DocumentResult:
        view = self.view(doc)
        findings: list[Finding] = []
        pressure_hits = 0
        for rule in rules if rules is not None else self.rules:
            if doc.channel not in rule.channels:
                continue
            for hit in rule.check(view):
                findings.append(self._finding(rule, doc, hit))
        raw = findings
        findings = deduplicate(raw)
        pressure_hits = sum(1 for f in findings if f.code in PRESSURE_RULES)
        if doc.suppressions:
            findings = deduplicate(self._suppress(doc, raw, rules))
        findings = self._apply_overrides(findings)
        pressure_hits += sum(len(view.cues(label)) for label in PRESSURE_CUES)
        tokens = view.token_count()
        density = round(pressure_hits / tokens * 100, 2) if tokens else 0.0
        result = DocumentResult(
            path=doc.path,
            format=doc.format,
            channel=doc.channel,
            findings=findings,
            pressure_density=density,
            tokens=tokens,
            warnings=list(doc.warnings),
        )
        if self.keep_blocks:
            result.blocks = [
                {"kind": b.kind, "text": b.text, "hidden": b.hidden, "is_ui": b.is_ui}
                for b in doc.blocks
            ]
        return result

    def lint_text(
        self,
        text: str,
        *,
        path: str = "<text>",
        format: str = "text",
        channel: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> list[Finding]:
        from .formats import read_text

        doc = read_text(text, path=path, format=format, channel=channel)
        if metadata:
            doc.metadata.update(metadata)
        return self.lint_document(doc).findings

    def _suppress(
        self, doc: Document, raw: list[Finding], rules: Sequence[Rule] | None
    ) -> list[Finding]:
        """The filter stage for inline suppressions, before de-duplication (so suppressing the
        more specific of two §6 rules does not silently hide the other) and after the pressure
        count (suppressing a finding does not make the copy calmer)."""
        from .suppress import apply_suppressions

        ran = {
            r.code
            for r in (rules if rules is not None else self.rules)
            if doc.channel in r.channels
        }
        kept, unused = apply_suppressions(
            raw,
            doc.suppressions,
            path=doc.path,
            enabled_codes=ran,
            known_codes={r.code for r in self.all_rules},
            report_unused=self.report_unused_suppressions,
        )
        return kept + unused

    def _apply_overrides(self, findings: list[Finding]) -> list[Finding]:
        if not self.severity_overrides:
            return findings
        out = []
        for f in findings:
            sev = self.severity_overrides.get(f.code)
            if sev is not None and sev != f.severity:
                f = _replace(f, severity=sev)
            out.append(f)
        return out

    def _finding(self, rule: Rule, doc: Document, hit: Hit) -> Finding:
        block = hit.sent.block
        line, col = doc.position(block, hit.start)
        end = max(hit.end, hit.start + 1)
        end_line, end_col = doc.position(block, end - 1)
        matched = block.text[hit.start : hit.end]
        evidence = []
        for label, item in hit.evidence:
            if isinstance(item, Cue):
                s, _ = item.char_span
                el, ec = doc.position(item.sent.block, s)
                evidence.append(Evidence(label, item.text, el, ec))
            elif isinstance(item, Sentence):
                el, ec = doc.position(item.block, item.start)
                evidence.append(Evidence(label, item.text, el, ec))
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=hit.severity,
            message=hit.message,
            corrective=rule.corrective,
            path=doc.path,
            line=line,
            col=col,
            end_line=end_line,
            end_col=end_col + 1,
            matched=matched,
            pitfall=rule.pitfall,
            pitfall_action=rule.pitfall_action,
            stage=rule.stage,
            sources=rule.sources,
            evidence=tuple(evidence),
            fingerprint=fingerprint(rule.code, hit.sent.text, matched, 0),
            block_kind=block.kind,
            hidden=block.hidden,
            verify=hit.verify or rule.verify,
            checked=tuple(hit.checked),
            block=hit.sent.block_index,
            offset=hit.start,
            end_offset=hit.end,
        )


@lru_cache(maxsize=1)
def _lexicon_for_all() -> Lexicon:
    """Every pattern of every rule plus the shared lexicons, compiled once per process."""
    from .registry import ALL_RULES

    return build_lexicon(ALL_RULES)


def _replace(f: Finding, **kw: Any) -> Finding:
    from dataclasses import replace

    return replace(f, **kw)


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """One finding per rule per span; precedence pairs of §6; stable, deterministic order."""
    findings = sorted(findings, key=Finding.sort_key)
    seen: set[tuple[Any, ...]] = set()
    unique: list[Finding] = []
    for f in findings:
        key = (f.code, f.path, f.line, f.col, f.end_line, f.end_col)
        if key in seen:
            continue
        seen.add(key)
        unique.append(f)
    demoted: dict[int, list[str]] = {}
    dropped: set[int] = set()
    for pref, dem in PRECEDENCE:
        for i, a in enumerate(unique):
            if a.code != pref:
                continue
            for k, b in enumerate(unique):
                if b.code != dem or k in dropped or not _overlap(a, b):
                    continue
                dropped.add(k)
                demoted.setdefault(i, []).append(b.code)
    out = []
    for i, f in enumerate(unique):
        if i in dropped:
            continue
        if i in demoted:
            f = _replace(f, also=tuple(sorted(set(f.also) | set(demoted[i]))))
        out.append(f)
    # fingerprints: number identical (code, context) pairs in order so they stay unique
    counts: dict[str, int] = {}
    final = []
    for f in out:
        n = counts.get(f.fingerprint, 0)
        counts[f.fingerprint] = n + 1
        if n:
            f = _replace(f, fingerprint=fingerprint(f.code, f.fingerprint, f.matched, n))
        final.append(f)
    return final


def _overlap(a: Finding, b: Finding) -> bool:
    if a.path != b.path:
        return False
    return (a.line, a.col) < (b.end_line, b.end_col) and (b.line, b.col) < (a.end_line, a.end_col)


_DEFAULT: Linter | None = None


def lint_text(
    text: str,
    *,
    path: str = "<text>",
    format: str = "text",
    channel: str | None = None,
    metadata: dict[str, Any] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Finding]:
    """Lint one string; the convenience entry point of the public API."""
    global _DEFAULT
    if select is None and ignore is None:
        if _DEFAULT is None:
            _DEFAULT = Linter()
        linter = _DEFAULT
    else:
        linter = Linter(select=select, ignore=ignore)
    return linter.lint_text(text, path=path, format=format, channel=channel, metadata=metadata)
