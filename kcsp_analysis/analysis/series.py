"""One value per period: tidy series and wide tables from the measures frame.

The measures frame may hold the same figure from several documents. Equal values are
merged (their sources kept together); differing values are an error, because choosing
between them is reconciliation's job, not the analysis's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.errors import KcspError
from kcsp_analysis.periods import Period

SERIES_COLUMNS = (
    "period",
    "period_type",
    "period_start",
    "period_end",
    "value",
    "unit",
    "qualifier",
    "sources",
)


def _check_known(measure: str, area: str) -> None:
    if measure not in catalogue.measures():
        raise KcspError(catalogue.unknown_message("measure", measure, catalogue.measures()))
    if area not in catalogue.areas():
        raise KcspError(catalogue.unknown_message("area", area, catalogue.areas()))


def _where(row: pd.Series) -> str:
    return f"{row['source']} {row['locator']}"


def _merge_duplicates(rows: pd.DataFrame) -> pd.Series:
    """One row for one (measure, area, period); ``KcspError`` if the copies differ."""
    first = rows.iloc[0]
    distinct = rows[["value", "qualifier"]].drop_duplicates()
    if len(distinct) > 1:
        listed = "; ".join(
            f"{row['value']:g}{' (' + row['qualifier'] + ')' if row['qualifier'] else ''} "
            f"in {_where(row)}"
            for _, row in rows.iterrows()
        )
        raise KcspError(
            f"{first['measure']}, {first['area']}, {first['period']} has differing values: "
            f"{listed}; pass the current view (load_measures(current=True)), "
            "which keeps one value per figure",
            source=str(first["source"]),
            locator=str(first["locator"]),
        )
    merged = first.copy()
    merged["sources"] = "; ".join(dict.fromkeys(_where(row) for _, row in rows.iterrows()))
    return merged


def series(
    frame: pd.DataFrame, measure: str, area: str, period_type: str | None = None
) -> pd.DataFrame:
    """Return the tidy, sorted series of one measure for one area, one row per period.

    Parameters
    ----------
    frame
        A measures frame (see :mod:`kcsp_analysis.processed.measures`).
    measure, area
        A catalogue measure id and area name.
    period_type
        Keep only periods of this type (``financial_year``, ``month`` ...); all by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``period, period_type, period_start, period_end`` (dates), ``value, unit,
        qualifier`` and ``sources`` (every ``file locator`` that publishes the figure),
        sorted by start and end date. Empty (with these columns) when nothing matches.

    Raises
    ------
    KcspError
        Unknown measure or area; or one period published with differing values (pass the
        current view of the frame instead).

    Examples
    --------
    >>> from kcsp_analysis.processed.measures import MEASURE_COLUMNS
    >>> row = ["ksi_casualties", "Kent", "2013", "calendar_year", "2013-01-01",
    ...        "2013-12-31", 594.0, "count", "", "a.md", "line 960"]
    >>> frame = pd.DataFrame([row], columns=list(MEASURE_COLUMNS))
    >>> series(frame, "ksi_casualties", "Kent")[["period", "value", "sources"]].values.tolist()
    [['2013', 594.0, 'a.md line 960']]
    """
    _check_known(measure, area)
    rows = frame[(frame["measure"] == measure) & (frame["area"] == area)]
    if period_type is not None:
        rows = rows[rows["period_type"] == period_type]
    if rows.empty:
        return pd.DataFrame({column: [] for column in SERIES_COLUMNS})
    merged = [_merge_duplicates(group) for _, group in rows.groupby("period", sort=False)]
    out = pd.DataFrame(merged)[list(SERIES_COLUMNS)]
    out["period_start"] = pd.to_datetime(out["period_start"])
    out["period_end"] = pd.to_datetime(out["period_end"])
    out = out.sort_values(["period_start", "period_end"], kind="mergesort")
    return out.reset_index(drop=True)


def row_to_period(row: pd.Series) -> Period:
    """Return the :class:`Period` of a series row (no re-parsing of the label)."""
    return Period(
        _to_date(row["period_start"]),
        _to_date(row["period_end"]),
        row["period"],
        row["period_type"],
    )


def _to_date(value: object) -> date:
    return pd.Timestamp(value).date()


def wide(
    frame: pd.DataFrame,
    measures: Iterable[str] | None = None,
    areas: Iterable[str] | None = None,
    *,
    index: str = "area",
    columns: str = "period",
) -> pd.DataFrame:
    """Return a wide table of values for display: by default areas down, periods across.

    Periods are ordered by date, areas and measures in catalogue order. Differing
    duplicate figures raise :class:`KcspError` as in :func:`series`; approximate figures
    keep their value (the qualifier is not shown here).

    Parameters
    ----------
    frame
        A measures frame.
    measures, areas
        Keep only these (all by default).
    index, columns
        Two of ``measure``, ``area``, ``period``; when only one measure or area is
        selected, the third may be left out of the table.

    Examples
    --------
    >>> from kcsp_analysis.processed.measures import MEASURE_COLUMNS
    >>> rows = [["ksi_casualties", "Kent", p, "calendar_year", f"{p}-01-01", f"{p}-12-31",
    ...          v, "count", "", "a.md", "line 960"] for p, v in (("2012", 524.), ("2013", 594.))]
    >>> wide(pd.DataFrame(rows, columns=list(MEASURE_COLUMNS))).to_dict("index")
    {'Kent': {'2012': 524.0, '2013': 594.0}}
    """
    keep = frame
    if measures is not None:
        keep = keep[keep["measure"].isin(list(measures))]
    if areas is not None:
        keep = keep[keep["area"].isin(list(areas))]
    parts = [
        series(keep, m, a).assign(measure=m, area=a)
        for (m, a), _ in keep.groupby(["measure", "area"], sort=False)
    ]
    if not parts:
        return pd.DataFrame()
    tidy = pd.concat(parts, ignore_index=True)
    (left_out,) = {"measure", "area", "period"} - {index, columns}
    if tidy[left_out].nunique() > 1:
        raise KcspError(
            f"a table of {index} by {columns} needs one {left_out}; found "
            f"{', '.join(_ordered(tidy, left_out))}: select one with the {left_out}s argument"
        )
    table = tidy.pivot_table(index=index, columns=columns, values="value", aggfunc="first")
    return table.reindex(index=_ordered(tidy, index), columns=_ordered(tidy, columns))


def _ordered(tidy: pd.DataFrame, key: str) -> list[str]:
    present = set(tidy[key])
    if key == "period":
        by_date = tidy.sort_values(["period_start", "period_end"], kind="mergesort")
        return list(dict.fromkeys(by_date["period"]))
    order = list(catalogue.measures() if key == "measure" else catalogue.areas())
    return [name for name in order if name in present]


def _side_of_break(period: Period, break_date: date) -> str:
    # A period ending on the break date is before it; one starting on it, after it (the
    # catalogue records either the last day of the old basis or the first of the new).
    if period.end <= break_date:
        return "before"
    if period.start >= break_date:
        return "after"
    return "across"


def breaks_between(
    measure: str, first: Period, second: Period, *, count_restated: bool = True
) -> tuple[catalogue.SeriesBreak, ...]:
    """Return the catalogued series breaks that make two periods of a measure not like for like.

    A break separates the periods when they lie on different sides of its date, or when
    either period contains the date (its figure mixes both bases). With
    ``count_restated`` (for judging whether two figures are like for like), an earlier
    period the partnership restated on the new basis (the break's ``restated`` periods)
    counts as after the break; without it (for marking where a series changes basis in
    time, on charts and tables), only the date counts.

    Examples
    --------
    >>> from kcsp_analysis.periods import financial_year
    >>> [b.break_date for b in breaks_between(
    ...     "violent_crime", financial_year(2012), financial_year(2013))]
    ['2013-04-01']
    >>> breaks_between("violent_crime", financial_year(2013), financial_year(2014))
    ()
    >>> breaks_between("da_incidents", financial_year(2010), financial_year(2013))
    ()
    """
    found = []
    for item in catalogue.series_breaks():
        if item.measure != measure:
            continue
        when = date.fromisoformat(item.break_date)
        sides = {
            "after"
            if count_restated and period.label in item.restated_periods
            else _side_of_break(period, when)
            for period in (first, second)
        }
        if sides != {"before"} and sides != {"after"}:
            found.append(item)
    return tuple(found)
