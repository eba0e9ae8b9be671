"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::warning file=emails/welcome.md,line=5,col=1,endLine=5,endColumn=22,title=RCP012 ...::message`
GitHub shows the annotation on the diff line and in the run summary. The corrective action goes
in the message (after a line break), because that is what the copywriter needs to read there.
Escaping follows the runner's rules: `%`, CR and LF in the message; also `:` and `,` in
properties. Severity maps error -> error, warning -> warning, info -> notice.
"""

from __future__ import annotations

from ..engine import DocumentResult
from ..model import Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = [
        f"file={escape_property(f.path)}",
        f"line={f.line}",
        f"col={f.col}",
    ]
    if (f.end_line, f.end_col) > (f.line, f.col):
        props += [f"endLine={f.end_line}", f"endColumn={f.end_col}"]
    props.append(f"title={escape_property(f'{f.code} ({f.name})')}")
    body = f"{f.message}\nFix: {f.corrective}"
    return f"::{COMMANDS[f.severity]} {','.join(props)}::{escape_data(body)}"


def render_result(result: DocumentResult) -> str:
    """The lines for one file (streamed as files finish); an unreadable file is an error."""
    lines = []
    if result.error:
        lines.append(
            f"::error file={escape_property(result.path)},title=nostrings::"
            f"{escape_data(f'{result.path}: {result.error}')}"
        )
    lines.extend(annotation(f) for f in result.findings)
    return "".join(line + "\n" for line in lines)
