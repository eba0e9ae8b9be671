"""Scaling: `--jobs 1` against `--jobs 2` on the same files (same output, byte for byte).

    python bench/scaling.py                      # 1,500 political emails, 3 interleaved rounds
    python bench/scaling.py --folder some/dir --repeat 1

Wall time is what `--jobs` buys; CPU time (parent plus workers) shows what the pool costs.
The outputs of the two runs are compared: `--jobs` must never change a byte.
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
    median,
    nostrings_cmd,
    sample_folder,
    table,
    total_bytes,
)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folder", type=Path, help="use these files instead of political emails")
    ap.add_argument("--limit", type=int, default=1500)
    ap.add_argument("--every", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nostrings-jobs-"))
    if args.folder:
        folder, files, ns_args = args.folder, files_of(args.folder), ()
    else:
        spec = SETS["political"]
        files = files_of(spec.folder, spec.suffix)[:: args.every][: args.limit]
        folder = sample_folder(files, work / "sample")
        ns_args = spec.args
    base = [*nostrings_cmd(), "check", "--isolated", "--no-cache", "--exit-zero", *ns_args]
    commands = {
        jobs: [*base, "--jobs", str(jobs), "--output-format", "json", str(folder)]
        for jobs in (1, 2)
    }
    before = load()
    runs: dict[int, list[Any]] = {1: [], 2: []}
    outputs: dict[int, bytes] = {}
    for _ in range(args.repeat):
        for jobs, cmd in commands.items():
            out = work / f"jobs{jobs}.json"
            runs[jobs].append(measure(cmd, stdout=out))
            outputs[jobs] = out.read_bytes()
    rows = {}
    for jobs, ms in runs.items():
        rows[jobs] = {
            "wall_s": round(median([m.wall for m in ms]), 2),
            "cpu_s": round(median([m.cpu for m in ms]), 2),
            "walls": [round(m.wall, 2) for m in ms],
            "command": " ".join(commands[jobs]),
        }
    result = {
        "files": len(files),
        "mb": round(total_bytes(files) / 1e6, 2),
        "repeat": args.repeat,
        "load_before": before,
        "load_after": load(),
        "jobs": rows,
        "speedup": round(rows[1]["wall_s"] / rows[2]["wall_s"], 2),
        "identical_output": outputs[1] == outputs[2],
    }
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    if not result["identical_output"]:
        raise SystemExit("--jobs 2 changed the output")
    return result


def markdown(r: dict[str, Any]) -> str:
    head = (
        f"{r['files']} files, {r['mb']} MB; median of {r['repeat']} interleaved rounds; load "
        f"average {r['load_before']} before, {r['load_after']} after. Speed-up of --jobs 2: "
        f"{r['speedup']}x; outputs identical: {'yes' if r['identical_output'] else 'NO'}.\n\n"
    )
    return head + table(
        ["--jobs", "wall s", "CPU s (parent + workers)", "wall s per round"],
        [
            [j, v["wall_s"], v["cpu_s"], ", ".join(map(str, v["walls"]))]
            for j, v in r["jobs"].items()
        ],
    )


if __name__ == "__main__":
    main()
