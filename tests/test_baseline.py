"""Baselines: record today's findings, then report only new ones, surviving unrelated edits."""

from __future__ import annotations

import json
from pathlib import Path

from workflow_util import BAD, BAD_COL, cli, write

SECOND = "After all the free advice we gave you, a small gift is the least you can do."


def rcp011(root: Path, *args: str) -> tuple[int, list[tuple[str, int, int]], str]:
    r = cli("check", "--no-cache", "--select", "RCP011", "--output-format", "json", *args, cwd=root)
    found = [
        (f["path"], x["line"], x["col"])
        for f in json.loads(r.stdout)["files"]
        for x in f["findings"]
    ]
    return r.exit_code, found, r.stderr


def test_baseline_hides_recorded_findings_and_survives_unrelated_edits(tmp_path: Path):
    write(tmp_path, {"copy/a.txt": f"Intro.\n\n{BAD}\n", "copy/b.txt": f"{BAD}\n"})
    r = cli("check", "--no-cache", "--write-baseline", "baseline.json", "copy", cwd=tmp_path)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert r.stderr == "nostrings: wrote 2 findings to baseline.json\n"
    code, found, _ = rcp011(tmp_path, "--baseline", "baseline.json", "copy")
    assert (code, found) == (0, [])

    # unrelated edits: paragraphs added above, another sentence rewritten
    write(
        tmp_path,
        {
            "copy/a.txt": f"New headline!\n\nA new first paragraph.\n\nIntro, rewritten.\n\n{BAD}\n",
            "copy/b.txt": f"Dear reader,\n\n{BAD}\n\nSee you soon.\n",
        },
    )
    code, found, _ = rcp011(tmp_path, "--baseline", "baseline.json", "copy")
    assert (code, found) == (0, [])
    code, found, _ = rcp011(tmp_path, "copy")
    assert found == [("copy/a.txt", 7, BAD_COL), ("copy/b.txt", 3, BAD_COL)]  # really there

    # a new problem is reported, the recorded ones still are not
    write(tmp_path, {"copy/b.txt": f"Dear reader,\n\n{BAD}\n\n{SECOND}\n"})
    code, found, _ = rcp011(tmp_path, "--baseline", "baseline.json", "copy")
    assert code == 1
    assert [(p, line) for p, line, _ in found] == [("copy/b.txt", 5)]


def test_a_second_copy_of_a_recorded_sentence_is_new(tmp_path: Path):
    write(tmp_path, {"a.txt": f"{BAD}\n"})
    cli("check", "--no-cache", "--write-baseline", "bl.json", "a.txt", cwd=tmp_path)
    write(tmp_path, {"a.txt": f"{BAD}\n\n{BAD}\n"})
    code, found, _ = rcp011(tmp_path, "--baseline", "bl.json", "a.txt")
    assert (code, found) == (1, [("a.txt", 3, BAD_COL)])


def test_rewriting_the_sentence_makes_it_new(tmp_path: Path):
    write(tmp_path, {"a.txt": f"{BAD}\n"})
    cli("check", "--no-cache", "--write-baseline", "bl.json", "a.txt", cwd=tmp_path)
    write(tmp_path, {"a.txt": BAD.replace("full playbook", "complete playbook") + "\n"})
    code, found, _ = rcp011(tmp_path, "--baseline", "bl.json", "a.txt")
    assert (code, found) == (1, [("a.txt", 1, BAD_COL + 4)])


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path: Path):
    write(tmp_path, {"site/copy/a.txt": f"{BAD}\n"})
    cli("check", "--no-cache", "--write-baseline", "site/bl.json", "site/copy", cwd=tmp_path)
    data = json.loads((tmp_path / "site" / "bl.json").read_text())
    assert data["nostrings_baseline"] == 1
    assert [(e["path"], e["code"], e["text"]) for e in data["findings"]] == [
        ("copy/a.txt", "RCP011", "return the favor")
    ]
    # the same baseline works from another working directory
    code, found, _ = rcp011(tmp_path / "site", "--baseline", "bl.json", "copy")
    assert (code, found) == (0, [])


def test_stale_entries_are_announced(tmp_path: Path):
    write(tmp_path, {"a.txt": f"{BAD}\n"})
    cli("check", "--no-cache", "--write-baseline", "bl.json", "a.txt", cwd=tmp_path)
    write(tmp_path, {"a.txt": "Fixed copy.\n"})
    code, found, err = rcp011(tmp_path, "--baseline", "bl.json", "a.txt")
    assert (code, found) == (0, [])
    assert err == (
        "nostrings: 1 finding(s) in bl.json no longer occur; "
        "refresh it with --write-baseline bl.json\n"
    )


def test_bad_baseline_file_is_a_clear_error(tmp_path: Path):
    write(tmp_path, {"a.txt": f"{BAD}\n", "bl.json": '{"findings": []}', "broken.json": "{"})
    r = cli("check", "--baseline", "bl.json", "a.txt", cwd=tmp_path)
    assert r.exit_code == 2
    assert "bl.json: not a nostrings baseline" in r.stderr
    r = cli("check", "--baseline", "broken.json", "a.txt", cwd=tmp_path)
    assert r.exit_code == 2 and "broken.json: not a nostrings baseline (invalid JSON" in r.stderr
    r = cli("check", "--baseline", "missing.json", "a.txt", cwd=tmp_path)
    assert r.exit_code == 2 and "missing.json: cannot read baseline" in r.stderr
