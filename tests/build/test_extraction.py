"""Nothing is lost: interrupted runs keep the previous outputs whole, data/raw is never
written, and reruns on the same input give byte-identical processed files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from kcsp_analysis import atomic as storage
from kcsp_analysis.build import extraction as pipeline
from kcsp_analysis.build.briefings import BuildLayout, build_briefings
from kcsp_analysis.cli import main
from kcsp_analysis.errors import KcspError
from tests.conftest import PROJECT_ROOT, SHIPPED_RAW
from tests.robustness_helpers import file_bytes, snapshot

OUTPUT_NAMES = ["extraction_log.csv", "measures.csv", "reconciliation.csv", "revisions.csv"]
# The MARAC sentence of agenda pack line 807, a year on: a new report with new figures.
NEW_REPORT = (
    "In Kent (excluding Medway) over the last 12 months (Apr '14 - Mar '15) there have "
    "been 1,310 Multi Agency Risk Assessment Conferences (MARACs) with 301 repeat cases "
    "(23%).\n"
)


def _extract(raw: Path, out: Path) -> int:
    return main(["extract", "--raw", str(raw), "--out", str(out / "measures.csv")])


@pytest.fixture
def previous_outputs(raw_copy: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """Outputs of a run on the shipped reports, then a new report that changes them."""
    out = tmp_path / "processed"
    assert _extract(raw_copy, out) == 0
    before = file_bytes(out)
    assert sorted(before) == OUTPUT_NAMES
    (raw_copy / "reports" / "2015-07-01_marac_update.txt").write_text(NEW_REPORT, "utf-8")
    return out, before


def test_new_report_changes_the_outputs(previous_outputs, raw_copy: Path):
    """The interruption tests below are only meaningful if the new run differs."""
    out, before = previous_outputs
    assert _extract(raw_copy, out) == 0
    after = file_bytes(out)
    assert after["measures.csv"] != before["measures.csv"]
    assert b"2015-07-01_marac_update.txt,line 1" in after["measures.csv"]


def test_interrupt_while_serialising_the_third_output_keeps_every_previous_output(
    previous_outputs, raw_copy: Path, monkeypatch, capsys
):
    out, before = previous_outputs
    serialised = []
    for name in ("measures_csv_text", "log_csv_text", "revisions_csv_text"):
        real = getattr(pipeline, name)
        monkeypatch.setattr(
            pipeline, name, lambda *a, _real=real, **k: serialised.append(1) or _real(*a, **k)
        )

    def interrupted(frame, source):  # the reconciliation is the third output serialised
        assert len(serialised) == 2
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "reconciliation_csv_text", interrupted)
    assert _extract(raw_copy, out) == 130
    assert capsys.readouterr().err.endswith("kcsp: interrupted; earlier outputs are unchanged\n")
    assert file_bytes(out) == before


def test_interrupt_while_writing_the_third_file_keeps_every_previous_output_and_no_temp(
    previous_outputs, raw_copy: Path, monkeypatch
):
    """Two new files are already on disk (as temporary files) when the third fails."""
    out, before = previous_outputs
    calls = []
    real_fsync = os.fsync

    def interrupted_on_third(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(storage.os, "fsync", interrupted_on_third)
    assert _extract(raw_copy, out) == 130
    assert len(calls) == 3
    assert file_bytes(out) == before
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == OUTPUT_NAMES


def test_bad_reconciliation_found_after_the_measures_keeps_every_previous_output(
    previous_outputs, raw_copy: Path, monkeypatch, capsys
):
    """Validation of the last table failing must not leave new measures beside old files."""
    out, before = previous_outputs

    def refuse(frame, source):
        raise KcspError("line 2: a check kind that is not known", source=source)

    monkeypatch.setattr(pipeline, "reconciliation_csv_text", refuse)
    assert _extract(raw_copy, out) == 2
    assert "a check kind that is not known" in capsys.readouterr().err
    assert file_bytes(out) == before


def test_ctrl_c_during_the_renames_is_held_until_all_files_are_in_place(tmp_path, monkeypatch):
    """A SIGINT arriving between two renames is raised after the last one."""
    import signal

    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_bytes(b"old\n")
    real_replace = os.replace
    renamed = []

    def replace_then_signal(source, target):
        real_replace(source, target)
        renamed.append(target)
        if len(renamed) == 1:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(storage.os, "replace", replace_then_signal)
    with pytest.raises(KeyboardInterrupt):
        storage.write_files_atomic({tmp_path / "a.csv": b"new\n", tmp_path / "b.csv": b"new\n"})
    assert file_bytes(tmp_path) == {"a.csv": b"new\n", "b.csv": b"new\n"}


def test_extract_leaves_the_shipped_raw_folder_byte_identical_with_its_mtimes(tmp_path):
    before = snapshot(SHIPPED_RAW)
    assert _extract(SHIPPED_RAW, tmp_path / "processed") == 0
    assert snapshot(SHIPPED_RAW) == before


def _tiny_project(root: Path) -> BuildLayout:
    """The shipped raw data (mtimes kept) and one notebook that reads the measures."""
    shutil.copytree(SHIPPED_RAW, root / "data" / "raw")
    (root / "notebooks").mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Count\n\nHow many figures."),
        nbformat.v4.new_code_cell("area = 'Kent'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import kcsp_analysis\nprint(len(kcsp_analysis.load_measures()), 'figures')"
        ),
    ]
    nbformat.write(notebook, root / "notebooks" / "00_count.ipynb")
    return BuildLayout.of(root)


@pytest.mark.slow
def test_build_leaves_raw_untouched_and_checks_its_checksums_on_every_run(tmp_path):
    layout = _tiny_project(tmp_path / "project")
    before = snapshot(layout.raw)
    build_briefings(layout, progress=False, workers=1)
    assert snapshot(layout.raw) == before
    reports = file_bytes(layout.reports)
    assert "index.html" in reports

    report = layout.raw / "reports" / "2014-07-08_kcsp_agenda_pack.md"
    report.chmod(0o644)
    report.write_bytes(report.read_bytes().replace(b"20276", b"20277"))
    with pytest.raises(KcspError, match="has changed since it was added"):
        build_briefings(layout, progress=False, workers=1)
    assert file_bytes(layout.reports) == reports


def _extract_in_process(raw: Path, out: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "kcsp_analysis", "extract", "--raw", str(raw), "--out", str(out)],
        check=True,
        capture_output=True,
        env=env,
    )


def test_two_runs_give_byte_identical_processed_files_whatever_the_hash_seed(
    raw_copy: Path, tmp_path: Path
):
    """Separate processes with different string hashing and output folders agree."""
    _extract_in_process(SHIPPED_RAW, tmp_path / "one" / "measures.csv", "0")
    _extract_in_process(raw_copy, tmp_path / "two" / "measures.csv", "12345")
    first, second = file_bytes(tmp_path / "one"), file_bytes(tmp_path / "two")
    assert sorted(first) == OUTPUT_NAMES
    assert first == second
    # A rerun over existing outputs rewrites them with the same bytes.
    _extract_in_process(SHIPPED_RAW, tmp_path / "one" / "measures.csv", "99")
    assert file_bytes(tmp_path / "one") == first


def test_processed_files_have_the_usual_permissions(tmp_path: Path):
    """Outputs are shared with colleagues: not the temporary file's private mode."""
    previous = os.umask(0o022)
    try:
        assert _extract(SHIPPED_RAW, tmp_path / "processed") == 0
    finally:
        os.umask(previous)
    modes = {
        p.name: p.stat().st_mode & 0o777
        for p in (tmp_path / "processed").iterdir()
        if not p.name.startswith(".")
    }
    assert modes == dict.fromkeys(OUTPUT_NAMES, 0o644)
