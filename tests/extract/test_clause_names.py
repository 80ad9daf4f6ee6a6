"""Names read across a short gap, two-word links, shares of respondents and list leads.

Every sentence here is written for kcsp-analysis's tests; its figures are invented, and
each test lists every figure its text should give (an empty set: none).
"""

from __future__ import annotations

import pytest

from tests.extract.test_clause_binding import _found, _reasons


def test_a_name_read_across_a_gap_of_place_and_year():
    """The alias "collisions ... in which ... killed or seriously injured" spans them."""
    text = (
        "There were 498 collisions in Kent in 2014 in which someone was killed or "
        "seriously injured."
    )
    assert _found(text) == {("ksi_collisions", "Kent", "2014", 498.0, "")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" links another clause: the collisions are not those with a KSI casualty.
        (
            "In Kent in 2014 there were 5,000 collisions on the roads and the number killed "
            "or seriously injured rose.",
            set(),
        ),
        # A figure inside the gap stops it: 498 counts people, 5,000 all collisions.
        (
            "There were 5,000 collisions in Kent in 2014, in which 498 people were killed or "
            "seriously injured.",
            {("ksi_casualties", "Kent", "2014", 498.0, "")},
        ),
    ],
)
def test_a_gap_never_spans_a_clause_link_or_another_figure(text, expected):
    assert _found(text) == expected


def test_a_two_word_link_leads_to_the_figure():
    text = "In Kent in 2016/17, violence with injury accounted for 11,230 offences."
    assert _found(text) == {("violence_with_injury", "Kent", "2016/17", 11230.0, "")}


def test_a_share_after_a_two_word_link_is_no_count():
    text = "In Kent in 2016/17, violence with injury accounted for 35% of all crime."
    assert _found(text) == set()
    assert "a share, not a catalogue figure" in _reasons(text)


def test_the_base_of_a_percent_is_not_what_it_counts():
    text = (
        "In the 2017/18 survey, 3.6% of respondents in Kent perceived a high level of "
        "anti-social behaviour."
    )
    assert _found(text) == {("asb_perception_high_pct", "Kent", "2017/18", 3.6, "")}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("In Kent in 2017/18, 12% of respondents were aged over 65.", "no catalogue measure"),
        # A count of respondents is no share, whatever they perceived.
        (
            "In Kent in 2017/18, 1,200 respondents perceived a high level of anti-social "
            "behaviour.",
            "a count of 'respondent'",
        ),
        # A share of respondents takes only a percent measure.
        (
            "In Kent in 2017/18, 3.6% of respondents said that domestic abuse incidents had risen.",
            "no catalogue measure",
        ),
    ],
)
def test_shares_and_counts_of_respondents_that_name_no_percent_measure(text, reason):
    assert _found(text) == set()
    assert reason in _reasons(text)


def test_a_context_alias_applies_only_in_a_text_about_its_subject():
    about_asb = (
        "Of victims of anti-social behaviour surveyed in Kent in 2014/15, 82.6% were "
        "satisfied with the service they received."
    )
    about_burglary = (
        "Of burglary victims in Kent in 2014/15, 85% were satisfied with the service they received."
    )
    assert _found(about_asb) == {("asb_satisfaction_pct", "Kent", "2014/15", 82.6, "")}
    assert _found(about_burglary) == set()


def test_a_list_takes_the_measure_and_period_of_its_lead_sentence():
    text = (
        "Recorded burglaries rose in 2017/18 in three districts:\n\n"
        "- Dover: 512\n- Thanet: 430\n\nIn Kent 900 people attended."
    )
    assert _found(text) == {
        ("burglary", "Dover", "2017/18", 512.0, ""),
        ("burglary", "Thanet", "2017/18", 430.0, ""),
    }


def test_a_paragraph_that_is_no_item_ends_the_list():
    text = (
        "Recorded burglaries rose in 2017/18 in three districts:\n\n"
        "- Dover: 512\n\nThe teams met often.\n\n- Thanet: 430"
    )
    assert _found(text) == {("burglary", "Dover", "2017/18", 512.0, "")}
    assert "430: no catalogue measure" in _reasons(text)


def test_killed_names_road_deaths_only_in_a_text_about_road_casualties():
    """In a text about road casualties "9 were killed" is road deaths (see
    test_clause_binding's bracket-aside test); elsewhere it names no measure."""
    text = "In Kent in 2015, 9 were killed in house fires."
    assert _found(text) == set()
    assert "9: no catalogue measure named for this figure" in _reasons(text)


@pytest.mark.parametrize("unnamed", ["died", "were pedestrians", "were motorcyclists"])
def test_after_a_figure_with_no_measure_the_next_takes_none_from_the_paragraph(unnamed):
    """11 is about the same unnamed thing as 9, not the paragraph's KSI casualties."""
    text = (
        "In the first quarter of 2015, 131 people were killed or seriously injured in Kent.\n"
        f"Of these, 9 {unnamed} (11 in the same quarter of 2014)."
    )
    assert _found(text) == {("ksi_casualties", "Kent", "2015 Q1", 131.0, "")}
    assert "11: no catalogue measure named for this figure" in _reasons(text)


def test_a_count_each_month_is_its_monthly_average_or_no_figure():
    marac = (
        "Kent's MARACs heard 412 cases in Q2 2016/17. On average, 137.3 cases were heard "
        "each month during the quarter."
    )
    assert _found(marac) == {
        ("marac_cases", "Kent", "2016/17 Q2", 412.0, ""),
        ("marac_cases_monthly_avg", "Kent", "2016/17 Q2", 137.3, ""),
    }
    robbery = "In Kent in 2016/17 there were 1,200 robberies, about 100 each month."
    assert _found(robbery) == {("robbery", "Kent", "2016/17", 1200.0, "")}
    assert "100: no catalogue measure named for this figure" in _reasons(robbery)


def test_the_size_of_an_audit_is_no_count_of_the_measure():
    text = "The Thanet MARAC chair has agreed a deep-dive audit of 20 repeat cases in 2018/19."
    assert _found(text) == set()
    assert "20: the size of a sample or audit ('audit of')" in _reasons(text)


def test_part_of_a_year_is_no_period_of_the_contract():
    """Before, 402 took 2015 from "the first nine months of 2015"."""
    text = "Provisional data for the first nine months of 2015 show 402 KSI casualties in Kent."
    assert _found(text) == set()
    assert "402: cannot read the period 'the first nine months of 2015'" in _reasons(text)


def test_bare_crimes_are_all_crime_only_where_nothing_narrows_them():
    assert _found("Medway recorded 24,116 crimes in 2016/17.") == {
        ("all_crime", "Medway", "2016/17", 24116.0, "")
    }
    narrowed = [
        "In Kent in 2016/17, 1,200 crimes against businesses were recorded.",
        "In Kent in 2016/17 there were 120 hate crimes.",
        # The paragraph is about burglary: its "crimes" may be burglaries.
        "Burglary rose in 2016/17.\nThere were 4,215 crimes in Kent that year.",
    ]
    for text in narrowed:
        assert _found(text) == set(), text
        assert "no catalogue measure named for this figure" in _reasons(text)


def test_two_areas_named_jointly_give_the_figure_no_area():
    text = "Swale and Canterbury combined recorded 5,390 crimes in 2016/17."
    assert _found(text) == set()
    assert "5,390: no area named" in _reasons(text)


def test_a_bracket_spells_out_a_relative_quarter_and_a_narrower_period_wins():
    """The quarters are April-June and July-September 2016, whatever "2016/17" before."""
    text = (
        "Provisional figures for 2016/17 show 27,105 crimes in Kent in the first quarter "
        "(April to June 2016) and 28,390 in the second quarter (July to September 2016)."
    )
    assert _found(text) == {
        ("all_crime", "Kent", "2016 Q2", 27105.0, ""),
        ("all_crime", "Kent", "2016 Q3", 28390.0, ""),
    }


def test_a_colon_after_a_clause_cuts_and_the_figures_take_its_measure():
    text = (
        "2.4 Domestic abuse incidents also increased: 5,702 were recorded in Kent in "
        "Q3 2016/17, up from 5,311 in the same quarter of 2015/16."
    )
    assert _found(text) == {
        ("da_incidents", "Kent", "2016/17 Q3", 5702.0, ""),
        ("da_incidents", "Kent", "2015/16 Q3", 5311.0, ""),
    }
    # A label before the colon stays with its figure: "Anti-social behaviour: 33,415 ..."
    label = "Anti-social behaviour: 33,415 incidents were recorded in Kent in 2014/15."
    assert _found(label) == {("asb_incidents", "Kent", "2014/15", 33415.0, "")}


def test_a_plain_count_noun_takes_the_sentences_measure_and_such_points_back():
    burglary = "3.3 Domestic burglary fell again: 3,912 offences were recorded in Kent in 2015/16."
    assert _found(burglary) == {("domestic_burglary", "Kent", "2015/16", 3912.0, "")}
    pointed = (
        "Violence against the person continues to drive the increase in Kent. There were "
        "29,874 such offences in 2015/16 against 24,106 the previous year."
    )
    assert _found(pointed) == {
        ("violence_against_the_person", "Kent", "2015/16", 29874.0, ""),
        ("violence_against_the_person", "Kent", "2014/15", 24106.0, ""),
    }
    unpointed = "Burglary rose in Kent in 2015/16. There were 4,215 offences in 2015/16."
    assert _found(unpointed) == set()
    narrowed = (
        "Domestic burglary fell in Kent: 3,912 offences of violence were recorded in 2015/16."
    )
    assert _found(narrowed) == set()


def test_a_count_noun_of_another_theme_takes_no_measure_from_the_sentence():
    """Agenda pack line 657 reads so: survey incidents are no police recorded crimes."""
    text = (
        "Nationally in 2012/13 theft offences accounted for 50% of all police recorded crime "
        "in England and Wales and 60% of all incidents measured by the survey (an estimated "
        "5.2 million incidents)."
    )
    assert not {f for f in _found(text) if f[0] == "all_crime"}
