"""Everything a briefing notebook reads, loaded in one call from the processed folder.

The current view (one value per figure) is used for analysis when extraction wrote a
revisions table; the reconciliation table and the snapshot of the previous data update
are optional: a briefing says what is missing rather than failing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kcsp_analysis import paths
from kcsp_analysis.briefing.status_words import StatusNote, document_notes
from kcsp_analysis.extract.manifest import read_manifest
from kcsp_analysis.processed.measures import MEASURES_NAME, read_measures
from kcsp_analysis.processed.reconciliation import RECONCILIATION_NAME, read_reconciliation
from kcsp_analysis.processed.revisions import REVISIONS_NAME, read_revisions
from kcsp_analysis.processed.snapshots import PREVIOUS_SNAPSHOT, SNAPSHOT_DIR_NAME
from kcsp_analysis.reconcile.current import drop_revised


@dataclass(frozen=True)
class BriefingData:
    """The frames behind a briefing.

    ``all_measures`` holds every published row; ``measures`` one value per figure (the
    same frame when no revisions table exists). ``previous`` is the measures frame of
    the previous data update, or ``None`` before there was one.
    """

    all_measures: pd.DataFrame
    measures: pd.DataFrame
    reconciliation: pd.DataFrame | None
    revisions: pd.DataFrame | None
    previous: pd.DataFrame | None
    titles: dict[str, str]
    document_dates: dict[str, str]
    status_notes: dict[str, tuple[StatusNote, ...]] = dataclasses.field(default_factory=dict)
    """The documents' own provisional and revised notes (:mod:`.status_words`)."""


def _optional_reconciliation(path: Path) -> pd.DataFrame | None:
    return read_reconciliation(path) if path.is_file() else None


def load_briefing_data(processed: Path | None = None, raw: Path | None = None) -> BriefingData:
    """Read the processed tables (default ``data/processed``) and the raw manifest."""
    processed = Path(processed) if processed else paths.processed_dir()
    raw = Path(raw) if raw else paths.raw_dir()
    everything = read_measures(processed / MEASURES_NAME)
    revisions = None
    current = everything
    if (processed / REVISIONS_NAME).is_file():
        revisions = read_revisions(processed / REVISIONS_NAME)
        current = drop_revised(everything, revisions)
    previous_path = processed / SNAPSHOT_DIR_NAME / PREVIOUS_SNAPSHOT
    previous = read_measures(previous_path) if previous_path.is_file() else None
    entries = read_manifest(raw) if (raw / paths.MANIFEST_NAME).is_file() else ()
    return BriefingData(
        all_measures=everything,
        measures=current,
        reconciliation=_optional_reconciliation(processed / RECONCILIATION_NAME),
        revisions=revisions,
        previous=previous,
        titles={e.file: e.title for e in entries},
        document_dates={e.file: e.meeting_date for e in entries if e.meeting_date},
        status_notes=document_notes(raw, [e.file for e in entries]),
    )
