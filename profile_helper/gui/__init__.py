"""The Qt front end: the main window, one module per page or dialog, and thin models."""
