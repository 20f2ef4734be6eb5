"""Choosing another keyring backend for one test, and putting the session's back afterwards."""

from collections.abc import Callable, Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail


@pytest.fixture
def use_backend() -> Iterator[Callable[[KeyringBackend], None]]:
    saved = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(saved)


@pytest.fixture
def no_keychain(use_backend: Callable[[KeyringBackend], None]) -> None:
    """A computer without any usable keychain."""
    use_backend(fail.Keyring())
