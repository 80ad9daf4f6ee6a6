"""Quarter columns without a year, read against a row that gives the year.

A table of rows "2015/16", "2016/17" under columns "Q1 Apr-Jun" ... "Q4 Jan-Mar" and
"Full year" gives each cell the quarter of its row's year, and the full-year column the
year itself. A quarter's number and its months must agree with the row's kind of year
(April to June is the first quarter of a financial year, the second of a calendar one);
where they do not, or the row is no year, the column gives no period.
"""

from __future__ import annotations

import re

from kcsp_analysis.catalogue import normalise_label
from kcsp_analysis.periods import (
    MONTH_NAME,
    Period,
    calendar_quarter,
    calendar_year,
    financial_quarter,
    financial_year,
    month_number,
)

_NUMBER = re.compile(r"\b(?:q|quarter)\s*([1-4])\b")
_RANGE = re.compile(rf"\b({MONTH_NAME})\s+(?:to\s+)?({MONTH_NAME})\b")
_WHOLE = frozenset({"full year", "year", "whole year", "annual", "year total", "full year total"})


def column_quarter(header: str, year: Period) -> Period | None:
    """Return the period a yearless quarter column gives a row of ``year``, or None.

    >>> from kcsp_analysis.periods import financial_year, calendar_year
    >>> column_quarter("Q1 Apr–Jun", financial_year(2015)).label
    '2015/16 Q1'
    >>> column_quarter("Q4 Jan–Mar", financial_year(2015)).label
    '2015/16 Q4'
    >>> column_quarter("Full year", financial_year(2015)).label
    '2015/16'
    >>> column_quarter("Apr-Jun", calendar_year(2015)).label
    '2015 Q2'
    >>> column_quarter("Q1 Apr-Jun", calendar_year(2015)) is None  # they disagree
    True
    >>> column_quarter("October - December Q3", financial_year(2016)).label
    '2016/17 Q3'
    >>> column_quarter("Q1 target", financial_year(2016)) is None
    True
    """
    if year.period_type not in ("financial_year", "calendar_year"):
        return None
    folded = _one_header(normalise_label(header))
    if folded in _WHOLE:
        return year
    numbered = _NUMBER.search(folded)
    months = _RANGE.search(folded)
    by_months = _quarter_of_months(months, year) if months else None
    if months and by_months is None:
        return None
    number = int(numbered[1]) if numbered else by_months
    if number is None or (by_months is not None and number != by_months):
        return None
    if (
        folded.replace(numbered[0] if numbered else "", "")
        .replace(months[0] if months else "", "")
        .strip()
    ):
        return None  # other words: "Q1 target" is no quarter of the year
    first = year.start.year
    if year.period_type == "financial_year":
        return financial_quarter(first, number)
    return calendar_quarter(first, number)


def _one_header(folded: str) -> str:
    """Drop a spanning header's word over a quarter ("Quarter Q1 Apr-Jun"), or its repeat.

    >>> _one_header("quarter q1 apr jun"), _one_header("full year full year")
    ('q1 apr jun', 'full year')
    """
    words = folded.split()
    half = len(words) // 2
    if words and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])  # a header cell spanning two rows, read twice
    if len(words) > 1 and words[0] in ("quarter", "quarters"):
        return " ".join(words[1:])
    return folded


def _quarter_of_months(months: re.Match[str], year: Period) -> int | None:
    """Return the quarter number the months span in ``year``'s count, or None."""
    start, end = month_number(months[1]) - 1, month_number(months[2]) - 1
    if (end - start) % 12 != 2 or start % 3 != 0:
        return None
    offset = 3 if year.period_type == "financial_year" else 0
    return (start - offset) % 12 // 3 + 1


def is_quarter_column(header: str) -> bool:
    """Tell whether a header is a yearless quarter or the full year ("Q1 Apr-Jun", "Full year").

    >>> is_quarter_column("Q2 Jul-Sep"), is_quarter_column("Rate per 1,000")
    (True, False)
    """
    return any(column_quarter(header, year) for year in (financial_year(2000), calendar_year(2000)))
