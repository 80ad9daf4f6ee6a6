"""``revisions.csv``: every figure not in the current view, the figure kept and why."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kcsp_analysis.paths import REVISIONS_NAME
from kcsp_analysis.processed.tables import frame_to_csv_text, read_processed_csv

REVISION_COLUMNS = (
    "measure",
    "area",
    "period",
    "value",
    "qualifier",
    "source",
    "locator",
    "kept_value",
    "kept_source",
    "kept_locator",
    "reason",
)


def revisions_csv_text(frame: pd.DataFrame) -> str:
    """Return the text of ``revisions.csv``."""
    return frame_to_csv_text(frame, ["value", "kept_value"])


def revisions_path(measures_path: Path) -> Path:
    """Where the revisions of a measures file are written: beside it."""
    return Path(measures_path).parent / REVISIONS_NAME


def read_revisions(path: Path) -> pd.DataFrame:
    """Return the revisions table written by ``kcsp extract``."""
    frame = read_processed_csv(path, REVISION_COLUMNS, "revisions")
    for column in ("value", "kept_value"):
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    return frame
