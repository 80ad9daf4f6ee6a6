"""What a briefing says and shows; the notebooks call these.

- :mod:`~kcsp_analysis.briefing.data`: the processed files a briefing reads, loaded once;
- :mod:`~kcsp_analysis.briefing.findings`: findings, data-quality notes and sources;
- :mod:`~kcsp_analysis.briefing.tables`: the marked tables (GSS shorthand);
- :mod:`~kcsp_analysis.briefing.whats_new`: what changed since the previous data update;
- :mod:`~kcsp_analysis.briefing.charts`: the charts, in one house style;
- :mod:`~kcsp_analysis.briefing.monthly`: monthly series (police.uk, STATS19) as XmR
  charts, district comparisons and figures by source;
- :mod:`~kcsp_analysis.briefing.display`: HTML and images for the notebook outputs.
"""

from kcsp_analysis.briefing.data import BriefingData, load_briefing_data
from kcsp_analysis.briefing.display import (
    figures_table_html,
    list_html,
    repeat_rate_charts,
    series_charts,
    show_html,
    show_monthly,
    show_plot,
    table_html,
)
from kcsp_analysis.briefing.findings import (
    data_quality_notes,
    overview_findings,
    sources_table,
    theme_findings,
    theme_measures,
)
from kcsp_analysis.briefing.tables import (
    GSS_KEY,
    figure_marks,
    figures_table,
    repeat_rates_table,
    used_marks,
    volume_table,
)

__all__ = [
    "GSS_KEY",
    "BriefingData",
    "data_quality_notes",
    "figure_marks",
    "figures_table",
    "figures_table_html",
    "list_html",
    "load_briefing_data",
    "overview_findings",
    "repeat_rate_charts",
    "repeat_rates_table",
    "series_charts",
    "show_html",
    "show_monthly",
    "show_plot",
    "sources_table",
    "table_html",
    "theme_findings",
    "theme_measures",
    "used_marks",
    "volume_table",
]
