"""`nostrings init`: a commented starter configuration, so nobody starts from a blank file.

Every active line is a valid setting (a test loads the written file); everything else is a
commented example of a key, with what it is for. The same text serves `nostrings.toml` and the
`[tool.nostrings]` table of `pyproject.toml`, only the table names differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_TEMPLATE = """\
# nostrings configuration. Every key: see "Configuration" in the nostrings README.
# Files are found by walking up from each linted file; the nearest configuration wins.
{top}
# Lowest severity that fails the run (exit code 1): error, warning or info.
fail-on = "error"

# Which rules run. Codes or prefixes: RCP012, RCP01 (RCP010-RCP019), ALL.
# NOS001 reports nostrings-disable comments that no longer suppress anything.
# select = ["ALL"]
# ignore = ["RCP019"]
# extend-select = []

# What a folder of copy is when its format does not say: email, landing,
# fundraising_email, fundraising_page, ui_strings or plain.
# channel = "landing"

# Folders and files to skip (on top of .git, node_modules, build, ...).
# extend-exclude = ["archive/**", "drafts/*.md"]

# Findings cache (keyed by file content, configuration and version).
# cache = true
# cache-dir = ".nostrings_cache"

# Files linted in parallel (0 = one per CPU).
# jobs = 1

# Tables come last: in TOML, every key after a [table] line belongs to that table.

# Read other extensions as a known format.
# [{prefix}formats]
# "*.tpl" = "html"

# Change a rule's severity: error, warning or info.
# [{prefix}severity]
# RCP019 = "info"

# Facts about the copy the rules cannot read from it (catalogue section 0.4).
# [{prefix}metadata]
# jurisdiction = ["US", "EU"]
# funnel_stage = "nurture"

# Rule options.
# [{prefix}options]
# max-gifts = 1

# Rules to skip for some paths (globs relative to this file).
# [{prefix}per-file-ignores]
# "legal/**" = ["RCP005"]

# Settings for some paths: channel, format, metadata, select, ignore, extend-select,
# severity. Later overrides win over earlier ones.
# [[{prefix}overrides]]
# files = ["emails/**"]
# channel = "email"
# metadata = {{ is_commercial = true }}
# severity = {{ RCP012 = "error" }}
"""


class InitError(Exception):
    pass


def starter(pyproject: bool = False) -> str:
    prefix = "tool.nostrings." if pyproject else ""
    top = "\n[tool.nostrings]" if pyproject else ""
    return _TEMPLATE.format(prefix=prefix, top=top)


def write(directory: Path, pyproject: bool = False) -> Path:
    """Write the starter file in `directory`; refuses to overwrite an existing configuration."""
    if not pyproject:
        target = directory / "nostrings.toml"
        if target.exists():
            raise InitError(f"{target} already exists; not overwriting it")
        target.write_text(starter(), encoding="utf-8")
        return target
    target = directory / "pyproject.toml"
    existing = ""
    if target.exists():
        existing = target.read_text(encoding="utf-8")
        try:
            data = tomllib.loads(existing)
        except tomllib.TOMLDecodeError as exc:
            raise InitError(f"{target}: invalid TOML, not touching it: {exc}") from None
        if "nostrings" in data.get("tool", {}):
            raise InitError(f"{target} already has a [tool.nostrings] table; not changing it")
    sep = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    target.write_text(existing + sep + starter(pyproject=True), encoding="utf-8")
    return target
