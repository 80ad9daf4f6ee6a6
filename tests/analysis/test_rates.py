"""Intervals for rates and counts; reference bands and denominators shipped as data."""

from __future__ import annotations

import pytest
from scipy import stats

from kcsp_analysis.analysis import rates
from kcsp_analysis.analysis.rates import count_ci, rate_ci
from kcsp_analysis.errors import KcspError
from tests.conftest import AGENDA_PACK, raw_line


def test_rate_ci_marac_repeats_2013_14():
    """Seed 003 line 807: "1,229 Multi Agency Risk Assessment Conferences (MARACs) with 283
    repeat cases (23%)". Wilson by hand: p = 0.230268, z = 1.959964,
    centre = (p + z²/2n) / (1 + z²/n) = 0.231108,
    half = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²) = 0.023516 -> 20.76% to 25.46%.
    """
    assert "1,229" in raw_line(AGENDA_PACK, 807) and "283 repeat cases" in raw_line(
        AGENDA_PACK, 807
    )
    result = rate_ci(283, 1229)
    assert result.estimate == pytest.approx(23.0269, abs=1e-4)
    assert result.low == pytest.approx(20.7593, abs=1e-4)
    assert result.high == pytest.approx(25.4625, abs=1e-4)
    assert (round(result.low, 1), round(result.high, 1)) == (20.8, 25.5)


@pytest.mark.parametrize(("k", "n", "level"), [(0, 10, 0.95), (10, 10, 0.95), (3, 17, 0.9)])
def test_rate_ci_agrees_with_scipy_wilson_at_the_edges(k, n, level):
    expected = stats.binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
    result = rate_ci(k, n, level)
    assert result.low == pytest.approx(100 * expected.low, abs=1e-9)
    assert result.high == pytest.approx(100 * expected.high, abs=1e-9)


@pytest.mark.parametrize(("k", "n"), [(5, 0), (6, 5), (-1, 5), (2.5, 10)])
def test_rate_ci_rejects_impossible_counts(k, n):
    with pytest.raises(KcspError, match=r"a rate needs whole numbers 0 <= k <= n and n > 0"):
        rate_ci(k, n)


def test_rate_ci_rejects_a_level_outside_0_1():
    with pytest.raises(KcspError, match="confidence level must be between 0 and 1; found 95"):
        rate_ci(1, 2, level=95)


def test_count_ci_is_the_exact_poisson_interval():
    """Garwood: chi2(0.025, 2k)/2 and chi2(0.975, 2k+2)/2; for k = 10 the tables give
    4.795 and 18.390; for k = 0 the lower limit is 0 and the upper -ln(0.025) = 3.689."""
    ten = count_ci(10)
    assert (ten.low, ten.high) == (
        pytest.approx(4.7954, abs=1e-4),
        pytest.approx(18.3904, abs=1e-4),
    )
    zero = count_ci(0)
    assert zero.low == 0 and zero.high == pytest.approx(3.6889, abs=1e-4)


def test_caada_band_is_28_to_40_percent_with_its_citation():
    """Seed 003 line 1099: "CAADA would expect to see between 28 and 40% of cases as repeat"."""
    assert "between 28 and 40% of cases as repeat" in raw_line(AGENDA_PACK, 1099)
    band = rates.band_for("marac_repeat_pct")
    assert (band.low, band.high, band.unit) == (28.0, 40.0, "percent")
    assert "CAADA would expect to see between 28 and 40% of cases as repeat" in band.citation


def test_marac_repeat_pct_denominator_is_marac_cases():
    spec = rates.rate_denominators()["marac_repeat_pct"]
    assert (spec.numerator, spec.denominator) == ("marac_repeat_cases", "marac_cases")
    assert "da_repeat_victims_pct" not in rates.rate_denominators()
