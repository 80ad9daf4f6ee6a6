"""kcsp-analysis: tidy, validated figures and briefings from KCSP reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported on use, so `kcsp build` with nothing to do starts fast
    import pandas as pd

__version__ = "0.1.0"


def load_measures(path: Path | str | None = None, current: bool = False) -> pd.DataFrame:
    """Return the measures frame of ``data/processed/measures.csv`` (or ``path``), validated.

    With ``current=True``, one row per measure, area and period: the value kept by the
    revision rule of :mod:`kcsp_analysis.reconcile.current`; :func:`load_revisions` lists the rest.
    """
    from kcsp_analysis import paths
    from kcsp_analysis.processed.measures import read_measures
    from kcsp_analysis.processed.revisions import read_revisions, revisions_path
    from kcsp_analysis.reconcile.current import drop_revised

    measures_path = Path(path) if path else paths.processed_dir() / paths.MEASURES_NAME
    frame = read_measures(measures_path)
    if not current:
        return frame
    return drop_revised(frame, read_revisions(revisions_path(measures_path)))


def load_revisions(path: Path | str | None = None) -> pd.DataFrame:
    """Return the rows superseded in the current view, each with the row kept and why.

    ``path`` is the measures file; the revisions are read from ``revisions.csv`` beside it.
    """
    from kcsp_analysis import paths
    from kcsp_analysis.processed.revisions import read_revisions, revisions_path

    measures_path = Path(path) if path else paths.processed_dir() / paths.MEASURES_NAME
    return read_revisions(revisions_path(measures_path))


def __getattr__(name: str) -> object:
    # The statistics import scipy; load them on first use so the CLI starts fast.
    if name in {"compare", "rate_ci"}:
        from kcsp_analysis import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'kcsp_analysis' has no attribute {name!r}")


__all__ = ["__version__", "compare", "load_measures", "load_revisions", "rate_ci"]
