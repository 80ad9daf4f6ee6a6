"""The processed CSV tables: written as published, read with their header checked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from kcsp_analysis.errors import KcspError


def format_number(value: float) -> str:
    """Shortest faithful text for a figure: ``20276``, ``24.8``, never ``20276.0``."""
    if pd.isna(value):
        return ""
    return format(float(value), ".15g")


def frame_to_csv_text(frame: pd.DataFrame, float_columns: Iterable[str] = ()) -> str:
    """Return the CSV text of ``frame``: numbers written as published, Unix line endings."""
    out = frame.copy()
    for column in float_columns:
        out[column] = out[column].map(format_number)
    return out.to_csv(index=False, lineterminator="\n")


def read_processed_csv(path: Path, columns: Sequence[str], what: str) -> pd.DataFrame:
    """Read a processed table as text columns, checking its header.

    ``what`` names the table in the error when the file is missing
    (``no measures file; run `kcsp extract` first``).
    """
    path = Path(path)
    if not path.exists():
        raise KcspError(f"no {what} file; run `kcsp extract` first", source=str(path))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(frame.columns) != tuple(columns):
        raise KcspError(
            f"line 1: expected columns {', '.join(columns)}; found {', '.join(frame.columns)}",
            source=str(path),
        )
    return frame
