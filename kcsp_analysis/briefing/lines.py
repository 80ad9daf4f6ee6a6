"""Where a drawn series may be joined by a line, and on which basis each point stands.

A line joins two points only when their periods follow each other (no missing period
between them) and they are on the same basis (no series break between them). A figure
the partnership restated on the new basis (``restated`` in ``series_breaks.csv``) is on
the new basis, whatever its date. Charts and sparklines both draw from these rules.
"""

from __future__ import annotations

import datetime as dt
import itertools

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.series import breaks_between
from kcsp_analysis.periods import Period


def follows(earlier: Period, later: Period) -> bool:
    """Whether ``later`` starts the day after ``earlier`` ends: no period is missing.

    >>> from kcsp_analysis.periods import financial_year
    >>> follows(financial_year(2012), financial_year(2013))
    True
    >>> follows(financial_year(2010), financial_year(2012))
    False
    """
    return later.start == earlier.end + dt.timedelta(days=1)


def basis_of(measure: str, period: Period) -> int:
    """Return how many of the measure's series breaks a figure is on the new side of.

    0 is the oldest basis. A restated figure counts as after its break.
    """
    count = 0
    for item in catalogue.series_breaks():
        if item.measure != measure:
            continue
        after = period.start >= dt.date.fromisoformat(item.break_date)
        if after or period.label in item.restated_periods:
            count += 1
    return count


def is_restated(measure: str, period: Period) -> bool:
    """Whether a figure was restated on a later basis than its date puts it on."""
    return any(
        item.measure == measure and period.label in item.restated_periods
        for item in catalogue.series_breaks()
    )


def line_segments(measure: str, periods: list[Period]) -> list[list[int]]:
    """Return runs of point indices a line may join (each run in period order).

    >>> from kcsp_analysis.periods import financial_year
    >>> years = [financial_year(y) for y in (2010, 2012, 2013)]
    >>> line_segments("theft_and_handling", years)
    [[0], [1, 2]]
    >>> line_segments("violent_crime", years)
    [[0], [1], [2]]
    """
    if not periods:
        return []
    runs = [[0]]
    for index, (earlier, later) in enumerate(itertools.pairwise(periods), start=1):
        joined = follows(earlier, later) and not breaks_between(measure, earlier, later)
        if joined:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


__all__ = ["basis_of", "follows", "is_restated", "line_segments"]
