"""Bad files dropped into data/raw: each stops ``kcsp extract`` with exit code 2 and one
line ``kcsp: error: <file>: ...``, quickly and in little memory, and writes nothing.

Each run is a separate ``python -m kcsp_analysis`` process; its wall time and peak
resident memory (``os.wait4``) are measured. The limits are generous for a shared
two-core machine: a clean run of the shipped reports takes about 2 s and 130-230 MB.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from fpdf import FPDF

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.documents import MAX_LINE_CHARS, read_document
from kcsp_analysis.extract.figures import extract_figures_file
from tests.conftest import AGENDA_PACK, SHIPPED_RAW
from tests.robustness_helpers import run_kcsp_measured

TIME_LIMIT_S = 30.0
PEAK_RSS_LIMIT_MB = 400.0
OUTPUT_NAMES = ("measures.csv", "extraction_log.csv", "reconciliation.csv", "revisions.csv")

# Line 797 of the agenda pack, the domestic abuse row of the performance table.
DA_ROW = "Number of Domestic Abuse Incidents (Kent excluding Medway) 18,376 19259 20276"


def _pdf_bytes(text: str, user_password: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(text=text)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner", user_password=user_password)
    return bytes(pdf.output())


def _write_empty(raw: Path) -> str:
    (raw / "reports" / "empty.txt").write_bytes(b"")
    return "reports/empty.txt"


def _write_gzip_as_markdown(raw: Path) -> str:
    # A compressed copy of the agenda pack saved with a text name: binary data.
    data = gzip.compress((SHIPPED_RAW / AGENDA_PACK).read_bytes(), mtime=0)
    (raw / "reports" / "packed.md").write_bytes(data)
    return "reports/packed.md"


def _write_encrypted_pdf(raw: Path) -> str:
    (raw / "reports" / "locked.pdf").write_bytes(_pdf_bytes(DA_ROW, user_password="secret"))
    return "reports/locked.pdf"


def _write_truncated_pdf(raw: Path) -> str:
    data = _pdf_bytes(DA_ROW)
    (raw / "reports" / "cut.pdf").write_bytes(data[: len(data) // 2])
    return "reports/cut.pdf"


def _write_cp1252_text(raw: Path) -> str:
    # The PCC grant sentence of the March 2014 notes, saved by a Windows editor.
    text = "Kent Community Safety Partnership\n\nThe PCC grant of £45k was agreed.\n"
    (raw / "reports" / "grant.txt").write_bytes(text.encode("cp1252"))
    return "reports/grant.txt"


def _write_50_mb_single_line(raw: Path) -> str:
    unit = b"In 2013/14 there were 20,276 domestic abuse incidents in Kent. "
    with open(raw / "reports" / "huge.txt", "wb") as handle:
        for _ in range(50 * 1024 * 1024 // (len(unit) * 1024) + 1):
            handle.write(unit * 1024)
    return "reports/huge.txt"


def _write_merged_title_workbook(raw: Path) -> str:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Q4"
    sheet["A1"] = "Kent figures 2013/14"
    sheet.merge_cells("A1:D1")
    sheet.append(["measure", "area", "period", "value"])
    sheet.append(["da_incidents", "Kent", "2013/14", 20276])
    workbook.save(raw / "figures" / "merged.xlsx")
    return "figures/merged.xlsx"


def _write_truncated_workbook(raw: Path) -> str:
    path = raw / "figures" / "cut.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["measure", "area", "period", "value"])
    workbook.save(path)
    path.write_bytes(path.read_bytes()[:500])
    return "figures/cut.xlsx"


BAD_FILES: list[tuple[Callable[[Path], str], str]] = [
    (_write_empty, "reports/empty.txt: empty document: no text to extract"),
    (
        _write_gzip_as_markdown,
        "reports/packed.md: line 1: binary data (NUL byte) where text was expected",
    ),
    (
        _write_encrypted_pdf,
        "reports/locked.pdf: the PDF is encrypted with a password; save a copy without the "
        "password (or the text version of the report) under data/raw/reports/",
    ),
    (
        _write_truncated_pdf,
        "reports/cut.pdf: cannot read PDF (PdfminerException: Unexpected EOF); is it truncated?",
    ),
    (
        _write_cp1252_text,
        "reports/grant.txt: line 3: not UTF-8 text: byte 0xa3 cannot be decoded; "
        "save the file as UTF-8",
    ),
    (
        _write_50_mb_single_line,
        "reports/huge.txt: 52.4 MB is more text than a report holds (at most 10 MB is read); "
        "is this the right file?",
    ),
    (
        _write_merged_title_workbook,
        "figures/merged.xlsx: sheet 'Q4' row 1: unknown column 'kent figures 2013/14'; "
        "expected the columns measure, area, period, value, qualifier, note "
        "(qualifier and note optional), found kent figures 2013/14",
    ),
]


@pytest.mark.parametrize(
    ("write_bad_file", "message"), BAD_FILES, ids=lambda v: getattr(v, "__name__", "")
)
def test_bad_file_exits_2_naming_the_file_quickly_and_in_little_memory(
    raw_copy: Path, tmp_path: Path, write_bad_file: Callable[[Path], str], message: str
):
    write_bad_file(raw_copy)
    out = tmp_path / "processed" / "measures.csv"
    run = run_kcsp_measured(
        ["extract", "--raw", str(raw_copy), "--out", str(out)], tmp_path, TIME_LIMIT_S
    )
    assert (run.returncode, run.stderr, run.stdout) == (2, f"kcsp: error: {message}\n", "")
    assert run.peak_rss_mb < PEAK_RSS_LIMIT_MB, f"peak RSS {run.peak_rss_mb:.0f} MB"
    assert not out.parent.exists() or not any((out.parent / name).exists() for name in OUTPUT_NAMES)


def test_the_limits_hold_for_a_clean_run(raw_copy: Path, tmp_path: Path):
    """The same limits leave a clean run of the shipped reports plenty of room."""
    out = tmp_path / "processed" / "measures.csv"
    run = run_kcsp_measured(
        ["extract", "--raw", str(raw_copy), "--out", str(out)], tmp_path, TIME_LIMIT_S
    )
    assert run.returncode == 0, run.stderr
    assert run.peak_rss_mb < PEAK_RSS_LIMIT_MB, f"peak RSS {run.peak_rss_mb:.0f} MB"
    assert sorted(p.name for p in out.parent.iterdir() if not p.name.startswith(".")) == sorted(
        OUTPUT_NAMES
    )


def test_a_long_single_line_under_the_size_limit_is_named_by_its_line(tmp_path: Path):
    """A report that lost its line breaks cannot give useful line locators.

    8,000 sentences of 27 characters, less the trailing space that is stripped.
    """
    (tmp_path / "reports").mkdir()
    text = "Kent Community Safety Partnership\n" + "Kent had 20,276 incidents. " * 8000
    (tmp_path / "reports" / "flat.txt").write_text(text, encoding="utf-8")
    with pytest.raises(KcspError) as caught:
        read_document(tmp_path, "reports/flat.txt")
    assert str(caught.value) == (
        f"reports/flat.txt: line 2: a line of 215,999 characters (at most {MAX_LINE_CHARS:,} "
        "expected): the text has lost its line breaks, or is not a report"
    )


def test_a_pdf_protected_only_against_editing_is_read(tmp_path: Path):
    """An owner password alone does not stop reading: the text comes out on page 1."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "owner.pdf").write_bytes(_pdf_bytes(DA_ROW, user_password=""))
    document = read_document(tmp_path, "reports/owner.pdf")
    assert [(block.text, block.locator) for block in document.blocks] == [(DA_ROW, "page 1")]


def test_truncated_workbook_names_the_file(raw_copy: Path):
    name = _write_truncated_workbook(raw_copy)
    with pytest.raises(KcspError) as caught:
        extract_figures_file(raw_copy, name)
    assert str(caught.value).startswith("figures/cut.xlsx: cannot open as a workbook: ")


def test_header_cell_merged_over_two_columns_still_reads_the_figure(tmp_path: Path):
    """A header cell merged across two columns leaves the second one blank: it is ignored."""
    (tmp_path / "figures").mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["measure", "area", "period", None, "value"])
    sheet.merge_cells("C1:D1")
    sheet.append(["da_incidents", "Kent", "2013/14", None, 20276])
    workbook.save(tmp_path / "figures" / "merged.xlsx")
    observations, _ = extract_figures_file(tmp_path, "figures/merged.xlsx")
    assert [(o.measure, o.area, o.period.label, o.value, o.locator) for o in observations] == [
        ("da_incidents", "Kent", "2013/14", 20276.0, "sheet 'Sheet' row 2")
    ]
