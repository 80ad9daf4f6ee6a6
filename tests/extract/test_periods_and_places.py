"""Periods and places a clause gives, or does not: spans, bases of change, glosses, bodies.

Every sentence here is written for kcsp-analysis's tests; its figures are invented, and
each test lists every figure its text should give (an empty set: none).
"""

from __future__ import annotations

from kcsp_analysis.extract.documents import Document, Line
from kcsp_analysis.extract.quarter_labels import counts_quarters_from_april
from kcsp_analysis.extract.sentences import find_periods
from tests.extract.test_clause_binding import _found, _reasons


def test_a_span_of_years_is_no_period_and_a_baseline_average_no_figure():
    text = (
        "The strategy aims for a 33% reduction in KSI casualties in Kent by 2020 against "
        "the 2005-2009 baseline average of 752."
    )
    assert [m.kind for m in find_periods("the 2005-2009 average")] == ["unreadable"]
    assert [m.kind for m in find_periods("between 2005 and 2009")] == ["unreadable"]
    assert _found(text) == set()
    assert "752: a benchmark, expectation or target ('baseline average')" in _reasons(text)


def test_the_period_after_than_is_the_base_of_the_change_not_the_figures():
    """Before, 588 took "in 2013", the one period in the sentence."""
    dated = (
        "In Kent, a total of 588 people were killed or seriously injured in 2014, 42 more "
        "than in 2013."
    )
    undated = (
        "A total of 588 people were killed or seriously injured in Kent, 42 more than in 2013."
    )
    assert _found(dated) == {("ksi_casualties", "Kent", "2014", 588.0, "")}
    assert _found(undated) == set()
    assert "588: no period named" in _reasons(undated)


def test_a_comparison_shares_its_subjects_measure_never_the_paragraphs():
    """ "Fifty-one" is no figure; 48 compares with it (deaths), not with the KSI casualties."""
    text = (
        "In 2014, 588 people were killed or seriously injured in Kent.\n"
        "Fifty-one people lost their lives, compared with 48 in 2013."
    )
    assert _found(text) == {
        ("ksi_casualties", "Kent", "2014", 588.0, ""),
        ("road_deaths", "Kent", "2013", 48.0, ""),
    }
    unnamed = "Fifty-one of them were on foot, compared with 48 in 2013."
    assert _found(f"In 2014, 588 people were killed or seriously injured in Kent.\n{unnamed}") == {
        ("ksi_casualties", "Kent", "2014", 588.0, "")
    }


def test_an_ordinal_financial_quarter_and_its_bracketed_months_are_one_quarter():
    text = (
        "In the third quarter of 2017/18 (October to December 2017) 221 people were "
        "killed or seriously injured across the force area."
    )
    assert _found(text) == {("ksi_casualties", "Kent and Medway", "2017/18 Q3", 221.0, "")}
    assert _reasons(text) == ""  # the bracket's 2017 is no figure either


def test_the_same_quarter_needs_a_quarter_to_count_from():
    text = (
        "Domestic abuse incidents in Kent rose to 6,388 in the quarter, compared with "
        "5,921 in the same quarter a year earlier."
    )
    assert _found(text) == set()
    assert "5,921: 'in the same quarter a year earlier' with no period to count from" in _reasons(
        text
    )


def test_a_paragraph_number_set_apart_by_two_spaces():
    text = "2.1  The MARACs in Kent heard 3,276 cases in 2014/15."
    assert _found(text) == {("marac_cases", "Kent", "2014/15", 3276.0, "")}
    assert _reasons(text) == "2.1: a paragraph or item number"


def test_another_bodys_figure_takes_no_area_from_the_sentence():
    text = (
        "In 2014 there were 666 KSI casualties across the Kent Police area; Medway Council "
        "has reported 78 KSI casualties on its network."
    )
    assert _found(text) == {("ksi_casualties", "Kent and Medway", "2014", 666.0, "")}
    assert "78: no area named" in _reasons(text)


def _paper(*lines: str) -> Document:
    return Document(
        "reports/paper.txt", "text", tuple(Line(t, f"line {n}") for n, t in enumerate(lines, 1))
    )


def test_a_paper_counting_quarters_from_april_files_month_quarters_so():
    assert counts_quarters_from_april(_paper("Performance report, Q3 2017/18", "Oct-Dec 2017"))
    assert not counts_quarters_from_april(_paper("Q3 2017/18 and Q4 2017"))
    assert not counts_quarters_from_april(_paper("The first quarter of 2013 and 2013/14"))
    assert not counts_quarters_from_april(_paper("Figures for 2018/19; January to March 2019"))


def test_month_quarters_of_a_financial_quarter_paper_take_its_labels(tmp_path):
    """A "Q3 2017/18" paper heads its table "Oct-Dec 2017": the same dates, its label."""
    from tests.extract.test_table_reader import _figures, _html_table, _read

    rows = [["Indicator", "Oct-Dec 2017", "Oct-Dec 2016"], ["MARAC cases heard", "451", "430"]]
    html = _html_table("Performance in Kent, Q3 2017/18", rows)
    assert _figures(_read(tmp_path, "q3.html", html)) == {
        ("marac_cases", "Kent", "2017/18 Q3", 451),
        ("marac_cases", "Kent", "2016/17 Q3", 430),
    }


def test_a_heading_run_into_its_numbered_paragraph():
    """A PDF line "Cases heard 2.1 During ...": 2.1 is the paragraph's number."""
    text = "Cases heard 2.1 During 2014/15 the MARACs in Kent heard 2,878 cases."
    assert _found(text) == {("marac_cases", "Kent", "2014/15", 2878.0, "")}
    assert _reasons(text) == "2.1: a paragraph or item number"


def test_a_papers_scope_statement_gives_area_less_figures_its_area():
    text = (
        "1.2 Unless stated otherwise, figures in this report relate to the Kent County "
        "Council area.\n\n2.1 In 2015/16 there were 3,402 offences of violence with injury."
    )
    assert _found(text) == {("violence_with_injury", "Kent", "2015/16", 3402.0, "")}


def test_a_footnote_about_one_area_is_no_scope_statement():
    text = (
        "* Shepway becomes Folkestone & Hythe; figures are for the same area.\n\n"
        "In 2015/16 there were 3,402 offences of violence with injury."
    )
    assert _found(text) == set()
    assert "3,402: no area named" in _reasons(text)


def test_a_peak_is_no_figure_of_a_period():
    text = "The force's earlier peak of 3,104 domestic abuse incidents in Kent came during 2014."
    assert _found(text) == set()
    assert "3,104: a peak or record ('peak of')" in _reasons(text)


def test_the_base_of_a_rate_does_not_cut_the_figure_from_its_period():
    text = (
        "In the 12 months to September 2018 MARACs in Kent and Medway heard 40.2 cases per "
        "10,000 adult females, against the 36 per 10,000 adult females reported a year ago."
    )
    assert (
        "marac_cases_per_10k_adult_females",
        "Kent and Medway",
        "12 months to 2017-09",
        36.0,
        "",
    ) in _found(text)


def test_a_sentence_naming_another_place_gives_it_not_the_papers():
    # "mid-Kent" is a region inside Kent, not Kent: the figure is Maidstone's, never Swale's.
    text = (
        "Figures in this report relate to Swale unless stated otherwise.\n\n"
        "Maidstone, the other large borough in mid-Kent, had 3,810 ASB incidents in 2016/17."
    )
    assert _found(text) == {("asb_incidents", "Maidstone", "2016/17", 3810.0, "")}


def test_half_years_and_short_financial_years_in_same_quarter_phrases():
    half = "Provisional figures for the first half of 2016 show 301 KSI casualties in Kent."
    assert _found(half) == set()
    quarter = (
        "In the first quarter of 2017-18 (April to June 2017) Swale recorded 2,788 crimes, "
        "compared with 2,540 in the same quarter of 2016-17."
    )
    assert _found(quarter) == {
        ("all_crime", "Swale", "2017/18 Q1", 2788.0, ""),
        ("all_crime", "Swale", "2016/17 Q1", 2540.0, ""),
    }
