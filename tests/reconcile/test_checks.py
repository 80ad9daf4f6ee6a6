"""Reconciliation of seed 003 (the July 2014 agenda pack) and of constructed cases.

Each expected value below is checked by hand against the line of the source it quotes.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kcsp_analysis.extract import extract_report
from kcsp_analysis.extract.records import Observation, Reading, StatedChange
from kcsp_analysis.periods import calendar_year, financial_year
from kcsp_analysis.processed.measures import observations_to_frame
from kcsp_analysis.processed.reconciliation import (
    disagreements_text,
    read_reconciliation,
    reconciliation_csv_text,
    summary_text,
)
from kcsp_analysis.reconcile.checks import check_sums, component_sums, reconcile
from kcsp_analysis.reconcile.current import select_current
from tests.conftest import AGENDA_PACK, SHIPPED_RAW, raw_line

FY10, FY11, FY12, FY13 = (financial_year(y) for y in (2010, 2011, 2012, 2013))


@pytest.fixture(scope="module")
def seed_reconciliation() -> pd.DataFrame:
    extraction = extract_report(SHIPPED_RAW, AGENDA_PACK)
    measures = observations_to_frame(extraction.observations)
    current, _ = select_current(measures, extraction.observations, extraction.amendments)
    return reconcile(
        extraction.observations, extraction.stated_changes, current, extraction.amendments
    )


def table_check(frame: pd.DataFrame, kind: str, measure: str, line: int) -> pd.Series:
    rows = frame[
        (frame["kind"] == kind)
        & (frame["measure"] == measure)
        & (frame["locator"] == f"line {line}")
        & (frame["source"] == AGENDA_PACK)
    ]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# (kind, measure, line, stated reading kept, status); the line's cells are in the comment.
SEED_TABLE_CHANGES = [
    # 763: ASB perception 4.5% 2.4% 2.0% ▼ 0.4 ▼ 2.5
    ("change", "asb_perception_high_pct", 763, -0.4, "agrees"),
    ("diff_to_baseline", "asb_perception_high_pct", 763, -2.5, "agrees"),
    # 769: ASB satisfaction 78.7% 82.2% 80.5% ▼ 1.6 <b>1.9</b> (arrow lost: up, 1.8 recomputed)
    ("change", "asb_satisfaction_pct", 769, -1.6, "within_rounding"),
    ("diff_to_baseline", "asb_satisfaction_pct", 769, 1.9, "within_rounding"),
    # 797: DA incidents 18,376 19259 20276 <b>▲</b> 5.3% <b>1</b> 0.3% (10.34%: "10.3")
    ("change", "da_incidents", 797, 5.3, "agrees"),
    ("diff_to_baseline", "da_incidents", 797, 10.3, "agrees"),
    # 798: DA repeat victims 24.0% 24.2% 24.8% ▲ 0.6 ▲ 0.8
    ("change", "da_repeat_victims_pct", 798, 0.6, "agrees"),
    ("diff_to_baseline", "da_repeat_victims_pct", 798, 0.8, "agrees"),
    # 801: MARAC repeats 14.9% 22.4% 23% ▲ 0.6 <b>▲</b> 8.1
    ("change", "marac_repeat_pct", 801, 0.6, "agrees"),
    ("diff_to_baseline", "marac_repeat_pct", 801, 8.1, "agrees"),
    # 898: theft 25,335 23,491 24,482 <b>4</b> .2% ▼ 3.4% (4.219%, -3.367%)
    ("change", "theft_and_handling", 898, 4.2, "agrees"),
    ("diff_to_baseline", "theft_and_handling", 898, -3.4, "agrees"),
    # 899: burglary 4,354 5,294 5,322 ▲ 0.5% <b>22.2%</b> (0.529%, 22.232%)
    ("change", "domestic_burglary", 899, 0.5, "agrees"),
    ("diff_to_baseline", "domestic_burglary", 899, 22.2, "agrees"),
    # 919: violent crime 16,715 17,537 23,914 <b>▲</b> 36.3% <b>43.0%</b> (36.363%, 43.069%)
    ("change", "violent_crime", 919, 36.3, "truncated"),
    ("diff_to_baseline", "violent_crime", 919, 43.0, "truncated"),
    # 920: VAP 14,946 15,660 21,199 ▲ 35.4% <b>4</b>1.8% (35.370%, 41.837%)
    ("change", "violence_against_the_person", 920, 35.4, "agrees"),
    ("diff_to_baseline", "violence_against_the_person", 920, 41.8, "agrees"),
    # 960: KSI 547 524 594 <b>1</b> 3% <b>4</b> 9% (13.36%: "13"; 8.59%: up 9, not 49)
    ("change", "ksi_casualties", 960, 13.0, "agrees"),
    ("diff_to_baseline", "ksi_casualties", 960, 9.0, "agrees"),
]


@pytest.mark.parametrize(("kind", "measure", "line", "stated", "status"), SEED_TABLE_CHANGES)
def test_every_table_change_of_seed_003_is_reconciled(
    seed_reconciliation, kind, measure, line, stated, status
):
    row = table_check(seed_reconciliation, kind, measure, line)
    assert row["stated"] == pytest.approx(stated)
    assert row["status"] == status


def test_no_stated_change_of_seed_003_disagrees(seed_reconciliation):
    changes = seed_reconciliation[seed_reconciliation["kind"].isin(["change", "diff_to_baseline"])]
    assert len(changes) >= len(SEED_TABLE_CHANGES)
    assert "disagrees" not in set(changes["status"])


def test_garbled_arrow_keeps_the_reading_that_agrees(seed_reconciliation):
    """Line 960 prints "<b>4</b> 9%" for 547 -> 594: up 9%, and the note says 49 was
    the rejected reading."""
    assert "<b>4</b> 9%" in raw_line(AGENDA_PACK, 960)
    row = table_check(seed_reconciliation, "diff_to_baseline", "ksi_casualties", 960)
    assert row["recomputed"] == pytest.approx(8.5923)
    assert "read as 9 (leading 4 is a misread up arrow)" in row["note"]
    assert "49 (leading 4 is the first digit, arrow lost: up) disagrees" in row["note"]


def test_truncated_violent_crime_change_says_so(seed_reconciliation):
    """Line 919: "<b>43.0%</b>" for 16,715 -> 23,914 (43.07%): consistent only if cut."""
    assert "<b>43.0%</b>" in raw_line(AGENDA_PACK, 919)
    row = table_check(seed_reconciliation, "diff_to_baseline", "violent_crime", 919)
    assert row["recomputed"] == pytest.approx(43.0691)
    assert "rounded it would be 43.1: agrees only if the report truncated" in row["note"]


def test_marac_rate_of_24_against_the_table_23_disagrees(seed_reconciliation):
    """Line 1099: "the rate in Kent is at 24%"; line 801's table prints 23% for 2013/14."""
    assert "the rate in Kent is at 24%" in raw_line(AGENDA_PACK, 1099)
    rows = seed_reconciliation[
        (seed_reconciliation["kind"] == "duplicate")
        & (seed_reconciliation["measure"] == "marac_repeat_pct")
        & (seed_reconciliation["locator"] == "line 1099")
    ]
    assert rows[["stated", "recomputed", "status"]].values.tolist() == [[24.0, 23.0, "disagrees"]]
    assert "line 801, the value kept" in rows.iloc[0]["note"]


def test_exceeded_19000_is_consistent_with_19259(seed_reconciliation):
    """Line 617: "during 2012/13 exceeded 19,0006" (footnote 6); line 797: 19259."""
    rows = seed_reconciliation[
        (seed_reconciliation["kind"] == "approximate")
        & (seed_reconciliation["measure"] == "da_incidents")
        & (seed_reconciliation["from_period"] == "2012/13")
    ]
    assert rows[["stated", "recomputed", "status"]].values.tolist() == [
        [19000.0, 19259.0, "agrees"]
    ]


def test_amended_baseline_is_not_a_conflict(seed_reconciliation):
    """Line 962: "the January to December 2010 baseline has been amended from 545 to 547"."""
    duplicates = seed_reconciliation[seed_reconciliation["kind"] == "duplicate"]
    assert 545.0 not in set(duplicates["stated"])


def obs(measure, area, period, value, line, quote="", qualifier=""):
    return Observation(measure, area, period, value, qualifier, AGENDA_PACK, f"line {line}", quote)


def test_killed_plus_seriously_injured_sum_to_ksi():
    """Line 643: "In Kent in 2012, 50 people died, 474 people were seriously injured";
    line 960: KSI 2012 = 524. 50 + 474 = 524."""
    y2012 = calendar_year(2012)
    frame = observations_to_frame(
        [
            obs("road_deaths", "Kent", y2012, 50, 643),
            obs("seriously_injured", "Kent", y2012, 474, 643),
            obs("ksi_casualties", "Kent", y2012, 524, 960),
        ]
    )
    (check,) = check_sums(frame, component_sums())
    assert (check.kind, check.stated, check.recomputed, check.status) == ("sum", 524, 524, "agrees")
    assert check.locator == "line 960"
    assert "road_deaths Kent 50" in check.note and "seriously_injured Kent 474" in check.note


def test_districts_that_do_not_add_up_to_kent_disagree_and_missing_ones_are_unverifiable():
    districts = next(r for r in component_sums() if r.rule == "kent_is_its_districts").parts
    rows = [obs("da_incidents", area, FY13, 1600, 10) for _, area in districts]
    rows.append(obs("da_incidents", "Kent", FY13, 20276, 797))
    (check,) = check_sums(observations_to_frame(rows), component_sums())
    assert (check.recomputed, check.status) == (19200, "disagrees")
    (partial,) = check_sums(observations_to_frame(rows[:3] + rows[-1:]), component_sums())
    assert partial.status == "unverifiable"
    assert partial.note.startswith("kent_is_its_districts: no figure for da_incidents Dover")


def test_percentages_are_never_summed():
    rows = [obs("marac_repeat_pct", a, FY13, 20, 1) for a in ("Kent", "Medway", "Kent and Medway")]
    assert check_sums(observations_to_frame(rows), component_sums()) == []


def test_change_without_its_figures_is_unverifiable():
    """Line 807: "a 15.3% increase in the number of cases heard at MARAC": the 2012/13
    count is not printed anywhere."""
    change = StatedChange(
        "change",
        "marac_cases",
        "Kent",
        FY12,
        FY13,
        "15.3% increase",
        (Reading(15.3, "percent", 1, "words"),),
        AGENDA_PACK,
        "line 807",
    )
    observations = [obs("marac_cases", "Kent", FY13, 1229, 807, "there have been 1,229")]
    frame = reconcile(observations, [change], observations_to_frame(observations))
    row = frame[frame["kind"] == "change"].iloc[0]
    assert (row["status"], row["note"]) == ("unverifiable", "no exact figure for 2012/13")


def test_reconciliation_file_round_trips_and_reports_disagreements(seed_reconciliation, tmp_path):
    path = tmp_path / "reconciliation.csv"
    path.write_text(reconciliation_csv_text(seed_reconciliation), encoding="utf-8")
    first = path.read_bytes()
    back = read_reconciliation(path)
    path.write_text(reconciliation_csv_text(back), encoding="utf-8")
    assert path.read_bytes() == first
    assert summary_text(back).startswith(f"{len(back)} checks by kind and status:")
    (line,) = [t for t in disagreements_text(back) if "marac_repeat_pct" in t]
    assert line.startswith(
        f"- duplicate marac_repeat_pct Kent 2013/14: 24 at {AGENDA_PACK} line 1099 against 23;"
    )


def test_disagreement_on_a_figure_whose_period_came_from_context_says_so():
    """Constructed case: a table prints 1,229 MARAC cases for 2013/14 (as line 807's
    sentence does) while a sentence gives 1,300 whose period was read from its paragraph,
    not beside it. The disagreement may be the reading's, so the note says so; an
    agreeing pair carries no such words."""
    from dataclasses import replace

    table = replace(obs("marac_cases", "Kent", FY13, 1229, 802), block="table")
    sentence = replace(obs("marac_cases", "Kent", FY13, 1300, 807), bound_by="paragraph")
    observations = [table, sentence]
    measures = observations_to_frame(observations)
    current, _ = select_current(measures, observations, [])
    frame = reconcile(observations, [], current)
    row = frame[frame["kind"] == "duplicate"].iloc[0]
    assert row["status"] == "disagrees"
    assert row["note"].endswith(
        "the period and area of 1300 (line 807) were taken from its paragraph, not beside it"
    )

    agreeing = [table, replace(sentence, value=1229.0)]
    current, _ = select_current(observations_to_frame(agreeing), agreeing, [])
    row = reconcile(agreeing, [], current).query("kind == 'duplicate'").iloc[0]
    assert row["status"] == "agrees" and "taken from" not in row["note"]
