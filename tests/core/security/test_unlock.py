"""Opening the app's database with the right key, from every place a key can come from."""

import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.app_database import open_app_database
from profile_helper.core.errors import DatabaseError, InputError
from profile_helper.core.paths import database_path
from profile_helper.core.security import keychain
from profile_helper.core.security.errors import KeyMissingError
from profile_helper.core.security.keys import recovery_key
from profile_helper.core.security.modes import MODE_KEYCHAIN, MODE_PASSPHRASE
from profile_helper.core.security.state import read_state
from profile_helper.core.security.unlock import (
    ASK_NEW_PASSPHRASE,
    ASK_UNLOCK,
    unlock_with_secret,
)
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage import cipher
from profile_helper.core.storage.backups import list_backups
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.errors import WrongKeyError
from tests.keyring_backend import forget_database_key

pytestmark = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


class Answers:
    """A person at the prompt, answering from a list and noting what was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []

    def __call__(self, kind: str, message: str) -> str | None:
        self.asked.append((kind, message))
        return self.answers.pop(0)


def _store_name(data_dir: Path, name: str, passphrase: str | None = None) -> None:
    opened = open_app_database(data_dir, passphrase)
    set_setting(opened.conn, "profile.name", name)
    opened.conn.close()


def _name(data_dir: Path, passphrase: str | None = None) -> str:
    opened = open_app_database(data_dir, passphrase)
    try:
        return str(get_setting(opened.conn, "profile.name"))
    finally:
        opened.conn.close()


def test_first_run_makes_a_random_key_kept_in_the_keychain(data_dir: Path) -> None:
    opened = open_app_database(data_dir)
    opened.conn.close()
    unlocked = opened.unlocked
    assert unlocked.mode == MODE_KEYCHAIN and unlocked.created
    state = read_state(data_dir)
    assert state is not None and state.key_kind == "raw"
    assert keychain.load_key(state.key_id) == unlocked.key
    assert not cipher.is_plain_sqlite(database_path(data_dir))
    assert unlocked.key is not None
    assert str(unlocked.key.raw) not in (data_dir / "security.json").read_text()
    again = open_app_database(data_dir)
    again.conn.close()
    assert again.unlocked.key == unlocked.key and not again.unlocked.created


@pytest.mark.usefixtures("no_keychain")
def test_without_a_keychain_the_passphrase_path_works_end_to_end(data_dir: Path) -> None:
    with pytest.raises(KeyMissingError, match="--passphrase-file"):
        open_app_database(data_dir)
    assert not database_path(data_dir).exists()
    _store_name(data_dir, "Grace", passphrase="correct horse battery")
    assert _name(data_dir, "correct horse battery") == "Grace"
    with pytest.raises(KeyMissingError, match="--passphrase-file"):
        open_app_database(data_dir)
    before = database_path(data_dir).read_bytes()
    with pytest.raises(WrongKeyError, match="does not open"):
        open_app_database(data_dir, "wrong horse battery")
    assert database_path(data_dir).read_bytes() == before


@pytest.mark.usefixtures("no_keychain")
def test_a_prompt_chooses_the_passphrase_and_then_unlocks(data_dir: Path) -> None:
    setup = Answers("short", "a long passphrase")
    opened = open_app_database(data_dir, prompt=setup)
    opened.conn.close()
    assert [kind for kind, _ in setup.asked] == [ASK_NEW_PASSPHRASE, ASK_NEW_PASSPHRASE]
    assert "8 characters" in setup.asked[1][1]
    assert opened.unlocked.mode == MODE_PASSPHRASE
    later = Answers("a wrong passphrase", "a long passphrase")
    open_app_database(data_dir, prompt=later).conn.close()
    assert [kind for kind, _ in later.asked] == [ASK_UNLOCK, ASK_UNLOCK]
    assert "does not open" in later.asked[1][1]
    with pytest.raises(KeyMissingError):
        open_app_database(data_dir, prompt=Answers(None))
    with pytest.raises(InputError, match="too weak"):
        open_app_database(data_dir / "elsewhere", "short")


def test_a_new_computer_asks_for_the_recovery_key_and_keeps_it(data_dir: Path) -> None:
    _store_name(data_dir, "Ada")
    state = read_state(data_dir)
    assert state is not None
    key = keychain.load_key(state.key_id)
    assert key is not None
    forget_database_key(state.key_id)  # the data folder arrives on a computer without the key
    with pytest.raises(KeyMissingError, match="recovery-key-file"):
        open_app_database(data_dir)
    answers = Answers("ABCD-" * 12 + "ABCD", recovery_key(key).lower())
    opened = open_app_database(data_dir, prompt=answers)
    assert get_setting(opened.conn, "profile.name") == "Ada"
    opened.conn.close()
    assert len(answers.asked) == 2
    assert keychain.load_key(state.key_id) == key
    assert _name(data_dir) == "Ada"


def test_unlock_with_secret_checks_before_keeping(data_dir: Path) -> None:
    _store_name(data_dir, "Ada")
    state = read_state(data_dir)
    assert state is not None
    key = keychain.load_key(state.key_id)
    assert key is not None
    forget_database_key(state.key_id)
    with pytest.raises(WrongKeyError):
        unlock_with_secret(data_dir, "not a key")
    assert keychain.load_key(state.key_id) is None
    unlocked = unlock_with_secret(data_dir, recovery_key(key))
    assert unlocked.mode == MODE_KEYCHAIN
    assert keychain.load_key(state.key_id) == key


def test_a_plain_database_is_converted_after_a_backup(data_dir: Path) -> None:
    path = database_path(data_dir)
    plain = open_database(path, key=None)
    set_setting(plain, "profile.name", "Ada")
    plain.close()
    # A backup from before the upgrade, in clear: it must not stay readable either.
    old_backup = data_dir / "backups" / "profile-helper-20240101-090000-000000-manual.sqlite3"
    old_backup.parent.mkdir()
    old_backup.write_bytes(path.read_bytes())
    opened = open_app_database(data_dir)
    assert opened.unlocked.created and opened.unlocked.converted
    assert get_setting(opened.conn, "profile.name") == "Ada"
    opened.conn.close()
    assert not cipher.is_plain_sqlite(path)
    backups = list_backups(data_dir)
    assert [b.reason for b in backups] == ["before-encryption", "manual"]
    for backup in backups:
        assert not cipher.is_plain_sqlite(backup.path)
        conn = open_database(backup.path, key=opened.unlocked.key)
        assert get_setting(conn, "profile.name") == "Ada"
        conn.close()
    leftovers = [
        p.name
        for p in [*data_dir.iterdir(), *(data_dir / "backups").iterdir()]
        if "encrypting" in p.name or p.name.endswith(".tmp")
    ]
    assert leftovers == []
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM settings").fetchall()


def test_storage_opens_only_with_the_key_it_is_given(data_dir: Path) -> None:
    _store_name(data_dir, "Ada")
    path = database_path(data_dir)
    before = path.read_bytes()
    # The keychain holds the key, but storage never looks there: without a key, no entry.
    with pytest.raises(DatabaseError, match="opens only with its key"):
        open_database(path, key=None)
    assert path.read_bytes() == before
    state = read_state(data_dir)
    assert state is not None
    conn = open_database(path, key=keychain.load_key(state.key_id))
    assert get_setting(conn, "profile.name") == "Ada"
    conn.close()


def test_without_the_key_on_this_computer_nothing_opens_or_changes(data_dir: Path) -> None:
    _store_name(data_dir, "Ada")
    state = read_state(data_dir)
    assert state is not None
    forget_database_key(state.key_id)
    before = database_path(data_dir).read_bytes()
    with pytest.raises(KeyMissingError, match="security unlock"):
        open_app_database(data_dir)
    assert database_path(data_dir).read_bytes() == before
