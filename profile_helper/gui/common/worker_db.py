"""Database connections for work off the GUI thread (a connection serves one thread only).

The key comes from the window's own, already unlocked connection, so a database opened with a
typed passphrase opens in the worker too, without asking again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from profile_helper.core.paths import database_path
from profile_helper.core.storage.database import open_database
from profile_helper.gui.common.context import AppContext

Opener = Callable[[], sqlite3.Connection]


def worker_opener(ctx: AppContext) -> Opener:
    """A function that opens the app's database with its key; call it inside the worker."""
    ctx.database()  # unlocks now, on the GUI thread, where a prompt can be shown
    key = ctx.unlocked.key if ctx.unlocked is not None else None
    data_dir = ctx.data_dir

    def open_connection() -> sqlite3.Connection:
        return open_database(database_path(data_dir), check_integrity=False, key=key)

    return open_connection
