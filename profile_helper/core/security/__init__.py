"""Encryption at rest, the key side: where the database key comes from (the OS keychain, a
passphrase, a recovery key) and how a person gets it back. The file itself is storage's."""
