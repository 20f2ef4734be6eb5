"""A background worker's own connection opens the database with the window's key."""

import threading

from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact, contact_count
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.worker_db import worker_opener


def test_worker_connection_uses_the_windows_key(ctx: AppContext) -> None:
    ctx.passphrase = "correct horse battery staple"
    add_contact(ctx.database(), ContactDraft(first_name="Ana"))
    assert ctx.unlocked is not None and ctx.unlocked.key is not None
    opener = worker_opener(ctx)
    counts: list[int] = []

    def work() -> None:
        conn = opener()
        try:
            counts.append(contact_count(conn))
        finally:
            conn.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=30)
    assert counts == [1]
