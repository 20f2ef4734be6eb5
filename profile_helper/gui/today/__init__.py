"""The Today page: what is due, habits and goals, and the tray notice."""
