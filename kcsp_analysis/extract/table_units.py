"""Whether a table cell's value is in the unit of the measure it was read as, and of when.

A percent cell is no count; a count cell is no share unless the row, the column or the
table's context says its cells are shares; a fraction stored as a plain number ("0.35")
is not read as a percentage of under one per cent. A column headed "Same month previous
year" holds the figures of a year before the row's period.
"""

from __future__ import annotations

import re

from kcsp_analysis import catalogue
from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.extract.blocks import Cell

RATE_WORDS = re.compile(
    r"\brate\b|\bper\s+(?:1,?000|10,?000|100,?000|head|capita)\b", re.IGNORECASE
)
"""Words that make a column a rate: its cells are no count, whatever the row names."""
_PERCENT_WORDS = re.compile(
    r"%|\bper\s?cent|\bpercentage|\bproportion|\brate\b|\bshare", re.IGNORECASE
)


def unit_mismatch(
    measure: str,
    cell: Cell,
    read: tuple[float, bool],
    texts: tuple[str, ...],
    column: str,
) -> str:
    """Return why the cell cannot be a figure of ``measure``'s unit, or ''.

    ``read`` is the cell's value and whether it is printed as a percent; ``texts`` are the
    row label, the column header and the table's context; ``column`` the column's header.
    """
    value, is_percent = read
    unit = catalogue.measures()[measure].unit
    if unit != "percent" and is_percent:
        return f"a cell is a percent but {measure} is a {unit}"
    if unit == "count" and RATE_WORDS.search(strip_markup(column)):
        # "All crime | Crimes per 1,000 population 2017/18": a rate, not the count
        return f"column {column.strip()!r} is a rate, not a count of {measure}"
    if unit != "percent":
        return ""
    if isinstance(cell.value, float) and not is_percent and value <= 1:
        return f"{cell.text} looks like a fraction of a percent measure; not read"
    if not is_percent and not any(_PERCENT_WORDS.search(text) for text in texts):
        # "Incidents involving a repeat victim | 547": the count the share is made of.
        return f"{cell.text} is printed as no percent, and nothing around says it is one"
    return ""


_YEAR_BEFORE = re.compile(
    r"(?:(?:the\s+)?same\s+(?:month|quarter|period)\s+)?(?:(?:in\s+|of\s+)?the\s+)?"
    r"(?:previous|last|prior|preceding)\s+year|(?:the\s+)?year\s+before",
    re.IGNORECASE,
)


def year_before_header(header: str) -> int:
    """Return 1 for a column of the year before the row's period ("Previous year"), else 0."""
    return 1 if _YEAR_BEFORE.fullmatch(" ".join(header.split())) else 0


def percent_form(measure: str, is_percent: bool, texts: tuple[str, ...]) -> str:
    """Return the share measure of a count a percent cell is named by ("% repeat cases").

    "Maidstone MARAC | % repeat cases | 29.3%": the share of cases that are repeats, by
    ``data/share_measures.csv``; any other measure is returned as it is.
    """
    share = catalogue.share_measures().get(measure)
    if share and is_percent and any("%" in text for text in texts):
        return share
    return measure
