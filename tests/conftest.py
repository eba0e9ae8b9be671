"""Shared test helpers: the repository layout and the corpus beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def linter_obj():
    from linter import Linter

    return Linter()
