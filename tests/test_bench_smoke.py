"""Every benchmark script runs end to end on a tiny input, so none of them can rot.

These check that the scripts work and report what they claim (the right commands, the right
file counts, identical --jobs output), never how fast anything is: timings on a shared machine
are not test material. The real numbers are in bench/RESULTS.md.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

BENCH = ROOT / "bench"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(ROOT / "fixtures" / "appeals" / "impact-report-clean.txt", folder / "a.txt")
    shutil.copy(ROOT / "fixtures" / "emails" / "donor-thank-you.eml", folder / "b.eml")
    (folder / "c.txt").write_text(
        "Claim your free tote bag today.\nGet it for free when you donate $25 or more.\n",
        encoding="utf-8",
    )
    return folder


def test_floor_tokenizes_every_file(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Hello world.", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(b"Caf\xe9 is open!")  # not UTF-8: still tokenized
    # Hello / world / . and Caf / U+FFFD / is / open / !
    assert run("floor.py", str(tmp_path)).stdout == "8 tokens\n"


def test_proselint_runner_lints_any_extension(tmp_path: Path) -> None:
    (tmp_path / "m.eml").write_text("Subject: x\n\nGet it for free today.\n", encoding="utf-8")
    proc = run("proselint_run.py", str(tmp_path))
    assert f"{tmp_path / 'm.eml'}:" in proc.stdout
    assert "cliches.misc.garner" in proc.stdout
    assert proc.stderr.strip().endswith("results")


def test_throughput(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    proc = run("throughput.py", "--folder", str(tiny), "--repeat", "1", "--json", str(out))
    [r] = json.loads(out.read_text())
    assert r["files"] == 3
    assert list(r["tools"]) == [
        "floor (spaCy tokenizer)",
        "floor on extracted prose",
        "nostrings",
        "proselint",
    ]
    assert all(v["wall_s"] > 0 and v["cpu_s"] > 0 for v in r["tools"].values())
    assert "--no-cache" in r["commands"]["nostrings"]
    assert set(r["ratios"]) >= {"nostrings / floor (cpu)", "nostrings / proselint (cpu)"}
    assert "| nostrings |" in proc.stdout


def test_startup(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    run("startup.py", "--file", str(tiny / "a.txt"), "--repeat", "1", "--json", str(out))
    r = json.loads(out.read_text())
    assert list(r["tools"]) == [
        "import spacy; spacy.blank('en')",
        "nostrings check (cold, no cache)",
        "nostrings check (cached re-run)",
    ]
    assert r["tools"]["import spacy; spacy.blank('en')"]["x_reference_wall"] == 1.0


def test_memory(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    run("memory.py", "--folder", str(tiny), "--json", str(out))
    r = json.loads(out.read_text())
    assert [(x["copies"], x["files"]) for x in r["runs"]] == [(1, 3), (2, 6), (4, 12)]
    assert all(x["peak_rss_mb"] > 0 for x in r["runs"])


def test_scaling(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "j.json"
    run("scaling.py", "--folder", str(tiny), "--repeat", "1", "--json", str(out))
    r = json.loads(out.read_text())
    assert r["identical_output"] is True
    assert set(r["jobs"]) == {"1", "2"}


def test_run_all_writes_results_and_keeps_the_analysis(tiny: Path, tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("old\n<!-- end of generated results -->\n\n## Analysis\nkept\n")
    run(
        "run_all.py",
        "--out",
        str(results),
        "--folder",
        str(tiny),
        "--repeat",
        "1",
        "--no-accuracy",
    )
    text = results.read_text()
    for heading in ("## Throughput", "## Start-up", "## Memory", "## Scaling"):
        assert heading in text
    assert "| nostrings commit |" in text and "| date |" in text
    assert "python bench/throughput.py --folder" in text
    assert text.endswith("<!-- end of generated results -->\n## Analysis\nkept\n")
    assert not text.startswith("old")


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus beside the repo")
def test_accuracy_on_two_labelled_documents(tmp_path: Path) -> None:
    lines = (CORPUS / "labels" / "dev-labels.jsonl").read_text().splitlines()
    picked = [next(x for x in lines if "/political-emails/" in x)]
    picked.append(next(x for x in lines if "/emails-spamassassin/" in x))
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(picked) + "\n")
    proc = run("accuracy.py", "--labels", str(labels), "--no-strings")
    assert "| rule | TP | FP | FN | precision | recall |" in proc.stdout
    never = {"RCP016", "RCP024", "RCP030"}
    unscored = [never | {"RCP027", "RCP028"}, never]  # political email, then SpamAssassin
    gold = sum(
        len(set(json.loads(x)["labels"]) - skip) for x, skip in zip(picked, unscored, strict=True)
    )
    rows = [r for r in proc.stdout.splitlines() if r.startswith("| RCP")]
    # every scored gold label is counted once, as a TP or an FN
    assert sum(int(r.split("|")[2]) + int(r.split("|")[4]) for r in rows) == gold
