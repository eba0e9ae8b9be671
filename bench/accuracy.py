"""Accuracy on real copy nobody here wrote: per-rule precision and recall, and false positives.

    python bench/accuracy.py                 # table for every rule, printed as Markdown
    python bench/accuracy.py --rules RCP012  # only some rules
    python bench/accuracy.py --show RCP018   # list each disagreement for a rule (to tune)
    python bench/accuracy.py --wild          # also findings per 1,000 documents on wild/

Document-level scoring against `../shared/corpus/labels/dev-labels.jsonl`: a document counts as
predicted for a rule when the linter's JSON output has at least one finding of that rule (any
severity). The labelled files are linted through the real command line (`nostrings check
--output-format json`), one process per corpus folder, with the channel each folder is:
political emails are non-commercial fundraising email, banners are fundraising pages,
SpamAssassin messages are email. Rules the labels never mark (RCP016, RCP024, RCP030: they need
metadata the documents lack) are not scored; RCP027/RCP028 are not scored on political email and
RCP027 not on banners (see the labels' README).

The Mathur (2019) and Yada (2022) UI strings are scored per string: Urgency -> RCP018,
Scarcity and Social Proof -> RCP019, Confirmshaming (Mathur "Misdirection/Confirmshaming",
Yada category Misdirection) -> RCP020; recall on the positives, and the false-positive rate of
RCP018/RCP019/RCP020 on Yada's ordinary shop strings (label 0).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NOSTRINGS_CORPUS", ROOT.parent / "shared" / "corpus"))
NEVER_LABELLED = {"RCP016", "RCP024", "RCP030"}

FOLDERS: dict[str, dict[str, Any]] = {
    "political-emails": {
        "channel": "fundraising_email",
        "meta": ["is_commercial=false"],
        "unscored": {"RCP027", "RCP028"},
    },
    "fundraising-banners": {"channel": "fundraising_page", "meta": [], "unscored": {"RCP027"}},
    "emails-spamassassin": {"channel": None, "meta": [], "unscored": set()},
}


def nostrings_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("nostrings")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "linter.cli"]


def lint_files(files: list[Path], channel: str | None, meta: list[str]) -> dict[str, set[str]]:
    """Run the CLI once over `files`; return path -> set of rule codes found."""
    if not files:
        return {}
    cmd = [*nostrings_cmd(), "check", "--output-format", "json", "--exit-zero", "--isolated"]
    if channel:
        cmd += ["--channel", channel]
    for m in meta:
        cmd += ["--meta", m]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        pass
    out: dict[str, set[str]] = {}
    # chunk to keep command lines short
    for i in range(0, len(files), 400):
        chunk = files[i : i + 400]
        proc = subprocess.run([*cmd, *map(str, chunk)], capture_output=True, text=True, check=False)
        if proc.returncode not in (0, 1, 2) or not proc.stdout.strip():
            raise SystemExit(f"nostrings failed ({proc.returncode}): {proc.stderr[-2000:]}")
        data = json.loads(proc.stdout)
        for f in data["files"]:
            out[str(Path(f["path"]).resolve())] = {x["code"] for x in f["findings"]}
    os.unlink(fh.name)
    return out


def labelled_scores(
    rules_filter: set[str] | None, show: set[str], labels_path: Path | None = None
) -> tuple[dict[str, list[int]], list[str]]:
    path = labels_path or CORPUS / "labels" / "dev-labels.jsonl"
    labels = [json.loads(line) for line in path.open()]
    by_folder: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in labels:
        by_folder[item["path"].split("/")[1]].append(item)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    notes: list[str] = []
    for folder, items in sorted(by_folder.items()):
        spec = FOLDERS[folder]
        files = [(CORPUS / it["path"]).resolve() for it in items]
        found = lint_files(files, spec["channel"], spec["meta"])
        for it, path in zip(items, files, strict=True):
            gold = set(it["labels"]) - NEVER_LABELLED - spec["unscored"]
            pred = found.get(str(path), set()) - NEVER_LABELLED - spec["unscored"]
            for code in gold | pred:
                if rules_filter and code not in rules_filter:
                    continue
                if code in gold and code in pred:
                    counts[code][0] += 1
                elif code in pred:
                    counts[code][1] += 1
                    if code in show:
                        notes.append(f"FP {code} {it['path']}")
                else:
                    counts[code][2] += 1
                    if code in show:
                        notes.append(f"FN {code} {it['path']}: {it['labels'][code]!r}")
    return counts, notes


STRING_MAP = {"Urgency": "RCP018", "Scarcity": "RCP019", "Social Proof": "RCP019"}


def string_scores(show: set[str]) -> tuple[list[str], list[str]]:
    """Recall on Mathur/Yada dark-pattern strings; FP rate on Yada's ordinary strings."""
    from linter import Linter
    from linter.model import Block, Document, SourceMap

    lin = Linter()

    def codes_for(text: str) -> set[str]:
        doc = Document(
            "<string>",
            "ui",
            "landing",
            [Block(text, "ui", SourceMap.identity(0), is_ui=True)],
            text,
        )
        return {f.code for f in lin.lint_document(doc).findings}

    rows: list[str] = []
    notes: list[str] = []
    for name in ("dark-patterns-mathur2019.jsonl", "ec-darkpattern-yada2022.jsonl"):
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        negatives = [0, 0]
        neg_by_rule: dict[str, int] = defaultdict(int)
        for line in (CORPUS / "dev" / name).open():
            item = json.loads(line)
            cat = item.get("category", "")
            typ = item.get("type", "")
            found = codes_for(item["text"])
            target = STRING_MAP.get(cat)
            if typ == "Confirmshaming" or (name.startswith("ec-") and cat == "Misdirection"):
                target = "RCP020"
            if item.get("label") == 0:
                negatives[1] += 1
                hit = found & {"RCP018", "RCP019", "RCP020"}
                if hit:
                    negatives[0] += 1
                    for c in hit:
                        neg_by_rule[c] += 1
                    if hit & show:
                        notes.append(f"FP-string {sorted(hit)}: {item['text'][:120]!r}")
                continue
            if target is None:
                continue
            key = f"{cat or '?'}{'/' + typ if typ else ''} -> {target}"
            if name.startswith("dark"):
                key = (
                    f"{cat} -> {target}" if typ != "Confirmshaming" else "Confirmshaming -> RCP020"
                )
            per[key][1] += 1
            if target in found:
                per[key][0] += 1
            elif target in show:
                notes.append(f"FN-string {target}: {item['text'][:120]!r}")
        for key, (hit, total) in sorted(per.items()):
            rows.append(
                f"| {name.split('-')[-1].split('.')[0]} | {key} | {hit}/{total} | {hit / total:.0%} |"
            )
        if negatives[1]:
            detail = ", ".join(f"{k} {v}" for k, v in sorted(neg_by_rule.items()))
            rows.append(
                f"| yada2022 | ordinary strings (label 0) flagged by RCP018-020 | "
                f"{negatives[0]}/{negatives[1]} | {negatives[0] / negatives[1]:.1%} FP rate ({detail}) |"
            )
    return rows, notes


def wild_rate() -> list[str]:
    rows = []
    for folder, spec in FOLDERS.items():
        base = CORPUS / "wild" / folder
        files = sorted(p for p in base.rglob("*") if p.is_file())
        found = lint_files(files, spec["channel"], spec["meta"])
        per: dict[str, int] = defaultdict(int)
        for codes in found.values():
            for c in codes:
                per[c] += 1
        n = len(files)
        summary = ", ".join(f"{c} {v * 1000 / n:.0f}" for c, v in sorted(per.items()))
        rows.append(f"| {folder} | {n} | {summary} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rules", default="", help="comma-separated codes to score")
    ap.add_argument("--show", default="", help="comma-separated codes whose errors to list")
    ap.add_argument(
        "--wild", action="store_true", help="also report documents flagged per 1,000 on wild/"
    )
    ap.add_argument("--no-strings", action="store_true", help="skip the Mathur/Yada strings")
    ap.add_argument(
        "--labels",
        type=Path,
        help="labels file in the format of dev-labels.jsonl (default: that file)",
    )
    args = ap.parse_args()
    rules_filter = {r.strip().upper() for r in args.rules.split(",") if r.strip()} or None
    show = {r.strip().upper() for r in args.show.split(",") if r.strip()}
    counts, notes = labelled_scores(rules_filter, show, args.labels)
    print("## Per-rule precision and recall on the labelled dev documents\n")
    print("| rule | TP | FP | FN | precision | recall |")
    print("|---|---|---|---|---|---|")
    tot = [0, 0, 0]
    for code in sorted(counts):
        tp, fp, fn = counts[code]
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        p = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        r = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        print(f"| {code} | {tp} | {fp} | {fn} | {p} | {r} |")
    tp, fp, fn = tot
    if tp + fp and tp + fn:
        print(f"| **all** | {tp} | {fp} | {fn} | {tp / (tp + fp):.2f} | {tp / (tp + fn):.2f} |")
    if not args.no_strings:
        rows, more = string_scores(show)
        notes += more
        print("\n## Dark-pattern strings (Mathur 2019, Yada 2022)\n")
        print("| set | category -> rule | found | rate |")
        print("|---|---|---|---|")
        print("\n".join(rows))
    if args.wild:
        print("\n## Wild (unlabelled) folders: documents flagged per 1,000, by rule\n")
        print("| folder | documents | per 1,000 documents |")
        print("|---|---|---|")
        print("\n".join(wild_rate()))
    if notes:
        print("\n## Disagreements\n")
        print("\n".join(notes))


if __name__ == "__main__":
    main()
