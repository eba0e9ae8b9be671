"""Machine-readable output: one JSON document, versioned, stable key order.

The schema is documented in docs/json-schema.json; `version` changes only when a field is
removed or changes meaning (new fields may be added in the same version).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..engine import DocumentResult
from ..model import Severity

SCHEMA_VERSION = "1"


def render(results: Iterable[DocumentResult]) -> str:
    files: list[dict[str, Any]] = []
    counts = {s.value: 0 for s in Severity}
    by_rule: dict[str, int] = {}
    for r in results:
        files.append(r.to_dict())
        for f in r.findings:
            counts[f.severity.value] += 1
            by_rule[f.code] = by_rule.get(f.code, 0) + 1
    doc = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "nostrings", "version": __version__},
        "summary": {
            "files": len(files),
            "files_with_errors": sum(1 for f in files if f["error"]),
            "findings": sum(counts.values()),
            "by_severity": counts,
            "by_rule": dict(sorted(by_rule.items())),
        },
        "files": files,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
