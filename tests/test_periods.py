"""Period parsing: every form printed in the seeds, and the contract labels."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kcsp_analysis.errors import KcspError
from kcsp_analysis.periods import PERIOD_TYPES, parse_period, period_from_label


@pytest.mark.parametrize(
    ("printed", "label", "period_type", "start", "end"),
    [
        # agenda pack line 780: "Proxy Measure / Indicator (Old)	Baseline '10/11	2011/12 ..."
        ("Baseline '10/11", "2010/11", "financial_year", date(2010, 4, 1), date(2011, 3, 31)),
        ("'10/11", "2010/11", "financial_year", date(2010, 4, 1), date(2011, 3, 31)),
        ("2012/13", "2012/13", "financial_year", date(2012, 4, 1), date(2013, 3, 31)),
        # line 795: "<b>'10/11</b>" under a two-row header
        ("<b>'10/11</b>", "2010/11", "financial_year", date(2010, 4, 1), date(2011, 3, 31)),
        # line 958: "Froxy Measure / Indicator	(Jan-Dec '10)	2012	2013"
        ("(Jan-Dec '10)", "2010", "calendar_year", date(2010, 1, 1), date(2010, 12, 31)),
        ("2013", "2013", "calendar_year", date(2013, 1, 1), date(2013, 12, 31)),
        # line 807: "over the last 12 months (Apr '13 - Mar '14)"
        ("Apr '13 - Mar '14", "2013/14", "financial_year", date(2013, 4, 1), date(2014, 3, 31)),
        # line 617: "more recent figures (Apr '13-Mar '14)"
        ("Apr '13-Mar '14", "2013/14", "financial_year", date(2013, 4, 1), date(2014, 3, 31)),
        # line 1097: "The first quarter of 2013 saw ...; in the last quarter of 2013 ..."
        (
            "first quarter of 2013",
            "2013 Q1",
            "calendar_quarter",
            date(2013, 1, 1),
            date(2013, 3, 31),
        ),
        (
            "last quarter of 2013",
            "2013 Q4",
            "calendar_quarter",
            date(2013, 10, 1),
            date(2013, 12, 31),
        ),
        ("January to December 2010", "2010", "calendar_year", date(2010, 1, 1), date(2010, 12, 31)),
        (
            "12 months to the end of September 2016",
            "12 months to 2016-09",
            "twelve_months_to",
            date(2015, 10, 1),
            date(2016, 9, 30),
        ),
        ("12 months to 2014-03", "2013/14", "financial_year", date(2013, 4, 1), date(2014, 3, 31)),
        ("2013/14 Q1", "2013/14 Q1", "financial_quarter", date(2013, 4, 1), date(2013, 6, 30)),
        ("2013/14 Q4", "2013/14 Q4", "financial_quarter", date(2014, 1, 1), date(2014, 3, 31)),
        ("2013 Q1", "2013 Q1", "calendar_quarter", date(2013, 1, 1), date(2013, 3, 31)),
        ("Jan-Mar 2014", "2014 Q1", "calendar_quarter", date(2014, 1, 1), date(2014, 3, 31)),
        ("2013-04", "2013-04", "month", date(2013, 4, 1), date(2013, 4, 30)),
        ("February 2016", "2016-02", "month", date(2016, 2, 1), date(2016, 2, 29)),
        (
            "year ending March 2013",
            "2012/13",
            "financial_year",
            date(2012, 4, 1),
            date(2013, 3, 31),
        ),
    ],
)
def test_printed_forms(printed, label, period_type, start, end):
    period = parse_period(printed)
    assert (period.label, period.period_type, period.start, period.end) == (
        label,
        period_type,
        start,
        end,
    )


def test_unparseable_period_shows_text_and_forms():
    """'April - March' (agenda pack line 796) has no year of its own."""
    with pytest.raises(KcspError) as info:
        parse_period("April - March")
    message = str(info.value)
    assert message.startswith("cannot read period 'April - March'; accepted forms: 2013/14")
    assert "first/second/third/fourth/last quarter of 2013" in message


def test_non_consecutive_financial_years_are_rejected():
    with pytest.raises(KcspError, match="cannot read period '2012/14'"):
        parse_period("2012/14")


def test_labels_round_trip():
    for label in ["2013/14", "2013", "2013/14 Q2", "2013 Q3", "2013-11", "12 months to 2016-09"]:
        assert period_from_label(label).label == label


def test_a_form_that_is_not_a_label_is_refused_by_period_from_label():
    with pytest.raises(KcspError, match="did you mean '2010/11'"):
        period_from_label("'10/11")


def test_periods_sort_by_start():
    periods = [parse_period(p) for p in ["2013/14", "2010/11", "2012/13"]]
    assert [p.label for p in sorted(periods)] == ["2010/11", "2012/13", "2013/14"]


@given(st.text(max_size=40))
def test_any_text_ends_in_a_period_or_our_error(text):
    try:
        period = parse_period(text)
    except KcspError:
        return
    assert period.period_type in PERIOD_TYPES
    assert period.start <= period.end


@given(st.integers(1990, 2060), st.integers(1, 12))
def test_twelve_months_to_spans_a_year(year, month_number):
    period = parse_period(f"12 months to {year}-{month_number:02d}")
    assert (period.end - period.start).days in (364, 365)


@pytest.mark.parametrize("printed", ["0000", "9999", "Feb 0000", "0000 Q1", "12 months to 0000-01"])
def test_years_out_of_range_are_our_error(printed):
    with pytest.raises(KcspError, match="cannot read period"):
        parse_period(printed)


@given(st.from_regex(r"\A(\d{1,4}[/-]\d{1,4}|\d{4} Q\d|\d{4}-\d{1,2}|[A-Za-z]{3} '?\d{2,4})\Z"))
def test_period_shaped_text_ends_in_a_period_or_our_error(text):
    try:
        period = parse_period(text)
    except KcspError:
        return
    assert period.start <= period.end
