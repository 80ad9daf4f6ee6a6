"""Counting police.uk street-level files: the package's reader against a plain pandas loop.

Writes synthetic Kent files in the archive's layout (``YYYY-MM/YYYY-MM-kent-street.csv``,
the published header, about 25,000 rows a month, ASB rows with no Crime ID, rows with no
location) into a temporary folder: one year (about 300,000 rows) and ten years (about 3
million). Each method runs in a fresh process, so that its peak memory (``ru_maxrss``) is
its own:

- ``kcsp``: the ``policeuk`` input kind, file by file, to observations;
- ``pandas loop``: ``read_csv`` of every whole file, ``concat``, ``groupby`` month, LSOA
  name and crime type, the way one would write it without thinking about speed.

Run with ``.venv/bin/python benchmarks/bench_open_data.py [--years 1 10] [--rows N]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context"
)
TYPES = (
    "Anti-social behaviour",
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
)
PREFIXES = (
    "Ashford",
    "Canterbury",
    "Dartford",
    "Dover",
    "Shepway",
    "Gravesham",
    "Maidstone",
    "Sevenoaks",
    "Swale",
    "Thanet",
    "Tonbridge and Malling",
    "Tunbridge Wells",
    "Medway",
    "Wealden",
)
TARGETS = {1: 2.0, 10: 20.0}  # seconds, from the issue
MEMORY_TARGET_MB = 1500


def _row_pool(rng: np.random.Generator, period: str, size: int = 20_000) -> np.ndarray:
    rows = []
    for number in range(size):
        kind = TYPES[int(rng.integers(len(TYPES)))]
        crime_id = "" if kind == "Anti-social behaviour" else f"{int(rng.integers(1 << 62)):x}"
        if rng.random() < 0.05:
            place = ",,No location,,"
        else:
            prefix = PREFIXES[int(rng.integers(len(PREFIXES)))]
            lsoa = f"{prefix} {int(rng.integers(1, 20)):03d}{'ABCDE'[int(rng.integers(5))]}"
            street = f"On or near Street {number}"
            place = f"0.5{number % 10},51.2{number % 7},{street},E0102{number:04d},{lsoa}"
        outcome = "" if kind == "Anti-social behaviour" else "Under investigation"
        rows.append(f"{crime_id},{period},Kent Police,Kent Police,{place},{kind},{outcome},")
    return np.array(rows, dtype=object)


def write_months(folder: Path, years: int, rows_per_month: int) -> list[str]:
    """Write ``years`` years of monthly street files; return their names under ``folder``."""
    rng = np.random.default_rng(16)
    names = []
    for index in range(years * 12):
        period = f"{2014 + index // 12}-{index % 12 + 1:02d}"
        pool = _row_pool(rng, period, 2_000)
        chosen = pool[rng.integers(len(pool), size=rows_per_month)]
        name = f"policeuk/{period}/{period}-kent-street.csv"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER + "\r\n" + "\r\n".join(chosen) + "\r\n", encoding="utf-8")
        names.append(name)
    return names


def _measure_kcsp(folder: Path, names: list[str]) -> int:
    from kcsp_analysis.extract.policeuk import extract

    return sum(len(extract(folder, name).observations) for name in names)


def _measure_pandas(folder: Path, names: list[str]) -> int:
    import pandas as pd

    frames = [pd.read_csv(folder / name) for name in names]
    everything = pd.concat(frames, ignore_index=True)
    return len(everything.groupby(["Month", "LSOA name", "Crime type"]).size())


def _child(method: str, folder: Path) -> None:
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*-street.csv"))
    start = time.perf_counter()
    result = (_measure_kcsp if method == "kcsp" else _measure_pandas)(folder, names)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "result": result}))


def _run(method: str, folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", method, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def main() -> int:
    """Run the benchmark and print one line per data set; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--rows", type=int, default=25_000, help="rows a month")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return 0
    missed = False
    for years in args.years:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            names = write_months(folder, years, args.rows)
            size = sum((folder / n).stat().st_size for n in names) / 1e6
            ours = _run("kcsp", folder)
            plain = _run("pandas", folder)
        target = TARGETS.get(years)
        verdict = ""
        if target is not None:
            ok = ours["seconds"] < target and ours["peak_mb"] < MEMORY_TARGET_MB
            missed |= not ok
            verdict = (
                f"; target under {target:g} s and {MEMORY_TARGET_MB} MB: "
                f"{'met' if ok else 'MISSED'}"
            )
        print(
            f"police.uk, {years} year(s), {len(names)} files, {len(names) * args.rows:,} rows, "
            f"{size:.0f} MB: kcsp {ours['seconds']:.2f} s, peak {ours['peak_mb']:.0f} MB; "
            f"pandas loop {plain['seconds']:.2f} s, peak {plain['peak_mb']:.0f} MB "
            f"({plain['seconds'] / ours['seconds']:.1f} times our time){verdict}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
