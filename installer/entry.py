"""The frozen program's entry point: the same ``main`` as ``profile-helper`` and ``python -m``."""

import sys

from profile_helper.cli import main

if __name__ == "__main__":
    sys.exit(main())
