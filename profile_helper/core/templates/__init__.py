"""Message templates and profile rewrite suggestions, rendered in a Jinja sandbox."""
