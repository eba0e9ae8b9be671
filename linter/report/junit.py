"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

One test suite per linted file. A file with no findings is one passing test case; each finding is
a failing test case named after the rule and the place, so the CI's test view lists what to fix
file by file; a file that could not be read is a test case with an error. Every finding is a
failure regardless of severity, as in ruff's JUnit output; `--fail-on` decides the exit code.
No timestamps or durations, so the same input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..engine import DocumentResult

# Characters XML 1.0 cannot hold at all (copy pasted from a word processor sometimes has them).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def render(results: Iterable[DocumentResult]) -> str:
    root = ET.Element("testsuites", name="nostrings")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=_clean(r.path))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if r.error:
            case = ET.SubElement(
                suite, "testcase", classname=_clean(r.path), name="read", file=_clean(r.path)
            )
            ET.SubElement(case, "error", message=_clean(r.error), type="input-error")
            counts["tests"] += 1
            counts["errors"] += 1
        for f in r.findings:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=_clean(r.path),
                name=f"{f.code} {f.name} at {f.line}:{f.col}",
                file=_clean(f.path),
                line=str(f.line),
            )
            failure = ET.SubElement(
                case, "failure", message=_clean(f"[{f.severity.value}] {f.message}"), type=f.code
            )
            failure.text = _clean(
                f"{f.path}:{f.line}:{f.col}: {f.code} [{f.severity.value}] {f.message}\n"
                f"fix: {f.corrective}\n"
                f"matched: {f.matched}"
            )
            counts["tests"] += 1
            counts["failures"] += 1
        if not r.error and not r.findings:
            ET.SubElement(suite, "testcase", classname=_clean(r.path), name="nostrings")
            counts["tests"] += 1
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
