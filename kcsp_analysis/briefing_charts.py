"""One chart per measure for the briefings, with a description for its alt text.

Bars, one per published period of the latest period type: the periods are often not
consecutive (a baseline year, then the last two), so a line would suggest figures in
between that nobody published. Series breaks are drawn as dashed lines, expected ranges
as a shaded band, approximate figures hatched. One dark colour: it prints in grey.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import breaks_between, series
from kcsp_analysis.analysis.rates import band_for
from kcsp_analysis.analysis.series import row_to_period
from kcsp_analysis.analysis.wording import format_value, subject
from kcsp_analysis.briefing import main_period_type

BAR_COLOUR = "#1d4f91"
BAND_COLOUR = "#cfe3f3"
BREAK_COLOUR = "#505a5f"


def chart_series(frame: pd.DataFrame, measure: str, area: str) -> pd.DataFrame:
    """The rows a chart of one measure shows: its main series (see ``main_period_type``)."""
    rows = series(frame, measure, area)
    if rows.empty:
        return rows
    kind = main_period_type(rows)
    return rows[rows["period_type"] == kind].reset_index(drop=True)


def chart_description(frame: pd.DataFrame, measure: str, area: str) -> str:
    """Alt text: what the chart shows, every figure, breaks and the expected range."""
    rows = chart_series(frame, measure, area)
    name = subject(measure, area)
    if rows.empty:
        return f"No figures of {_lower_first(name)} to chart."
    figures = ", ".join(
        f"{format_value(r['value'], str(r['unit']), str(r['qualifier']))} in {r['period']}"
        for _, r in rows.iterrows()
    )
    text = f"Bar chart of {_lower_first(name)}: {figures}."
    for position in _break_positions(rows, measure):
        before, after = rows.iloc[position - 1]["period"], rows.iloc[position]["period"]
        text += f" A dashed line between {before} and {after} marks a series break."
    band = band_for(measure)
    if band is not None:
        sign = "%" if band.unit == "percent" else ""
        text += (
            f" The shaded band is the expected range, {band.low:g}{sign} to {band.high:g}{sign}."
        )
    return text


def _lower_first(name: str) -> str:
    # "Domestic abuse incidents" -> "domestic ...", but "MARAC cases" keeps its capitals.
    if len(name) > 1 and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def _break_positions(rows: pd.DataFrame, measure: str) -> list[int]:
    return [
        i
        for i in range(1, len(rows))
        if breaks_between(measure, row_to_period(rows.iloc[i - 1]), row_to_period(rows.iloc[i]))
    ]


def measure_chart(frame: pd.DataFrame, measure: str, area: str) -> tuple[Any, str]:
    """A bar chart of one measure for one area, and its alt text.

    Returns
    -------
    (matplotlib.figure.Figure, str)
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import StrMethodFormatter

    rows = chart_series(frame, measure, area)
    unit = catalogue.measure(measure).unit
    figure = Figure(figsize=(6.4, 3.2))
    axes = figure.add_subplot()
    labels = list(rows["period"])
    hatches = ["//" if q else "" for q in rows["qualifier"]]
    band = band_for(measure)
    if band is not None:
        axes.axhspan(band.low, band.high, color=BAND_COLOUR, zorder=0, label="expected range")
    bars = axes.bar(labels, rows["value"], color=BAR_COLOUR, zorder=2)
    for bar, hatch, (_, row) in zip(bars, hatches, rows.iterrows(), strict=True):
        if hatch:
            bar.set_hatch(hatch)
            bar.set_facecolor("white")
            bar.set_edgecolor(BAR_COLOUR)
        axes.annotate(
            format_value(row["value"], unit, str(row["qualifier"])),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=9,
            xytext=(0, 2),
            textcoords="offset points",
        )
    for position in _break_positions(rows, measure):
        axes.axvline(position - 0.5, color=BREAK_COLOUR, linestyle="--", linewidth=1.2, zorder=3)
        axes.annotate(
            "series break",
            (position - 0.5, axes.get_ylim()[1]),
            rotation=90,
            va="top",
            ha="right",
            fontsize=8,
            color=BREAK_COLOUR,
        )
    axes.set_title(_title(rows, measure, area), loc="left", fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_ylabel("%" if unit == "percent" else "per month" if unit != "count" else "")
    axes.margins(y=0.15)
    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    sources = "; ".join(dict.fromkeys(s for s in rows["sources"]))
    figure.text(0.01, -0.02, f"Source: {sources}", fontsize=7, color=BREAK_COLOUR, wrap=True)
    figure.tight_layout()
    return figure, chart_description(frame, measure, area)


def _title(rows: pd.DataFrame, measure: str, area: str) -> str:
    name = subject(measure, area)
    if rows.empty:
        return name
    last = rows.iloc[-1]
    figure = format_value(last["value"], str(last["unit"]), str(last["qualifier"]))
    return f"{name}: {figure} in {last['period']}"
