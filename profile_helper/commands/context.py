"""What every CLI handler gets: the chosen data directory and the database, opened on demand."""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from profile_helper.core.security.unlock import Unlocked
    from profile_helper.core.storage.keys import DatabaseKey


def terminal_prompt(kind: str, message: str) -> str | None:
    """Ask for a passphrase or recovery key on the terminal (nothing echoed)."""
    import getpass

    from profile_helper.core.security.unlock import ASK_NEW_PASSPHRASE

    print(message, file=sys.stderr)
    try:
        if kind == ASK_NEW_PASSPHRASE:
            first = getpass.getpass("New passphrase: ")
            if first != getpass.getpass("Repeat it: "):
                print("The two passphrases differ.", file=sys.stderr)
                return terminal_prompt(kind, "Choose a passphrase again.")
            return first
        return getpass.getpass("Recovery key or passphrase: ") or None
    except EOFError:
        return None


@dataclass
class CliContext:
    data_dir: Path
    passphrase_file: Path | None = None
    recovery_key_file: Path | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _conn: sqlite3.Connection | None = None
    unlocked: Unlocked | None = None
    leftovers_removed: list[Path] = field(default_factory=list)
    wal_kept: Path | None = None

    def database(self) -> sqlite3.Connection:
        """The app's database, opened once with its key through the one opening function."""
        if self._conn is None:
            from profile_helper.core.app_database import open_app_database

            passphrase = self._passphrase()
            interactive = sys.stdin.isatty() and sys.stderr.isatty()
            opened = open_app_database(
                self.data_dir, passphrase, terminal_prompt if interactive else None
            )
            self._conn, self.unlocked = opened.conn, opened.unlocked
            self.leftovers_removed = opened.leftovers_removed
            self.wal_kept = opened.wal_kept
            self._hand_over_recovery_key()
        return self._conn

    def _hand_over_recovery_key(self) -> None:
        """The process that made a new keychain key says its recovery key once, or saves it."""
        from profile_helper.core.storage.keys import RAW

        unlocked = self.unlocked
        if unlocked is None or not unlocked.created or unlocked.key is None:
            return
        if unlocked.key.kind != RAW or (unlocked.state and unlocked.state.recovery_saved):
            return
        from profile_helper.core.errors import ProfileHelperError
        from profile_helper.core.security.keys import recovery_key
        from profile_helper.core.security.recovery import (
            NOTICE_BODY,
            NOTICE_HEADLINE,
            save_recovery_key,
        )

        if self.recovery_key_file is not None:
            try:
                save_recovery_key(self.data_dir, unlocked.key, self.recovery_key_file)
            except ProfileHelperError as exc:
                # The database exists now: its key must be shown rather than lost.
                self.err.write(f"profile-helper: {exc.message}\n")
            else:
                self.err.write(
                    f"{NOTICE_HEADLINE} Recovery key saved to {self.recovery_key_file}\n"
                )
                return
        self.err.write(
            f"{NOTICE_HEADLINE} {NOTICE_BODY}\n\n"
            f"Recovery key: {recovery_key(unlocked.key)}\n\n"
            "It is shown this once. Copy it into a password manager, or save it to a file with "
            "'profile-helper security export-recovery-key FILE'.\n"
        )

    def _passphrase(self) -> str | None:
        from profile_helper.core.security.keys import read_secret_file

        return None if self.passphrase_file is None else read_secret_file(self.passphrase_file)

    def key_for(self, path: Path) -> DatabaseKey | None:
        """The data folder's key that opens ``path`` (a backup), without opening the database."""
        from profile_helper.core.security.unlock import unlock_file

        interactive = sys.stdin.isatty() and sys.stderr.isatty()
        return unlock_file(
            self.data_dir, path, self._passphrase(), terminal_prompt if interactive else None
        )

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
