"""Analysts' figures files: the template, what is accepted, and errors that name the row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcsp_analysis import catalogue
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.figures import (
    REFERENCE_SHEET,
    TEMPLATE_COLUMNS,
    extract_figures_file,
    read_figures_file,
)
from kcsp_analysis.extract.figures_template import write_template
from kcsp_analysis.periods import ACCEPTED_FORMS

HEADER = "measure,area,period,value,qualifier,note\n"


def write_figures(raw: Path, name: str, body: str) -> str:
    path = raw / "figures" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return f"figures/{name}"


def error_of(raw: Path, name: str) -> str:
    with pytest.raises(KcspError) as caught:
        read_figures_file(raw, name)
    return str(caught.value)


def test_rows_become_observations_with_row_locators(tmp_path):
    # Figures of seed 003 line 797 ("Number of Domestic Abuse Incidents (Kent excluding
    # Medway) 18,376 19259 20276") and line 798 ("... 24.0% 24.2% 24.8%"), typed as an
    # analyst would: aliases, thousands separators, a trailing %.
    name = write_figures(
        tmp_path,
        "q4.csv",
        'da_incidents,Kent excluding Medway,2013/14,"20,276",,from the July 2014 pack\n'
        "Number of Domestic Abuse Incidents,Kent,Apr '12 - Mar '13,19259,,\n"
        "da_repeat_victims_pct,Kent,2013-14,24.8%,,\n"
        "\n"
        'da_incidents,Kent,2012/13,"19,000",more than,"line 617: exceeded 19,0006"\n',
    )
    found = read_figures_file(tmp_path, name)
    assert [
        (o.measure, o.area, o.period.label, o.value, o.qualifier, o.locator) for o in found
    ] == [
        ("da_incidents", "Kent", "2013/14", 20276.0, "", "row 2"),
        ("da_incidents", "Kent", "2012/13", 19259.0, "", "row 3"),
        ("da_repeat_victims_pct", "Kent", "2013/14", 24.8, "", "row 4"),
        ("da_incidents", "Kent", "2012/13", 19000.0, "more_than", "row 6"),
    ]
    assert {o.source for o in found} == {name}


def test_shepway_is_read_as_folkestone_and_hythe(tmp_path):
    name = write_figures(tmp_path, "d.csv", "da_incidents,Shepway,2013/14,1500,,\n")
    assert read_figures_file(tmp_path, name)[0].area == "Folkestone and Hythe"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "da_incident,Kent,2013/14,20276,,",
            "unknown measure 'da_incident'; closest: da_incidents",
        ),
        (
            "da_incidents,Kentt,2013/14,20276,,",
            "unknown area 'Kentt'; closest: Kent",
        ),
        ("da_incidents,Kent,2013/14,twenty,,", "value 'twenty' is not a number"),
        ('da_incidents,Kent,2013/14,"20,27",,', "value '20,27' is not a number"),
        ("da_incidents,Kent,2013/14,-5,,", "value '-5' is negative"),
        (
            "da_repeat_victims_pct,Kent,2013/14,124.8%,,",
            "value '124.8%' is a percentage outside 0-100",
        ),
        (
            "da_incidents,Kent,2013/14,20%,,",
            "value '20%' has a % sign but the measure's unit is count",
        ),
        ("da_incidents,Kent,2013/14,,,", "no value; every row needs a number in the value column"),
        ("da_incidents,Kent,2013/14,5,roughly,", "unknown qualifier 'roughly'"),
    ],
)
def test_bad_rows_name_file_and_row(tmp_path, row, message):
    name = write_figures(tmp_path, "bad.csv", "da_incidents,Kent,2012/13,19259,,\n" + row + "\n")
    assert error_of(tmp_path, name).startswith(f"figures/bad.csv: row 3: {message}")


def test_unreadable_period_lists_the_accepted_forms(tmp_path):
    name = write_figures(tmp_path, "p.csv", "da_incidents,Kent,Spring 2013,100,,\n")
    text = error_of(tmp_path, name)
    assert text.startswith("figures/p.csv: row 2: cannot read period 'Spring 2013'")
    assert ACCEPTED_FORMS[0] in text


def test_duplicate_row_names_both_rows(tmp_path):
    name = write_figures(
        tmp_path,
        "dup.csv",
        "da_incidents,Kent,2013/14,20276,,\n"
        "da_incidents,Kent excluding Medway,Apr '13 - Mar '14,20301,,\n",
    )
    assert error_of(tmp_path, name) == (
        "figures/dup.csv: row 3: duplicate of row 2: da_incidents, Kent, 2013/14 appear twice; "
        "keep one row per figure"
    )


def test_misspelt_column_is_named(tmp_path):
    path = tmp_path / "figures" / "c.csv"
    path.parent.mkdir()
    path.write_text("measure,area,period,vlaue\nda_incidents,Kent,2013/14,1\n", encoding="utf-8")
    assert error_of(tmp_path, "figures/c.csv").startswith(
        "figures/c.csv: row 1: unknown column 'vlaue'; expected the columns measure, area, "
        "period, value, qualifier, note"
    )


def test_workbook_rows_are_located_by_sheet_and_row(tmp_path):
    # Seed 003 line 769: ASB satisfaction 82.2% (2012/13) and 80.5% (2013/14); the second
    # is typed into a cell formatted as a percentage, which holds 0.805.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Q1"
    sheet.append(["Measure", "Area", "Period", "Value"])
    sheet.append([])
    sheet.append(["asb_satisfaction_pct", "Kent", "2012/13", 82.2])
    sheet.append(["asb_satisfaction_pct", "Kent", "2013/14", 0.805])
    sheet["D4"].number_format = "0.0%"
    sheet.append(["ksi_casualties", "Kent", 2013, 594])
    (tmp_path / "figures").mkdir()
    book.save(tmp_path / "figures" / "q1.xlsx")
    found = read_figures_file(tmp_path, "figures/q1.xlsx")
    assert [(o.measure, o.period.label, o.value, o.locator) for o in found] == [
        ("asb_satisfaction_pct", "2012/13", 82.2, "sheet 'Q1' row 3"),
        ("asb_satisfaction_pct", "2013/14", 80.5, "sheet 'Q1' row 4"),
        ("ksi_casualties", "2013", 594.0, "sheet 'Q1' row 5"),
    ]
    _, log = extract_figures_file(tmp_path, "figures/q1.xlsx")
    assert [(e.locator, e.block, e.status, e.figures) for e in log] == [
        ("sheet 'Q1' row 3-5", "sheet", "used", 3)
    ]


def test_workbook_error_names_sheet_and_row(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Q2"
    book.active.append(["measure", "area", "period", "value"])
    book.active.append(["marac_repeat_pct", "Kent", "2013/14", 123])
    (tmp_path / "figures").mkdir()
    book.save(tmp_path / "figures" / "q2.xlsx")
    assert error_of(tmp_path, "figures/q2.xlsx") == (
        "figures/q2.xlsx: sheet 'Q2' row 2: value '123' is a percentage outside 0-100"
    )


def test_csv_template_reads_back_empty_and_lists_every_id(tmp_path):
    (tmp_path / "figures").mkdir()
    path = tmp_path / "figures" / "t.csv"
    write_template(path)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(TEMPLATE_COLUMNS)
    for measure_id in catalogue.measures():
        assert f"# measure: {measure_id} - " in text
    assert "# area alias: Shepway - read as Folkestone and Hythe" in text
    assert read_figures_file(tmp_path, "figures/t.csv") == []


def test_xlsx_template_has_a_sheet_of_accepted_values(tmp_path):
    (tmp_path / "figures").mkdir()
    path = tmp_path / "figures" / "t.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["figures", REFERENCE_SHEET]
    assert [c.value for c in book["figures"][1]] == list(TEMPLATE_COLUMNS)
    listed = {(r[0], r[1]) for r in book[REFERENCE_SHEET].iter_rows(min_row=2, values_only=True)}
    assert {("measure", m) for m in catalogue.measures()} <= listed
    assert {("area", a) for a in catalogue.areas()} <= listed
    assert ("period form", ACCEPTED_FORMS[0]) in listed
    # Filled in, the template is read; the reference sheet is never read as figures.
    book["figures"].append(["road_deaths", "Kent", "2012", 50])
    book.save(path)
    assert [o.value for o in read_figures_file(tmp_path, "figures/t.xlsx")] == [50.0]


def test_template_of_another_kind_is_refused(tmp_path):
    with pytest.raises(KcspError, match=r"a template is \.csv or \.xlsx; found \.xls"):
        write_template(tmp_path / "t.xls")


def test_documented_example_is_read_and_matches_its_source_lines(tmp_path):
    """docs/figures-template-example.csv retypes seed 003 figures; each row names its line."""
    from tests.conftest import AGENDA_PACK, PROJECT_ROOT, raw_line

    (tmp_path / "figures").mkdir()
    example = (PROJECT_ROOT / "docs" / "figures-template-example.csv").read_text(encoding="utf-8")
    (tmp_path / "figures" / "example.csv").write_text(example, encoding="utf-8")
    found = read_figures_file(tmp_path, "figures/example.csv")
    assert [(o.measure, o.period.label, o.value, o.qualifier) for o in found] == [
        ("da_incidents", "2013/14", 20276.0, ""),
        ("da_repeat_victims_pct", "2013/14", 24.8, ""),
        ("marac_cases", "2013/14", 1229.0, ""),
        ("ksi_casualties", "2013", 594.0, ""),
        ("road_deaths", "2012", 50.0, ""),
        ("seriously_injured", "2012", 474.0, ""),
        ("da_incidents", "2012/13", 19000.0, "more_than"),
    ]
    assert {o.area for o in found} == {"Kent"}
    assert "20276" in raw_line(AGENDA_PACK, 797) and "24.8%" in raw_line(AGENDA_PACK, 798)
    assert "1,229" in raw_line(AGENDA_PACK, 807) and "594" in raw_line(AGENDA_PACK, 960)
    assert "50 people died, 474 people were seriously injured" in raw_line(AGENDA_PACK, 643)
    assert "exceeded 19,0006" in raw_line(AGENDA_PACK, 617)


@given(value=st.text(max_size=12), measure=st.sampled_from(["da_incidents", "marac_repeat_pct"]))
@settings(max_examples=200, deadline=None)
def test_any_value_cell_gives_a_figure_or_a_located_error(value, measure):
    """Whatever an analyst types in the value cell ends in a figure or in our error."""
    import csv
    import io
    import tempfile

    row = io.StringIO()
    csv.writer(row, lineterminator="\n").writerow([measure, "Kent", "2013/14", value, "", ""])
    with tempfile.TemporaryDirectory() as folder:
        name = write_figures(Path(folder), "fuzz.csv", row.getvalue())
        try:
            found = read_figures_file(Path(folder), name)
        except KcspError as exc:
            assert str(exc).startswith("figures/fuzz.csv: row ")
            return
    assert len(found) <= 1
    for observation in found:
        assert observation.value >= 0
        if measure == "marac_repeat_pct":
            assert observation.value <= 100


def test_a_fraction_pasted_as_a_percent_is_refused(tmp_path):
    """``marac_repeat_pct,Kent,2014/15,0.25`` was read as 0.25% and beat the report's 25%."""
    name = write_figures(tmp_path, "2014-10-01_q2.csv", "marac_repeat_pct,Kent,2014/15,0.25,,\n")
    assert error_of(tmp_path, name) == (
        "figures/2014-10-01_q2.csv: row 2: 0.25 looks like a fraction: write 25 or 25%; "
        "if 0.25 per cent is meant, write 0.25%"
    )
    name = write_figures(tmp_path, "one.csv", "da_repeat_victims_pct,Kent,2013/14,1,,\n")
    assert error_of(tmp_path, name).startswith(
        "figures/one.csv: row 2: 1 looks like a fraction: write 100 or 100%;"
    )


def test_a_small_percent_marked_with_a_sign_is_meant_and_zero_is_zero(tmp_path):
    name = write_figures(
        tmp_path,
        "small.csv",
        "marac_repeat_pct,Kent,2014/15,0.25%,,\nmarac_repeat_pct,Kent,2013/14,0,,\n"
        "marac_repeat_pct,Kent,2012/13,1.5,,\n",
    )
    assert [o.value for o in read_figures_file(tmp_path, name)] == [0.25, 0.0, 1.5]


def test_a_workbook_cell_formatted_as_percent_holds_a_fraction_legitimately(tmp_path):
    path = tmp_path / "figures" / "q2.xlsx"
    path.parent.mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(TEMPLATE_COLUMNS))
    sheet.append(["marac_repeat_pct", "Kent", "2014/15", 0.25, None, None])
    sheet["D2"].number_format = "0%"
    workbook.save(path)
    assert [o.value for o in read_figures_file(tmp_path, "figures/q2.xlsx")] == [25.0]
