"""From paths to results: discovery, per-file settings, reading, linting; one file at a time.

Results stream out in a deterministic order (sorted paths), so memory stays flat however large
the folder, and a file that cannot be read becomes an error result naming the reason while
every other file is still linted. Files are only ever read, never written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config as configmod
from .engine import DocumentResult, Linter
from .formats import EXTENSIONS, InputError, default_channel, detect, read_bytes


@dataclass
class RunSettings:
    """Command-line settings; None means "take it from the configuration file"."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    channel: str | None = None
    config_path: Path | None = None
    isolated: bool = False
    stdin_filename: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    verbose: bool = False
    format_override: str | None = None
    # Keep each document's blocks on its result (the HTML report renders the copy itself).
    keep_blocks: bool = False


@dataclass
class Target:
    path: str  # as displayed
    fs_path: Path | None  # None for stdin
    fmt: str | None
    explicit: bool


class Runner:
    """Reusable across paths: caches configurations and linters per effective settings."""

    def __init__(self, settings: RunSettings) -> None:
        self.settings = settings
        self._configs: dict[Path, configmod.Config] = {}
        self._linters: dict[Any, Linter] = {}
        self.notices: list[str] = []
        self._fixed: configmod.Config | None = None
        if settings.config_path is not None:
            self._fixed = configmod.load(settings.config_path)
        elif settings.isolated:
            self._fixed = configmod.Config()

    def config_for(self, path: Path | None) -> configmod.Config:
        if self._fixed is not None:
            return self._fixed
        start = path.parent if path is not None else Path.cwd()
        return configmod.for_directory(start, self._configs)

    # ---- discovery -----------------------------------------------------------------------
    def discover(self, paths: Iterable[str]) -> Iterator[Target]:
        seen: set[str] = set()
        for raw in paths:
            if raw == "-":
                name = self.settings.stdin_filename or "<stdin>"
                fmt = self.settings.format_override or (
                    detect(name) if self.settings.stdin_filename else "text"
                )
                yield Target(name, None, fmt or "text", True)
                continue
            p = Path(raw)
            if p.is_dir():
                cfg = self.config_for(p / "_")
                for found in _walk(p, cfg):
                    key = os.path.normpath(found)
                    if key in seen:
                        continue
                    seen.add(key)
                    fmt = self.settings.format_override or detect(
                        str(found), self.config_for(found).formats
                    )
                    if fmt is None:
                        if self.settings.verbose:
                            self.notices.append(f"{found}: skipped (unknown file type)")
                        continue
                    yield Target(_display(found), found, fmt, False)
            else:
                key = os.path.normpath(p)
                if key in seen:
                    continue
                seen.add(key)
                fmt = None
                if p.exists():
                    fmt = self.settings.format_override or detect(
                        str(p), self.config_for(p).formats
                    )
                yield Target(_display(p), p, fmt, True)

    # ---- linting -------------------------------------------------------------------------
    def run(self, paths: Iterable[str]) -> Iterator[DocumentResult]:
        for target in self.discover(paths):
            yield self.lint_target(target)

    def lint_target(self, target: Target) -> DocumentResult:
        try:
            cfg = self.config_for(target.fs_path)
        except configmod.ConfigError as exc:
            return _error(target, str(exc))
        if target.fs_path is None:
            data = sys.stdin.buffer.read()
        else:
            if not target.fs_path.exists():
                return _error(target, "no such file or directory")
            if target.fmt is None:
                known = ", ".join(sorted(EXTENSIONS))
                return _error(
                    target,
                    f"unknown file type '{target.fs_path.suffix or target.fs_path.name}' "
                    f"(known: {known}; map others with [tool.nostrings.formats])",
                    skipped=True,
                )
            try:
                data = target.fs_path.read_bytes()
            except OSError as exc:
                return _error(target, f"cannot read file: {exc.strerror or exc}")
        assert target.fmt is not None
        overrides = cfg.matching_overrides(target.path) if target.fs_path else []
        fmt = target.fmt
        for o in overrides:
            fmt = o.get("format", fmt)
        try:
            doc = read_bytes(data, target.path, fmt, None, {"config": cfg})
        except InputError as exc:
            return _error(target, str(exc))
        except Exception as exc:  # a reader bug must not stop the other files
            return _error(target, f"could not parse as {fmt}: {type(exc).__name__}: {exc}")
        if not any(b.text.strip() for b in doc.blocks) and not doc.metadata.get("subject"):
            if not data.strip():
                return _error(target, "empty file", skipped=False)
        channel = self._channel(doc, cfg, overrides, fmt)
        doc.channel = channel
        meta = dict(cfg.metadata)
        for o in overrides:
            meta.update(o.get("metadata", {}))
        meta.update(self.settings.metadata)
        for k, v in meta.items():
            doc.metadata.setdefault(k, v)
        linter = self._linter(cfg, overrides, target.path)
        result = linter.lint_document(doc)
        return result

    def _channel(self, doc: Any, cfg: configmod.Config, overrides: list[dict], fmt: str) -> str:
        if self.settings.channel:
            return self.settings.channel
        if doc.metadata.get("channel"):
            return str(doc.metadata["channel"])
        for o in reversed(overrides):
            if o.get("channel"):
                return str(o["channel"])
        if cfg.channel:
            return cfg.channel
        return doc.channel or default_channel(fmt)

    def _linter(self, cfg: configmod.Config, overrides: list[dict], path: str) -> Linter:
        s = self.settings
        select = s.select if s.select is not None else cfg.select
        ignore = list(cfg.ignore) + list(s.ignore or [])
        extend = list(cfg.extend_select) + list(s.extend_select or [])
        severity = dict(cfg.severity)
        for o in overrides:
            if "select" in o:
                select = o["select"]
            ignore += o.get("ignore", [])
            extend += o.get("extend_select", [])
            severity.update(o.get("severity", {}))
        ignore += cfg.ignored_codes(path)
        key = (
            tuple(select) if select is not None else None,
            tuple(sorted(ignore)),
            tuple(sorted(extend)),
            tuple(sorted(severity.items())),
            id(cfg),
        )
        lin = self._linters.get(key)
        if lin is None:
            from .registry import select_rules

            lin = Linter(
                options=cfg.options, severity_overrides=severity, keep_blocks=s.keep_blocks
            )
            lin.rules = select_rules(select, ignore, extend)
            self._linters[key] = lin
        return lin


def _error(target: Target, reason: str, skipped: bool = False) -> DocumentResult:
    r = DocumentResult(target.path, target.fmt or "", "", [], error=reason)
    if skipped and not target.explicit:
        r.error = None
    return r


def _display(p: Path) -> str:
    s = p.as_posix()
    return s[2:] if s.startswith("./") else s


def _walk(root: Path, cfg: configmod.Config) -> Iterator[Path]:
    """Files under `root` in sorted order, skipping excluded and hidden folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        d = Path(dirpath)
        dirnames[:] = sorted(
            n
            for n in dirnames
            if not n.startswith(".")
            and n not in configmod.DEFAULT_EXCLUDE
            and not cfg.is_excluded(d / n)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            f = d / name
            if cfg.is_excluded(f):
                continue
            yield f
