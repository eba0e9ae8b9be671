"""Format detection and the registry of readers, one module per input format.

A reader turns the bytes of one file into a `Document` (blocks of prose with source maps), and
knows nothing about rules. Readers are looked up by name; file names map to names by extension,
overridable per glob in configuration. An unknown extension is skipped, never guessed.

Compound names are decided by their last extension: `welcome.html.j2` is a Jinja template (which
then reads itself as the HTML it produces), `en.yml` a YAML string catalog.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from pathlib import PurePath

from ..model import Document


class InputError(Exception):
    """A file that cannot be read as copy; the message names the reason (the CLI adds the path)."""


Reader = Callable[[bytes, str, dict], Document]

# name -> (module, default channel)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("plaintext", "plain"),
    "markdown": ("markdown", "landing"),
    "mdx": ("mdx", "landing"),
    "html": ("html_doc", "landing"),
    "eml": ("eml", "email"),
    "jinja": ("jinja", "landing"),
    "liquid": ("liquid", "landing"),
    "handlebars": ("handlebars", "landing"),
    "mjml": ("mjml", "email"),
    "yaml": ("yaml_catalog", "ui_strings"),
    "json": ("json_catalog", "ui_strings"),
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mdx": "mdx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".eml": "eml",
    ".j2": "jinja",
    ".jinja": "jinja",
    ".jinja2": "jinja",
    ".njk": "jinja",
    ".liquid": "liquid",
    ".hbs": "handlebars",
    ".handlebars": "handlebars",
    ".mustache": "handlebars",
    ".mjml": "mjml",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".json": "json",
}

MAX_BYTES = 20 * 1024 * 1024


def detect(path: str, overrides: dict[str, str] | None = None) -> str | None:
    """Format name for a path: configured globs first, then the extension; None if unknown.

    A glob with a folder (`emails/*.txt`, `**/locales/*.json`) matches the end of the path, so
    it works whether the path was given relative or absolute.
    """
    p = PurePath(path)
    if overrides:
        parts = p.as_posix().split("/")
        tails = ["/".join(parts[i:]) for i in range(len(parts))]
        for glob, fmt in overrides.items():
            pattern = glob[3:] if glob.startswith("**/") else glob.removeprefix("./")
            if any(fnmatch.fnmatch(t, pattern) for t in tails):
                return fmt
    return EXTENSIONS.get(p.suffix.lower())


def reader(fmt: str) -> Reader:
    import importlib

    try:
        module, _ = FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}") from None
    return importlib.import_module(f"{__name__}.{module}").read  # type: ignore[no-any-return]


def default_channel(fmt: str) -> str:
    return FORMATS.get(fmt, ("", "plain"))[1]


def decode_text(data: bytes) -> str:
    """Decode copy as UTF-8 (with or without BOM), refusing binary files with a clear reason."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not copy")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace"))
        raise InputError(
            f"not valid UTF-8 at line {line}, column {col + 1} (byte 0x{data[exc.start]:02x}); "
            "mixed or legacy encoding? save the file as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_bytes(
    data: bytes, path: str, fmt: str, channel: str | None = None, options: dict | None = None
) -> Document:
    doc = reader(fmt)(data, path, dict(options or {}))
    if channel:
        doc.channel = channel
    elif not doc.channel:
        doc.channel = default_channel(fmt)
    return doc


def read_text(
    text: str, path: str = "<text>", format: str = "text", channel: str | None = None
) -> Document:
    return read_bytes(text.encode("utf-8"), path, format, channel)
