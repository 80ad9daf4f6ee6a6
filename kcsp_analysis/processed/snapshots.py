"""Snapshots of the measures at each data update, for "what is new"."""

from __future__ import annotations

from pathlib import Path

from kcsp_analysis.atomic import write_bytes_atomic
from kcsp_analysis.paths import (
    CURRENT_SNAPSHOT,
    MEASURES_NAME,
    PREVIOUS_SNAPSHOT,
    SNAPSHOT_DIR_NAME,
)


def rotate_snapshots(processed: Path) -> None:
    """Keep the measures of the previous data update beside the current ones.

    When the measures differ from those of the last build, the last build's become the
    previous snapshot; an unchanged rebuild rotates nothing, so "what is new" keeps
    describing the latest change of data rather than an empty difference.
    """
    measures = processed / MEASURES_NAME
    folder = processed / SNAPSHOT_DIR_NAME
    current = folder / CURRENT_SNAPSHOT
    new_bytes = measures.read_bytes()
    if current.is_file() and current.read_bytes() == new_bytes:
        return
    if current.is_file():
        write_bytes_atomic(folder / PREVIOUS_SNAPSHOT, current.read_bytes())
    write_bytes_atomic(current, new_bytes)
