"""What storage raises when a file does not open with the key it was given."""

from __future__ import annotations

from profile_helper.core.errors import DatabaseError, InputError


class WrongKeyError(DatabaseError):
    """The passphrase or key given does not open the database (nothing was changed)."""


class KeyFormatError(InputError, ValueError):
    """A passphrase or stored key that no database can be opened with (empty, or with a NUL).

    A ``ValueError`` too, so that code reading keys from elsewhere (the keychain) treats it as
    any other malformed key.
    """
