"""Statistics for briefings: changes and their tests, rates, trends, SPC, suppression."""

from kcsp_analysis.analysis.compare import Comparison, compare
from kcsp_analysis.analysis.disclosure import SuppressedTable, suppress_small_counts
from kcsp_analysis.analysis.rates import Interval, count_ci, rate_ci, reference_bands
from kcsp_analysis.analysis.repeats import marac_volume, read_population, repeat_rates
from kcsp_analysis.analysis.series import breaks_between, series, wide
from kcsp_analysis.analysis.spc import XmrChart, xmr_chart
from kcsp_analysis.analysis.trends import latest_comparisons, series_xmr, trend_table

__all__ = [
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
]
