"""nostrings: a linter for marketing copy that finds gifts with hidden strings.

Public API::

    import linter
    findings = linter.lint_text("We sent you a free guide. Now return the favor!")
    lin = linter.Linter(select=["RCP01"])          # reuse for many documents
    result = lin.lint_document(document)
"""

from __future__ import annotations

from .engine import DocumentResult, Linter, lint_text
from .model import Block, Document, Finding, Severity, SourceMap

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Document",
    "DocumentResult",
    "Finding",
    "Linter",
    "Severity",
    "SourceMap",
    "__version__",
    "lint_text",
]
