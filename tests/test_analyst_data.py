"""An analyst's files in data/raw/ never change a test's outcome.

The suite reads a copy of the shipped reports (tests/conftest.py). This test proves it:
it copies the project, does the quarterly routine in the copy's data/raw/ (an HTML
paper, a figures file and a population file, listed with ``kcsp manifest add``), checks
that extraction now reads more than the shipped 51 figures, and runs the suite's checks
(everything but the slow notebook and browser tests) inside the copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kcsp_analysis.build.extraction import run_extract
from kcsp_analysis.extract.manifest import add_to_manifest
from tests.conftest import PROJECT_ROOT, copy_shipped_raw

PAPER = (
    "<html><body><h1>MARAC update</h1>\n"
    "<p>In Kent (excluding Medway) over the last 12 months (Apr '14 - Mar '15) there have "
    "been 1,310 Multi Agency Risk Assessment Conferences (MARACs) with 301 repeat cases "
    "(23%).</p>\n</body></html>\n"
)
FIGURES = (
    "measure,area,period,value\n"
    'da_incidents,Kent,2014/15 Q1,"5,310"\n'
    "marac_repeat_pct,Kent,2013/14,25%\n"
)
POPULATION = "area,mid_year,females_16_plus\nKent,2014,620000\n"
COPIED = (
    "kcsp_analysis",
    "tests",
    "notebooks",
    "docs",
    "benchmarks",
    "README.md",
    "pyproject.toml",
    "requirements.lock",
    "Makefile",
)


def _project_with_analyst_files(root: Path) -> Path:
    for name in COPIED:
        source = PROJECT_ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "artifacts", ".hypothesis")
            shutil.copytree(source, root / name, ignore=ignore)
        else:
            shutil.copy2(source, root / name)
    raw = copy_shipped_raw(root / "data" / "raw")
    (root / "data" / "processed").mkdir()
    added = {
        "reports/2015-07-01_marac_update.html": PAPER,
        "figures/2015-08-01_q1.csv": FIGURES,
        "population/2014_mid_year.csv": POPULATION,
    }
    (raw / "population").mkdir()
    for name, text in added.items():
        (raw / name).write_text(text, encoding="utf-8")
        add_to_manifest(raw, raw / name, title=f"analyst's {name}")
    return root


@pytest.mark.slow
def test_the_suite_passes_in_a_project_with_an_analysts_files(tmp_path: Path):
    root = _project_with_analyst_files(tmp_path / "project")
    result = run_extract(root / "data" / "raw", tmp_path / "check" / "measures.csv")
    # 51 shipped figures, 3 from the paper (1,310 cases, 301 repeats, 23%), 2 from the file.
    assert len(result.measures) == 51 + 3 + 2
    env = {**os.environ, "PYTHONPATH": str(root), "KCSP_HOME": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-m", "not slow", "-p", "no:cacheprovider"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout.splitlines()[-1]
