"""The rule record: metadata, documentation and a check function, one per module in `rules/`.

Modelled on ruff (one rule per file, documentation in fixed sections inside the rule) and
proselint (a small declarative record plus patterns). Patterns a rule owns are declared on the
record so that the one cue pass can be compiled from every rule's lexicon at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .model import Severity
from .seeds import PITFALLS, STAGES
from .view import DocView, Hit

DOC_SECTIONS = (
    "What it does",
    "Why is this bad?",
    "Example",
    "Use instead",
    "Corrective action",
    "References",
)

FAMILIES = {
    "A": "Free and gift claims",
    "B": "Price and concession integrity",
    "C": "Reciprocity linkage, timing and proportionality",
    "D": "Urgency, scarcity, social proof",
    "E": "Emotional pressure",
    "F": "Truthful value of what is given",
    "G": "Ask clarity and reversibility",
    "H": "Fundraising tax disclosure",
    "I": "Consent and the email envelope",
    "J": "Localisation",
}

ALL_CHANNELS = frozenset(
    {"email", "landing", "fundraising_email", "fundraising_page", "ui_strings", "plain"}
)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    family: str
    severity: Severity
    scope: str
    pitfall: str
    stage: str
    guardrail: str
    sources: tuple[str, ...]
    corrective: str
    check: Callable[[DocView], Iterable[Hit]]
    doc: str
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    channels: frozenset[str] = ALL_CHANNELS
    verify: str = ""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"RCP\d{3}", self.code):
            raise ValueError(f"bad rule code {self.code!r}")
        if self.pitfall not in PITFALLS:
            raise ValueError(f"{self.code}: unknown seed pitfall {self.pitfall!r}")
        if self.stage not in STAGES:
            raise ValueError(f"{self.code}: unknown stage {self.stage!r}")
        if self.family not in FAMILIES:
            raise ValueError(f"{self.code}: unknown family {self.family!r}")
        for label in self.patterns:
            if not label.startswith(self.code + "."):
                raise ValueError(
                    f"{self.code}: private pattern label {label!r} must start with code"
                )

    @property
    def pitfall_action(self) -> str:
        return PITFALLS[self.pitfall][1]

    def sections(self) -> dict[str, str]:
        return parse_sections(self.doc)


def parse_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its `## Section` bodies."""
    out: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in (doc or "").splitlines():
        m = re.match(r"^##\s+(.+?)\s*$", line)
        if m:
            if current is not None:
                out[current] = "\n".join(lines).strip()
            current, lines = m.group(1), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        out[current] = "\n".join(lines).strip()
    return out


def title_of(doc: str) -> str:
    for line in (doc or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def one_per_sentence(hits: Iterable[Hit]) -> Iterator[Hit]:
    """Keep the first hit of each sentence: several cue words in one sentence are one problem
    with one fix, so a rule that can match a sentence twice reports it once."""
    seen: set[int] = set()
    for hit in hits:
        if hit.sent.index in seen:
            continue
        seen.add(hit.sent.index)
        yield hit
