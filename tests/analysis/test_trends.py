"""Trends: latest comparisons, the trend table and XmR charts of a series."""

from __future__ import annotations

import pandas as pd
import pytest

from kcsp_analysis.analysis.trends import latest_comparisons, series_xmr, trend_table
from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import month
from kcsp_analysis.processed.measures import observations_to_frame
from tests.analysis.test_spc import STABLE
from tests.seed_figures import seed_frame


def test_latest_comparisons_of_violent_crime():
    """Seed 003 line 919: violent crime 16,715 ('10/11), 17,537, 23,914; printed "▲ 36.3%"
    and "43.0%" against the baseline. Both comparisons cross the HMIC recording break."""
    found = latest_comparisons(seed_frame(), "violent_crime", "Kent")
    assert set(found) == {"year_on_year", "against_baseline"}
    assert round(found["year_on_year"].pct_change, 1) == 36.4  # 6377 / 17537 = 36.36%
    assert round(found["against_baseline"].pct_change, 1) == 43.1  # 7199 / 16715 = 43.07%
    assert found["year_on_year"].crosses_break and found["against_baseline"].crosses_break
    assert "not like for like" in found["year_on_year"].sentence


def test_latest_comparisons_skips_a_missing_year():
    """KSI (line 960) is published for 2010, 2012 and 2013: 2012 is the year before 2013,
    2010 the baseline ("547 ... amended from 545")."""
    found = latest_comparisons(seed_frame(), "ksi_casualties", "Kent")
    assert found["year_on_year"].from_period == "2012"
    assert found["against_baseline"].from_period == "2010"
    assert round(found["against_baseline"].pct_change, 1) == 8.6  # 47 / 547


def test_trend_table_of_theft():
    """Seed 003 line 898: 25,335 / 23,491 / 24,482; printed "4.2%" (year on year) and
    "▼ 3.4%" against the baseline: (24482 - 23491) / 23491 = 4.22%, (24482 - 25335) / 25335
    = -3.37%. 2012/13 has no year-earlier figure (2011/12 is not published)."""
    table = trend_table(seed_frame(), "theft_and_handling", "Kent")
    assert list(table["period"]) == ["2010/11", "2012/13", "2013/14"]
    last = table.iloc[-1]
    assert round(last["year_on_year_pct"], 2) == 4.22
    assert round(last["vs_baseline_pct"], 2) == -3.37
    assert last["year_on_year_significant"] and last["vs_baseline_significant"]
    assert pd.isna(table.iloc[1]["year_on_year_pct"])
    assert pd.isna(table.iloc[0]["vs_baseline_pct"])


def test_trend_table_of_a_percentage_gives_points():
    """Seed 003 line 798: 24.0%, 24.2%, 24.8%: 0.8 points above the baseline ("▲ 0.8")."""
    table = trend_table(seed_frame(), "da_repeat_victims_pct", "Kent")
    assert table.iloc[-1]["vs_baseline_pct"] == pytest.approx(0.8)
    assert pd.isna(table.iloc[-1]["vs_baseline_significant"])  # no denominator: not tested


def _monthly(values, measure="marac_cases", qualifiers=None):
    qualifiers = qualifiers or {}
    return observations_to_frame(
        Observation(
            measure,
            "Kent",
            month(2012 + i // 12, i % 12 + 1),
            float(v),
            qualifiers.get(i, ""),
            "figures/marac.csv",
            f"row {i + 2}",
        )
        for i, v in enumerate(values)
    )


def test_series_xmr_of_a_monthly_series():
    chart = series_xmr(_monthly([v * 10 for v in STABLE]), "marac_cases", "Kent", "month")
    assert chart.points["label"].iloc[0] == "2012-01"
    assert chart.points["mean"].iloc[0] == pytest.approx(107.5)
    assert not chart.has_special_cause and chart.warnings == ()


def test_series_xmr_rebases_at_a_catalogued_break_and_leaves_out_approximate_figures():
    """Domestic abuse has a break dated 2013-03-31: April 2013 starts a new segment."""
    values = [100 + v for v in STABLE[:15]] + [200 + v for v in STABLE[:12]]
    frame = _monthly(values, "da_incidents", {0: "approx"})
    chart = series_xmr(frame, "da_incidents", "Kent", "month")
    assert chart.points.groupby("segment")["label"].first().tolist() == ["2012-02", "2013-04"]
    assert "approximate figures left out: 2012-01" in chart.warnings
    assert not chart.has_special_cause
