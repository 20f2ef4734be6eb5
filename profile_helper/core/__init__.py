"""Everything that works without a screen. Nothing in this package may import Qt."""
