"""Atomic, deterministic writes: a file is either the old one or the complete new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp_name, 0o666 & ~_current_umask())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text atomically, with Unix line endings."""
    write_bytes_atomic(path, text.encode("utf-8"))


def format_number(value: float) -> str:
    """Shortest faithful text for a figure: ``20276``, ``24.8``, never ``20276.0``."""
    if pd.isna(value):
        return ""
    return format(float(value), ".15g")


def frame_to_csv_text(frame: pd.DataFrame, float_columns: Iterable[str] = ()) -> str:
    """CSV text of ``frame`` with numbers written as published, ``\\n`` line endings."""
    out = frame.copy()
    for column in float_columns:
        out[column] = out[column].map(format_number)
    return out.to_csv(index=False, lineterminator="\n")


def write_csv_atomic(path: Path, frame: pd.DataFrame, float_columns: Iterable[str] = ()) -> None:
    """Write ``frame`` as CSV atomically and deterministically."""
    write_text_atomic(path, frame_to_csv_text(frame, float_columns))
