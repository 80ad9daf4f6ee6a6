"""Atomic writes leave either the old file or the whole new one."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from kcsp_analysis.atomic import write_text_atomic
from kcsp_analysis.processed.tables import format_number, frame_to_csv_text


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_text("old\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_text_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_write_creates_folders(tmp_path):
    path = tmp_path / "a" / "b.txt"
    write_text_atomic(path, "x\n")
    assert path.read_bytes() == b"x\n"


@pytest.mark.parametrize(
    ("value", "text"), [(20276.0, "20276"), (24.8, "24.8"), (0.1 + 0.2, "0.3"), (1e6, "1000000")]
)
def test_numbers_are_written_as_published(value, text):
    assert format_number(value) == text


def test_csv_text_uses_unix_line_endings():
    text = frame_to_csv_text(pd.DataFrame({"a": [1.0], "b": ["x"]}), float_columns=["a"])
    assert text == "a,b\n1,x\n"


def test_written_files_get_the_usual_permissions(tmp_path):
    """Briefings must be readable by others (a web share), not private like a temp file."""
    path = tmp_path / "out.html"
    write_text_atomic(path, "<p>x</p>\n")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
