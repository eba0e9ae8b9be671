"""Start-up: one small file end to end, against importing spaCy and building `spacy.blank`.

    python bench/startup.py                 # fixtures/appeals/impact-report-clean.txt, 10 rounds
    python bench/startup.py --file F --repeat 5

Each round runs, interleaved:
- `python -c "import spacy; spacy.blank('en')"` (the reference; target: nostrings within 1.3x);
- `nostrings check --isolated --no-cache FILE` (a cold lint: imports, lexicon, spaCy, rules);
- `nostrings check --isolated --cache-dir TMP FILE` after one warm-up run: the file is served
  from the findings cache, which never imports spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, load, measure, median, nostrings_cmd, table

DEFAULT_FILE = ROOT / "fixtures" / "appeals" / "impact-report-clean.txt"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    cache = Path(tempfile.mkdtemp(prefix="nostrings-cache-"))
    check = [*nostrings_cmd(), "check", "--isolated", "--exit-zero", "--quiet"]
    commands = {
        "import spacy; spacy.blank('en')": [
            PYTHON,
            "-c",
            "import spacy; spacy.blank('en')",
        ],
        "nostrings check (cold, no cache)": [*check, "--no-cache", str(args.file)],
        "nostrings check (cached re-run)": [*check, "--cache-dir", str(cache), str(args.file)],
    }
    measure(commands["nostrings check (cached re-run)"])  # fill the cache
    before = load()
    runs: dict[str, list[Any]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            runs[name].append(measure(cmd))
    ref = median([m.wall for m in runs["import spacy; spacy.blank('en')"]])
    ref_cpu = median([m.cpu for m in runs["import spacy; spacy.blank('en')"]])
    result: dict[str, Any] = {
        "file": str(args.file),
        "bytes": args.file.stat().st_size,
        "repeat": args.repeat,
        "load_before": before,
        "load_after": load(),
        "commands": {name: " ".join(cmd) for name, cmd in commands.items()},
        "tools": {},
    }
    for name, ms in runs.items():
        wall = median([m.wall for m in ms])
        cpu = median([m.cpu for m in ms])
        result["tools"][name] = {
            "wall_s": round(wall, 3),
            "cpu_s": round(cpu, 3),
            "x_reference_wall": round(wall / ref, 2),
            "x_reference_cpu": round(cpu / ref_cpu, 2),
            "peak_rss_mb": round(max(m.rss_mb for m in ms), 1),
        }
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return result


def markdown(r: dict[str, Any]) -> str:
    head = (
        f"One file, `{Path(r['file']).name}` ({r['bytes']} bytes); median of {r['repeat']} "
        f"interleaved rounds; load average {r['load_before']} before, {r['load_after']} after.\n\n"
    )
    rows = [
        [
            name,
            v["wall_s"],
            v["cpu_s"],
            f"{v['x_reference_wall']}x",
            f"{v['x_reference_cpu']}x",
            v["peak_rss_mb"],
        ]
        for name, v in r["tools"].items()
    ]
    return head + table(
        ["command", "wall s", "CPU s", "x reference (wall)", "x reference (CPU)", "peak RSS MB"],
        rows,
    )


if __name__ == "__main__":
    main()
