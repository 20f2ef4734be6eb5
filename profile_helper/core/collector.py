"""Pausing Python's cycle collector while work makes many objects and few reference cycles.

Each collection walks every object that is still alive; while a large import builds tens of
thousands of rows, or the audit loads YAKE (numpy, networkx) and its word lists, the collector
walks them again and again and finds next to nothing to free.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, long_lived: bool = False) -> Iterator[None]:
    """Pause the cycle collector for the block (collection resumes after it, if it was on).

    Only for work whose objects hold no reference cycles, or whose size is bounded: what the
    block leaves in cycles waits for the next collection after it. With ``long_lived``, what
    the block made is meant to stay (modules, word lists): it is frozen out of later
    collections, or the first one after the block would walk all of it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if long_lived:
            gc.freeze()
        if was_enabled:
            gc.enable()
