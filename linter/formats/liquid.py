"""Liquid templates (`.liquid`; Shopify, Jekyll, Klaviyo-style `welcome.html.liquid`).

`{{ output }}` and `{% tags %}` are masked; `{% comment %}...{% endcomment %}` and `{% # ... %}`
are masked after their `nostrings-` directives are recorded. The rest is read as the markup it
produces.
"""

from __future__ import annotations

from ..model import Document
from ._templating import LIQUID, read_template


def read(data: bytes, path: str, options: dict) -> Document:
    return read_template(data, path, "liquid", LIQUID)
