"""The reconciliation table: its columns, checks, writing, reading and summary.

One row per check (see :mod:`kcsp_analysis.reconcile.checks` for how checks are made). Numbers
are written as published; rerunning on unchanged input writes the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

import pandas as pd

from kcsp_analysis.errors import KcspError
from kcsp_analysis.locators import Locator
from kcsp_analysis.paths import RECONCILIATION_NAME
from kcsp_analysis.processed.tables import format_number, frame_to_csv_text, read_processed_csv

RECONCILIATION_COLUMNS = (
    "kind",
    "measure",
    "area",
    "from_period",
    "to_period",
    "stated",
    "recomputed",
    "unit",
    "status",
    "source",
    "locator",
    "note",
)
KINDS = ("change", "diff_to_baseline", "duplicate", "approximate", "sum", "rate")
STATUSES = ("agrees", "within_rounding", "truncated", "disagrees", "unverifiable")


@dataclass(frozen=True)
class Check:
    """One row of the reconciliation table."""

    kind: str
    measure: str
    area: str
    from_period: str
    to_period: str
    stated: float
    recomputed: float | None
    unit: str
    status: str
    source: str
    locator: str
    note: str


def checks_to_frame(checks: Iterable[Check]) -> pd.DataFrame:
    """Return the sorted reconciliation frame of ``checks``, validated."""
    frame = pd.DataFrame([astuple(c) for c in checks], columns=list(RECONCILIATION_COLUMNS))
    frame["stated"] = frame["stated"].astype(float)
    frame["recomputed"] = frame["recomputed"].astype(float).round(4)
    frame["_kind"] = frame["kind"].map(KINDS.index)
    frame["_line"] = frame["locator"].map(_locator_number)
    frame = frame.sort_values(
        ["_kind", "measure", "area", "from_period", "to_period", "source", "_line", "locator"],
        kind="mergesort",
    ).drop(columns=["_kind", "_line"])
    return validate_reconciliation(frame.reset_index(drop=True))


def _locator_number(locator: str) -> int:
    try:
        return Locator.parse(locator).end
    except ValueError:
        return 0


def validate_reconciliation(frame: pd.DataFrame, source: str = RECONCILIATION_NAME) -> pd.DataFrame:
    """Check columns, kinds and statuses; :class:`KcspError` naming the first bad row."""
    if tuple(frame.columns) != RECONCILIATION_COLUMNS:
        raise KcspError(
            f"line 1: expected columns {', '.join(RECONCILIATION_COLUMNS)}", source=source
        )
    for index, row in enumerate(frame.itertuples(index=False), start=2):
        if row.kind not in KINDS or row.status not in STATUSES:
            raise KcspError(
                f"line {index}: kind {row.kind!r} or status {row.status!r} "
                f"not one of {', '.join(KINDS)} / {', '.join(STATUSES)}",
                source=source,
            )
    return frame


def reconciliation_csv_text(frame: pd.DataFrame, source: str = RECONCILIATION_NAME) -> str:
    """Validate the reconciliation frame and return the text of ``reconciliation.csv``."""
    validate_reconciliation(frame, source)
    return frame_to_csv_text(frame, ["stated", "recomputed"])


def read_reconciliation(path: Path) -> pd.DataFrame:
    """Return the reconciliation table written by ``kcsp extract``."""
    frame = read_processed_csv(Path(path), RECONCILIATION_COLUMNS, "reconciliation")
    frame = validate_reconciliation(frame, str(path))
    for column in ("stated", "recomputed"):
        try:
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype(float)
        except ValueError as exc:
            raise KcspError(f"column {column}: {exc}", source=str(path)) from None
    return frame


def summarise(frame: pd.DataFrame) -> pd.DataFrame:
    """Count the checks by kind (rows) and status (columns), in the documented order."""
    table = pd.crosstab(frame["kind"], frame["status"]) if len(frame) else pd.DataFrame()
    table = table.reindex(
        index=[k for k in KINDS if k in table.index], columns=list(STATUSES), fill_value=0
    )
    return table.rename_axis(index="kind", columns="status")


def summary_text(frame: pd.DataFrame) -> str:
    """Return the summary table of ``kcsp check``: checks by kind and status, with totals."""
    table = summarise(frame)
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    return f"{len(frame)} checks by kind and status:\n{table.to_string()}"


def disagreements_text(frame: pd.DataFrame) -> list[str]:
    """One line per disagreement: what, where, the two figures, and the other place."""
    lines = []
    for row in frame[frame["status"] == "disagrees"].itertuples(index=False):
        periods = (
            row.from_period
            if row.from_period == row.to_period
            else f"{row.from_period} to {row.to_period}"
        )
        recomputed = "" if pd.isna(row.recomputed) else format_number(row.recomputed)
        lines.append(
            f"- {row.kind} {row.measure} {row.area} {periods}: {format_number(row.stated)} at "
            f"{row.source} {row.locator} against {recomputed}; {row.note}"
        )
    return lines
