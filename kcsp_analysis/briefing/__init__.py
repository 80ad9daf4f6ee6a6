"""What a briefing says and shows; the notebooks call these.

- :mod:`~kcsp_analysis.briefing.data`: the processed files a briefing reads, loaded once;
- :mod:`~kcsp_analysis.briefing.findings`: findings of at most 40 words, worded by
  :mod:`~kcsp_analysis.briefing.plain`;
- :mod:`~kcsp_analysis.briefing.summary`: the one-page summary that opens the overview,
  with :mod:`~kcsp_analysis.briefing.sparkline`;
- :mod:`~kcsp_analysis.briefing.notes`: data-quality notes and readable sources;
- :mod:`~kcsp_analysis.briefing.districts`: district changes, funnel plots, comparators;
- :mod:`~kcsp_analysis.briefing.methods`: the methods and revisions page;
- :mod:`~kcsp_analysis.briefing.tables`: the marked tables (GSS shorthand);
- :mod:`~kcsp_analysis.briefing.whats_new`: what changed since the previous data update;
- :mod:`~kcsp_analysis.briefing.charts`: the charts, in one house style (lines broken by
  :mod:`~kcsp_analysis.briefing.lines`; bars in :mod:`~kcsp_analysis.briefing.bars`, XmR
  charts in :mod:`~kcsp_analysis.briefing.xmr_charts`);
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
    overview_finding_items,
    overview_findings,
    theme_finding_items,
    theme_findings,
    theme_measures,
)
from kcsp_analysis.briefing.notes import data_quality_notes, sources_table
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
    "overview_finding_items",
    "overview_findings",
    "repeat_rate_charts",
    "repeat_rates_table",
    "series_charts",
    "show_html",
    "show_monthly",
    "show_plot",
    "sources_table",
    "table_html",
    "theme_finding_items",
    "theme_findings",
    "theme_measures",
    "used_marks",
    "volume_table",
]
