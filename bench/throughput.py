"""Throughput: the full rule set against spaCy's tokenizer (the floor) and against proselint.

    python bench/throughput.py                       # both corpus sets, 3 interleaved rounds
    python bench/throughput.py --sets spamassassin --repeat 5
    python bench/throughput.py --folder some/dir --repeat 1   # any folder (the smoke test)

Per set, each round runs, one after the other, as whole processes over the same files:
- `floor`: `bench/floor.py` (import spaCy, `spacy.blank("en")`, tokenize every file);
- `floor (extracted prose)`, for `.eml` only: the floor over the text nostrings extracts from
  each message (written to a temporary folder before timing): the stricter floor, since the raw
  files hold headers, markup and base64 that no prose linter reads;
- `nostrings`: `nostrings check --isolated --no-cache --exit-zero` with the set's channel and
  the default text output written to a file (the format that streams);
- `proselint`: `bench/proselint_run.py` (proselint's check loop with `max_errors` lifted).
Medians of wall and CPU time (user + system of the child) per command; MB/s is input bytes on
disk over that time; ratios are taken between medians of the same run.
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
    BENCH,
    PYTHON,
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


def extract_prose(files: list[Path], dest: Path) -> int:
    """Write the prose nostrings reads from each file (its blocks, one per paragraph)."""
    from linter.formats import InputError, detect, read_bytes

    dest.mkdir(parents=True, exist_ok=True)
    size = 0
    for i, p in enumerate(files):
        fmt = detect(str(p)) or "text"
        try:
            doc = read_bytes(p.read_bytes(), str(p), fmt, None)
            text = "\n\n".join(b.text for b in doc.blocks)
        except InputError:
            text = ""
        data = text.encode("utf-8")
        (dest / f"{i:06d}.txt").write_bytes(data)
        size += len(data)
    return size


def run_set(
    label: str, folder: Path, files: list[Path], nostrings_args: tuple[str, ...], repeat: int
) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="nostrings-bench-"))
    commands: dict[str, list[str]] = {
        "floor (spaCy tokenizer)": [PYTHON, str(BENCH / "floor.py"), str(folder)],
    }
    extracted_mb = None
    if any(p.suffix == ".eml" for p in files):
        prose = work / "prose"
        extracted_mb = extract_prose(files, prose) / 1e6
        commands["floor on extracted prose"] = [PYTHON, str(BENCH / "floor.py"), str(prose)]
    commands["nostrings"] = [
        *nostrings_cmd(),
        "check",
        "--isolated",
        "--no-cache",
        "--exit-zero",
        "--quiet",
        *nostrings_args,
        str(folder),
    ]
    commands["proselint"] = [PYTHON, str(BENCH / "proselint_run.py"), str(folder)]
    runs: dict[str, list[Any]] = {name: [] for name in commands}
    load_before = load()
    for _ in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(measure(cmd, stdout=work / "out.txt"))
    mb = total_bytes(files) / 1e6
    result: dict[str, Any] = {
        "set": label,
        "files": len(files),
        "mb": round(mb, 2),
        "extracted_mb": round(extracted_mb, 2) if extracted_mb is not None else None,
        "repeat": repeat,
        "load_before": load_before,
        "load_after": load(),
        "commands": {name: " ".join(cmd) for name, cmd in commands.items()},
        "tools": {},
    }
    for name, ms in runs.items():
        wall = median([m.wall for m in ms])
        cpu = median([m.cpu for m in ms])
        result["tools"][name] = {
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "mb_per_s_wall": round(mb / wall, 3),
            "mb_per_s_cpu": round(mb / cpu, 3),
            "peak_rss_mb": round(max(m.rss_mb for m in ms), 1),
            "walls": [round(m.wall, 2) for m in ms],
        }
    t = result["tools"]
    ns = t["nostrings"]
    result["ratios"] = {
        "nostrings / floor (wall)": round(t["floor (spaCy tokenizer)"]["wall_s"] / ns["wall_s"], 2),
        "nostrings / floor (cpu)": round(t["floor (spaCy tokenizer)"]["cpu_s"] / ns["cpu_s"], 2),
        "nostrings / proselint (wall)": round(t["proselint"]["wall_s"] / ns["wall_s"], 2),
        "nostrings / proselint (cpu)": round(t["proselint"]["cpu_s"] / ns["cpu_s"], 2),
    }
    if "floor on extracted prose" in t:
        fx = t["floor on extracted prose"]
        result["ratios"]["nostrings / floor on extracted prose (wall)"] = round(
            fx["wall_s"] / ns["wall_s"], 2
        )
        result["ratios"]["nostrings / floor on extracted prose (cpu)"] = round(
            fx["cpu_s"] / ns["cpu_s"], 2
        )
    return result


def markdown(results: list[dict[str, Any]]) -> str:
    out = []
    for r in results:
        extra = f", {r['extracted_mb']} MB of extracted prose" if r["extracted_mb"] else ""
        out.append(
            f"**{r['set']}**: {r['files']} files, {r['mb']} MB on disk{extra}; median of "
            f"{r['repeat']} interleaved rounds; load average {r['load_before']} before, "
            f"{r['load_after']} after.\n"
        )
        rows = [
            [
                name,
                v["wall_s"],
                v["cpu_s"],
                v["mb_per_s_wall"],
                v["mb_per_s_cpu"],
                v["peak_rss_mb"],
            ]
            for name, v in r["tools"].items()
        ]
        out.append(
            table(
                ["command", "wall s", "CPU s", "MB/s (wall)", "MB/s (CPU)", "peak RSS MB"],
                rows,
            )
        )
        out.append("")
        out.append(
            table(
                ["ratio (higher: nostrings faster)", "value"],
                [[k, v] for k, v in r["ratios"].items()],
            )
        )
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default="political,spamassassin", help="comma-separated sets")
    ap.add_argument("--folder", type=Path, help="measure this folder instead of the sets")
    ap.add_argument("--limit", type=int, help="only the first N files of each set")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    results = []
    if args.folder:
        targets = [(str(args.folder), args.folder, files_of(args.folder), ())]
    else:
        targets = []
        for key in [s.strip() for s in args.sets.split(",") if s.strip()]:
            spec = SETS[key]
            files = files_of(spec.folder, spec.suffix)
            folder = spec.folder
            if args.limit:
                files = files[: args.limit]
                folder = sample_folder(files, Path(tempfile.mkdtemp()) / "sample")
            targets.append((spec.name, folder, files, spec.args))
    for label, folder, files, ns_args in targets:
        results.append(run_set(label, folder, files, ns_args, args.repeat))
    print(markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    main()
