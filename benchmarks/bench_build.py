"""Benchmark of ``kcsp build`` against the obvious way of rendering the notebooks.

In the same run, on a scratch copy of the project (shipped raw data and notebooks):

cold build
    ``kcsp build`` with no cache and no processed data: extraction, all notebooks in
    long-lived kernels, HTML export.
naive loop
    ``jupyter nbconvert --to html --execute --no-input`` once per notebook (a fresh
    process and kernel each), after a separate ``kcsp extract`` that is not timed, so
    the loop is charged for the notebooks only.
no-change rebuild
    ``kcsp build`` again with nothing changed (the whole command, Python start-up
    included); should an input change meanwhile, the rebuild is repeated until it
    finds everything up to date, and the attempts are recorded.

Each is repeated (``--repeat``, default 3) and the median is reported, with the ratio
of the cold build to the naive loop. Results go to stdout and, as JSON, to
``benchmarks/results/bench_build.json``.

Run: ``.venv/bin/python benchmarks/bench_build.py``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results" / "bench_build.json"


def scratch_project(folder: Path) -> Path:
    """A copy of the project's raw data and notebooks, with nothing derived."""
    shutil.copytree(ROOT / "data" / "raw", folder / "data" / "raw")
    shutil.copytree(ROOT / "notebooks", folder / "notebooks")
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def no_change_rebuild(project: Path, env: dict[str, str]) -> tuple[float, int]:
    """Seconds of a ``kcsp build`` that finds everything up to date, and builds it took.

    A rebuild that is not up to date means an input changed meanwhile (the package source
    is edited in a shared checkout, say); it is run again, and the count says so.
    """
    for attempt in range(1, 4):
        started = time.perf_counter()
        done = subprocess.run(
            [str(BIN / "kcsp"), "build"], cwd=project, env=env, check=True, capture_output=True
        )
        seconds = time.perf_counter() - started
        if b"up to date" in done.stdout:
            return seconds, attempt
    raise RuntimeError("kcsp build never found its outputs up to date")


def cold_build(project: Path, env: dict[str, str]) -> float:
    for derived in (project / ".kcsp-cache", project / "data" / "processed", project / "reports"):
        shutil.rmtree(derived, ignore_errors=True)
    return timed([str(BIN / "kcsp"), "build"], project, env)


def naive_loop(project: Path, env: dict[str, str]) -> float:
    subprocess.run([str(BIN / "kcsp"), "extract"], cwd=project, env=env, check=True,
                   capture_output=True)  # fmt: skip
    out = project / "naive"
    shutil.rmtree(out, ignore_errors=True)
    total = 0.0
    for notebook in sorted((project / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        command = [
            str(BIN / "jupyter"),
            "nbconvert",
            "--to",
            "html",
            "--execute",
            "--no-input",
            "--output-dir",
            str(out),
            str(notebook),
        ]
        total += timed(command, project / "notebooks", env)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (median reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kcsp-bench-") as tmp:
        project = scratch_project(Path(tmp))
        env = {**os.environ, "KCSP_HOME": str(project)}
        cold, naive, rebuild, attempts = [], [], [], []
        for run in range(args.repeat):
            naive.append(naive_loop(project, env))
            cold.append(cold_build(project, env))
            seconds, tries = no_change_rebuild(project, env)
            rebuild.append(seconds)
            attempts.append(tries)
            print(
                f"run {run + 1}: naive {naive[-1]:.2f} s, cold {cold[-1]:.2f} s, "
                f"rebuild {rebuild[-1]:.3f} s",
                file=sys.stderr,
            )
        notebooks = len(list((project / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    result = {
        "notebooks": notebooks,
        "repeat": args.repeat,
        "cpu_count": os.cpu_count(),
        "naive_loop_s": round(statistics.median(naive), 2),
        "cold_build_s": round(statistics.median(cold), 2),
        "cold_over_naive": round(statistics.median(cold) / statistics.median(naive), 3),
        "no_change_rebuild_s": round(statistics.median(rebuild), 3),
        "runs": {"naive": naive, "cold": cold, "rebuild": rebuild, "rebuild_attempts": attempts},
    }
    print(f"notebooks:              {notebooks}")
    print(f"naive nbconvert loop:   {result['naive_loop_s']:.2f} s (median of {args.repeat})")
    print(f"cold kcsp build:        {result['cold_build_s']:.2f} s (extraction included)")
    print(f"cold / naive:           {result['cold_over_naive']:.3f} (target <= 0.35)")
    print(f"no-change rebuild:      {result['no_change_rebuild_s']:.3f} s (target < 1 s)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
