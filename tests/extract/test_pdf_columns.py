"""PDF pages set in columns read column by column; single-column text and tables as before.

Every document here is a test document written for kcsp-analysis's tests, drawn with
fpdf2; its figures are invented. Each test states every block the page gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kcsp_analysis.extract.blocks import Block, TableBlock, TextBlock
from kcsp_analysis.extract.documents import read_document

fpdf = pytest.importorskip("fpdf")

MARK = "Test document written for kcsp-analysis's tests; figures invented."
TITLE = "Quarterly burglary note for the Kent and Medway partnership"
RUNNING_TEXT = (
    "Burglary\n\nIn March 2017 Dover recorded 214 burglaries against 198 in March 2016, "
    "and Thanet recorded 305 against 290 the year before. Officers visited every street "
    "where a burglary was reported within two days of the report, and neighbourhood "
    "teams held surgeries in 6 libraries across the two districts.\n\n"
    "Vehicle crime\n\nIn March 2017 Swale recorded 122 thefts from vehicles, the lowest "
    "monthly total for three years. The partnership has paid for signs at 9 car parks "
    "and for lighting at the railway station in Sittingbourne."
)
CLOSING = (
    "The group meets next on 12 June 2017 at Maidstone, where the district plans for "
    "the summer will be agreed."
)
BURGLARY = (
    "In March 2017 Dover recorded 214 burglaries against 198 in March 2016, and Thanet "
    "recorded 305 against 290 the year before. Officers visited every street where a "
    "burglary was reported within two days of the report, and neighbourhood teams held "
    "surgeries in 6 libraries across the two districts."
)


def _paper() -> fpdf.FPDF:
    pdf = fpdf.FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(0, 5, MARK, new_x="LMARGIN", new_y="NEXT")
    return pdf


def _note(tmp_path: Path, columns: int) -> list[Block]:
    """A title across the page, running text in ``columns`` columns, a closing section."""
    pdf = _paper()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 7, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    with pdf.text_columns(ncols=columns, gutter=8, balance=True, text_align="LEFT") as text:
        text.write(text=RUNNING_TEXT)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, "Next meeting", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, CLOSING, new_x="LMARGIN", new_y="NEXT")
    return _blocks(tmp_path, pdf)


def _blocks(tmp_path: Path, pdf: fpdf.FPDF) -> list[Block]:
    (tmp_path / "reports").mkdir()
    pdf.output(str(tmp_path / "reports" / "note.pdf"))
    return list(read_document(tmp_path, "reports/note.pdf").blocks)


def _shown(blocks: list[Block]) -> list[tuple[str, object]]:
    return [
        (b.kind, b.text)
        if isinstance(b, TextBlock)
        else ("table", [[c.text for c in r] for r in b.rows])
        for b in blocks
    ]


def test_two_column_page_is_read_column_by_column(tmp_path):
    blocks = _note(tmp_path, columns=2)
    # Left column: "Burglary" and its paragraph; right column: "Vehicle crime" and its.
    assert _shown(blocks) == [
        ("paragraph", MARK),
        ("paragraph", f"{TITLE} Burglary"),
        ("paragraph", BURGLARY),
        ("heading", "Vehicle crime"),
        (
            "paragraph",
            "In March 2017 Swale recorded 122 thefts from vehicles, the lowest monthly "
            "total for three years.",
        ),
        (
            "paragraph",
            "The partnership has paid for signs at 9 car parks and for lighting at the "
            "railway station in Sittingbourne.",
        ),
        ("paragraph", f"Next meeting {CLOSING}"),
    ]
    assert {line.locator for b in blocks if isinstance(b, TextBlock) for line in b.lines} == {
        "page 1"
    }


def test_three_column_page_is_read_column_by_column(tmp_path):
    # A paragraph broken at the foot of a column goes on at the top of the next.
    assert _shown(_note(tmp_path, columns=3)) == [
        ("paragraph", MARK),
        ("paragraph", f"{TITLE} Burglary"),
        ("paragraph", BURGLARY),
        ("heading", "Vehicle crime"),
        (
            "paragraph",
            "In March 2017 Swale recorded 122 thefts from vehicles, the lowest monthly "
            "total for three years. The partnership has paid for signs at 9 car parks and "
            "for lighting at the railway station in Sittingbourne.",
        ),
        ("paragraph", f"Next meeting {CLOSING}"),
    ]


def test_single_column_page_reads_line_by_line(tmp_path):
    assert _shown(_note(tmp_path, columns=1)) == [
        ("paragraph", MARK),
        ("paragraph", f"{TITLE} Burglary"),
        ("paragraph", BURGLARY),
        ("heading", "Vehicle crime"),
        (
            "paragraph",
            "In March 2017 Swale recorded 122 thefts from vehicles, the lowest monthly "
            "total for three years. The partnership has paid for signs at 9 car parks and "
            "for lighting at the railway station in Sittingbourne.",
        ),
        ("paragraph", f"Next meeting {CLOSING}"),
    ]


_OFFENCES = (
    ("Offence", "2015/16", "2016/17", "Change"),
    ("Violence with injury", "10,412", "11,230", "+7.9%"),
    ("Violence without injury", "12,106", "13,540", "+11.8%"),
    ("Theft from the person", "1,204", "1,187", "-1.4%"),
    ("Criminal damage and arson", "14,880", "15,013", "+0.9%"),
    ("Public order offences", "5,671", "6,322", "+11.5%"),
    ("Possession of weapons", "702", "811", "+15.5%"),
)


def test_unruled_table_of_figures_is_still_a_table(tmp_path):
    """Columns of figures set apart by gaps are a table, not columns of text."""
    pdf = _paper()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "Recorded offences in Kent by type:", new_x="LMARGIN", new_y="NEXT")
    for cells in _OFFENCES:
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.cell(60, 5, cells[0])
        for x, text in zip((120, 150, 180), cells[1:], strict=True):
            pdf.set_xy(x - 28, y)
            pdf.cell(28, 5, text, align="R")
        pdf.set_xy(20, y + 5.5)
    blocks = _blocks(tmp_path, pdf)
    assert _shown(blocks) == [
        ("paragraph", MARK),
        ("paragraph", "Recorded offences in Kent by type:"),
        ("table", [list(row) for row in _OFFENCES]),
    ]
    assert isinstance(blocks[-1], TableBlock) and blocks[-1].intro == (
        "Recorded offences in Kent by type:"
    )


def test_a_numbered_paragraph_with_its_number_in_the_margin_is_prose(tmp_path: Path):
    """ "2.1<gap>Table 1 summarises ..." reads as one paragraph, not a row of a table."""
    pdf = _paper()
    pdf.set_font("Helvetica", "", 10)
    first = "In the 12 months to January 2018, 832 people were killed or seriously injured"
    rest = "on roads in Kent and Medway, an increase of 62 on the previous 12 months."
    pdf.cell(12, 5, "2.1")
    pdf.cell(0, 5, first, new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(32)
    pdf.cell(0, 5, rest, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "reports" / "numbered.pdf"
    path.parent.mkdir()
    pdf.output(str(path))
    blocks = read_document(tmp_path, "reports/numbered.pdf").blocks
    assert not [b for b in blocks if isinstance(b, TableBlock)]
    texts = [b.text for b in blocks if isinstance(b, TextBlock)]
    assert texts == [MARK, f"2.1\t{first} {rest}"]
