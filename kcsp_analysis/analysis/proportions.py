"""Two proportions compared: a test that agrees with the interval it is shown with.

The interval for the difference is Newcombe's hybrid score interval (from the two Wilson
intervals). The test is the pooled z-test (the score test) when every expected cell of
the two-by-two table is at least :data:`MIN_EXPECTED`, and Fisher's exact test otherwise:
at small counts the z-test's normal approximation can call a difference "more than
chance" that the interval still allows to be zero. A verdict is given only when the
test and the interval agree; when they do not, the result says so and gives none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats

from kcsp_analysis.analysis.rates import rate_ci

MIN_EXPECTED = 5.0


@dataclass(frozen=True)
class ProportionTest:
    """A two-proportion comparison: p-value, interval in points, method, verdict."""

    p_value: float
    ci_low: float
    ci_high: float
    method: str
    significant: bool | None
    disagreement: str = ""


def newcombe_interval(k1: int, n1: int, k2: int, n2: int, level: float) -> tuple[float, float]:
    """Return Newcombe's hybrid score interval for ``k2/n2 - k1/n1``, in percentage points.

    >>> low, high = newcombe_interval(1, 5, 0, 20, 0.95)
    >>> round(low, 1), round(high, 1)
    (-62.4, 3.0)
    """
    r1, r2 = rate_ci(k1, n1, level), rate_ci(k2, n2, level)
    d = r2.estimate - r1.estimate
    low = d - math.hypot(r2.estimate - r2.low, r1.high - r1.estimate)
    high = d + math.hypot(r2.high - r2.estimate, r1.estimate - r1.low)
    return low, high


def _smallest_expected(k1: int, n1: int, k2: int, n2: int) -> float:
    total, successes = n1 + n2, k1 + k2
    failures = total - successes
    return min(n * c / total for n in (n1, n2) for c in (successes, failures))


def two_proportion_test(k1: int, n1: int, k2: int, n2: int, level: float) -> ProportionTest:
    """Compare ``k1`` of ``n1`` with ``k2`` of ``n2``; the interval is in points.

    Examples
    --------
    One of 5 against none of 20: the smallest expected cell is 5 x 1/25 = 0.2, so
    Fisher's test is used (p = 5/25 = 0.2) and, like the interval, finds no difference.

    >>> result = two_proportion_test(1, 5, 0, 20, 0.95)
    >>> result.method, round(result.p_value, 3), result.significant
    ('Fisher exact test (1 of 5 against 0 of 20)', 0.2, False)
    """
    low, high = newcombe_interval(k1, n1, k2, n2, level)
    counts = f"({k1} of {n1} against {k2} of {n2})"
    if _smallest_expected(k1, n1, k2, n2) < MIN_EXPECTED:
        table = [[k1, n1 - k1], [k2, n2 - k2]]
        p_value = float(stats.fisher_exact(table).pvalue)
        method = f"Fisher exact test {counts}"
    else:
        pooled = (k1 + k2) / (n1 + n2)
        se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        diff = k2 / n2 - k1 / n1
        p_value = 1.0 if se == 0 else float(2 * stats.norm.sf(abs(diff) / se))
        method = f"two-proportion z-test {counts}"
    by_test = p_value < 1 - level
    by_interval = not (low <= 0 <= high)
    if by_test == by_interval:
        return ProportionTest(p_value, low, high, method, by_test)
    return ProportionTest(
        p_value,
        low,
        high,
        method,
        None,
        disagreement="at these small counts the test and the interval disagree",
    )
