"""The README's first command lints the bundled sample copy: problems found, honest copy quiet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

EXPECTED = {
    "fixtures/emails/welcome-checklist.eml": {"RCP004", "RCP018"},
    "fixtures/emails/donor-thank-you.eml": {"RCP013", "RCP014"},
    "fixtures/pages/free-audit.html": {"RCP004", "RCP007", "RCP018", "RCP020"},
    "fixtures/appeals/spring-appeal.md": {"RCP011", "RCP012"},
    "fixtures/ui/en.yml": {"RCP020"},
}
CLEAN = (
    "fixtures/emails/newsletter-clean.eml",
    "fixtures/pages/pricing-clean.md",
    "fixtures/appeals/impact-report-clean.txt",
)


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("nostrings")
    return subprocess.run(
        [str(exe), "check", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_sample_copy_findings() -> None:
    proc = _check("--output-format", "json", "fixtures/")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    files = {f["path"]: f for f in json.loads(proc.stdout)["files"]}
    assert set(EXPECTED) | set(CLEAN) <= set(files)
    for path, codes in EXPECTED.items():
        found = {x["code"] for x in files[path]["findings"]}
        assert codes <= found, (path, found)
    for path in CLEAN:
        assert files[path]["findings"] == [], (path, files[path]["findings"])


def test_sample_text_output_says_what_to_write_instead() -> None:
    proc = _check("--no-color", "fixtures/")
    lines = proc.stdout.splitlines()
    heads = [line for line in lines if line.startswith("fixtures/")]
    assert heads and all(": RCP0" in h and "[" in h for h in heads)
    assert sum(1 for line in lines if line.startswith("  fix: ")) == len(heads)
    assert sum(1 for line in lines if line.startswith("  seed: ")) == len(heads)
    assert lines[-1].startswith("Found ")
