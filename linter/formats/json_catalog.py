"""JSON string catalogs (`en.json`, i18next, Chrome `messages.json`, Flutter ARB): string values
are UI copy, except translator notes (`@key` metadata, a `messages.json` entry's `description`).

Each string value that reads as copy becomes one UI block (kind `value`, `attrs["key"]` the key
path) positioned at its opening quote's next character, through `\\uXXXX` and other escapes.
Keys are never read. The standard `json` module validates the file and words the error; a small
scanner then walks the same text to learn where each string value is.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]

from ..model import Document
from . import InputError, decode_text
from ._scalars import align, looks_like_copy, value_block

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?\d[\d.eE+-]*|true|false|null")


class _Scanner:
    """Yields (key path, value, start offset of the opening quote, end offset) per string value."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.out: list[tuple[str, str, int, int]] = []

    def ws(self, i: int) -> int:
        return _WS.match(self.s, i).end()  # type: ignore[union-attr]

    def value(self, i: int, path: str) -> int:
        i = self.ws(i)
        c = self.s[i : i + 1]
        if c == "{":
            i = self.ws(i + 1)
            if self.s.startswith("}", i):
                return i + 1
            while True:
                key, i = scanstring(self.s, self.ws(i) + 1)
                i = self.ws(i) + 1  # ':'
                i = self.ws(self.value(i, f"{path}.{key}" if path else key))
                if self.s.startswith("}", i):
                    return i + 1
                i += 1  # ','
        if c == "[":
            i = self.ws(i + 1)
            if self.s.startswith("]", i):
                return i + 1
            n = 0
            while True:
                i = self.ws(self.value(i, f"{path}[{n}]"))
                n += 1
                if self.s.startswith("]", i):
                    return i + 1
                i += 1
        if c == '"':
            val, end = scanstring(self.s, i + 1)
            self.out.append((path, val, i, end))
            return end
        m = _SCALAR.match(self.s, i)
        return m.end() if m else i + 1


def _is_note(key: str, messages: set[str]) -> bool:
    """Translator notes, not UI copy: ARB/ICU metadata under `@key`, and the `description` of
    a Chrome/WebExtension `messages.json` entry (which holds its copy in `message`)."""
    parts = key.split(".")
    if any(p.startswith("@") for p in parts):
        return True
    for i, part in enumerate(parts[1:], 1):
        if part in ("description", "placeholders") and ".".join(parts[:i]) in messages:
            return True
    return False


def read(data: bytes, path: str, options: dict) -> Document:
    text = decode_text(data)
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    doc = Document(path, "json", "", [], source_text=text)
    scanner = _Scanner(text)
    try:
        scanner.value(0, "")
    except RecursionError:
        raise InputError("JSON nested too deeply to read") from None
    messages = {k.rsplit(".", 1)[0] for k, *_ in scanner.out if k.endswith(".message")}
    for key, value, start, end in scanner.out:
        if not looks_like_copy(value) or _is_note(key, messages):
            continue
        block = value_block(value, align(text, start, end, value, '"'), key)
        if block is not None:
            doc.blocks.append(block)
    return doc
