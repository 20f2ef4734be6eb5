"""What a change to the store can be: the one list of what ``AppContext.data_changed`` carries.

A page that writes to the store emits what it changed; every page listening refreshes what shows
that kind of data (after Anki's ``OpChanges``). A new kind of data gets a member here first.
"""

from __future__ import annotations

from enum import StrEnum


class Change(StrEnum):
    """One kind of data changed in the store (the values are what the signal carried as text)."""

    CONTACTS = "contacts"
    FOLLOW_UPS = "follow-ups"
    APPLICATIONS = "applications"
    AUDITS = "audits"
    # The person's own profile and preferences (Settings, Profile).
    SETTINGS = "settings"
    GOALS = "goals"
    HABITS = "habits"
    CADENCES = "cadences"
    # Everything at once: a backup was restored.
    ALL = "all"
