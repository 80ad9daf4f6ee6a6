"""Performance tables: the seed 003 tables row by row, the hard cells, and new layouts."""

from __future__ import annotations

import pytest

from kcsp_analysis.extract.documents import Document, Line, read_document
from kcsp_analysis.extract.tables import extract_tables, read_change_cell
from kcsp_analysis.periods import calendar_year, financial_year
from tests.conftest import AGENDA_PACK, SHIPPED_RAW


@pytest.fixture(scope="module")
def pack():
    return extract_tables(read_document(SHIPPED_RAW, AGENDA_PACK))


def _values(result, measure):
    return {(o.area, o.period.label): o.value for o in result.observations if o.measure == measure}


def _change(result, measure, kind):
    (change,) = [c for c in result.stated_changes if c.measure == measure and c.kind == kind]
    return change


def _doc(text: str) -> Document:
    lines = tuple(Line(t, f"line {n}") for n, t in enumerate(text.split("\n"), 1))
    return Document("reports/test.txt", "text", lines)


# Expected rows, as printed in data/raw/reports/2014-07-08_kcsp_agenda_pack.md.
SEED_ROWS = [
    # line 763: "...(Kent excluding Medway)\t4.5%\t2.4%\t2.0%\t▼ 0.4\t▼ 2.5"
    ("asb_perception_high_pct", "line 763", {"2010/11": 4.5, "2011/12": 2.4, "2012/13": 2.0}),
    # line 769: "...(Kent excluding Medway)\t78.7%\t82.2%\t80.5%\t▼ 1.6\t<b>1.9</b>"
    ("asb_satisfaction_pct", "line 769", {"2011/12": 78.7, "2012/13": 82.2, "2013/14": 80.5}),
    # line 797: "Number of Domestic Abuse Incidents (Kent excluding Medway)\t18,376\t19259\t20276"
    ("da_incidents", "line 797", {"2010/11": 18376, "2012/13": 19259, "2013/14": 20276}),
    # line 798: "% of repeat victims of Domestic Abuse (Kent excluding Medway)\t24.0%\t24.2%\t24.8%"
    ("da_repeat_victims_pct", "line 798", {"2010/11": 24.0, "2012/13": 24.2, "2013/14": 24.8}),
    # line 801: "% of repeat MARAC cases (...) (Kent excluding Medway)\t14.9%\t22.4%\t23%"
    ("marac_repeat_pct", "line 801", {"2010/11": 14.9, "2012/13": 22.4, "2013/14": 23.0}),
    # line 898: "Level of Theft and Handling Stolen Goods (exc. Medway)\t25,335\t23,491\t24,482"
    ("theft_and_handling", "line 898", {"2010/11": 25335, "2012/13": 23491, "2013/14": 24482}),
    # line 899: "Level of Domestic Burglary (exc. Medway)\t4,354\t5,294\t5,322"
    ("domestic_burglary", "line 899", {"2010/11": 4354, "2012/13": 5294, "2013/14": 5322}),
    # line 919: "Level of Violent Crime (exc. Medway)\t16,715\t17,537\t23,914"
    ("violent_crime", "line 919", {"2010/11": 16715, "2012/13": 17537, "2013/14": 23914}),
    # line 920: "Level of Violence against the Person (VAP) (exc. Medway)\t14,946\t15,660\t21,199"
    (
        "violence_against_the_person",
        "line 920",
        {"2010/11": 14946, "2012/13": 15660, "2013/14": 21199},
    ),
    # line 960: "Number of all KSI casualties (...) in Kent excluding Medway\t547\t524\t594"
    ("ksi_casualties", "line 960", {"2010": 547, "2012": 524, "2013": 594}),
]


@pytest.mark.parametrize(("measure", "locator", "expected"), SEED_ROWS)
def test_seed_table_rows(pack, measure, locator, expected):
    rows = [o for o in pack.observations if o.measure == measure]
    assert {o.period.label: o.value for o in rows} == expected
    assert {o.area for o in rows} == {"Kent"}
    assert {o.locator for o in rows} == {locator}


def test_seed_tables_yield_nothing_else(pack):
    assert len(pack.observations) == 3 * len(SEED_ROWS)
    assert len(pack.stated_changes) == 2 * len(SEED_ROWS)


def test_baseline_year_from_the_text(pack):
    """Line 897 has no year under "Baseline" ("Floxy Measure / Illuicator\t\t2012/13");
    line 903 says "Compared to the 2010/11 baseline, Theft and handling is showing a 3.4%
    reduction", so the 25,335 of line 898 is 2010/11."""
    assert _values(pack, "theft_and_handling")[("Kent", "2010/11")] == 25335
    diff = _change(pack, "theft_and_handling", "diff_to_baseline")
    assert (diff.from_period, diff.to_period) == (financial_year(2010), financial_year(2013))
    assert [r.value for r in diff.readings] == [-3.4]


def test_calendar_year_table(pack):
    """Line 959: "Froxy Measure / Indicator\t(Jan-Dec '10)\t2012\t2013\tChange\tBaseline":
    the years are headings, not figures, and are calendar years."""
    change = _change(pack, "ksi_casualties", "change")
    assert (change.from_period, change.to_period) == (calendar_year(2012), calendar_year(2013))


def test_arrow_read_as_leading_4(pack):
    """Line 960 Diff. to Baseline "<b>4</b> 9%": 547 to 594 is up 8.6%, so the 4 is an up
    arrow; "49%" is kept as the other reading for reconciliation to reject."""
    diff = _change(pack, "ksi_casualties", "diff_to_baseline")
    assert diff.printed == "<b>4</b> 9%"
    assert {(r.value, r.basis, r.decimals) for r in diff.readings} == {
        (9.0, "percent", 0),
        (49.0, "percent", 0),
        (-49.0, "percent", 0),
    }
    assert (diff.from_period, diff.to_period) == (calendar_year(2010), calendar_year(2013))


def test_leading_4_is_first_digit(pack):
    """Line 920 Diff. to Baseline "<b>4</b> 1.8%": 14,946 to 21,199 is up 41.8%."""
    diff = _change(pack, "violence_against_the_person", "diff_to_baseline")
    assert 41.8 in [r.value for r in diff.readings]
    assert 1.8 in [r.value for r in diff.readings]


def test_leading_1_is_first_digit(pack):
    """Line 797 Diff. to Baseline "<b>1</b> 0.3%": 18,376 to 20,276 is up 10.3%."""
    diff = _change(pack, "da_incidents", "diff_to_baseline")
    assert {r.value for r in diff.readings} == {10.3, -10.3, 0.3}
    assert (diff.from_period, diff.to_period) == (financial_year(2010), financial_year(2013))


def test_leading_4_before_decimal_point(pack):
    """Line 898 Change "<b>4</b> .2%": line 903 says "a 4.2% increase"."""
    change = _change(pack, "theft_and_handling", "change")
    assert 4.2 in [r.value for r in change.readings]
    assert (change.from_period, change.to_period) == (financial_year(2012), financial_year(2013))


def test_lost_arrow_gives_both_signs(pack):
    """Line 769 Diff. to Baseline "<b>1.9</b>" of a percentage: points, either way."""
    diff = _change(pack, "asb_satisfaction_pct", "diff_to_baseline")
    assert {(r.value, r.basis) for r in diff.readings} == {(1.9, "points"), (-1.9, "points")}
    assert diff.from_period == financial_year(2011)


def test_arrows_give_sign_and_basis(pack):
    """Line 797 Change "<b>▲</b> 5.3%" (a count: percent); line 763 "▼ 0.4" (points)."""
    up = _change(pack, "da_incidents", "change")
    assert [(r.value, r.basis, r.decimals) for r in up.readings] == [(5.3, "percent", 1)]
    down = _change(pack, "asb_perception_high_pct", "change")
    assert [(r.value, r.basis) for r in down.readings] == [(-0.4, "points")]


def test_second_header_inside_a_block(pack):
    """Lines 799-800 repeat a garbled header ("\tBaseline April - March\t\th\tDiff. to")
    before the MARAC row; its Change "▲ 0.6" runs 2012/13 to 2013/14."""
    change = _change(pack, "marac_repeat_pct", "change")
    assert change.locator == "line 801"
    assert [r.value for r in change.readings] == [0.6]


def test_non_performance_tables_are_logged(pack):
    """Line 581: "Priority\tNo. of CSPs selecting the priority" is counted but not used."""
    entry = next(e for e in pack.log if e.locator == "line 581-593")
    assert (entry.block, entry.status) == ("table", "skipped")
    assert "not a performance table" in entry.reason


def test_read_change_cell_down_arrow():
    assert read_change_cell("▼ 3.4%", "percent")[0].value == -3.4


def test_district_rows_take_the_measure_from_the_header():
    text = (
        "Number of Domestic Abuse Incidents\tApr '15 - Mar '16\t2016/17\tChange\n"
        "Dover\t2,001\t2,210\t▲ 10.4%\n"
        "Shepway\t1,500\t1,452\t▼ 3.2%\n"
        "Kent (exc. Medway)\t21,000\t22,100\t▲ 5.2%\n"
    )
    result = extract_tables(_doc(text))
    assert _values(result, "da_incidents") == {
        ("Dover", "2015/16"): 2001,
        ("Dover", "2016/17"): 2210,
        ("Folkestone and Hythe", "2015/16"): 1500,
        ("Folkestone and Hythe", "2016/17"): 1452,
        ("Kent", "2015/16"): 21000,
        ("Kent", "2016/17"): 22100,
    }
    shepway = next(c for c in result.stated_changes if c.area == "Folkestone and Hythe")
    assert shepway.readings[0].value == -3.2


def test_undated_baseline_without_context_is_skipped_with_reason():
    text = (
        "Proxy Measure / Indicator\tBaseline\tApril - March\t\t\tDiff. to\n"
        "Floxy Measure\t\t2016/17\t2017/18\tChange\tBaseline\n"
        "Level of Domestic Burglary (exc. Medway)\t4,000\t4,100\t4,200\t▲ 2.4%\t▲ 5.0%\n"
    )
    result = extract_tables(_doc(text))
    assert result.observations == []
    assert any("no year" in e.reason for e in result.log)


def test_undated_baseline_dated_from_text_below():
    text = (
        "Proxy Measure / Indicator\tBaseline\tApril - March\t\t\tDiff. to\n"
        "Floxy Measure\t\t2016/17\t2017/18\tChange\tBaseline\n"
        "Level of Domestic Burglary (exc. Medway)\t4,000\t4,100\t4,200\t▲ 2.4%\t▲ 5.0%\n"
        "\n"
        "Compared to the 2014/15 baseline, burglary is up 5%.\n"
    )
    result = extract_tables(_doc(text))
    assert _values(result, "domestic_burglary")[("Kent", "2014/15")] == 4000


def test_unknown_label_is_logged():
    text = "Measure\t2012/13\t2013/14\nNumber of stray dogs (Kent)\t10\t12\n"
    result = extract_tables(_doc(text))
    assert result.observations == []
    assert any(
        "no catalogue measure for label 'Number of stray dogs (Kent)'" in e.reason
        for e in result.log
    )
