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
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import wording
from kcsp_analysis.analysis.rates import band_for, count_ci
from kcsp_analysis.analysis.series import (
    breaks_between,
    require_figures,
    resolve_names,
    row_to_period,
    series,
)
from kcsp_analysis.analysis.variation import variation_model
from kcsp_analysis.briefing.bars import plot_breakdown
from kcsp_analysis.briefing.chart_style import (
    COLOURS,
    draw_open_markers,
    finish,
    house_style,
    new_figure,
    source_line,
    value_formatter,
)
from kcsp_analysis.briefing.lines import basis_of, is_restated, line_segments
from kcsp_analysis.briefing.plain import plain_sentence
from kcsp_analysis.briefing.xmr_charts import plot_xmr
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
            (when, 1),
            xycoords=("data", "axes fraction"),
            xytext=(3, -3),
            textcoords="offset points",
            fontsize=8,
            va="top",
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
    from kcsp_analysis.briefing.findings import lead_comparison

    chosen = lead_comparison(frame, measure, area, str(rows["period"].iloc[-1]))
    if chosen is None:
        name = wording.subject(measure, area)
        return f"{name}: {rows['period'].iloc[0]} to {rows['period'].iloc[-1]}"
    # The finding up to its verdict states what the chart shows.
    head = plain_sentence(chosen).split(": ")[0].split("; ")[0]
    return head + (" (not like for like)" if chosen.crosses_break else "")


def _point_styles(measure: str, periods: list[Period], marks: list[list[str]]) -> list[str]:
    """Each point's kind: ``new``, ``old`` (an earlier basis), ``restated`` or ``provisional``."""
    latest = basis_of(measure, periods[-1]) if periods else 0
    kinds = []
    for period, found in zip(periods, marks, strict=True):
        if "[p]" in found:
            kinds.append("provisional")
        elif is_restated(measure, period):
            kinds.append("restated")
        else:
            kinds.append("new" if basis_of(measure, period) == latest else "old")
    return kinds


POINT_STYLES: dict[str, dict[str, Any]] = {
    "new": {"marker": "o", "color": COLOURS["series"], "label": "figure"},
    "old": {"marker": "s", "color": "#777777", "label": "earlier basis (before the break)"},
    "restated": {"marker": "D", "color": COLOURS["series"], "label": "restated on the new basis"},
    "provisional": {
        "marker": "o",
        "color": COLOURS["series"],
        "markerfacecolor": "white",
        "label": "[p] provisional",
    },
}


def _draw_intervals(axes: Axes, measure: str, positions: list[float], rows: pd.DataFrame) -> str:
    """Exact Poisson intervals of counts whose model is Poisson; others have none to draw."""
    if variation_model(measure) != "poisson" or catalogue.measure(measure).unit != "count":
        return ""
    chosen = [
        (x, count_ci(float(v)))
        for x, v, q in zip(positions, rows["value"], rows["qualifier"], strict=True)
        if not q and float(v).is_integer()
    ]
    if not chosen:
        return ""
    axes.errorbar(
        [x for x, _ in chosen],
        [c.estimate for _, c in chosen],
        yerr=[
            [max(0.0, c.estimate - c.low) for _, c in chosen],
            [max(0.0, c.high - c.estimate) for _, c in chosen],
        ],
        linestyle="none",
        color=COLOURS["limit"],
        capsize=4,
        linewidth=1,
        gid="intervals",
        label="95% interval (chance variation of a count)",
    )
    return " Bars show each count's 95% interval."


def plot_series(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    *,
    period_type: str | None = None,
    title: str | None = None,
    marks: dict[str, list[str]] | None = None,
) -> Figure:
    """Line chart of one measure for one area, with breaks and the expected range.

    The value axis starts at zero. Lines join only periods that follow each other on the
    same basis (:mod:`kcsp_analysis.briefing.lines`): a missing year or a series break
    leaves a gap. Figures on an earlier basis are grey squares, a figure restated on the
    new basis a diamond, provisional figures (``marks`` from
    :func:`~kcsp_analysis.briefing.tables.figure_marks` holding ``[p]``) and approximate
    ones open circles; counts modelled as Poisson get their 95% intervals. The default
    title is the finding the measure leads with, in plain words.
    """
    require_figures(frame, measure, area)
    measure, area = resolve_names(measure, area)
    rows = series(frame, measure, area, period_type)
    if period_type is None and not rows.empty:
        rows = rows[rows["period_type"] == rows["period_type"].iloc[-1]].reset_index(drop=True)
    unit = catalogue.measure(measure).unit
    periods = [row_to_period(row) for _, row in rows.iterrows()]
    kinds = _point_styles(measure, periods, [(marks or {}).get(p, []) for p in rows["period"]])
    figure, axes = new_figure()
    with house_style():
        positions = _period_axis(axes, periods)
        # Every point first (the line of record), markers only; then the joined runs.
        axes.plot(positions, rows["value"], linestyle="none", marker="", gid="series")
        for run in line_segments(measure, periods):
            if len(run) > 1:
                axes.plot(
                    [positions[i] for i in run],
                    rows["value"].iloc[run],
                    color=COLOURS["series"] if kinds[run[-1]] != "old" else "#777777",
                    linewidth=2,
                    zorder=3,
                    gid="series-line",
                )
        for kind, style in POINT_STYLES.items():
            chosen = [i for i, k in enumerate(kinds) if k == kind]
            if chosen:
                axes.plot(
                    [positions[i] for i in chosen],
                    rows["value"].iloc[chosen],
                    linestyle="none",
                    markersize=7,
                    zorder=4,
                    gid=f"points-{kind}",
                    **style,
                )
        rough = rows["qualifier"] != ""
        draw_open_markers(axes, positions, rough.tolist(), rows.loc[rough, "value"])
        interval_note = _draw_intervals(axes, measure, positions, rows)
        axes.set_ylabel({"percent": "%", "count_per_month": "a month"}.get(unit, "number"))
        axes.yaxis.set_major_formatter(value_formatter(unit))
        band = band_for(measure)
        top = max(float(rows["value"].max()), band.high if band else 0.0)
        # Counts and percentages start at zero; headroom keeps the top marker inside.
        axes.set_ylim(0, top * 1.15)
        band_note = _draw_band(axes, measure)
        break_note = _draw_breaks(axes, measure, rows)
        if set(kinds) != {"new"} or interval_note:
            # Counts and shares start at zero, so the foot of the chart is free.
            axes.legend(loc="lower left", fontsize=8, frameon=True, framealpha=0.9)
    shown = ", ".join(
        f"{wording.format_value(v, unit, q)} in {p}{' (restated)' if k == 'restated' else ''}"
        f"{' (provisional)' if k == 'provisional' else ''}"
        for p, v, q, k in zip(rows["period"], rows["value"], rows["qualifier"], kinds, strict=True)
    )
    name = wording.subject(measure, area)
    description = f"Line chart, {name}: {shown}.{band_note}{break_note}{interval_note}"
    chosen_title = title or _default_title(frame, measure, area, rows)
    return finish(figure, axes, chosen_title, source_line(rows["sources"]), description)


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


__all__ = ["plot_breakdown", "plot_repeat_rates", "plot_series", "plot_xmr"]
