"""What every benchmark script shares: the corpus sets, timed child processes, the machine.

Every measurement is a whole child process (imports included), timed from outside: wall time,
CPU time (user + system, from `os.wait4`, so it is the child's own) and peak RSS. The machine
these run on is shared, so the scripts interleave the commands they compare, repeat them, and
report medians, CPU time beside wall time, and the load average seen before and after.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = Path(os.environ.get("NOSTRINGS_CORPUS", ROOT.parent / "shared" / "corpus"))
PYTHON = sys.executable


@dataclass(frozen=True)
class CorpusSet:
    """A folder of the corpus and how the linter is told to read it (as `accuracy.py` does)."""

    name: str
    folder: Path
    suffix: str
    args: tuple[str, ...]  # nostrings options for this set


SETS: dict[str, CorpusSet] = {
    "political": CorpusSet(
        "political emails (dev)",
        CORPUS / "dev" / "political-emails",
        ".txt",
        ("--channel", "fundraising_email", "--meta", "is_commercial=false"),
    ),
    "spamassassin": CorpusSet(
        "SpamAssassin .eml (dev)", CORPUS / "dev" / "emails-spamassassin", ".eml", ()
    ),
}


def files_of(folder: Path, suffix: str | None = None) -> list[Path]:
    """The files under `folder` in the order every tool here reads them (sorted paths)."""
    out = [p for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")]
    return [p for p in out if suffix is None or p.suffix == suffix]


def total_bytes(files: Sequence[Path]) -> int:
    return sum(p.stat().st_size for p in files)


def sample_folder(files: Sequence[Path], dest: Path, copies: int = 1) -> Path:
    """A folder of symbolic links to `files` (repeated `copies` times under different names),
    so every tool reads exactly these files, through the same folder walk."""
    if dest.exists():
        shutil.rmtree(dest)
    for c in range(copies):
        sub = dest / f"copy{c}"
        sub.mkdir(parents=True)
        for i, p in enumerate(files):
            (sub / f"{i:06d}-{p.name}").symlink_to(p.resolve())
    return dest


def nostrings_cmd() -> list[str]:
    exe = Path(PYTHON).with_name("nostrings")
    return [str(exe)] if exe.exists() else [PYTHON, "-m", "linter.cli"]


@dataclass(frozen=True)
class Measure:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    rss_mb: float  # peak resident set size
    returncode: int


def measure(
    cmd: Sequence[str], stdout: Path | None = None, env: dict[str, str] | None = None
) -> Measure:
    """Run `cmd` to completion; its standard output goes to `stdout` (or nowhere)."""
    out = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL  # noqa: SIM115
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=out, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}
        )
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout is not None:
            out.close()  # type: ignore[union-attr]
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}): {err[-2000:]!r}")
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    import importlib.metadata as md

    def version(name: str) -> str:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return "not installed"

    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "proselint": version("proselint"),
        "nostrings commit": commit or "?",
        "load average (1/5/15 min) at start": load(),
    }


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
