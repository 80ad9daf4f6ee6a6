"""A long line of many figures reads in linear time, in a process of its own.

The line is written for kcsp-analysis's tests; its figures are invented.
"""

from __future__ import annotations

import subprocess
import sys
import time

from tests.robustness_helpers import PROJECT_ROOT

TIME_LIMIT_S = 10.0

_READ_LONG_LINE = """
import sys
from kcsp_analysis.extract.documents import Document, Line
from kcsp_analysis.extract.narrative import extract_narrative
separator = sys.argv[1]
figures = separator.join(str(n % 10) for n in range(50_000))
text = "In 2013/14 Kent had domestic abuse incidents " + figures + "."
result = extract_narrative(Document("reports/long.txt", "text", (Line(text, "line 1"),)), set(), [])
print(len(text), len(result.observations), len(result.log))
"""


def _read_in_child(separator: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _READ_LONG_LINE, separator],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S * 3,
        cwd=PROJECT_ROOT,
        check=True,
    )
    return time.perf_counter() - started, done.stdout


def test_a_100_kb_line_of_50000_numbers_reads_in_seconds():
    seconds, out = _read_in_child(" ")
    length = int(out.split()[0])
    assert length > 100_000
    assert seconds < TIME_LIMIT_S, f"{seconds:.1f} s"


def test_50000_comma_separated_numbers_read_in_seconds():
    seconds, _ = _read_in_child(", ")
    assert seconds < TIME_LIMIT_S, f"{seconds:.1f} s"
