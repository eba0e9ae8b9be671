"""Memory: peak RSS of one run over 1x, 2x and 4x the same files; flat means streaming.

    python bench/memory.py                       # 1,500 political emails (every 4th file)
    python bench/memory.py --limit 200 --every 1 # a smaller sample
    python bench/memory.py --folder some/dir     # any folder (the smoke test)

The 2x and 4x inputs are the same files linked again under other names (so every copy is a
distinct file that is read, parsed and linted again). nostrings runs with the default text
output, which streams; JSON, SARIF, JUnit and HTML are single documents and so keep every
finding until the end, by their nature.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    SETS,
    files_of,
    load,
    measure,
    nostrings_cmd,
    sample_folder,
    table,
    total_bytes,
)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folder", type=Path, help="use these files instead of political emails")
    ap.add_argument("--limit", type=int, default=1500, help="files in the 1x input")
    ap.add_argument("--every", type=int, default=4, help="take every Nth file of the set")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    if args.folder:
        files, ns_args = files_of(args.folder), ()
    else:
        spec = SETS["political"]
        files = files_of(spec.folder, spec.suffix)[:: args.every][: args.limit]
        ns_args = spec.args
    work = Path(tempfile.mkdtemp(prefix="nostrings-mem-"))
    before = load()
    rows = []
    for copies in (1, 2, 4):
        folder = sample_folder(files, work / f"x{copies}", copies)
        cmd = [
            *nostrings_cmd(),
            "check",
            "--isolated",
            "--no-cache",
            "--exit-zero",
            "--quiet",
            *ns_args,
            str(folder),
        ]
        m = measure(cmd, stdout=work / "out.txt")
        rows.append(
            {
                "copies": copies,
                "files": len(files) * copies,
                "mb": round(total_bytes(files) * copies / 1e6, 2),
                "peak_rss_mb": round(m.rss_mb, 1),
                "wall_s": round(m.wall, 2),
                "cpu_s": round(m.cpu, 2),
                "command": " ".join(cmd),
            }
        )
    result = {"load_before": before, "load_after": load(), "runs": rows}
    base = rows[0]["peak_rss_mb"]
    result["growth_4x"] = round(rows[-1]["peak_rss_mb"] / base, 3) if base else None
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return result


def markdown(r: dict[str, Any]) -> str:
    head = (
        f"Load average {r['load_before']} before, {r['load_after']} after. Peak RSS at 4x is "
        f"{r['growth_4x']}x the peak at 1x.\n\n"
    )
    return head + table(
        ["input", "files", "MB", "peak RSS MB", "wall s", "CPU s"],
        [
            [f"{x['copies']}x", x["files"], x["mb"], x["peak_rss_mb"], x["wall_s"], x["cpu_s"]]
            for x in r["runs"]
        ],
    )


if __name__ == "__main__":
    main()
