"""The findings cache: identical findings on a re-run, no spaCy import, correct invalidation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workflow_util import BAD, CLEAN, EML, run, write

from linter.cache import FindingsCache, code_digest, result_from_dict, result_to_dict
from linter.engine import DocumentResult


def entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.json") if not p.name.startswith(".tmp"))


def copy(root: Path) -> None:
    write(
        root,
        {
            "copy/a.txt": f"Intro.\n\n{BAD}\n",
            "copy/b.html": f"<p>{BAD}</p>\n<!-- nostrings-disable-next-line RCP020 -->\n",
            "copy/c.eml": EML.format(body=BAD),
            "copy/d.txt": CLEAN + "\n",
        },
    )


def test_second_run_is_identical_and_served_from_cache(tmp_path: Path):
    copy(tmp_path)
    first = run("check", "--output-format", "json", "copy", cwd=tmp_path)
    assert first.returncode == 1
    cache = tmp_path / ".nostrings_cache"
    assert len(entries(cache)) == 4
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f0688")
    assert (cache / ".gitignore").read_text().endswith("*\n")
    stamps = {p: p.stat().st_mtime_ns for p in entries(cache)}
    second = run("check", "--output-format", "json", "copy", cwd=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (1, first.stdout, first.stderr)
    assert {p: p.stat().st_mtime_ns for p in entries(cache)} == stamps  # nothing rewritten
    text1 = run("check", "copy", cwd=tmp_path, env={"NOSTRINGS_CACHE_DIR": str(tmp_path / "c2")})
    text2 = run("check", "copy", cwd=tmp_path, env={"NOSTRINGS_CACHE_DIR": str(tmp_path / "c2")})
    assert text1.stdout == text2.stdout and "RCP011" in text2.stdout


PROBE = """
import sys
from linter.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
sys.stderr.write("spacy imported: %s\\n" % any(m.split(".")[0] == "spacy" for m in sys.modules))
sys.exit(code)
"""


def probe(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NOSTRINGS_CACHE_DIR"}
    return subprocess.run(
        [sys.executable, "-c", PROBE, "check", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_fully_cached_run_does_not_import_spacy(tmp_path: Path):
    copy(tmp_path)
    cold = probe(tmp_path, "--output-format", "sarif", "copy")
    assert cold.stderr.endswith("spacy imported: True\n")
    warm = probe(tmp_path, "--output-format", "sarif", "copy")
    assert warm.stderr.endswith("spacy imported: False\n")
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    # one changed file: only that one is linted again, which needs spaCy
    write(tmp_path, {"copy/d.txt": CLEAN + "\n\nP.S. New line.\n"})
    assert probe(tmp_path, "copy").stderr.endswith("spacy imported: True\n")
    assert probe(tmp_path, "copy").stderr.endswith("spacy imported: False\n")


def test_changes_invalidate(tmp_path: Path):
    copy(tmp_path)
    cache = tmp_path / ".nostrings_cache"
    run("check", "copy/a.txt", cwd=tmp_path)
    [entry] = entries(cache)
    # edited content: same entry, rewritten with the new findings
    write(tmp_path, {"copy/a.txt": CLEAN + "\n"})
    r = run("check", "copy/a.txt", cwd=tmp_path)
    assert r.returncode == 0 and "No problems found" in r.stdout
    assert entries(cache) == [entry]
    # other settings: another entry, and the right findings
    write(tmp_path, {"copy/a.txt": BAD + "\n"})
    assert run("check", "copy/a.txt", cwd=tmp_path).returncode == 1
    r = run("check", "--ignore", "RCP011", "copy/a.txt", cwd=tmp_path)
    assert r.returncode == 0
    write(tmp_path, {"nostrings.toml": '[severity]\nRCP011 = "info"\n'})
    r = run("check", "copy/a.txt", cwd=tmp_path)  # configuration changed: not the old result
    assert r.returncode == 0 and "RCP011 [info]" in r.stdout


def test_cache_folder_is_versioned_by_the_code(tmp_path: Path):
    copy(tmp_path)
    run("check", "copy", cwd=tmp_path)
    [folder] = [p for p in (tmp_path / ".nostrings_cache").iterdir() if p.is_dir()]
    assert folder.name == f"v1-{code_digest()}"


def test_corrupt_entry_is_ignored_and_replaced(tmp_path: Path):
    copy(tmp_path)
    first = run("check", "copy", cwd=tmp_path)
    for p in entries(tmp_path / ".nostrings_cache"):
        p.write_text('{"content": "x", "result": ', encoding="utf-8")
    second = run("check", "copy", cwd=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (1, first.stdout, first.stderr)
    for p in entries(tmp_path / ".nostrings_cache"):
        json.loads(p.read_text())  # rewritten whole


def test_no_cache_and_cache_false_write_nothing(tmp_path: Path):
    copy(tmp_path)
    run("check", "--no-cache", "copy", cwd=tmp_path)
    assert not (tmp_path / ".nostrings_cache").exists()
    write(tmp_path, {"nostrings.toml": "cache = false\n"})
    run("check", "copy", cwd=tmp_path)
    assert not (tmp_path / ".nostrings_cache").exists()


def test_cache_location(tmp_path: Path):
    copy(tmp_path)
    write(tmp_path, {"site/nostrings.toml": "", "site/a.txt": BAD + "\n"})
    run("check", "site/a.txt", cwd=tmp_path)  # beside the configuration file
    assert entries(tmp_path / "site" / ".nostrings_cache")
    assert not (tmp_path / ".nostrings_cache").exists()
    write(tmp_path, {"site/nostrings.toml": 'cache-dir = "../shared-cache"\n'})
    run("check", "site/a.txt", cwd=tmp_path)  # configured, relative to that file
    assert entries(tmp_path / "shared-cache")
    run("check", "--cache-dir", "cli-cache", "site/a.txt", cwd=tmp_path)
    assert entries(tmp_path / "cli-cache")
    run("check", "site/a.txt", cwd=tmp_path, env={"NOSTRINGS_CACHE_DIR": str(tmp_path / "env")})
    assert entries(tmp_path / "env")


def test_unwritable_cache_folder_does_not_fail_the_run(tmp_path: Path):
    copy(tmp_path)
    (tmp_path / "blocked").write_text("a file where the cache folder would go")
    r = run("check", "--cache-dir", "blocked/cache", "copy", cwd=tmp_path)
    assert r.returncode == 1 and "RCP011" in r.stdout
    assert "Traceback" not in r.stderr


def test_result_round_trip(tmp_path: Path):
    from linter import Linter
    from linter.formats import read_bytes

    doc = read_bytes(f"<p>{BAD}</p>\n".encode(), "x.html", "html")
    result = Linter(keep_blocks=True).lint_document(doc)
    back = result_from_dict(json.loads(json.dumps(result_to_dict(result))))
    assert back == result
    store = FindingsCache(tmp_path)
    store.put("ab" * 32, "c1", result)
    assert store.get("ab" * 32, "c1") == result
    assert store.get("ab" * 32, "c2") is None  # content changed
    store.put("cd" * 32, "c1", DocumentResult("y", "text", "", [], error="broken"))
    assert store.get("cd" * 32, "c1") is None  # errors are never cached
