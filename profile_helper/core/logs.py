"""Rotating log files in the data directory.

``logging.handlers`` pulls in socket, pickle and queue: the window imports this module only
after its first paint, and nothing the window needs before then imports it.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from profile_helper.core.files import make_private_dir
from profile_helper.core.paths import logs_dir

LOG_NAME = "profile-helper.log"


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the app's log records to a rotating file; return its path.

    Logging is best effort: a read-only data directory must not stop the app.
    """
    directory = logs_dir(data_dir)
    path = directory / LOG_NAME
    root = logging.getLogger("profile_helper")
    root.setLevel(level)
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    try:
        make_private_dir(directory)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
        )
    except OSError:
        return path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.propagate = False
    return path
