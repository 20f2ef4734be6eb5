"""The contacts store: people, interactions, follow-ups, and their import and export."""
