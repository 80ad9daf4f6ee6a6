"""Monthly series from police.uk and STATS19 in a briefing: XmR charts, districts, sources.

A measure gets this section for an area when it has at least 12 consecutive exact
monthly figures there: its XmR chart (:func:`kcsp_analysis.analysis.trends.series_xmr`)
with the signals in words and a seasonal caveat, the comparison of Medway and the
districts (per 1,000 residents, and a funnel plot, where ``data/raw/population/`` gives
``all_ages`` for at least 3 areas), and
its figures labelled by source, beside those of the committee papers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.population import (
    consecutive_months,
    district_comparison,
    funnel,
    read_estimates,
)
from kcsp_analysis.analysis.spc import XmrChart
from kcsp_analysis.analysis.trends import series_xmr

MIN_MONTHS = 12
MIN_FUNNEL_AREAS = 3
SOURCE_LABELS = {
    "policeuk/": "police.uk street-level files",
    "stats19/": "DfT STATS19",
    "reports/": "committee paper",
    "figures/": "figures file",
}
SEASONAL_CAVEAT = (
    "Monthly counts rise and fall with the seasons (anti-social behaviour and violence peak "
    "in summer, road casualties in the dark evenings of autumn), and months differ in "
    "length. The chart's limits do not allow for this, so a run above or below the mean can "
    "be the season: compare with the same months a year earlier before reading a signal as "
    "a change."
)


def source_label(source: str) -> str:
    """Return what kind of source a raw file is, for labels (``police.uk street-level files``).

    >>> source_label("stats19/dft-road-casualty-statistics-casualty-2015.csv")
    'DfT STATS19'
    """
    for folder, label in SOURCE_LABELS.items():
        if source.startswith(folder):
            return label
    return "other"


def monthly_measures(frame: pd.DataFrame, measures: Iterable[str], area: str) -> list[str]:
    """Return the measures with at least 12 consecutive monthly figures for the area."""
    return [m for m in measures if len(consecutive_months(frame, m, area)) >= MIN_MONTHS]


def _signal_words(chart: XmrChart) -> list[str]:
    points = chart.points
    words = []
    rules = (
        ("outside", "outside the process limits"),
        ("shift", "in a run of 7 or more on one side of the mean"),
        ("trend", "in a run of 7 or more rising or falling"),
        ("two_of_three", "two of three near a limit"),
    )
    for column, text in rules:
        chosen = points[points[column]]
        if not chosen.empty:
            labels = ", ".join(f"{r.label} ({r.side})" for r in chosen.itertuples())
            words.append(f"{len(chosen)} month{'s' if len(chosen) != 1 else ''} {text}: {labels}")
    return words


def xmr_sentences(chart: XmrChart, name: str) -> list[str]:
    """Say in words what an XmR chart shows: its mean and limits, and every signal."""
    points = chart.points
    last = points.iloc[-1]
    first = (
        f"{name}: {len(points)} months from {points['label'].iloc[0]} to {last['label']}; "
        f"the latest, {last['value']:,.0f} in {last['label']}, against a mean of "
        f"{last['mean']:,.1f} and process limits of {max(last['lower'], 0):,.1f} to "
        f"{last['upper']:,.1f}."
    )
    signals = _signal_words(chart)
    second = (
        "Special-cause variation: " + "; ".join(signals) + "."
        if signals
        else "Only common-cause variation: no month is a signal by the Making Data Count rules."
    )
    return [first, second, *chart.warnings]


def district_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """Return the district comparison as a table for display, highest rate first."""
    if comparison.empty:
        return pd.DataFrame()
    ordered = comparison.sort_values(["per_1000", "count"], ascending=False, na_position="last")
    return pd.DataFrame(
        {
            "Area": ordered["area"],
            "Months": ordered["period"],
            "Count": ordered["count"].map("{:,.0f}".format),
            "Residents (mid-year)": [
                f"{r:,.0f} ({y})" if r == r else "no estimate"
                for r, y in zip(ordered["residents"], ordered["mid_year"], strict=True)
            ],
            "Per 1,000 a year": ordered["per_1000"].map(lambda v: f"{v:.1f}" if v == v else "[x]"),
        }
    ).reset_index(drop=True)


def by_source_table(frame: pd.DataFrame, measure: str, area: str) -> pd.DataFrame:
    """Return the measure's annual and quarterly figures for the area, each with its source."""
    rows = frame[
        (frame["measure"] == measure) & (frame["area"] == area) & (frame["period_type"] != "month")
    ].sort_values(["period_start", "source"])
    return pd.DataFrame(
        {
            "Period": rows["period"],
            "Value": rows["value"].map("{:,.0f}".format),
            "Source": rows["source"].map(source_label),
            "File and place": rows["source"] + " " + rows["locator"],
        }
    ).reset_index(drop=True)


def monthly_section(
    frame: pd.DataFrame, measures: Iterable[str], area: str, population_dir: Path | None
) -> list[tuple[str, object]]:
    """Return the parts of the monthly section in order: ``(kind, content)`` pairs.

    Kinds: ``heading`` and ``sentences`` (text), ``chart`` (a matplotlib figure),
    ``table`` (a caption and a frame). Empty when no measure has 12 consecutive months.
    """
    population = read_estimates(population_dir)
    parts: list[tuple[str, object]] = []
    for measure in monthly_measures(frame, measures, area):
        from kcsp_analysis.briefing.charts import plot_xmr

        name = catalogue.measure(measure).display_name
        chart = series_xmr(frame, measure, area, "month")
        run = consecutive_months(frame, measure, area)
        labels = sorted({source_label(s.split(" ")[0]) for s in run["sources"]})
        parts.append(("heading", f"{name}, monthly ({', '.join(labels)})"))
        parts.append(("sentences", [*xmr_sentences(chart, name), SEASONAL_CAVEAT]))
        source = f"Source: {', '.join(labels)}, {run['period'].iloc[0]} to {run['period'].iloc[-1]}"
        parts.append(("chart", plot_xmr(chart, name, source=source)))
        comparison = district_comparison(frame, measure, population)
        points = funnel(comparison)
        if len(points) >= MIN_FUNNEL_AREAS:
            from kcsp_analysis.briefing.funnel import funnel_sentences, plot_funnel

            parts.append(("sentences", funnel_sentences(points, name)))
            parts.append(("chart", plot_funnel(points, name, source=source)))
        if not comparison.empty:
            note = (
                ""
                if comparison["residents"].notna().any()
                else " (no population file: counts only)"
            )
            caption = f"{name} by district, {comparison['period'].iloc[0]}{note}"
            parts.append(("table", (caption, district_table(comparison))))
        annual = by_source_table(frame, measure, area)
        if not annual.empty:
            parts.append(("table", (f"{name} for {area}: annual figures by source", annual)))
    return parts
