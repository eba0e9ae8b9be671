"""What a file may say about itself: its channel, catalogue §0.4 metadata, inline directives.

Front matter (`channel: email`), `<meta name="nostrings:channel" content="email">` and MJML's
`<mj-attributes>`-free equivalents all end here, validated with the same types as the
configuration file, so a typo is a warning naming the line instead of a silent no-op or a crash.
"""

from __future__ import annotations

from typing import Any

from ..config import CHANNELS, FUNNEL_STAGES, METADATA_KEYS
from ..model import Document
from ..suppress import DirectiveError, parse_directive

_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def _coerce(key: str, value: Any) -> Any:
    """Convert a value to the type §0.4 expects; strings from `<meta content>` are converted."""
    typ = METADATA_KEYS[key]
    if typ is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
            return value.strip().lower() in _TRUE
        raise ValueError("expected true or false")
    if typ is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        raise ValueError("expected an integer")
    if key == "jurisdiction":
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            return parts[0] if len(parts) == 1 else parts
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        raise ValueError("expected a code such as US or a list of codes")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("expected text")
    if key == "funnel_stage" and value not in FUNNEL_STAGES:
        raise ValueError(f"expected one of {', '.join(FUNNEL_STAGES)}")
    return value


def apply(doc: Document, key: str, value: Any, where: str) -> bool:
    """Record `key: value` from the file in `doc.metadata`; False if the key is not ours.

    `where` names the place for warnings ("front matter line 3").
    """
    k = key.strip().lower().replace("-", "_")
    if k == "channel":
        if isinstance(value, str) and value.strip() in CHANNELS:
            doc.metadata["channel"] = value.strip()
        else:
            doc.warnings.append(
                f"{where}: channel {value!r} ignored (expected one of {', '.join(CHANNELS)})"
            )
        return True
    if k not in METADATA_KEYS:
        return False
    try:
        doc.metadata[k] = _coerce(k, value)
    except ValueError as exc:
        doc.warnings.append(f"{where}: {key} {value!r} ignored ({exc})")
    return True


def directive(doc: Document, body: str, start: int, end: int | None = None) -> None:
    """Parse a comment body found at source offsets [start, end) into `doc.suppressions`."""
    if "nostrings-" not in body:
        return
    idx = doc.line_index
    line, col = idx.position(start)
    end_line = idx.position(max(start, (end if end is not None else start + 1) - 1))[0]
    try:
        sup = parse_directive(body, line, col, end_line)
    except DirectiveError as exc:
        doc.warnings.append(f"line {line}: {exc}")
        return
    if sup is not None:
        doc.suppressions.append(sup)
