"""Unlocking at start-up and the passphrase and recovery-key dialogs."""
