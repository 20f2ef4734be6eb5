"""Job applications and saved jobs from the export: dates, dedup, and which get follow-ups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.applications.store import get_application, insert_application
from profile_helper.core.contacts.followups import add_follow_up, open_for_application
from profile_helper.core.linkedin_archive.jobs import job_key
from profile_helper.core.linkedin_archive.run import import_archive
from tests.core.linkedin_archive import archive_factory as factory


def test_job_keys() -> None:
    url = "https://www.linkedin.com/jobs/view/111/?refId=abc&trk=x"
    assert job_key(url, "", "", "") == "job:www.linkedin.com/jobs/view/111"
    assert job_key("", " Umbrella ", "ML  Engineer", "2024-02-02") == (
        "job:umbrella|ml engineer|2024-02-02"
    )


def test_a_job_saved_by_hand_and_applied_to_long_ago_keeps_its_own_follow_up(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    draft = ApplicationDraft("Initech", "Data Engineer", "https://www.linkedin.com/jobs/view/111")
    app_id = insert_application(db, draft, "2024-01-10")
    mine = add_follow_up(db, None, "2024-07-01", "Ask Ana about Initech", application_id=app_id)
    db.commit()
    folder = factory.write_folder(tmp_path / "export", factory.export_files())
    report = import_archive(db, folder, today=factory.TODAY)
    app = get_application(db, app_id)
    assert (app.status, app.applied_on) == ("applied", "2024-01-15")
    # Applied in January, imported in June: history, not something to chase now.
    assert [f.id for f in open_for_application(db, app_id)] == [mine]
    applications = report.file("Job Applications.csv")
    assert (applications.added, applications.updated) == (2, 1)
    assert report.file("Saved Jobs.csv").unchanged == 1
