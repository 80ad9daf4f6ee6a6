"""XmR charts: limits and the four Making Data Count rules on series with known answers."""

from __future__ import annotations

import pytest

from kcsp_analysis.analysis.spc import xmr_chart
from kcsp_analysis.errors import KcspError

# 20 points of common-cause variation around 10.75.
STABLE = [10, 12, 9, 11, 10, 13, 9, 11, 12, 10, 11, 9, 12, 10, 11, 13, 10, 9, 12, 11]


def _flagged(chart, column="special_cause"):
    return [i for i, flag in enumerate(chart.points[column]) if flag]


def test_stable_series_has_limits_by_hand_and_no_signal():
    """Mean 215 / 20 = 10.75; the 19 moving ranges sum to 39, mean 2.0526; limits
    10.75 -/+ 2.66 * 2.0526 = 5.29 and 16.21; near limits 10.75 -/+ 1.7733 * 2.0526."""
    chart = xmr_chart(STABLE)
    first = chart.points.iloc[0]
    assert first["mean"] == pytest.approx(10.75)
    assert first["lower"] == pytest.approx(5.29, abs=1e-9)
    assert first["upper"] == pytest.approx(16.21, abs=1e-9)
    assert first["near_upper"] == pytest.approx(10.75 + 2 * 2.66 / 3 * 39 / 19)
    assert not chart.has_special_cause
    assert chart.warnings == ()
    assert list(chart.points["side"]) == [""] * 20


def test_single_point_outside_the_limits_is_a_special_cause():
    """Point 10 set to 20: mean 224 / 20 = 11.2; moving ranges sum 39 - 1 - 2 + 10 + 11 = 57,
    mean 3.0. Screening (NHSRplotthedots' default) drops the moving ranges of 3.267 x 3.0 =
    9.801 or more: the 10 and the 11 either side of the jump. The other 17 sum to 36, mean
    36 / 17 = 2.117647; upper limit 11.2 + 2.66 x 2.117647 = 16.8329 < 20."""
    values = list(STABLE)
    values[10] = 20
    chart = xmr_chart(values)
    assert chart.points["upper"].iloc[0] == pytest.approx(11.2 + 2.66 * 36 / 17, abs=1e-9)
    assert chart.points["upper"].iloc[0] == pytest.approx(16.8329, abs=1e-4)
    screened = chart.points["moving_range"].isna().tolist()
    assert [i for i, gone in enumerate(screened) if gone] == [0, 10, 11]
    assert _flagged(chart) == [10] == _flagged(chart, "outside")
    assert chart.points["side"].iloc[10] == "high"


def test_without_screening_the_jump_widens_the_limits():
    """Same series unscreened: mean moving range 57 / 19 = 3.0; upper 11.2 + 2.66 x 3 = 19.18."""
    values = list(STABLE)
    values[10] = 20
    chart = xmr_chart(values, screen_outliers=False)
    assert chart.points["upper"].iloc[0] == pytest.approx(19.18)


def test_signals_follow_the_polarity():
    """The high point of the last test is a concern when lower is better, an improvement
    when higher is better, and neither when no direction is agreed."""
    values = list(STABLE)
    values[10] = 20
    for improvement, signal in (("decrease", "concern"), ("increase", "improvement")):
        chart = xmr_chart(values, improvement=improvement)
        assert chart.points["signal"].iloc[10] == signal
        assert set(chart.points["signal"].drop(index=10)) == {""}
    assert xmr_chart(values).points["signal"].iloc[10] == "neither"
    with pytest.raises(KcspError, match="improvement must be one of"):
        xmr_chart(values, improvement="up")


def test_seven_points_above_the_mean_are_a_shift():
    """Mean 217 / 19 = 11.42; the last seven points (13, 12, 13, 14, 12, 13, 13) are all
    above it, none beyond the near limit 11.42 + 1.7733 * 33/18 = 14.67."""
    values = [10, 12, 9, 11, 10, 13, 9, 11, 12, 10, 11, 9, 13, 12, 13, 14, 12, 13, 13]
    chart = xmr_chart(values)
    assert _flagged(chart) == list(range(12, 19)) == _flagged(chart, "shift")
    assert not chart.points["outside"].any() and not chart.points["trend"].any()


def test_six_above_is_no_shift_unless_the_run_length_is_six():
    values = [10, 12, 9, 11, 10, 13, 9, 11, 12, 10, 11, 9, 10, 12, 13, 14, 12, 13, 13]
    assert _flagged(xmr_chart(values), "shift") == []
    assert _flagged(xmr_chart(values, run_length=6), "shift") == list(range(13, 19))


def test_seven_rising_points_are_a_trend():
    """8, 9, 10, 11, 12, 13, 14 at positions 8 to 14: six rises in a row. Mean 195 / 18 =
    10.83; only five consecutive points lie above it, so no shift."""
    values = [10, 12, 9, 11, 10, 13, 9, 11, 8, 9, 10, 11, 12, 13, 14, 11, 10, 12]
    chart = xmr_chart(values)
    assert _flagged(chart) == list(range(8, 15)) == _flagged(chart, "trend")
    assert not chart.points["shift"].any()


def test_a_repeated_value_breaks_a_trend():
    values = [10, 12, 9, 11, 10, 13, 9, 11, 8, 9, 10, 10, 12, 13, 14, 11, 10, 12]
    assert not xmr_chart(values).points["trend"].any()


def test_two_of_three_near_the_upper_limit():
    """Mean 227 / 20 = 11.35, mean moving range 38 / 19 = 2; near upper limit
    11.35 + 1.7733 * 2 = 14.90, upper limit 16.67. Points 10 and 11 (15, 15) lie between;
    with point 9 (12) all three are above the mean. Only the two near points are flagged."""
    values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 15, 15, 11, 10, 12, 10, 12, 10, 12, 10]
    chart = xmr_chart(values)
    assert _flagged(chart) == [10, 11] == _flagged(chart, "two_of_three")
    assert not chart.points["outside"].any()


def test_fewer_than_twelve_points_gives_trial_limits():
    chart = xmr_chart(STABLE[:11])
    assert chart.warnings == ("only 11 points: limits are trial limits until there are 12",)


def test_rebase_recomputes_limits_after_a_break():
    """Two segments of 12: 10-ish then 20-ish; each segment's mean is its own."""
    values = STABLE[:12] + [v + 10 for v in STABLE[:12]]
    labels = [f"2013-{m:02d}" for m in range(1, 13)] + [f"2014-{m:02d}" for m in range(1, 13)]
    chart = xmr_chart(values, labels, rebase_at=["2014-01"])
    means = chart.points.groupby("segment")["mean"].first().tolist()
    assert means == [pytest.approx(127 / 12), pytest.approx(247 / 12)]
    assert not chart.has_special_cause
    # Without the rebase, the jump is a special cause.
    assert xmr_chart(values, labels).has_special_cause


def test_bad_input_is_named():
    with pytest.raises(KcspError, match="an XmR chart needs at least 2 points; found 1"):
        xmr_chart([5])
    with pytest.raises(KcspError, match="cannot rebase at 2015-01: not among the labels"):
        xmr_chart([1, 2, 3], ["a", "b", "c"], rebase_at=["2015-01"])
    with pytest.raises(KcspError, match="3 values but 2 labels"):
        xmr_chart([1, 2, 3], ["a", "b"])
