"""Printed precision and whether a stated change fits the printed figures."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kcsp_analysis.extract.records import Reading
from kcsp_analysis.reconcile.rounding import (
    assess_change,
    change_interval,
    half_unit,
)


def printed(value: float, half: float) -> SimpleNamespace:
    return SimpleNamespace(value=value, half=half)


def test_fall_of_1_6_between_82_2_and_80_5_is_within_rounding():
    """Seed 003 line 769: "... 78.7% 82.2% 80.5% ▼ 1.6": recomputed -1.7, but both
    figures are rounded to 0.1, so the true change lies in -1.8 to -1.6."""
    outcome = assess_change(
        printed(82.2, 0.05), printed(80.5, 0.05), Reading(-1.6, "points", 1, "arrow")
    )
    assert outcome.status == "within_rounding"
    assert outcome.recomputed == pytest.approx(-1.7)
    assert "true change lies in -1.800 to -1.600" in outcome.note


def test_count_change_that_rounds_agrees():
    """Seed 003 line 797: 19259 -> 20276 is printed "▲ 5.3%" (5.281%)."""
    outcome = assess_change(printed(19259, 0), printed(20276, 0), Reading(5.3, "percent", 1, "a"))
    assert outcome.status == "agrees"
    assert outcome.note == "5.281% rounds to 5.3"


def test_violent_crime_43_0_fits_only_if_truncated():
    """Seed 003 line 919: 16,715 -> 23,914 is printed "43.0%"; the change is 43.069%,
    which rounds to 43.1. Counts are exact, so rounding of the figures cannot explain it;
    only cutting to one decimal gives 43.0, and the note says so."""
    outcome = assess_change(printed(16715, 0), printed(23914, 0), Reading(43.0, "percent", 1, "a"))
    assert outcome.status == "truncated"
    assert outcome.note == (
        "43.069% cut to 1 decimal(s) gives 43; rounded it would be 43.1: "
        "agrees only if the report truncated"
    )


def test_violent_crime_36_3_is_truncated_not_within_rounding():
    """Seed 003 line 919: 17,537 -> 23,914 is printed "36.3%". By hand:
    6,377 / 17,537 = 0.363631..., so 36.363%, which rounds to 36.4; the counts are exact,
    so no rounding of the figures reaches 36.3. Cutting to one decimal gives 36.3: the
    status is truncated, not within_rounding."""
    outcome = assess_change(printed(17537, 0), printed(23914, 0), Reading(36.3, "percent", 1, "a"))
    assert outcome.status == "truncated"
    assert outcome.recomputed == pytest.approx(36.3631, abs=1e-4)
    assert "rounded it would be 36.4" in outcome.note


def test_wrong_reading_of_a_garbled_cell_disagrees():
    """Seed 003 line 960: "<b>4</b> 9%" read as 49% is not 547 -> 594 (8.59%)."""
    outcome = assess_change(printed(547, 0), printed(594, 0), Reading(49, "percent", 0, "digit"))
    assert outcome.status == "disagrees"
    assert outcome.note == "8.59% recomputed does not round to 49"


def test_percent_change_from_zero_is_unverifiable():
    outcome = assess_change(printed(0, 0), printed(5, 0), Reading(5, "percent", 0, "a"))
    assert outcome.status == "unverifiable"


def test_whole_counts_are_exact_and_percentages_are_rounded():
    assert half_unit(23914, "count", 0) == 0
    assert half_unit(24.8, "percent", 1) == pytest.approx(0.05)
    assert half_unit(108.5, "count_per_month", 1) == pytest.approx(0.05)


def test_interval_of_a_percent_change_widens_with_the_rounding():
    low, high = change_interval(printed(100, 0.5), printed(110, 0.5), "percent")
    assert low == pytest.approx((109.5 / 100.5 - 1) * 100)
    assert high == pytest.approx((110.5 / 99.5 - 1) * 100)
