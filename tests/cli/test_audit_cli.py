"""``profile-helper audit`` run as a real process: exact option names, JSON shape, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.core.audit.profiles import GOOD_ABOUT, GOOD_HEADLINE, GOOD_SKILLS, JOB


def run_audit(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "profile_helper", "--data-dir", str(data_dir), "audit", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in (
        ("headline", GOOD_HEADLINE),
        ("about", GOOD_ABOUT),
        ("skills", GOOD_SKILLS),
        ("job", JOB),
    ):
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.slow
def test_json_output_has_the_documented_shape(data_dir: Path, files: dict[str, Path]) -> None:
    result = run_audit(
        data_dir,
        "--headline-file", str(files["headline"]),
        "--about-file", str(files["about"]),
        "--skills-file", str(files["skills"]),
        "--job-file", str(files["job"]),
        "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {
        "score",
        "sections",
        "findings",
        "keywords",
        "match_rate",
        "rewrites",
        "completeness",
    }
    assert {"headline", "about", "skills"} <= set(data["rewrites"])  # keys may be added
    assert len(data["rewrites"]["headline"]) >= 3
    assert data["sections"]["about"] == {"score": 100, "length": len(GOOD_ABOUT), "limit": 2600}
    assert data["keywords"]["job"][:2] == ["Data Engineer", "Python"]
    assert data["match_rate"] == 1.0
    assert data["findings"] == []


@pytest.mark.slow
def test_text_output_and_missing_sections(data_dir: Path, files: dict[str, Path]) -> None:
    result = run_audit(
        data_dir, "--headline", "SEEKING OPPORTUNITIES", "--job-file", str(files["job"])
    )
    assert result.returncode == 0, result.stderr
    assert "Score:" in result.stdout
    assert "(headline.job_seeking_phrase)" in result.stdout
    assert "(about.empty)" in result.stdout and "(skills.empty)" in result.stdout
    assert "Job match:" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("problem", ["missing", "binary", "latin1", "folder"])
def test_unreadable_files_fail_in_one_line(data_dir: Path, tmp_path: Path, problem: str) -> None:
    path = tmp_path / "about.txt"
    if problem == "binary":
        path.write_bytes(b"\x7fELF\x00\x01\x02")
    elif problem == "latin1":
        path.write_bytes("Gérant de café".encode("latin-1"))
    elif problem == "folder":
        path.mkdir()
    result = run_audit(data_dir, "--about-file", str(path), "--format", "json")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("profile-helper: error:")
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_headline_and_headline_file_are_exclusive(data_dir: Path, files: dict[str, Path]) -> None:
    result = run_audit(data_dir, "--headline", "x", "--headline-file", str(files["headline"]))
    assert result.returncode == 2
    assert "not allowed with" in result.stderr


@pytest.mark.slow
def test_a_posting_in_another_language_is_refused_in_one_line(tmp_path: Path) -> None:
    job = tmp_path / "stelle.txt"
    job.write_text(
        "Wir suchen eine engagierte Pflegefachkraft für unsere Intensivstation. Sie sind "
        "verantwortlich für die Versorgung der Patienten und arbeiten eng mit dem Team zusammen. "
        "Wir bieten eine faire Vergütung und ein tolles Team mit vielen Möglichkeiten.",
        encoding="utf-8",
    )
    result = run_audit(tmp_path / "data", "--headline", "Nurse", "--job-file", str(job))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "English" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_job_detail_in_the_json_names_kind_importance_and_place(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    result = run_audit(
        tmp_path / "data",
        "--headline-file", str(files["headline"]),
        "--skills-file", str(files["skills"]),
        "--job-file", str(files["job"]),
        "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    keywords = json.loads(result.stdout)["keywords"]
    detail = keywords["job_detail"]
    assert [d["keyword"] for d in detail] == keywords["job"]
    title = detail[0]
    assert title["kind"] == "title" and title["importance"] == "required"
    assert {d["found_in"] for d in detail} <= {"headline", "about", "skills", "none"}
    assert all(d["found_in"] == "none" for d in detail if d["keyword"] in keywords["missing"])
