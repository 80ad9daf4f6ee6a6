"""Figures in sentences: the hard cases of the agenda pack, and new text in its style."""

from __future__ import annotations

import pytest

from kcsp_analysis.extract import extract_report
from kcsp_analysis.extract.documents import Document, Line, read_document
from kcsp_analysis.extract.narrative import extract_narrative
from kcsp_analysis.periods import calendar_quarter, calendar_year, financial_year
from tests.conftest import AGENDA_PACK, SHIPPED_RAW


@pytest.fixture(scope="module")
def pack():
    return extract_report(SHIPPED_RAW, AGENDA_PACK)


def _at(extraction, locator):
    return {
        (o.measure, o.area, o.period.label, o.value, o.qualifier)
        for o in extraction.observations
        if o.locator == locator
    }


def _changes_at(extraction, locator):
    return {
        (c.kind, c.measure, c.area, c.from_period.label, c.to_period.label, c.readings[0].value)
        for c in extraction.stated_changes
        if c.locator == locator
    }


def _narrative(text: str):
    lines = tuple(Line(t, f"line {n}") for n, t in enumerate(text.split("\n"), 1))
    return extract_narrative(Document("reports/new.txt", "text", lines), set(), [])


def test_footnote_digit_glued_to_thousands(pack):
    """Line 617: "... during 2012/13 exceeded 19,0006, of which approximately a quarter
    related to repeat victims ... a rise to just over 20,000 incidents in the last
    12months6": a four-digit group after a thousands comma carries footnote 6."""
    assert _at(pack, "line 617") == {
        ("da_incidents", "Kent", "2012/13", 19000.0, "more_than"),
        ("da_repeat_victims_pct", "Kent", "2012/13", 25.0, "approx"),
        ("da_incidents", "Kent", "2013/14", 20000.0, "more_than"),
    }


def test_over_and_just_over_with_previous_year(pack):
    """Line 609: "During 2012/13, there were over 57,000 incidents of anti-social behaviour
    recorded in Kent & Medway which is a 14.5% reduction compared to the previous year when
    just over 67,000 incidents were recorded.<sup>5</sup>" """
    assert _at(pack, "line 609") == {
        ("asb_incidents", "Kent and Medway", "2012/13", 57000.0, "more_than"),
        ("asb_incidents", "Kent and Medway", "2011/12", 67000.0, "more_than"),
    }
    assert _changes_at(pack, "line 609") == {
        ("change", "asb_incidents", "Kent and Medway", "2011/12", "2012/13", -14.5)
    }


def test_road_casualties_2012(pack):
    """Line 643: "In Kent in 2012, 50 people died, 474 people were seriously injured and 5231
    people received a slight injury ... this represents a 1% increase over the previous
    year." """
    assert _at(pack, "line 643") == {
        ("road_deaths", "Kent", "2012", 50.0, ""),
        ("seriously_injured", "Kent", "2012", 474.0, ""),
        ("slightly_injured", "Kent", "2012", 5231.0, ""),
    }
    assert _changes_at(pack, "line 643") == {
        ("change", "ksi_casualties", "Kent", "2011", "2012", 1.0)
    }


def test_just_under_theft(pack):
    """Line 658: "During 2012/13, just under 50,000 theft offences were recorded in Kent &
    Medway, which saw a fall of around 2% compared to the previous year." """
    assert _at(pack, "line 658") == {
        ("theft_and_handling", "Kent and Medway", "2012/13", 50000.0, "less_than")
    }
    (change,) = [c for c in pack.stated_changes if c.locator == "line 658"]
    assert change.readings[0].value == -2.0
    assert change.readings[0].how == "stated in words: down (approx)"


def test_marac_cases_repeats_and_share(pack):
    """Line 807: "In Kent (excluding Medway) over the last 12 months (Apr '13 - Mar '14)
    there have been 1,229 Multi Agency Risk Assessment Conferences (MARACs) with 283 repeat
    cases (23%). Compared to the same period in the previous year there has been a 15.3%
    increase in the number of cases heard at MARAC." """
    assert _at(pack, "line 807") == {
        ("marac_cases", "Kent", "2013/14", 1229.0, ""),
        ("marac_repeat_cases", "Kent", "2013/14", 283.0, ""),
        ("marac_repeat_pct", "Kent", "2013/14", 23.0, ""),
    }
    assert _changes_at(pack, "line 807") == {
        ("change", "marac_cases", "Kent", "2012/13", "2013/14", 15.3)
    }


def test_monthly_averages_by_quarter(pack):
    """Line 1097: "The Kent and Medway approach ... The first quarter of 2013 saw an average
    of 108 cases per month; in the last quarter of 2013 this had increased to 145." """
    assert _at(pack, "line 1097") == {
        ("marac_cases_monthly_avg", "Kent and Medway", "2013 Q1", 108.0, ""),
        ("marac_cases_monthly_avg", "Kent and Medway", "2013 Q4", 145.0, ""),
    }


def test_present_tense_rate_takes_the_papers_date(pack):
    """Line 1099: "CAADA would expect to see between 28 and 40% of cases as repeat whereas
    the rate in Kent is at 24%", in a paper dated "10<sup>th</sup> June 2014" (line 1088):
    the latest financial year then is 2013/14. The expected range is not a figure."""
    assert _at(pack, "line 1099") == {("marac_repeat_pct", "Kent", "2013/14", 24.0, "")}
    (entry,) = [e for e in pack.log if e.locator == "line 1099"]
    assert "a range" in entry.reason


def test_district_changes_in_brackets(pack):
    """Line 805: "During the last 12 months (April to March 2014) ... compared to the same
    period in the previous year. The greatest percentage increase occurred in Dover (up
    10.5%) closely followed by Thanet (up 9.8%)" """
    assert _changes_at(pack, "line 805") == {
        ("change", "da_incidents", "Dover", "2012/13", "2013/14", 10.5),
        ("change", "da_incidents", "Thanet", "2012/13", "2013/14", 9.8),
    }


def test_baseline_comparison_in_text(pack):
    """Line 903: "Tonbridge and Malling has experienced the largest percentage decrease
    (-11.6%). Compared to the 2010/11 baseline, Theft and handling is showing a 3.4%
    reduction." """
    changes = _changes_at(pack, "line 903")
    assert (
        "change",
        "theft_and_handling",
        "Tonbridge and Malling",
        "2012/13",
        "2013/14",
        -11.6,
    ) in changes
    assert ("diff_to_baseline", "theft_and_handling", "Kent", "2010/11", "2013/14", -3.4) in changes


def test_amended_baseline(pack):
    """Line 962: "the January to December 2010 baseline has been amended from 545 to 547." """
    (amendment,) = pack.amendments
    assert (amendment.old.measure, amendment.old.area) == ("ksi_casualties", "Kent")
    assert amendment.old.period == calendar_year(2010)
    assert (amendment.old.value, amendment.new.value) == (545.0, 547.0)
    assert amendment.locator == "line 962"


def test_same_period_a_year_earlier(pack):
    """Line 964: "data recorded between January and March 2014 has also shown an increase of
    28% against the same period in 2013." """
    (change,) = [c for c in pack.stated_changes if c.printed == "28%"]
    assert (change.from_period, change.to_period) == (
        calendar_quarter(2013, 1),
        calendar_quarter(2014, 1),
    )


def test_money_figures_are_logged_not_used(pack):
    """Line 1092: "The cost of the provision to Kent Police is £131,062 per year." """
    (entry,) = [e for e in pack.log if e.locator == "line 1092" and "131,062" in e.reason]
    assert entry.status == "skipped"
    assert "money figure" in entry.reason


def test_new_report_other_years_and_districts():
    result = _narrative(
        "#### 3rd March 2017\n"
        "\n"
        "During 2015/16, there were just under 41,000 incidents of anti-social behaviour "
        "recorded in Kent (exc. Medway), a 6.2% reduction compared to the previous year.\n"
        "\n"
        "In Kent in 2016, 61 people died and 580 people were seriously injured.\n"
        "\n"
        "The largest increase was in Swale (up 12.1%).\n"
    )
    found = {(o.measure, o.area, o.period, o.value, o.qualifier) for o in result.observations}
    assert found == {
        ("asb_incidents", "Kent", financial_year(2015), 41000.0, "less_than"),
        ("road_deaths", "Kent", calendar_year(2016), 61.0, ""),
        ("seriously_injured", "Kent", calendar_year(2016), 580.0, ""),
    }
    (asb,) = [c for c in result.stated_changes if c.measure == "asb_incidents"]
    assert (asb.from_period, asb.readings[0].value) == (financial_year(2014), -6.2)


def test_other_reports_extract_and_log(pack):
    """The other four reports have no catalogue figures; what they skip is logged."""
    for name in sorted((SHIPPED_RAW / "reports").iterdir()):
        relative = f"reports/{name.name}"
        if relative == AGENDA_PACK:
            continue
        extraction = extract_report(SHIPPED_RAW, relative)
        assert extraction.log, relative
        assert all(e.status == "skipped" for e in extraction.log if e.figures == 0)


def test_documents_read_back_the_same_lines():
    document = read_document(SHIPPED_RAW, AGENDA_PACK)
    assert document.lines[606].locator == "line 607"


def test_change_under_a_table_is_the_tables_area_not_a_district_named_later(pack):
    """Line 905: "Domestic burglary experienced a 0.5% increase for financial year 2013/14
    compared to 2012/13, Swale and Dartford experienced the largest increases." The 0.5%
    is the Kent figure of the table above (line 899: 5,294 -> 5,322), not Dartford's."""
    changes = _changes_at(pack, "line 905")
    assert ("change", "domestic_burglary", "Kent", "2012/13", "2013/14", 0.5) in changes
    assert not any(area in ("Dartford", "Swale") for _, _, area, *_ in changes)
