"""``profile-helper audit`` with positions, the stored LinkedIn profile and the completeness."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.my_profile import store
from profile_helper.core.my_profile.models import Certification, Position, Skill
from profile_helper.core.paths import database_path
from tests.cli.test_audit_cli import run_audit

POSITIONS_CSV = """Company Name,Title,Description,Location,Started On,Finished On
Northwind,Senior Data Engineer,"Built the Kafka pipelines behind 40 dashboards.",Hamburg,Mar 2021,
Contoso,Data Analyst,Responsible for weekly reports.,Berlin,Jan 2018,Jun 2020
"""
JOB = """Project Manager at Fabrikam.

Requirements:
- PMP certification required
- 5+ years managing construction projects
- Experience with MS Project and budgeting
"""


def _json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


@pytest.mark.slow
def test_positions_file_is_audited_as_experience(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "Positions.csv"
    path.write_text(POSITIONS_CSV, encoding="utf-8")
    data = _json(
        run_audit(
            data_dir, "--headline", "Data Engineer | Python", "--positions-file", str(path),
            "--format", "json",
        )
    )  # fmt: skip
    findings = [f for f in data["findings"] if f["section"] == "experience"]
    assert [f["id"] for f in findings] == [
        "experience.no_metrics",
        "experience.weak_opener",
        "experience.gap",
    ]
    assert data["sections"]["experience"]["limit"] == 2000
    text = run_audit(data_dir, "--positions-file", str(path))
    assert "Experience" in text.stdout and "experience.gap" in text.stdout


@pytest.mark.slow
def test_without_a_database_the_completeness_comes_from_the_options(data_dir: Path) -> None:
    data = _json(run_audit(data_dir, "--headline", "Data Engineer", "--format", "json"))
    completeness = data["completeness"]
    assert isinstance(completeness, dict)
    assert set(completeness) == {"items", "done", "total"}
    assert completeness["total"] == 7 and completeness["done"] == 1
    assert "experience" not in data["sections"]
    assert not database_path(data_dir).exists()  # an audit creates no database


@pytest.mark.slow
def test_the_stored_profile_is_used_unless_told_not_to(
    db: sqlite3.Connection, data_dir: Path, tmp_path: Path
) -> None:
    store.put_position(db, Position("Fabrikam", "Project Manager", "Ran 12 builds.", "", "2020"))
    store.put_certification(db, Certification("Project Management Professional (PMP)"))
    for order, (name, count) in enumerate([("Scheduling", 2), ("Budgeting", 30)]):
        store.put_skill(db, Skill(name, count), order)
    for i in range(50):
        add_contact(db, ContactDraft(first_name=f"P{i}", last_name="Q"))
    db.commit()
    job = tmp_path / "job.txt"
    job.write_text(JOB, encoding="utf-8")
    skills = tmp_path / "skills.txt"
    skills.write_text("Scheduling\nBudgeting\n", encoding="utf-8")
    args = ["--headline", "Project Manager | Construction", "--job-file", str(job)]
    args += ["--skills-file", str(skills), "--format", "json"]

    used = _json(run_audit(data_dir, *args))
    found = {d["keyword"]: d["found_in"] for d in used["keywords"]["job_detail"]}
    assert found["PMP"] == "certifications"
    assert "experience" in used["sections"]
    items = {i["id"]: i["done"] for i in used["completeness"]["items"]}
    assert items["connections"] and items["current_position"] and items["headline"]
    assert used["rewrites"]["skills"][-1] == "Scheduling"

    ignored = _json(run_audit(data_dir, *args, "--no-stored-profile"))
    found = {d["keyword"]: d["found_in"] for d in ignored["keywords"]["job_detail"]}
    assert found["PMP"] == "none"
    assert "experience" not in ignored["sections"]


@pytest.mark.slow
@pytest.mark.parametrize("content", [None, "Name,Age\nx,1\n"])
def test_a_bad_positions_file_fails_in_one_line(
    data_dir: Path, tmp_path: Path, content: str | None
) -> None:
    path = tmp_path / "Positions.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_audit(data_dir, "--positions-file", str(path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_help_says_when_the_stored_profile_is_used(data_dir: Path) -> None:
    result = run_audit(data_dir, "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--positions-file" in text and "--no-stored-profile" in text
    assert "stored LinkedIn profile" in text


@pytest.mark.slow
def test_certifications_file_counts_as_held(data_dir: Path, tmp_path: Path) -> None:
    certs = tmp_path / "Certifications.csv"
    certs.write_text(
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        "Project Management Professional (PMP),,PMI,Jan 2020,,123\n",
        encoding="utf-8",
    )
    job = tmp_path / "job.txt"
    job.write_text(JOB, encoding="utf-8")
    args = ["--headline", "Project Manager", "--job-file", str(job), "--format", "json"]
    held = _json(run_audit(data_dir, *args, "--certifications-file", str(certs)))
    found = {d["keyword"]: d["found_in"] for d in held["keywords"]["job_detail"]}
    assert found["PMP"] == "certifications"
    bad = run_audit(data_dir, *args, "--certifications-file", str(tmp_path / "none.csv"))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
