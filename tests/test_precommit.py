"""The pre-commit hook, run by the real `pre-commit` in a scratch content repository.

The `.pre-commit-config.yaml` is the README's example with only `repo` pointed at this
repository and `rev` at its HEAD commit, so pre-commit clones it, builds the hook's own
virtualenv (`pip install` of this package, as for any user) and runs the hook from
`.pre-commit-hooks.yaml`. The hook tests what is committed: commit before running them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from test_workflow_readme import WORKFLOWS, blocks, subsection
from workflow_util import BAD, BAD_COL, CLEAN, write

from linter.formats import EXTENSIONS, FORMATS

PRE_COMMIT = str(Path(sys.executable).parent / "pre-commit")
# Outside the repository (pytest would collect the clones pre-commit keeps there); reused
# between runs of the suite, as pre-commit reuses a hook environment built for the same commit.
PRE_COMMIT_HOME = Path(tempfile.gettempdir()) / "nostrings-tests-pre-commit-home"
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def test_hook_definition():
    [hook] = HOOKS
    assert hook["id"] == "nostrings"
    assert hook["language"] == "python"
    assert hook["entry"] == "nostrings check --force-exclude"
    assert hook["types"] == ["text"]


def test_hook_reads_every_prose_format_and_no_catalogs():
    files = re.compile(HOOKS[0]["files"])
    catalogs = {name for name, (_, channel) in FORMATS.items() if channel == "ui_strings"}
    for ext, fmt in EXTENSIONS.items():
        assert bool(files.search(f"copy/page{ext}")) is (fmt not in catalogs), ext
        assert bool(files.search(f"copy/PAGE{ext.upper()}")) is (fmt not in catalogs), ext
    assert not files.search("setup.py") and not files.search("notes.md.bak")


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    if not (ROOT / ".git").exists():
        pytest.fail("the pre-commit test needs this repository as a git checkout")
    [block] = blocks(subsection(WORKFLOWS, "Pre-commit hook"), "yaml")
    example = yaml.safe_load(block)["repos"][0]
    assert example["hooks"] == [{"id": "nostrings"}]
    rev = git("rev-parse", "HEAD", cwd=ROOT)
    config = block.replace(example["repo"], str(ROOT)).replace(
        f"rev: {example['rev']}", f"rev: {rev}"
    )
    repo = tmp_path_factory.mktemp("content-repo")
    git("init", "-q", cwd=repo)
    write(
        repo,
        {
            ".pre-commit-config.yaml": config,
            "nostrings.toml": 'extend-exclude = ["archive/**"]\n',
            "content/bad.md": f"# Offer\n\n{BAD}\n",
            "content/good.md": f"# Thanks\n\n{CLEAN}\n",
            "archive/old.md": BAD + "\n",
            "data/strings.yml": f'offer: "{BAD}"\n',
        },
    )
    git("add", "-A", cwd=repo)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NO_COLOR", "GIT_"))}
    env["PRE_COMMIT_HOME"] = str(PRE_COMMIT_HOME)
    env.update(
        GIT_AUTHOR_NAME="Copy Writer",
        GIT_AUTHOR_EMAIL="writer@example.com",
        GIT_COMMITTER_NAME="Copy Writer",
        GIT_COMMITTER_EMAIL="writer@example.com",
    )
    # build the hook's environment once (pip installs this package and spaCy)
    r = subprocess.run(
        [PRE_COMMIT, "install-hooks"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return repo, env


def pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PRE_COMMIT, "run", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )


def test_hook_fails_on_bad_copy(content_repo):
    repo, env = content_repo
    r = pre_commit(repo, env, "--files", "content/bad.md", "content/good.md")
    assert r.returncode == 1
    assert re.search(r"^nostrings\.+Failed$", r.stdout, re.M)
    assert f"content/bad.md:3:{BAD_COL}: RCP011 [error]" in r.stdout
    assert "Found 1 problem (1 error, 0 warnings, 0 info) in 2 files." in r.stdout


def test_hook_passes_on_clean_copy(content_repo):
    repo, env = content_repo
    r = pre_commit(repo, env, "--files", "content/good.md")
    assert r.returncode == 0, r.stdout
    assert re.search(r"^nostrings\.+Passed$", r.stdout, re.M)


def test_hook_honours_excludes_and_skips_catalogs(content_repo):
    repo, env = content_repo
    r = pre_commit(repo, env, "--files", "archive/old.md", "data/strings.yml")
    assert r.returncode == 0, r.stdout
    assert "RCP011" not in r.stdout


def test_commit_is_refused_then_accepted(content_repo):
    repo, env = content_repo
    subprocess.run(
        [PRE_COMMIT, "install"], cwd=repo, env=env, check=True, capture_output=True, timeout=120
    )
    git("reset", "-q", cwd=repo)
    git("add", ".pre-commit-config.yaml", "nostrings.toml", "content/bad.md", cwd=repo)
    r = subprocess.run(
        ["git", "commit", "-m", "offer"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert r.returncode != 0
    assert "RCP011" in r.stdout + r.stderr
    write(repo, {"content/bad.md": f"# Offer\n\n{CLEAN}\n"})
    git("add", "content/bad.md", cwd=repo)
    r = subprocess.run(
        ["git", "commit", "-m", "offer, rewritten"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert (
        git(
            "log",
            "--format=%s",
            cwd=repo,
        )
        == "offer, rewritten"
    )
