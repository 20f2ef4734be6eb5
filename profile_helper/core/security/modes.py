"""How a database was opened (by the keychain's key, a passphrase, or in clear), and how that
reads in the status bar, Settings and ``doctor``.

Its own small module: the window's first frame says how its data is kept before the real open,
and loads this without the unlocking.
"""

from __future__ import annotations

MODE_KEYCHAIN = "keychain"
MODE_PASSPHRASE = "passphrase"
MODE_PLAIN = "plain"


def describe(mode: str) -> str:
    """How the database of ``mode`` is kept, in one sentence."""
    if mode == MODE_KEYCHAIN:
        return "Encrypted; the key is kept in this computer's keychain"
    if mode == MODE_PASSPHRASE:
        return "Encrypted with your passphrase"
    return "Not encrypted: SQLCipher (the sqlcipher3 package) is not installed here"
