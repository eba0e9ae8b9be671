"""The default terminal output: `path:line:col: CODE [severity] message`, then what to do.

Follows the shape users know from ruff and compilers so editors and terminals make the location
clickable; the corrective action and the seed pitfall follow on indented lines, because the
action is the point of a finding for a copywriter.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO

import click

from ..engine import DocumentResult
from ..model import Finding, Severity

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def use_color(stream: IO[str], requested: bool | None = None) -> bool:
    if requested is not None:
        return requested
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def format_finding(
    f: Finding, color: bool = False, show_source: bool = False, source_line: str | None = None
) -> str:
    def st(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    head = (
        f"{st(f.path, bold=True)}:{f.line}:{f.col}: {st(f.code, bold=True)} "
        f"[{st(f.severity.value, fg=_COLORS[f.severity])}] {f.message}"
    )
    lines = [head]
    if show_source and source_line is not None:
        lines.append(f"    {source_line}")
        width = (
            (f.end_col - f.col) if f.end_line == f.line else max(1, len(source_line) - f.col + 1)
        )
        lines.append("    " + " " * (f.col - 1) + st("^" * max(1, width), fg=_COLORS[f.severity]))
    lines.append(f"  {st('fix:', fg='green')} {f.corrective}")
    if f.pitfall:  # the tool's own NOS001 enforces no seed pitfall
        lines.append(f"  {st('seed:', dim=True)} {f.pitfall}: {f.pitfall_action}")
    if f.verify:
        lines.append(f"  {st('verify:', dim=True)} {f.verify}")
    if f.also:
        lines.append(f"  {st('also:', dim=True)} {', '.join(f.also)}")
    if f.hidden:
        lines.append(f"  {st('note:', dim=True)} this copy is hidden until the reader acts")
    return "\n".join(lines)


def summary_line(results: Iterable[DocumentResult]) -> str:
    files = 0
    counts = {s: 0 for s in Severity}
    errors = 0
    for r in results:
        files += 1
        if r.error:
            errors += 1
        for f in r.findings:
            counts[f.severity] += 1
    total = sum(counts.values())
    parts = [
        f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s != Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    ]
    if total == 0:
        msg = f"No problems found in {files} file{'s' if files != 1 else ''}."
    else:
        msg = (
            f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
            f"in {files} file{'s' if files != 1 else ''}."
        )
    if errors:
        msg += f" {errors} file{'s' if errors != 1 else ''} could not be read."
    return msg
