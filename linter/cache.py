"""The findings cache: a file whose bytes and settings have not changed is not linted again.

A pre-commit hook or an editor re-lints the same files all day; most of them have not changed.
An entry is keyed by everything that decides a file's findings:

- the file's path as displayed (findings carry it) and its bytes (SHA-256, stored in the entry,
  so a changed file overwrites its own entry instead of piling up new ones);
- the effective settings for the file: rules selected, options, metadata, channel, format,
  severity overrides, per-path overrides, the configuration file's own values;
- the tool version, spaCy's version (tokenization decides matches) and a hash of the linter's
  own Python sources, so that editing a rule or a lexicon during development invalidates every
  entry without anyone remembering to clear anything.

The last group names the folder the entries live in, so stale generations sit side by side and
the whole cache can be deleted at any time. Reading an entry needs neither spaCy nor the compiled
lexicon: a run served entirely from the cache never imports spaCy (a test checks `sys.modules`).
Writes are atomic (temporary file + rename), so parallel runs never see half an entry, and an
entry that cannot be read or parsed is simply a miss.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .engine import DocumentResult
from .model import Finding

CACHE_DIR_NAME = ".nostrings_cache"
ENV_VAR = "NOSTRINGS_CACHE_DIR"
ENTRY_FORMAT = 1  # bump when the entry layout changes

_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by nostrings.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Version of the tool, of spaCy, and a hash of every Python source of the linter."""
    import importlib.metadata

    import linter
    import linter.rules

    h = hashlib.sha256()
    h.update(f"nostrings {__version__}\n".encode())
    try:
        h.update(f"spacy {importlib.metadata.version('spacy')}\n".encode())
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        h.update(b"spacy ?\n")
    roots = sorted({Path(linter.__file__).parent, Path(linter.rules.__file__).parent})
    for root in roots:
        for src in sorted(root.rglob("*.py")):
            try:
                data = src.read_bytes()
            except OSError:  # pragma: no cover
                continue
            h.update(src.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:20]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def settings_key(path: str, settings: Any) -> str:
    """A stable key from the displayed path and a JSON-able description of the settings."""
    raw = json.dumps([path, settings], sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class FindingsCache:
    """One cache folder (for example `.nostrings_cache/` beside the configuration file)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / f"v{ENTRY_FORMAT}-{code_digest()}"
        self.hits = 0
        self.misses = 0
        self.broken = False  # set after a write fails (read-only disk): stop trying
        self._tagged = False

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, content: str) -> DocumentResult | None:
        try:
            raw = self._entry(key).read_bytes()
            entry = json.loads(raw)
            if entry.get("content") != content:
                self.misses += 1
                return None
            result = result_from_dict(entry["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, content: str, result: DocumentResult) -> None:
        if self.broken or result.error:
            return
        entry = {"content": content, "result": result_to_dict(result)}
        try:
            data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError):  # a result field JSON cannot hold: do not cache it
            return
        target = self._entry(key)
        try:
            self._tag()
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            self.broken = True

    def _tag(self) -> None:
        """Mark the folder as a cache (backup tools skip it; git ignores it)."""
        if self._tagged:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# created by nostrings\n*\n")):
            p = self.root / name
            if not p.exists():
                p.write_text(text, encoding="utf-8")
        self._tagged = True


def result_to_dict(r: DocumentResult) -> dict[str, Any]:
    """Every field of the result (generic, so a field added later is cached too)."""
    d = {f.name: getattr(r, f.name) for f in dataclasses.fields(r)}
    d["findings"] = [f.to_dict() for f in r.findings]
    return d


def result_from_dict(d: dict[str, Any]) -> DocumentResult:
    names = {f.name for f in dataclasses.fields(DocumentResult)}
    if set(d) != names:
        raise KeyError("entry written by another layout")
    kw = dict(d)
    kw["findings"] = [Finding.from_dict(f) for f in d["findings"]]
    return DocumentResult(**kw)


def resolve_root(
    cli_dir: str | None, config_dir: str | None, config_file: Path | None, cwd: Path
) -> Path:
    """Where the cache lives: --cache-dir / NOSTRINGS_CACHE_DIR, then `cache-dir` in the
    configuration (relative to that file), then `.nostrings_cache/` beside the configuration
    file, or in the current folder when there is none."""
    if cli_dir:
        return Path(cli_dir).expanduser()
    base = config_file.parent if config_file is not None else cwd
    if config_dir:
        p = Path(config_dir).expanduser()
        return p if p.is_absolute() else base / p
    return base / CACHE_DIR_NAME
