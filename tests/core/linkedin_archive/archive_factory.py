"""LinkedIn data exports built in code: every file the import reads, in the shapes they come in.

:func:`export_files` gives a small, realistic export (non-Latin names, HTML entities, multi-line
cells, a BOM here, a "Notes:" preamble there, every date shape); :func:`write_zip` and
:func:`write_folder` lay it out as LinkedIn's ZIP or its unpacked folder.
:func:`write_big_zip` streams a large one (tens of thousands of connections and messages)
without holding it in memory.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2024, 6, 1)
"""The day the tests import on: the recent application is within 30 days of it."""
ME = ("Sam", "Rivera")
ME_URL = "https://www.linkedin.com/in/sam-rivera"

ANA = "https://www.linkedin.com/in/ana-garcia"
WEI = "https://www.linkedin.com/in/wangwei"
ELENI = "https://www.linkedin.com/in/eleni-papadopoulou"
BO = "https://www.linkedin.com/in/bo-chen"
ZOE = "https://www.linkedin.com/in/zoe-stranger"

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    'missing."\n'
    "\n"
)


def table(header: list[str], rows: Iterable[list[str]], *, crlf: bool = False) -> str:
    """CSV text as LinkedIn writes it (quoting only what needs it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


CONNECTIONS_HEADER = [
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
]  # fmt: skip
MESSAGES_HEADER = [
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER",
]  # fmt: skip


def connections() -> str:
    rows = [
        ["Ana", "García", ANA + "?trk=public_profile", "", "TechStart, Inc.", "CTO",
         "15 Jan 2024"],
        ["伟", "王", "https://cn.linkedin.com/in/wangwei/", "wei@example.cn", "华为", "Engineer",
         "01 Feb 2023"],
        ["Ελένη", "Παπαδοπούλου", ELENI, "", "Acme &amp; Co", "Designer", "4-Apr-21"],
        ["Bo", "Chen", BO, "", "Globex", "Data Scientist", "20 Mar 2022"],
        ["", "", "", "", "", "", "12 Mar 2022"],
    ]  # fmt: skip
    return NOTES + table(CONNECTIONS_HEADER, rows)


def messages(today: date = TODAY) -> str:
    me = " ".join(ME)
    recent = f"{today - timedelta(days=3)} 09:15:00 UTC"
    rows = [
        ["conv-ana", "", me, ME_URL, "Ana García", ANA, "2024-01-16 10:00:00 UTC", "Hello",
         "Thanks for connecting!", "INBOX"],
        ["conv-ana", "", "Ana García", ANA, me, ME_URL, "2024-01-17 08:30:00 UTC", "",
         "Happy to help &amp; chat.\nCall on Monday?", "INBOX"],
        # Three people: Wei writes to the person and Ana; each other participant gets it.
        ["conv-three", "Project", "王 伟", WEI, f"{me},Ana García", f"{ME_URL},{ANA}", recent,
         "", "Shall we meet?", "INBOX"],
        ["conv-three", "Project", me, ME_URL, "王 伟,Ana García", f"{WEI},{ANA}",
         f"{today - timedelta(days=2)} 11:00:00 UTC", "", "Yes, Thursday.", "INBOX"],
        # By name only: an old export without profile URLs.
        ["conv-eleni", "", "Ελένη Παπαδοπούλου", "", me, "", "2023-05-02 07:00:00 UTC", "",
         "Γεια σου!", "INBOX"],
        ["conv-stranger", "", "Recruiter Person", "https://www.linkedin.com/in/recruiter-x",
         me, ME_URL, "2024-02-01 12:00:00 UTC", "Opportunity", "Interested?", "INBOX"],
        ["conv-ana", "", "Ana García", ANA, me, ME_URL, "yesterday-ish", "", "?", "INBOX"],
    ]  # fmt: skip
    return table(MESSAGES_HEADER, rows)


def invitations() -> str:
    header = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
              "inviteeProfileUrl"]  # fmt: skip
    me = " ".join(ME)
    rows = [
        [me, "Zoe Stranger", "5/10/24, 10:00 AM", "Loved your talk!", "OUTGOING", ME_URL, ZOE],
        [me, "Ana García", "1/14/24, 9:05 PM", "", "OUTGOING", ME_URL, ANA],
        ["Unknown Person", me, "5/20/24, 8:00 AM", "", "INCOMING",
         "https://www.linkedin.com/in/unknown-p", ME_URL],
        ["Bo Chen", me, "3/19/22, 4:45 PM", "Hi Sam", "INCOMING", BO, ME_URL],
    ]  # fmt: skip
    return table(header, rows)


def profile() -> str:
    header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
              "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
              "Instant Messengers"]  # fmt: skip
    row = [ME[0], ME[1], "", "", "", "Data Engineer &amp; Analyst",
           "I build data pipelines.\nI like SQL.", "Software Development", "", "Berlin, Germany",
           "", "[PERSONAL:https://sam.example,COMPANY:https://acme.example/team]", ""]  # fmt: skip
    return "\ufeff" + table(header, [row])


def positions() -> str:
    header = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    rows = [
        ["Acme", "Data Engineer", "Pipelines in Python.\nAirflow &amp; dbt.", "Berlin",
         "Jan 2022", ""],
        ["Globex", "Intern", "", "", "2019", "Dec 2020"],
    ]  # fmt: skip
    return table(header, rows, crlf=True)


def education() -> str:
    header = ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"]
    return table(header, [["TU Berlin", "2015", "2019", "", "BSc Computer Science", "Chess"]])


def certifications() -> str:
    header = ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"]
    rows = [["AWS Solutions Architect", "https://aws.example/cert", "Amazon", "Mar 2023", "",
             "ABC-123"]]  # fmt: skip
    return table(header, rows)


def skills() -> str:
    return table(["Name"], [["Python"], ["SQL"], ["Data Modeling"]])


def endorsements() -> str:
    header = ["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
              "Endorser Public Url", "Endorsement Status"]  # fmt: skip
    rows = [
        ["2024/01/20 10:00:00 UTC", "Python", "Ana", "García", ANA, "ACCEPTED"],
        ["2024/01/21 10:00:00 UTC", "python", "Bo", "Chen", BO, "ACCEPTED"],
        ["2024/01/22 10:00:00 UTC", "SQL", "Ana", "García", ANA, "ACCEPTED"],
    ]
    return table(header, rows)


def job_applications(today: date = TODAY) -> str:
    header = ["Application Date", "Contact Email", "Contact Phone Number", "Company Name",
              "Job Title", "Job Url", "Resume Name", "Question And Answers"]  # fmt: skip
    recent = today - timedelta(days=5)
    rows = [
        ["1/15/24, 10:00 AM", "sam@example.com", "", "Initech", "Data Engineer",
         "https://www.linkedin.com/jobs/view/111/?refId=abc", "cv.pdf",
         "Years of Python?: 5\nVisa?: No"],
        [f"{recent.month}/{recent.day}/{recent.year % 100:02d}, 3:30 PM", "", "", "Hooli",
         "Analytics Engineer", "https://www.linkedin.com/jobs/view/222/", "cv.pdf", ""],
        ["2/2/24, 9:00 AM", "", "", "Umbrella", "ML Engineer", "", "cv.pdf", ""],
        ["2/3/24, 9:00 AM", "", "", "", "No Company", "", "", ""],
    ]  # fmt: skip
    return table(header, rows)


def saved_jobs() -> str:
    header = ["Saved Date", "Job Url", "Job Title", "Company Name"]
    rows = [
        ["2024-01-10 08:00:00", "https://www.linkedin.com/jobs/view/111", "Data Engineer",
         "Initech"],
        ["2024-05-30 18:00:00", "https://www.linkedin.com/jobs/view/333", "Platform Engineer",
         "Stark"],
    ]  # fmt: skip
    return table(header, rows)


def export_files(today: date = TODAY) -> dict[str, bytes]:
    """Every file of a small export by its path inside the ZIP."""
    texts = {
        "Profile.csv": profile(),
        "Connections.csv": connections(),
        "messages.csv": messages(today),
        "Invitations.csv": invitations(),
        "Positions.csv": positions(),
        "Education.csv": education(),
        "Certifications.csv": certifications(),
        "Skills.csv": skills(),
        "Endorsement_Received_Info.csv": endorsements(),
        "Jobs/Job Applications.csv": job_applications(today),
        "Jobs/Saved Jobs.csv": saved_jobs(),
        "Rich_Media.csv": table(["Date/Time", "Media Link"], [["x", "y"]]),
        "Ad_Targeting.csv": table(["Member Age"], [["25 to 34"]]),
    }
    return {name: text.encode("utf-8") for name, text in texts.items()}


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def write_folder(path: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return path


# A large export: realistic names and companies in rotation, unique profile URLs.
_FIRSTS = ["Ana", "Bo", "Chen", "Dana", "Emeka", "Fatima", "Gus", "Hana", "Ivan", "Jo", "伟"]
_LASTS = ["Smith", "García", "Nguyen", "Okafor", "Müller", "Kowalski", "Tanaka", "Rossi"]
_FIRMS = ["TechStart, Inc.", "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark"]


def big_person(i: int) -> tuple[str, str, str]:
    first, last = _FIRSTS[i % len(_FIRSTS)], _LASTS[(i // 11) % len(_LASTS)]
    return first, last, f"https://www.linkedin.com/in/person-{i}"


def big_connection_rows(count: int) -> Iterator[list[str]]:
    for i in range(count):
        first, last, url = big_person(i)
        day = date(2015, 1, 1) + timedelta(days=i % 3000)
        yield [first, last, url, f"p{i}@example.com" if i % 9 == 0 else "",
               _FIRMS[i % len(_FIRMS)], "Engineer", day.strftime("%d %b %Y")]  # fmt: skip


def big_message_rows(count: int, contacts: int, padding: int = 0) -> Iterator[list[str]]:
    """Conversations of ten messages, alternating between the person and one contact; each
    text is made ``padding`` characters longer (long messages, with line breaks)."""
    filler = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n" * (padding // 57 + 1))[
        :padding
    ]
    me = " ".join(ME)
    start = date(2020, 1, 1)
    for i in range(count):
        conversation = i // 10
        first, last, url = big_person((conversation * 7919) % contacts)
        other = f"{first} {last}"
        moment = f"{start + timedelta(days=(i // 40) % 1500)} {i % 24:02d}:{i % 60:02d}:00 UTC"
        text = (f"Message {i}: thanks, talk soon.\nBest" if i % 3 else "Ok") + filler
        if i % 2:
            yield [f"conv-{conversation}", "", me, ME_URL, other, url, moment, "", text, "INBOX"]
        else:
            yield [f"conv-{conversation}", "", other, url, me, ME_URL, moment, "", text, "INBOX"]


def _stream_table(archive: zipfile.ZipFile, name: str, header: list[str],
                  rows: Iterable[list[str]], preamble: str = "") -> None:  # fmt: skip
    with archive.open(name, "w", force_zip64=True) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        text.write(preamble)
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        text.flush()
        text.detach()


def write_big_folder(
    path: Path, connection_count: int, message_count: int, padding: int = 0
) -> Path:
    """The unpacked export, written as it is generated: for a messages.csv of hundreds of MB."""
    path.mkdir(parents=True, exist_ok=True)
    (path / "Profile.csv").write_text(profile(), encoding="utf-8")
    for name, header, rows, preamble in (
        ("Connections.csv", CONNECTIONS_HEADER, big_connection_rows(connection_count), NOTES),
        (
            "messages.csv",
            MESSAGES_HEADER,
            big_message_rows(message_count, connection_count, padding),
            "",
        ),
    ):
        with (path / name).open("w", encoding="utf-8", newline="") as file:
            file.write(preamble)
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
    return path


def write_big_zip(path: Path, connection_count: int, message_count: int) -> Path:
    """An export with this many connections and messages, written as it is generated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", profile().encode("utf-8"))
        _stream_table(
            archive, "Connections.csv", CONNECTIONS_HEADER,
            big_connection_rows(connection_count), NOTES,
        )  # fmt: skip
        _stream_table(
            archive, "messages.csv", MESSAGES_HEADER,
            big_message_rows(message_count, connection_count),
        )  # fmt: skip
    return path
