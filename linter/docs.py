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


README_START = "<!-- section:rules -->"
README_END = "<!-- /section:rules -->"


def readme_rules_section() -> str:
    """The README's rule table, generated so it can never drift from the registry."""
    from .registry import ALL_RULES

    return "\n".join(
        [
            README_START,
            "## The rules",
            "",
            f"{len(ALL_RULES)} rules, each with documentation and examples: `nostrings rules` lists"
            " them, `nostrings rule RCP012` prints one rule's page (what it flags, why, an example,"
            " what to write instead, the corrective action and the sources). Each rule enforces a"
            " pitfall of the seed playbook's table, shown in every finding with its corrective"
            " action.",
            "",
            markdown_table(),
            "",
            "Severities: `error` means the text alone shows a legal breach or manipulation with no"
            " legitimate reading; `warning` means a likely problem whose truth depends on facts"
            " outside the text (the message says what to verify); `info` is advice.",
            README_END,
        ]
    )


def sync_readme(path: str = "README.md") -> bool:
    """Rewrite the rules section of the README; True if it changed."""
    import re
    from pathlib import Path

    p = Path(path)
    text = p.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.DOTALL)
    new = pattern.sub(lambda _: readme_rules_section(), text)
    if new != text:
        p.write_text(new, encoding="utf-8")
        return True
    return False


if __name__ == "__main__":  # python -m linter.docs: refresh the README's rule table
    print("README.md updated" if sync_readme() else "README.md already up to date")
