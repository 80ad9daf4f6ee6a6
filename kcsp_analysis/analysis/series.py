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


REVISIONS_ATTR = "kcsp_revisions"
"""``frame.attrs`` key under which :func:`kcsp_analysis.load_measures` keeps the revisions
(as row tuples), so that a full frame can give the current view of the figures asked for."""


def resolve_names(measure: str, area: str) -> tuple[str, str]:
    """Return the measure id and area name for an id, name or catalogue alias of each.

    >>> resolve_names("Number of Domestic Abuse Incidents", "Kent excluding Medway")
    ('da_incidents', 'Kent')
    """
    return _measure_id(measure), _area_name(area)


def _measure_id(text: str) -> str:
    found = catalogue.lookup_measure(text)
    if found is None:
        raise KcspError(catalogue.unknown_message("measure", text, catalogue.measures()))
    return found


def _area_name(text: str) -> str:
    found = catalogue.lookup_area(text)
    if found is None:
        raise KcspError(catalogue.unknown_message("area", text, catalogue.areas()))
    return found


def as_names(given: str | Iterable[str] | None) -> list[str] | None:
    """Return a list of names: one string is one name, not a list of letters.

    >>> as_names("da_incidents"), as_names(("Kent", "Medway")), as_names(None)
    (['da_incidents'], ['Kent', 'Medway'], None)
    """
    if given is None:
        return None
    return [given] if isinstance(given, str) else list(given)


def require_figures(frame: pd.DataFrame, measure: str, area: str) -> None:
    """Raise :class:`KcspError` naming what exists when ``measure`` has no figures for ``area``."""
    measure, area = resolve_names(measure, area)
    if ((frame["measure"] == measure) & (frame["area"] == area)).any():
        return
    areas = [
        a for a in catalogue.areas() if a in set(frame.loc[frame["measure"] == measure, "area"])
    ]
    here = set(frame.loc[frame["area"] == area, "measure"])
    measures = [m for m in catalogue.measures() if m in here]
    raise KcspError(
        f"no {measure} figures for {area}; {measure} has figures for: "
        f"{', '.join(areas) or 'no area'}; {area} has figures of: {', '.join(measures) or 'none'}"
    )


def _current_view_of(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Return ``rows`` without superseded copies, when copies differ and ``frame`` has revisions."""
    records = frame.attrs.get(REVISIONS_ATTR)
    if (
        not records
        or len(rows[["period", "value", "qualifier"]].drop_duplicates()) == rows["period"].nunique()
    ):
        return rows
    from kcsp_analysis.processed.revisions import REVISION_COLUMNS
    from kcsp_analysis.reconcile.current import drop_revised

    revisions = pd.DataFrame(list(records), columns=list(REVISION_COLUMNS))
    return drop_revised(rows, revisions)


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
    if "decimals" in rows:
        # The same value printed as 2% and 2.0% was published to one decimal.
        merged["decimals"] = int(rows["decimals"].max())
    return merged


def series(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    period_type: str | None = None,
    *,
    periods: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Return the tidy, sorted series of one measure for one area, one row per period.

    Parameters
    ----------
    frame
        A measures frame (see :mod:`kcsp_analysis.processed.measures`).
    measure, area
        A catalogue measure id and area name, or an alias of either
        (``"Kent excluding Medway"`` is Kent).
    period_type
        Keep only periods of this type (``financial_year``, ``month`` ...); all by default.
    periods
        Keep only these period labels (one label or several); all by default. Only the
        figures kept must have one value each.

    Returns
    -------
    pandas.DataFrame
        Columns ``period, period_type, period_start, period_end`` (dates), ``value, unit,
        qualifier`` and ``sources`` (every ``file locator`` that publishes the figure),
        sorted by start and end date. Empty (with these columns) when nothing matches.

    Raises
    ------
    KcspError
        Unknown measure or area; or one period published with differing values in a
        frame that does not carry its revisions (a frame of :func:`kcsp_analysis.load_measures`
        does, and gives the current view of those figures).

    Examples
    --------
    >>> from kcsp_analysis.processed.measures import MEASURE_COLUMNS
    >>> row = ["ksi_casualties", "Kent", "2013", "calendar_year", "2013-01-01",
    ...        "2013-12-31", 594.0, "count", "", "a.md", "line 960"]
    >>> frame = pd.DataFrame([row], columns=list(MEASURE_COLUMNS))
    >>> series(frame, "ksi_casualties", "Kent")[["period", "value", "sources"]].values.tolist()
    [['2013', 594.0, 'a.md line 960']]
    """
    measure, area = resolve_names(measure, area)
    rows = frame[(frame["measure"] == measure) & (frame["area"] == area)]
    if period_type is not None:
        rows = rows[rows["period_type"] == period_type]
    if periods is not None:
        rows = rows[rows["period"].isin(as_names(periods) or [])]
    rows = _current_view_of(frame, rows)
    if rows.empty:
        return pd.DataFrame({column: [] for column in SERIES_COLUMNS})
    merged = [_merge_duplicates(group) for _, group in rows.groupby("period", sort=False)]
    extra = ["decimals"] if "decimals" in rows else []
    out = pd.DataFrame(merged)[[*SERIES_COLUMNS, *extra]]
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
        Keep only these (all by default): one id, name or alias, or several.
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
    measure_ids = [_measure_id(m) for m in as_names(measures) or []]
    area_names = [_area_name(a) for a in as_names(areas) or []]
    if measures is not None:
        keep = keep[keep["measure"].isin(measure_ids)]
    if areas is not None:
        keep = keep[keep["area"].isin(area_names)]
    parts = [
        series(keep, m, a).assign(measure=m, area=a)
        for (m, a), _ in keep.groupby(["measure", "area"], sort=False)
    ]
    if not parts:
        raise KcspError(
            f"no figures for {', '.join(measure_ids or ['any measure'])} in "
            f"{', '.join(area_names or ['any area'])}; the frame has figures of: "
            f"{', '.join(sorted(set(frame['measure']))) or 'none'}; for areas: "
            f"{', '.join(a for a in catalogue.areas() if a in set(frame['area'])) or 'none'}"
        )
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
