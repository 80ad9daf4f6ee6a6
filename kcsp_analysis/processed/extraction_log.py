"""``extraction_log.csv``: what extraction did with every table and sentence it read."""

from __future__ import annotations

import pandas as pd

from kcsp_analysis.extract.records import Extraction
from kcsp_analysis.processed.tables import frame_to_csv_text

LOG_COLUMNS = ("source", "locator", "block", "status", "figures", "reason", "excerpt")


def log_csv_text(frame: pd.DataFrame) -> str:
    """Return the text of ``extraction_log.csv``."""
    return frame_to_csv_text(frame)


def log_to_frame(extraction: Extraction) -> pd.DataFrame:
    """Return the extraction log as a frame, in a stable order."""
    rows = [tuple(getattr(entry, c) for c in LOG_COLUMNS) for entry in extraction.log]
    return pd.DataFrame(rows, columns=list(LOG_COLUMNS))
