"""Everything a briefing notebook reads, loaded in one call from the processed folder.

The current view (one value per figure) is used for analysis when extraction wrote a
revisions table; the reconciliation table and the snapshot of an earlier build are
optional: a briefing says what is missing rather than failing. In a fresh project with
no processed data yet, the raw data is extracted first.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kcsp_analysis import paths
from kcsp_analysis.briefing.status_words import StatusNote, document_notes
from kcsp_analysis.extract.manifest import read_manifest
from kcsp_analysis.paths import MANIFEST_NAME, MEASURES_NAME, RECONCILIATION_NAME, REVISIONS_NAME
from kcsp_analysis.processed.measures import read_measures
from kcsp_analysis.processed.reconciliation import read_reconciliation
from kcsp_analysis.processed.revisions import read_revisions
from kcsp_analysis.processed.snapshots import choose_snapshot, snapshot_path
from kcsp_analysis.processed.tables import frame_to_csv_text
from kcsp_analysis.reconcile.current import drop_revised


@dataclass(frozen=True)
class BriefingData:
    """The frames behind a briefing.

    ``all_measures`` holds every published row; ``measures`` one value per figure (the
    same frame when no revisions table exists). ``previous`` is the current view of the
    build compared with (the previous one, or the one ``since`` chose), ``None`` before
    there was one; ``previous_label`` names that build.
    """

    all_measures: pd.DataFrame
    measures: pd.DataFrame
    reconciliation: pd.DataFrame | None
    revisions: pd.DataFrame | None
    previous: pd.DataFrame | None
    titles: dict[str, str]
    document_dates: dict[str, str]
    previous_label: str = ""
    status_notes: dict[str, tuple[StatusNote, ...]] = dataclasses.field(default_factory=dict)
    """The documents' own provisional and revised notes (:mod:`.status_words`)."""


def _optional_reconciliation(path: Path) -> pd.DataFrame | None:
    return read_reconciliation(path) if path.is_file() else None


def current_view_bytes(current: pd.DataFrame) -> bytes:
    """Return the CSV bytes a snapshot keeps of a current view."""
    return frame_to_csv_text(current, ["value"]).encode("utf-8")


def ensure_extracted(processed: Path, raw: Path) -> None:
    """Extract ``raw`` into ``processed`` when there is no measures file yet."""
    if not (processed / MEASURES_NAME).is_file() and (raw / MANIFEST_NAME).is_file():
        from kcsp_analysis.build.extraction import run_extract

        run_extract(raw, processed / MEASURES_NAME)


def load_briefing_data(
    processed: Path | None = None, raw: Path | None = None, since: str | None = None
) -> BriefingData:
    """Read the processed tables (default ``data/processed``) and the raw manifest.

    ``since`` chooses the build "what is new" compares with: ``None`` for the previous
    build, a date (``2014-09-30``) for the last build on or before it, or a snapshot name.
    """
    processed = Path(processed) if processed else paths.processed_dir()
    raw = Path(raw) if raw else paths.raw_dir()
    ensure_extracted(processed, raw)
    everything = read_measures(processed / MEASURES_NAME)
    revisions = None
    current = everything
    if (processed / REVISIONS_NAME).is_file():
        revisions = read_revisions(processed / REVISIONS_NAME)
        current = drop_revised(everything, revisions)
    current_sha = hashlib.sha256(current_view_bytes(current)).hexdigest()
    chosen = choose_snapshot(processed, since, current_sha)
    previous = read_measures(snapshot_path(processed, chosen)) if chosen else None
    entries = read_manifest(raw) if (raw / MANIFEST_NAME).is_file() else ()
    return BriefingData(
        all_measures=everything,
        measures=current,
        reconciliation=_optional_reconciliation(processed / RECONCILIATION_NAME),
        revisions=revisions,
        previous=previous,
        titles={e.file: e.title for e in entries},
        document_dates=_document_dates(everything, entries),
        previous_label=chosen.label if chosen else "",
        status_notes=document_notes(raw, [e.file for e in entries]),
    )


def _document_dates(measures: pd.DataFrame, entries: tuple) -> dict[str, str]:
    """Date of each source: the manifest's meeting date, else a date in the file name."""
    from kcsp_analysis.reconcile.current import document_dates

    dates = document_dates(sorted(set(measures["source"])), entries)
    return {name: when for name, when in dates.items() if when}
