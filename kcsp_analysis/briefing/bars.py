"""Bars for figures published for one period only, parts drawn inside their wholes.

A part (repeat cases among MARAC cases, road deaths within killed or seriously injured)
is never a bar beside its whole as if the two were comparable: it is drawn inside the
whole's bar, labelled "of which". Which measure is part of which is catalogue data: the
counts behind a rate (``rate_denominators.csv``) and the sums of ``component_sums.csv``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import pandas as pd
from matplotlib.figure import Figure

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import wording
from kcsp_analysis.analysis.rates import rate_denominators
from kcsp_analysis.analysis.series import series
from kcsp_analysis.briefing.chart_style import (
    COLOURS,
    finish,
    house_style,
    new_figure,
    source_line,
    value_formatter,
)
from kcsp_analysis.errors import KcspError


@functools.cache
def whole_of() -> dict[str, str]:
    """Return the whole each part measure belongs to (``marac_repeat_cases``: ``marac_cases``)."""
    found = {spec.numerator: spec.denominator for spec in rate_denominators().values()}
    for row in catalogue.read_data_csv("component_sums.csv"):
        if row["total_measure"] and row["part_measure"]:
            found[row["part_measure"]] = row["total_measure"]
    return found


def _lower_first(name: str) -> str:
    """``Road deaths`` as ``road deaths``; ``MARAC repeat cases`` stays as it is.

    >>> _lower_first("Road deaths"), _lower_first("MARAC repeat cases")
    ('road deaths', 'MARAC repeat cases')
    """
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def _figure(frame: pd.DataFrame, measure: str, area: str, period: str) -> pd.Series | None:
    found = series(frame, measure, area)
    found = found[found["period"] == period]
    return None if found.empty else found.iloc[-1]


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
    cases and repeat cases), where a line over time would show a lone point. A measure
    whose whole is also among ``measures`` (or published for the period) is drawn inside
    the whole's bar.
    """
    rows = [(m, r) for m in measures if (r := _figure(frame, m, area, period)) is not None]
    if not rows:
        raise KcspError(f"no figures for {area} in {period} among {', '.join(measures)}")
    units = {catalogue.measure(m).unit for m, _ in rows}
    if len(units) != 1:
        raise KcspError(f"cannot draw {', '.join(sorted(units))} on one axis")
    unit = units.pop()
    parts: dict[str, list[tuple[str, pd.Series]]] = {}
    wholes = []
    for measure, row in rows:
        whole = whole_of().get(measure)
        if whole is not None and _figure(frame, whole, area, period) is not None:
            parts.setdefault(whole, []).append((measure, row))
        else:
            wholes.append((measure, row))
    for whole in parts:
        if whole not in [m for m, _ in wholes]:
            wholes.append((whole, _figure(frame, whole, area, period)))  # type: ignore[arg-type]
    wholes.sort(key=lambda pair: float(pair[1]["value"]))
    names = [catalogue.measure(m).display_name for m, _ in wholes]
    values = [float(r["value"]) for _, r in wholes]
    labels = [wording.format_value(r["value"], unit, r["qualifier"]) for _, r in wholes]
    figure, axes = new_figure()
    inside = []
    with house_style():
        bars = axes.barh(names, values, color=COLOURS["series"], gid="wholes")
        axes.bar_label(bars, labels=labels, padding=3, fontsize=9)
        for position, (measure, _) in enumerate(wholes):
            left = 0.0
            for part, row in parts.get(measure, []):
                value = float(row["value"])
                axes.barh(
                    position,
                    value,
                    left=left,
                    height=0.45,
                    color="white",
                    edgecolor=COLOURS["limit"],
                    hatch="///",
                    gid="part",
                )
                text = f"of which {_lower_first(catalogue.measure(part).display_name)}"
                shown = wording.format_value(value, unit)
                axes.annotate(
                    f"{text}: {shown}",
                    (left + value, position),
                    xytext=(4, -14),
                    textcoords="offset points",
                    fontsize=8,
                )
                inside.append(f"{text} {shown}")
                left += value
        axes.set_xlim(0, max(values) * 1.15)
        axes.xaxis.set_major_formatter(value_formatter(unit))
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", visible=True)
    shown = ", ".join(f"{n} {v}" for n, v in zip(reversed(names), reversed(labels), strict=True))
    within = f" ({'; '.join(inside)}, drawn inside its total)" if inside else ""
    description = f"Bar chart, {area}, {period}: {shown}{within}."
    chosen_title = title or f"Published for {period} only ({area}): {shown}"
    drawn = [*wholes, *(pair for found in parts.values() for pair in found)]
    sources = source_line(r["sources"] for _, r in drawn)
    return finish(figure, axes, chosen_title, sources, description)


__all__ = ["plot_breakdown", "whole_of"]
