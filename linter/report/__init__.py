"""Output formats. Each reporter renders the same `DocumentResult` records; none recomputes.

`REPORTERS` maps an `--output-format` name to the module that renders it; streaming formats
(`text`, `github`) write as results arrive, the others collect and write once at the end.
"""

from __future__ import annotations

REPORTERS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
}
