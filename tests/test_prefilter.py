"""Skipping sentences without an anchor never changes a finding (DESIGN: it must not lose one)."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from linter import Linter
from linter.formats import read_bytes


def _docs():
    folders = [
        (CORPUS / "dev" / "political-emails", "text", "fundraising_email"),
        (CORPUS / "dev" / "fundraising-banners", "text", "fundraising_page"),
    ]
    for folder, fmt, channel in folders:
        for path in islice(sorted(folder.glob("*.txt")), 0, 400, 2):
            yield path, fmt, channel
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        yield path, "text", None
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        yield path, "text", "email"  # the fixture files themselves are dense with cues


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus beside the repo")
def test_prefilter_loses_no_finding() -> None:
    fast = Linter(prefilter=True)
    slow = Linter(prefilter=False)
    checked = 0
    for path, fmt, channel in _docs():
        data = Path(path).read_bytes()
        a = fast.lint_document(read_bytes(data, str(path), fmt, channel)).findings
        b = slow.lint_document(read_bytes(data, str(path), fmt, channel)).findings
        assert [f.to_dict() for f in a] == [f.to_dict() for f in b], path
        checked += 1
    assert checked > 200
