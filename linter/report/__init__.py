"""Output formats. Each reporter renders the same `DocumentResult` records; none recomputes.

`REPORTERS` maps an `--output-format` name to the module that renders it; streaming formats
(`text`, `github`) write as results arrive, the others collect and write once at the end through
their module's `render(results, **extra)`. `Output` is what the command line drives: it also
implements `--statistics` (counts per rule instead of the findings, like ruff's).
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from typing import IO, Any

REPORTERS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}
OUTPUT_FORMATS: tuple[str, ...] = tuple(REPORTERS)
STREAMING = frozenset({"text", "github"})
STATISTICS_FORMATS = ("text", "json")


class _Counts:
    """What the text summary needs of a result, so text output does not hold every finding."""

    def __init__(self, result: Any) -> None:
        self.error = result.error
        self.findings = [_Sev(f.severity) for f in result.findings]


class _Sev:
    __slots__ = ("severity",)

    def __init__(self, severity: Any) -> None:
        self.severity = severity


class Output:
    """Writes results to `stream` in one format, as they arrive or all at the end."""

    def __init__(
        self,
        fmt: str,
        stream: IO[str],
        *,
        color: bool = False,
        show_source: bool = False,
        quiet: bool = False,
        statistics: bool = False,
        extra: dict[str, Any] | None = None,
    ) -> None:
        if fmt not in REPORTERS:
            raise ValueError(f"unknown output format {fmt!r}")
        if statistics and fmt not in STATISTICS_FORMATS:
            raise ValueError(f"--statistics prints text or json, not {fmt}")
        self.fmt = fmt
        self.stream = stream
        self.color = color
        self.show_source = show_source
        self.quiet = quiet
        self.statistics = statistics
        self.extra = dict(extra or {})
        self._light: list[_Counts] = []
        self._results: list[Any] = []
        self._by_code: Counter[str] = Counter()
        self._severities: dict[str, Counter[str]] = {}
        self._names: dict[str, str] = {}

    def add(self, result: Any) -> None:
        if self.statistics:
            for f in result.findings:
                self._by_code[f.code] += 1
                self._names[f.code] = f.name
                self._severities.setdefault(f.code, Counter())[f.severity.value] += 1
            self._light.append(_Counts(result))
        elif self.fmt == "text":
            self._write_text(result)
            self._light.append(_Counts(result))
        elif self.fmt == "github":
            from . import github

            self.stream.write(github.render_result(result))
        else:
            self._results.append(result)

    def finish(self) -> None:
        if self.statistics:
            self._write_statistics()
        elif self.fmt == "text":
            if not self.quiet:
                from .text import summary_line

                self.stream.write(summary_line(self._light) + "\n")
        elif self.fmt not in STREAMING:
            module = importlib.import_module(f"{__name__}.{REPORTERS[self.fmt]}")
            self.stream.write(module.render(self._results, **self.extra))
        self.stream.flush()

    # ---- text --------------------------------------------------------------------------------
    def _write_text(self, result: Any) -> None:
        from .text import format_finding

        lines: list[str] | None = None
        if self.show_source and result.findings:
            lines = _source_lines(result.path)
        for f in result.findings:
            src = None
            if lines is not None and 0 < f.line <= len(lines):
                src = lines[f.line - 1]
            self.stream.write(format_finding(f, self.color, self.show_source, src) + "\n")

    # ---- statistics --------------------------------------------------------------------------
    def statistics_rows(self) -> list[dict[str, Any]]:
        order = sorted(self._by_code.items(), key=lambda kv: (-kv[1], kv[0]))
        return [
            {
                "code": code,
                "name": self._names[code],
                "count": count,
                "by_severity": dict(sorted(self._severities[code].items())),
            }
            for code, count in order
        ]

    def _write_statistics(self) -> None:
        rows = self.statistics_rows()
        if self.fmt == "json":
            self.stream.write(json.dumps(rows, indent=2) + "\n")
            return
        width = max([len(str(r["count"])) for r in rows] + [1])
        for r in rows:
            sev = ", ".join(f"{n} {s}" for s, n in r["by_severity"].items())
            if len(r["by_severity"]) == 1:
                sev = next(iter(r["by_severity"]))
            self.stream.write(f"{r['count']:>{width}}  {r['code']}  {r['name']}  [{sev}]\n")
        if not self.quiet:
            from .text import summary_line

            self.stream.write(summary_line(self._light) + "\n")


def _source_lines(path: str) -> list[str] | None:
    """The file's lines as written (for --show-source); None for stdin or an unreadable file."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline=None) as fh:
            return fh.read().split("\n")
    except OSError:
        return None
