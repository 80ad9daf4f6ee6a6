"""Extraction throughput: MB of report text per second, against a plain regex floor.

Measures ``extract_report`` on the shipped reports and on a corpus of a few hundred
copies built in a temporary folder, and in the same run a plain regex scan of every
number in the same text (the floor any extractor must stay above in cost). Prints the
figures; run with ``.venv/bin/python benchmarks/bench_extract.py [--copies N]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from pathlib import Path

from kcsp_analysis.extract import extract_report
from kcsp_analysis.paths import raw_dir

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?%?")


def _reports(folder: Path) -> list[str]:
    return sorted(f"reports/{p.name}" for p in (folder / "reports").iterdir() if p.is_file())


def _megabytes(folder: Path, names: list[str]) -> float:
    return sum((folder / n).stat().st_size for n in names) / 1e6


def _time_extract(folder: Path, names: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    figures = sum(len(extract_report(folder, n).observations) for n in names)
    return time.perf_counter() - start, figures


def _time_regex(folder: Path, names: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    found = sum(len(NUMBER.findall((folder / n).read_text(encoding="utf-8"))) for n in names)
    return time.perf_counter() - start, found


def _report(label: str, folder: Path, names: list[str]) -> None:
    size = _megabytes(folder, names)
    extract_seconds, figures = _time_extract(folder, names)
    regex_seconds, numbers = _time_regex(folder, names)
    print(
        f"{label}: {len(names)} files, {size:.2f} MB; extract {extract_seconds:.2f} s "
        f"({size / extract_seconds:.2f} MB/s, {figures} figures); regex scan "
        f"{regex_seconds:.3f} s ({size / regex_seconds:.1f} MB/s, {numbers} numbers); "
        f"extract is {extract_seconds / regex_seconds:.0f}x the regex floor"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300, help="copies in the large corpus")
    args = parser.parse_args()
    shipped = raw_dir()
    names = _reports(shipped)
    _report("shipped reports", shipped, names)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        (corpus / "reports").mkdir()
        copies = []
        for index in range(args.copies):
            name = names[index % len(names)]
            copy = f"reports/{index:04d}_{Path(name).name}"
            shutil.copyfile(shipped / name, corpus / copy)
            copies.append(copy)
        _report(f"corpus of {args.copies} copies", corpus, copies)


if __name__ == "__main__":
    main()
