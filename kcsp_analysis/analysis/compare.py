"""Is a change more than chance? Two-period comparisons with tests, intervals and words.

Counts
    Exact test for two Poisson counts, conditional on their total: under no change in
    the underlying rate, the later count given the sum is binomial with probability
    equal to the later period's share of the exposure. The interval for the rate ratio
    (later over earlier) comes from the Clopper-Pearson interval for that probability,
    as R's ``poisson.test`` does. Periods of the same type are taken as equal exposure
    (the reports compare like periods directly); periods of different types are
    compared as rates per day.
Monthly averages (``count_per_month``)
    The total is recovered as average times the number of months in the period and
    rounded to a whole count, then tested as a count. Averages are published rounded,
    so the totals are approximate to within half a case per month.
Percentages
    Tested only when the catalogue names the count behind the percentage
    (``rate_denominators.csv``) and that count is published for both periods: a
    two-proportion z-test, with Newcombe's hybrid score interval for the difference.
    Otherwise no test is made and the sentence says which count is missing.
Approximate figures (published as "over", "under", "about")
    Never tested; the sentence says they are approximate.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import pandas as pd
from scipy import stats

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import wording
from kcsp_analysis.analysis.rates import rate_ci, rate_denominators
from kcsp_analysis.analysis.series import (
    breaks_between,
    require_figures,
    resolve_names,
    row_to_period,
    series,
)
from kcsp_analysis.errors import KcspError
from kcsp_analysis.periods import Period


@dataclass(frozen=True)
class Comparison:
    """Two periods of one measure and area compared: the change, the test and the words.

    ``ci_low`` and ``ci_high`` are the interval of ``ci_of``: the rate ratio (later over
    earlier) for counts, the difference in percentage points for percentages. Fields a
    method cannot give are ``None`` (``significant`` is ``None`` when nothing was tested).
    """

    measure: str
    area: str
    from_period: str
    to_period: str
    unit: str
    from_value: float
    to_value: float
    change: float
    pct_change: float | None
    points_change: float | None
    rate_ratio: float | None
    p_value: float | None
    ci_low: float | None
    ci_high: float | None
    ci_of: str
    level: float
    significant: bool | None
    method: str
    approximate: bool
    breaks: tuple[catalogue.SeriesBreak, ...]
    sentence: str
    notes: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def crosses_break(self) -> bool:
        """Whether a catalogued series break lies between the two periods."""
        return bool(self.breaks)


@dataclass(frozen=True)
class _Test:
    p_value: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    ci_of: str = ""
    rate_ratio: float | None = None
    method: str = ""
    untested_reason: str = ""
    notes: tuple[str, ...] = ()


def compare(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    from_period: str,
    to_period: str,
    *,
    level: float = 0.95,
) -> Comparison:
    """Compare a measure for an area between two periods.

    Parameters
    ----------
    frame
        A measures frame with one value per figure (duplicates must agree).
    measure, area
        Catalogue measure id and area name.
    from_period, to_period
        Period labels (``2012/13``, ``2013``); ``to_period`` is the later one.
    level
        Confidence level of the interval; significance is judged at ``1 - level``.

    Returns
    -------
    Comparison

    Raises
    ------
    KcspError
        A figure is missing, or published with differing values.
    """
    measure, area = resolve_names(measure, area)
    require_figures(frame, measure, area)
    rows = series(frame, measure, area, periods=(from_period, to_period))
    first, second = (_row(rows, measure, area, p, frame) for p in (from_period, to_period))
    unit = catalogue.measure(measure).unit
    p1, p2 = row_to_period(first), row_to_period(second)
    v1, v2 = float(first["value"]), float(second["value"])
    approximate = bool(first["qualifier"] or second["qualifier"])
    same_type = p1.period_type == p2.period_type
    rate1, rate2 = (v1, v2) if same_type else (v1 / _days(p1), v2 / _days(p2))
    pct = None if unit == "percent" or rate1 == 0 else 100 * (rate2 - rate1) / rate1
    points = v2 - v1 if unit == "percent" else None

    if approximate:
        test = _Test(method="none", untested_reason="the figures are approximate")
    elif unit == "percent":
        test = _test_proportions(frame, measure, area, p1, p2, level)
    else:
        test = _test_counts(_count_of(v1, unit, p1), _count_of(v2, unit, p2), p1, p2, level)
        test = _with_note(test, POISSON_NOTE)
        if unit == "count_per_month":
            test = _with_note(test, _MONTHLY_NOTE)
    significant = None if test.p_value is None else bool(test.p_value < 1 - level)
    breaks = breaks_between(measure, p1, p2)
    comparison = Comparison(
        measure=measure,
        area=area,
        from_period=from_period,
        to_period=to_period,
        unit=unit,
        from_value=v1,
        to_value=v2,
        change=v2 - v1,
        pct_change=pct,
        points_change=points,
        rate_ratio=test.rate_ratio,
        p_value=test.p_value,
        ci_low=test.ci_low,
        ci_high=test.ci_high,
        ci_of=test.ci_of,
        level=level,
        significant=significant,
        method=test.method,
        approximate=approximate,
        breaks=breaks,
        sentence="",
        notes=test.notes,
        sources=(first["sources"], second["sources"]),
    )
    sentence = _sentence(comparison, second["qualifier"], test, same_type)
    return dataclasses.replace(comparison, sentence=sentence)


POISSON_NOTE = (
    "The test assumes pure Poisson variation; recorded counts usually vary more than that "
    "from year to year (recording practice, reporting behaviour), so a small p-value on a "
    "large count is weaker evidence than it looks."
)
_MONTHLY_NOTE = (
    "Monthly averages were turned into totals (average times months in the period) for "
    "the test; averages are published rounded, so the totals are approximate."
)


def _row(
    rows: pd.DataFrame, measure: str, area: str, period: str, frame: pd.DataFrame | None = None
) -> pd.Series:
    match = rows[rows["period"] == period]
    if match.empty:
        published = rows if frame is None else _published(frame, measure, area)
        known = ", ".join(dict.fromkeys(published["period"])) or "none"
        raise KcspError(f"no {measure} figure for {area} in {period}; published periods: {known}")
    return match.iloc[0]


def _published(frame: pd.DataFrame, measure: str, area: str) -> pd.DataFrame:
    rows = frame[(frame["measure"] == measure) & (frame["area"] == area)]
    return rows.sort_values(["period_start", "period_end"], kind="mergesort")


def _days(period: Period) -> int:
    return (period.end - period.start).days + 1


def _months(period: Period) -> int:
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def _count_of(value: float, unit: str, period: Period) -> int:
    total = value * _months(period) if unit == "count_per_month" else value
    return round(total)


def _with_note(test: _Test, note: str) -> _Test:
    return _Test(**{**test.__dict__, "notes": (*test.notes, note)})


def _test_counts(c1: int, c2: int, p1: Period, p2: Period, level: float) -> _Test:
    """Exact conditional test of two Poisson counts; interval for the rate ratio."""
    same_type = p1.period_type == p2.period_type
    t1, t2 = (1.0, 1.0) if same_type else (float(_days(p1)), float(_days(p2)))
    method = "exact conditional test of two Poisson counts" + (
        "" if same_type else " (rates per day)"
    )
    total = c1 + c2
    if total == 0:
        return _Test(method=method, untested_reason="both counts are zero")
    share = t2 / (t1 + t2)
    result = stats.binomtest(c2, total, share)
    ci = result.proportion_ci(confidence_level=level, method="exact")
    ratio = math.inf if c1 == 0 else (c2 / t2) / (c1 / t1)
    low = ci.low / (1 - ci.low) * t1 / t2
    high = math.inf if ci.high >= 1 else ci.high / (1 - ci.high) * t1 / t2
    return _Test(
        p_value=float(result.pvalue),
        ci_low=float(low),
        ci_high=float(high),
        ci_of="rate ratio",
        rate_ratio=ratio,
        method=method,
    )


def _test_proportions(
    frame: pd.DataFrame, measure: str, area: str, p1: Period, p2: Period, level: float
) -> _Test:
    spec = rate_denominators().get(measure)
    if spec is None:
        return _Test(
            method="none",
            untested_reason="the number of cases behind the percentage is not published",
        )
    pairs = []
    for period in (p1, p2):
        n = _exact_value(frame, spec.denominator, area, period.label)
        if n is None:
            return _Test(
                method="none",
                untested_reason=f"the number of {spec.denominator_label} in {period.label} "
                "is not published",
            )
        k = _exact_value(frame, spec.numerator, area, period.label)
        if k is None:  # recover the numerator from the published percentage
            rows = series(frame, measure, area, periods=period.label)
            pct = float(_row(rows, measure, area, period.label)["value"])
            k = round(pct * n / 100)
        pairs.append((int(k), int(n)))
    (k1, n1), (k2, n2) = pairs
    return _two_proportion_test(k1, n1, k2, n2, level)


def _exact_value(frame: pd.DataFrame, measure: str, area: str, period: str) -> float | None:
    rows = series(frame, measure, area, periods=period)
    match = rows[(rows["period"] == period) & (rows["qualifier"] == "")]
    return None if match.empty else float(match.iloc[0]["value"])


def _two_proportion_test(k1: int, n1: int, k2: int, n2: int, level: float) -> _Test:
    """Pooled two-proportion z-test; Newcombe hybrid score interval for p2 - p1 (points)."""
    if n1 <= 0 or n2 <= 0 or not (0 <= k1 <= n1 and 0 <= k2 <= n2):
        return _Test(method="none", untested_reason="the published counts are inconsistent")
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    diff = k2 / n2 - k1 / n1
    p_value = 1.0 if se == 0 else float(2 * stats.norm.sf(abs(diff) / se))
    r1, r2 = rate_ci(k1, n1, level), rate_ci(k2, n2, level)
    d = r2.estimate - r1.estimate
    low = d - math.hypot(r2.estimate - r2.low, r1.high - r1.estimate)
    high = d + math.hypot(r2.high - r2.estimate, r1.estimate - r1.low)
    return _Test(
        p_value=p_value,
        ci_low=low,
        ci_high=high,
        ci_of="difference in percentage points",
        method=f"two-proportion z-test ({k1} of {n1} against {k2} of {n2})",
    )


def _sentence(c: Comparison, q2: str, test: _Test, same_type: bool) -> str:
    subject = wording.subject(c.measure, c.area)
    verb = wording.direction_word(c.change)
    to_text = wording.format_value(c.to_value, c.unit, q2)
    if c.change == 0:
        head = f"{subject} {verb} at {to_text} in {c.to_period}"
    else:
        size = wording.format_change(c.change, c.unit, c.pct_change, rough=c.approximate)
        per_day = "" if same_type or c.unit == "percent" else " a day"
        head = f"{subject} {verb} {size}{per_day} to {to_text} in {c.to_period}"
    head += f" compared with {c.from_period}"
    if c.significant is None:
        why = test.untested_reason or "no test applies"
        head += f"; {why}, so chance variation cannot be judged."
    elif c.significant:
        head += ", more than chance variation would explain."
    else:
        head += ", within the range chance variation would explain."
    parts = [head]
    if c.breaks:
        reasons = " ".join(b.reason for b in c.breaks)
        parts.append(f"The two figures are not like for like because of a series break. {reasons}")
    if c.significant:
        parts.append(wording.polarity_reading(c.measure, c.change))
    return " ".join(p for p in parts if p)
