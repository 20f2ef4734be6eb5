"""Hardening: the whole audit on 100,000 characters of text made to trip slow regexes.

Each input repeats one thing a backtracking pattern chokes on (digits, "1,", dots, hyphens,
at-signs, one word again and again). Every run must take under 2 s: a pattern with nested
quantifiers takes minutes on such text, or never ends.
"""

from __future__ import annotations

import time

from profile_helper.core.audit.run import audit
from tests.benchmarks.harness import Result

SIZE = 100_000
TARGET_SECONDS = 2.0
INPUTS = {
    "digits": "1" * SIZE,
    "'1,'": "1," * (SIZE // 2),
    "dots": "." * SIZE,
    "hyphens": "-" * SIZE,
    "at-signs": "@" * SIZE,
    "repeated word": "data " * (SIZE // 5),
}


def timings() -> list[tuple[str, str, float]]:
    """(input, where, seconds) for each input audited as About text and as job text."""
    audit(about="warm up the vocabulary", job="Python engineer")
    found = []
    for name, text in INPUTS.items():
        for where in ("about", "job"):
            start = time.perf_counter()
            audit(about=text) if where == "about" else audit(job=text)
            found.append((name, where, time.perf_counter() - start))
    return found


def run() -> list[Result]:
    return [
        Result(
            f"hardening: audit of 100,000 chars of {name} as {where}",
            seconds * 1000,
            "ms",
            target=f"< {TARGET_SECONDS * 1000:.0f} ms",
            ok=seconds < TARGET_SECONDS,
        )
        for name, where, seconds in timings()
    ]
