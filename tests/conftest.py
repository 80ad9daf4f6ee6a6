"""Shared fixtures: paths of the shipped raw data, and a scratch copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = PROJECT_ROOT / "data" / "raw"
AGENDA_PACK = "reports/2014-07-08_kcsp_agenda_pack.md"


def raw_line(name: str, line_number: int) -> str:
    """Line ``line_number`` (1-based) of a shipped raw file, as text."""
    return (RAW_DIR / name).read_text(encoding="utf-8").splitlines()[line_number - 1]


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of data/raw (reports, figures and manifest) in a temp folder."""
    target = tmp_path / "raw"
    shutil.copytree(RAW_DIR, target)
    return target
