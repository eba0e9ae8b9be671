"""MJML email templates (`.mjml`): read as the email they compile to.

`<mj-text>`, `<mj-column>` and the other body tags are blocks; `<mj-button>` and
`<mj-navbar-link>` are UI blocks; `<mj-image alt>` is an alt block; `<mj-preview>` is the
preheader (hidden, kind `preheader`) and `<mj-title>` the title. `<mj-style>`,
`<mj-attributes>` and `<mj-font>` are not prose, nor is any attribute but the visible ones.
`<mj-raw>` holds HTML, read as HTML. Template syntax inside (`{{ }}`, `{% %}`, `{# #}`,
`{{! }}`) is masked, since MJML files are usually filled in by a template engine.
"""

from __future__ import annotations

from ..model import Document
from ._templating import ANY, read_template


def read(data: bytes, path: str, options: dict) -> Document:
    return read_template(data, path, "mjml", ANY, inner="mjml")
