"""The one-page summary, plain findings of at most 40 words, sparklines, and districts."""

from __future__ import annotations

import re

import matplotlib
import pandas as pd
import pytest

from kcsp_analysis import catalogue
from kcsp_analysis.briefing import chart_style, districts, findings, summary
from kcsp_analysis.briefing.lines import line_segments
from kcsp_analysis.briefing.plain import MAX_WORDS, word_count
from kcsp_analysis.briefing.sparkline import sparkline_svg
from kcsp_analysis.processed.measures import observations_to_frame
from tests.conftest import AGENDA_PACK, SHIPPED_RAW
from tests.seed_figures import seed_frame

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return seed_frame()


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The shipped papers' current figures and reconciliation (stated changes), extracted."""
    from kcsp_analysis.briefing.data import load_briefing_data
    from kcsp_analysis.build.extraction import run_extract

    root = tmp_path_factory.mktemp("shipped")
    run_extract(SHIPPED_RAW, root / "processed" / "measures.csv")
    data = load_briefing_data(root / "processed", SHIPPED_RAW)
    assert data.reconciliation is not None
    return data.measures, data.reconciliation


def test_summary_rows_say_like_for_like_and_more_than_usual(seed: pd.DataFrame):
    rows = {r.measure: r for r in summary.summary_rows(seed, "Kent")}
    # Line 960: 524 (2012, 366 days) to 594 (2013): +13.7% a day, an exact Poisson test.
    ksi = rows["ksi_casualties"]
    assert (ksi.latest, ksi.change, ksi.like_for_like, ksi.beyond_usual) == (
        "594 (2013)",
        "+13.7% on 2012, daily rate",
        "yes",
        "yes",
    )
    assert ksi.meaning == "A real change for the worse."
    # Line 919: 17,537 to 23,914 across the 2013/14 recording change: no verdict.
    crime = rows["violent_crime"]
    assert (crime.change, crime.like_for_like, crime.beyond_usual) == (
        "+36.4% on 2012/13",
        "no",
        "can't tell",
    )
    # Line 797: the restated 2010/11 baseline (18,376) is like for like with 20,276.
    assert rows["da_incidents"].change == "+10.3% on 2010/11"
    assert rows["da_incidents"].like_for_like == "yes"
    # Line 807: 1,229 cases, the only figure of its kind.
    assert rows["marac_cases"].change == "–" and rows["marac_cases"].direction == 0


def test_summary_prose_is_short_and_names_the_real_change(seed: pd.DataFrame):
    rows = summary.summary_rows(seed, "Kent")
    prose = summary.summary_prose(rows, "Kent", "8 July 2014", "2013/14")
    assert word_count(" ".join(prose)) <= summary.MAX_PROSE_WORDS
    assert any("killed or seriously injured road casualties (+13.7%" in s for s in prose)
    assert any("violent crime" in s and "no verdict" in s for s in prose)


def test_as_at_is_the_latest_meeting_date_and_period(seed: pd.DataFrame):
    when, latest = summary.as_at(
        {AGENDA_PACK: "2014-07-08", "reports/old.txt": "2010-03-04"}, seed, "Kent"
    )
    assert (when, latest) == ("8 July 2014", "2013/14")


def test_summary_html_escapes_and_has_one_row_per_measure(seed: pd.DataFrame):
    rows = summary.summary_rows(seed, "Kent")
    markup = summary.summary_html(rows, ["a <b> c"], "Kent", "8 July 2014", "2013/14")
    assert "a &lt;b&gt; c" in markup and "Data as at 8 July 2014" in markup
    assert markup.count("<tr>") == len(rows) + 1
    assert markup.count("<svg") == len(rows)


def test_sparkline_starts_at_zero_and_breaks_at_gaps_and_breaks(seed: pd.DataFrame):
    """Line 898: theft 25,335 (2010/11), 23,491 (2012/13), 24,482 (2013/14): no 2011/12,
    so only the last two are joined; the baseline line is at the foot of the box."""
    rows = seed[seed["measure"] == "theft_and_handling"].reset_index(drop=True)
    svg = sparkline_svg(rows, "theft_and_handling", "theft")
    assert svg.count("<polyline") == 1 and svg.count("<circle") == 3
    heights = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
    # Zero is 3 px above the bottom of 20 px; 25,335 (the top) is 3 px below the top.
    assert min(heights) == pytest.approx(3.0, abs=0.1)
    assert max(heights) > 3.0 and max(heights) < 5.0
    violent = seed[seed["measure"] == "violent_crime"].reset_index(drop=True)
    assert "<polyline" not in sparkline_svg(violent, "violent_crime", "violent crime")


def test_line_segments_put_the_restated_baseline_on_its_own():
    from kcsp_analysis.periods import financial_year

    years = [financial_year(y) for y in (2010, 2011, 2012, 2013)]
    # 2010/11 is restated on the new basis: it is not joined to 2011/12 (old basis).
    assert line_segments("da_incidents", years) == [[0], [1, 2], [3]]


def test_every_finding_is_at_most_40_words(seed: pd.DataFrame):
    sentences = findings.overview_findings(seed, "Kent")
    for theme in {m.theme for m in catalogue.measures().values()}:
        sentences += findings.theme_findings(seed, findings.theme_measures(theme), "Kent")
    sentences += findings.overview_findings(seed, "Dover")
    too_long = [s for s in sentences if word_count(s) > MAX_WORDS]
    assert too_long == []
    # Findings that only say no change can be given are one line, not one each.
    assert sum("no change can be given" in s for s in findings.overview_findings(seed, "Kent")) == 1


def test_district_changes_are_the_papers_stated_ones(shipped):
    """Line 805: "The greatest percentage increase occurred in Dover (up 10.5%) closely
    followed by Thanet (up 9.8%)"; line 903: "Tonbridge and Malling has experienced the
    largest percentage decrease (-11.6%)"; line 905: "Tunbridge Wells experienced the
    largest percentage decrease (-23.0%)"."""
    frame, reconciliation = shipped
    changes = districts.district_changes(frame, reconciliation, catalogue.measures())
    found = {(r.measure, r.area): (r.change, r.basis) for r in changes.itertuples()}
    assert found == {
        ("da_incidents", "Dover"): (10.5, districts.STATED),
        ("da_incidents", "Thanet"): (9.8, districts.STATED),
        ("theft_and_handling", "Tonbridge and Malling"): (-11.6, districts.STATED),
        ("domestic_burglary", "Tunbridge Wells"): (-23.0, districts.STATED),
    }
    table = districts.district_table(changes, frame)
    # Line 797: Kent 19,259 to 20,276 is +5.28%, shown beside Dover and Thanet.
    dover = table[table["District"] == "Dover"].iloc[0]
    # Both changes span the 2013/14 definition change (16-17 year olds, line 803).
    assert (dover["Change"], dover["Kent"], dover["How known"]) == (
        "+10.5%",
        "+5.3% (both across a series break)",
        "stated by the paper",
    )
    tunbridge = table[table["District"] == "Tunbridge Wells"].iloc[0]
    assert tunbridge["Kent"] == "+0.5%"  # line 899: 5,294 to 5,322


def test_district_dot_chart_orders_districts_and_marks_kent(shipped):
    frame, reconciliation = shipped
    changes = districts.district_changes(frame, reconciliation, catalogue.measures())
    figure = districts.plot_district_changes(changes, frame, "da_incidents")
    axes = figure.axes[0]
    (county,) = [line for line in axes.lines if line.get_gid() == "county"]
    assert county.get_xdata()[0] == pytest.approx(5.28, abs=0.01)
    (stated,) = [line for line in axes.lines if line.get_gid() == f"districts-{districts.STATED}"]
    assert list(stated.get_xdata()) == [9.8, 10.5]  # ordered, smallest first
    assert stated.get_markerfacecolor() == "white"
    assert "Dover +10.5% (stated by the paper)" in chart_style.alt_text(figure)


def test_district_rates_give_a_funnel_with_population(tmp_path, seed: pd.DataFrame):
    """Test document written for kcsp-analysis's tests; figures invented: district
    counts of domestic burglary in 2013/14 and their mid-2013 populations."""
    from kcsp_analysis.extract.records import Observation
    from kcsp_analysis.periods import financial_year

    counts = {"Ashford": 300, "Dover": 250, "Thanet": 600}
    rows = [
        Observation("domestic_burglary", area, financial_year(2013), float(n), "", "f.csv",
                    f"row {i}")
        for i, (area, n) in enumerate(counts.items(), start=2)
    ]  # fmt: skip
    frame = pd.concat([seed, observations_to_frame(rows)], ignore_index=True)
    folder = tmp_path / "population"
    folder.mkdir()
    (folder / "mid2013.csv").write_text(
        "area,mid_year,all_ages\nAshford,2013,120000\nDover,2013,110000\nThanet,2013,135000\n",
        encoding="utf-8",
    )
    points = districts.district_rates(frame, "domestic_burglary", "2013/14", folder)
    # Thanet 600 / 135,000 = 4.44 per 1,000; pooled 1,150 / 365,000 = 3.15 per 1,000.
    thanet = points[points["area"] == "Thanet"].iloc[0]
    assert thanet["per_1000"] == pytest.approx(4.444, abs=0.001)
    assert points["pooled"].iloc[0] == pytest.approx(3.151, abs=0.001)
    assert thanet["position"] == "above"
