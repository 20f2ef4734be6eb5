import pytest

from profile_helper.core.errors import InputError
from profile_helper.core.security.keys import (
    DatabaseKey,
    check_new_passphrase,
    parse_recovery_key,
)


def test_recovery_key_round_trips_through_careless_typing() -> None:
    key = DatabaseKey.generate()
    text = key.recovery_key()
    assert len(text.split("-")) == 13
    typed = text.lower().replace("-", " ")
    assert parse_recovery_key(f"  {typed}\n") == key


@pytest.mark.parametrize("text", ["", "hello", "ABCD-EFGH", "!!!!-1111"])
def test_not_a_recovery_key_is_a_clear_error(text: str) -> None:
    with pytest.raises(InputError, match="recovery key"):
        parse_recovery_key(text)


def test_a_passphrase_has_no_recovery_key() -> None:
    with pytest.raises(InputError, match="passphrase"):
        DatabaseKey(passphrase="correct horse").recovery_key()


def test_keys_never_show_in_repr_and_survive_the_keychain_format() -> None:
    raw = DatabaseKey.generate()
    phrase = DatabaseKey(passphrase="it's: a secret")
    assert raw.raw is not None and raw.raw.hex() not in repr(raw)
    assert "secret" not in repr(phrase)
    assert DatabaseKey.deserialize(raw.serialize()) == raw
    assert DatabaseKey.deserialize(phrase.serialize()) == phrase


def test_new_passphrases_are_checked() -> None:
    assert check_new_passphrase("short")
    assert check_new_passphrase(" padded passphrase ")
    assert check_new_passphrase("long enough phrase") == ""
