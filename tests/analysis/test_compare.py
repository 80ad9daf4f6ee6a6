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
from kcsp_analysis.periods import calendar_quarter, calendar_year, financial_year, month
from kcsp_analysis.processed.measures import observations_to_frame
from tests.seed_figures import seed_frame


def _frame(*rows: tuple) -> pd.DataFrame:
    return observations_to_frame(
        Observation(m, "Kent", p, float(v), q, "figures/test.csv", f"row {i}")
        for i, (m, p, v, q) in enumerate(rows, start=2)
    )


def _exact_two_sided(k: int, n: int, share: float) -> float:
    """Two-sided exact binomial p-value by direct summation (as R's binom.test): the total
    probability of outcomes no more likely than the one observed."""
    logs = [
        math.lgamma(n + 1)
        - math.lgamma(i + 1)
        - math.lgamma(n - i + 1)
        + i * math.log(share)
        + (n - i) * math.log(1 - share)
        for i in range(n + 1)
    ]
    probs = [math.exp(x) for x in logs]
    return sum(p for p in probs if p <= probs[k] * (1 + 1e-7))


def test_ksi_2012_to_2013_compares_daily_rates_because_2012_had_366_days():
    """Seed 003 line 960: KSI 524 (2012, 366 days) and 594 (2013, 365 days). The daily
    rates are 524/366 = 1.43169 and 594/365 = 1.62740: ratio 1.13669, 13.7% higher (the
    counts alone would say 13.4%). Under no change, 594 of 1,118 is Binomial(1118,
    365/731); the two-sided p is summed by hand in _exact_two_sided."""
    result = compare(seed_frame(), "ksi_casualties", "Kent", "2012", "2013")
    assert result.basis == "rate per day" and result.model == "poisson"
    assert result.p_value == pytest.approx(_exact_two_sided(594, 1118, 365 / 731), rel=1e-6)
    assert result.significant is True
    assert result.pct_change == pytest.approx(13.669, abs=1e-3)
    assert result.rate_ratio == pytest.approx((594 / 365) / (524 / 366), rel=1e-9)
    assert result.ci_of == "rate ratio" and result.ci_low > 1
    assert result.points_change is None and not result.crosses_break
    assert result.sentence == (
        "Killed or seriously injured road casualties: 594 in 2013 against 524 in 2012; the "
        "daily rate was 13.7% higher, more than chance variation would explain. This is a "
        "deterioration."
    )


def test_year_against_a_later_quarter_words_the_daily_rate_it_tests():
    """The issue's example: 594 in 2013 (365 days) and 200 in 2014 Q1 (Jan-Mar, 90 days).
    Daily rates 1.62740 and 2.22222: the rate rose by 2.22222 / 1.62740 - 1 = 36.55%, so
    "36.6% higher" and a deterioration, never "fell". Exact test: 200 of 794 against a
    share of 90/455."""
    frame = _frame(
        ("ksi_casualties", calendar_year(2013), 594, ""),
        ("ksi_casualties", calendar_quarter(2014, 1), 200, ""),
    )
    result = compare(frame, "ksi_casualties", "Kent", "2013", "2014 Q1")
    assert result.pct_change == pytest.approx(36.5507, abs=1e-4)
    assert result.change > 0
    assert result.p_value == pytest.approx(_exact_two_sided(200, 794, 90 / 455), rel=1e-6)
    assert result.sentence.startswith(
        "Killed or seriously injured road casualties: 200 in 2014 Q1 against 594 in 2013; "
        "the daily rate was 36.6% higher"
    )
    assert "fell" not in result.sentence and "improvement" not in result.sentence


def test_reversed_periods_are_refused_naming_both():
    """2012 ends on 31 December 2012, before 2013 does: compare(..., "2013", "2012") would
    read the change backwards."""
    with pytest.raises(KcspError) as caught:
        compare(seed_frame(), "ksi_casualties", "Kent", "2013", "2012")
    assert str(caught.value) == (
        "cannot compare ksi_casualties for Kent from 2013 to 2012: 2012 (ending 2012-12-31) "
        "does not end after 2013 (ending 2013-12-31); give the earlier period first"
    )


def test_police_recorded_counts_get_no_verdict_from_two_annual_figures():
    """Seed 003 line 899: domestic burglary 5,294 (2012/13) and 5,322 (2013/14), printed
    "▲ 0.5%"; 5,322 / 5,294 = 1.00529. Police-recorded counts are overdispersed and the
    seed has no monthly or quarterly burglary figures to measure by how much."""
    result = compare(seed_frame(), "domestic_burglary", "Kent", "2012/13", "2013/14")
    assert result.model == "overdispersed"
    assert result.p_value is None and result.significant is None and result.dispersion is None
    assert round(result.pct_change, 1) == 0.5
    assert result.sentence == (
        "Domestic burglary rose 0.5% to 5,322 in 2013/14 compared with 2012/13; two annual "
        "figures cannot show whether this is more than the usual year-to-year movement."
    )


def test_theft_rise_is_no_longer_called_more_than_chance():
    """Seed 003 line 898: theft 23,491 to 24,482 (+4.2%). A Poisson test would give
    p < 0.001; the count is police-recorded, so no verdict and no polarity word."""
    result = compare(seed_frame(), "theft_and_handling", "Kent", "2012/13", "2013/14")
    assert result.significant is None
    assert "more than chance" not in result.sentence
    assert "deterioration" not in result.sentence


def _months_from_april_2012(values: list[int]) -> list[tuple]:
    return [
        ("theft_and_handling", month(2012 + (3 + i) // 12, (3 + i) % 12 + 1), v, "")
        for i, v in enumerate(values)
    ]


def test_quasi_poisson_test_uses_the_dispersion_of_twelve_monthly_figures():
    """Twelve monthly theft counts Apr 2012-Mar 2013 with mean 100 and squared deviations
    0, 900, 900, 225, 225, 0, 1600, 1600, 0, 0, 900, 900 (sum 7,250): Pearson dispersion
    7250 / 100 / 11 = 6.5909. Years of 365 days each, 1,100 then 1,200: log rate ratio
    ln(12/11) = 0.087011, se = sqrt(6.5909 * (1/1100 + 1/1200)) = 0.107164, z = 0.81195,
    two-sided p = erfc(z / sqrt 2) = 0.4168; interval exp(0.087011 -/+ 1.959964 x 0.107164)
    = 0.8842 to 1.3459. A plain Poisson test of the same counts gives p = 0.03."""
    monthly = [100, 130, 70, 115, 85, 100, 140, 60, 100, 100, 130, 70]
    frame = _frame(
        *_months_from_april_2012(monthly),
        ("theft_and_handling", financial_year(2012), 1100, ""),
        ("theft_and_handling", financial_year(2013), 1200, ""),
    )
    result = compare(frame, "theft_and_handling", "Kent", "2012/13", "2013/14")
    phi = 7250 / 100 / 11
    se = math.sqrt(phi * (1 / 1100 + 1 / 1200))
    z = math.log(12 / 11) / se
    assert result.dispersion == pytest.approx(phi, rel=1e-12)
    assert result.p_value == pytest.approx(math.erfc(z / math.sqrt(2)), rel=1e-9)
    assert round(result.p_value, 4) == 0.4168
    assert (round(result.ci_low, 4), round(result.ci_high, 4)) == (0.8842, 1.3459)
    assert result.significant is False
    assert result.method.startswith("quasi-Poisson test of two counts (dispersion 6.6, from 12")
    assert "within the range this series' usual variation would explain" in result.sentence


def test_eleven_monthly_figures_are_not_enough_for_a_dispersion():
    monthly = [100, 130, 70, 115, 85, 100, 140, 60, 100, 100, 130]
    frame = _frame(
        *_months_from_april_2012(monthly),
        ("theft_and_handling", financial_year(2012), 1100, ""),
        ("theft_and_handling", financial_year(2013), 1200, ""),
    )
    result = compare(frame, "theft_and_handling", "Kent", "2012/13", "2013/14")
    assert result.significant is None and result.dispersion is None


def test_violent_crime_across_the_recording_break_has_no_verdict_and_no_polarity():
    """Seed 003 line 919: 17,537 to 23,914 across the 2013 recording change. Without a
    break this was "more than chance ... This is a deterioration"."""
    result = compare(seed_frame(), "violent_crime", "Kent", "2012/13", "2013/14")
    assert result.crosses_break and result.significant is None and result.p_value is None
    assert result.sentence.startswith(
        "Violent crime rose 36.4% to 23,914 in 2013/14 compared with 2012/13; the two figures "
        "are not like for like because of a series break, so no verdict on the change is "
        "given."
    )
    for word in ("chance variation would", "deterioration", "improvement"):
        assert word not in result.sentence


def test_domestic_abuse_rise_across_the_definition_break_has_no_verdict():
    """Seed 003 line 797 (19259 to 20276, "▲ 5.3%") and line 803 ("incidents now include
    16-17year olds"): no test, no reading of the rise."""
    result = compare(seed_frame(), "da_incidents", "Kent", "2012/13", "2013/14")
    assert result.crosses_break and result.p_value is None
    assert result.sentence.startswith(
        "Domestic abuse incidents rose 5.3% to 20,276 in 2013/14 compared with 2012/13; the "
        "two figures are not like for like because of a series break, so no verdict on the "
        "change is given. The Home Office definition of domestic abuse was widened"
    )
    assert "read by the partnership" not in result.sentence


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
    """Repeat victims 24.8% (2013/14, seed 003 line 798) and 25.4% a year later, both after
    the definition change; no count of victims is printed."""
    frame = _frame(
        ("da_repeat_victims_pct", financial_year(2013), 24.8, ""),
        ("da_repeat_victims_pct", financial_year(2014), 25.4, ""),
    )
    result = compare(frame, "da_repeat_victims_pct", "Kent", "2013/14", "2014/15")
    assert result.p_value is None and result.significant is None and result.ci_low is None
    assert result.points_change == pytest.approx(0.6)
    assert result.sentence == (
        "Domestic abuse incidents involving a repeat victim rose 0.6 percentage points to "
        "25.4% in 2014/15 compared with 2013/14; the number of cases behind the percentage "
        "is not published, so chance variation cannot be judged."
    )


def test_survey_share_without_sample_sizes_is_not_tested():
    """Seed 003 line 769: ASB satisfaction 82.2% then 80.5%, a survey share."""
    frame = _frame(
        ("asb_satisfaction_pct", financial_year(2012), 82.2, ""),
        ("asb_satisfaction_pct", financial_year(2013), 80.5, ""),
    )
    result = compare(frame, "asb_satisfaction_pct", "Kent", "2012/13", "2013/14")
    assert result.model == "survey" and result.significant is None
    assert result.sentence.endswith(
        "; the survey's sample sizes are not published, so chance variation cannot be judged."
    )


def test_small_counts_use_a_test_that_agrees_with_the_newcombe_interval():
    """1 of 5 against 0 of 20 (the issue's example). Wilson 95% for 1/5 is 3.62% to
    62.45%, for 0/20 0% to 16.11%; Newcombe: -20 - 42.45 = -62.4 and
    -20 + sqrt(16.11^2 + 16.38^2) = +3.0 points, which includes zero. The pooled z-test
    would say p = 0.041; Fisher's exact test (smallest expected cell 5 x 1/25 = 0.2)
    gives P(the one success falls in the group of 5) = 5/25 = 0.2."""
    frame = _frame(
        ("marac_cases", financial_year(2012), 5, ""),
        ("marac_repeat_cases", financial_year(2012), 1, ""),
        ("marac_repeat_pct", financial_year(2012), 20.0, ""),
        ("marac_cases", financial_year(2013), 20, ""),
        ("marac_repeat_cases", financial_year(2013), 0, ""),
        ("marac_repeat_pct", financial_year(2013), 0.0, ""),
    )
    result = compare(frame, "marac_repeat_pct", "Kent", "2012/13", "2013/14")
    assert (round(result.ci_low, 1), round(result.ci_high, 1)) == (-62.4, 3.0)
    assert result.p_value == pytest.approx(0.2, abs=1e-12)
    assert result.significant is False
    assert result.method == "Fisher exact test (1 of 5 against 0 of 20)"
    assert "within the range chance variation would explain" in result.sentence


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


def test_monthly_averages_compare_the_monthly_rate():
    """Seed 003 line 1097: "an average of 108 cases per month" (2013 Q1) and "increased to
    145" (2013 Q4): the monthly average is 145 / 108 - 1 = 34.26% higher. MARAC cases are
    overdispersed and two quarterly figures cannot measure by how much."""
    result = compare(seed_frame(), "marac_cases_monthly_avg", "Kent", "2013 Q1", "2013 Q4")
    assert result.basis == "rate per month"
    assert result.significant is None
    assert result.sentence == (
        "MARAC cases per month: 145 a month in 2013 Q4 against 108 a month in 2013 Q1; the "
        "monthly average was 34.3% higher; two quarterly figures cannot show whether this "
        "is more than the usual period-to-period movement."
    )


def test_monthly_averages_across_period_types_compare_per_month():
    """2013/14 averaged 102.4 a month and 2014 Q2 110: 110 / 102.4 - 1 = 7.42% higher,
    not a difference of per-day rates of monthly averages (the "fell 276.2%" of old)."""
    frame = _frame(
        ("marac_cases_monthly_avg", financial_year(2013), 102.4, ""),
        ("marac_cases_monthly_avg", calendar_quarter(2014, 2), 110, ""),
    )
    result = compare(frame, "marac_cases_monthly_avg", "Kent", "2013/14", "2014 Q2")
    assert result.pct_change == pytest.approx(7.421875)
    assert "the monthly average was 7.4% higher" in result.sentence


def test_zero_earlier_count_has_no_ratio_but_a_test():
    """Road deaths 0 (2012, 366 days) and 6 (2013, 365 days): 6 of 6 under
    Binomial(6, 365/731) has probability (365/731)^6; no death in both years,
    (366/731)^6, is more likely, so the two-sided p is (365/731)^6 = 0.01546."""
    frame = _frame(
        ("road_deaths", calendar_year(2012), 0, ""), ("road_deaths", calendar_year(2013), 6, "")
    )
    result = compare(frame, "road_deaths", "Kent", "2012", "2013")
    assert result.pct_change is None and math.isinf(result.rate_ratio)
    assert result.p_value == pytest.approx((365 / 731) ** 6, rel=1e-9)


def test_missing_period_lists_the_published_ones():
    with pytest.raises(KcspError) as caught:
        compare(seed_frame(), "ksi_casualties", "Kent", "2011", "2013")
    assert str(caught.value) == (
        "no ksi_casualties figure for Kent in 2011; published periods: 2010, 2012, 2013"
    )


def test_package_root_exports_compare_and_rate_ci():
    assert kcsp_analysis.compare is compare
    assert round(kcsp_analysis.rate_ci(283, 1229).low, 1) == 20.8
