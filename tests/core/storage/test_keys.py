"""The database key as storage takes it: one of raw bytes or a passphrase, never shown."""

import pytest

from profile_helper.core.storage.keys import DatabaseKey


def test_keys_never_show_in_repr_and_survive_the_keychain_format() -> None:
    raw = DatabaseKey.generate()
    phrase = DatabaseKey(passphrase="it's: a secret")
    assert raw.raw is not None and raw.raw.hex() not in repr(raw)
    assert "secret" not in repr(phrase)
    assert DatabaseKey.deserialize(raw.serialize()) == raw
    assert DatabaseKey.deserialize(phrase.serialize()) == phrase


def test_a_key_is_exactly_one_of_raw_bytes_or_a_passphrase() -> None:
    with pytest.raises(ValueError, match="either"):
        DatabaseKey()
    with pytest.raises(ValueError, match="either"):
        DatabaseKey(raw=bytes(32), passphrase="both")
    with pytest.raises(ValueError, match="32 bytes"):
        DatabaseKey(raw=bytes(16))
    assert DatabaseKey(passphrase="it's").pragma_value() == "'it''s'"
