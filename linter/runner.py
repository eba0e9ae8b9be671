"""From paths to results: discovery, per-file settings, reading, linting; one file at a time.

Results stream out in a deterministic order (sorted paths), so memory stays flat however large
the folder, and a file that cannot be read becomes an error result naming the reason while
every other file is still linted. Files are only ever read, never written.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config as configmod
from .cache import FindingsCache, content_hash, resolve_root, settings_key
from .engine import DocumentResult, Linter
from .formats import EXTENSIONS, InputError, default_channel, detect, read_bytes
from .registry import ALL_RULES, BY_CODE, SelectionError, expand
from .suppress import rule_selectors, unused_enabled


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
    # Skip explicitly named files that the configuration excludes (pre-commit passes every
    # staged file by name; ruff's --force-exclude).
    force_exclude: bool = False
    prefilter: bool = True  # False tokenizes every sentence (a debugging aid)
    no_cache: bool = False
    cache_dir: str | None = None  # --cache-dir or NOSTRINGS_CACHE_DIR


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
        self._caches: dict[Path, FindingsCache] = {}
        self._by_folder: dict[str, configmod.Config] = {}
        self._cfg_keys: dict[int, str] = {}  # configurations live as long as the runner
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
        key = os.path.abspath(start)  # one look-up per folder, not per file
        cfg = self._by_folder.get(key)
        if cfg is None:
            cfg = self._by_folder[key] = configmod.for_directory(start, self._configs)
        return cfg

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
                if self.settings.force_exclude and self.config_for(p).is_excluded(p):
                    if self.settings.verbose:
                        self.notices.append(f"{_display(p)}: skipped (excluded by configuration)")
                    continue
                fmt = None
                if p.exists():
                    fmt = self.settings.format_override or detect(
                        str(p), self.config_for(p).formats
                    )
                yield Target(_display(p), p, fmt, True)

    # ---- linting -------------------------------------------------------------------------
    def run(self, paths: Iterable[str], jobs: int = 1) -> Iterator[DocumentResult]:
        return self.run_targets(self.discover(paths), jobs)

    def run_targets(self, targets: Iterable[Target], jobs: int = 1) -> Iterator[DocumentResult]:
        """Results in the order of `targets`, whatever `jobs` is (so output is identical).

        Cache look-ups happen here, in the calling process; only files that must really be
        linted go to the worker processes, and the pool (with its spaCy imports) is started only
        when the first such file turns up.
        """
        if jobs <= 1:
            for target in targets:
                yield self.lint_target(target)
            return
        pool: Any = None
        window: deque[tuple[Any, DocumentResult | None, _Slot | None]] = deque()
        ahead = jobs * 4
        try:
            for target in targets:
                prepared = self.prepare(target)
                if isinstance(prepared, DocumentResult):
                    window.append((None, prepared, None))
                else:
                    job, slot = prepared
                    if pool is None:
                        pool = _pool(jobs)
                    window.append((pool.submit(lint_job, job), None, slot))
                while window and (
                    len(window) > ahead or window[0][0] is None or window[0][0].done()
                ):
                    yield self._resolve(*window.popleft())
            while window:
                yield self._resolve(*window.popleft())
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _resolve(
        self, future: Any, ready: DocumentResult | None, slot: _Slot | None
    ) -> DocumentResult:
        result = ready if future is None else future.result()
        assert result is not None
        if slot is not None:
            slot[0].put(slot[1], slot[2], result)
        return result

    def lint_target(self, target: Target) -> DocumentResult:
        prepared = self.prepare(target)
        if isinstance(prepared, DocumentResult):
            return prepared
        job, slot = prepared
        return self._resolve(None, lint_job(job), slot)

    def prepare(self, target: Target) -> DocumentResult | tuple[Job, _Slot | None]:
        """Read a target and settle its settings; a result when it needs no linting (an error,
        a cache hit), else the job to lint and where to cache its result."""
        try:
            cfg = self.config_for(target.fs_path or self._stdin_path())
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
        try:
            plan = self.plan_for(target, cfg)
        except (configmod.ConfigError, SelectionError) as exc:
            where = f"{cfg.path}: " if cfg.path else ""
            return _error(target, f"{where}{exc}")
        job = Job(target, data, plan, cfg)
        store = self._cache_for(cfg)
        if store is None:
            return job, None
        key = settings_key(target.path, [dataclasses.asdict(plan), self._config_key(cfg)])
        content = content_hash(data)
        hit = store.get(key, content)
        if hit is not None:
            return hit
        return job, (store, key, content)

    def plan_for(self, target: Target, cfg: configmod.Config) -> FilePlan:
        """The effective settings for one file: configuration, its per-path overrides and
        per-file-ignores, then the command line (which wins)."""
        s = self.settings
        by_path = target.fs_path is not None or bool(s.stdin_filename)
        overrides = cfg.matching_overrides(target.path) if by_path else []
        assert target.fmt is not None
        fmt = target.fmt
        select = s.select if s.select is not None else cfg.select
        ignore = [*cfg.ignore, *(s.ignore or [])]
        extend = [*cfg.extend_select, *(s.extend_select or [])]
        severity = dict(cfg.severity)
        meta = dict(cfg.metadata)
        channel_default = cfg.channel
        for o in overrides:
            fmt = o.get("format", fmt)
            if "select" in o and s.select is None:
                select = o["select"]
            ignore += o.get("ignore", [])
            extend += o.get("extend_select", [])
            severity.update(o.get("severity", {}))
            meta.update(o.get("metadata", {}))
            channel_default = o.get("channel", channel_default)
        if by_path:
            ignore += cfg.ignored_codes(target.path)
        meta.update(s.metadata)
        return FilePlan(
            fmt=fmt,
            rules=selected_codes(select, ignore, extend),
            report_unused=unused_enabled(select, ignore, extend),
            severity=tuple(sorted((k.upper(), v) for k, v in severity.items())),
            options=json.dumps(cfg.options, sort_keys=True),
            metadata=json.dumps(meta, sort_keys=True),
            channel=s.channel,
            channel_default=channel_default,
            prefilter=s.prefilter,
            keep_blocks=s.keep_blocks,
        )

    def _config_key(self, cfg: configmod.Config) -> str:
        """The configuration's values that can change findings (not how they are printed),
        hashed once per configuration file rather than once per linted file."""
        key = self._cfg_keys.get(id(cfg))
        if key is None:
            d = dataclasses.asdict(cfg)
            for k in ("output_format", "fail_on", "show_source", "jobs", "cache", "cache_dir"):
                d.pop(k, None)
            key = self._cfg_keys[id(cfg)] = settings_key("", d)
        return key

    def _stdin_path(self) -> Path | None:
        return Path(self.settings.stdin_filename) if self.settings.stdin_filename else None

    def _cache_for(self, cfg: configmod.Config) -> FindingsCache | None:
        s = self.settings
        if s.no_cache or not cfg.cache:
            return None
        root = resolve_root(s.cache_dir, cfg.cache_dir, cfg.path, Path.cwd())
        store = self._caches.get(root)
        if store is None:
            store = self._caches[root] = FindingsCache(root)
        return None if store.broken else store

    @property
    def caches(self) -> list[FindingsCache]:
        return list(self._caches.values())


@dataclass(frozen=True)
class FilePlan:
    """Everything besides its bytes that decides a file's findings (and so its cache key)."""

    fmt: str
    rules: tuple[str, ...]  # codes of the rules to run, in registry order
    report_unused: bool  # NOS001 selected
    severity: tuple[tuple[str, str], ...]
    options: str  # JSON
    metadata: str  # JSON; a document's own metadata (front matter) wins over it
    channel: str | None  # forced by --channel
    channel_default: str | None  # from overrides or configuration, if the document sets none
    prefilter: bool = True
    keep_blocks: bool = False


@dataclass
class Job:
    """One file to lint: picklable, so it can go to a worker process."""

    target: Target
    data: bytes
    plan: FilePlan
    config: configmod.Config


_Slot = tuple[FindingsCache, str, str]  # where a job's result is cached: store, key, content
_LINTERS: dict[tuple[Any, ...], Linter] = {}  # per process: one compiled Linter per rule set


def lint_job(job: Job) -> DocumentResult:
    """Parse and lint one file (in this process or a worker); reader failures become results."""
    target, plan = job.target, job.plan
    try:
        doc = read_bytes(job.data, target.path, plan.fmt, None, {"config": job.config})
    except InputError as exc:
        return _error(target, str(exc))
    except Exception as exc:  # a reader bug must not stop the other files
        return _error(target, f"could not parse as {plan.fmt}: {type(exc).__name__}: {exc}")
    if not any(b.text.strip() for b in doc.blocks) and not doc.metadata.get("subject"):
        if not job.data.strip():
            return _error(target, "empty file", skipped=False)
    doc.channel = (
        plan.channel
        or (str(doc.metadata["channel"]) if doc.metadata.get("channel") else None)
        or plan.channel_default
        or doc.channel
        or default_channel(plan.fmt)
    )
    for k, v in json.loads(plan.metadata).items():
        doc.metadata.setdefault(k, v)
    return _linter(plan).lint_document(doc)


def _linter(plan: FilePlan) -> Linter:
    key = (plan.rules, plan.report_unused, plan.severity, plan.options, plan.prefilter)
    key += (plan.keep_blocks,)
    lin = _LINTERS.get(key)
    if lin is None:
        lin = Linter(
            options=json.loads(plan.options),
            severity_overrides=dict(plan.severity),
            prefilter=plan.prefilter,
            keep_blocks=plan.keep_blocks,
            report_unused_suppressions=plan.report_unused,
        )
        lin.rules = tuple(BY_CODE[c] for c in plan.rules)
        _LINTERS[key] = lin
    return lin


def selected_codes(
    select: list[str] | None, ignore: list[str], extend_select: list[str]
) -> tuple[str, ...]:
    """Rule codes chosen by selectors (NOS001 selectors are the suppression filter's)."""
    rule_select = rule_selectors(select) or []
    if not select:
        chosen = {r.code for r in ALL_RULES}
    else:
        chosen = expand(rule_select) if rule_select else set()
    chosen |= expand(rule_selectors(extend_select) or [])
    chosen -= expand(rule_selectors(ignore) or [])
    return tuple(r.code for r in ALL_RULES if r.code in chosen)


def _pool(jobs: int) -> Any:
    """Worker processes: forked where that is safe (Linux; the parent holds no threads), so
    workers start without re-importing the package; spawned elsewhere."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))


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
