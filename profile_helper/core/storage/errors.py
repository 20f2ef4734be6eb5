"""What storage raises when a file does not open with the key it was given."""

from __future__ import annotations

from profile_helper.core.errors import DatabaseError


class WrongKeyError(DatabaseError):
    """The passphrase or key given does not open the database (nothing was changed)."""
