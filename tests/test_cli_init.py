"""`nostrings init` writes a starter configuration that loads, and never overwrites one."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from workflow_util import BAD, BAD_COL, cli, write

from linter import config as configmod

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXAMPLE = re.compile(r'^# ((?:\[|"?[A-Za-z*][\w\-*./]*"?\s*=).*)$')


def uncomment(text: str) -> str:
    """Turn every commented example setting into a real one."""
    return "\n".join(EXAMPLE.sub(r"\1", line) for line in text.splitlines()) + "\n"


def test_init_writes_a_starter_that_loads_and_is_used(tmp_path: Path):
    r = cli("init", cwd=tmp_path)
    assert r.exit_code == 0
    assert r.stdout == "Wrote nostrings.toml. Edit it, then run: nostrings check\n"
    target = tmp_path / "nostrings.toml"
    cfg = configmod.load(target)
    assert cfg.fail_on == "error" and cfg.path == target
    write(tmp_path, {"a.txt": BAD + "\n"})
    r = cli("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert r.exit_code == 1 and f"a.txt:1:{BAD_COL}: RCP011" in r.stdout
    write(tmp_path, {"nostrings.toml": target.read_text().replace('"error"', '"warning"')})
    assert configmod.load(target).fail_on == "warning"  # the active line is the one that counts


def test_every_commented_example_is_valid_configuration(tmp_path: Path):
    cli("init", cwd=tmp_path)
    text = (tmp_path / "nostrings.toml").read_text()
    full = uncomment(text)
    assert full.count("\n[") >= 5 and "[[overrides]]" in full
    cfg = configmod.from_dict(tomllib.loads(full), tmp_path / "nostrings.toml")
    assert cfg.overrides[0]["channel"] == "email"
    assert cfg.severity == {"RCP019": "info"}
    assert cfg.per_file_ignores == {"legal/**": ["RCP005"]}
    assert "archive/**" in cfg.exclude
    assert cfg.cache is True and cfg.jobs == 1


def test_init_refuses_to_overwrite(tmp_path: Path):
    write(tmp_path, {"nostrings.toml": "# mine\n"})
    r = cli("init", cwd=tmp_path)
    assert r.exit_code == 2
    assert "nostrings.toml already exists; not overwriting it" in r.stderr
    assert (tmp_path / "nostrings.toml").read_text() == "# mine\n"


def test_init_pyproject_appends_a_table(tmp_path: Path):
    original = '[project]\nname = "copy"\nversion = "1"\n'
    write(tmp_path, {"pyproject.toml": original})
    r = cli("init", "--pyproject", cwd=tmp_path)
    assert r.exit_code == 0
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith(original + "\n# nostrings configuration.")
    data = tomllib.loads(uncomment(text))
    assert data["project"]["name"] == "copy"
    cfg = configmod.from_dict(data["tool"]["nostrings"], tmp_path / "pyproject.toml")
    assert cfg.overrides[0]["files"] == ["emails/**"]
    assert configmod.find_config_file(tmp_path) == tmp_path / "pyproject.toml"
    r = cli("init", "--pyproject", cwd=tmp_path)
    assert r.exit_code == 2 and "already has a [tool.nostrings] table" in r.stderr
    assert (tmp_path / "pyproject.toml").read_text() == text


def test_init_pyproject_creates_the_file_and_init_takes_a_folder(tmp_path: Path):
    (tmp_path / "site").mkdir()
    assert cli("init", "--pyproject", "site", cwd=tmp_path).exit_code == 0
    assert configmod.load(tmp_path / "site" / "pyproject.toml").fail_on == "error"
    r = cli("init", "missing", cwd=tmp_path)
    assert r.exit_code == 2 and "does not exist" in r.stderr
