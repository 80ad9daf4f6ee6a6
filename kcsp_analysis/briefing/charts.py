"""House style for briefing charts: readable in colour-blind vision and printed in grey.

Colours come from the Okabe-Ito palette and every distinction is also carried by a
marker, a line style or a label, so a chart still reads in grey. Each chart has a title
that states the finding, a source line under it, and draws known series breaks and
expected ranges. Functions return a :class:`matplotlib.figure.Figure` (no pyplot state);
:func:`alt_text` gives the short description an HTML briefing puts in ``alt``.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import weakref
from collections.abc import Iterable
from typing import Any

import matplotlib as mpl
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import StrMethodFormatter

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import wording
from kcsp_analysis.analysis.rates import band_for
from kcsp_analysis.analysis.series import (
    breaks_between,
    require_figures,
    resolve_names,
    row_to_period,
    series,
)
from kcsp_analysis.analysis.spc import XmrChart
from kcsp_analysis.analysis.trends import latest_comparisons
from kcsp_analysis.errors import KcspError
from kcsp_analysis.periods import Period, period_from_label

# Okabe-Ito colours whose lightness differs by at least 0.1 between roles drawn together,
# so that they stay apart in grey; shapes (triangles up and down) carry the meaning too.
COLOURS = {
    "series": "#0072B2",  # blue, lightness 0.37
    "low": "#009E73",  # bluish green, 0.48
    "high": "#E69F00",  # orange, 0.64
    "limit": "#000000",
    "band": "#BBBBBB",
    "text": "#333333",
}
HOUSE_RC: dict[str, Any] = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.edgecolor": COLOURS["text"],
    "text.color": COLOURS["text"],
    "figure.dpi": 100,
    "savefig.dpi": 150,
}
SIZE = (7.5, 4.2)

_ALT_TEXT: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()


def alt_text(figure: Figure) -> str:
    """Return the short description of a chart made by this module, for HTML ``alt``."""
    return _ALT_TEXT.get(figure, "")


def _house_style() -> contextlib.AbstractContextManager[None]:
    """Apply the house style while a chart is built; the global settings stay untouched.

    seaborn's white-grid theme and print-sized context are the base; ``HOUSE_RC`` sets
    what the briefings need on top (left-aligned bold titles, light horizontal grid).
    """
    rc = {**sns.axes_style("whitegrid"), **sns.plotting_context("notebook"), **HOUSE_RC}
    return mpl.rc_context(rc)  # type: ignore[arg-type]  # keys are valid rc names


def _new_figure() -> tuple[Figure, Axes]:
    with _house_style():
        figure = Figure(figsize=SIZE, layout="constrained")
        axes = figure.add_subplot()
    return figure, axes


def _finish(figure: Figure, axes: Axes, title: str, source: str, description: str) -> Figure:
    with _house_style():
        axes.margins(x=0.06)
        axes.set_title(title, loc="left", wrap=True)
        figure.text(0.01, 0.005, source, fontsize=8, color=COLOURS["text"], ha="left", va="bottom")
        engine = figure.get_layout_engine()
        if isinstance(engine, ConstrainedLayoutEngine):  # leave room for the source line
            engine.set(rect=(0, 0.05, 1, 0.95))
    _ALT_TEXT[figure] = description
    return figure


def _value_formatter(unit: str) -> StrMethodFormatter:
    # Whole numbers for counts; percentages keep their decimals (24.2%, 24.8%).
    return StrMethodFormatter("{x:,.0f}" if unit != "percent" else "{x:g}")


def _draw_open_markers(
    axes: Axes, positions: list[float], chosen: list[bool], values: Iterable[float]
) -> None:
    """Open circles over the chosen points: approximate figures, rates without interval."""
    axes.plot(
        [p for p, keep in zip(positions, chosen, strict=True) if keep],
        list(values),
        linestyle="none",
        marker="o",
        markersize=8,
        markerfacecolor="white",
        color=COLOURS["series"],
        zorder=4,
    )


def source_line(sources: Iterable[str]) -> str:
    """``Source: file (line 797, line 801); other file (row 3)`` from ``file locator`` texts.

    >>> source_line(["a.md line 797", "a.md line 801; b.csv row 3"])
    'Source: a.md (line 797, line 801); b.csv (row 3)'
    """
    by_file: dict[str, list[str]] = {}
    for text in sources:
        for part in str(text).split("; "):
            path, _, where = part.partition(" ")
            places = by_file.setdefault(path.rsplit("/", 1)[-1], [])
            if where and where not in places:
                places.append(where)
    return "Source: " + "; ".join(f"{n} ({', '.join(w)})" for n, w in by_file.items())


def _draw_band(axes: Axes, measure: str) -> str:
    band = band_for(measure)
    if band is None:
        return ""
    sign = "%" if band.unit == "percent" else ""
    if band.low == band.high:
        axes.axhline(band.low, color=COLOURS["limit"], linestyle=(0, (1, 2)), gid="reference-band")
    else:
        axes.axhspan(
            band.low,
            band.high,
            color=COLOURS["band"],
            alpha=0.35,
            hatch="///",
            linewidth=0,
            gid="reference-band",
        )
    label = f"expected {band.low:g}{sign}" + (
        "" if band.low == band.high else f" to {band.high:g}{sign}"
    )
    axes.annotate(
        label,
        (0.01, band.high),
        xycoords=("axes fraction", "data"),
        xytext=(0, -3),
        textcoords="offset points",
        va="top",
        fontsize=8,
    )
    return f" The expected range, {band.low:g}{sign} to {band.high:g}{sign}, is shaded."


def _draw_breaks(axes: Axes, measure: str, rows: pd.DataFrame) -> str:
    periods = [row_to_period(row) for _, row in rows.iterrows()]
    notes = []
    for earlier, later in itertools.pairwise(periods):
        if not breaks_between(measure, earlier, later, count_restated=False):
            continue
        # Midway between the two periods' middles, where the line on the chart changes.
        when = _middle(earlier) + (_middle(later) - _middle(earlier)) / 2
        axes.axvline(
            when, color=COLOURS["limit"], linestyle=(0, (4, 3)), linewidth=1, gid="series-break"
        )
        axes.annotate(
            "series break",
            (when, 0),
            xycoords=("data", "axes fraction"),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=8,
            va="bottom",
        )
        notes.append(f"between {earlier.label} and {later.label}")
    return f" A series break is marked {' and '.join(notes)}." if notes else ""


def _middle(period: Period) -> float:
    # Plain day numbers rather than dates: no unit conversion to reset the ticks.
    start, end = period.start.toordinal(), period.end.toordinal()
    return (start + end) / 2


def _period_axis(axes: Axes, periods: list[Period]) -> list[float]:
    """Place periods at their middle day, so that gaps in a series show as gaps."""
    middles = [_middle(period) for period in periods]
    step = max(1, math.ceil(len(middles) / 8))
    axes.set_xticks(middles[::step], [p.label for p in periods[::step]])
    return middles


def _default_title(frame: pd.DataFrame, measure: str, area: str, rows: pd.DataFrame) -> str:
    found = latest_comparisons(frame, measure, area)
    chosen = found.get("year_on_year") or found.get("against_baseline")
    if chosen is None:
        name = wording.subject(measure, area)
        return f"{name}: {rows['period'].iloc[0]} to {rows['period'].iloc[-1]}"
    # The sentence up to its first clause states the finding.
    head = chosen.sentence.replace("; ", ", ").split(", ")[0]
    return head + (" (series break)" if chosen.crosses_break else "")


def plot_series(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    *,
    period_type: str | None = None,
    title: str | None = None,
) -> Figure:
    """Line chart of one measure for one area, with breaks and the expected range.

    The default title is the latest year-on-year change (or change against the
    baseline) in words. Approximate figures are drawn as open markers.
    """
    require_figures(frame, measure, area)
    measure, area = resolve_names(measure, area)
    rows = series(frame, measure, area, period_type)
    if period_type is None and not rows.empty:
        rows = rows[rows["period_type"] == rows["period_type"].iloc[-1]].reset_index(drop=True)
    unit = catalogue.measure(measure).unit
    figure, axes = _new_figure()
    with _house_style():
        positions = _period_axis(axes, [row_to_period(row) for _, row in rows.iterrows()])
        axes.plot(
            positions,
            rows["value"],
            color=COLOURS["series"],
            linewidth=2,
            marker="o",
            markersize=6,
            zorder=3,
            gid="series",
        )
        rough = rows["qualifier"] != ""
        _draw_open_markers(axes, positions, rough.tolist(), rows.loc[rough, "value"])
        axes.set_ylabel({"percent": "%", "count_per_month": "a month"}.get(unit, "number"))
        axes.yaxis.set_major_formatter(_value_formatter(unit))
        if unit != "percent":
            # Counts start at zero; headroom keeps the top marker inside the frame.
            axes.set_ylim(0, float(rows["value"].max()) * 1.08)
        band_note = _draw_band(axes, measure)
        break_note = _draw_breaks(axes, measure, rows)
    shown = ", ".join(
        f"{wording.format_value(v, unit, q)} in {p}"
        for p, v, q in zip(rows["period"], rows["value"], rows["qualifier"], strict=True)
    )
    name = wording.subject(measure, area)
    description = f"Line chart, {name}: {shown}.{band_note}{break_note}"
    chosen_title = title or _default_title(frame, measure, area, rows)
    return _finish(figure, axes, chosen_title, source_line(rows["sources"]), description)


def plot_breakdown(
    frame: pd.DataFrame,
    measures: Iterable[str],
    area: str,
    period: str,
    *,
    title: str | None = None,
) -> Figure:
    """Horizontal bars comparing several measures of one unit in one period.

    For figures published for a single period only (road casualties by severity, MARAC
    cases and repeat cases), where a line over time would show a lone point.
    """
    rows = []
    for measure in measures:
        found = series(frame, measure, area)
        found = found[found["period"] == period]
        if not found.empty:
            rows.append((measure, found.iloc[-1]))
    if not rows:
        raise KcspError(f"no figures for {area} in {period} among {', '.join(measures)}")
    units = {catalogue.measure(m).unit for m, _ in rows}
    if len(units) != 1:
        raise KcspError(f"cannot draw {', '.join(sorted(units))} on one axis")
    unit = units.pop()
    rows.sort(key=lambda pair: float(pair[1]["value"]))
    names = [catalogue.measure(m).display_name for m, _ in rows]
    values = [float(r["value"]) for _, r in rows]
    figure, axes = _new_figure()
    with _house_style():
        bars = axes.barh(names, values, color=COLOURS["series"])
        labels = [wording.format_value(r["value"], unit, r["qualifier"]) for _, r in rows]
        axes.bar_label(bars, labels=labels, padding=3, fontsize=9)
        axes.set_xlim(0, max(values) * 1.15)
        axes.xaxis.set_major_formatter(_value_formatter(unit))
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", visible=True)
    shown = ", ".join(f"{n} {v}" for n, v in zip(reversed(names), reversed(labels), strict=True))
    description = f"Bar chart, {area}, {period}: {shown}."
    chosen_title = title or f"Published for {period} only ({area}): {shown}"
    sources = source_line(r["sources"] for _, r in rows)
    return _finish(figure, axes, chosen_title, sources, description)


def plot_repeat_rates(table: pd.DataFrame, measure: str, *, title: str | None = None) -> Figure:
    """Repeat rates over time with their Wilson intervals and the expected range.

    ``table`` is :func:`kcsp_analysis.analysis.repeats.repeat_rates` output; rows
    without an interval are drawn as open markers.
    """
    rows = table[table["measure"] == measure].reset_index(drop=True)
    figure, axes = _new_figure()
    with _house_style():
        positions = _period_axis(axes, [period_from_label(p) for p in rows["period"]])
        has_ci = rows["ci_low"].notna()
        lower = (rows["rate"] - rows["ci_low"]).where(has_ci, 0)
        upper = (rows["ci_high"] - rows["rate"]).where(has_ci, 0)
        axes.errorbar(
            positions,
            rows["rate"],
            yerr=[lower, upper],
            color=COLOURS["series"],
            marker="o",
            markersize=6,
            capsize=4,
            linewidth=1.5,
            gid="rates",
        )
        _draw_open_markers(axes, positions, (~has_ci).tolist(), rows.loc[~has_ci, "rate"])
        axes.set_ylabel("%")
        axes.set_ylim(0, max(45.0, float(rows["rate"].max()) + 5))
        band_note = _draw_band(axes, measure)
    name = catalogue.measure(measure).display_name
    last = rows.iloc[-1]
    shown = "; ".join(
        f"{r['rate']:g}% in {r['period']}"
        + (
            f" (95% interval {r['ci_low']:.1f}% to {r['ci_high']:.1f}%)"
            if pd.notna(r["ci_low"])
            else ""
        )
        for _, r in rows.iterrows()
    )
    description = f"Chart of rates with 95% intervals, {name}: {shown}.{band_note}"
    default = f"{name} {last['rate']:g}% in {last['period']}: {last['reading']}"
    return _finish(
        figure,
        axes,
        title or default,
        source_line(rows["sources"]) + "; intervals: Wilson score",
        description,
    )


def plot_xmr(chart: XmrChart, name: str, *, title: str | None = None, source: str = "") -> Figure:
    """Return an XmR chart: values, mean, process limits, and special-cause points marked.

    High special causes are drawn as vermillion upward triangles, low ones as sky-blue
    downward triangles; trial limits (fewer than 12 points) are dotted and noted.
    """
    points = chart.points
    figure, axes = _new_figure()
    trial = bool(chart.warnings)
    with _house_style():
        x = list(range(len(points)))
        axes.plot(
            x,
            points["value"],
            color=COLOURS["series"],
            marker="o",
            markersize=4,
            linewidth=1.5,
            gid="values",
        )
        style = (0, (1, 2)) if trial else (0, (5, 3))
        for _, segment in points.assign(x=x).groupby("segment"):
            axes.plot(segment["x"], segment["mean"], color=COLOURS["limit"], linewidth=1)
            for column in ("lower", "upper"):
                axes.plot(
                    segment["x"],
                    segment[column],
                    color=COLOURS["limit"],
                    linestyle=style,
                    linewidth=1,
                    gid=f"limit-{column}",
                )
        for side, marker in (("high", "^"), ("low", "v")):
            chosen = points["side"] == side
            axes.plot(
                [i for i, c in zip(x, chosen, strict=True) if c],
                points.loc[chosen, "value"],
                linestyle="none",
                marker=marker,
                markersize=9,
                color=COLOURS[side],
                gid=f"special-{side}",
                zorder=4,
            )
        step = max(1, math.ceil(len(x) / 8))
        axes.set_xticks(x[::step], points["label"].iloc[::step])
        last = points.iloc[-1]
        for column, text in (("upper", "upper limit"), ("mean", "mean"), ("lower", "lower limit")):
            axes.annotate(
                text,
                (len(x) - 1, last[column]),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                annotation_clip=False,
            )
    signals = int(points["special_cause"].sum())
    default = (
        f"{name}: {signals} point{'s show' if signals != 1 else ' shows'} special-cause variation"
        if signals
        else f"{name}: only common-cause variation"
    )
    notes = f" Note: {'; '.join(chart.warnings)}." if chart.warnings else ""
    description = (
        f"XmR control chart of {name} over {len(points)} points from {points['label'].iloc[0]} "
        f"to {points['label'].iloc[-1]}, mean {points['mean'].iloc[-1]:,.1f}, limits "
        f"{points['lower'].iloc[-1]:,.1f} to {points['upper'].iloc[-1]:,.1f}; "
        f"{signals} special-cause point{'s' if signals != 1 else ''}.{notes}"
    )
    if trial:
        axes.text(
            0.99,
            0.02,
            "trial limits: fewer than 12 points",
            transform=axes.transAxes,
            ha="right",
            fontsize=8,
        )
    return _finish(figure, axes, title or default, source, description)
