"""House-style charts: finding titles, source lines, breaks, bands, alt text, grey print."""

from __future__ import annotations

import itertools

import matplotlib
import pytest
from matplotlib.colors import to_rgb

from kcsp_analysis.analysis.repeats import repeat_rates
from kcsp_analysis.analysis.spc import xmr_chart
from kcsp_analysis.briefing import charts as plots
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract import extract_report
from kcsp_analysis.processed.measures import observations_to_frame
from tests.analysis.test_spc import STABLE
from tests.conftest import AGENDA_PACK, SHIPPED_RAW
from tests.seed_figures import seed_frame

matplotlib.use("Agg")


def _gids(figure, gid):
    axes = figure.axes[0]
    return [a for a in [*axes.lines, *axes.patches, *axes.collections] if a.get_gid() == gid]


def _texts(figure):
    return [t.get_text() for t in figure.texts]


def test_series_chart_of_domestic_abuse():
    """Seed 003 line 797: 18,376 / 19259 / 20276; a break (16-17 year olds) before 2013/14."""
    figure = plots.plot_series(seed_frame(), "da_incidents", "Kent")
    assert figure.axes[0].get_title("left") == (
        "Domestic abuse incidents rose 5.3% to 20,276 in 2013/14 compared with 2012/13 "
        "(series break)"
    )
    assert _texts(figure) == [f"Source: {AGENDA_PACK.split('/')[-1]} (line 797)"]
    assert len(_gids(figure, "series-break")) == 1
    assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == [
        "2010/11",
        "2012/13",
        "2013/14",
    ]
    assert plots.alt_text(figure) == (
        "Line chart, Domestic abuse incidents: 18,376 in 2010/11, 19,259 in 2012/13, "
        "20,276 in 2013/14. A series break is marked between 2012/13 and 2013/14."
    )


def test_missing_years_leave_a_gap_on_the_axis():
    """KSI (line 960) has 2010, 2012 and 2013: 2010 to 2012 is twice as wide as 2012 to 2013."""
    figure = plots.plot_series(seed_frame(), "ksi_casualties", "Kent")
    x = figure.axes[0].get_lines()[0].get_xdata()
    assert (x[1] - x[0]) == pytest.approx(2 * (x[2] - x[1]), abs=2)


def test_repeat_rate_chart_draws_the_caada_band_and_the_interval():
    """Line 807: 283 of 1,229 (Wilson 20.8% to 25.5%); line 1099: expected 28 to 40%."""
    figure = plots.plot_repeat_rates(repeat_rates(seed_frame(), "Kent"), "marac_repeat_pct")
    assert len(_gids(figure, "reference-band")) == 1
    assert (
        figure.axes[0]
        .get_title("left")
        .startswith(
            "MARAC repeat rate 23% in 2013/14: below the expected 28-40% even allowing for chance"
        )
    )
    assert plots.alt_text(figure).endswith(
        "23% in 2013/14 (95% interval 20.8% to 25.5%). The expected range, 28% to 40%, is shaded."
    )
    assert _texts(figure) == [
        "Source: 2014-07-08_kcsp_agenda_pack.md (line 801, line 807); intervals: Wilson score"
    ]


def test_xmr_chart_marks_special_causes_and_trial_limits():
    values = list(STABLE[:10])
    values[5] = 40
    figure = plots.plot_xmr(xmr_chart(values), "Test cases", source="Source: test")
    high = _gids(figure, "special-high")[0]
    assert list(high.get_xdata()) == [5]
    assert figure.axes[0].get_title("left") == "Test cases: 1 point shows special-cause variation"
    assert "trial limits until there are 12" in plots.alt_text(figure)
    notes = [t.get_text() for t in figure.axes[0].texts]
    assert "trial limits: fewer than 12 points" in notes


def test_roles_differ_in_lightness_so_charts_read_in_grey():
    """Lightness (ITU-R BT.709 weights) of the series, low and high colours, which share
    the XmR chart, differ pairwise by at least 0.1, so they stay apart printed in grey."""

    def luminance(colour):
        r, g, b = to_rgb(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    roles = [plots.COLOURS[k] for k in ("series", "low", "high")]
    levels = sorted(luminance(c) for c in roles)
    assert min(b - a for a, b in itertools.pairwise(levels)) >= 0.1


def test_breakdown_of_road_casualties_by_severity():
    """Line 643: "In Kent in 2012, 50 people died, 474 people were seriously injured and 5231
    people received a slight injury": one period only, so bars rather than a line."""
    extracted = extract_report(SHIPPED_RAW, AGENDA_PACK).observations
    frame = observations_to_frame(o for o in extracted if o.locator == "line 643")
    figure = plots.plot_breakdown(
        frame, ["road_deaths", "seriously_injured", "slightly_injured"], "Kent", "2012"
    )
    bars = figure.axes[0].patches
    assert sorted(round(b.get_width()) for b in bars) == [50, 474, 5231]
    assert plots.alt_text(figure) == (
        "Bar chart, Kent, 2012: Slightly injured road casualties 5,231, Seriously injured road "
        "casualties 474, Road deaths 50."
    )
    assert _texts(figure) == [f"Source: {AGENDA_PACK.split('/')[-1]} (line 643)"]


def test_breakdown_refuses_mixed_units():
    """Line 807: 1,229 cases and a 23% rate cannot share an axis."""
    with pytest.raises(KcspError, match="cannot draw count, percent on one axis"):
        plots.plot_breakdown(seed_frame(), ["marac_cases", "marac_repeat_pct"], "Kent", "2013/14")
