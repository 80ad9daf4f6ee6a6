"""House-style charts: finding titles, source lines, breaks, bands, alt text, grey print."""

from __future__ import annotations

import itertools
from datetime import date

import matplotlib
import pytest
from matplotlib.colors import to_rgb

from kcsp_analysis.analysis.repeats import repeat_rates
from kcsp_analysis.analysis.spc import xmr_chart
from kcsp_analysis.analysis.trends import series_xmr
from kcsp_analysis.briefing import chart_style
from kcsp_analysis.briefing import charts as plots
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract import extract_report
from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import month
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
    # The like-for-like change on the restated baseline leads, as in the findings.
    assert figure.axes[0].get_title("left") == (
        "Domestic abuse incidents rose 10.3% to 20,276 in 2013/14 from 2010/11"
    )
    assert _texts(figure) == [f"Source: {AGENDA_PACK.split('/')[-1]} (line 797)"]
    assert len(_gids(figure, "series-break")) == 1
    assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == [
        "2010/11",
        "2012/13",
        "2013/14",
    ]
    assert chart_style.alt_text(figure) == (
        "Line chart, Domestic abuse incidents: 18,376 in 2010/11 (restated), 19,259 in "
        "2012/13, 20,276 in 2013/14. A series break is marked between 2012/13 and 2013/14."
    )
    axes = figure.axes[0]
    # Counts start at zero; no line joins across the missing 2011/12 or the break.
    assert axes.get_ylim()[0] == 0
    assert _gids(figure, "series-line") == []
    # The restated 2010/11 figure is drawn on the new basis, the 2012/13 one on the old.
    assert list(_gids(figure, "points-restated")[0].get_ydata()) == [18376]
    assert list(_gids(figure, "points-old")[0].get_ydata()) == [19259]
    assert list(_gids(figure, "points-new")[0].get_ydata()) == [20276]


def test_percentage_axis_starts_at_zero():
    """Line 798: 24.0%, 24.2%, 24.8%; the axis runs from 0, not from 24.0 to 24.8."""
    figure = plots.plot_series(seed_frame(), "da_repeat_victims_pct", "Kent")
    low, high = figure.axes[0].get_ylim()
    assert low == 0 and high > 24.8


def test_provisional_points_are_open_and_poisson_counts_have_intervals():
    """Line 960: KSI 547 (2010), 524 (2012), 594 (2013); 2013 marked [p] here. 594's exact
    Poisson 95% interval is 547.2 to 643.7 (chi-squared form)."""
    figure = plots.plot_series(seed_frame(), "ksi_casualties", "Kent", marks={"2013": ["[p]"]})
    (open_points,) = _gids(figure, "points-provisional")
    assert open_points.get_markerfacecolor() == "white"
    assert list(open_points.get_ydata()) == [594]
    (bars,) = [c for c in _gids(figure, "intervals") if hasattr(c, "get_segments")]
    spans = [(round(s[0][1], 1), round(s[1][1], 1)) for s in bars.get_segments()]
    assert (547.2, 643.7) in spans
    # 2012 and 2013 follow each other: one line; 2010 stands alone (no 2011 figure).
    (joined,) = _gids(figure, "series-line")
    assert list(joined.get_ydata()) == [524, 594]


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
    assert chart_style.alt_text(figure).endswith(
        "23% in 2013/14 (95% interval 20.8% to 25.5%). The expected range, 28% to 40%, is shaded."
    )
    assert _texts(figure) == [
        "Source: 2014-07-08_kcsp_agenda_pack.md (line 801, line 807); intervals: Wilson score"
    ]


def test_xmr_chart_marks_special_causes_and_trial_limits():
    """10, 12, 9, 11, 10, 40, 9, 11, 12, 10: mean 13.4; moving ranges 2, 3, 2, 1, 30, 31, 2,
    1, 2 (mean 8.22); screening drops 30 and 31 (>= 3.267 x 8.22 = 26.9), leaving a mean
    of 13 / 7 = 1.857. Limits 13.4 -/+ 4.94; near lower limit 13.4 - 1.7733 x 1.857 =
    10.11. Points 0, 2 and 4 (10, 9, 10) are two-of-three near the lower limit, all
    below the mean, and point 5 (40) is outside: 4 special-cause points."""
    values = list(STABLE[:10])
    values[5] = 40
    figure = plots.plot_xmr(xmr_chart(values), "Test cases", source="Source: test")
    high = _gids(figure, "special-high-neither")[0]
    assert list(high.get_xdata()) == [5]
    assert figure.axes[0].get_title("left") == "Test cases: 4 points show special-cause variation"
    low = _gids(figure, "special-low-neither")[0]
    assert list(low.get_xdata()) == [0, 2, 4]
    assert "trial limits until there are 12" in chart_style.alt_text(figure)
    notes = [t.get_text() for t in figure.axes[0].texts]
    assert "trial limits: fewer than 12 points" in notes


def test_xmr_signals_are_coloured_by_polarity_and_placed_at_their_dates():
    """Twelve monthly counts Apr 2013-Mar 2014 with a gap (no Sep 2013) and a high point
    in Mar 2014 of a measure where up is bad: a concern, drawn orange, at the middle day
    of March 2014 ((735293 + 735323) / 2 = 735308, the ordinals of 1 and 31 March 2014)."""
    labels = [(2013, m) for m in (4, 5, 6, 7, 8, 10, 11, 12)] + [(2014, m) for m in (1, 2, 3)]
    values = [100, 104, 98, 101, 99, 103, 97, 102, 100, 101, 160]
    rows = [
        Observation("violent_crime", "Kent", month(y, m), float(v), "", "f.csv", f"row {i}")
        for i, ((y, m), v) in enumerate(zip(labels, values, strict=True), start=2)
    ]
    chart = series_xmr(observations_to_frame(rows), "violent_crime", "Kent", "month")
    assert chart.points["signal"].iloc[-1] == "concern"
    figure = plots.plot_xmr(chart, "Violent crime")
    (concern,) = _gids(figure, "special-high-concern")
    assert concern.get_color() == chart_style.COLOURS["concern"]
    assert list(concern.get_xdata()) == [735308.0]
    assert date(2014, 3, 1).toordinal() == 735293
    assert any("the series has gaps" in w for w in chart.warnings)


def test_roles_differ_in_lightness_so_charts_read_in_grey():
    """Lightness (ITU-R BT.709 weights) of the series, low and high colours, which share
    the XmR chart, differ pairwise by at least 0.1, so they stay apart printed in grey."""

    def luminance(colour):
        r, g, b = to_rgb(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    roles = [chart_style.COLOURS[k] for k in ("series", "low", "high")]
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
    assert chart_style.alt_text(figure) == (
        "Bar chart, Kent, 2012: Slightly injured road casualties 5,231, Seriously injured road "
        "casualties 474, Road deaths 50."
    )
    assert _texts(figure) == [f"Source: {AGENDA_PACK.split('/')[-1]} (line 643)"]


def test_breakdown_refuses_mixed_units():
    """Line 807: 1,229 cases and a 23% rate cannot share an axis."""
    with pytest.raises(KcspError, match="cannot draw count, percent on one axis"):
        plots.plot_breakdown(seed_frame(), ["marac_cases", "marac_repeat_pct"], "Kent", "2013/14")


def test_no_measure_is_drawn_twice_and_parts_sit_inside_their_whole():
    """Lines 801 and 807: the MARAC repeat rate is drawn once, with its interval and the
    CAADA range (plot_repeat_rates), not again as a series; 283 repeat cases are drawn
    inside the bar of 1,229 cases, not beside it as if comparable."""
    from kcsp_analysis.briefing.display import series_charts

    measures = ["da_incidents", "marac_cases", "marac_repeat_cases", "marac_repeat_pct"]
    charts = series_charts(seed_frame(), measures, "Kent")
    alts = [chart_style.alt_text(c) for c in charts]
    assert not any("MARAC repeat rate" in a for a in alts)
    (bars,) = [c for c in charts if chart_style.alt_text(c).startswith("Bar chart")]
    assert chart_style.alt_text(bars) == (
        "Bar chart, Kent, 2013/14: MARAC cases 1,229 (of which MARAC repeat cases 283, drawn "
        "inside its total)."
    )
    (whole,) = _gids(bars, "wholes")
    (part,) = _gids(bars, "part")
    assert whole.get_width() == 1229 and part.get_width() == 283
    assert part.get_y() >= whole.get_y() and part.get_height() < whole.get_height()
