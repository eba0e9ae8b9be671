"""SARIF 2.1.0: the format GitHub code scanning and other review tools import.

One run, one tool driver that describes every rule (so a viewer can show the rule's description,
help text with the corrective action and default level next to any result), then one result per
finding with its physical location, the evidence as related locations, and the finding's
fingerprint as a partial fingerprint, so an alert keeps its identity when lines are added above
it. Columns are Unicode code points, as everywhere in nostrings, and the run says so
(`columnKind`). Output is deterministic: no timestamps, stable key and result order. Validated
against the official OASIS schema in tests/test_sarif.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..engine import DocumentResult
from ..model import Finding, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/nostrings/nostrings"
FINGERPRINT_KEY = "nostrings/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptors() -> list[dict[str, Any]]:
    """Every rule of the registry, then the tool's own NOS001, as SARIF reportingDescriptors."""
    from ..docs import rule_record
    from ..registry import ALL_RULES
    from ..suppress import UNUSED_CODE, UNUSED_CORRECTIVE, UNUSED_DOC, UNUSED_NAME, UNUSED_SUMMARY

    out = []
    for rule in ALL_RULES:
        rec = rule_record(rule)
        sections = rec["sections"]
        what = _unwrap(sections.get("What it does", "") or rule.summary)
        why = _unwrap(sections.get("Why is this bad?", ""))
        help_text = f"{rule.corrective}\n\nWhy: {why}" if why else rule.corrective
        markdown = [f"**Corrective action:** {rule.corrective}", ""]
        for name in ("Why is this bad?", "Example", "Use instead", "References"):
            if sections.get(name):
                markdown += [f"### {name}", sections[name], ""]
        markdown.append(f"Seed pitfall: {rule.pitfall}. {rec['pitfall_action']}")
        out.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": what},
                "help": {"text": help_text, "markdown": "\n".join(markdown).strip()},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {
                    "tags": ["copywriting", rec["family"], rule.pitfall],
                    "family": rec["family"],
                    "pitfall": rule.pitfall,
                    "stage": rec["stage"],
                    "guardrail": rule.guardrail,
                    "sources": list(rule.sources),
                    "channels": rec["channels"],
                },
            }
        )
    from ..rule import parse_sections

    unused = parse_sections(UNUSED_DOC)
    out.append(
        {
            "id": UNUSED_CODE,
            "name": UNUSED_NAME,
            "shortDescription": {"text": UNUSED_SUMMARY},
            "fullDescription": {"text": _unwrap(unused["What it does"])},
            "help": {
                "text": f"{UNUSED_CORRECTIVE}\n\nWhy: {_unwrap(unused['Why is this bad?'])}",
                "markdown": f"**Corrective action:** {unused['Corrective action']}",
            },
            "defaultConfiguration": {"level": "warning"},
            "properties": {"tags": ["nostrings"]},
        }
    )
    return out


_WRAPPED = re.compile(r"(?<=\S)\n[ \t]*(?![-*]\s|\d+\.\s|\n)")


def _unwrap(text: str) -> str:
    """Join a docstring's hard-wrapped lines (plain-text viewers wrap themselves); blank lines,
    list items and code fences keep their line breaks."""
    return text if "```" in text else _WRAPPED.sub(" ", text)


def artifact_location(path: str) -> dict[str, Any]:
    """A relative path becomes a URI relative to %SRCROOT% (the current folder)."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _region(line: int, col: int, end_line: int | None = None, end_col: int | None = None) -> dict:
    region: dict[str, Any] = {"startLine": max(1, line), "startColumn": max(1, col)}
    if end_line is not None and end_col is not None:
        if (end_line, end_col) > (line, col):
            region["endLine"] = end_line
            region["endColumn"] = end_col
    return region


def result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    region = _region(f.line, f.col, f.end_line, f.end_col)
    if f.matched:
        region["snippet"] = {"text": f.matched}
    out: dict[str, Any] = {"ruleId": f.code}
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    out["level"] = LEVELS[f.severity]
    out["message"] = {"text": f"{f.message}\nFix: {f.corrective}"}
    out["locations"] = [
        {"physicalLocation": {"artifactLocation": artifact_location(f.path), "region": region}}
    ]
    if f.evidence:
        out["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": {
                    "artifactLocation": artifact_location(f.path),
                    "region": _region(e.line, e.col),
                },
                "message": {"text": f"{e.label}: {e.text}"},
            }
            for i, e in enumerate(f.evidence, 1)
        ]
    if f.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    props: dict[str, Any] = {"corrective": f.corrective}
    if f.pitfall:
        props["pitfall"] = f.pitfall
        props["pitfallAction"] = f.pitfall_action
    if f.verify:
        props["verify"] = f.verify
    if f.also:
        props["also"] = list(f.also)
    if f.hidden:
        props["hidden"] = True
    out["properties"] = props
    return out


def render(results: Iterable[DocumentResult]) -> str:
    rules = rule_descriptors()
    index = {r["id"]: i for i, r in enumerate(rules)}
    out_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    failed = False
    for r in results:
        if r.error:
            failed = True
            notifications.append(_notification("error", r.path, r.error))
        for w in r.warnings:
            notifications.append(_notification("warning", r.path, w))
        out_results.extend(result(f, index) for f in r.findings)
    invocation: dict[str, Any] = {"executionSuccessful": not failed}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "nostrings",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": out_results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _notification(level: str, path: str, text: str) -> dict[str, Any]:
    return {
        "level": level,
        "message": {"text": f"{path}: {text}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
    }
