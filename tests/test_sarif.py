"""SARIF output validates against the official OASIS 2.1.0 schema and carries what viewers need."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import SHARED
from workflow_util import BAD, BAD_COL, CLEAN, EML, cli, write

from linter.registry import ALL_RULES

SCHEMA = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@pytest.fixture
def copy_repo(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "site/landing page.html": f"<html><body><h1>Offer</h1>\n<p>{BAD}</p></body></html>\n",
            "mail/welcome.eml": EML.format(body=BAD),
            "notes/plain.txt": f"Intro.\n\n{BAD}\n",
            "notes/clean.txt": CLEAN + "\n",
            "site/legacy.html": "<p>Thanks.</p>\n<!-- nostrings-disable-next-line RCP011 -->\n",
        },
    )
    return tmp_path


def sarif(root: Path, *args: str) -> tuple[int, dict]:
    r = cli("check", "--no-cache", "--output-format", "sarif", *args, cwd=root)
    return r.exit_code, json.loads(r.stdout)


def test_findings_in_several_formats_validate(copy_repo: Path):
    code, log = sarif(copy_repo, "mail", "notes", "site")
    assert code == 1
    validate(log)
    run = log["runs"][0]
    got = [
        (
            res["ruleId"],
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            res["locations"][0]["physicalLocation"]["region"]["startLine"],
            res["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for res in run["results"]
        if res["ruleId"] in ("RCP011", "NOS001")
    ]
    assert got == [
        ("RCP011", "mail/welcome.eml", 11, BAD_COL),
        ("RCP011", "notes/plain.txt", 3, BAD_COL),
        ("RCP011", "site/landing%20page.html", 2, BAD_COL + 3),
        ("NOS001", "site/legacy.html", 2, 1),
    ]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == copy_repo.resolve().as_uri() + "/"
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_result_carries_rule_index_level_fix_region_and_fingerprint(copy_repo: Path):
    _, log = sarif(copy_repo, "notes/plain.txt", "--select", "RCP011")
    run = log["runs"][0]
    [res] = run["results"]
    rules = run["tool"]["driver"]["rules"]
    assert rules[res["ruleIndex"]]["id"] == "RCP011"
    assert res["level"] == "error"
    fix = next(r for r in ALL_RULES if r.code == "RCP011").corrective
    assert res["message"]["text"].endswith(f"\nFix: {fix}")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 3,
        "startColumn": BAD_COL,
        "endLine": 3,
        "endColumn": BAD_COL + len("return the favor"),
        "snippet": {"text": "return the favor"},
    }
    j = json.loads(
        cli(
            "check", "--no-cache", "--output-format", "json", "notes/plain.txt", cwd=copy_repo
        ).stdout
    )
    fp = j["files"][0]["findings"][0]["fingerprint"]
    assert res["partialFingerprints"] == {"nostrings/v1": fp}


def test_driver_describes_every_rule(copy_repo: Path):
    _, log = sarif(copy_repo, "notes/clean.txt")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES] + ["NOS001"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for desc, rule in zip(rules[:-1], ALL_RULES, strict=True):
        assert desc["name"] == rule.name
        assert desc["shortDescription"]["text"] == rule.summary
        assert desc["fullDescription"]["text"].strip()
        assert desc["help"]["text"].startswith(rule.corrective)
        assert rule.corrective in desc["help"]["markdown"]
        assert desc["defaultConfiguration"]["level"] == levels[rule.severity.value]


def test_clean_run_validates_with_no_results(copy_repo: Path):
    code, log = sarif(copy_repo, "notes/clean.txt")
    assert code == 0
    validate(log)
    assert log["runs"][0]["results"] == []


def test_unreadable_file_is_a_notification_and_unsuccessful(copy_repo: Path):
    (copy_repo / "notes" / "binary.txt").write_bytes(b"\x00\x01\x02copy")
    code, log = sarif(copy_repo, "notes")
    assert code == 2
    validate(log)
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    [note] = inv["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"].startswith("notes/binary.txt: binary file")


def test_sarif_output_is_deterministic(copy_repo: Path):
    a = cli("check", "--no-cache", "--output-format", "sarif", "site", "notes", cwd=copy_repo)
    b = cli("check", "--no-cache", "--output-format", "sarif", "site", "notes", cwd=copy_repo)
    assert a.stdout == b.stdout
