"""Whether a keychain is really usable, with real keyring backends (no Secret Service needed)."""

from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from profile_helper.core.security import keychain
from profile_helper.core.storage.keys import DatabaseKey
from tests.keyring_backend import forget_database_key


class _Locked(KeyringBackend):
    """Behaves like a locked Secret Service: present, but every operation is refused."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")


class _EmptyChain(chainer.ChainerBackend):
    """A chain that found no backend to chain (keyring's own fallback on a bare system)."""

    backends = ()

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]


def test_session_test_keychain_is_usable() -> None:
    status = keychain.probe()
    assert status.usable, status.detail
    assert status.backend == "tests.keyring_backend.TemporaryKeyring"


@pytest.mark.parametrize(
    ("backend", "words"),
    [
        (fail.Keyring(), "no keychain"),
        (null.Keyring(), "null"),
        (_EmptyChain(), "empty"),
        (_Locked(), "refused"),
    ],
)
def test_unusable_keychains_are_detected(
    use_backend: Any, backend: KeyringBackend, words: str
) -> None:
    use_backend(backend)
    status = keychain.probe()
    assert not status.usable
    assert words in status.detail
    assert keychain.load_key("anything") is None
    with pytest.raises(keychain.KeychainError):
        keychain.store_key("anything", DatabaseKey.generate())


def test_plaintext_backends_are_refused(use_backend: Any) -> None:
    plaintext = type("PlaintextKeyring", (_Locked,), {"__module__": "keyrings.alt.file"})
    use_backend(plaintext())
    status = keychain.probe()
    assert not status.usable
    assert "clear text" in status.detail


def test_keys_are_stored_and_read_back_by_their_id() -> None:
    key = DatabaseKey.generate()
    keychain.store_key("round-trip", key)
    assert keychain.load_key("round-trip") == key
    assert keychain.load_key("another-id") is None
    forget_database_key("round-trip")
    assert keychain.load_key("round-trip") is None
