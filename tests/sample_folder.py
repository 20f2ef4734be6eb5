"""A data folder as a person leaves it at quit: set up, with things due, closed and checked."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from profile_helper.core.app_database import open_app_database
from profile_helper.core.contacts import followups, store
from profile_helper.core.contacts.interactions import log_interaction
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.paths import database_path
from profile_helper.core.storage.database import close_checked
from profile_helper.core.today.habits import set_target

DUE_NOW = ["Send the article", "Ask about the team"]
"""The reasons of the follow-ups due by today (one overdue, one today), soonest first."""
DUE_THIS_WEEK = [*DUE_NOW, "Coffee"]


def leave_folder(data_dir: Path) -> None:
    """Two contacts, follow-ups overdue, due today, this week and later, a goal met; closed at
    quit as the app closes it (its integrity recorded)."""
    conn = open_app_database(data_dir, None, None).conn
    today = date.today()
    ada = store.add_contact(conn, ContactDraft(first_name="Ada", last_name="Lovelace"))
    grace = store.add_contact(conn, ContactDraft(first_name="Grace", company="Navy"))
    followups.add_follow_up(conn, ada, today - timedelta(days=2), DUE_NOW[0])
    followups.add_follow_up(conn, grace, today, DUE_NOW[1])
    followups.add_follow_up(conn, grace, today + timedelta(days=3), DUE_THIS_WEEK[2])
    followups.add_follow_up(conn, ada, today + timedelta(days=30), "Too far ahead")
    set_target(conn, "networking", 1)
    log_interaction(conn, ada, "message", "Said hello")
    close_checked(conn, database_path(data_dir))
