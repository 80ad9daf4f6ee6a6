"""Funnel plot of district rates per 1,000 residents around the pooled rate."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from kcsp_analysis.briefing.chart_style import COLOURS, finish, house_style, new_figure

POSITION_WORDS = {
    "above": "above the 99.8% limit: higher than the usual spread between areas",
    "below": "below the 99.8% limit: lower than the usual spread between areas",
    "above_95": "above the 95% limit only: worth watching, not a clear difference",
    "below_95": "below the 95% limit only: worth watching, not a clear difference",
}


def funnel_sentences(points: pd.DataFrame, name: str) -> list[str]:
    """Say which areas lie outside the funnel's limits, or that none does."""
    if points.empty:
        return []
    pooled = points["pooled"].iloc[0]
    found = [
        f"{r.area}: {r.per_1000:.1f} per 1,000 a year, {POSITION_WORDS[r.position]}."
        for r in points.sort_values("per_1000", ascending=False).itertuples()
        if r.position != "within"
    ]
    head = f"{name}: pooled rate {pooled:.1f} per 1,000 residents a year."
    return [head, *(found or ["Every area lies within the 95% limits of the pooled rate."])]


def plot_funnel(points: pd.DataFrame, name: str, *, source: str = "") -> Figure:
    """Return a funnel plot: each area's rate against its population, with the limits."""
    from scipy import stats

    figure, axes = new_figure()
    with house_style():
        pooled = points["pooled"].iloc[0] / 1000
        span = np.linspace(points["residents"].min() * 0.8, points["residents"].max() * 1.1, 200)
        for level, style in ((0.95, (0, (5, 3))), (0.998, (0, (1, 2)))):
            tail = (1 - level) / 2
            expected = pooled * span
            lower = stats.chi2.ppf(tail, 2 * expected) / 2 / span * 1000
            upper = stats.chi2.ppf(1 - tail, 2 * (expected + 1)) / 2 / span * 1000
            for line in (lower, upper):
                axes.plot(span, line, color=COLOURS["limit"], linestyle=style, linewidth=1)
        axes.axhline(pooled * 1000, color=COLOURS["limit"], linewidth=1)
        axes.plot(points["residents"], points["per_1000"], "o", color=COLOURS["series"])
        for r in points.itertuples():
            axes.annotate(
                r.area,
                (r.residents, r.per_1000),
                xytext=(4, 2),
                textcoords="offset points",
                fontsize=8,
            )
        axes.set_xlabel("residents (all ages)")
        axes.set_ylabel("per 1,000 a year")
    outside = int((points["position"].isin(["above", "below"])).sum())
    description = (
        f"Funnel plot of {name} per 1,000 residents for {len(points)} areas around the pooled "
        f"rate {pooled * 1000:.1f}, with 95% (dashed) and 99.8% (dotted) limits; {outside} "
        "outside the 99.8% limits."
    )
    return finish(figure, axes, f"{name}: rates by area against population", source, description)
