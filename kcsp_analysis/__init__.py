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
    The full frame carries the revisions (``frame.attrs``), so the analysis functions
    given it use the current view of the figures they need. In a project with no
    processed data yet (a fresh clone), the raw data is extracted first.
    """
    from kcsp_analysis import paths
    from kcsp_analysis.processed.measures import read_measures
    from kcsp_analysis.processed.revisions import read_revisions, revisions_path
    from kcsp_analysis.reconcile.current import drop_revised

    if path is None:
        from kcsp_analysis.briefing.data import ensure_extracted

        ensure_extracted(paths.processed_dir(), paths.raw_dir())
    measures_path = Path(path) if path else paths.processed_dir() / paths.MEASURES_NAME
    frame = read_measures(measures_path)
    if not current and not revisions_path(measures_path).is_file():
        return frame
    revisions = read_revisions(revisions_path(measures_path))
    if current:
        return drop_revised(frame, revisions)
    from kcsp_analysis.analysis.series import REVISIONS_ATTR

    frame.attrs[REVISIONS_ATTR] = tuple(revisions.itertuples(index=False, name=None))
    return frame


def load_revisions(path: Path | str | None = None) -> pd.DataFrame:
    """Return the rows superseded in the current view, each with the row kept and why.

    ``path`` is the measures file; the revisions are read from ``revisions.csv`` beside it.
    """
    from kcsp_analysis import paths
    from kcsp_analysis.processed.revisions import read_revisions, revisions_path

    measures_path = Path(path) if path else paths.processed_dir() / paths.MEASURES_NAME
    return read_revisions(revisions_path(measures_path))


# Public names loaded on first use, by module: the statistics import scipy and the charts
# matplotlib, so the CLI starts fast. These are the names the README and docs use.
_LAZY = {
    "kcsp_analysis.analysis": (
        "Comparison",
        "Interval",
        "SuppressedTable",
        "XmrChart",
        "breaks_between",
        "compare",
        "count_ci",
        "latest_comparisons",
        "marac_volume",
        "rate_ci",
        "read_population",
        "reference_bands",
        "repeat_rates",
        "series",
        "series_xmr",
        "suppress_small_counts",
        "trend_table",
        "wide",
        "xmr_chart",
    ),
    "kcsp_analysis.briefing.chart_style": ("alt_text",),
    "kcsp_analysis.briefing.charts": (
        "plot_breakdown",
        "plot_repeat_rates",
        "plot_series",
        "plot_xmr",
    ),
}


def __getattr__(name: str) -> object:
    import importlib

    for module, names in _LAZY.items():
        if name in names:
            return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module 'kcsp_analysis' has no attribute {name!r}")


__all__ = [
    "__version__",
    "load_measures",
    "load_revisions",
    *sorted(n for names in _LAZY.values() for n in names),
]
