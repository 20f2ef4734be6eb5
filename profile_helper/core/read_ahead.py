"""The first page read ahead: the database key and the Today page's data, from a second process.

At a start on Linux the app forks before it loads Qt (:mod:`profile_helper.core.prefetch`). The
child asks the keychain for the database key and, when the database can be opened without
changing anything (set up, nothing to fold in, checked, schema current), reads everything the
Today page shows. The window's first frame then shows that page with its data, and the app's
real open of the database (with its checks, migrations and messages) follows that frame.

The parent imports none of the keychain, storage or SQLCipher modules to start this: the child
loads them, on the other core.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from profile_helper.core import prefetch

if TYPE_CHECKING:
    from profile_helper.core.today.summary import TodayData

TODAY = "today"
"""The name of the answer that holds the Today page's data."""


def start(data_dir: Path) -> None:
    """Begin reading ahead for ``data_dir`` in a child process (Linux, before Qt is loaded)."""
    prefetch.start(lambda: read(data_dir))
    # Meanwhile the parent loads what the answer is made of, now rather than after Qt: once
    # PySide6 is loaded it reads the source of every module imported after it (for its opt-in
    # ``__feature__`` switches), about 0.2 ms a module.
    import profile_helper.core.today.summary  # noqa: F401, PLC0415 - see above


def read(data_dir: Path) -> prefetch.Answers:
    """In the child: the keychain's entry for the folder's key and, when it opens the database
    unchanged, the Today page's data. Nothing at all for a folder without a keychain key."""
    # Loaded here, in the child: the parent forks before it loads them (and loads the keychain,
    # storage and SQLCipher only after its first frame).
    from datetime import date  # noqa: PLC0415 - child

    from profile_helper.core.app_database import open_to_read_ahead  # noqa: PLC0415 - child
    from profile_helper.core.security import keychain  # noqa: PLC0415 - child
    from profile_helper.core.security.state import read_state  # noqa: PLC0415 - child
    from profile_helper.core.storage.keys import RAW, DatabaseKey  # noqa: PLC0415 - child
    from profile_helper.core.today.habits import local_today  # noqa: PLC0415 - child
    from profile_helper.core.today.summary import read_today  # noqa: PLC0415 - child

    state = read_state(data_dir)
    if state is None or state.key_kind != RAW:
        return {}
    entry = keychain.entry_name(state.key_id)
    secret = keychain.stored_secret(entry)
    if not secret:
        return {}
    answers: prefetch.Answers = {keychain.read_ahead_answer(entry): secret}
    try:
        conn = open_to_read_ahead(data_dir, DatabaseKey.deserialize(secret))
        if conn is not None:
            try:
                answers[TODAY] = as_plain(read_today(conn, date.today(), local_today()))
            finally:
                conn.close()
    except Exception:  # anything unusual: the real open finds it and says what it is
        pass
    return answers


def today_read_ahead() -> TodayData | None:
    """The Today page's data the child read, or ``None`` (then the page reads it itself)."""
    return from_plain(prefetch.take(TODAY))


def as_plain(data: TodayData) -> prefetch.Answers:
    """``data`` as plain values that a pipe carries (see :mod:`~profile_helper.core.prefetch`)."""
    from dataclasses import astuple  # noqa: PLC0415 - child: at the top it would delay the fork

    return {
        "day": data.day,
        "follow_ups": [astuple(f) for f in data.follow_ups],
        "habits_day": data.habits_day,
        "goals": [astuple(g) for g in data.goals],
        "streaks": {name: astuple(s) for name, s in data.streaks.items()},
    }


def from_plain(plain: object) -> TodayData | None:
    """The :class:`TodayData` that :func:`as_plain` made, or ``None`` for anything else."""
    if not isinstance(plain, dict):
        return None
    # The Today page has loaded these by the time it asks (nothing is loaded before the fork).
    from profile_helper.core.contacts.followup_model import FollowUp  # noqa: PLC0415 - after the fork
    from profile_helper.core.today.habits import GoalProgress, Streak  # noqa: PLC0415 - as above
    from profile_helper.core.today.summary import TodayData  # noqa: PLC0415 - as above

    try:
        return TodayData(
            day=str(plain["day"]),
            follow_ups=[FollowUp(*values) for values in plain["follow_ups"]],
            habits_day=str(plain["habits_day"]),
            goals=[GoalProgress(*values) for values in plain["goals"]],
            streaks={str(name): Streak(*values) for name, values in plain["streaks"].items()},
        )
    except (KeyError, TypeError, AttributeError):
        return None
