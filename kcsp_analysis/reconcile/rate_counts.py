"""A stated rate against the counts it is a rate of: "1,310 cases ... 301 repeat cases (28%)".

Where a report publishes a percentage and both counts behind it (``rate_denominators.csv``)
for the same area and period, the percentage must be the counts' ratio as printed
(rounded or truncated to its decimals). Only a disagreement is written to the
reconciliation (kind ``rate``): agreement adds no row, so a file whose rates agree has
the reconciliation it had before this check existed.
"""

from __future__ import annotations

import math

import pandas as pd

from kcsp_analysis.processed.reconciliation import Check
from kcsp_analysis.processed.tables import format_number


def rate_matches_counts(rate: float, k: float, n: float) -> bool:
    """Whether ``rate`` (percent, as printed) is ``k`` of ``n`` rounded or truncated.

    >>> rate_matches_counts(23, 283, 1229), rate_matches_counts(28, 301, 1310)
    (True, False)
    """
    if n <= 0:
        return True
    exact = 100 * k / n
    decimals = len(format_number(rate).partition(".")[2])
    step = 10.0**-decimals
    rounded = abs(exact - rate) <= step / 2 + 1e-9
    truncated = math.isclose(math.floor(exact / step + 1e-9) * step, rate, abs_tol=1e-9)
    return rounded or truncated


def check_rate_counts(current: pd.DataFrame) -> list[Check]:
    """Return a ``rate`` check for each stated rate its own counts disagree with."""
    from kcsp_analysis.analysis.rates import rate_denominators  # analysis imports this module

    exact = current[current["qualifier"] == ""]
    values = {
        (m, a, p): (float(v), s, loc)
        for m, a, p, v, s, loc in exact[
            ["measure", "area", "period", "value", "source", "locator"]
        ].itertuples(index=False, name=None)
    }
    checks = []
    for measure, spec in rate_denominators().items():
        for (m, area, period), (rate, source, locator) in values.items():
            k = values.get((spec.numerator, area, period))
            n = values.get((spec.denominator, area, period))
            if m != measure or k is None or n is None or rate_matches_counts(rate, k[0], n[0]):
                continue
            recomputed = round(100 * k[0] / n[0], 4)
            note = (
                f"{spec.numerator} {format_number(k[0])} ({k[1]} {k[2]}) of {spec.denominator} "
                f"{format_number(n[0])} ({n[1]} {n[2]}) is {recomputed:.1f}%"
            )
            checks.append(
                Check(
                    "rate",
                    measure,
                    area,
                    period,
                    period,
                    rate,
                    recomputed,
                    "percent",
                    "disagrees",
                    source,
                    locator,
                    note,
                )
            )
    return checks
