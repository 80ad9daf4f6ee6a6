"""Average rows of a table: "Monthly average" under a column of months.

An average row gives the per-month (or per-quarter) form of the column's measure
(``data/per_period_measures.csv``: MARAC cases become MARAC cases per month) for the
period its rows make up together: twelve consecutive months from January are that
calendar year, from April that financial year; four quarters likewise. Rows that make
up no contract period (seven months, a gap) give no period, and the row is skipped.
Which labels are average rows is data (``data/table_average_rows.csv``).
"""

from __future__ import annotations

import functools
import itertools
import re

from kcsp_analysis import catalogue
from kcsp_analysis.periods import Period, calendar_year, financial_year


@functools.cache
def _average_labels() -> dict[str, str]:
    rows = catalogue.read_data_csv("table_average_rows.csv")
    return {catalogue.normalise_label(r["label"]): r["per"] for r in rows}


def average_per(label: str) -> str:
    """Return what an average row averages over ("month", "quarter"), or ''.

    >>> average_per("Monthly average"), average_per("Average per quarter"), average_per("Total")
    ('month', 'quarter', '')
    """
    return _average_labels().get(catalogue.normalise_label(label), "")


_AVERAGE_WORD = re.compile(r"\b(?:average|mean)\b", re.IGNORECASE)
_PER_PERIOD = re.compile(
    r"\b(?:per|a|each)\s+(?P<per>month|quarter)\b|\b(?P<adverb>month|quarter)ly\b", re.IGNORECASE
)


def split_average_label(label: str) -> tuple[str, str]:
    """Split a label naming an average of a count into what it averages over and the count.

    >>> split_average_label("Average cases heard per month, 2016/17")
    ('month', 'cases heard , 2016/17')
    >>> split_average_label("Cases heard per month")
    ('', 'Cases heard per month')
    """
    per = _PER_PERIOD.search(label)
    if not _AVERAGE_WORD.search(label) or per is None:
        return "", label
    rest = _AVERAGE_WORD.sub(" ", label[: per.start()] + label[per.end() :])
    return (per.group("per") or per.group("adverb")).lower(), " ".join(rest.split())


def averaged_measure(measure: str, per: str) -> str:
    """Return the catalogue measure that is ``measure`` averaged ``per`` period, or ''."""
    return catalogue.per_period_measures().get((measure, per), "")


def rows_period(periods: list[Period | None], per: str) -> Period | None:
    """Return the one contract period that ``periods`` (the rows averaged) make up, or None.

    >>> from kcsp_analysis.periods import month
    >>> rows_period([month(2018, m) for m in range(1, 13)], "month").label
    '2018'
    >>> rows_period([month(2018, m) for m in range(4, 13)], "month") is None
    True
    """
    kind = {"month": "month", "quarter": ("calendar_quarter", "financial_quarter")}[per]
    if not periods or any(p is None or p.period_type not in kind for p in periods):
        return None
    ordered = sorted(periods, key=lambda p: p.start)  # type: ignore[union-attr]
    for earlier, later in itertools.pairwise(ordered):
        if (later.start - earlier.end).days != 1:  # type: ignore[union-attr]
            return None  # a gap or a repeat: the rows make up no one period
    first, last = ordered[0], ordered[-1]
    for whole in (calendar_year(first.start.year), financial_year(first.start.year)):  # type: ignore[union-attr]
        if (whole.start, whole.end) == (first.start, last.end):  # type: ignore[union-attr]
            return whole
    return None
