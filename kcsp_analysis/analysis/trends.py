"""Trends over a whole series: against the baseline, year on year, and XmR charts.

The baseline is the first period of the series of the same period type (the reports'
"Baseline '10/11"). Year on year compares a period with the one of the same type a year
earlier (same quarter, same month, previous financial year).
"""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.compare import Comparison, compare
from kcsp_analysis.analysis.series import breaks_between, row_to_period, series
from kcsp_analysis.analysis.spc import XmrChart, xmr_chart
from kcsp_analysis.errors import KcspError

TREND_COLUMNS = (
    "period",
    "value",
    "qualifier",
    "vs_baseline_change",
    "vs_baseline_pct",
    "vs_baseline_p",
    "vs_baseline_significant",
    "vs_baseline_break",
    "year_on_year_change",
    "year_on_year_pct",
    "year_on_year_p",
    "year_on_year_significant",
    "year_on_year_break",
)


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def year_earlier_label(rows: pd.DataFrame, label: str) -> str | None:
    """Return the label of the period a year before ``label`` in a series, or ``None``."""
    period = row_to_period(rows[rows["period"] == label].iloc[0])
    start = pd.Timestamp(_year_earlier(period.start))
    match = rows[(rows["period_type"] == period.period_type) & (rows["period_start"] == start)]
    return None if match.empty else str(match.iloc[0]["period"])


def _typed(frame: pd.DataFrame, measure: str, area: str, period_type: str | None) -> pd.DataFrame:
    rows = series(frame, measure, area, period_type)
    if rows.empty:
        raise KcspError(f"no {measure} figures for {area}")
    if period_type is None:  # the type of the latest period
        rows = rows[rows["period_type"] == rows["period_type"].iloc[-1]]
    return rows.reset_index(drop=True)


def latest_comparisons(
    frame: pd.DataFrame, measure: str, area: str, *, level: float = 0.95
) -> dict[str, Comparison]:
    """Return the latest period against a year earlier and against the baseline.

    Returns
    -------
    dict
        ``year_on_year`` and ``against_baseline`` (each only when that period is published,
        and the baseline only when it differs from the year-earlier period).
    """
    rows = _typed(frame, measure, area, None)
    latest = str(rows["period"].iloc[-1])
    found = {}
    previous = year_earlier_label(rows, latest)
    if previous is not None:
        found["year_on_year"] = compare(frame, measure, area, previous, latest, level=level)
    baseline = str(rows["period"].iloc[0])
    if baseline not in (latest, previous):
        found["against_baseline"] = compare(frame, measure, area, baseline, latest, level=level)
    return found


def trend_table(
    frame: pd.DataFrame, measure: str, area: str, period_type: str | None = None
) -> pd.DataFrame:
    """Every period of a series against the baseline and a year earlier.

    Parameters
    ----------
    period_type
        The period type to use; by default that of the latest period.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TREND_COLUMNS`; ``*_pct`` is the percentage change for counts and
        the change in points for percentages, ``*_break`` whether a catalogued series
        break lies between the two periods. Missing comparisons are empty.
    """
    rows = _typed(frame, measure, area, period_type)
    baseline = str(rows["period"].iloc[0])
    records = []
    for label, value, qualifier in zip(
        rows["period"], rows["value"], rows["qualifier"], strict=True
    ):
        record = {"period": label, "value": value, "qualifier": qualifier}
        against = {"vs_baseline": baseline, "year_on_year": year_earlier_label(rows, label)}
        for prefix, earlier in against.items():
            if earlier is None or earlier == label:
                continue
            result = compare(frame, measure, area, earlier, label)
            record[f"{prefix}_change"] = result.change
            record[f"{prefix}_pct"] = (
                result.points_change if result.unit == "percent" else result.pct_change
            )
            record[f"{prefix}_p"] = result.p_value
            record[f"{prefix}_significant"] = result.significant
            record[f"{prefix}_break"] = result.crosses_break
        records.append(record)
    return pd.DataFrame(records).reindex(columns=list(TREND_COLUMNS))


def series_xmr(frame: pd.DataFrame, measure: str, area: str, period_type: str) -> XmrChart:
    """Return an XmR chart of one monthly or quarterly series, rebased at catalogued breaks.

    Approximate figures are left out (with a warning): their values are not measurements.
    Signals are read with the measure's polarity; the points carry ``start`` and ``end``
    dates, so a chart can place them in time and show gaps as gaps.
    """
    rows = series(frame, measure, area, period_type)
    exact = rows[rows["qualifier"] == ""].reset_index(drop=True)
    if len(exact) < 2:
        raise KcspError(
            f"an XmR chart of {measure} for {area} needs at least 2 exact "
            f"{period_type} figures; found {len(exact)}"
        )
    periods = [row_to_period(row) for _, row in exact.iterrows()]
    rebase = [
        later.label
        for earlier, later in itertools.pairwise(periods)
        if breaks_between(measure, earlier, later, count_restated=False)
    ]
    polarity = catalogue.measure(measure).polarity
    improvement = {"up_is_good": "increase", "up_is_bad": "decrease"}.get(polarity, "neither")
    chart = xmr_chart(
        exact["value"].tolist(),
        [p.label for p in periods],
        rebase_at=rebase,
        improvement=improvement,
    )
    points = chart.points.assign(start=[p.start for p in periods], end=[p.end for p in periods])
    notes = list(chart.warnings)
    left_out = [p for p in rows["period"] if p not in set(exact["period"])]
    if left_out:
        notes.append(f"approximate figures left out: {', '.join(left_out)}")
    gaps = [
        f"{earlier.label} to {later.label}"
        for earlier, later in itertools.pairwise(periods)
        if (later.start - earlier.end).days != 1
    ]
    if gaps:
        notes.append(f"the series has gaps ({'; '.join(gaps)}): moving ranges span them")
    return XmrChart(points, tuple(notes))
