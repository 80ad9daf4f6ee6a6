"""Reading reports: text, HTML and PDF give the same lines and figures; bad files fail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract import extract_report
from kcsp_analysis.extract.documents import read_document
from kcsp_analysis.extract.numbers import strip_markup
from tests.conftest import AGENDA_PACK, SHIPPED_RAW, raw_line

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# The performance report pages of the agenda pack: tables at lines 762-801 and 896-960,
# with the sentences around them (lines 805-807, 903, 962).
PDF_LINES = range(756, 965)


def test_text_lines_keep_line_numbers():
    document = read_document(SHIPPED_RAW, AGENDA_PACK)
    assert document.format == "text"
    assert document.lines[796].text == raw_line(AGENDA_PACK, 797)
    assert document.lines[796].locator == "line 797"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "reports/bad.txt: empty document: no text to extract"),
        (b"   \n\n", "reports/bad.txt: empty document: no text to extract"),
        (
            b"line one\nline\x00two",
            "reports/bad.txt: line 2: binary data (NUL byte) where text was expected",
        ),
        (
            b"ok\nok\nKent \xa3500\n",
            "reports/bad.txt: line 3: not UTF-8 text: byte 0xa3 "
            "cannot be decoded; save the file as UTF-8",
        ),
    ],
)
def test_bad_text_names_file_and_line(tmp_path, data, message):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "bad.txt").write_bytes(data)
    with pytest.raises(KcspError) as caught:
        read_document(tmp_path, "reports/bad.txt")
    assert str(caught.value) == message


def test_truncated_pdf_names_the_file(tmp_path):
    pdf = _render_pdf(tmp_path, ["Number of Domestic Abuse Incidents"])
    (tmp_path / "reports" / "cut.pdf").write_bytes(pdf.read_bytes()[:300])
    with pytest.raises(KcspError) as caught:
        read_document(tmp_path, "reports/cut.pdf")
    assert str(caught.value).startswith("reports/cut.pdf: cannot read PDF")


def test_html_page_reads_tables_and_paragraphs(tmp_path):
    """A committee web page in the style of the agenda pack's performance report."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "page.html").write_text(
        "<html><body>\n<h4>10<sup>th</sup> June 2016</h4>\n<table>\n"
        "<tr><th>Proxy Measure / Indicator</th><th>Baseline '13/14</th><th>2014/15</th>"
        "<th>2015/16</th><th>Change</th><th>Diff. to Baseline</th></tr>\n"
        "<tr><td>Level of Domestic Burglary (exc. Medway)</td><td>4,100</td><td>4,310</td>"
        "<td>4,020</td><td><b>&#9660;</b> 6.7%</td><td>&#9660; 2.0%</td></tr>\n</table>\n"
        "<p>In Kent (excluding Medway) over the last 12 months (Apr '15 - Mar '16) there "
        "have been 1,402 Multi Agency Risk Assessment Conferences (MARACs) with 341 repeat "
        "cases (24%).</p>\n</body></html>\n",
        encoding="utf-8",
    )
    extraction = extract_report(tmp_path, "reports/page.html")
    found = {(o.measure, o.period.label, o.value, o.locator) for o in extraction.observations}
    assert found == {
        ("domestic_burglary", "2013/14", 4100.0, "line 5"),
        ("domestic_burglary", "2014/15", 4310.0, "line 5"),
        ("domestic_burglary", "2015/16", 4020.0, "line 5"),
        ("marac_cases", "2015/16", 1402.0, "line 7"),
        ("marac_repeat_cases", "2015/16", 341.0, "line 7"),
        ("marac_repeat_pct", "2015/16", 24.0, "line 7"),
    }
    change = next(c for c in extraction.stated_changes if c.kind == "change")
    assert [r.value for r in change.readings] == [-6.7]


def _render_pdf(folder: Path, lines: list[str]) -> Path:
    """Render report lines to a PDF: tab-separated cells at fixed columns, text wrapped."""
    fpdf = pytest.importorskip("fpdf")
    if not FONT.exists():
        pytest.skip("DejaVu Sans font not installed")
    pdf = fpdf.FPDF(orientation="L", format="A3")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=7)
    pdf.add_page()
    for text in lines:
        text = strip_markup(text)
        if "\t" in text:
            cells = text.split("\t")
            pdf.cell(230, 4, cells[0])
            for cell in cells[1:]:
                pdf.cell(28, 4, cell)
            pdf.ln(4)
        elif text.strip():
            pdf.multi_cell(0, 4, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(4)
    (folder / "reports").mkdir(exist_ok=True)
    path = folder / "reports" / "pack.pdf"
    pdf.output(str(path))
    return path


def test_pdf_gives_the_same_figures_as_the_text(tmp_path):
    """The performance report pages, rendered to PDF, yield the figures of the text."""
    text_lines = (SHIPPED_RAW / AGENDA_PACK).read_text(encoding="utf-8").splitlines()
    _render_pdf(tmp_path, [text_lines[i - 1] for i in PDF_LINES])
    from_pdf = extract_report(tmp_path, "reports/pack.pdf")
    from_text = extract_report(SHIPPED_RAW, AGENDA_PACK)

    def key(o):
        return (o.measure, o.area, o.period.label, o.value, o.qualifier)

    in_range = [o for o in from_text.observations if int(o.locator.split()[1]) in PDF_LINES]
    assert sorted(map(key, from_pdf.observations)) == sorted(map(key, in_range))
    assert all(re.fullmatch(r"page \d+", o.locator) for o in from_pdf.observations)
    text_changes = {
        (c.kind, c.measure, c.area, c.from_period, c.to_period, tuple(r.value for r in c.readings))
        for c in from_text.stated_changes
        if int(c.locator.split()[1]) in PDF_LINES
    }
    pdf_changes = {
        (c.kind, c.measure, c.area, c.from_period, c.to_period, tuple(r.value for r in c.readings))
        for c in from_pdf.stated_changes
    }
    assert pdf_changes == text_changes
