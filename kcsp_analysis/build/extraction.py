"""The extract stage end to end: raw files in, the processed tables out, atomically."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract import Extraction, extract_all
from kcsp_analysis.extract.manifest import ManifestCheck, verify_raw
from kcsp_analysis.extract.registry import kind_of
from kcsp_analysis.file_sets import replace_file_set
from kcsp_analysis.paths import LOG_NAME, MEASURES_NAME
from kcsp_analysis.processed.extraction_log import log_csv_text, log_to_frame
from kcsp_analysis.processed.measures import measures_csv_text, observations_to_frame
from kcsp_analysis.processed.reconciliation import RECONCILIATION_NAME, reconciliation_csv_text
from kcsp_analysis.processed.revisions import revisions_csv_text, revisions_path
from kcsp_analysis.reconcile.checks import reconcile
from kcsp_analysis.reconcile.current import document_dates, select_current


@dataclass
class ExtractResult:
    """What one ``kcsp extract`` produced."""

    manifest: ManifestCheck
    extraction: Extraction
    measures: pd.DataFrame
    written: list[Path]
    reconciliation: pd.DataFrame = field(default_factory=pd.DataFrame)
    revisions: pd.DataFrame = field(default_factory=pd.DataFrame)


def default_out(raw_dir: Path) -> Path:
    """Return where ``kcsp extract --raw DIR`` writes without ``--out``: beside DIR.

    A folder named ``raw`` writes to ``processed/`` beside it (so the project's
    ``data/raw`` gives ``data/processed``); any other folder to ``DIR_processed``.

    >>> default_out(Path("/x/data/raw")).as_posix(), default_out(Path("/x/q3")).as_posix()
    ('/x/data/processed/measures.csv', '/x/q3_processed/measures.csv')
    """
    raw_dir = Path(raw_dir)
    folder = "processed" if raw_dir.name == "raw" else f"{raw_dir.name}_processed"
    return raw_dir.parent / folder / MEASURES_NAME


def run_extract(raw_dir: Path, out_path: Path, *, require_manifest: bool = True) -> ExtractResult:
    """Check the raw files, extract every figure, write the processed tables.

    Every output is built in memory and validated before any is written, so bad input
    leaves the previous outputs as they were. Without ``require_manifest`` a folder
    without ``MANIFEST.csv`` is read (every file unlisted). A folder with nothing to
    read is refused, naming the folders files belong in.
    """
    raw_dir, out_path = Path(raw_dir), Path(out_path)
    manifest = verify_raw(raw_dir, require_manifest=require_manifest)
    files = sorted({e.file for e in manifest.entries} | set(manifest.unlisted))
    if not any(kind_of(name) for name in files):
        misplaced = f"; found instead: {', '.join(n for n, _ in manifest.not_read)}"
        raise KcspError(
            "no report or figures file to read: put committee papers in reports/ and "
            "figures files in figures/ of this folder" + (misplaced if manifest.not_read else ""),
            source=str(raw_dir),
        )
    extraction = extract_all(raw_dir, files)
    measures = observations_to_frame(extraction.observations)
    log = log_to_frame(extraction)
    dates = document_dates(files, manifest.entries)
    current, revisions = select_current(
        measures, extraction.observations, extraction.amendments, dates
    )
    reconciliation = reconcile(
        extraction.observations, extraction.stated_changes, current, extraction.amendments
    )

    log_path = out_path.parent / LOG_NAME
    reconciliation_path = out_path.parent / RECONCILIATION_NAME
    # Validate everything, then replace the folder's set at once (snapshots carried over):
    # a failure, a kill or Ctrl-C leaves the previous set whole, never new measures
    # beside an old log.
    contents = {
        out_path: measures_csv_text(measures, str(out_path)),
        log_path: log_csv_text(log),
        reconciliation_path: reconciliation_csv_text(reconciliation, str(reconciliation_path)),
        revisions_path(out_path): revisions_csv_text(revisions),
    }
    replace_file_set(
        out_path.parent,
        {path.name: text.encode("utf-8") for path, text in contents.items()},
        carry_over=True,
    )
    written = list(contents)
    return ExtractResult(manifest, extraction, measures, written, reconciliation, revisions)
