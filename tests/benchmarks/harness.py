"""Small pieces every benchmark shares: timing, alternating processes, and the result table.

Benchmarks compare against a baseline measured in the same run and quote medians, because the
machines they run on are shared and noisy.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from profile_helper.commands.output import print_table as print_rows

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    """One line of the table: a measurement, its baseline, and the target it must meet."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    ok: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn`` over ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_env(keyring_file: Path | None = None) -> dict[str, str]:
    """The environment of a measured process: as an installed app runs, never the real keychain.

    An installed app has its bytecode compiled (pip does it), so ``PYTHONDONTWRITEBYTECODE`` is
    dropped and the first, untimed run of each command writes it. With ``keyring_file`` the
    process keeps its database key in the tests' file keychain instead of the person's own.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(REPO_ROOT)
    if keyring_file is not None:
        env["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.TemporaryKeyring"
        env["PROFILE_HELPER_TEST_KEYRING"] = str(keyring_file)
    return env


def alternate_processes(
    commands: Sequence[Sequence[str]],
    runs: int,
    env: dict[str, str] | None = None,
    after_each: Callable[[int], None] | None = None,
) -> list[float]:
    """Run each command ``runs`` times, alternating them; return each one's median seconds.

    Alternating spreads the machine's background noise evenly over every command. After each
    timed run, ``after_each`` gets the command's index (to read what the run wrote, say).
    """
    samples: list[list[float]] = [[] for _ in commands]
    environ = env or process_env()
    for run in range(runs + 1):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(
                command,
                env=environ,
                cwd=REPO_ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if run > 0:  # the first round only warms caches (bytecode, fonts, the database)
                samples[i].append(time.perf_counter() - start)
                if after_each is not None:
                    after_each(i)
    return [statistics.median(s) for s in samples]


def print_table(results: Sequence[Result]) -> None:
    headers = ["benchmark", "median", "baseline", "ratio", "target", "ok", "note"]
    rows = [
        [
            r.name,
            f"{r.value:.4g} {r.unit}",
            f"{r.baseline:.4g} {r.unit} ({r.baseline_name})" if r.baseline is not None else "",
            f"{r.ratio:.2f}x" if r.ratio is not None else "",
            r.target,
            "" if r.ok is None else ("yes" if r.ok else "NO"),
            r.note,
        ]
        for r in results
    ]
    print_rows(headers, rows, sys.stdout)
