"""The table interpreter: measure, area and period of each cell from row, column and context.

Every document here is a test document written for kcsp-analysis's tests; figures
invented. The expected figures are the cells quoted in each test.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from kcsp_analysis.extract import extract_report
from kcsp_analysis.extract.figures import extract
from kcsp_analysis.processed.measures import observations_to_frame
from kcsp_analysis.reconcile.checks import check_sums, component_sums

MARK = "Test document written for kcsp-analysis's tests; figures invented."
DISTRICTS = (
    "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
    "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells",
)  # fmt: skip


def _read(tmp_path: Path, name: str, text: str):
    (tmp_path / "reports").mkdir(exist_ok=True)
    (tmp_path / "reports" / name).write_text(text, encoding="utf-8")
    return extract_report(tmp_path, f"reports/{name}")


def _figures(extraction) -> set[tuple[str, str, str, float]]:
    return {(o.measure, o.area, o.period.label, o.value) for o in extraction.observations}


def _html_table(caption: str, rows: list[list[str]], intro: str = "") -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    caption_tag = f"<caption>{caption}</caption>" if caption else ""
    body = f"<p>{MARK}</p>\n<p>{intro}</p>\n<table>{caption_tag}\n{cells}</table>"
    return f"<html><body>{body}</body></html>"


def test_rows_of_districts_take_the_measure_from_the_introducing_sentence(tmp_path):
    # "Domestic burglaries rose in two of the districts:" above "| Dover | 301 | 322 |"
    text = (
        f"{MARK}\n\nDomestic burglaries rose in two of the districts:\n\n"
        "| District | 2015/16 | 2016/17 |\n|---|---|---|\n"
        "| Dover | 301 | 322 |\n| Thanet | 610 | 655 |\n"
    )
    extraction = _read(tmp_path, "districts.md", text)
    assert _figures(extraction) == {
        ("domestic_burglary", "Dover", "2015/16", 301),
        ("domestic_burglary", "Dover", "2016/17", 322),
        ("domestic_burglary", "Thanet", "2015/16", 610),
        ("domestic_burglary", "Thanet", "2016/17", 655),
    }
    assert {o.block for o in extraction.observations} == {"table"}


def test_brief_labels_resolve_through_the_caption_family(tmp_path):
    rows = [["", "2014", "2015"], ["Killed", "52", "48"], ["Seriously injured", "611", "598"]]
    extraction = _read(tmp_path, "roads.html", _html_table("Road casualties in Kent", rows))
    assert _figures(extraction) == {
        ("road_deaths", "Kent", "2014", 52),
        ("road_deaths", "Kent", "2015", 48),
        ("seriously_injured", "Kent", "2014", 611),
        ("seriously_injured", "Kent", "2015", 598),
    }


def test_brief_labels_without_their_family_are_skipped_with_the_reason(tmp_path):
    rows = [["", "2014", "2015"], ["Killed", "52", "48"]]
    extraction = _read(tmp_path, "staff.html", _html_table("Staff in Kent", rows))
    assert extraction.observations == []
    assert any("no catalogue measure for label 'Killed'" in e.reason for e in extraction.log)


def test_columns_of_areas_with_the_period_from_the_caption(tmp_path):
    rows = [["Measure", "Kent", "Medway"], ["Domestic abuse incidents", "20,302", "5,612"]]
    extraction = _read(tmp_path, "areas.html", _html_table("Recorded in 2015/16", rows))
    assert _figures(extraction) == {
        ("da_incidents", "Kent", "2015/16", 20302),
        ("da_incidents", "Medway", "2015/16", 5612),
    }


def test_a_label_outside_the_catalogue_never_borrows_the_context_measure(tmp_path):
    rows = [["", "2014/15"], ["Number of stray dogs", "140"], ["Dover", "1,864"]]
    html = _html_table("Domestic abuse incidents in Kent", rows)
    extraction = _read(tmp_path, "dogs.html", html)
    assert _figures(extraction) == {("da_incidents", "Dover", "2014/15", 1864)}
    assert any("'Number of stray dogs'" in e.reason for e in extraction.log)


def test_target_columns_and_figures_given_twice_are_not_read(tmp_path):
    rows = [
        ["District", "2015/16", "Target 2016/17", "2016/17", "2016/17"],
        ["Dover", "301", "290", "322", "325"],
    ]
    extraction = _read(tmp_path, "target.html", _html_table("Domestic burglary", rows))
    assert _figures(extraction) == {("domestic_burglary", "Dover", "2015/16", 301)}
    assert any("two columns" in e.reason for e in extraction.log)


def test_a_total_row_takes_the_area_its_parts_make_up_and_is_checked(tmp_path):
    counts = [100 + i for i in range(12)]
    rows = [["District", "2016/17"], *[[d, str(c)] for d, c in zip(DISTRICTS, counts, strict=True)]]
    rows.append(["Total", str(sum(counts))])
    extraction = _read(tmp_path, "total.html", _html_table("Domestic burglary", rows))
    assert ("domestic_burglary", "Kent", "2016/17", sum(counts)) in _figures(extraction)
    (check,) = check_sums(observations_to_frame(extraction.observations), component_sums())
    assert (check.kind, check.area, check.stated, check.status) == ("sum", "Kent", 1266, "agrees")


def test_a_total_of_some_districts_is_not_given_an_area(tmp_path):
    rows = [["District", "2016/17"], ["Dover", "301"], ["Thanet", "655"], ["Total", "956"]]
    extraction = _read(tmp_path, "east.html", _html_table("Domestic burglary", rows))
    assert ("domestic_burglary", "Kent", "2016/17", 956) not in _figures(extraction)
    assert any("total row 'Total'" in e.reason for e in extraction.log)


def test_a_data_pack_in_figures_is_read_by_the_interpreter(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    sheet.append([MARK])
    sheet.append(["Robbery"])
    sheet.append(["Area", 2015, 2016])
    sheet.append(["Dover", 41, 35])  # B4 and C4
    (tmp_path / "figures").mkdir()
    workbook.save(tmp_path / "figures" / "pack.xlsx")
    extraction = extract(tmp_path, "figures/pack.xlsx")
    found = {
        (o.measure, o.area, o.period.label, o.value, o.locator, o.block)
        for o in extraction.observations
    }
    assert found == {
        ("robbery", "Dover", "2015", 41, "sheet 'Crime' cell B4", "sheet"),
        ("robbery", "Dover", "2016", 35, "sheet 'Crime' cell C4", "sheet"),
    }
    assert [(e.locator, e.status) for e in extraction.log] == [("sheet 'Crime' row 3-4", "used")]


def test_period_headings_in_their_published_forms(tmp_path):
    # "Baseline<br>(2010)" is one header, "Baseline (2010)"; "Apr-14" is April 2014;
    # "Q1 2014/15" the first quarter of the financial year 2014/15.
    rows = [
        [
            "<th>Measure</th>",
            "<th>Baseline<br>(2010)</th>",
            "<th>Apr-14</th>",
            "<th>Q1 2014/15</th>",
        ],
        ["Domestic abuse incidents (Kent)", "1,500", "1,610", "4,902"],
    ]
    cells = "".join(
        "<tr>" + "".join(c if c.startswith("<th>") else f"<td>{c}</td>" for c in r) + "</tr>"
        for r in rows
    )
    page = f"<html><body><p>{MARK}</p><table>{cells}</table></body></html>"
    extraction = _read(tmp_path, "forms.html", page)
    assert _figures(extraction) == {
        ("da_incidents", "Kent", "2010", 1500),
        ("da_incidents", "Kent", "2014-04", 1610),
        ("da_incidents", "Kent", "2014/15 Q1", 4902),
    }


def test_context_naming_two_areas_gives_a_table_no_area() -> None:
    """Written for the test: a caption that names two districts binds neither; an
    organisation's name ("Kent Police") is not the area "Kent"."""
    from kcsp_analysis.extract.table_labels import TableContext, area_for

    two = TableContext(caption="Recorded burglary in Dover and Thanet, 2016/17")
    assert area_for("Total", "2016/17", two) is None
    producer = TableContext(caption="Kent Police: recorded burglary, 2016/17", heading="Dover")
    assert area_for("Total", "2016/17", producer) == "Dover"
    assert area_for("Dover", "2016/17", two) == "Dover"


def test_theme_column_counting_words_and_dwelling_burglary(tmp_path):
    """A theme column groups the rows; "Offences recorded" only says what is counted."""
    html = (
        f"<html><body><p>{MARK}</p><table><caption>Recorded crime in Thanet</caption>"
        "<tr><th rowspan='2' colspan='2'>Crime type</th><th colspan='2'>Offences recorded</th></tr>"
        "<tr><th>2015/16</th><th>2016/17</th></tr>"
        "<tr><th rowspan='2'>Violence</th><td>Robbery</td><td>142</td><td>168</td></tr>"
        "<tr><td>Hate crime</td><td>90</td><td>95</td></tr>"
        "<tr><th>Acquisitive</th><td>Burglary dwelling</td><td>702</td><td>688</td></tr>"
        "</table></body></html>"
    )
    assert _figures(_read(tmp_path, "thanet.html", html)) == {
        ("robbery", "Thanet", "2015/16", 142),
        ("robbery", "Thanet", "2016/17", 168),
        ("domestic_burglary", "Thanet", "2015/16", 702),
        ("domestic_burglary", "Thanet", "2016/17", 688),
    }


def test_a_column_word_that_names_another_count_is_not_read(tmp_path):
    rows = [["", "Detected 2015/16"], ["Robbery", "41"]]
    extraction = _read(tmp_path, "detected.html", _html_table("Crime in Kent", rows))
    assert _figures(extraction) == set()


def test_stacked_headers_are_read_as_one_period(tmp_path):
    """ "Year ending March" over "2018" is 2017/18; "2014/15" over "Q1 (Apr-Jun)" its Q1."""
    html = (
        f"<html><body><p>{MARK}</p><table><caption>Recorded crime in Kent</caption>"
        "<tr><th rowspan='2'>Offence</th><th colspan='2'>Year ending March</th></tr>"
        "<tr><th>2018</th><th>2019</th></tr>"
        "<tr><td>Robbery</td><td>1,902</td><td>2,244</td></tr></table>"
        "<table><caption>Domestic abuse incidents</caption>"
        "<tr><th rowspan='2'>Area</th><th colspan='2'>2014/15</th></tr>"
        "<tr><th>Q1<br>(Apr&ndash;Jun)</th><th>Q2<br>(Jul&ndash;Sep)</th></tr>"
        "<tr><td>Medway</td><td>1,254</td><td>1,301</td></tr></table></body></html>"
    )
    assert _figures(_read(tmp_path, "stacked.html", html)) == {
        ("robbery", "Kent", "2017/18", 1902),
        ("robbery", "Kent", "2018/19", 2244),
        ("da_incidents", "Medway", "2014/15 Q1", 1254),
        ("da_incidents", "Medway", "2014/15 Q2", 1301),
    }


def test_quarter_columns_take_the_year_of_their_row(tmp_path):
    rows = [
        ["Year", "Q1<br>Apr&ndash;Jun", "Q2<br>Jul&ndash;Sep", "Full<br>year"],
        ["2015/16", "1,612", "1,890", "6,200"],
    ]
    html = _html_table("Anti-social behaviour incidents in Thanet by quarter", rows)
    assert _figures(_read(tmp_path, "asb.html", html)) == {
        ("asb_incidents", "Thanet", "2015/16 Q1", 1612),
        ("asb_incidents", "Thanet", "2015/16 Q2", 1890),
        ("asb_incidents", "Thanet", "2015/16", 6200),
    }


def test_a_fenced_text_table_with_a_rule_under_its_header(tmp_path):
    """A code fence, a caption line, a header, a rule of dashes, rows: one table."""
    text = (
        f"{MARK}\n\n```\nTable 1: Domestic abuse incidents in Kent, by district, 2015/16\n\n"
        "District        2015/16    % change on 2014/15\n"
        "----------------------------------------------\n"
        "Ashford           1,718        +7.2%\n"
        "Canterbury        1,902        +6.6%\n```\n"
    )
    assert _figures(_read(tmp_path, "fenced.md", text)) == {
        ("da_incidents", "Ashford", "2015/16", 1718),
        ("da_incidents", "Canterbury", "2015/16", 1902),
    }


def test_a_span_of_years_heads_no_period_column(tmp_path):
    """ "2005-09" in a paper is five years (a baseline average), never September 2005."""
    text = (
        f"{MARK}\n\nTable 3: Killed or seriously injured casualties by district, 2014\n\n"
        "District      KSI 2014   Change     2005-09\n"
        "                         on 2013    baseline avg\n"
        "--------------------------------------------------\n"
        "Ashford          68        +5          81\n"
        "Canterbury       71        +9          79\n"
    )
    assert _figures(_read(tmp_path, "spans.txt", text)) == {
        ("ksi_casualties", "Ashford", "2014", 68),
        ("ksi_casualties", "Canterbury", "2014", 71),
    }


def test_a_benchmark_row_and_a_yearless_rolling_caption(tmp_path):
    """ "(12 months to January)" makes the "2019" column the 12 months to January 2019."""
    html = (
        f"<html><body><p>{MARK}</p><table><caption>ASB incidents by area "
        "(12 months to January)</caption>"
        "<tr><th rowspan='2'>Measure</th><th colspan='2'>Kent<br>(KCC area)</th></tr>"
        "<tr><th>2018</th><th>2019</th></tr>"
        "<tr><td>ASB incidents</td><td>42,120</td><td>39,512</td></tr>"
        "<tr><td>SafeLives recommended cases per 10,000 adult females</td><td>40</td>"
        "<td>40</td></tr></table></body></html>"
    )
    extraction = _read(tmp_path, "rolling.html", html)
    assert _figures(extraction) == {
        ("asb_incidents", "Kent", "12 months to 2018-01", 42120),
        ("asb_incidents", "Kent", "12 months to 2019-01", 39512),
    }
    assert any("a benchmark" in e.reason for e in extraction.log)
