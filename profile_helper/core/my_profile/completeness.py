"""How complete the person's profile is, in the spirit of LinkedIn's profile strength.

Each item is something LinkedIn's own meter asks for, judged only from what the app knows: the
headline, About and skills (as typed in the audit, or stored), a current position with a
description, education, the number of contacts (for connections) and a photo, which the export
does not include, so the person ticks it (setting ``profile.has_photo``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from profile_helper.core.my_profile.models import MyProfile, Position, Skill
from profile_helper.core.resources import limits


@dataclass(frozen=True)
class Item:
    """One part of a complete profile: a stable id, whether it is there, what to do if not."""

    id: str
    done: bool
    advice: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "done": self.done, "advice": self.advice}


@dataclass(frozen=True)
class Completeness:
    items: tuple[Item, ...]

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def missing(self) -> list[Item]:
        return [item for item in self.items if not item.done]

    def to_json(self) -> dict[str, Any]:
        return {
            "items": [item.to_json() for item in self.items],
            "done": self.done,
            "total": self.total,
        }


def completeness(profile: MyProfile, *, connections: int, has_photo: bool) -> Completeness:
    """The items of a complete profile for what is known of it."""
    min_skills = int(limits()["skills"]["min_count"])
    min_connections = int(limits()["connections"]["all_star_min"])
    current = [p for p in profile.positions if p.current]
    return Completeness(
        (
            Item(
                "photo",
                has_photo,
                "Add a profile photo, your face clearly lit, then mark it here as done.",
            ),
            Item(
                "headline",
                bool(profile.headline.strip()),
                "Write a headline: your role and the two or three skills you want to be found for.",
            ),
            Item(
                "about",
                bool(profile.about.strip()),
                "Write an About section: what you do, for whom, and one result with a number.",
            ),
            Item(
                "skills",
                len(profile.skills) >= min_skills,
                f"List at least {min_skills} skills ({len(profile.skills)} so far).",
            ),
            Item(
                "current_position",
                any(p.description.strip() for p in current),
                "Add your current position with a description of what you do there."
                if not current
                else "Describe your current position: what you did and one result.",
            ),
            Item(
                "education",
                bool(profile.education),
                "Add your education: a school, a degree or a course.",
            ),
            Item(
                "connections",
                connections >= min_connections,
                f"Grow your network to at least {min_connections} connections "
                f"({connections:,} contacts so far).",
            ),
        )
    )


def merged(
    stored: MyProfile,
    *,
    headline: str = "",
    about: str = "",
    skills: Sequence[str] = (),
    positions: Sequence[Position] | None = None,
) -> MyProfile:
    """The stored profile with what the audit was given in its place: typed text wins, and an
    empty field falls back to what is stored."""
    return replace(
        stored,
        headline=headline if headline.strip() else stored.headline,
        about=about if about.strip() else stored.about,
        skills=[Skill(s) for s in skills] if skills else stored.skills,
        positions=list(positions) if positions else stored.positions,
    )
