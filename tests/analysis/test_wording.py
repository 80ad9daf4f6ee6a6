"""Briefing words: numbers, changes and polarity."""

from __future__ import annotations

from kcsp_analysis.analysis import wording


def test_values_are_printed_as_a_briefing_prints_them():
    """Seed 003 line 797 prints 20276; line 801 prints 23%; line 617 "over 19,000"."""
    assert wording.format_value(20276, "count") == "20,276"
    assert wording.format_value(23.0, "percent") == "23%"
    assert wording.format_value(19000, "count", "more_than") == "over 19,000"
    assert wording.format_value(108.5, "count_per_month") == "108.5 a month"


def test_p_values():
    assert wording.format_p_value(0.7933) == "p = 0.79"
    assert wording.format_p_value(0.0390) == "p = 0.039"
    assert wording.format_p_value(0.0004) == "p < 0.001"


def test_polarity_decides_the_words():
    """A rise in KSI is a deterioration; a rise in ASB satisfaction an improvement; a rise
    in domestic abuse incidents gets the partnership's reading, never 'worse'."""
    assert wording.polarity_reading("ksi_casualties", 1) == "This is a deterioration."
    assert wording.polarity_reading("ksi_casualties", -1) == "This is an improvement."
    assert wording.polarity_reading("asb_satisfaction_pct", 1) == "This is an improvement."
    assert wording.polarity_reading("da_incidents", 1).startswith("A rise is read by the")
    assert wording.polarity_reading("marac_repeat_cases", 1) == ""
    assert wording.polarity_reading("ksi_casualties", 0) == ""


def test_subject_names_areas_other_than_kent():
    assert wording.subject("domestic_burglary", "Kent") == "Domestic burglary"
    assert wording.subject("domestic_burglary", "Dover") == "Domestic burglary in Dover"
