"""Statistics for briefings: changes and their tests, rates, trends, SPC, suppression."""

from kcsp_analysis.analysis.compare import Comparison, compare
from kcsp_analysis.analysis.rates import Interval, count_ci, rate_ci
from kcsp_analysis.analysis.series import breaks_between, series, wide

__all__ = [
    "Comparison",
    "Interval",
    "breaks_between",
    "compare",
    "count_ci",
    "rate_ci",
    "series",
    "wide",
]
