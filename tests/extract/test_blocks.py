"""Readers give blocks: text, HTML, PDF and workbooks, each table a grid of located cells.

Every document here is a test document written for kcsp-analysis's tests; figures
invented. Each test quotes the cells it checks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import TableBlock, TextBlock
from kcsp_analysis.extract.documents import read_document

MARK = "Test document written for kcsp-analysis's tests; figures invented."


def _write(tmp_path: Path, name: str, data: str | bytes) -> str:
    (tmp_path / "reports").mkdir(exist_ok=True)
    path = tmp_path / "reports" / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return f"reports/{name}"


def _tables(tmp_path: Path, name: str) -> list[TableBlock]:
    document = read_document(tmp_path, name)
    return [b for b in document.blocks if isinstance(b, TableBlock)]


def _texts(table: TableBlock) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_markdown_pipe_table_and_text_blocks(tmp_path):
    name = _write(
        tmp_path,
        "paper.md",
        f"{MARK}\n\n# Burglary\n\nRecorded burglaries rose in two districts:\n\n"
        "| District | 2015/16 | 2016/17 |\n|---|---:|---:|\n| Dover | 301 | 322 |\n"
        "| Thanet | 655 | 610 |\n\n- a list item\n",
    )
    blocks = read_document(tmp_path, name).blocks
    kinds = [b.kind if isinstance(b, TextBlock) else "table" for b in blocks]
    assert kinds == ["paragraph", "heading", "paragraph", "table", "item"]
    table = blocks[3]
    assert isinstance(table, TableBlock) and table.aligned
    # line 9: "| Dover | 301 | 322 |"
    assert _texts(table) == [
        ["District", "2015/16", "2016/17"],
        ["Dover", "301", "322"],
        ["Thanet", "655", "610"],
    ]
    assert table.rows[1][1].locator == "line 9"
    assert table.intro == "Recorded burglaries rose in two districts:"
    assert table.heading == "# Burglary"


def test_space_aligned_table_but_not_prose_with_double_spaces(tmp_path):
    name = _write(
        tmp_path,
        "note.txt",
        f"{MARK}\n\nThe group met.  It agreed the plan.\nIt will meet again.  Soon.\n\n"
        "    Area        Cases 2015    Cases 2016\n    Kent             1,562         1,698\n",
    )
    tables = _tables(tmp_path, name)
    assert [_texts(t) for t in tables] == [
        [["Area", "Cases 2015", "Cases 2016"], ["Kent", "1,562", "1,698"]]
    ]


def test_html_spans_breaks_caption_and_unread_tags(tmp_path):
    name = _write(
        tmp_path,
        "page.html",
        f"<html><head><style>td {{ color: red }}</style></head><body><p>{MARK}</p>\n"
        "<p>Incidents fell in Dover.</p>\n<table><caption>Domestic abuse incidents</caption>\n"
        '<tr><th rowspan="2">District</th><th colspan="2">April - March</th></tr>\n'
        "<tr><th>Baseline<br>(2010)</th><th>2013</th></tr>\n"
        "<tr><td>Dover</td><td>1,500</td><td>1,452</td></tr>\n</table>\n"
        "<script>document.write('<p>In 2013 there were 9,999 incidents.</p>')</script>\n"
        "<template><p>9,998</p></template><noscript>9,997</noscript></body></html>",
    )
    document = read_document(tmp_path, name)
    (table,) = [b for b in document.blocks if isinstance(b, TableBlock)]
    assert _texts(table) == [
        ["District", "April - March", "April - March"],
        ["District", "Baseline (2010)", "2013"],
        ["Dover", "1,500", "1,452"],
    ]
    assert table.rows[1][0].spanned and table.rows[0][2].spanned
    assert (table.caption, table.intro) == ("Domestic abuse incidents", "Incidents fell in Dover.")
    assert table.rows[2][1].locator == "line 6"
    texts = " ".join(b.text for b in document.blocks if isinstance(b, TextBlock))
    assert "9,99" not in texts and "color" not in texts


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "latin-1"),
    ],
)
def test_html_declared_charset_is_honoured(tmp_path, head, encoding):
    page = f"<html><head>{head}</head><body><p>{MARK} A grant of £45k – agreed.</p></body></html>"
    name = _write(
        tmp_path,
        "grant.html",
        page.replace("–", "-" if encoding == "latin-1" else "–").encode(encoding),
    )
    (block,) = read_document(tmp_path, name).blocks
    assert "£45k" in block.text


def test_utf16_text_by_its_byte_order_mark_and_undeclared_bytes_refused(tmp_path):
    name = _write(tmp_path, "utf16.txt", f"{MARK}\nIn 2013 there were 12 cases.\n".encode("utf-16"))
    (_, second) = read_document(tmp_path, name).blocks
    assert second.text == "In 2013 there were 12 cases." and second.locator == "line 2"
    bad = _write(tmp_path, "bad.html", f"<p>{MARK} £45k</p>".encode("cp1252"))
    with pytest.raises(KcspError, match="not UTF-8 text: byte 0xa3"):
        read_document(tmp_path, bad)


def test_workbook_cells_keep_dates_percentages_and_titles(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "DA"
    sheet["A1"] = MARK
    sheet["A2"] = "Table A: incidents involving a repeat victim (%)"
    sheet.append([])
    sheet.append(["District", date(2017, 4, 1), date(2017, 5, 1)])
    sheet.append(["Dover", 0.281, 0.2745])
    for cell in sheet[5][1:]:
        cell.number_format = "0.0%"
    (tmp_path / "reports").mkdir()
    workbook.save(tmp_path / "reports" / "pack.xlsx")
    (table,) = _tables(tmp_path, "reports/pack.xlsx")
    assert table.rows[0][1].value == date(2017, 4, 1)
    # B5 holds 0.281 shown as 28.1%; C5 0.2745 shown as 27.5% (the sheet rounds half up)
    assert [(c.value, c.text, c.locator) for c in table.rows[1][1:]] == [
        (28.1, "28.1%", "sheet 'DA' cell B5"),
        (27.5, "27.5%", "sheet 'DA' cell C5"),
    ]
    assert table.caption == "Table A: incidents involving a repeat victim (%)"
    assert table.heading == f"DA / {MARK}"


def test_ruled_pdf_table_is_a_grid(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.cell(0, 8, MARK, new_x="LMARGIN", new_y="NEXT")
    for row in (["District", "2015/16", "2016/17"], ["Dover", "301", "322"]):
        for text in row:
            pdf.cell(40, 8, text, border=1)
        pdf.ln(8)
    (tmp_path / "reports").mkdir()
    pdf.output(str(tmp_path / "reports" / "ruled.pdf"))
    (table,) = _tables(tmp_path, "reports/ruled.pdf")
    assert table.aligned and _texts(table) == [
        ["District", "2015/16", "2016/17"],
        ["Dover", "301", "322"],
    ]
    assert table.rows[1][1].locator == "page 1"


def test_html_definition_list_is_a_table_of_terms_and_figures(tmp_path):
    """Written for the test: a dashboard's <dl>; each term labels the figure after it."""
    from kcsp_analysis.extract.reports import extract_report

    name = _write(
        tmp_path,
        "dashboard.html",
        f"<html><body><p>{MARK}</p>\n<dl>\n"
        "<dt>Domestic abuse incidents, Medway, 2016/17</dt><dd>5,940</dd>\n"
        "<dt>Staff in post</dt><dd>12</dd>\n</dl></body></html>",
    )
    (table,) = _tables(tmp_path, name)
    assert _texts(table) == [
        ["Domestic abuse incidents, Medway, 2016/17", "5,940"],
        ["Staff in post", "12"],
    ]
    found = extract_report(tmp_path, name).observations
    assert [(o.measure, o.area, o.period.label, o.value) for o in found] == [
        ("da_incidents", "Medway", "2016/17", 5940.0)
    ]
