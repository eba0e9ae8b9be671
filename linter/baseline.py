"""A baseline for legacy content: record today's findings once, then report only new ones.

A team adopting nostrings on a site with years of copy cannot fix everything before turning the
check on. `--write-baseline FILE` records every current finding; `--baseline FILE` then drops the
findings it recorded, so the check fails only on copy written (or rewritten) from now on.

A finding is recorded by its file (relative to the baseline file's folder, so the baseline works
from any working directory and in CI), its code and its fingerprint. The fingerprint is built
from the sentence's words and the matched text, not from line numbers (`linter.model.
fingerprint`), so adding a paragraph above a recorded finding or editing another sentence does
not make it "new"; rewriting the sentence itself does, which is the point. The matched text is
stored too, only so that a reviewer can read the baseline's diff.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import __version__
from .engine import DocumentResult

FORMAT = 1


class BaselineError(Exception):
    """The baseline file cannot be read or is not a nostrings baseline."""


Key = tuple[str, str, str]  # (path relative to the baseline's folder, code, fingerprint)


def _rel(path: str, base: Path) -> str:
    if path.startswith("<"):  # <stdin> and other pseudo paths
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(os.path.abspath(path)).as_posix()


class Baseline:
    def __init__(self, path: Path, entries: Iterable[Key] = ()) -> None:
        self.path = path
        self.base = path.resolve().parent
        self.remaining: Counter[Key] = Counter(entries)
        self.matched = 0
        self._files: set[str] = set()

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a nostrings baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("nostrings_baseline") != FORMAT:
            raise BaselineError(
                f'{path}: not a nostrings baseline (expected "nostrings_baseline": {FORMAT}; '
                "write one with --write-baseline)"
            )
        entries: list[Key] = []
        try:
            for e in data["findings"]:
                entries.append((str(e["path"]), str(e["code"]), str(e["fingerprint"])))
        except (KeyError, TypeError) as exc:
            raise BaselineError(f"{path}: malformed baseline entry ({exc})") from None
        return cls(path, entries)

    def filter(self, result: DocumentResult) -> DocumentResult:
        """The result without the findings the baseline recorded (each entry matches once)."""
        rel = _rel(result.path, self.base)
        self._files.add(rel)
        if not result.findings:
            return result
        kept = []
        for f in result.findings:
            key = (rel, f.code, f.fingerprint)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                self.matched += 1
            else:
                kept.append(f)
        if len(kept) == len(result.findings):
            return result
        return replace(result, findings=kept)

    def stale(self) -> int:
        """Entries for files linted in this run that no longer match a finding (fixed copy)."""
        return sum(n for (p, _, _), n in self.remaining.items() if p in self._files and n > 0)


class Writer:
    """Collects findings as results stream by (only the few fields a baseline keeps)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.base = path.resolve().parent
        self.rows: list[dict[str, Any]] = []

    def add(self, result: DocumentResult) -> None:
        rel = _rel(result.path, self.base)
        for f in result.findings:
            self.rows.append(
                {"path": rel, "code": f.code, "fingerprint": f.fingerprint, "text": f.matched}
            )

    def save(self) -> int:
        """Write the file (atomically; sorted, so it diffs well); returns how many findings."""
        self.rows.sort(key=lambda e: (e["path"], e["code"], e["fingerprint"]))
        doc = {"nostrings_baseline": FORMAT, "tool_version": __version__, "findings": self.rows}
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)
        return len(self.rows)
