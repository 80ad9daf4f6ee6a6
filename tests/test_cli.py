"""The ``kcsp`` command: exit codes, messages, and ``python -m`` equivalence."""

from __future__ import annotations

import shutil
import subprocess
import sys

from kcsp_analysis.cli import main
from tests.conftest import SHIPPED_RAW


def test_extract_writes_outputs_beside_the_measures_file(raw_copy, tmp_path, capsys):
    out = tmp_path / "processed" / "measures.csv"
    assert main(["extract", "--raw", str(raw_copy), "--out", str(out)]) == 0
    assert out.exists()
    assert (out.parent / "extraction_log.csv").exists()
    assert "figures from 5 raw files" in capsys.readouterr().out


def test_bad_raw_folder_exits_2_with_a_message_naming_the_file(tmp_path, capsys):
    code = main(["extract", "--raw", str(tmp_path), "--out", str(tmp_path / "m.csv")])
    assert code == 2
    err = capsys.readouterr().err
    assert err == f"kcsp: error: {tmp_path / 'MANIFEST.csv'}: no manifest of raw files\n"
    assert not (tmp_path / "m.csv").exists()


def test_edited_raw_file_stops_the_run_and_keeps_previous_outputs(raw_copy, tmp_path, capsys):
    out = tmp_path / "measures.csv"
    assert main(["extract", "--raw", str(raw_copy), "--out", str(out)]) == 0
    before = out.read_bytes()
    report = raw_copy / "reports" / "2014-07-08_kcsp_agenda_pack.md"
    report.write_bytes(report.read_bytes().replace(b"20276", b"20277"))
    assert main(["extract", "--raw", str(raw_copy), "--out", str(out)]) == 2
    assert "has changed since it was added" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_new_raw_file_gets_a_manifest_row_suggestion(raw_copy, tmp_path, capsys):
    extra = raw_copy / "reports" / "2014-09-01_note.txt"
    extra.write_text("A short note with no figures.\n", encoding="utf-8")
    main(["extract", "--raw", str(raw_copy), "--out", str(tmp_path / "m.csv")])
    assert "add the row: reports/2014-09-01_note.txt,2014-09-01_note.txt," in (
        capsys.readouterr().err
    )


def test_python_dash_m_is_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "kcsp_analysis", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage: kcsp ")


def test_build_also_suggests_manifest_rows_for_new_files(tmp_path, monkeypatch, capsys):
    """The quarterly routine is one command: `kcsp build` tells what to add to the manifest."""
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
    assert "add the row: figures/2014-10-15_q1.csv,2014-10-15_q1.csv," in captured.err
    assert captured.out.startswith("briefings up to date")
