"""Helpers for the workflow tests: the installed command, copy that does and does not fire."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from linter.cli import main

# The console script installed beside this interpreter (the venv CI builds).
NOSTRINGS = str(Path(sys.executable).parent / "nostrings")

# Written for these tests (never corpus text). BAD fires RCP011 at "return the favor".
BAD = "We sent you the full playbook for free, now it's your turn to return the favor."
BAD_COL = BAD.index("return the favor") + 1
CLEAN = "Thanks for reading. The spring catalogue arrives on Monday."

EML = """\
From: Shop <news@shop.example>
To: reader@example.com
Subject: Your playbook
Date: Mon, 3 Mar 2025 10:00:00 +0000
Message-ID: <1@shop.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi,

{body}

Unsubscribe: https://shop.example/unsubscribe
Shop Ltd, 1 Main Street, Springfield
"""


def cli(*args: str, cwd: Path | None = None, input: str | None = None) -> Result:
    """Run `nostrings` in this process (fast); `cwd` is entered for the call."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed `nostrings` command in a new process."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.pop("FORCE_COLOR", None)
    full_env.pop("NOSTRINGS_CACHE_DIR", None)
    full_env.update(env or {})
    return subprocess.run(
        [NOSTRINGS, *args],
        cwd=cwd,
        env=full_env,
        input=input,
        capture_output=True,
        text=True,
        timeout=600,
    )


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
