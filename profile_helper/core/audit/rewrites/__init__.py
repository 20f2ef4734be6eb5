"""Rewrite suggestions for the headline, the About section and the skills list."""
