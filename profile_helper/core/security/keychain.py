"""The OS keychain through ``keyring``: is it really usable, and the database keys kept in it.

A keychain that merely exists is not enough: the fail and null backends, an empty chain and a
locked Secret Service (which still reports itself as the backend) all lose or refuse secrets, so
usability is decided by a live set/get/delete probe. Plain-text backends are never accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from profile_helper.core import prefetch
from profile_helper.core.storage.keys import DatabaseKey

SERVICE = "Profile Helper"
_PROBE_USER = "usability-probe"
# keyrings.alt stores secrets in files beside the data: no better than no keychain at all.
_PLAINTEXT_MODULES = ("keyrings.alt",)


class KeychainError(Exception):
    """The keychain refused or lost a secret; callers fall back to asking the person."""


@dataclass(frozen=True)
class KeychainStatus:
    backend: str
    usable: bool
    detail: str


def _backend() -> Any:
    # keyring loads its backends (D-Bus and the like): not before a key is needed.
    import keyring  # noqa: PLC0415

    return keyring.get_keyring()


def _name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _structural_problem(backend: Any) -> str:
    """Why this backend can never hold a secret, or ``""``."""
    from keyring.backends import chainer, fail  # noqa: PLC0415 - keyring is loaded when needed

    module = type(backend).__module__
    if isinstance(backend, fail.Keyring):
        return "no keychain backend is available"
    if module.endswith("backends.null"):
        return "the keychain is switched off (null backend)"
    if module.startswith(_PLAINTEXT_MODULES):
        return "this backend keeps secrets in clear text, which the app does not use"
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return "the keychain chain is empty"
    return ""


def probe() -> KeychainStatus:
    """Find out whether secrets can really be stored and read back right now."""
    try:
        backend = _backend()
    except Exception as exc:  # keyring's own set-up can fail in many ways (D-Bus, config)
        return KeychainStatus("none", False, f"the keychain could not be loaded: {exc}")
    name = _name(backend)
    problem = _structural_problem(backend)
    if problem:
        return KeychainStatus(name, False, problem)
    import secrets  # noqa: PLC0415 - start-up: secrets loads OpenSSL's hashes, only when one is made

    user = f"{_PROBE_USER}-{secrets.token_hex(4)}"
    value = secrets.token_hex(16)
    try:
        backend.set_password(SERVICE, user, value)
        read_back = backend.get_password(SERVICE, user)
        backend.delete_password(SERVICE, user)
    except Exception as exc:  # a locked or absent Secret Service raises its own errors
        return KeychainStatus(name, False, f"the keychain refused a test secret: {exc}")
    if read_back != value:
        return KeychainStatus(name, False, "the keychain did not give back a test secret")
    return KeychainStatus(name, True, "stores and returns secrets")


def entry_name(key_id: str) -> str:
    """The name under which the keychain keeps the key of ``key_id`` (service ``SERVICE``)."""
    return f"database-key-{key_id}"


class DamagedKeyError(KeychainError):
    """The keychain holds an entry for the database, but it is not a key (edited, truncated)."""


def load_key(key_id: str) -> DatabaseKey | None:
    """The key kept for ``key_id``, or None when the keychain has none, a damaged one, or
    cannot be used."""
    try:
        return load_key_checked(key_id)
    except DamagedKeyError:
        return None


def stored_secret(entry: str) -> str | None:
    """The keychain's text for ``entry``, or ``None`` when it has none or cannot be used."""
    try:
        backend = _backend()
        if _structural_problem(backend):
            return None
        stored = backend.get_password(SERVICE, entry)
    except Exception:  # unusable keychain: the caller asks for the recovery key instead
        return None
    return str(stored) if stored else None


def read_ahead_answer(entry: str) -> str:
    """The name under which the start-up's second process answers with ``entry``'s text."""
    return f"keychain:{entry}"


def load_key_checked(key_id: str) -> DatabaseKey | None:
    """As :func:`load_key`, but a damaged entry is a :class:`DamagedKeyError`."""
    entry = entry_name(key_id)
    ahead = prefetch.take(read_ahead_answer(entry))
    stored = ahead if isinstance(ahead, str) and ahead else stored_secret(entry)
    if not stored:
        return None
    try:
        return DatabaseKey.deserialize(stored)
    except ValueError:
        raise DamagedKeyError(
            f"the keychain entry {entry!r} of {SERVICE!r} is not a database key"
        ) from None


def store_key(key_id: str, key: DatabaseKey) -> None:
    """Keep ``key`` in the keychain and check that it reads back; raise KeychainError if not."""
    try:
        backend = _backend()
        problem = _structural_problem(backend)
        if problem:
            raise KeychainError(problem)
        backend.set_password(SERVICE, entry_name(key_id), key.serialize())
        read_back = backend.get_password(SERVICE, entry_name(key_id))
    except KeychainError:
        raise
    except Exception as exc:
        raise KeychainError(f"the keychain refused the database key: {exc}") from exc
    if read_back != key.serialize():
        raise KeychainError("the keychain did not keep the database key")
