"""People you know at an application's company: who could introduce you or refer you.

Company names are compared by a key that ignores case, accents, punctuation, spacing and legal
forms, so "Société Générale S.A." and "Societe  Generale" are one company. The key is
computed once per distinct company name (contacts at one employer share it), which keeps a
look-up over 30,000 contacts to one scan of their companies.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from profile_helper.core.resources import read_text


@cache
def legal_forms() -> frozenset[str]:
    """The legal forms of ``resources/applications/legal_forms.txt``."""
    lines = read_text("applications/legal_forms.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


_DOTS = re.compile(r"\.")
_NOT_WORD = re.compile(r"[^\w/]+|_")


@lru_cache(maxsize=65_536)
def company_key(name: str) -> str:
    """What two spellings of one company have in common ("" when there is no name)."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = _NOT_WORD.sub(" ", _DOTS.sub("", plain.replace("&", " "))).split()
    words = [w for w in words if w != "/"]
    while len(words) > 1 and words[-1] in legal_forms():
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return "".join(words).replace("/", "")


@dataclass(frozen=True)
class KnownPerson:
    """A contact who works at the company, as far as their record says."""

    id: int
    name: str
    position: str
    company: str
    url: str
    tier: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "position": self.position,
            "company": self.company,
            "url": self.url,
            "tier": self.tier,
        }


def contacts_at_company(conn: sqlite3.Connection, company: str) -> list[KnownPerson]:
    """The contacts whose company is ``company``, closest tier first, then by name."""
    key = company_key(company)
    if not key:
        return []
    rows = conn.execute(
        "SELECT id, first_name, last_name, position, company, url, tier FROM contacts "
        "WHERE company != ''"
    )
    found = [
        KnownPerson(
            int(row[0]),
            " ".join(p for p in (row[1], row[2]) if p),
            str(row[3]),
            str(row[4]),
            str(row[5] or ""),
            row[6],
        )
        for row in rows
        if company_key(row[4]) == key
    ]
    found.sort(key=lambda p: (p.tier is None, p.tier or 0, p.name.casefold()))
    return found
