"""Where the project's folders are, and the names of the files in them.

Folder defaults are used by the CLI and the notebooks only; the file names are the one
list the whole package uses (standard library only, so the build's fast path can too).
"""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST_NAME = "MANIFEST.csv"
MEASURES_NAME = "measures.csv"
RECONCILIATION_NAME = "reconciliation.csv"
REVISIONS_NAME = "revisions.csv"
LOG_NAME = "extraction_log.csv"
SNAPSHOT_DIR_NAME = "snapshots"
CURRENT_SNAPSHOT = "measures_current.csv"
PREVIOUS_SNAPSHOT = "measures_previous.csv"


def project_root(start: Path | None = None) -> Path:
    """Return the project folder: ``$KCSP_HOME``, or the nearest parent holding data/raw."""
    if home := os.environ.get("KCSP_HOME"):
        return Path(home).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "raw").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    return here


def raw_dir(root: Path | None = None) -> Path:
    """``data/raw`` of the project."""
    return (root or project_root()) / "data" / "raw"


def processed_dir(root: Path | None = None) -> Path:
    """``data/processed`` of the project."""
    return (root or project_root()) / "data" / "processed"


def reports_dir(root: Path | None = None) -> Path:
    """Return the ``reports`` folder of the project."""
    return (root or project_root()) / "reports"


def notebooks_dir(root: Path | None = None) -> Path:
    """``notebooks`` of the project."""
    return (root or project_root()) / "notebooks"
