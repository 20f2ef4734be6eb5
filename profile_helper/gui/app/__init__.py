"""The window and what runs it: start-up, the main window, the page registry, crash handling."""
