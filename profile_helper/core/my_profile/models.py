"""The parts of the person's own profile, as plain data.

Dates keep the precision they came with (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); an empty
string is unknown, and an empty ``finished_on`` marks what is current.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Settings keys (``core.settings``) that hold the profile's single values.
HEADLINE = "profile.headline"
ABOUT = "profile.about"
INDUSTRY = "profile.industry"
LOCATION = "profile.location"
WEBSITES = "profile.websites"
# Whether the profile has a photo: the export does not say, so the person ticks it.
HAS_PHOTO = "profile.has_photo"


@dataclass(frozen=True)
class Position:
    company: str
    title: str
    description: str = ""
    location: str = ""
    started_on: str = ""
    finished_on: str = ""

    @property
    def current(self) -> bool:
        return not self.finished_on


@dataclass(frozen=True)
class Education:
    school: str
    degree: str = ""
    notes: str = ""
    activities: str = ""
    started_on: str = ""
    finished_on: str = ""


@dataclass(frozen=True)
class Certification:
    name: str
    authority: str = ""
    url: str = ""
    license_number: str = ""
    started_on: str = ""
    finished_on: str = ""


@dataclass(frozen=True)
class Skill:
    name: str
    endorsements: int = 0


@dataclass
class MyProfile:
    """Everything known of the person's own profile."""

    headline: str = ""
    about: str = ""
    industry: str = ""
    location: str = ""
    websites: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    certifications: list[Certification] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
