"""What the audit takes from the stored profile: positions, certifications held, endorsements,
and for the completeness the education, the number of contacts and the photo tick.

The CLI and the Audit page read it the same way, once per audit, through :func:`read_stored`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from profile_helper.core.my_profile.completeness import Completeness, completeness, merged
from profile_helper.core.my_profile.models import HAS_PHOTO, MyProfile, Position


@dataclass(frozen=True)
class StoredProfile:
    """The stored profile with the counts the completeness needs (all empty when none)."""

    profile: MyProfile = field(default_factory=MyProfile)
    connections: int = 0
    has_photo: bool = False

    @property
    def certifications(self) -> list[str]:
        return [c.name for c in self.profile.certifications]

    @property
    def endorsements(self) -> dict[str, int]:
        """Endorsements by skill, for the skills that have any."""
        return {s.name: s.endorsements for s in self.profile.skills if s.endorsements}

    def completeness(
        self,
        *,
        headline: str = "",
        about: str = "",
        skills: Sequence[str] = (),
        positions: Sequence[Position] | None = None,
    ) -> Completeness:
        """The completeness of what the audit was given, the stored profile filling the rest."""
        profile = merged(
            self.profile, headline=headline, about=about, skills=skills, positions=positions
        )
        return completeness(profile, connections=self.connections, has_photo=self.has_photo)


def read_stored(conn: sqlite3.Connection) -> StoredProfile:
    # The stores bring the whole storage layer, which an audit with no database to read (the
    # CLI's in a new data folder, or with --no-stored-profile) never needs.
    from profile_helper.core.contacts.store import contact_count  # noqa: PLC0415 - start-up
    from profile_helper.core.my_profile import store  # noqa: PLC0415 - start-up
    from profile_helper.core.settings import get_setting  # noqa: PLC0415 - start-up

    return StoredProfile(
        store.load(conn), contact_count(conn), bool(get_setting(conn, HAS_PHOTO, False))
    )
