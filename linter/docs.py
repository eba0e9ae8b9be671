"""Rule documentation, generated from the rule modules' own docstrings and metadata.

`nostrings rule CODE`, the README's rule table and the HTML report all read from here, so the
documentation a user sees can never drift from the rule that runs.
"""

from __future__ import annotations

from typing import Any

from .rule import DOC_SECTIONS, FAMILIES, Rule, title_of
from .seeds import PITFALLS, STAGES


def rule_record(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "title": title_of(rule.doc),
        "summary": rule.summary,
        "family": f"{rule.family}: {FAMILIES[rule.family]}",
        "default_severity": rule.severity.value,
        "scope": rule.scope,
        "pitfall": rule.pitfall,
        "pitfall_why": PITFALLS[rule.pitfall][0],
        "pitfall_action": PITFALLS[rule.pitfall][1],
        "stage": STAGES[rule.stage],
        "guardrail": rule.guardrail,
        "channels": sorted(rule.channels),
        "sources": list(rule.sources),
        "corrective": rule.corrective,
        "sections": rule.sections(),
    }


def rule_page(rule: Rule) -> str:
    rec = rule_record(rule)
    lines = [
        f"{rule.code} {rec['title']}",
        "",
        f"  name:      {rule.name}",
        f"  family:    {rec['family']}",
        f"  severity:  {rule.severity.value} by default",
        f"  scope:     {rule.scope}",
        f"  seed:      {rule.pitfall} ({rec['pitfall_why']}; {rec['pitfall_action']})",
        f"  stage:     {rec['stage']}",
        f"  guardrail: {rule.guardrail}",
        f"  sources:   {'; '.join(rule.sources)}",
        "",
        f"fix: {rule.corrective}",
        "",
    ]
    sections = rec["sections"]
    for name in DOC_SECTIONS:
        body = sections.get(name, "")
        lines.append(f"## {name}")
        lines.append(body)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def markdown_table() -> str:
    from .registry import ALL_RULES

    rows = ["| Code | Name | Severity | Seed pitfall | What it flags |", "|---|---|---|---|---|"]
    for r in ALL_RULES:
        rows.append(f"| {r.code} | `{r.name}` | {r.severity.value} | {r.pitfall} | {r.summary} |")
    return "\n".join(rows)
