"""Entry point for ``python -m profile_helper``."""

import sys

from profile_helper.cli import main

sys.exit(main())
