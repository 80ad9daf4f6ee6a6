"""Printed precision: what a rounded figure can stand for, and whether a change fits.

A percentage printed as ``80.5%`` stands for anything in [80.45, 80.55]; a count printed
as ``23,914`` is exact. A change printed to ``d`` decimals stands for anything within
half a unit of its last decimal. A stated change is checked against the change
recomputed from the printed figures in three steps:

1. ``agrees``: the recomputed change rounds to the stated one;
2. ``within_rounding``: the true change, which the rounding of the printed figures
   leaves somewhere in an interval, can round to the stated one (80.5% against 82.2% is
   a fall of 1.7 recomputed, but the true fall lies in 1.6-1.8, so a stated 1.6 fits);
3. ``truncated``: the stated change is the recomputed one cut to its decimals rather
   than rounded (36.36% printed as 36.3%, 43.07% as 43.0%). That is a different way of
   printing, not rounding, so it has a status of its own; otherwise ``disagrees``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from kcsp_analysis.extract.records import Reading
from kcsp_analysis.processed.tables import format_number

EPSILON = 1e-9


class PrintedFigure(Protocol):
    """A figure and the half-width of the rounding its printing implies."""

    @property
    def value(self) -> float:
        """The figure as printed."""
        ...

    @property
    def half(self) -> float:
        """Half a unit of the printed precision."""
        ...


@dataclass(frozen=True)
class Assessment:
    """How a stated change compares with the one recomputed from its figures."""

    status: str
    recomputed: float | None
    note: str


show = format_number
"""A figure as a note prints it: ``20276``, ``24.8``, ``-1.6`` (see :func:`format_number`)."""


def half_unit(value: float, unit: str, decimals: int) -> float:
    """Half a unit of the last printed decimal; 0 for a whole count, which is exact."""
    if unit == "count" and float(value).is_integer():
        return 0.0
    return 0.5 * 10.0**-decimals


def change_between(start: float, end: float, basis: str) -> float:
    """Percent change (``percent``) or difference in points (``points``)."""
    if basis == "points":
        return end - start
    return (end - start) / start * 100


def change_interval(start: PrintedFigure, end: PrintedFigure, basis: str) -> tuple[float, float]:
    """Return the least and greatest change the true figures behind the printed ones allow."""
    low = change_between(start.value + start.half, end.value - end.half, basis)
    high = change_between(start.value - start.half, end.value + end.half, basis)
    return low, high


def assess_change(start: PrintedFigure, end: PrintedFigure, reading: Reading) -> Assessment:
    """Compare one reading of a stated change with the change the figures give.

    >>> from types import SimpleNamespace as F
    >>> r = Reading(-1.6, "points", 1, "arrow")
    >>> assess_change(F(value=82.2, half=0.05), F(value=80.5, half=0.05), r).status
    'within_rounding'
    """
    if reading.basis == "percent" and start.value - start.half <= 0:
        return Assessment("unverifiable", None, "a percent change from zero is undefined")
    recomputed = change_between(start.value, end.value, reading.basis)
    stated, decimals = reading.value, reading.decimals
    half = 0.5 * 10.0**-decimals
    unit = "%" if reading.basis == "percent" else " points"
    exact_text = f"{recomputed:.{decimals + 2}f}{unit}"
    if abs(recomputed - stated) <= half + EPSILON:
        return Assessment("agrees", recomputed, f"{exact_text} rounds to {show(stated)}")
    low, high = change_interval(start, end, reading.basis)
    if high - low > EPSILON and low <= stated + half + EPSILON and high >= stated - half - EPSILON:
        return Assessment(
            "within_rounding",
            recomputed,
            f"{exact_text} from the printed figures; as they are rounded the true change lies "
            f"in {low:.{decimals + 2}f} to {high:.{decimals + 2}f}, which allows {show(stated)}",
        )
    step = 10.0**-decimals
    truncated = math.trunc(recomputed / step + math.copysign(EPSILON, recomputed)) * step
    if abs(truncated - stated) <= EPSILON * 10:
        rounded = round(recomputed, decimals)
        return Assessment(
            "truncated",
            recomputed,
            f"{exact_text} cut to {decimals} decimal(s) gives {show(stated)}; rounded it "
            f"would be {show(rounded)}: agrees only if the report truncated",
        )
    return Assessment(
        "disagrees",
        recomputed,
        f"{exact_text} recomputed does not round to {show(stated)}"
        + (
            f" even allowing {low:.{decimals + 2}f} to {high:.{decimals + 2}f}"
            if high > low
            else ""
        ),
    )
