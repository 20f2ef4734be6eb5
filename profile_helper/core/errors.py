"""Typed errors that the front ends show to a person as plain messages.

Anything raised that is not a :class:`ProfileHelperError` is a bug and goes to the crash handler.
"""

from __future__ import annotations


class ProfileHelperError(Exception):
    """An expected problem with the environment or the input, with a message a person can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ProfileHelperError):
    """The input given (a file, a field, an argument) is not what it must be."""


class FileReadError(InputError):
    """A file cannot be read at all: missing, unreadable, not text, or not the expected format."""


class DatabaseError(ProfileHelperError):
    """The database cannot be opened or used: locked, corrupt, too new, or the key is wrong."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the app than this one."""


class NotFoundError(ProfileHelperError):
    """A record named by id does not exist."""
