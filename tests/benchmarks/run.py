"""Run the benchmarks and print one table: ``python tests/benchmarks/run.py [NAME ...]``.

Each ``bench_NAME.py`` beside this file has ``run() -> list[Result]``. With no names, all run.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.benchmarks.harness import Result, print_table  # noqa: E402


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "names",
        nargs="*",
        choices=[[], *available()],
        metavar="NAME",
        help=f"which benchmarks: {', '.join(available())} (default: all)",
    )
    args = parser.parse_args(argv)
    results: list[Result] = []
    for name in args.names or available():
        module = importlib.import_module(f"tests.benchmarks.bench_{name}")
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results.extend(module.run())
    print_table(results)
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
