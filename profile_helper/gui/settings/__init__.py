"""The Settings page and its sections."""
