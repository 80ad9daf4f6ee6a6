"""Unruled PDF tables read by where their words sit: wrapped headers and empty cells.

The document here is a test document written for kcsp-analysis's tests, drawn with
fpdf2; its figures are invented. ``TRUTH`` lists every catalogue figure it prints, and
the test checks both that each is found and that nothing else is.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kcsp_analysis.extract.blocks import TableBlock
from kcsp_analysis.extract.documents import read_document
from kcsp_analysis.extract.reports import extract_report

fpdf = pytest.importorskip("fpdf")

MARK = "Test document written for kcsp-analysis's tests; figures invented."
NAME = "reports/2017-09-14_district_asb_note.pdf"

# Columns: label, then right edges of three value columns (mm from the page's left).
COLUMNS = (20, 110, 145, 180)
HEADER_TOP = ("District", "12 months to", "12 months to", "Change on")
HEADER_WRAP = ("", "June 2016", "June 2017", "previous year")
ROWS = (
    ("Ashford", "3,112", "2,987", "-125"),
    ("Dover", "2,804", "", ""),  # the 2017 figure is not yet validated: an empty cell
    ("Thanet", "5,410", "5,733", "+323"),
)

TRUTH = {
    ("asb_incidents", "Ashford", "12 months to 2016-06", 3112.0),
    ("asb_incidents", "Ashford", "12 months to 2017-06", 2987.0),
    ("asb_incidents", "Dover", "12 months to 2016-06", 2804.0),
    ("asb_incidents", "Thanet", "12 months to 2016-06", 5410.0),
    ("asb_incidents", "Thanet", "12 months to 2017-06", 5733.0),
}


def _row(pdf: fpdf.FPDF, cells: tuple[str, ...]) -> None:
    y = pdf.get_y()
    for number, (x, text) in enumerate(zip(COLUMNS, cells, strict=True)):
        if number == 0:
            pdf.set_xy(x, y)
            pdf.cell(60, 5, text, align="L")
        else:
            pdf.set_xy(x - 30, y)
            pdf.cell(30, 5, text, align="R")
    pdf.set_xy(pdf.l_margin, y + 5.5)


def _note(tmp_path: Path) -> Path:
    pdf = fpdf.FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(0, 5, MARK, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, "Anti-social behaviour incidents by district", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 10)
    _row(pdf, HEADER_TOP)
    _row(pdf, HEADER_WRAP)
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    for cells in ROWS:
        _row(pdf, cells)
    pdf.ln(4)
    pdf.multi_cell(0, 5, "The Dover figure for 2017 will be published once validated.")
    path = tmp_path / NAME
    path.parent.mkdir(parents=True)
    pdf.output(str(path))
    return path


def test_wrapped_header_and_empty_cell_keep_their_columns(tmp_path: Path) -> None:
    _note(tmp_path)
    tables = [b for b in read_document(tmp_path, NAME).blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1
    grid = [[cell.text for cell in row] for row in tables[0].rows]
    assert grid == [list(HEADER_TOP), list(HEADER_WRAP), *map(list, ROWS)]


def test_every_figure_of_the_table_and_nothing_else(tmp_path: Path) -> None:
    _note(tmp_path)
    extraction = extract_report(tmp_path, NAME)
    found = {
        (o.measure, o.area, o.period.label, o.value)
        for o in extraction.observations
        if not math.isnan(o.value)
    }
    assert found == TRUTH
