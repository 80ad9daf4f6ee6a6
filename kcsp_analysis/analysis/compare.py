"""Is a change more than chance? Two-period comparisons with tests, intervals and words.

One quantity is compared, tested and worded: the count when both periods are the same
length, otherwise the rate per day (per month for monthly averages). Direction, verb,
percentage and polarity all come from it; ``to_period`` must end after ``from_period``.

How chance is judged follows the measure's variation model
(:mod:`kcsp_analysis.analysis.variation`):

``poisson`` counts
    Exact test for two Poisson counts, conditional on their total: under no change in
    the underlying rate, the later count given the sum is binomial with probability
    equal to the later period's share of the exposure (days). The interval for the rate
    ratio (later over earlier) comes from the Clopper-Pearson interval for that
    probability, as R's ``poisson.test`` does.
``overdispersed`` counts
    Tested quasi-Poisson when the series' own monthly or quarterly figures give its
    dispersion: Wald test of the log rate ratio with standard error
    ``sqrt(dispersion * (1/c1 + 1/c2))``. Otherwise no verdict.
Monthly averages (``count_per_month``)
    The total is recovered as average times the number of months in the period and
    rounded to a whole count, then tested as a count with months as the exposure.
``binomial`` percentages
    Tested only when the catalogue names the count behind the percentage
    (``rate_denominators.csv``) and that count is published for both periods
    (:mod:`kcsp_analysis.analysis.proportions`).
``survey`` percentages
    Not tested: the reports do not publish the sample sizes.
Series breaks and approximate figures
    Never tested. Across a break the sentence gives no verdict and no improvement or
    deterioration word; approximate figures are said to be approximate.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import wording
from kcsp_analysis.analysis.change_tests import (
    days_in,
    published_row,
    test_change,
)
from kcsp_analysis.analysis.series import (
    breaks_between,
    require_figures,
    resolve_names,
    row_to_period,
    series,
)
from kcsp_analysis.analysis.variation import (
    variation_model,
)
from kcsp_analysis.errors import KcspError
from kcsp_analysis.periods import Period


@dataclass(frozen=True)
class Comparison:
    """Two periods of one measure and area compared: the change, the test and the words.

    ``change`` and ``pct_change`` are of the compared quantity, ``basis``: ``count``
    (periods of equal length), ``rate per day``, ``rate per month`` (monthly averages)
    or ``percentage``. ``from_rate`` and ``to_rate`` are that quantity. ``ci_low`` and
    ``ci_high`` are the interval of ``ci_of``: the rate ratio (later over earlier) for
    counts, the difference in percentage points for percentages. ``model`` is the
    variation model used, ``dispersion`` the factor a quasi-Poisson test used. Fields a
    method cannot give are ``None`` (``significant`` is ``None`` when no verdict is
    given, and ``untested_reason`` says why).
    """

    measure: str
    area: str
    from_period: str
    to_period: str
    unit: str
    from_value: float
    to_value: float
    basis: str
    from_rate: float
    to_rate: float
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
    model: str
    dispersion: float | None
    untested_reason: str
    approximate: bool
    breaks: tuple[catalogue.SeriesBreak, ...]
    sentence: str
    notes: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def crosses_break(self) -> bool:
        """Whether a catalogued series break lies between the two periods."""
        return bool(self.breaks)


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
        Period labels (``2012/13``, ``2013``); ``to_period`` must end after
        ``from_period`` ends.
    level
        Confidence level of the interval; significance is judged at ``1 - level``.

    Returns
    -------
    Comparison

    Raises
    ------
    KcspError
        A figure is missing, published with differing values, or ``to_period`` does
        not end after ``from_period``.
    """
    measure, area = resolve_names(measure, area)
    require_figures(frame, measure, area)
    rows = series(frame, measure, area, periods=(from_period, to_period))
    first, second = (
        published_row(rows, measure, area, from_period, frame),
        published_row(rows, measure, area, to_period, frame),
    )
    p1, p2 = row_to_period(first), row_to_period(second)
    if p2.end <= p1.end:
        raise KcspError(
            f"cannot compare {measure} for {area} from {from_period} to {to_period}: "
            f"{to_period} (ending {p2.end}) does not end after {from_period} (ending "
            f"{p1.end}); give the earlier period first"
        )
    unit = catalogue.measure(measure).unit
    v1, v2 = float(first["value"]), float(second["value"])
    basis, t1, t2 = _basis(unit, p1, p2)
    rate1, rate2 = v1 / t1, v2 / t2
    approximate = bool(first["qualifier"] or second["qualifier"])
    breaks = breaks_between(measure, p1, p2)
    model = variation_model(measure)
    test = test_change(frame, measure, area, (p1, p2), (v1, v2), level, approximate, breaks)
    significant = test.significant
    if significant is None and test.p_value is not None and not test.untested_reason:
        significant = bool(test.p_value < 1 - level)
    comparison = Comparison(
        measure=measure,
        area=area,
        from_period=from_period,
        to_period=to_period,
        unit=unit,
        from_value=v1,
        to_value=v2,
        basis=basis,
        from_rate=rate1,
        to_rate=rate2,
        change=rate2 - rate1,
        pct_change=None if unit == "percent" or rate1 == 0 else 100 * (rate2 - rate1) / rate1,
        points_change=v2 - v1 if unit == "percent" else None,
        rate_ratio=test.rate_ratio,
        p_value=test.p_value,
        ci_low=test.ci_low,
        ci_high=test.ci_high,
        ci_of=test.ci_of,
        level=level,
        significant=significant,
        method=test.method,
        model=model,
        dispersion=test.dispersion,
        untested_reason=test.untested_reason,
        approximate=approximate,
        breaks=breaks,
        sentence="",
        notes=test.notes,
        sources=(first["sources"], second["sources"]),
    )
    return dataclasses.replace(comparison, sentence=_sentence(comparison, second["qualifier"]))


def _basis(unit: str, p1: Period, p2: Period) -> tuple[str, float, float]:
    """Return the compared quantity and each period's exposure (1 for the count itself)."""
    if unit == "percent":
        return "percentage", 1.0, 1.0
    if unit == "count_per_month":
        return "rate per month", 1.0, 1.0  # the published figure is already a monthly rate
    if days_in(p1) == days_in(p2):
        return "count", 1.0, 1.0
    return "rate per day", float(days_in(p1)), float(days_in(p2))


def _head(c: Comparison, q2: str) -> str:
    """Return what changed, in the words of the compared quantity."""
    subject = wording.subject(c.measure, c.area)
    to_text = wording.format_value(c.to_value, c.unit, q2)
    size = wording.format_change(c.change, c.unit, c.pct_change, rough=c.approximate)
    since = f"compared with {c.from_period}"
    if c.basis in ("count", "percentage"):
        if c.change == 0:
            return f"{subject} was unchanged at {to_text} in {c.to_period} {since}"
        verb = wording.direction_word(c.change)
        return (
            f"{subject} {verb} {size} to {to_text} in {c.to_period} compared with {c.from_period}"
        )
    from_text = wording.format_value(c.from_value, c.unit)
    rate = "daily rate" if c.basis == "rate per day" else "monthly average"
    how = "the same" if c.change == 0 else f"{size} {'higher' if c.change > 0 else 'lower'}"
    return (
        f"{subject}: {to_text} in {c.to_period} against {from_text} in {c.from_period}; "
        f"the {rate} was {how}"
    )


def _verdict(c: Comparison) -> str:
    if c.significant is None:
        if c.breaks:
            reasons = " ".join(b.reason for b in c.breaks)
            return f"; {c.untested_reason}, so no verdict on the change is given. {reasons}"
        return f"; {c.untested_reason}."
    usual = "this series' usual variation" if c.dispersion is not None else "chance variation"
    detail = f" ({c.method.partition('(')[2].rstrip(')')})" if c.dispersion is not None else ""
    if c.significant:
        return f", more than {usual} would explain{detail}."
    return f", within the range {usual} would explain{detail}."


def _sentence(c: Comparison, q2: str) -> str:
    parts = [_head(c, q2) + _verdict(c)]
    if c.significant and not c.breaks:
        parts.append(wording.polarity_reading(c.measure, c.change))
    return " ".join(p for p in parts if p)
