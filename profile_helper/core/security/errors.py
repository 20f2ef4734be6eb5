"""The key problems a person can act on: the key is wrong, or it is nowhere to be found."""

from __future__ import annotations

from profile_helper.core.errors import DatabaseError


class WrongKeyError(DatabaseError):
    """The passphrase or key given does not open the database (nothing was changed)."""


class KeyMissingError(DatabaseError):
    """The database is encrypted and no key is at hand: not in the keychain, none given."""
