"""Widgets and helpers every page shares: message boxes, theme, background work, charts."""
