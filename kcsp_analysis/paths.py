"""Where the project's folders are. Only the CLI and notebook defaults use this."""

from __future__ import annotations

import os
from pathlib import Path


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
