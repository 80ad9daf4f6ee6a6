"""Figures bound clause by clause, and numbers that are no figure, each with its reason.

Every sentence here is written for kcsp-analysis's tests; its figures are invented.
"""

from __future__ import annotations

import pytest

from kcsp_analysis.extract.documents import Document, Line
from kcsp_analysis.extract.narrative import extract_narrative


def _read(text: str):
    lines = tuple(Line(t, f"line {n}") for n, t in enumerate(text.split("\n"), 1))
    return extract_narrative(Document("reports/written.txt", "text", lines), set(), [])


def _found(text: str) -> set[tuple[str, str, str, float, str]]:
    return {
        (o.measure, o.area, o.period.label, o.value, o.qualifier) for o in _read(text).observations
    }


def _reasons(text: str) -> str:
    return " | ".join(e.reason for e in _read(text).log)


def test_each_figure_takes_the_period_of_its_own_clause():
    text = "In Kent there were 4,210 burglaries in 2015/16, compared with 4,655 in 2014/15."
    assert _found(text) == {
        ("burglary", "Kent", "2015/16", 4210.0, ""),
        ("burglary", "Kent", "2014/15", 4655.0, ""),
    }


def test_years_earlier_counts_back_from_the_rolling_year():
    text = (
        "Kent recorded 12,800 domestic abuse incidents in the 12 months to June 2018, "
        "against about 9,000 three years earlier."
    )
    assert _found(text) == {
        ("da_incidents", "Kent", "12 months to 2018-06", 12800.0, ""),
        ("da_incidents", "Kent", "12 months to 2015-06", 9000.0, "approx"),
    }


@pytest.mark.parametrize(
    ("comparison", "period"),
    [
        ("against 1,250 a year earlier", "2015/16"),
        ("compared with 1,250 the previous year", "2015/16"),
        ("against 1,250 in the same period last year", "2015/16"),
        ("against 1,250 five years earlier", "2011/12"),
    ],
)
def test_relative_periods_count_from_the_sentences_anchor(comparison, period):
    text = f"In Kent, 1,388 cases were heard at MARAC in 2016/17, {comparison}."
    assert _found(text) == {
        ("marac_cases", "Kent", "2016/17", 1388.0, ""),
        ("marac_cases", "Kent", period, 1250.0, ""),
    }


def test_up_from_without_a_period_is_skipped_with_the_reason():
    text = "In Kent, 1,388 cases were heard at MARAC in 2016/17, up from 1,200."
    assert _found(text) == {("marac_cases", "Kent", "2016/17", 1388.0, "")}
    assert "1,200: a comparison ('up from') without a period of its own" in _reasons(text)


def test_the_last_quarter_is_the_quarter_before_a_quarter():
    text = (
        "In Medway there were 950 domestic abuse incidents in 2016 Q2, compared with "
        "900 the last quarter."
    )
    assert _found(text) == {
        ("da_incidents", "Medway", "2016 Q2", 950.0, ""),
        ("da_incidents", "Medway", "2016 Q1", 900.0, ""),
    }


def test_the_last_quarter_after_a_year_is_skipped():
    text = (
        "In Medway there were 950 domestic abuse incidents in 2016, against 900 the last quarter."
    )
    assert _found(text) == {("da_incidents", "Medway", "2016", 950.0, "")}
    assert "900: 'the last quarter' after 2016, which is no quarter" in _reasons(text)


def test_inflected_alias_and_auxiliary_inside_the_name():
    """ "1,388 cases were heard at MARAC" is the alias "cases heard at MARAC"."""
    text = "In 2016/17, 1,388 cases were heard at MARAC in Kent."
    assert _found(text) == {("marac_cases", "Kent", "2016/17", 1388.0, "")}


def test_name_in_another_order_within_the_clause():
    text = "In 2016/17 incidents of domestic abuse in Kent reached 21,000."
    assert _found(text) == {("da_incidents", "Kent", "2016/17", 21000.0, "")}


def test_aliases_never_match_across_clauses():
    """ "cases" and "MARAC" are in two clauses: neither clause names MARAC cases."""
    text = "In Kent in 2016/17 there were 1,388 cases, and MARAC met 48 times."
    assert _found(text) == set()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("SafeLives expects 28-40% of MARAC cases in Kent to be repeats.", "a range or band"),
        (
            "Between 28% and 40% of MARAC cases in Kent in 2016/17 were repeats.",
            "a range or band",
        ),
        (
            "The expected range for Kent in 2016/17 is 30% of MARAC cases as repeat.",
            "a benchmark, expectation or target ('expected range')",
        ),
        (
            "Kent set a target of 1,500 MARAC cases for 2016/17.",
            "a benchmark, expectation or target ('target of')",
        ),
        (
            "The national average in 2016/17 was 30% of cases as repeat in Kent.",
            "a benchmark, expectation or target ('national average')",
        ),
        ("MARAC cases in Kent in 2016/17 are in table 3.", "a reference (table 3)"),
        ("For MARAC cases in Kent call 01622 694000.", "a phone number"),
        ("The Kent MARAC cost £45k in 2016/17.", "money figure"),
        ("The Kent MARAC cost £0.76m in 2016/17.", "money figure"),
        ("MARAC cases in Kent were reviewed on 8 July 2014.", "8 July 2014: a date"),
        ("MARAC cases were heard in Kent in 2016/17 at 12 meetings.", "a count of 'meeting'"),
        ("The Kent MARAC in 2016/17 was supported by 18 IDVAs.", "a count of 'idva'"),
        ("Kent Police deploys 382 PCSOs in 2016/17.", "a count of 'pcso'"),
        ("MARAC cases in Kent in 2016/17 were reported by 7 of the 7 teams.", "part of a count"),
        ("4.2 Anti-social behaviour incidents in Kent in 2016/17.", "a paragraph or item number"),
        ("MARAC cases in Kent in 2016/17 rose [5].", "a footnote marker"),
    ],
)
def test_numbers_that_are_no_figure_are_logged_with_the_reason(text, reason):
    assert _found(text) == set()
    assert reason in _reasons(text)


def test_references_joined_by_and_are_each_references():
    reasons = _reasons("Domestic abuse incidents in Kent are in table 3 and appendix 2.")
    assert "3: a reference (table 3)" in reasons
    assert "2: a reference (appendix 2)" in reasons


def test_a_rate_the_catalogue_does_not_hold_is_no_count():
    text = "In Kent in 2016/17 there were 44 repeat cases for every 10,000 adult females."
    assert _found(text) == set()
    reasons = _reasons(text)
    assert "44: no catalogue measure named for this rate" in reasons
    assert "10,000: the base of a rate" in reasons


def test_the_catalogues_rate_per_10000_adult_females():
    text = "In Kent in 2016/17 MARAC heard 44 cases for every 10,000 adult females."
    assert _found(text) == {("marac_cases_per_10k_adult_females", "Kent", "2016/17", 44.0, "")}


def test_percent_change_is_a_stated_change_not_a_figure():
    result = _read("Domestic abuse incidents in Kent rose by 5.2% in 2016/17.")
    assert result.observations == []
    ((change),) = [
        (c.measure, c.from_period.label, c.to_period.label) for c in result.stated_changes
    ]
    assert change == ("da_incidents", "2015/16", "2016/17")


def test_no_area_means_no_figure():
    text = "There were 1,388 MARAC cases in 2016/17."
    assert _found(text) == set()
    assert "no area named" in _reasons(text)


def test_identical_repeat_is_one_figure():
    text = "In Kent in 2016/17 there were 1,388 MARAC cases and again 1,388 MARAC cases were heard."
    result = _read(text)
    assert len(result.observations) == 1
    assert "the same figure again" in result.log[0].reason


def test_two_values_at_one_place_are_an_ambiguity_in_the_log():
    text = "In Kent in 2016/17 there were 1,388 MARAC cases and 1,400 MARAC cases were heard."
    assert "ambiguous: 1388 and 1400 for marac_cases, Kent, 2016/17" in _reasons(text)


def test_bound_by_says_where_the_period_came_from():
    result = _read(
        "Domestic burglary in Kent: 2016/17.\n"
        "There were 4,100 domestic burglaries in Kent, against 4,300 in 2015/16."
    )
    bound = {(o.value, o.period.label, o.bound_by) for o in result.observations}
    assert bound == {(4100.0, "2016/17", "paragraph"), (4300.0, "2015/16", "sentence")}


def test_a_figure_in_a_bracket_aside_takes_the_brackets_period():
    text = (
        "In the first quarter of 2015, 131 people were killed or seriously injured in Kent.\n"
        "Of these, 9 were killed (11 in the same quarter of 2014)."
    )
    assert _found(text) == {
        ("ksi_casualties", "Kent", "2015 Q1", 131.0, ""),
        ("road_deaths", "Kent", "2015 Q1", 9.0, ""),
        ("road_deaths", "Kent", "2014 Q1", 11.0, ""),
    }


def test_a_count_of_other_things_next_to_a_name_is_not_that_measure():
    """Collisions in which someone was killed or seriously injured are no casualties."""
    text = (
        "In 2015 Q1 there were 112 collisions in Kent in which someone was killed or "
        "seriously injured, compared with 104 a year earlier."
    )
    assert _found(text) == {
        ("ksi_collisions", "Kent", "2015 Q1", 112.0, ""),
        ("ksi_collisions", "Kent", "2014 Q1", 104.0, ""),
    }
    text = "In 2015 Q1 there were 112 collisions in Kent, and 131 were killed or seriously injured."
    assert _found(text) == {("ksi_casualties", "Kent", "2015 Q1", 131.0, "")}


def test_figures_side_by_side_are_a_table_row_not_a_sentence():
    text = "Cases 2015 Cases 2016 Repeat rate 2016 Kent 1,562 1,698 27%"
    assert _found(text) == set()
    assert "figures side by side" in _reasons(text)


def test_repeat_rate_names_the_marac_rate_only_in_a_text_about_marac():
    marac = "In Kent in 2018, 1,902 cases were heard at MARAC, a repeat rate of 31%."
    assert ("marac_repeat_pct", "Kent", "2018", 31.0, "") in _found(marac)
    other = "In Kent in 2018 there were 20,000 domestic abuse incidents, a repeat rate of 26%."
    assert not any(m == "marac_repeat_pct" for m, *_ in _found(other))


def test_the_same_period_is_the_period_named_before():
    text = (
        "In 2015/16, 1,388 cases were heard at MARAC in Kent.\n"
        "\n"
        "The Medway MARAC heard 391 cases over the same period, with a repeat rate of 33%."
    )
    found = _found(text)
    assert ("marac_cases", "Medway", "2015/16", 391.0, "") in found
    assert ("marac_repeat_pct", "Medway", "2015/16", 33.0, "") in found


def test_a_stretch_of_time_without_a_label_gives_no_figure():
    text = "Over the first three quarters of the year the Kent MARACs heard 477 cases."
    assert _found(text) == set()
    assert "cannot read the period 'the first three quarters of the year'" in _reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "In Kent there were 5,954 domestic burglaries in 2017/18, 252 more than the year before.",
        "In Kent, 5,954 domestic burglaries were recorded in 2017/18, up 252 on 2016/17.",
        "Domestic burglary in Kent showed a rise of 252 in 2017/18, to 5,954.",
    ],
)
def test_a_difference_in_numbers_is_no_figure(text):
    found = _found(text)
    assert not any(value == 252.0 for *_, value, _ in found)
    assert "252: a difference between two figures, not a figure" in _reasons(text)


def test_made_up_is_no_difference():
    text = (
        "Violent crime in Kent stood at 41,920 offences in 2017/18; violence against the "
        "person made up 39,870 of them."
    )
    assert ("violence_against_the_person", "Kent", "2017/18", 39870.0, "") in _found(text)


def test_an_area_after_the_figure_is_not_what_it_counts():
    text = "The MARAC repeat rate in 2016 was 27% in Kent and 33% in Medway."
    assert _found(text) == {
        ("marac_repeat_pct", "Kent", "2016", 27.0, ""),
        ("marac_repeat_pct", "Medway", "2016", 33.0, ""),
    }


def test_a_period_after_the_papers_date_is_a_target_not_a_figure():
    text = (
        "#### 10th June 2014\n"
        "\n"
        "In 2013 Kent had 545 KSI casualties; by 2020 this will fall to 400.\n"
    )
    assert _found(text) == {("ksi_casualties", "Kent", "2013", 545.0, "")}
    assert "400: 2020 starts after the paper's date (a target or forecast)" in _reasons(text)


def test_from_before_a_number_opens_a_comparison():
    text = "ASB incidents in Kent fell to 28,430 in 2017/18 from 30,112 in 2016/17."
    assert _found(text) == {
        ("asb_incidents", "Kent", "2017/18", 28430.0, ""),
        ("asb_incidents", "Kent", "2016/17", 30112.0, ""),
    }


def test_the_previous_twelve_months_of_a_rolling_year():
    text = (
        "In the twelve months to September 2016 Kent recorded 21,002 domestic abuse "
        "incidents, compared with 19,874 in the previous twelve months."
    )
    assert _found(text) == {
        ("da_incidents", "Kent", "12 months to 2016-09", 21002.0, ""),
        ("da_incidents", "Kent", "12 months to 2015-09", 19874.0, ""),
    }


def test_up_from_takes_the_one_period_the_sentence_compares_with():
    text = (
        "In the first quarter of 2015, 131 people were killed or seriously injured in Kent.\n"
        "Of these, 9 were killed (11 in the same quarter of 2014) and 122 were seriously "
        "injured, up from 107."
    )
    found = _found(text)
    assert ("seriously_injured", "Kent", "2015 Q1", 122.0, "") in found
    assert ("seriously_injured", "Kent", "2014 Q1", 107.0, "") in found


def test_an_average_a_month_of_the_count_before_it():
    text = (
        "During 2016 the Kent and Medway MARACs heard 2,064 cases, an average of 172 a "
        "month or 516 a quarter."
    )
    assert _found(text) == {
        ("marac_cases", "Kent and Medway", "2016", 2064.0, ""),
        ("marac_cases_monthly_avg", "Kent and Medway", "2016", 172.0, ""),
        ("marac_cases_quarterly_avg", "Kent and Medway", "2016", 516.0, ""),
    }
