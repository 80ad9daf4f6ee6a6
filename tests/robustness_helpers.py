"""Helpers of the robustness tests: run ``kcsp`` measured, snapshot folders, check values.

The value check is the oracle of the property tests: a figure is only accepted when its
digits (or the fraction word it was read from) are printed in the paragraph that starts at
its locator, so extraction can never invent a figure unnoticed.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.extract.numbers import FRACTION_WORDS

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class MeasuredRun:
    """Exit code, output and cost of one ``kcsp`` run in its own process."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float


# Runs ``kcsp`` and, at exit, records the process's own high-water RSS (VmHWM). Unlike
# ``ru_maxrss`` from ``wait4``, VmHWM belongs to the new program image: it does not carry
# over the memory of the (large) test process the child was forked from.
_MEASURED_KCSP = """
import atexit, sys
report, sys.argv = sys.argv[1], ["kcsp", *sys.argv[2:]]

def _write_peak():
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(report, "w", encoding="ascii") as handle:
        handle.write(peak)

atexit.register(_write_peak)
from kcsp_analysis.cli import main
sys.exit(main())
"""


def run_kcsp_measured(args: list[str], tmp_path: Path, time_limit: float) -> MeasuredRun:
    """Run ``kcsp ARGS`` in a new process; measure wall time and that process's peak RSS.

    A run past ``time_limit`` is killed and fails the test.
    """
    out_path, err_path = tmp_path / "kcsp.stdout", tmp_path / "kcsp.stderr"
    peak_path = tmp_path / "kcsp.peak_kb"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    started = time.perf_counter()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        child = subprocess.Popen(
            [sys.executable, "-c", _MEASURED_KCSP, str(peak_path), *args],
            stdout=out,
            stderr=err,
            cwd=tmp_path,
            env=env,
        )
        try:
            child.wait(timeout=time_limit)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    seconds = time.perf_counter() - started
    assert seconds < time_limit, f"kcsp {' '.join(args)} took over {time_limit} s"
    return MeasuredRun(
        returncode=child.returncode,
        stdout=out_path.read_text(encoding="utf-8"),
        stderr=err_path.read_text(encoding="utf-8"),
        seconds=seconds,
        peak_rss_mb=int(peak_path.read_text(encoding="ascii")) / 1024,  # VmHWM is in kB
    )


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under ``folder``: sha256, modification time (ns) and mode."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[path.relative_to(folder).as_posix()] = (digest, stat.st_mtime_ns, stat.st_mode)
    return found


def file_bytes(folder: Path) -> dict[str, bytes]:
    """Every file directly in ``folder`` by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def value_spellings(value: float) -> list[str]:
    """Regular expressions for the ways a report prints ``value``: 20,276 / 20276 / 24.0."""
    if float(value).is_integer():
        whole = int(value)
        plain = rf"(?<![\d.,]){whole}(?!\d)(?!,\d{{3}})(?!\.\d*[1-9])"
        if abs(whole) < 1000:
            return [plain]
        # A footnote digit may be glued to a grouped figure ("19,0006"), so a grouped
        # figure needs no right boundary beyond "not a longer group".
        return [rf"(?<![\d.,]){whole:,}(?!,\d{{3}})(?!\.\d*[1-9])", plain]
    text = format(float(value), ".15g")
    whole, _, decimals = text.partition(".")
    grouped = f"{int(whole):,}" if whole.lstrip("-").isdigit() else whole
    forms = {re.escape(f"{w}.{decimals}") for w in (whole, grouped)}
    if whole == "0":
        forms.add(re.escape(f".{decimals}"))
    return [rf"(?<![\d.,]){form}0*(?!\d)" for form in sorted(forms)]


def value_is_printed(value: float, text: str) -> bool:
    """Whether ``text`` (raw or with markup removed) prints ``value`` or its fraction word."""
    plain = strip_markup(text)
    for candidate in (text, plain):
        if any(re.search(pattern, candidate) for pattern in value_spellings(value)):
            return True
    words = [w for w, share in FRACTION_WORDS.items() if round(share, 1) == round(value, 1)]
    return any(re.search(rf"\b{re.escape(w)}\b", plain, re.IGNORECASE) for w in words)


def paragraph_from(lines: list[str], number: int) -> str:
    """Line ``number`` (1-based) and the lines after it up to the next blank line."""
    out = []
    for text in lines[number - 1 :]:
        if out and not text.strip():
            break
        out.append(text)
    return "\n".join(out)
