"""The person's own profile from the export: ``Profile.csv``, ``Skills.csv`` with the counts of
``Endorsement_Received_Info.csv``, ``Positions.csv``, ``Education.csv`` and
``Certifications.csv``, each row stored by :mod:`profile_helper.core.my_profile.store`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from profile_helper.core.linkedin_archive.dates import partial_date
from profile_helper.core.linkedin_archive.importing import Importing, name_key
from profile_helper.core.linkedin_archive.layouts import (
    CERTIFICATIONS,
    EDUCATION,
    ENDORSEMENTS,
    POSITIONS,
    PROFILE,
    SKILLS,
)
from profile_helper.core.linkedin_archive.positions import position_from
from profile_helper.core.linkedin_archive.report import FileReport, combine
from profile_helper.core.linkedin_archive.source import Source
from profile_helper.core.linkedin_archive.table import Layout, Row, read_table
from profile_helper.core.my_profile import models, store
from profile_helper.core.my_profile.models import Certification, Education, Position, Skill
from profile_helper.core.settings import get_setting, set_setting

SOURCE = "linkedin"
_URL = re.compile(r"https?://[^\s,\]]+", re.IGNORECASE)


def _rows(job: Importing, source: Source, name: str, layout: Layout) -> Iterator[Row]:
    with source.open(name) as stream:
        for done, row in enumerate(read_table(stream, layout, name), start=1):
            job.tick(name, done)
            yield row


def websites(cell: str) -> list[str]:
    """The addresses of a ``Websites`` cell (``[PERSONAL:https://a.example,COMPANY:...]``)."""
    found = _URL.findall(cell)
    if found:
        return found
    return [w for w in (p.strip(" []") for p in cell.split(",")) if "." in w and " " not in w]


def import_profile(job: Importing, source: Source, name: str, report: FileReport) -> None:
    for index, (line, cells) in enumerate(_rows(job, source, name, PROFILE)):
        if index:
            report.skip(line, "a second profile row (the export has one)")
            continue
        full_name = " ".join(p for p in (cells["first_name"], cells["last_name"]) if p)
        if full_name:
            job.me.names.add(name_key(full_name))
        values: list[tuple[str, object]] = [
            (models.HEADLINE, cells["headline"]),
            (models.ABOUT, cells["summary"]),
            (models.INDUSTRY, cells["industry"]),
            (models.LOCATION, cells["location"]),
            (models.WEBSITES, websites(cells["websites"])),
        ]
        # An empty cell says nothing: what the person wrote in the app stays.
        outcomes: list[str] = [store.put_single_value(job.conn, k, v) for k, v in values if v]
        if full_name and not get_setting(job.conn, "profile.name", ""):
            set_setting(job.conn, "profile.name", full_name)
            outcomes.append("added")
        report.count(combine(outcomes))


def count_endorsements(job: Importing, source: Source, name: str, report: FileReport) -> None:
    """Endorsements received per skill, kept for Skills.csv (which is imported after)."""
    for line, cells in _rows(job, source, name, ENDORSEMENTS):
        if not cells["skill"]:
            report.skip(line, "no skill name")
            continue
        key = cells["skill"].casefold()
        job.endorsements[key] = job.endorsements.get(key, 0) + 1
    report.notes.append(
        f"{sum(job.endorsements.values())} endorsements of {len(job.endorsements)} skills, "
        "counted on Skills.csv."
    )


def import_skills(job: Importing, source: Source, name: str, report: FileReport) -> None:
    order = 0
    for line, cells in _rows(job, source, name, SKILLS):
        if not cells["name"]:
            report.skip(line, "no skill name")
            continue
        count = job.endorsements.get(cells["name"].casefold(), 0)
        report.count(store.put_skill(job.conn, Skill(cells["name"], count), order, SOURCE))
        order += 1


def _education(cells: dict[str, str]) -> Education | str:
    if not cells["school"]:
        return "no school name"
    return Education(
        school=cells["school"],
        degree=cells["degree"],
        notes=cells["notes"],
        activities=cells["activities"],
        started_on=partial_date(cells["started_on"]) or "",
        finished_on=partial_date(cells["finished_on"]) or "",
    )


def _certification(cells: dict[str, str]) -> Certification | str:
    if not cells["name"]:
        return "no certification name"
    return Certification(
        name=cells["name"],
        authority=cells["authority"],
        url=cells["url"],
        license_number=cells["license_number"],
        started_on=partial_date(cells["started_on"]) or "",
        finished_on=partial_date(cells["finished_on"]) or "",
    )


Item = Position | Education | Certification


def _importer(
    layout: Layout, build: Callable[[dict[str, str]], Item | str], put: Callable[..., str]
) -> Callable[[Importing, Source, str, FileReport], None]:
    """The importer of a file whose rows each become one stored item."""

    def run(job: Importing, source: Source, name: str, report: FileReport) -> None:
        for line, cells in _rows(job, source, name, layout):
            item = build(cells)
            if isinstance(item, str):
                report.skip(line, item)
            else:
                report.count(put(job.conn, item, SOURCE))

    return run


_import_position_rows = _importer(POSITIONS, position_from, store.put_position)


def import_positions(job: Importing, source: Source, name: str, report: FileReport) -> None:
    """The positions; the current one also fills "current role" (which messages sign with)
    when the person has not written one."""
    _import_position_rows(job, source, name, report)
    current = next((p for p in store.positions(job.conn) if p.current and p.title), None)
    if current is not None and not get_setting(job.conn, "profile.current_role", ""):
        role = f"{current.title} at {current.company}" if current.company else current.title
        set_setting(job.conn, "profile.current_role", role)
        report.notes.append(f"Your current role is now “{role}” (Settings).")


import_education = _importer(EDUCATION, _education, store.put_education)
import_certifications = _importer(CERTIFICATIONS, _certification, store.put_certification)
