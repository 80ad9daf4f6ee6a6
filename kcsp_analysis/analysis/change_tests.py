"""The tests behind a comparison: which one a measure's variation model allows, and why not.

See :mod:`kcsp_analysis.analysis.compare` for what each model supports.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import pandas as pd
from scipy import stats

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.proportions import two_proportion_test
from kcsp_analysis.analysis.rates import rate_denominators
from kcsp_analysis.analysis.series import series
from kcsp_analysis.analysis.variation import (
    Dispersion,
    estimate_dispersion,
    no_dispersion_reason,
    variation_model,
)
from kcsp_analysis.errors import KcspError
from kcsp_analysis.periods import Period


@dataclass(frozen=True)
class ChangeTest:
    """The outcome of testing a change, or why it was not tested."""

    p_value: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    ci_of: str = ""
    rate_ratio: float | None = None
    method: str = "none"
    untested_reason: str = ""
    notes: tuple[str, ...] = ()
    dispersion: float | None = None
    significant: bool | None = None


def test_change(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    periods: tuple[Period, Period],
    values: tuple[float, float],
    level: float,
    approximate: bool,
    breaks: tuple[catalogue.SeriesBreak, ...],
) -> ChangeTest:
    """Return the test the measure's variation model allows, or why there is none."""
    p1, p2 = periods
    unit, model = catalogue.measure(measure).unit, variation_model(measure)
    if breaks:
        return ChangeTest(untested_reason=BREAK_REASON)
    if approximate:
        return ChangeTest(untested_reason=_untested("the figures are approximate"))
    if unit == "percent":
        if model == "survey":
            return ChangeTest(
                untested_reason=_untested("the survey's sample sizes are not published")
            )
        return _test_proportions(frame, measure, area, p1, p2, level)
    counts = (_count_of(values[0], unit, p1), _count_of(values[1], unit, p2))
    exposure = (float(_months(p1)), float(_months(p2))) if unit == "count_per_month" else None
    notes = (_MONTHLY_NOTE,) if unit == "count_per_month" else ()
    if model == "overdispersed":
        dispersion = estimate_dispersion(frame, measure, area)
        if dispersion is None:
            return ChangeTest(untested_reason=no_dispersion_reason(p1.period_type), notes=notes)
        test = _test_quasi_poisson(counts, periods, dispersion, level, exposure)
    else:
        test = _test_counts(counts, periods, level, exposure)
    return dataclasses.replace(test, notes=notes)


BREAK_REASON = "the two figures are not like for like because of a series break"
POISSON_NOTE = (
    "Road casualty counts are tested as Poisson counts (exact test). Police-recorded "
    "counts (crime, anti-social behaviour, domestic abuse, MARAC cases) also move with "
    "recording practice and reporting behaviour; they get a verdict only when at least 12 "
    "monthly or 8 quarterly figures show how much they usually move, and none otherwise."
)
_MONTHLY_NOTE = (
    "Monthly averages were turned into totals (average times months in the period) for "
    "the test; averages are published rounded, so the totals are approximate."
)


def days_in(period: Period) -> int:
    """Return the number of days of a period, both ends included."""
    return (period.end - period.start).days + 1


def _months(period: Period) -> int:
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def _count_of(value: float, unit: str, period: Period) -> int:
    total = value * _months(period) if unit == "count_per_month" else value
    return round(total)


def _exposures(
    periods: tuple[Period, Period], exposure: tuple[float, float] | None
) -> tuple[float, float]:
    if exposure is not None:
        return exposure
    return float(days_in(periods[0])), float(days_in(periods[1]))


def _test_counts(
    counts: tuple[int, int],
    periods: tuple[Period, Period],
    level: float,
    exposure: tuple[float, float] | None = None,
) -> ChangeTest:
    """Exact conditional test of two Poisson counts; interval for the rate ratio."""
    (c1, c2), (t1, t2) = counts, _exposures(periods, exposure)
    method = "exact conditional test of two Poisson counts" + (
        "" if t1 == t2 else " (rates per day)" if exposure is None else " (rates per month)"
    )
    total = c1 + c2
    if total == 0:
        return ChangeTest(method=method, untested_reason=_untested("both counts are zero"))
    result = stats.binomtest(c2, total, t2 / (t1 + t2))
    ci = result.proportion_ci(confidence_level=level, method="exact")
    ratio = math.inf if c1 == 0 else (c2 / t2) / (c1 / t1)
    low = ci.low / (1 - ci.low) * t1 / t2
    high = math.inf if ci.high >= 1 else ci.high / (1 - ci.high) * t1 / t2
    return ChangeTest(
        p_value=float(result.pvalue),
        ci_low=float(low),
        ci_high=float(high),
        ci_of="rate ratio",
        rate_ratio=ratio,
        method=method,
    )


def _test_quasi_poisson(
    counts: tuple[int, int],
    periods: tuple[Period, Period],
    dispersion: Dispersion,
    level: float,
    exposure: tuple[float, float] | None = None,
) -> ChangeTest:
    """Wald test of the log rate ratio with the Poisson variance times the dispersion."""
    (c1, c2), (t1, t2) = counts, _exposures(periods, exposure)
    method = f"quasi-Poisson test of two counts ({dispersion.describe()})"
    if c1 == 0 or c2 == 0:
        return ChangeTest(method=method, untested_reason=_untested("one of the counts is zero"))
    log_ratio = math.log((c2 / t2) / (c1 / t1))
    se = math.sqrt(dispersion.factor * (1 / c1 + 1 / c2))
    z = float(stats.norm.ppf(0.5 + level / 2))
    return ChangeTest(
        p_value=float(2 * stats.norm.sf(abs(log_ratio) / se)),
        ci_low=math.exp(log_ratio - z * se),
        ci_high=math.exp(log_ratio + z * se),
        ci_of="rate ratio",
        rate_ratio=math.exp(log_ratio),
        method=method,
        dispersion=dispersion.factor,
    )


def _untested(why: str) -> str:
    return f"{why}, so chance variation cannot be judged"


def _test_proportions(
    frame: pd.DataFrame, measure: str, area: str, p1: Period, p2: Period, level: float
) -> ChangeTest:
    spec = rate_denominators().get(measure)
    if spec is None:
        return ChangeTest(
            untested_reason=_untested("the number of cases behind the percentage is not published")
        )
    pairs = []
    for period in (p1, p2):
        n = _exact_value(frame, spec.denominator, area, period.label)
        if n is None:
            return ChangeTest(
                untested_reason=_untested(
                    f"the number of {spec.denominator_label} in {period.label} is not published"
                )
            )
        k = _exact_value(frame, spec.numerator, area, period.label)
        if k is None:  # recover the numerator from the published percentage
            pct = float(
                published_row(series(frame, measure, area), measure, area, period.label)["value"]
            )
            k = round(pct * n / 100)
        pairs.append((int(k), int(n)))
    (k1, n1), (k2, n2) = pairs
    if n1 <= 0 or n2 <= 0 or not (0 <= k1 <= n1 and 0 <= k2 <= n2):
        return ChangeTest(untested_reason=_untested("the published counts are inconsistent"))
    result = two_proportion_test(k1, n1, k2, n2, level)
    return ChangeTest(
        p_value=result.p_value,
        ci_low=result.ci_low,
        ci_high=result.ci_high,
        ci_of="difference in percentage points",
        method=result.method,
        significant=result.significant,
        untested_reason=(
            f"{result.disagreement}, so no verdict is given" if result.disagreement else ""
        ),
    )


def _exact_value(frame: pd.DataFrame, measure: str, area: str, period: str) -> float | None:
    rows = series(frame, measure, area, periods=period)
    match = rows[(rows["period"] == period) & (rows["qualifier"] == "")]
    return None if match.empty else float(match.iloc[0]["value"])


def published_row(
    rows: pd.DataFrame, measure: str, area: str, period: str, frame: pd.DataFrame | None = None
) -> pd.Series:
    """Return the row of ``period`` in a series; ``KcspError`` naming the published ones.

    With the full ``frame``, the periods named are every one published for the measure
    and area, not only those of ``rows``.
    """
    match = rows[rows["period"] == period]
    if match.empty:
        published = rows if frame is None else _published(frame, measure, area)
        known = ", ".join(dict.fromkeys(published["period"])) or "none"
        raise KcspError(f"no {measure} figure for {area} in {period}; published periods: {known}")
    return match.iloc[0]


def _published(frame: pd.DataFrame, measure: str, area: str) -> pd.DataFrame:
    rows = frame[(frame["measure"] == measure) & (frame["area"] == area)]
    return rows.sort_values(["period_start", "period_end"], kind="mergesort")
