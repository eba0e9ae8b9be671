"""--jobs N lints in parallel and prints exactly what --jobs 1 prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS
from workflow_util import BAD, EML, run, write

DEV = CORPUS / "dev"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Real copy of every kind the corpus has, plus files that fail to read, in one run."""
    root = tmp_path_factory.mktemp("jobs")
    write(
        root,
        {
            "own/a.html": f"<p>{BAD}</p>\n<!-- nostrings-disable-next-line RCP020 -->\n",
            "own/b.eml": EML.format(body=BAD),
            "own/empty.txt": "",
        },
    )
    (root / "own" / "binary.txt").write_bytes(b"\x00\x01")
    paths = [str(root / "own")]
    paths += [str(p) for p in sorted((DEV / "political-emails").glob("*.txt"))[:60]]
    paths += [str(p) for p in sorted((DEV / "emails-spamassassin").rglob("*.eml"))[:40]]
    paths += [str(p) for p in sorted((DEV / "fundraising-banners").rglob("*.txt"))[:40]]
    assert len(paths) > 100
    return paths


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_jobs_output_is_byte_identical(tmp_path: Path, mixed: list[str], fmt: str):
    args = ["check", "--no-cache", "--output-format", fmt, *mixed]
    one = run(*args, "--jobs", "1", cwd=tmp_path)
    two = run(*args, "--jobs", "2", cwd=tmp_path)
    assert one.returncode == 2  # the binary file
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert one.stdout.count("RCP") > 10


def test_jobs_with_a_warm_cache_is_identical(tmp_path: Path, mixed: list[str]):
    args = ["check", "--output-format", "json", "--cache-dir", str(tmp_path / "c"), *mixed]
    cold = run(*args, "--jobs", "2", cwd=tmp_path)
    warm = run(*args, "--jobs", "2", cwd=tmp_path)
    serial = run(*args, "--jobs", "1", "--no-cache", cwd=tmp_path)
    assert cold.stdout == warm.stdout == serial.stdout


def test_jobs_from_configuration_and_zero_means_every_cpu(tmp_path: Path, mixed: list[str]):
    write(tmp_path, {"nostrings.toml": "jobs = 0\n"})
    args = ["check", "--no-cache", "--output-format", "json", *mixed[:20]]
    assert run(*args, cwd=tmp_path).stdout == run(*args, "-j", "1", cwd=tmp_path).stdout
