"""The ``kcsp`` command: exit codes, messages, and ``python -m`` equivalence."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kcsp_analysis import __version__
from kcsp_analysis.cli import main
from kcsp_analysis.extract.manifest import read_manifest, sha256_of, verify_raw
from tests.conftest import AGENDA_PACK, SHIPPED_RAW
from tests.robustness_helpers import snapshot


def test_extract_writes_outputs_beside_the_measures_file(raw_copy, tmp_path, capsys):
    out = tmp_path / "processed" / "measures.csv"
    assert main(["extract", "--raw", str(raw_copy), "--out", str(out)]) == 0
    assert out.exists()
    assert (out.parent / "extraction_log.csv").exists()
    assert "figures from 5 raw files" in capsys.readouterr().out


def test_a_folder_with_nothing_to_read_exits_2_naming_where_files_go(tmp_path, capsys):
    code = main(["extract", "--raw", str(tmp_path), "--out", str(tmp_path / "m.csv")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"kcsp: error: {tmp_path}: no report or figures file to read: put committee papers "
        "in reports/ and figures files in figures/ of this folder\n"
    )
    assert not (tmp_path / "m.csv").exists()


def test_files_at_the_top_of_the_folder_are_refused_by_name(tmp_path, capsys):
    """Issue 11: a report at the top of DIR gave "0 figures from 0 raw files", exit 0."""
    folder = tmp_path / "q3"
    folder.mkdir()
    shutil.copy(SHIPPED_RAW / AGENDA_PACK, folder / "pack.md")
    assert main(["extract", "--raw", str(folder)]) == 2
    assert capsys.readouterr().err == (
        f"kcsp: error: {folder}: no report or figures file to read: put committee papers in "
        "reports/ and figures files in figures/ of this folder; found instead: pack.md\n"
    )
    assert not (tmp_path / "q3_processed").exists()


def test_a_folder_without_manifest_is_read_and_written_beside_it(tmp_path, capsys, monkeypatch):
    """Nothing goes into the project's data/processed/ unless DIR is its data/raw/."""
    project = tmp_path / "project"
    shutil.copytree(SHIPPED_RAW, project / "data" / "raw")
    (project / "data" / "processed").mkdir()
    monkeypatch.setenv("KCSP_HOME", str(project))
    folder = tmp_path / "q3"
    (folder / "reports").mkdir(parents=True)
    shutil.copy(SHIPPED_RAW / AGENDA_PACK, folder / AGENDA_PACK)
    assert main(["extract", "--raw", str(folder)]) == 0
    captured = capsys.readouterr()
    # 51 figures: the golden file of the agenda pack (tests/golden/...csv) has 51 rows.
    assert "51 figures from 1 raw files" in captured.out
    assert f"wrote {tmp_path / 'q3_processed' / 'measures.csv'}" in captured.out
    assert f"note: {folder} has no MANIFEST.csv; every file was read unlisted" in captured.err
    assert (
        f"note: 1 raw file(s) not in {folder / 'MANIFEST.csv'}: {AGENDA_PACK}; add each with "
        f"`kcsp manifest add --raw {folder} FILE --title TITLE`"
    ) in captured.err
    assert list((project / "data" / "processed").iterdir()) == []
    assert not (folder / "MANIFEST.csv").exists()
    # A folder named raw writes to processed/ beside it: for data/raw, data/processed.
    assert main(["extract", "--raw", str(project / "data" / "raw")]) == 0
    assert (project / "data" / "processed" / "measures.csv").is_file()


def test_files_outside_the_input_folders_are_warned_about(raw_copy, tmp_path, capsys):
    (raw_copy / "notes.txt").write_text("to do: chase the Q3 figures\n", encoding="utf-8")
    assert main(["extract", "--raw", str(raw_copy), "--out", str(tmp_path / "m.csv")]) == 0
    assert (
        "warning: not read: notes.txt: only reports/, figures/, policeuk/, stats19/, "
        "population/ are read" in (capsys.readouterr().err)
    )


def test_edited_raw_file_stops_the_run_and_keeps_previous_outputs(raw_copy, tmp_path, capsys):
    out = tmp_path / "measures.csv"
    assert main(["extract", "--raw", str(raw_copy), "--out", str(out)]) == 0
    before = out.read_bytes()
    report = raw_copy / "reports" / "2014-07-08_kcsp_agenda_pack.md"
    report.write_bytes(report.read_bytes().replace(b"20276", b"20277"))
    assert main(["extract", "--raw", str(raw_copy), "--out", str(out)]) == 2
    assert "has changed since it was added" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_new_raw_files_are_named_in_one_summary_line(raw_copy, tmp_path, capsys):
    for name in ("reports/2014-09-01_note.txt", "reports/2014-09-02_note.txt"):
        (raw_copy / name).write_text("A short note with no figures.\n", encoding="utf-8")
    main(["extract", "--raw", str(raw_copy), "--out", str(tmp_path / "m.csv")])
    notes = [line for line in capsys.readouterr().err.splitlines() if "not in" in line]
    assert notes == [
        f"note: 2 raw file(s) not in {raw_copy / 'MANIFEST.csv'}: reports/2014-09-01_note.txt, "
        f"reports/2014-09-02_note.txt; add each with `kcsp manifest add --raw {raw_copy} FILE "
        "--title TITLE`"
    ]


def test_python_dash_m_is_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "kcsp_analysis", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage: kcsp ")


def test_build_ends_with_one_line_for_unlisted_files(tmp_path, monkeypatch, capsys):
    from kcsp_analysis.build import briefings as build

    raw = tmp_path / "data" / "raw"
    shutil.copytree(SHIPPED_RAW, raw)
    (raw / "figures" / "2014-10-15_q1.csv").write_text(
        "measure,area,period,value\nda_incidents,Kent,2014/15 Q1,5310\n", encoding="utf-8"
    )
    monkeypatch.setenv("KCSP_HOME", str(tmp_path))
    monkeypatch.setattr(build, "build_briefings", lambda layout, **_: build.BuildResult(True))
    assert main(["build"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"note: 1 raw file(s) not in {raw / 'MANIFEST.csv'}: figures/2014-10-15_q1.csv; add "
        "each with `kcsp manifest add FILE --title TITLE`\n"
    )
    assert captured.out.startswith("briefings up to date")


HTML_PAPER = "<html><body><p>MARAC update.</p></body></html>\n"


def test_manifest_add_fills_checksum_name_format_and_date_and_writes_nothing_else(raw_copy, capsys):
    before_manifest = (raw_copy / "MANIFEST.csv").read_bytes()
    paper = raw_copy / "reports" / "2015-07-01_marac_update.html"
    paper.write_text(HTML_PAPER, encoding="utf-8")
    data_before = {k: v for k, v in snapshot(raw_copy).items() if k != "MANIFEST.csv"}
    title = 'MARAC update, July "2015"'
    assert main(["manifest", "add", str(paper), "--raw", str(raw_copy), "--title", title]) == 0
    assert capsys.readouterr().out.startswith(
        f"added reports/2015-07-01_marac_update.html in {raw_copy / 'MANIFEST.csv'}"
    )
    after = (raw_copy / "MANIFEST.csv").read_bytes()
    assert after.startswith(before_manifest)  # earlier rows untouched, byte for byte
    assert after[len(before_manifest) :].decode() == (
        f"reports/2015-07-01_marac_update.html,2015-07-01_marac_update.html,{sha256_of(paper)},"
        '"MARAC update, July ""2015""",2015-07-01,html\n'
    )
    assert {k: v for k, v in snapshot(raw_copy).items() if k != "MANIFEST.csv"} == data_before
    assert verify_raw(raw_copy).unlisted == ()
    # Filling in the row later: only what is given changes.
    name = "reports/2015-07-01_marac_update.html"
    assert main(["manifest", "add", name, "--raw", str(raw_copy), "--date", "2015-07-02"]) == 0
    entry = next(e for e in read_manifest(raw_copy) if e.file == name)
    assert (entry.title, entry.meeting_date, entry.format) == (title, "2015-07-02", "html")


def test_manifest_add_takes_a_month_from_a_figures_file_name(raw_copy):
    figures = raw_copy / "figures" / "2014-10_q2.csv"
    figures.write_text("measure,area,period,value\n", encoding="utf-8")
    assert main(["manifest", "add", str(figures), "--raw", str(raw_copy)]) == 0
    entry = read_manifest(raw_copy)[-1]
    assert (entry.file, entry.meeting_date, entry.format, entry.title) == (
        "figures/2014-10_q2.csv",
        "2014-10-01",
        "csv",
        "",
    )


def test_manifest_add_refuses_files_it_cannot_list(raw_copy, tmp_path, capsys):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("x\n", encoding="utf-8")
    assert main(["manifest", "add", str(outside), "--raw", str(raw_copy)]) == 2
    assert f"kcsp: error: {outside}: not inside {raw_copy}" in capsys.readouterr().err
    odd = raw_copy / "reports" / "2015-01-01_paper.docx"
    odd.write_bytes(b"PK\x03\x04")
    assert main(["manifest", "add", str(odd), "--raw", str(raw_copy)]) == 2
    assert "no format for .docx; give --format, one of: text, markdown" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["manifest", "add", str(odd), "--raw", str(raw_copy), "--format", "word"])
    assert stopped.value.code == 2
    report = raw_copy / AGENDA_PACK
    report.write_bytes(report.read_bytes() + b"edited\n")
    assert main(["manifest", "add", str(report), "--raw", str(raw_copy)]) == 2
    assert "has changed since it was added" in capsys.readouterr().err


def test_manifest_check_passes_the_shipped_files_and_names_what_to_fix(raw_copy, capsys):
    assert main(["manifest", "check", "--raw", str(raw_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 listed raw files, checksums match\n")
    assert "undated (rank last in the current view): reports/undated_scrutiny" in out
    (raw_copy / "figures" / "q3.csv").write_text("measure,area,period,value\n", "utf-8")
    assert main(["manifest", "check", "--raw", str(raw_copy)]) == 1
    assert "figures/q3.csv: not in the manifest" in capsys.readouterr().out


def test_version_and_defaults_in_help(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"kcsp {__version__}\n"
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "at least 1 (default: 2)" in text
    assert "time limit per notebook, seconds (default: 300.0)" in text
    assert "(default: Kent)" in text and "(default: the previous build)" in text


@pytest.mark.parametrize("workers", ["0", "-1", "two"])
def test_fewer_than_one_worker_is_refused(workers, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--workers", workers])
    assert stopped.value.code == 2
    assert "argument --workers" in capsys.readouterr().err


def test_snapshot_list_shows_every_build_oldest_first(tmp_path: Path, capsys):
    from datetime import date

    from kcsp_analysis.processed.snapshots import take_snapshot

    assert main(["snapshot", "list", "--processed", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("no snapshots in")
    first = take_snapshot(tmp_path, b"measure\n1\n", date(2014, 7, 10))
    second = take_snapshot(tmp_path, b"measure\n2\n", date(2014, 10, 20))
    assert main(["snapshot", "list", "--processed", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{first.name}  built 2014-07-10",
        f"{second.name}  built 2014-10-20  (latest)",
        "compare with one: kcsp build --since DATE|SNAPSHOT",
    ]
