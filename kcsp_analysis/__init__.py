"""kcsp-analysis: tidy, validated figures and briefings from KCSP reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported on use, so `kcsp build` with nothing to do starts fast
    import pandas as pd

__version__ = "0.1.0"


def load_measures(path: Path | str | None = None) -> pd.DataFrame:
    """The measures frame of ``data/processed/measures.csv`` (or ``path``), validated."""
    from kcsp_analysis import paths
    from kcsp_analysis.measures_frame import read_measures

    return read_measures(Path(path) if path else paths.processed_dir() / "measures.csv")


def __getattr__(name: str) -> object:
    # The statistics import scipy; load them on first use so the CLI starts fast.
    if name in {"compare", "rate_ci"}:
        from kcsp_analysis import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'kcsp_analysis' has no attribute {name!r}")


__all__ = ["__version__", "compare", "load_measures", "rate_ci"]
