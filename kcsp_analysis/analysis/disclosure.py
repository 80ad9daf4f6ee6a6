"""Small-number protection for published tables: primary and secondary suppression.

Primary: a count from 1 to ``threshold - 1`` in a row below county level (a district,
or any row that is not a county, force area or country) is suppressed. A zero is shown
by default: it identifies nobody (``suppress_zero=True`` suppresses it too).

Secondary: a row or column with a total is one equation. So is a column holding a
county and all the areas ``kcsp_analysis/data/component_sums.csv`` says it is the sum of
(Kent and its 12 districts), whether or not the caller names a total. A suppressed cell
can be recovered by subtraction when it is the only unknown of a line, counting as known
every cell recovered that way before (the check is repeated until nothing more comes
out). And where a line's total is known, the cells suppressed in it must add up to at
least ``threshold``: otherwise their sum (Dover 3 and Thanet 0 under a total of 23 that
shows the rest: 3) gives small numbers away. While a line breaks either rule another of
its cells is suppressed: non-zero interior cells first, smallest first, then zeros, then
totals.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

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
    _add_secondary(values, status, _lines(table, total_row, total_column), threshold)
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


Cell = tuple[object, object]
Line = tuple[Cell, list[Cell]]
"""A total cell and the cells it is the sum of."""


@functools.cache
def _area_sums() -> dict[str, tuple[str, ...]]:
    """Return the areas that are the sum of other areas, from ``component_sums.csv``."""
    text = resources.files("kcsp_analysis").joinpath("data", "component_sums.csv")
    sums: dict[str, list[str]] = {}
    for row in csv.DictReader(text.read_text(encoding="utf-8").splitlines()):
        if row["total_area"] and row["part_area"] and not row["total_measure"]:
            sums.setdefault(row["total_area"], []).append(row["part_area"])
    return {total: tuple(parts) for total, parts in sums.items()}


def _lines(table: pd.DataFrame, total_row: str | None, total_column: str | None) -> list[Line]:
    lines: list[Line] = []
    if total_column is not None:
        others = [c for c in table.columns if c != total_column]
        lines += [((row, total_column), [(row, c) for c in others]) for row in table.index]
    if total_row is not None:
        others = [r for r in table.index if r != total_row]
        lines += [((total_row, column), [(r, column) for r in others]) for column in table.columns]
    for total, parts in _area_sums().items():
        if total != total_row and total in table.index and set(parts) <= set(table.index):
            lines += [((total, c), [(p, c) for p in parts]) for c in table.columns]
    return lines


def _recovered(lines: list[Line], hidden: set[Cell]) -> tuple[set[Cell], Line | None]:
    """Return the hidden cells subtraction recovers, and the first line that gives one away."""
    known: set[Cell] = set()
    first = None
    changed = True
    while changed:
        changed = False
        for line in lines:
            unknown = [c for c in (line[0], *line[1]) if c in hidden and c not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                first = first or line
                changed = True
    return known, first


def _small_sum_line(
    values: pd.DataFrame, lines: list[Line], hidden: set[Cell], threshold: int
) -> Line | None:
    """Return a line whose total is shown and whose suppressed cells add up to too little."""
    for line in lines:
        inside = [c for c in line[1] if c in hidden]
        if line[0] not in hidden and inside and sum(values.loc[c] for c in inside) < threshold:
            return line
    return None


def _add_secondary(
    values: pd.DataFrame, status: pd.DataFrame, lines: list[Line], threshold: int
) -> None:
    while True:
        hidden = {cell for cell, s in status.stack().items() if s}
        known, leaking = _recovered(lines, hidden)
        line = leaking if known else _small_sum_line(values, lines, hidden, threshold)
        if line is None:
            return
        shown = [c for c in (line[0], *line[1]) if c not in hidden]
        if not shown:
            return
        # Non-zero interior cells first, smallest first; then zeros; the total last.
        pick = min(shown, key=lambda c: (c == line[0], values.loc[c] == 0, values.loc[c]))
        status.loc[pick] = "secondary"
