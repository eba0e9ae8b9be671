"""Configuration: `[tool.nostrings]` in pyproject.toml or the top level of nostrings.toml.

Found by walking up from each linted file (the nearest file wins, as with ruff), so a content
repo can hold different settings per folder. Unknown keys are errors that name the key and the
file: a misspelt `selct` that silently did nothing is the worst kind of linter bug.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("nostrings.toml", ".nostrings.toml", "pyproject.toml")

CHANNELS = ("email", "landing", "fundraising_email", "fundraising_page", "ui_strings", "plain")

METADATA_KEYS = {
    "doc_type": str,
    "subject": str,
    "in_reply_to": bool,
    "is_commercial": bool,
    "recipient_consented": bool,
    "jurisdiction": (str, list),
    "target_locale": str,
    "gift_obligation_sensitive": bool,
    "funnel_stage": str,
    "max_gifts": int,
    "disclosure_in_receipt": bool,
    "tax_year": int,
}
FUNNEL_STAGES = ("first_touch", "nurture", "decision", "customer", "donor_renewal")

OPTION_KEYS = {
    "max_gifts": int,
    "min_large_ask": (int, float),
    "irs_thresholds": dict,
    "tax_year": int,
    "reference_prices_substantiated": bool,
    "brands": list,
    "max_sends_7d": int,
    "free_means_libre": bool,
}

TOP_KEYS = {
    "select": list,
    "ignore": list,
    "extend_select": list,
    "fail_on": str,
    "output_format": str,
    "channel": str,
    "exclude": list,
    "extend_exclude": list,
    "formats": dict,
    "per_file_ignores": dict,
    "severity": dict,
    "metadata": dict,
    "options": dict,
    "overrides": list,
    "cache": bool,
    "cache_dir": str,
    "jobs": int,
    "show_source": bool,
}
OVERRIDE_KEYS = {
    "files": list,
    "channel": str,
    "metadata": dict,
    "select": list,
    "ignore": list,
    "extend_select": list,
    "severity": dict,
    "format": str,
}

DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    ".tox",
    ".nostrings_cache",
    "dist",
    "build",
    "site-packages",
)


class ConfigError(Exception):
    pass


def _norm(key: str) -> str:
    return key.replace("-", "_")


def _check_type(value: Any, typ: Any, where: str) -> None:
    if typ is int and isinstance(value, bool):
        raise ConfigError(f"{where}: expected an integer, got {value!r}")
    if not isinstance(value, typ):
        names = " or ".join(t.__name__ for t in typ) if isinstance(typ, tuple) else typ.__name__
        raise ConfigError(f"{where}: expected {names}, got {type(value).__name__} {value!r}")


@dataclass
class Config:
    """Effective settings for a set of files; `for_path` applies per-path overrides."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str = "error"
    output_format: str | None = None
    channel: str | None = None
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    formats: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    overrides: list[dict[str, Any]] = field(default_factory=list)
    cache: bool = True
    cache_dir: str | None = None
    jobs: int = 1
    show_source: bool = False

    def relpath(self, path: str) -> str:
        """`path` relative to the configuration's folder (its folder resolved once, not the file:
        discovery asks this for every file of a folder)."""
        p = Path(path)
        try:
            full = _resolved(os.path.abspath(p.parent)) / p.name
            return full.relative_to(_resolved(os.path.abspath(self.root))).as_posix()
        except ValueError:
            return p.as_posix()

    def matching_overrides(self, path: str) -> list[dict[str, Any]]:
        rel = self.relpath(path)
        return [o for o in self.overrides if any(_glob(rel, g) for g in o.get("files", []))]

    def ignored_codes(self, path: str) -> list[str]:
        rel = self.relpath(path)
        out: list[str] = []
        for glob, codes in self.per_file_ignores.items():
            if _glob(rel, glob):
                out.extend(codes)
        return out

    def is_excluded(self, path: Path) -> bool:
        rel = self.relpath(str(path))
        parts = Path(rel).parts
        for pat in self.exclude:
            match = _name_matcher(pat)
            if any(match(p) for p in parts) or _glob(rel, pat):
                return True
        return False


@lru_cache(maxsize=1024)
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()


@lru_cache(maxsize=256)
def _name_matcher(pattern: str) -> Callable[[str], Any]:
    return re.compile(fnmatch.translate(pattern)).match


def _glob(rel: str, pattern: str) -> bool:
    """Gitignore-like glob: `**` crosses folders (also none: `a/**/b` matches `a/b`), a pattern
    without `/` matches the file name, a leading `./` or `/` anchors at the configuration's
    folder."""
    if "/" not in pattern.rstrip("/"):
        name = rel.rsplit("/", 1)[-1]
        return fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(rel, pattern)
    while pattern.startswith(("./", "/")):
        pattern = pattern[1:] if pattern.startswith("/") else pattern[2:]
    if fnmatch.fnmatch(rel, pattern):
        return True
    if pattern.startswith("**/") and _glob(rel, pattern[3:]):
        return True
    if "/**/" in pattern and _glob(rel, pattern.replace("/**/", "/", 1)):
        return True
    return bool(pattern.endswith("/**") and rel.startswith(pattern[:-3] + "/"))


def find_config_file(start: Path) -> Path | None:
    """The nearest nostrings.toml, or pyproject.toml with a [tool.nostrings] table."""
    d = start if start.is_dir() else start.parent
    d = d.resolve()
    for folder in (d, *d.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                    continue
                if "nostrings" not in data.get("tool", {}):
                    continue
            return candidate
    return None


def load(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    prefix = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("nostrings", {})
        prefix = "tool.nostrings."
    return from_dict(data, path, prefix)


def from_dict(data: dict[str, Any], path: Path | None = None, prefix: str = "") -> Config:
    where = str(path) if path else "configuration"
    cfg = Config(path=path, root=path.parent if path else Path.cwd())
    for raw_key, value in data.items():
        key = _norm(raw_key)
        if key not in TOP_KEYS:
            raise ConfigError(
                f"{where}: unknown key '{prefix}{raw_key}' "
                f"(known: {', '.join(sorted(k.replace('_', '-') for k in TOP_KEYS))})"
            )
        _check_type(value, TOP_KEYS[key], f"{where}: '{prefix}{raw_key}'")
        if key == "metadata":
            value = _check_metadata(value, f"{where}: '{prefix}{raw_key}'")
        elif key == "options":
            value = _check_options(value, f"{where}: '{prefix}{raw_key}'")
        elif key == "overrides":
            value = [
                _check_override(o, f"{where}: '{prefix}{raw_key}[{i}]'")
                for i, o in enumerate(value)
            ]
        elif key == "fail_on" and value not in ("error", "warning", "info"):
            raise ConfigError(f"{where}: '{prefix}{raw_key}' must be error, warning or info")
        elif key == "channel" and value not in CHANNELS:
            raise ConfigError(
                f"{where}: '{prefix}{raw_key}' must be one of {', '.join(CHANNELS)}, got {value!r}"
            )
        elif key == "extend_exclude":
            cfg.exclude.extend(value)
            continue
        else:
            _check_value(key, value, f"{where}: '{prefix}{raw_key}'")
        setattr(cfg, key, value)
    return cfg


def _check_value(key: str, value: Any, where: str) -> None:
    """Values a typo in would silently do nothing: rule codes, severities, formats, globs."""
    if key in ("select", "ignore", "extend_select"):
        _check_selectors(value, where)
    elif key == "per_file_ignores":
        for glob, codes in value.items():
            _check_type(codes, list, f"{where}.{glob!r}")
            _check_selectors(codes, f"{where}.{glob!r}")
    elif key == "severity":
        from .registry import BY_CODE
        from .suppress import UNUSED_CODE

        for code, level in value.items():
            if code.upper() not in BY_CODE and code.upper() != UNUSED_CODE:
                raise ConfigError(f"{where}: {code!r} is not a rule code (like RCP012)")
            if level not in ("error", "warning", "info"):
                raise ConfigError(f"{where}.{code}: must be error, warning or info, got {level!r}")
    elif key == "channel" and value not in CHANNELS:
        raise ConfigError(f"{where}: must be one of {', '.join(CHANNELS)}, got {value!r}")
    elif key == "format" or key == "formats":
        from .formats import FORMATS

        for name in value.values() if isinstance(value, dict) else [value]:
            if name not in FORMATS:
                raise ConfigError(
                    f"{where}: unknown format {name!r} (known: {', '.join(sorted(FORMATS))})"
                )
    elif key == "files":
        if not value or not all(isinstance(g, str) and g for g in value):
            raise ConfigError(f"{where}: expected a non-empty list of globs")
    elif key == "jobs" and value < 0:
        raise ConfigError(f"{where}: must be 0 (one per CPU) or more, got {value}")
    elif key == "output_format":
        from .report import OUTPUT_FORMATS

        if value not in OUTPUT_FORMATS:
            raise ConfigError(f"{where}: must be one of {', '.join(OUTPUT_FORMATS)}, got {value!r}")


def _check_selectors(values: list[Any], where: str) -> None:
    from .registry import SelectionError, expand
    from .suppress import is_tool_selector

    for sel in values:
        if not isinstance(sel, str):
            raise ConfigError(f"{where}: expected rule codes, got {sel!r}")
        if is_tool_selector(sel):
            continue
        try:
            expand([sel])
        except SelectionError as exc:
            raise ConfigError(f"{where}: {exc}") from None


def _check_metadata(value: dict[str, Any], where: str) -> dict[str, Any]:
    out = {}
    for raw, v in value.items():
        k = _norm(raw)
        if k not in METADATA_KEYS:
            raise ConfigError(f"{where}: unknown metadata key '{raw}'")
        _check_type(v, METADATA_KEYS[k], f"{where}.{raw}")
        if k == "funnel_stage" and v not in FUNNEL_STAGES:
            raise ConfigError(f"{where}.{raw}: must be one of {', '.join(FUNNEL_STAGES)}")
        out[k] = v
    return out


def _check_options(value: dict[str, Any], where: str) -> dict[str, Any]:
    out = {}
    for raw, v in value.items():
        k = _norm(raw)
        if k not in OPTION_KEYS:
            raise ConfigError(
                f"{where}: unknown option '{raw}' "
                f"(known: {', '.join(sorted(x.replace('_', '-') for x in OPTION_KEYS))})"
            )
        _check_type(v, OPTION_KEYS[k], f"{where}.{raw}")
        out[k] = v
    return out


def _check_override(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: each override must be a table")
    out: dict[str, Any] = {}
    for raw, v in value.items():
        k = _norm(raw)
        if k not in OVERRIDE_KEYS:
            raise ConfigError(f"{where}: unknown key '{raw}' in override")
        _check_type(v, OVERRIDE_KEYS[k], f"{where}.{raw}")
        if k == "metadata":
            v = _check_metadata(v, f"{where}.{raw}")
        else:
            _check_value(k, v, f"{where}.{raw}")
        out[k] = v
    if "files" not in out:
        raise ConfigError(f"{where}: an override needs 'files' (a list of globs)")
    return out


def for_directory(start: Path, cache: dict[Path, Config] | None = None) -> Config:
    """The configuration that applies to files under `start` (cached per config file)."""
    found = find_config_file(start)
    if found is None:
        return Config()
    if cache is not None and found in cache:
        return cache[found]
    cfg = load(found)
    if cache is not None:
        cache[found] = cfg
    return cfg
