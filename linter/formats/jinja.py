"""Jinja2 and Nunjucks templates (`.j2`, `.jinja`, `.jinja2`, `.njk`; `welcome.html.j2`).

`{{ expressions }}`, `{% tags %}` and `{# comments #}` are masked (comments may hold
`nostrings-` directives); the rest is read as the HTML, MJML, Markdown or text it produces.
"""

from __future__ import annotations

from ..model import Document
from ._templating import JINJA, read_template


def read(data: bytes, path: str, options: dict) -> Document:
    return read_template(data, path, "jinja", JINJA)
