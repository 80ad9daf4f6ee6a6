"""XmR control charts in the house style: values, mean, process limits, special causes."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure

from kcsp_analysis.analysis.spc import XmrChart
from kcsp_analysis.briefing.chart_style import COLOURS, finish, house_style, new_figure


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


__all__ = ["plot_xmr"]
