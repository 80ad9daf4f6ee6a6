"""Two-period comparisons: exact Poisson test, two-proportion test, words and caveats."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from scipy import stats

import kcsp_analysis
from kcsp_analysis.analysis.compare import compare
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import calendar_year, financial_quarter, financial_year
from kcsp_analysis.processed.measures import observations_to_frame
from tests.seed_figures import seed_frame


def _frame(*rows: tuple) -> pd.DataFrame:
    return observations_to_frame(
        Observation(m, "Kent", p, float(v), q, "figures/test.csv", f"row {i}")
        for i, (m, p, v, q) in enumerate(rows, start=2)
    )


def test_ksi_2012_to_2013_is_just_significant():
    """Seed 003 line 960: KSI 524 (2012) and 594 (2013). Conditional test: 594 of 1,118
    under Binomial(1118, 1/2), two-sided p = 0.0390 (R: poisson.test(c(594, 524))).
    Rate ratio 594/524 = 1.1336; Clopper-Pearson for 594/1118 is 0.50156 to 0.56089, so
    the ratio interval is 0.50156/0.49844 = 1.0063 to 0.56089/0.43911 = 1.2773."""
    result = compare(seed_frame(), "ksi_casualties", "Kent", "2012", "2013")
    assert result.p_value == pytest.approx(0.0390, abs=5e-5)
    assert result.significant is True
    assert result.pct_change == pytest.approx(13.3588, abs=1e-4)
    assert result.rate_ratio == pytest.approx(1.1336, abs=1e-4)
    assert (result.ci_low, result.ci_high) == (
        pytest.approx(1.0063, abs=1e-4),
        pytest.approx(1.2773, abs=1e-4),
    )
    assert result.ci_of == "rate ratio"
    assert result.points_change is None and not result.crosses_break
    assert result.sentence == (
        "Killed or seriously injured road casualties rose 13.4% to 594 in 2013 compared with "
        "2012, more than chance variation would explain. This is a deterioration."
    )


def test_domestic_burglary_rise_is_within_chance():
    """Seed 003 line 899: domestic burglary 5,294 (2012/13) and 5,322 (2013/14), printed
    "▲ 0.5%". 5,322 of 10,616 against a half: z = (5322 - 5308) / sqrt(2654) = 0.27, p = 0.79."""
    result = compare(seed_frame(), "domestic_burglary", "Kent", "2012/13", "2013/14")
    assert result.p_value == pytest.approx(0.793, abs=1e-3)
    assert result.significant is False
    assert round(result.pct_change, 1) == 0.5
    assert result.ci_low < 1 < result.ci_high
    assert result.sentence == (
        "Domestic burglary rose 0.5% to 5,322 in 2013/14 compared with 2012/13, within the "
        "range chance variation would explain."
    )


def test_domestic_abuse_rise_is_marked_as_crossing_the_definition_break():
    """Seed 003 line 797 (19259 to 20276, "▲ 5.3%") and line 803 ("incidents now include
    16-17year olds"). The sentence leads with the issue's wording, then the break, then the
    partnership's reading of a rise (never "worse")."""
    result = compare(seed_frame(), "da_incidents", "Kent", "2012/13", "2013/14")
    assert result.crosses_break
    assert result.p_value < 1e-6  # z = 1017 / sqrt(39535) = 5.1
    assert result.sentence.startswith(
        "Domestic abuse incidents rose 5.3% to 20,276 in 2013/14 compared with 2012/13, "
        "more than chance variation would explain. The two figures are not like for like "
        "because of a series break. The Home Office definition of domestic abuse was widened"
    )
    assert result.sentence.endswith(
        "A rise is read by the partnership as more victims coming forward as well as more abuse."
    )
    assert "worse" not in result.sentence and "deterioration" not in result.sentence


def test_restated_baseline_is_like_for_like_with_the_new_definition():
    """Seed 003 line 803: "incidents now include 16-17year olds and the baseline has been
    adjusted accordingly": 18,376 for 2010/11 (line 797) is on the new definition, so the
    baseline comparison with 20,276 does not cross the break, while 2012/13 (19,259, not
    restated) against 2010/11 does."""
    against_baseline = compare(seed_frame(), "da_incidents", "Kent", "2010/11", "2013/14")
    assert not against_baseline.crosses_break
    assert "series break" not in against_baseline.sentence
    old_basis = compare(seed_frame(), "da_incidents", "Kent", "2010/11", "2012/13")
    assert old_basis.crosses_break


def test_percentage_without_a_published_denominator_is_not_tested():
    """Seed 003 line 798: repeat victims 24.2% and 24.8%; no count of victims is printed."""
    result = compare(seed_frame(), "da_repeat_victims_pct", "Kent", "2012/13", "2013/14")
    assert result.p_value is None and result.significant is None and result.ci_low is None
    assert result.points_change == pytest.approx(0.6)
    assert result.sentence.startswith(
        "Domestic abuse incidents involving a repeat victim rose 0.6 percentage points to "
        "24.8% in 2013/14 compared with 2012/13; the number of cases behind the percentage "
        "is not published, so chance variation cannot be judged."
    )


def test_marac_repeat_rate_says_which_years_cases_are_missing():
    """Line 801 gives 22.4% for 2012/13 but the cases heard that year are not printed."""
    result = compare(seed_frame(), "marac_repeat_pct", "Kent", "2012/13", "2013/14")
    assert result.significant is None
    assert "the number of cases heard at MARAC in 2012/13 is not published" in result.sentence


def test_two_proportion_test_against_newcombes_worked_example():
    """Newcombe (1998), Stat Med 17:873, example (a): 56/70 against 48/80; hybrid score
    interval for the difference 0.0524 to 0.3339. z-test: pooled 104/150,
    z = 0.1667 / sqrt(0.6933 * 0.3067 * (1/70 + 1/80)) = 2.65, p = 0.0080."""
    frame = _frame(
        ("marac_cases", financial_year(2012), 80, ""),
        ("marac_repeat_cases", financial_year(2012), 48, ""),
        ("marac_repeat_pct", financial_year(2012), 60.0, ""),
        ("marac_cases", financial_year(2013), 70, ""),
        ("marac_repeat_cases", financial_year(2013), 56, ""),
        ("marac_repeat_pct", financial_year(2013), 80.0, ""),
    )
    result = compare(frame, "marac_repeat_pct", "Kent", "2012/13", "2013/14")
    assert (result.ci_low, result.ci_high) == (
        pytest.approx(5.24, abs=0.01),
        pytest.approx(33.39, abs=0.01),
    )
    assert result.p_value == pytest.approx(0.00805, abs=1e-5)
    assert result.ci_of == "difference in percentage points"
    assert result.points_change == pytest.approx(20.0)
    assert result.method == "two-proportion z-test (48 of 80 against 56 of 70)"


def test_repeat_count_is_recovered_from_the_rate_when_only_cases_are_published():
    """25% of 400 is 100 repeats, 37.5% of 400 is 150: same p as chi-squared without
    continuity correction on [[100, 300], [150, 250]]."""
    frame = _frame(
        ("marac_cases", financial_year(2012), 400, ""),
        ("marac_repeat_pct", financial_year(2012), 25.0, ""),
        ("marac_cases", financial_year(2013), 400, ""),
        ("marac_repeat_pct", financial_year(2013), 37.5, ""),
    )
    expected = stats.chi2_contingency([[100, 300], [150, 250]], correction=False).pvalue
    result = compare(frame, "marac_repeat_pct", "Kent", "2012/13", "2013/14")
    assert result.p_value == pytest.approx(expected, rel=1e-9)


def test_approximate_figures_are_never_tested():
    frame = _frame(
        ("asb_incidents", financial_year(2012), 57000, "more_than"),
        ("asb_incidents", financial_year(2013), 50000, "less_than"),
    )
    result = compare(frame, "asb_incidents", "Kent", "2012/13", "2013/14")
    assert result.approximate and result.significant is None and result.p_value is None
    assert result.sentence == (
        "Anti-social behaviour incidents fell roughly 12% to under 50,000 in 2013/14 compared with "
        "2012/13; the figures are approximate, so chance variation cannot be judged."
    )


def test_monthly_averages_are_tested_as_recovered_totals():
    """Seed 003 line 1097: "an average of 108 cases per month" (2013 Q1) and "increased to
    145" (2013 Q4): totals 324 and 435 over three months each; 435 of 759 against a half."""
    result = compare(seed_frame(), "marac_cases_monthly_avg", "Kent", "2013 Q1", "2013 Q4")
    expected = stats.binomtest(435, 759, 0.5).pvalue
    assert result.p_value == pytest.approx(expected, rel=1e-12)
    assert result.significant is True
    assert result.sentence.startswith("MARAC cases per month rose 34.3% to 145 a month in 2013 Q4")
    assert any("Monthly averages were turned into totals" in note for note in result.notes)


def test_periods_of_different_length_compare_rates_per_day():
    """A quarter of 91 days with 100 cases against a year of 365 days with 365: under no
    change, the quarter's share of 465 is 91/456; the rate ratio is (100/91)/(365/365)."""
    frame = _frame(
        ("marac_cases", financial_year(2012), 365, ""),
        ("marac_cases", financial_quarter(2013, 1), 100, ""),
    )
    result = compare(frame, "marac_cases", "Kent", "2012/13", "2013/14 Q1")
    assert result.rate_ratio == pytest.approx(100 / 91)
    assert result.p_value == pytest.approx(stats.binomtest(100, 465, 91 / 456).pvalue)
    assert "a day" in result.sentence


def test_zero_earlier_count_has_no_ratio_but_a_test():
    frame = _frame(
        ("road_deaths", calendar_year(2012), 0, ""), ("road_deaths", calendar_year(2013), 6, "")
    )
    result = compare(frame, "road_deaths", "Kent", "2012", "2013")
    assert result.pct_change is None and math.isinf(result.rate_ratio)
    assert result.p_value == pytest.approx(2 * 0.5**6)


def test_missing_period_lists_the_published_ones():
    with pytest.raises(KcspError) as caught:
        compare(seed_frame(), "ksi_casualties", "Kent", "2011", "2013")
    assert str(caught.value) == (
        "no ksi_casualties figure for Kent in 2011; published periods: 2010, 2012, 2013"
    )


def test_package_root_exports_compare_and_rate_ci():
    assert kcsp_analysis.compare is compare
    assert round(kcsp_analysis.rate_ci(283, 1229).low, 1) == 20.8
