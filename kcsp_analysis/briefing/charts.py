"""House style for briefing charts: readable in colour-blind vision and printed in grey.

Colours come from the Okabe-Ito palette and every distinction is also carried by a
marker, a line style or a label, so a chart still reads in grey. Each chart has a title
that states the finding, a source line under it, and draws known series breaks and
expected ranges. Functions return a :class:`matplotlib.figure.Figure` (no pyplot state);
:func:`alt_text` gives the short description an HTML briefing puts in ``alt``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

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
from kcsp_analysis.briefing.chart_style import (
    COLOURS,
    draw_open_markers,
    finish,
    house_style,
    new_figure,
    source_line,
    value_formatter,
)
from kcsp_analysis.errors import KcspError
from kcsp_analysis.periods import Period, period_from_label


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
    figure, axes = new_figure()
    with house_style():
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
        draw_open_markers(axes, positions, rough.tolist(), rows.loc[rough, "value"])
        axes.set_ylabel({"percent": "%", "count_per_month": "a month"}.get(unit, "number"))
        axes.yaxis.set_major_formatter(value_formatter(unit))
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
    return finish(figure, axes, chosen_title, source_line(rows["sources"]), description)


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
    figure, axes = new_figure()
    with house_style():
        bars = axes.barh(names, values, color=COLOURS["series"])
        labels = [wording.format_value(r["value"], unit, r["qualifier"]) for _, r in rows]
        axes.bar_label(bars, labels=labels, padding=3, fontsize=9)
        axes.set_xlim(0, max(values) * 1.15)
        axes.xaxis.set_major_formatter(value_formatter(unit))
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", visible=True)
    shown = ", ".join(f"{n} {v}" for n, v in zip(reversed(names), reversed(labels), strict=True))
    description = f"Bar chart, {area}, {period}: {shown}."
    chosen_title = title or f"Published for {period} only ({area}): {shown}"
    sources = source_line(r["sources"] for _, r in rows)
    return finish(figure, axes, chosen_title, sources, description)


def plot_repeat_rates(table: pd.DataFrame, measure: str, *, title: str | None = None) -> Figure:
    """Repeat rates over time with their Wilson intervals and the expected range.

    ``table`` is :func:`kcsp_analysis.analysis.repeats.repeat_rates` output; rows
    without an interval are drawn as open markers.
    """
    rows = table[table["measure"] == measure].reset_index(drop=True)
    figure, axes = new_figure()
    with house_style():
        positions = _period_axis(axes, [period_from_label(p) for p in rows["period"]])
        has_ci = rows["ci_low"].notna()
        # Never a negative bar, even for an interval that misses its rate.
        lower = (rows["rate"] - rows["ci_low"]).where(has_ci, 0).clip(lower=0)
        upper = (rows["ci_high"] - rows["rate"]).where(has_ci, 0).clip(lower=0)
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
        draw_open_markers(axes, positions, (~has_ci).tolist(), rows.loc[~has_ci, "rate"])
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
    return finish(
        figure,
        axes,
        title or default,
        source_line(rows["sources"]) + "; intervals: Wilson score",
        description,
    )


def _xmr_positions(points: pd.DataFrame) -> list[float]:
    """Place points at the middle day of their periods when dates are known, else 0, 1, ..."""
    if {"start", "end"} <= set(points.columns):
        return [
            (pd.Timestamp(a).toordinal() + pd.Timestamp(b).toordinal()) / 2
            for a, b in zip(points["start"], points["end"], strict=True)
        ]
    return [float(i) for i in range(len(points))]


def plot_xmr(chart: XmrChart, name: str, *, title: str | None = None, source: str = "") -> Figure:
    """Return an XmR chart: values, mean, process limits, and special-cause points marked.

    Special causes are coloured by what they mean for the measure (bluish green for an
    improvement, orange for a concern, black where no direction is agreed) and shaped by
    their side (upward triangles above the mean, downward below). Points sit at their
    dates when the chart has them (:func:`kcsp_analysis.analysis.series_xmr`), so gaps
    show. Trial limits (fewer than 12 points) are dotted and noted.
    """
    points = chart.points
    figure, axes = new_figure()
    trial = bool(chart.warnings)
    with house_style():
        x = _xmr_positions(points)
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
        signal = (
            points["signal"]
            if "signal" in points.columns
            else points["side"].map(lambda side: "neither" if side else "")
        )
        for side, marker in (("high", "^"), ("low", "v")):
            for meaning in ("improvement", "concern", "neither"):
                chosen = (points["side"] == side) & (signal == meaning)
                if not chosen.any():
                    continue
                axes.plot(
                    [i for i, c in zip(x, chosen, strict=True) if c],
                    points.loc[chosen, "value"],
                    linestyle="none",
                    marker=marker,
                    markersize=9,
                    color=COLOURS[meaning],
                    gid=f"special-{side}-{meaning}",
                    zorder=4,
                )
        step = max(1, math.ceil(len(x) / 8))
        axes.set_xticks(x[::step], points["label"].iloc[::step])
        last = points.iloc[-1]
        for column, text in (("upper", "upper limit"), ("mean", "mean"), ("lower", "lower limit")):
            axes.annotate(
                text,
                (x[-1], last[column]),
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
    return finish(figure, axes, title or default, source, description)
