"""``revisions.csv``: every figure not in the current view, the figure kept and why."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kcsp_analysis.processed.tables import read_processed_csv

REVISIONS_NAME = "revisions.csv"
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


def revisions_path(measures_path: Path) -> Path:
    """Where the revisions of a measures file are written: beside it."""
    return Path(measures_path).parent / REVISIONS_NAME


def read_revisions(path: Path) -> pd.DataFrame:
    """Return the revisions table written by ``kcsp extract``."""
    frame = read_processed_csv(path, REVISION_COLUMNS, "revisions")
    for column in ("value", "kept_value"):
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    return frame
