"""Encryption at rest: the database key, the OS keychain and recovery keys."""
