"""The records that flow through the linter: documents in, findings out.

Everything a format module knows about markup ends in a `Document`: a list of `Block`s of plain
prose, each with a `SourceMap` back to the file as written. Rules never see markup, and every
finding can still point at the exact line and column the writer typed.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """Ordered so that `--fail-on` can compare; the string value is what users type."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class LineIndex:
    """Offset to (line, column) for one source text; 1-based, columns in code points."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._text = text

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r")


@dataclass
class SourceMap:
    """Piecewise map from a block's text offsets to offsets in the document's source text.

    Each segment says "block text from `text_start` on is source text from `src_start` on, one
    character for one". A decoded entity or a joined line break starts a new segment, so masked or
    decoded markup still maps to where the writer typed it.
    """

    text_starts: list[int] = field(default_factory=list)
    src_starts: list[int] = field(default_factory=list)

    @classmethod
    def identity(cls, src_start: int) -> SourceMap:
        return cls([0], [src_start])

    def add(self, text_start: int, src_start: int) -> None:
        if self.text_starts and self.text_starts[-1] == text_start:
            self.src_starts[-1] = src_start
            return
        if (
            self.text_starts
            and src_start - self.src_starts[-1] == text_start - self.text_starts[-1]
        ):
            return  # continues the previous segment
        self.text_starts.append(text_start)
        self.src_starts.append(src_start)

    def to_source(self, offset: int) -> int:
        i = bisect.bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return self.src_starts[0] if self.src_starts else offset
        return self.src_starts[i] + (offset - self.text_starts[i])


# Block kinds a format may emit. `is_ui` and `hidden` are separate flags because a hidden pop-up
# button is both.
BLOCK_KINDS = (
    "paragraph",
    "heading",
    "list_item",
    "table_cell",
    "quote",
    "ui",
    "alt",
    "title",
    "subject",
    "preheader",
    "value",
)


@dataclass
class Block:
    """One run of prose a reader sees as a unit, with its way back to the source."""

    text: str
    kind: str = "paragraph"
    source_map: SourceMap = field(default_factory=lambda: SourceMap.identity(0))
    is_ui: bool = False
    hidden: bool = False
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """A file as the rules see it: blocks of prose plus the envelope facts of catalogue §0.4."""

    path: str
    format: str
    channel: str
    blocks: list[Block]
    source_text: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    suppressions: list[Any] = field(default_factory=list)
    _line_index: LineIndex | None = field(default=None, repr=False)

    @property
    def line_index(self) -> LineIndex:
        if self._line_index is None:
            self._line_index = LineIndex(self.source_text)
        return self._line_index

    def position(self, block: Block, offset: int) -> tuple[int, int]:
        return self.line_index.position(block.source_map.to_source(offset))


@dataclass(frozen=True)
class Evidence:
    """A span a rule relied on besides the one it reports (the ask, the missing disclosure...)."""

    label: str
    text: str
    line: int
    col: int


@dataclass(frozen=True)
class Finding:
    """One problem at one place, with what to write instead. Frozen: reporters only read it."""

    code: str
    name: str
    severity: Severity
    message: str
    corrective: str
    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    matched: str
    pitfall: str
    pitfall_action: str
    stage: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    fingerprint: str = ""
    also: tuple[str, ...] = ()
    block_kind: str = "paragraph"
    hidden: bool = False
    verify: str = ""
    checked: tuple[str, ...] = ()
    # where the finding sits in the Document's blocks (for reports that render the copy)
    block: int = -1
    offset: int = 0
    end_offset: int = 0

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.path,
            self.line,
            self.col,
            self.code,
            self.end_line,
            self.end_col,
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "corrective": self.corrective,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
            "matched": self.matched,
            "pitfall": self.pitfall,
            "pitfall_action": self.pitfall_action,
            "stage": self.stage,
            "sources": list(self.sources),
            "evidence": [
                {"label": e.label, "text": e.text, "line": e.line, "col": e.col}
                for e in self.evidence
            ],
            "fingerprint": self.fingerprint,
            "also": list(self.also),
            "block_kind": self.block_kind,
            "hidden": self.hidden,
            "verify": self.verify,
            "checked": list(self.checked),
            "block": self.block,
            "offset": self.offset,
            "end_offset": self.end_offset,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        return cls(
            code=d["code"],
            name=d["name"],
            severity=Severity(d["severity"]),
            message=d["message"],
            corrective=d["corrective"],
            path=d["path"],
            line=d["line"],
            col=d["col"],
            end_line=d["end_line"],
            end_col=d["end_col"],
            matched=d["matched"],
            pitfall=d["pitfall"],
            pitfall_action=d["pitfall_action"],
            stage=d["stage"],
            sources=tuple(d["sources"]),
            evidence=tuple(Evidence(**e) for e in d["evidence"]),
            fingerprint=d["fingerprint"],
            also=tuple(d["also"]),
            block_kind=d["block_kind"],
            hidden=d["hidden"],
            verify=d.get("verify", ""),
            checked=tuple(d.get("checked", ())),
            block=d.get("block", -1),
            offset=d.get("offset", 0),
            end_offset=d.get("end_offset", 0),
        )


@dataclass(frozen=True)
class Suppression:
    """An inline `nostrings-disable...` directive found in a comment of the file.

    Format readers create these (each knows its own comment syntax: `<!-- -->`, `{# #}`,
    `{{!-- --}}`, `{/* */}`, `# ...`) with `linter.suppress.parse_directive`; the engine applies
    them and reports the ones that suppressed nothing.
    """

    kind: str  # "disable" | "enable" | "disable-next-line" | "disable-line" | "disable-file"
    codes: tuple[str, ...]  # empty = every rule
    line: int  # 1-based line of the comment in the file
    col: int
    end_line: int  # last line of the comment (a next-line directive applies to end_line + 1)


def fingerprint(code: str, context: str, matched: str, occurrence: int) -> str:
    """Stable across edits elsewhere: built from the sentence's words, not from positions."""
    norm = " ".join(context.lower().split())
    raw = f"{code}\x1f{norm}\x1f{' '.join(matched.lower().split())}\x1f{occurrence}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
