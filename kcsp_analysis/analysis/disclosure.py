"""Small-number protection for published tables: primary and secondary suppression.

Primary: a count from 1 to ``threshold - 1`` in a row below county level (a district,
or any row that is not a county, force area or country) is suppressed. A zero is shown
by default: it identifies nobody (``suppress_zero=True`` suppresses it too).

Secondary: a row or column with a total is one equation; if exactly one of its cells
(the total included) is suppressed, it can be recovered by subtraction. For every such
line another cell is suppressed, the smallest shown one (interior cells before totals),
until no line has exactly one suppressed cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.errors import KcspError

SUPPRESSED = "[c]"
COUNTY_LEVEL_KINDS = ("county", "police_force_area", "country")


@dataclass(frozen=True)
class SuppressedTable:
    """A table after suppression: values (NaN where suppressed) and why each cell was."""

    values: pd.DataFrame
    status: pd.DataFrame
    threshold: int

    def display(self) -> pd.DataFrame:
        """Return the table as published: whole numbers as text, ``[c]`` where suppressed."""
        shown = self.values.map(lambda v: "" if pd.isna(v) else f"{v:,.0f}")
        return shown.mask(self.status != "", SUPPRESSED)

    @property
    def rule(self) -> str:
        """The rule in force, for a footnote under the table."""
        return (
            f"[c] counts from 1 to {self.threshold - 1} below county level are suppressed, "
            "and further cells so that they cannot be worked out from totals."
        )


def suppress_small_counts(
    table: pd.DataFrame,
    *,
    threshold: int = 5,
    total_row: str | None = None,
    total_column: str | None = None,
    suppress_zero: bool = False,
) -> SuppressedTable:
    """Suppress small counts in a table of areas (rows) by categories or periods (columns).

    Parameters
    ----------
    table
        Whole-number counts; rows labelled by area (or any label), columns by category.
    threshold
        Counts below this (and above zero, unless ``suppress_zero``) are suppressed.
    total_row, total_column
        Labels of the row and column holding totals, if the table has them.

    Returns
    -------
    SuppressedTable

    Examples
    --------
    >>> t = pd.DataFrame({"Q1": [3, 10, 13], "Q2": [8, 12, 20]},
    ...                  index=["Dover", "Thanet", "Total"])
    >>> suppress_small_counts(t, total_row="Total").display()["Q1"].tolist()
    ['[c]', '[c]', '13']
    """
    _check(table, total_row, total_column)
    values = table.astype(float)
    status = pd.DataFrame("", index=table.index, columns=table.columns)
    county_level = {a.name for a in catalogue.areas().values() if a.kind in COUNTY_LEVEL_KINDS}
    small = (values < threshold) & ((values > 0) | suppress_zero)
    for row in table.index:
        if row == total_row or row in county_level:
            continue
        status.loc[row, small.loc[row]] = "primary"
    _add_secondary(values, status, total_row, total_column)
    return SuppressedTable(values.mask(status != ""), status, threshold)


def _check(table: pd.DataFrame, total_row: str | None, total_column: str | None) -> None:
    if total_row is not None and total_row not in table.index:
        raise KcspError(f"total row {total_row!r} is not in the table")
    if total_column is not None and total_column not in table.columns:
        raise KcspError(f"total column {total_column!r} is not in the table")
    numbers = table.apply(pd.to_numeric, errors="coerce")
    bad = numbers.isna() | (numbers < 0) | (numbers % 1 != 0)
    if bad.any().any():
        row, column = bad.stack()[bad.stack()].index[0]
        raise KcspError(
            f"suppression needs whole counts >= 0; found {table.loc[row, column]} "
            f"at row {row!r}, column {column!r}"
        )


def _lines(table: pd.DataFrame, total_row: str | None, total_column: str | None) -> list:
    lines = []
    if total_column is not None:
        lines += [[(row, c) for c in table.columns] for row in table.index]
    if total_row is not None:
        lines += [[(r, column) for r in table.index] for column in table.columns]
    return lines


def _add_secondary(
    values: pd.DataFrame, status: pd.DataFrame, total_row: str | None, total_column: str | None
) -> None:
    lines = _lines(values, total_row, total_column)
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [cell for cell in line if status.loc[cell] != ""]
            if len(hidden) != 1:
                continue
            shown = [cell for cell in line if status.loc[cell] == ""]
            if not shown:
                continue
            # Interior cells before totals, then the smallest value: least information lost.
            pick = min(
                shown,
                key=lambda cell: (
                    cell[0] == total_row or cell[1] == total_column,
                    values.loc[cell],
                ),
            )
            status.loc[pick] = "secondary"
            changed = True
