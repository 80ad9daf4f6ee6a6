"""Average rows of a table: the per-month measure for the year its rows make up.

Every document here is a test document written for kcsp-analysis's tests; figures
invented. Each test lists every figure its table should give.
"""

from __future__ import annotations

from tests.extract.test_table_reader import _figures, _html_table, _read

_MONTHS = ("Jan-18", "Feb-18", "Mar-18", "Apr-18", "May-18", "Jun-18")
_MONTHS += ("Jul-18", "Aug-18", "Sep-18", "Oct-18", "Nov-18", "Dec-18")


def _month_rows(months: tuple[str, ...]) -> list[list[str]]:
    return [[m, str(150 + n)] for n, m in enumerate(months)]


def test_a_monthly_average_row_under_twelve_months_is_the_years_cases_per_month(tmp_path):
    # 150..161 a month; their mean, 155.5, printed "156" as a data pack rounds it.
    rows = [["Month", "Cases"], *_month_rows(_MONTHS), ["Monthly average", "156"]]
    extraction = _read(tmp_path, "cases.html", _html_table("MARAC cases heard in Kent", rows))
    months = {("marac_cases", "Kent", f"2018-{n:02d}", 149 + n) for n in range(1, 13)}
    assert _figures(extraction) == {*months, ("marac_cases_monthly_avg", "Kent", "2018", 156)}


def test_an_average_row_under_months_that_make_no_year_is_skipped(tmp_path):
    rows = [["Month", "Cases"], *_month_rows(_MONTHS[3:]), ["Monthly average", "158"]]
    extraction = _read(tmp_path, "nine_months.html", _html_table("MARAC cases heard in Kent", rows))
    assert not [o for o in extraction.observations if o.measure == "marac_cases_monthly_avg"]
    reasons = " | ".join(e.reason for e in extraction.log)
    assert "average row 'Monthly average': the rows above it make up no one year" in reasons


def test_an_average_of_a_measure_with_no_per_month_form_is_skipped(tmp_path):
    rows = [["Month", "Robberies"], *_month_rows(_MONTHS), ["Monthly average", "156"]]
    extraction = _read(tmp_path, "robbery.html", _html_table("Robbery in Kent", rows))
    assert {o.measure for o in extraction.observations} == {"robbery"}
    reasons = " | ".join(e.reason for e in extraction.log)
    assert "the catalogue holds no robbery per month" in reasons
