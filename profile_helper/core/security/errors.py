"""The key problem a person can act on that security finds: the key is nowhere to be found.

A key that is given but does not open the file is storage's :class:`WrongKeyError`.
"""

from __future__ import annotations

from profile_helper.core.errors import DatabaseError


class KeyMissingError(DatabaseError):
    """The database is encrypted and no key is at hand: not in the keychain, none given."""
