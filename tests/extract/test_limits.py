"""Limits measured: large documents are read, or refused by name, quickly and in little memory.

Each run is a separate ``kcsp extract`` process (:func:`run_kcsp_measured`), its wall
time and peak resident memory measured; the README's guarantees section states these
limits. Every document is a test document written for kcsp-analysis's tests; figures
invented.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract import pdf_blocks
from kcsp_analysis.extract.documents import read_document
from tests.robustness_helpers import run_kcsp_measured

MARK = "Test document written for kcsp-analysis's tests; figures invented."
TIME_LIMIT_S = 120.0
PEAK_RSS_LIMIT_MB = 400.0


def _raw(tmp_path: Path, folder: str) -> Path:
    raw = tmp_path / "raw"
    (raw / folder).mkdir(parents=True)
    return raw


def _extract(raw: Path, tmp_path: Path):
    out = tmp_path / "out" / "measures.csv"
    return run_kcsp_measured(
        ["extract", "--raw", str(raw), "--out", str(out)], tmp_path, TIME_LIMIT_S
    )


def _pdf(pages: int) -> FPDF:
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 6, MARK, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, f"Page {number}. The partnership met and noted the update.")
        pdf.ln(4)
        for row in (
            ("Measure", "2015/16", "2016/17"),
            ("Domestic burglary (Kent)", "5,180", "4,902"),
        ):
            for width, text in zip((90, 30, 30), row, strict=True):
                pdf.cell(width, 6, text)
            pdf.ln(6)
    return pdf


@pytest.mark.slow
def test_a_500_page_pdf_is_read_page_by_page_in_flat_memory(tmp_path):
    raw = _raw(tmp_path, "reports")
    _pdf(500).output(str(raw / "reports" / "long.pdf"))
    run = _extract(raw, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.peak_rss_mb < PEAK_RSS_LIMIT_MB, f"peak RSS {run.peak_rss_mb:.0f} MB"
    rows = (tmp_path / "out" / "measures.csv").read_text(encoding="utf-8").splitlines()
    # Every page prints "Domestic burglary (Kent)  5,180  4,902": the same two figures.
    assert sum("domestic_burglary,Kent" in r for r in rows) == 1000
    print(f"500 pages: {run.seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB")


def test_a_pdf_past_the_page_limit_is_refused_by_name(tmp_path, monkeypatch):
    raw = _raw(tmp_path, "reports")
    _pdf(3).output(str(raw / "reports" / "long.pdf"))
    monkeypatch.setattr(pdf_blocks, "MAX_PAGES", 2)
    with pytest.raises(KcspError, match=r"^reports/long.pdf: 3 pages is more than a report holds"):
        read_document(raw, "reports/long.pdf")


XML = '<?xml version="1.0" encoding="UTF-8"?>'
PKG = "http://schemas.openxmlformats.org/package/2006"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOC = REL
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"


def _workbook(path: Path, rows: int, dimension: bool, big_string: int = 0) -> None:
    """A minimal xlsx written part by part, so a million rows take seconds to write."""
    sheet_head = f'{XML}<worksheet xmlns="{MAIN}">'
    if dimension:
        sheet_head += f'<dimension ref="A1:B{rows}"/>'
    parts = {
        "[Content_Types].xml": f'{XML}<Types xmlns="{PKG}/content-types">'
        f'<Default Extension="rels" ContentType="{RELS_TYPE}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{SML}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SML}.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": f'{XML}<Relationships xmlns="{PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{XML}<Relationships xmlns="{PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(sheet_head.encode() + b"<sheetData>")
            first = '<row r="1"><c r="A1" t="inlineStr"><is><t>Dover</t></is></c>'
            if big_string:
                first += f'<c r="B1" t="inlineStr"><is><t>{"a" * big_string}</t></is></c>'
            sheet.write((first + "</row>").encode())
            chunk = []
            for number in range(2, rows + 1):
                chunk.append(f'<row r="{number}"><c r="B{number}"><v>{number}</v></c></row>')
                if len(chunk) == 10_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write(("".join(chunk) + "</sheetData></worksheet>").encode())


@pytest.mark.slow
@pytest.mark.parametrize("dimension", [True, False], ids=["declared", "undeclared"])
def test_a_sheet_of_a_million_rows_is_refused_quickly(tmp_path, dimension):
    raw = _raw(tmp_path, "figures")
    _workbook(raw / "figures" / "huge.xlsx", 1_000_000, dimension)
    run = _extract(raw, tmp_path)
    assert (run.returncode, run.stderr) == (
        2,
        "kcsp: error: figures/huge.xlsx: worksheet xl/worksheets/sheet1.xml has more than "
        "100,000 rows; at most 100,000 rows and 1,000,000 cells a sheet are read\n",
    )
    assert run.seconds < 15, f"{run.seconds:.1f} s"
    assert run.peak_rss_mb < PEAK_RSS_LIMIT_MB, f"peak RSS {run.peak_rss_mb:.0f} MB"
    print(f"1,000,000 rows refused: {run.seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB")


@pytest.mark.slow
def test_a_sheet_just_under_the_row_limit_is_read(tmp_path):
    raw = _raw(tmp_path, "reports")
    _workbook(raw / "reports" / "tall.xlsx", 99_000, dimension=False)
    run = _extract(raw, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.seconds < 60 and run.peak_rss_mb < PEAK_RSS_LIMIT_MB
    print(f"99,000 rows: {run.seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB")


def test_a_cell_that_inflates_past_the_part_limit_is_refused_before_parsing(tmp_path):
    raw = _raw(tmp_path, "reports")
    _workbook(raw / "reports" / "bomb.xlsx", 2, dimension=True, big_string=120_000_000)
    assert (raw / "reports" / "bomb.xlsx").stat().st_size < 1_000_000
    run = _extract(raw, tmp_path)
    assert run.returncode == 2
    assert "workbook part xl/worksheets/sheet1.xml inflates to 120 MB (at most 100 MB" in run.stderr
    assert run.seconds < 30 and run.peak_rss_mb < PEAK_RSS_LIMIT_MB
    print(f"inflating part refused: {run.seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB")


@pytest.mark.slow
def test_a_table_of_10000_columns_is_read_in_seconds(tmp_path):
    raw = _raw(tmp_path, "reports")
    years = [str(2000 + i % 20) for i in range(10_000)]
    header = "<tr><th>District</th>" + "".join(f"<th>{y}</th>" for y in years) + "</tr>"
    rows = "".join(
        f"<tr><td>{d}</td>" + "".join(f"<td>{i}</td>" for i in range(10_000)) + "</tr>"
        for d in ("Dover", "Thanet")
    )
    table = f"<table><caption>Domestic burglary</caption>{header}{rows}</table>"
    page = f"<html><body><p>{MARK}</p>{table}</body></html>"
    (raw / "reports" / "wide.html").write_text(page, encoding="utf-8")
    run = _extract(raw, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.seconds < 60 and run.peak_rss_mb < PEAK_RSS_LIMIT_MB
    log = (tmp_path / "out" / "extraction_log.csv").read_text(encoding="utf-8")
    # Each year heads 500 columns: no cell is read as that year's figure.
    assert "figures given by two columns of the row; none read" in log
    print(f"10,000 columns: {run.seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB")


def test_a_page_of_deeply_nested_divs_is_read_in_linear_time(tmp_path):
    raw = _raw(tmp_path, "reports")
    depth = 15_000
    page = (
        f"<html><body><p>{MARK}</p>" + "<div>" * depth
        + "<p>In 2013/14 there were 20,276 domestic abuse incidents in Kent.</p>"
        + "<div><span>x</span> note</div>" * depth + "</div>" * depth + "</body></html>"
    )  # fmt: skip
    (raw / "reports" / "deep.html").write_text(page, encoding="utf-8")
    run = _extract(raw, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.seconds < 30 and run.peak_rss_mb < PEAK_RSS_LIMIT_MB
    print(f"{depth:,} nested divs: {run.seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB")
    assert "da_incidents,Kent,2013/14" in (tmp_path / "out" / "measures.csv").read_text()
