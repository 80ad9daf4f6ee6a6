"""Intervals for rates and counts, and the reference data they are read against.

Reference bands (expected ranges such as the CAADA repeat-rate range) and the
denominators of percentage measures are data shipped with the package
(``kcsp_analysis/data/reference_bands.csv``, ``rate_denominators.csv``), each with its
citation, so that a new expectation is a new row rather than new code.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import NamedTuple

from scipy import stats

from kcsp_analysis import catalogue
from kcsp_analysis.errors import KcspError


class Interval(NamedTuple):
    """An estimate with the lower and upper limits of its confidence interval."""

    estimate: float
    low: float
    high: float


@dataclass(frozen=True)
class ReferenceBand:
    """An expected range for a measure, with where the expectation comes from."""

    id: str
    measure: str
    low: float
    high: float
    unit: str
    description: str
    citation: str
    below_readings: str = ""
    """How the sources read a value below the range; for a contested measure, every reading."""


@dataclass(frozen=True)
class RateDenominator:
    """The count measures behind a percentage measure: ``numerator`` of ``denominator``."""

    measure: str
    numerator: str
    denominator: str
    denominator_label: str


def _check_level(level: float) -> float:
    if not 0 < level < 1:
        raise KcspError(f"confidence level must be between 0 and 1; found {level}")
    return stats.norm.ppf(0.5 + level / 2)


def rate_ci(k: int, n: int, level: float = 0.95) -> Interval:
    """Return the rate ``k`` of ``n`` as a percentage, with its Wilson score interval.

    The Wilson interval is the one Public Health England's technical guidance gives for
    proportions; unlike the textbook normal interval it stays inside 0-100% and behaves
    for small ``k``.

    Parameters
    ----------
    k, n
        Events and the number of cases they are counted among (``0 <= k <= n``, ``n > 0``).
    level
        Confidence level, 0.95 for a 95% interval.

    Returns
    -------
    Interval
        ``estimate, low, high`` in percent.

    Examples
    --------
    283 repeat cases among 1,229 MARAC cases (KCSP agenda pack, July 2014):

    >>> r = rate_ci(283, 1229)
    >>> f"{r.estimate:.1f}% ({r.low:.1f}% to {r.high:.1f}%)"
    '23.0% (20.8% to 25.5%)'
    """
    z = _check_level(level)
    if n <= 0 or not 0 <= k <= n or int(k) != k or int(n) != n:
        raise KcspError(f"a rate needs whole numbers 0 <= k <= n and n > 0; found k={k}, n={n}")
    p = k / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    low, high = max(0.0, float(centre - half)), min(1.0, float(centre + half))
    return Interval(100 * p, 100 * low, 100 * high)


def count_ci(count: float, level: float = 0.95) -> Interval:
    """Return a count with its exact Poisson interval (the chi-squared form of Garwood).

    Examples
    --------
    >>> c = count_ci(10)
    >>> round(c.low, 2), round(c.high, 2)
    (4.8, 18.39)
    """
    _check_level(level)
    if count < 0 or int(count) != count:
        raise KcspError(f"a count must be a whole number >= 0; found {count}")
    alpha = 1 - level
    low = 0.0 if count == 0 else stats.chi2.ppf(alpha / 2, 2 * count) / 2
    high = stats.chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    return Interval(float(count), float(low), float(high))


@functools.cache
def reference_bands() -> dict[str, ReferenceBand]:
    """Return the expected ranges by id, from ``kcsp_analysis/data/reference_bands.csv``."""
    bands = {}
    for number, row in enumerate(catalogue.read_data_csv("reference_bands.csv"), start=2):
        try:
            low, high = float(row["low"]), float(row["high"])
        except ValueError:
            raise KcspError(
                f"low and high must be numbers; found {row['low']!r}, {row['high']!r}",
                source="kcsp_analysis/data/reference_bands.csv",
                locator=f"line {number}",
            ) from None
        bands[row["id"]] = ReferenceBand(
            row["id"],
            row["measure"],
            low,
            high,
            row["unit"],
            row["description"],
            row["citation"],
            row.get("below_readings", ""),
        )
    return bands


def band_for(measure: str) -> ReferenceBand | None:
    """Return the reference band of a measure (the first listed), or ``None``."""
    return next((b for b in reference_bands().values() if b.measure == measure), None)


@functools.cache
def rate_denominators() -> dict[str, RateDenominator]:
    """Percentage measures whose numerator and denominator are count measures."""
    return {
        row["measure"]: RateDenominator(**row)
        for row in catalogue.read_data_csv("rate_denominators.csv")
    }
