"""Files the contacts tests import, built in code in each shape LinkedIn and others produce."""

from __future__ import annotations

import zipfile
from pathlib import Path

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\n'
    "\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
HEADER_NO_URL = "First Name,Last Name,Email Address,Company,Position,Connected On"


def connections_csv(
    rows: list[str],
    *,
    preamble: bool = True,
    url_column: bool = True,
    excel: bool = False,
) -> bytes:
    """A Connections.csv: current shape by default; ``excel`` adds the BOM and CRLF of a re-save."""
    text = (PREAMBLE if preamble else "") + (HEADER if url_column else HEADER_NO_URL) + "\n"
    text += "".join(r + "\n" for r in rows)
    if excel:
        return ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    return text.encode("utf-8")


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def export_zip(path: Path, connections: bytes | None) -> Path:
    """LinkedIn's export ZIP, with Connections.csv among other files (or without it)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nMe,Myself\n")
        archive.writestr("messages.csv", "CONVERSATION ID,FROM\n1,Me\n")
        if connections is not None:
            archive.writestr("Connections.csv", connections)
    return path


def big_connections(count: int) -> bytes:
    """A realistic export of ``count`` connections (unique URLs, mostly without email)."""
    firsts = ["Ana", "Bo", "Chen", "Dana", "Emeka", "Fatima", "Gus", "Hana", "Ivan", "Jo"]
    lasts = ["Smith", "García", "Nguyen", "Okafor", "Müller", "Kowalski", "Tanaka", "Rossi"]
    firms = ['"TechStart, Inc."', "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark"]
    roles = ["Engineer", "Recruiter", "Product Manager", "Designer", "CTO", "Data Scientist"]
    rows = []
    for i in range(count):
        first, last = firsts[i % len(firsts)], lasts[(i // 10) % len(lasts)]
        email = f"p{i}@example.com" if i % 9 == 0 else ""
        rows.append(
            f"{first},{last},https://www.linkedin.com/in/{first.lower()}-{i}?trk=x,{email},"
            f"{firms[i % len(firms)]},{roles[i % len(roles)]},{1 + i % 28} Jan 20{10 + i % 14}"
        )
    return connections_csv(rows)
