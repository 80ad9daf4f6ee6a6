"""Briefing content from frames: findings, GSS marks, tables, notes, sources, what is new.

Figures are those of seed 003 (reports/2014-07-08_kcsp_agenda_pack.md), built by
tests/seed_figures.py, which checks each value against its line.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kcsp_analysis import briefing, catalogue
from kcsp_analysis.analysis.change_tests import POISSON_NOTE
from kcsp_analysis.briefing import findings, notes, whats_new
from kcsp_analysis.briefing import quality as briefing_quality
from kcsp_analysis.briefing.display import figures_table_html, list_html, table_html
from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import calendar_year, financial_quarter, financial_year
from kcsp_analysis.processed.measures import observations_to_frame
from kcsp_analysis.processed.reconciliation import RECONCILIATION_COLUMNS
from tests.conftest import AGENDA_PACK
from tests.seed_figures import seed_frame


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return seed_frame()


def with_rows(frame: pd.DataFrame, *observations: Observation) -> pd.DataFrame:
    return _sorted(pd.concat([frame, observations_to_frame(observations)]))


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["measure", "area", "period_start", "source", "locator"]).reset_index(
        drop=True
    )


def test_findings_give_the_latest_change_then_the_baseline(seed: pd.DataFrame):
    """Line 919: violent crime 16,715 (2010/11), 17,537 (2012/13), 23,914 (2013/14)."""
    first, second = findings.measure_findings(seed, "violent_crime", "Kent")
    assert first.startswith(
        "Violent crime rose 36.4% to 23,914 in 2013/14 from 2012/13: not like for like, as the "
        "way it is counted changed in between, so no verdict."
    )
    # 23,914 / 16,715 = 1.4307: 43.1% above the baseline, across the 2013/14 break.
    assert second == (
        "Against the 2010/11 baseline it is 43.1% higher: not like for like, as the way it is "
        "counted changed in between, so no verdict."
    )


def test_restated_baseline_leads_the_domestic_abuse_findings(seed: pd.DataFrame):
    """Line 797: 18,376 (2010/11, restated on the new definition, line 803), 19,259
    (2012/13, old definition), 20,276 (2013/14). Like for like: 20,276 / 18,376 - 1 =
    10.34%, which leads; the +5.3% on 2012/13 crosses the definition change."""
    first, second = findings.measure_findings(seed, "da_incidents", "Kent")
    assert first.startswith(
        "Domestic abuse incidents rose 10.3% to 20,276 in 2013/14 from 2010/11: "
        "two annual figures cannot show"
    )
    assert second == (
        "Against the 2012/13 year-earlier figure it is 5.3% higher: not like for like, as the "
        "way it is counted changed in between, so no verdict."
    )


def test_stated_change_without_its_earlier_figure_is_reported(seed: pd.DataFrame):
    """Line 807: "1,229 ... Compared to the same period in the previous year there has been
    a 15.3% increase in the number of cases heard at MARAC"; 2012/13 is not published."""
    reconciliation = pd.DataFrame(
        [["change", "marac_cases", "Kent", "2012/13", "2013/14", "15.3", "", "percent",
          "unverifiable", AGENDA_PACK, "line 807", "no exact figure for 2012/13"]],
        columns=list(RECONCILIATION_COLUMNS),
    )  # fmt: skip
    (only,) = findings.measure_findings(seed, "marac_cases", "Kent", reconciliation=reconciliation)
    assert only == (
        "MARAC cases: 1,229 in 2013/14; the paper states a change of +15.3% on 2012/13, whose "
        "figure is not published, so it cannot be checked or tested."
    )


def test_findings_for_a_chosen_period(seed: pd.DataFrame):
    """Line 899: domestic burglary 4,354 (2010/11), 5,294 (2012/13)."""
    (only,) = findings.measure_findings(seed, "domestic_burglary", "Kent", "2012/13")
    # 5,294 / 4,354 = 1.2159; the earlier period is the baseline, so one sentence.
    assert only.startswith("Domestic burglary rose 21.6% to 5,294 in 2012/13 from 2010/11")


def test_findings_say_when_nothing_is_published(seed: pd.DataFrame):
    assert findings.measure_findings(seed, "domestic_burglary", "Kent", "2015/16") == [
        "Domestic burglary: no Kent figure for 2015/16 is published in the papers read."
    ]
    assert findings.measure_findings(seed, "road_deaths", "Dover") == [
        "Road deaths: no Dover figure is published in the papers read."
    ]
    # Line 960 publishes KSI for Kent only (594 in 2013); a Dover briefing gives it with
    # its area, which areas.csv describes as "Kent County Council area; excludes Medway".
    assert findings.measure_findings(seed, "ksi_casualties", "Dover") == [
        "Killed or seriously injured road casualties: no Dover figure is published in the "
        "papers read; the latest is 594 in 2013 for Kent (Kent County Council area; "
        "excludes Medway)."
    ]


def test_single_figure_has_no_change(seed: pd.DataFrame):
    """Line 807: 1,229 MARAC cases over the 12 months to March 2014, the only such figure."""
    assert findings.measure_findings(seed, "marac_cases", "Kent") == [
        "MARAC cases: 1,229 in 2013/14; no earlier figure of the same kind is published, "
        "so no change can be given."
    ]


def test_repeat_rate_against_the_expected_range(seed: pd.DataFrame):
    """Lines 801 and 807: 23% of MARAC cases are repeats; line 1099: CAADA expects 28-40%."""
    # Wilson interval of 283 of 1,229: 20.8% to 25.5%, wholly below 28%.
    assert findings.band_sentence(seed, "marac_repeat_pct", "Kent").startswith(
        "MARAC repeat rate was 23% in 2013/14 (likely range 20.8% to 25.5%): below the "
        "expected 28-40% even allowing for chance. CAADA reads this as "
        "repeat cases not being identified; the partnership's MARAC paper reads it as a "
        "success."
    )
    assert findings.band_sentence(seed, "marac_repeat_pct", "Kent", "2012/13").startswith(
        "MARAC repeat rate was 22.4% in 2012/13: below the expected 28-40% (no interval: the "
        "counts behind the rate are not published). CAADA reads"
    )
    assert findings.band_sentence(seed, "da_incidents", "Kent") is None


def test_marks_break_provisional_and_approximate(seed: pd.DataFrame):
    """Line 797 (2013/14 after the domestic abuse definition change, break 2013-03-31)."""
    marks = briefing.figure_marks(seed, "da_incidents", "Kent")
    assert marks == {"2010/11": [], "2012/13": [], "2013/14": ["[b]"]}
    # Dated before 2013/14 ended, the document would publish a provisional figure.
    early = briefing.figure_marks(
        seed, "da_incidents", "Kent", document_dates={AGENDA_PACK: "2014-02-01"}
    )
    assert early["2013/14"] == ["[b]", "[p]"] and early["2012/13"] == []
    # Line 609: "over 57,000 incidents of anti-social behaviour recorded in Kent & Medway".
    approx = with_rows(
        seed,
        Observation(
            "asb_incidents",
            "Kent and Medway",
            financial_year(2012),
            57000.0,
            "more_than",
            AGENDA_PACK,
            "line 609",
            "over 57,000",
        ),
    )
    table = briefing.figures_table(approx, ["asb_incidents"], "Kent and Medway")
    assert table["Figure"].tolist() == ["over 57,000 [e]"]
    assert briefing.used_marks(table) == {"[e]": briefing.GSS_KEY["[e]"]}


def test_revised_figures_are_marked_and_noted(seed: pd.DataFrame):
    """Line 962: "the January to December 2010 baseline has been amended from 545 to 547"."""
    revisions = pd.DataFrame(
        [
            ["ksi_casualties", "Kent", "2010", 545.0, "", AGENDA_PACK, "line 962", 547.0,
             AGENDA_PACK, "line 960", "amended from 545 to 547"],
            ["ksi_casualties", "Kent", "2012", 524.0, "", AGENDA_PACK, "line 643", 524.0,
             AGENDA_PACK, "line 960", "same value"],
        ],
        columns=["measure", "area", "period", "value", "qualifier", "source", "locator",
                 "kept_value", "kept_source", "kept_locator", "reason"],
    )  # fmt: skip
    marks = briefing.figure_marks(seed, "ksi_casualties", "Kent", revisions=revisions)
    assert marks == {"2010": ["[r]"], "2012": [], "2013": []}
    notes = briefing.data_quality_notes(seed, ["ksi_casualties"], "Kent", revisions=revisions)
    assert notes[0].startswith("Killed or seriously injured road casualties: counts people")
    assert notes[1:] == [
        f"Killed or seriously injured road casualties, 2010: 545 in {AGENDA_PACK} line 962 is "
        f"superseded by 547 in {AGENDA_PACK} line 960 (amended from 545 to 547).",
        f"How to read 'more than the usual movement' for counts: {POISSON_NOTE}",
    ]


def test_poisson_caveat_only_where_counts_are_compared(seed: pd.DataFrame):
    """MARAC cases: a single count, 1,229 in 2013/14 (line 807), so nothing is tested."""
    (quality,) = briefing.data_quality_notes(seed, ["marac_cases"], "Kent")
    assert quality.startswith("MARAC cases: counts cases heard at Multi-Agency Risk")


def test_stated_and_recomputed_changes_in_the_table(seed: pd.DataFrame):
    """Line 797: Change ▲5.3% (19,259 to 20,276 is +5.28%); line 798: ▲0.6 points."""
    reconciliation = pd.DataFrame(
        [
            ["change", "da_incidents", "Kent", "2012/13", "2013/14", "5.3", "5.28", "percent",
             "agrees", AGENDA_PACK, "line 797", ""],
            ["change", "da_repeat_victims_pct", "Kent", "2012/13", "2013/14", "0.6", "0.6",
             "points", "agrees", AGENDA_PACK, "line 798", ""],
            ["duplicate", "da_incidents", "Kent", "2013/14", "2013/14", "20276", "20276",
             "count", "agrees", AGENDA_PACK, "line 797", ""],
        ],
        columns=["kind", "measure", "area", "from_period", "to_period", "stated", "recomputed",
                 "unit", "status", "source", "locator", "note"],
    )  # fmt: skip
    table = briefing.figures_table(
        seed, ["da_incidents", "da_repeat_victims_pct"], "Kent", reconciliation=reconciliation
    )
    latest = table[table["Period"] == "2013/14"]
    assert latest[["Figure", "Stated change", "Recomputed change"]].values.tolist() == [
        ["20,276 [b]", "+5.3% on 2012/13", "+5.28% on 2012/13 (agrees)"],
        ["24.8% [b]", "+0.6 points on 2012/13", "+0.6 points on 2012/13 (agrees)"],
    ]
    assert latest["Source"].tolist() == [f"{AGENDA_PACK} line 797", f"{AGENDA_PACK} line 798"]


def test_disagreements_are_data_quality_notes_not_revisions(seed: pd.DataFrame):
    """Line 801 prints the MARAC repeat rate as 23%; line 1099 says "the rate in Kent is at
    24%". The table figure is kept; the sentence's 24% is a disagreement, not a revision."""
    columns = list(RECONCILIATION_COLUMNS)
    reconciliation = pd.DataFrame(
        [["duplicate", "marac_repeat_pct", "Kent", "2013/14", "2013/14", "24", "23", "percent",
          "disagrees", AGENDA_PACK, "line 1099", ""],
         ["change", "violent_crime", "Kent", "2012/13", "2013/14", "30", "36.3631", "percent",
          "disagrees", AGENDA_PACK, "line 919", ""]],
        columns=columns,
    )  # fmt: skip
    revisions = pd.DataFrame(
        [["marac_repeat_pct", "Kent", "2013/14", 24.0, "", AGENDA_PACK, "line 1099", 23.0,
          AGENDA_PACK, "line 801", "a performance-table figure beats a sentence figure"]],
        columns=["measure", "area", "period", "value", "qualifier", "source", "locator",
                 "kept_value", "kept_source", "kept_locator", "reason"],
    )  # fmt: skip
    notes = briefing.data_quality_notes(
        seed, ["marac_repeat_pct", "violent_crime"], "Kent", reconciliation=reconciliation
    )
    assert notes[:2] == [
        briefing_quality.quality_sentence("marac_repeat_pct", "Kent"),
        briefing_quality.quality_sentence("violent_crime", "Kent"),
    ]
    assert notes[2:4] == [
        f"MARAC repeat rate, 2013/14: published as 24% in {AGENDA_PACK} line 1099 but as 23% "
        "elsewhere; 23% is used.",
        f"Violent crime: the stated change 2012/13 to 2013/14, +30% ({AGENDA_PACK} line 919), "
        "does not match the figures, which give +36.36%.",
    ]
    marks = briefing.figure_marks(seed, "marac_repeat_pct", "Kent", revisions=revisions)
    assert marks["2013/14"] == []


def test_quality_statements_say_what_kent_covers_and_the_status_of_recorded_crime():
    """areas.csv: Kent is "Kent County Council area; excludes Medway"; reference_data.md
    section 4 (c): UKSA removed the National Statistics designation from police recorded
    crime on 15 January 2014; line 760: the ASB perception proxy "is no longer monitored"."""
    statements = briefing_quality.quality_statements()
    assert set(statements) == set(catalogue.measures())
    for measure in ("theft_and_handling", "domestic_burglary", "violent_crime"):
        text = briefing_quality.quality_sentence(measure, "Kent")
        assert "for Kent (Kent County Council area; excludes Medway)" in text
        assert "removed its National Statistics designation on 15 January 2014" in text
    perception = briefing_quality.quality_sentence("asb_perception_high_pct", "Kent")
    assert "'is no longer monitored'" in perception
    assert briefing_quality.quality_sentence("ksi_casualties", "Kent").endswith(
        "series breaks: 2016-01-01."
    )


def test_sources_list_places_in_line_order(seed: pd.DataFrame):
    table = briefing.sources_table(
        seed,
        briefing.theme_measures("marac"),
        "Kent",
        {AGENDA_PACK: "Agenda pack"},
        {AGENDA_PACK: "2014-07-08"},
    )
    assert table.values.tolist() == [
        ["Agenda pack", "8 July 2014", "line 801, line 807, line 1097", AGENDA_PACK]
    ]


def test_sources_read_as_title_meeting_date_and_line():
    """The manifest's title of the agenda pack, to its first comma, and its meeting date."""
    titles = {AGENDA_PACK: "Kent Community Safety Partnership agenda pack, including the report"}
    assert notes.readable_source(
        f"{AGENDA_PACK} line 797", titles, {AGENDA_PACK: "2014-07-08"}
    ) == ("Kent Community Safety Partnership agenda pack (8 July 2014), line 797")


def test_what_changed_reports_new_revised_and_missing_figures(seed: pd.DataFrame):
    """Line 960 publishes KSI 547 for 2010, amended from 545 (line 962)."""
    previous = seed[seed["measure"] == "ksi_casualties"].reset_index(drop=True)
    previous.loc[previous["period"] == "2010", "value"] = 545.0
    current = with_rows(
        seed[(seed["measure"] == "ksi_casualties") & (seed["period"] != "2012")],
        Observation("ksi_casualties", "Kent", calendar_year(2014), 611.0, "",
                    "figures/2015.csv", "row 2", "611"),
    )  # fmt: skip
    changes = whats_new.what_changed(previous, current)
    assert changes[["change", "period", "old", "new"]].values.tolist() == [
        ["revised", "2010", "545", "547"],
        ["disappeared", "2012", "524", ""],
        ["new", "2014", "", "611"],
    ]
    assert whats_new.what_changed_sentences(changes, True) == [
        "Since the previous data update: 1 new, 1 revised, 1 disappeared figures.",
        f"Killed or seriously injured road casualties, 2010: revised from 545 ({AGENDA_PACK} "
        f"line 960) to 547 ({AGENDA_PACK} line 960).",
        f"Killed or seriously injured road casualties, 2012: 524 ({AGENDA_PACK} line 960) is "
        "no longer in the data; it is missing, not unchanged.",
    ]
    assert whats_new.what_changed_sentences(whats_new.what_changed(seed, seed), True) == [
        "No figure is new, revised or gone since the previous data update."
    ]
    assert whats_new.what_changed(None, seed).empty


def test_text_from_reports_is_escaped_in_html():
    assert list_html(["<script>alert(1)</script>"]) == (
        '<ul class="findings"><li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>'
    )
    table = pd.DataFrame({"Figure": ["<b>4</b> 9%"], "Source": ["a & b"]})
    markup = table_html(table, "Caption <i>")
    assert "&lt;b&gt;4&lt;/b&gt; 9%" in markup and "a &amp; b" in markup
    assert "<caption>Caption &lt;i&gt;</caption>" in markup
    keyed = figures_table_html(pd.DataFrame({"Figure": ["1 [r]"]}), "T")
    assert "Key: [r] revised" in keyed


def test_small_district_counts_are_suppressed_in_tables(seed: pd.DataFrame):
    """A district count below 5 is shown as [c]; the county figure never is."""
    small = with_rows(
        seed,
        Observation("road_deaths", "Dover", calendar_year(2013), 3.0, "", "figures/x.csv",
                    "row 2", "3"),
        Observation("road_deaths", "Kent", calendar_year(2013), 3.0, "", "figures/x.csv",
                    "row 3", "3"),
    )  # fmt: skip
    dover = briefing.figures_table(small, ["road_deaths"], "Dover")
    assert dover["Figure"].tolist() == ["[c]"]
    assert briefing.used_marks(dover) == {"[c]": briefing.GSS_KEY["[c]"]}
    assert briefing.figures_table(small, ["road_deaths"], "Kent")["Figure"].tolist() == ["3"]


def test_without_a_year_earlier_the_baseline_leads(seed: pd.DataFrame):
    """Line 960: KSI 547 in 2010 and 524 in 2012; no 2011 figure is published there."""
    (only,) = findings.measure_findings(seed, "ksi_casualties", "Kent", "2012")
    # 2012 had 366 days, 2010 365: daily rates 524/366 = 1.4317 and 547/365 = 1.4986,
    # 0.9553 of it, 4.5% lower; well within Poisson variation for counts this size.
    assert only == (
        "Killed or seriously injured road casualties: 524 in 2012, 547 in 2010; the daily rate "
        "was 4.5% lower, as the periods differ in length: within the usual year-to-year movement."
    )


def test_a_first_quarterly_figure_is_stated_before_the_annual_series(seed: pd.DataFrame):
    """A figures file adds one quarter; the annual figures (line 797) still lead the story."""
    frame = with_rows(
        seed,
        Observation("da_incidents", "Kent", financial_quarter(2014, 1), 5312.0, "",
                    "figures/q1.csv", "row 2", "5312"),
    )  # fmt: skip
    sentences = findings.measure_findings(frame, "da_incidents", "Kent")
    assert sentences[0] == (
        "Domestic abuse incidents: 5,312 in 2014/15 Q1; no earlier figure of the same kind is "
        "published, so no change can be given."
    )
    # Then the like-for-like change on the restated 2010/11 baseline (line 803).
    assert sentences[1].startswith("Domestic abuse incidents rose 10.3% to 20,276 in 2013/14")
    assert findings.main_period_type(frame[frame["measure"] == "da_incidents"]) == (
        "financial_year"
    )


def test_data_quality_notes_name_documents_by_their_manifest_title(seed: pd.DataFrame):
    """The shipped manifest titles the agenda pack and dates it 8 July 2014; line 1099
    says "the rate in Kent is at 24%" against the table's 23% (line 801)."""
    columns = list(RECONCILIATION_COLUMNS)
    reconciliation = pd.DataFrame(
        [["duplicate", "marac_repeat_pct", "Kent", "2013/14", "2013/14", "24", "23", "percent",
          "disagrees", AGENDA_PACK, "line 1099", ""]],
        columns=columns,
    )  # fmt: skip
    titles = {AGENDA_PACK: "KCSP agenda pack, 8 July 2014"}
    notes = briefing.data_quality_notes(
        seed,
        ["marac_repeat_pct"],
        "Kent",
        reconciliation=reconciliation,
        titles=titles,
        dates={AGENDA_PACK: "2014-07-08"},
    )
    assert notes[1] == (
        "MARAC repeat rate, 2013/14: published as 24% in KCSP agenda pack (8 July 2014), "
        "line 1099 but as 23% elsewhere; 23% is used."
    )
    assert AGENDA_PACK not in " ".join(notes)
