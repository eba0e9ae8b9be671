"""proselint over the same files in one process, with `max_errors` lifted.

    python bench/proselint_run.py FOLDER_OR_FILE...

This is proselint's own command-line loop (`proselint check`: register the checks, load the
configuration, `LintFile(...).lint(config)` per file, print every result), with two changes
that make it read exactly what nostrings reads: every file is passed whatever its extension
(proselint's folder walk keeps only .md, .txt, .html, ...; it would skip `.eml`), and each file is
decoded as UTF-8 with replacement (proselint's `read_text` raises on the 102 SpamAssassin
messages that are not UTF-8, and the command line then skips them). `max_errors` (1,000 per
file in proselint's default configuration) is set to `sys.maxsize`, so no file stops early.
Results are printed one per line, `path:line:col: check message`, like its default output.
"""

from __future__ import annotations

import sys
from pathlib import Path


def files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        found = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        out.extend(f for f in found if not f.name.startswith("."))
    return out


def main(argv: list[str]) -> int:
    from proselint.checks import __register__
    from proselint.config import load_from
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    config = load_from(None)
    config["max_errors"] = sys.maxsize
    out = sys.stdout
    count = 0
    for path in files(argv):
        content = path.read_bytes().decode("utf-8", errors="replace")
        if not content:
            continue  # proselint's LintFile takes empty content as "read the file yourself"
        for result in LintFile(str(path), content).lint(config):
            line, col = result.pos
            check = result.check_result
            out.write(f"{path}:{line}:{col}: {check.check_path} {check.message}\n")
            count += 1
    print(f"{count} results", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
