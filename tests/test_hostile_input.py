"""Hostile and broken input at the command line: every failure is one line
``kcsp: error: <file>: <what>`` with exit code 2, nothing outside ``data/raw/`` is read or
shown, and the outputs stay as they were.

Runs are in-process (``main``) unless a run could hang or grow: those run in a child
process with a time limit (:func:`tests.robustness_helpers.run_kcsp_measured`).
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from kcsp_analysis import load_measures
from kcsp_analysis.build.extraction import run_extract
from kcsp_analysis.cli import main
from kcsp_analysis.extract.manifest import verify_raw
from kcsp_analysis.processed.extraction_log import LOG_COLUMNS
from kcsp_analysis.processed.tables import read_processed_csv
from tests.robustness_helpers import run_kcsp_measured, snapshot

TIME_LIMIT_S = 30.0
PEAK_RSS_LIMIT_MB = 400.0
HEADER = "measure,area,period,value,qualifier,note\n"
SHA256 = re.compile(r"[0-9a-f]{64}")


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kcsp: error: "), err
    return lines[0]


def _extract(raw: Path, out: Path) -> int:
    return main(["extract", "--raw", str(raw), "--out", str(out / "measures.csv")])


def _add_manifest_row(raw: Path, row: list[str]) -> None:
    with open(raw / "MANIFEST.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def previous(raw_copy: Path, tmp_path: Path) -> tuple[Path, dict[str, tuple[str, int, int]]]:
    """The processed folder of a clean run, with a snapshot of every file in it."""
    out = tmp_path / "processed"
    assert _extract(raw_copy, out) == 0
    return out, snapshot(out)


# -- B: every failure is one error line, exit 2 ------------------------------------------


def test_figures_cell_over_the_csv_field_limit(raw_copy, previous, capsys):
    """The csv module refuses a cell over 131,072 characters; one line names the row."""
    out, before = previous
    capsys.readouterr()
    (raw_copy / "figures" / "long.csv").write_text(
        HEADER + "da_incidents,Kent,2013/14,20276,," + "x" * 140_000 + "\n", encoding="utf-8"
    )
    assert _extract(raw_copy, out) == 2
    assert _error_line(capsys) == (
        "kcsp: error: figures/long.csv: row 2: cannot be read as CSV "
        "(field larger than field limit (131072))"
    )
    assert snapshot(out) == before


def test_full_disk_while_writing_the_processed_files(raw_copy, previous, capsys, monkeypatch):
    out, before = previous
    capsys.readouterr()
    (raw_copy / "figures" / "q1.csv").write_text(
        HEADER + "da_incidents,Kent,2014/15 Q1,5210,,\n", encoding="utf-8"
    )

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    assert _extract(raw_copy, out) == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {out}: could not write the new files (No space left on device); "
        "the previous ones are unchanged"
    )
    monkeypatch.undo()
    assert snapshot(out) == before


def test_read_only_processed_folder(raw_copy, tmp_path, capsys, monkeypatch):
    """Simulated (tests may run as root, who may write anywhere): mkdir fails EROFS."""
    real_mkdir = os.mkdir

    def read_only(path, *args, **kwargs):
        if str(path).startswith(str(tmp_path / "processed")):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", read_only)
    assert _extract(raw_copy, tmp_path / "processed") == 2
    assert _error_line(capsys).startswith(f"kcsp: error: {tmp_path / 'processed'}: ")
    assert not (tmp_path / "processed").exists()


def test_full_disk_while_writing_the_reports(tmp_path, capsys, monkeypatch):
    """The reports step of ``kcsp build``, its notebooks stubbed: old pages stay, one line."""
    from kcsp_analysis.build import briefings
    from kcsp_analysis.file_sets import replace_file_set

    (tmp_path / "data" / "raw" / "reports").mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00_overview.ipynb").write_text("{}", encoding="utf-8")
    reports = tmp_path / "reports"
    replace_file_set(reports, {"00_overview.html": b"old", "index.html": b"old index"})
    before = snapshot(reports)
    monkeypatch.setenv("KCSP_HOME", str(tmp_path))
    monkeypatch.setattr(briefings, "_execute_with_cache", lambda *a, **k: {})
    monkeypatch.setattr(
        briefings, "_render_pages", lambda *a: {"00_overview.html": "new", "index.html": "new"}
    )
    real_write = os.write

    def fills_up(descriptor: int, data: bytes) -> int:
        if b"new" in bytes(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", fills_up)
    assert main(["build"]) == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {reports}: could not write the new files (No space left on device); "
        "the previous ones are unchanged"
    )
    assert snapshot(reports) == before


def test_suggested_row_for_a_file_name_with_a_comma_pastes_as_one_row(raw_copy, capsys):
    """The row the tool suggests is CSV-quoted: pasted in, the manifest reads it back."""
    name = "reports/2014-07-08_minutes, part 2.txt"
    shutil.copy(raw_copy / "reports/2014-03-18_kcsp_meeting_notes.txt", raw_copy / name)
    (row,) = verify_raw(raw_copy).suggested_rows(raw_copy)
    assert next(csv.reader(io.StringIO(row)))[:2] == [name, "2014-07-08_minutes, part 2.txt"]
    with open(raw_copy / "MANIFEST.csv", "a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    # Read back as one row: what is left to fill in is named, nothing is refused.
    assert main(["manifest", "check", "--raw", str(raw_copy)]) == 1
    captured = capsys.readouterr()
    assert f"line 7: {name}: no title" in captured.out.splitlines()
    assert captured.err == ""


def test_unquoted_file_name_with_a_comma_is_refused_naming_the_line(raw_copy, tmp_path, capsys):
    """Typed by hand without quotes, the row has seven cells for six columns."""
    with open(raw_copy / "MANIFEST.csv", "a", encoding="utf-8") as handle:
        handle.write("reports/minutes, part 2.txt,minutes.txt," + "0" * 64 + ",t,,text\n")
    assert _extract(raw_copy, tmp_path / "out") == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {raw_copy / 'MANIFEST.csv'}: line 7: expected 6 cells "
        "(a file name with a comma must be in double quotes)"
    )


def test_out_that_is_a_folder_is_refused(raw_copy, tmp_path, capsys):
    (tmp_path / "here").mkdir()
    assert main(["extract", "--raw", str(raw_copy), "--out", str(tmp_path / "here")]) == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {tmp_path / 'here'}: is a folder; give a measures file name such as "
        f"{tmp_path / 'here' / 'measures.csv'}"
    )


def test_manifest_row_naming_a_folder_is_refused(raw_copy, tmp_path, capsys):
    (raw_copy / "reports" / "old").mkdir()
    _add_manifest_row(raw_copy, ["reports/old", "old", "0" * 64, "t", "", "text"])
    assert _extract(raw_copy, tmp_path / "out") == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {raw_copy / 'MANIFEST.csv'}: line 7: reports/old is a folder, not a file"
    )


def test_manifest_that_is_a_folder_is_refused(raw_copy, tmp_path, capsys):
    (raw_copy / "MANIFEST.csv").unlink()
    (raw_copy / "MANIFEST.csv").mkdir()
    assert main(["extract", "--raw", str(raw_copy), "--out", str(tmp_path / "m.csv")]) == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {raw_copy / 'MANIFEST.csv'}: is a folder, not a file; the manifest "
        "must be a CSV file"
    )


def test_manifest_saved_as_cp1252_is_refused_naming_the_line(raw_copy, tmp_path, capsys):
    text = (raw_copy / "MANIFEST.csv").read_text(encoding="utf-8")
    (raw_copy / "MANIFEST.csv").write_bytes(text.replace("Notes of", "Notes £ of").encode("cp1252"))
    assert _extract(raw_copy, tmp_path / "out") == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {raw_copy / 'MANIFEST.csv'}: line 3: not UTF-8 text (byte 0xa3); save "
        "the manifest as CSV UTF-8"
    )


def test_manifest_with_a_byte_order_mark_and_windows_line_ends_is_read(raw_copy, tmp_path):
    """As Excel's "CSV UTF-8" saves it: the same figures as the manifest as shipped."""
    assert _extract(raw_copy, tmp_path / "plain") == 0
    text = (raw_copy / "MANIFEST.csv").read_text(encoding="utf-8")
    (raw_copy / "MANIFEST.csv").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert _extract(raw_copy, tmp_path / "excel") == 0
    plain = (tmp_path / "plain" / "measures.csv").read_bytes()
    assert (tmp_path / "excel" / "measures.csv").read_bytes() == plain


def test_check_reads_a_reconciliation_re_saved_by_a_spreadsheet(previous, tmp_path, capsys):
    """BOM, CRLF, every cell quoted and the columns in another order: the same summary."""
    out, _ = previous
    assert main(["check", "--processed", str(out)]) == 0
    expected = capsys.readouterr().out
    with open(out / "reconciliation.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = list(reversed(list(rows[0])))
    resaved = tmp_path / "resaved"
    resaved.mkdir()
    shutil.copy(out / "revisions.csv", resaved / "revisions.csv")
    shutil.copy(out / "extraction_log.csv", resaved / "extraction_log.csv")
    with open(resaved / "reconciliation.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, columns, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    assert main(["check", "--processed", str(resaved)]) == 0
    assert capsys.readouterr().out == expected.replace(str(out), str(resaved))


def test_template_force_onto_a_folder_is_refused(tmp_path, capsys):
    (tmp_path / "t.csv").mkdir()
    assert main(["template", str(tmp_path / "t.csv"), "--force"]) == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {tmp_path / 't.csv'}: is a folder; give a template file name"
    )


def test_manifest_row_naming_a_fifo_is_refused_without_opening_it(raw_copy, tmp_path):
    """Reading a FIFO blocks for ever: refused by its type. Limits: 30 s, 400 MB."""
    os.mkfifo(raw_copy / "reports" / "pipe.txt")
    _add_manifest_row(raw_copy, ["reports/pipe.txt", "pipe.txt", "0" * 64, "t", "", "text"])
    run = run_kcsp_measured(["extract", "--raw", str(raw_copy)], tmp_path, TIME_LIMIT_S)
    assert run.returncode == 2
    assert run.stderr == (
        f"kcsp: error: {raw_copy / 'MANIFEST.csv'}: line 7: reports/pipe.txt is a named pipe "
        "(FIFO), not a file; it was not opened\n"
    )
    assert run.peak_rss_mb < PEAK_RSS_LIMIT_MB


def test_unlisted_fifo_is_not_opened(raw_copy, tmp_path):
    """An unlisted FIFO is named and not opened; the rest is read. Limits: 30 s, 400 MB."""
    os.mkfifo(raw_copy / "reports" / "pipe.txt")
    run = run_kcsp_measured(["extract", "--raw", str(raw_copy)], tmp_path, TIME_LIMIT_S)
    assert run.returncode == 0, run.stderr
    assert "51 figures from 5 raw files" in run.stdout
    assert run.stderr.splitlines()[0] == (
        "warning: not read: reports/pipe.txt: is a named pipe (FIFO), not a file; it was not opened"
    )
    assert run.peak_rss_mb < PEAK_RSS_LIMIT_MB


# -- C: nothing outside data/raw ----------------------------------------------------------

SECRET = "In 2013/14 there were 99,999 domestic abuse incidents in Kent. SECRET-TEXT\n"


def _outside_file(tmp_path: Path) -> Path:
    outside = tmp_path / "outside" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text(SECRET, encoding="utf-8")
    return outside


def test_manifest_path_climbing_out_of_raw_is_refused(raw_copy, tmp_path, capsys):
    """``reports/../../outside/secret.txt`` with the right checksum was read into measures."""
    outside = _outside_file(tmp_path)
    name = "reports/../../outside/secret.txt"
    _add_manifest_row(raw_copy, [name, "secret.txt", _sha(outside), "t", "", "text"])
    assert _extract(raw_copy, tmp_path / "out") == 2
    line = _error_line(capsys)
    assert line == (
        f"kcsp: error: {raw_copy / 'MANIFEST.csv'}: line 7: listed file {name} names a place "
        "outside the raw folder; give a path inside it, such as reports/x.txt"
    )
    assert not (tmp_path / "out").exists()


def test_link_out_of_raw_is_refused_and_nothing_of_its_target_shown(raw_copy, tmp_path, capsys):
    """A link in reports/ to a file elsewhere (``/etc/passwd`` in the probe) was read."""
    outside = _outside_file(tmp_path)
    (raw_copy / "reports" / "passwd.txt").symlink_to(outside)
    assert _extract(raw_copy, tmp_path / "out") == 2
    line = _error_line(capsys)
    assert line == (
        f"kcsp: error: {raw_copy}: reports/passwd.txt is a link to a file outside the raw "
        "folder; copy the file in instead"
    )
    assert "SECRET" not in line and _sha(outside) not in line
    assert not (tmp_path / "out").exists()


def test_absolute_path_in_the_manifest_shows_no_checksum(raw_copy, tmp_path, capsys):
    """A row naming ``/etc/shadow`` printed its checksum; now nothing of it is read."""
    outside = _outside_file(tmp_path)
    _add_manifest_row(raw_copy, [str(outside), "s", "0" * 64, "t", "", "text"])
    assert _extract(raw_copy, tmp_path / "out") == 2
    line = _error_line(capsys)
    assert SHA256.findall(line) == [] and "SECRET" not in line
    assert "names a place outside the raw folder" in line


# -- D: ISO dates only --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("01/07/2015", "write it as 2015-07-01 (day first) or 2015-01-07 (month first)"),
        ("31/07/2015", "write it as 2015-07-31"),
        ("2015/07/01", "write it as 2015-07-01"),
        ("July 2015", "write it as YYYY-MM-DD, such as 2014-07-08"),
    ],
)
def test_meeting_date_not_in_iso_form_is_refused(raw_copy, tmp_path, capsys, written, hint):
    """Compared as text, "01/07/2015" ranked a 2015 revision below the 2014 figure."""
    path = raw_copy / "figures" / "q.csv"
    path.write_text(HEADER + "da_incidents,Kent,2013/14,20301,,revised\n", encoding="utf-8")
    _add_manifest_row(raw_copy, ["figures/q.csv", "q.csv", _sha(path), "Q", written, "csv"])
    assert _extract(raw_copy, tmp_path / "out") == 2
    assert _error_line(capsys) == (
        f"kcsp: error: {raw_copy / 'MANIFEST.csv'}: line 7: meeting date {written!r} is not "
        f"YYYY-MM-DD; {hint}"
    )


def test_ranking_refuses_a_date_that_would_sort_as_text_wrongly():
    """``document_dates`` ranks by ISO text; an entry made in code is checked there too."""
    from kcsp_analysis.errors import KcspError
    from kcsp_analysis.extract.manifest import ManifestEntry
    from kcsp_analysis.reconcile.current import document_dates

    entry = ManifestEntry("figures/q.csv", "q.csv", "0" * 64, "Q", "01/07/2015", "csv")
    with pytest.raises(KcspError, match=r"^MANIFEST\.csv: figures/q\.csv: meeting date"):
        document_dates(["figures/q.csv"], [entry])


def test_iso_meeting_date_of_2015_revises_the_2014_figure(raw_copy, tmp_path):
    """The same row with the date as ISO text: the 2015 figure (20301) is current."""
    path = raw_copy / "figures" / "q.csv"
    path.write_text(HEADER + "da_incidents,Kent,2013/14,20301,,revised\n", encoding="utf-8")
    _add_manifest_row(raw_copy, ["figures/q.csv", "q.csv", _sha(path), "Q", "2015-07-01", "csv"])
    run_extract(raw_copy, tmp_path / "out" / "measures.csv")
    current = load_measures(tmp_path / "out" / "measures.csv", current=True)
    row = current[(current["measure"] == "da_incidents") & (current["period"] == "2013/14")]
    assert row["value"].tolist() == [20301.0]


# -- E: formula-like text is defused ------------------------------------------------------

FORMULA_REPORT = (
    "Test document written for kcsp-analysis's tests; figures invented.\n\n"
    '=HYPERLINK("http://example.invalid","In 2013/14 there were 12 domestic abuse incidents")\n\n'
    "@SUM(1+1) in 2013/14 there were 13 domestic abuse incidents\n\n"
    "+cmd|' /C calc'!A0 there were 14 domestic abuse incidents in 2013/14\n\n"
    "-3.5\n"
)


def test_formula_like_report_lines_are_defused_in_the_log(raw_copy, tmp_path):
    """The three lines were copied verbatim into extraction_log.csv."""
    (raw_copy / "reports" / "formulas.txt").write_text(FORMULA_REPORT, encoding="utf-8")
    out = tmp_path / "out" / "measures.csv"
    run_extract(raw_copy, out)
    with open(out.parent / "extraction_log.csv", encoding="utf-8", newline="") as handle:
        excerpts = [r["excerpt"] for r in csv.DictReader(handle) if "formulas" in r["source"]]
    assert {e[:6] for e in excerpts} >= {"'=HYPE", "'@SUM(", "'+cmd|"}
    # Every text cell of every processed file is safe: none starts as a formula.
    for name in ("measures.csv", "extraction_log.csv", "reconciliation.csv", "revisions.csv"):
        with open(out.parent / name, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    starts = cell[:1] in ("=", "+", "@", "\t", "\r") or cell[:1] == "-"
                    assert not starts or re.fullmatch(r"-?\d+(\.\d+)?", cell), (name, cell)
    # The reader gives back the text as the report printed it.
    log = read_processed_csv(out.parent / "extraction_log.csv", LOG_COLUMNS, "log")
    restored = set(log.loc[log["source"] == "reports/formulas.txt", "excerpt"])
    assert any(e.startswith('=HYPERLINK("http://example.invalid"') for e in restored)


# -- H: precision ---------------------------------------------------------------------------


def test_value_past_15_significant_digits_is_refused(raw_copy, tmp_path, capsys):
    (raw_copy / "figures" / "p.csv").write_text(
        HEADER + "da_incidents,Kent,2013/14,20276.00000000001,,\n", encoding="utf-8"
    )
    assert _extract(raw_copy, tmp_path / "out") == 2
    assert _error_line(capsys) == (
        "kcsp: error: figures/p.csv: row 2: value '20276.00000000001' has more than 15 "
        "significant digits or 10 decimals; it cannot be kept as published: round it"
    )


def test_spreadsheet_float_is_read_as_the_sheet_shows_it(raw_copy, tmp_path):
    """A computed cell 10.1 + 14.7 holds 24.799999999999997; the sheet shows 24.8."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["da_repeat_victims_pct", "Kent", "2014/15", 10.1 + 14.7, None, None])
    workbook.save(raw_copy / "figures" / "f.xlsx")
    out = tmp_path / "out" / "measures.csv"
    run_extract(raw_copy, out)
    frame = load_measures(out)
    assert frame.loc[frame["source"] == "figures/f.xlsx", "value"].tolist() == [24.8]
