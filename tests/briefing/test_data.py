"""What a briefing reads: a fresh project extracts first; document dates for [p]."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import kcsp_analysis
from kcsp_analysis.briefing.data import load_briefing_data
from tests.conftest import PROJECT_ROOT, SHIPPED_RAW


@pytest.fixture
def fresh_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project as a fresh clone has it: raw data, no processed files."""
    shutil.copytree(SHIPPED_RAW, tmp_path / "data" / "raw")
    (tmp_path / "data" / "processed").mkdir()
    monkeypatch.setenv("KCSP_HOME", str(tmp_path))
    return tmp_path


def test_a_notebook_in_a_fresh_clone_extracts_first(fresh_project: Path):
    """Issue 11: notebooks stopped with "no measures file" until something extracted."""
    data = load_briefing_data()
    # 51 figures: the rows of tests/golden/2014-07-08_kcsp_agenda_pack.csv.
    assert len(data.all_measures) == 51
    assert (fresh_project / "data" / "processed" / "revisions.csv").is_file()
    assert data.previous is None and data.previous_label == ""


def test_load_measures_in_a_fresh_clone_extracts_first(fresh_project: Path):
    assert len(kcsp_analysis.load_measures()) == 51


def test_a_date_in_the_file_name_dates_a_document_the_manifest_leaves_undated(
    fresh_project: Path,
):
    raw = fresh_project / "data" / "raw"
    (raw / "figures" / "2014-10-01_q2.csv").write_text(
        "measure,area,period,value\nda_incidents,Kent,2014/15 Q1,5310\n", encoding="utf-8"
    )
    data = load_briefing_data()
    assert data.document_dates["figures/2014-10-01_q2.csv"] == "2014-10-01"
    assert data.document_dates["reports/2014-07-08_kcsp_agenda_pack.md"] == "2014-07-08"


def test_make_lab_passes_lab_args():
    # Run as a top-level make, even when the suite itself runs under `make test`.
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    done = subprocess.run(
        ["make", "-n", "lab", "LAB_ARGS=--allow-root --port 8890"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert ".venv/bin/jupyter lab notebooks/ --allow-root --port 8890" in lines
