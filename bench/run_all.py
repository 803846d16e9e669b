"""Run every benchmark in bench/ (`make bench`): each module that defines `main(argv)` is one.

Each runs with its own defaults (the sizes its RESULTS.md figures were taken at) and prints its figures;
the exit status is non-zero when any benchmark failed its own checks.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

BENCH_DIR = Path(__file__).parent


def benchmarks() -> Iterator[tuple[str, Callable[[Sequence[str]], int]]]:
    """(module name, its main) for every module of bench/ that has a `main`, in name order."""
    for module_info in sorted(pkgutil.iter_modules([str(BENCH_DIR)]), key=lambda info: info.name):
        if module_info.name == "run_all" or module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"bench.{module_info.name}")
        main = getattr(module, "main", None)
        if callable(main):
            yield module_info.name, main


def main(argv: Sequence[str] | None = None) -> int:
    failed = []
    for name, benchmark in benchmarks():
        print(f"== bench.{name}", flush=True)
        if benchmark([]) != 0:
            failed.append(name)
        print(flush=True)
    if failed:
        print(f"Failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
