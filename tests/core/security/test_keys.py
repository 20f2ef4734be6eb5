"""The recovery key that spells a raw key, and the rules for a new passphrase."""

import pytest

from profile_helper.core.errors import InputError
from profile_helper.core.security.keys import (
    check_new_passphrase,
    parse_recovery_key,
    recovery_key,
)
from profile_helper.core.storage.keys import DatabaseKey


def test_recovery_key_round_trips_through_careless_typing() -> None:
    key = DatabaseKey.generate()
    text = recovery_key(key)
    assert len(text.split("-")) == 13
    typed = text.lower().replace("-", " ")
    assert parse_recovery_key(f"  {typed}\n") == key


@pytest.mark.parametrize("text", ["", "hello", "ABCD-EFGH", "!!!!-1111"])
def test_not_a_recovery_key_is_a_clear_error(text: str) -> None:
    with pytest.raises(InputError, match="recovery key"):
        parse_recovery_key(text)


def test_a_passphrase_has_no_recovery_key() -> None:
    with pytest.raises(InputError, match="passphrase"):
        recovery_key(DatabaseKey(passphrase="correct horse"))


def test_new_passphrases_are_checked() -> None:
    assert check_new_passphrase("short")
    assert check_new_passphrase(" padded passphrase ")
    assert check_new_passphrase("long enough phrase") == ""
