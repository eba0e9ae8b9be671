"""Bad input: one clear line naming the file and the reason, exit 2, the other files linted,
and nothing ever written to the files being linted."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "We sent you the full playbook for free. Now it's your turn to return the favor.\n"


def _nostrings(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("nostrings")
    return subprocess.run(
        [str(exe), "check", "--isolated", "--no-color", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not copy")
    (tmp_path / "latin1.txt").write_bytes("Café gift inside\n".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "does-not-exist.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_each_bad_file_gets_one_line_and_the_rest_is_linted(folder: Path) -> None:
    before = _digest(folder)
    proc = _nostrings(".", cwd=folder)
    assert proc.returncode == 2
    errors = sorted(proc.stderr.strip().splitlines())
    assert errors == [
        "binary.txt: error: binary file (contains NUL bytes), not copy",
        "broken.txt: error: no such file or directory",
        "empty.txt: error: empty file",
        "latin1.txt: error: not valid UTF-8 at line 1, column 4 (byte 0xe9); "
        "mixed or legacy encoding? save the file as UTF-8",
    ]
    assert "good.txt:1:63: RCP011 [error]" in proc.stdout
    assert _digest(folder) == before, "a linted file was modified"
    # the only thing a run may add is its findings cache folder (like ruff's .ruff_cache)
    added = {p.name for p in folder.iterdir()} - {
        "binary.txt",
        "latin1.txt",
        "empty.txt",
        "broken.txt",
        "good.txt",
    }
    assert added <= {".nostrings_cache"}, added


def test_missing_path_is_an_input_error(folder: Path) -> None:
    proc = _nostrings("good.txt", "missing.md", cwd=folder)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "missing.md: error: no such file or directory"
    assert "good.txt:1:63: RCP011" in proc.stdout


def test_good_file_alone_exits_1_and_exit_zero_exits_0(folder: Path) -> None:
    assert _nostrings("good.txt", cwd=folder).returncode == 1
    assert _nostrings("good.txt", "--exit-zero", cwd=folder).returncode == 0
    clean = folder / "clean.txt"
    clean.write_text("Our gluten-free bread is back. Feel free to reply with questions.\n")
    proc = _nostrings("clean.txt", cwd=folder)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip() == "No problems found in 1 file."


def test_stdin_is_linted(folder: Path) -> None:
    exe = Path(sys.executable).with_name("nostrings")
    proc = subprocess.run(
        [str(exe), "check", "--isolated", "--no-color", "-"],
        input=GOOD,
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout.startswith("<stdin>:1:63: RCP011 [error]")
