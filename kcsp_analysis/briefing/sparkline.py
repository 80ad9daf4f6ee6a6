"""Sparklines: a series as a small inline SVG, drawn by the charts' honest rules.

The value scale starts at zero, points sit at their periods' middle days (a missing year
is a gap), lines join only periods that follow each other on one basis
(:mod:`kcsp_analysis.briefing.lines`), approximate figures are open circles and the
latest figure is a little larger. No script, no external file: the SVG is part of the page.
"""

from __future__ import annotations

import html

import pandas as pd

from kcsp_analysis.analysis.series import row_to_period
from kcsp_analysis.briefing.lines import line_segments

WIDTH, HEIGHT, PAD = 64, 20, 3
INK = "#1d70b8"


def sparkline_svg(rows: pd.DataFrame, measure: str, label: str) -> str:
    """Return an inline SVG of a series (``rows`` of one measure, area and period type).

    ``label`` is the accessible description (``aria-label`` and ``<title>``).

    >>> sparkline_svg(pd.DataFrame(columns=["value"]), "da_incidents", "none")
    ''
    """
    if rows.empty:
        return ""
    periods = [row_to_period(row) for _, row in rows.iterrows()]
    middles = [(p.start.toordinal() + p.end.toordinal()) / 2 for p in periods]
    first, last = min(middles), max(middles)
    span = (last - first) or 1.0
    top = float(rows["value"].max()) or 1.0

    def x(day: float) -> float:
        if last == first:
            return WIDTH / 2
        return PAD + (WIDTH - 2 * PAD) * (day - first) / span

    def y(value: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / top

    values = [float(v) for v in rows["value"]]
    qualifiers = [str(q) for q in rows["qualifier"]]
    parts = [
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        'stroke="#b1b4b6" stroke-width="1"/>'
    ]
    for run in line_segments(measure, periods):
        if len(run) > 1:
            points = " ".join(f"{x(middles[i]):.1f},{y(values[i]):.1f}" for i in run)
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="1.5"/>'
            )
    for index, (day, value) in enumerate(zip(middles, values, strict=True)):
        # Approximate figures are open, as on the charts; the latest is a little larger.
        fill = "#ffffff" if qualifiers[index] else INK
        radius = 2.2 if index == len(values) - 1 else 1.6
        parts.append(
            f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="{radius}" fill="{fill}" '
            f'stroke="{INK}" stroke-width="1"/>'
        )
    text = html.escape(label, quote=True)
    return (
        f'<svg class="spark" role="img" aria-label="{text}" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{text}</title>{''.join(parts)}</svg>"
    )


__all__ = ["sparkline_svg"]
