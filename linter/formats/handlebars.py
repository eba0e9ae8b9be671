"""Handlebars and Mustache templates (`.hbs`, `.handlebars`, `.mustache`).

`{{ expressions }}`, `{{{ raw }}}`, `{{#blocks}}` and `{{/blocks}}` are masked;
`{{!-- comments --}}` and `{{! comments }}` are masked after their `nostrings-` directives are
recorded. The rest is read as the markup it produces.
"""

from __future__ import annotations

from ..model import Document
from ._templating import HANDLEBARS, read_template


def read(data: bytes, path: str, options: dict) -> Document:
    return read_template(data, path, "handlebars", HANDLEBARS)
