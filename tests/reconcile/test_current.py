"""The current view: one value per measure, area and period, and the revisions behind it.

End-to-end tests run ``kcsp extract`` on a copy of data/raw with figures files written
here; the report figures they revise are quoted from seed 003 (the July 2014 pack).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kcsp_analysis import load_measures, load_revisions
from kcsp_analysis.build.extraction import run_extract
from kcsp_analysis.cli import main
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.manifest import read_manifest
from kcsp_analysis.extract.records import Amendment, Observation
from kcsp_analysis.periods import calendar_year, financial_year
from kcsp_analysis.processed.measures import observations_to_frame
from kcsp_analysis.reconcile.current import document_dates, select_current
from tests.conftest import AGENDA_PACK

FY13 = financial_year(2013)
HEADER = "measure,area,period,value,qualifier,note\n"


def obs(
    value, source, locator, qualifier="", measure="da_incidents", period=FY13, block="sentence"
):
    return Observation(measure, "Kent", period, value, qualifier, source, locator, block=block)


def choose(observations, amendments=(), dates=None):
    frame = observations_to_frame(observations)
    return select_current(frame, observations, amendments, dates or {})


def test_table_figure_beats_sentence_figure_in_the_same_document():
    """Seed 003: the MARAC table (line 801) prints 23%, the paper (line 1099) says 24%."""
    current, revisions = choose(
        [
            obs(23.0, AGENDA_PACK, "line 801", measure="marac_repeat_pct", block="table"),
            obs(24.0, AGENDA_PACK, "line 1099", measure="marac_repeat_pct"),
        ],
    )
    assert current["value"].tolist() == [23.0]
    assert revisions[["value", "kept_value", "locator"]].values.tolist() == [
        [24.0, 23.0, "line 1099"]
    ]
    assert revisions["reason"].iloc[0] == (
        "a performance-table figure beats a sentence figure in the same document; different value"
    )


def test_exact_beats_approximate():
    """Seed 003 line 617: "exceeded 19,0006"; line 797: 19259 for 2012/13."""
    current, revisions = choose(
        [
            obs(19000, AGENDA_PACK, "line 617", "more_than", period=financial_year(2012)),
            obs(19259, AGENDA_PACK, "line 797", period=financial_year(2012)),
        ],
    )
    assert current["value"].tolist() == [19259.0]
    assert revisions["reason"].iloc[0].startswith("an exact figure beats an approximate one")


def test_amendment_supersedes_the_old_value():
    """Seed 003 line 962: "the January to December 2010 baseline has been amended from 545
    to 547"; the table at line 960 prints 547."""
    y2010 = calendar_year(2010)
    old = obs(545, AGENDA_PACK, "line 962", measure="ksi_casualties", period=y2010)
    new = obs(547, AGENDA_PACK, "line 962", measure="ksi_casualties", period=y2010)
    current, revisions = choose(
        [old, obs(547, "reports/later.md", "line 3", measure="ksi_casualties", period=y2010)],
        [Amendment(old, new, AGENDA_PACK, "line 962")],
        {AGENDA_PACK: "2014-07-08", "reports/later.md": "2013-01-01"},
    )
    assert current["value"].tolist() == [547.0]
    assert revisions["reason"].iloc[0] == (
        f"amended from 545 to 547 ({AGENDA_PACK} line 962); different value"
    )


def test_later_document_wins_whatever_its_kind():
    """A figures file of 2014-10-01 loses to a July 2015 report revising the same figure
    (the case of issue 11); the same file beats the July 2014 pack, which is older."""
    later_report = "reports/2015-07-01_marac_update.md"
    figures = "figures/2014-10-01_q2.csv"
    current, revisions = choose(
        [
            obs(20276, AGENDA_PACK, "line 797"),
            obs(20301, figures, "row 2"),
            obs(20100, later_report, "line 9"),
        ],
        dates={AGENDA_PACK: "2014-07-08", figures: "2014-10-01", later_report: "2015-07-01"},
    )
    assert current["source"].tolist() == [later_report]
    reasons = dict(zip(revisions["source"], revisions["reason"], strict=True))
    assert reasons[figures] == (
        "a later document (2015-07-01) revises an earlier one (2014-10-01); different value"
    )
    assert reasons[AGENDA_PACK] == (
        "a later document (2015-07-01) revises an earlier one (2014-07-08); different value"
    )


def test_figures_file_beats_a_report_of_the_same_date_and_later_beats_undated():
    figures = "figures/2014-07-08_pack_corrections.csv"
    current, revisions = choose(
        [obs(20276, AGENDA_PACK, "line 797"), obs(20301, figures, "row 2")],
        dates={AGENDA_PACK: "2014-07-08", figures: "2014-07-08"},
    )
    assert current["source"].tolist() == [figures]
    assert revisions["reason"].tolist() == [
        "a figures file revises the reports of the same date; different value"
    ]
    _, revisions = choose(
        [obs(20276, AGENDA_PACK, "line 797"), obs(20100, "reports/undated.md", "line 9")],
        dates={AGENDA_PACK: "2014-07-08"},
    )
    assert revisions["source"].tolist() == ["reports/undated.md"]
    assert revisions["reason"].iloc[0] == (
        "a later document (2014-07-08) revises an earlier one (undated); different value"
    )


def test_document_dates_come_from_the_manifest_then_the_name(raw_copy):
    files = [AGENDA_PACK, "reports/undated_scrutiny_committee_csa_2015-18_minutes.txt"]
    dates = document_dates([*files, "figures/2014-09_q2.csv"], read_manifest(raw_copy))
    assert dates == {
        AGENDA_PACK: "2014-07-08",
        files[1]: "",  # "2015-18" is a span of years, not a date
        "figures/2014-09_q2.csv": "2014-09-01",
    }


def write_figures(raw: Path, name: str, body: str) -> None:
    (raw / "figures").mkdir(exist_ok=True)
    (raw / "figures" / name).write_text(HEADER + body, encoding="utf-8")


def test_revising_figures_file_reaches_the_current_view(raw_copy, tmp_path):
    """A figures file revises DA incidents 2013/14 (20276 at seed 003 line 797) to 20301
    and adds a quarter no report has; both are current after one `kcsp extract`."""
    write_figures(
        raw_copy,
        "2014-10-01_q1.csv",
        'da_incidents,Kent excluding Medway,2013/14,"20,301",,revised\n'
        'da_incidents,Kent,2014/15 Q1,"5,210",,\n',
    )
    out = tmp_path / "processed" / "measures.csv"
    result = run_extract(raw_copy, out)
    everything = load_measures(out)
    current = load_measures(out, current=True)
    assert len(everything) == len(current) + len(load_revisions(out))
    assert not current.duplicated(["measure", "area", "period"]).any()
    da = current[(current["measure"] == "da_incidents") & (current["area"] == "Kent")]
    assert da.set_index("period")["value"].to_dict()["2013/14"] == 20301.0
    assert da.set_index("period")["value"].to_dict()["2014/15 Q1"] == 5210.0
    revised = load_revisions(out)
    row = revised[(revised["source"] == AGENDA_PACK) & (revised["locator"] == "line 797")]
    row = row[row["period"] == "2013/14"]
    assert row[["value", "kept_value", "kept_source"]].values.tolist() == [
        [20276.0, 20301.0, "figures/2014-10-01_q1.csv"]
    ]
    log = pd.read_csv(out.parent / "extraction_log.csv", dtype=str, keep_default_na=False)
    assert log[log["source"] == "figures/2014-10-01_q1.csv"][
        ["locator", "block", "status", "figures"]
    ].values.tolist() == [["row 2-3", "sheet", "used", "2"]]
    # The revision is a visible conflict; the report's own change still agrees with the
    # report's own figures (line 797: 19259 -> 20276, "5.3%").
    rec = result.reconciliation
    dup = rec[(rec["kind"] == "duplicate") & (rec["measure"] == "da_incidents")]
    assert ("disagrees", 20276.0, 20301.0) in set(
        zip(dup["status"], dup["stated"], dup["recomputed"], strict=True)
    )
    change = rec[(rec["kind"] == "change") & (rec["locator"] == "line 797")]
    assert change["status"].tolist() == ["agrees"]


def test_conflicting_figures_files_later_wins_and_check_strict_fails(raw_copy, tmp_path, capsys):
    write_figures(raw_copy, "2014-09-01_a.csv", "road_deaths,Kent,2013,51,,\n")
    write_figures(raw_copy, "2014-12-01_b.csv", "road_deaths,Kent,2013,53,,\n")
    out = tmp_path / "measures.csv"
    assert main(["extract", "--raw", str(raw_copy), "--out", str(out)]) == 0
    current = load_measures(out, current=True)
    kept = current[(current["measure"] == "road_deaths") & (current["period"] == "2013")]
    assert kept[["value", "source"]].values.tolist() == [[53.0, "figures/2014-12-01_b.csv"]]
    capsys.readouterr()
    assert main(["check", "--processed", str(tmp_path)]) == 0
    assert main(["check", "--strict", "--processed", str(tmp_path)]) == 1
    printed = capsys.readouterr().out
    assert (
        "- duplicate road_deaths Kent 2013: 51 at figures/2014-09-01_a.csv row 2 against 53; "
        "values differ; vs figures/2014-12-01_b.csv row 2, the value kept"
    ) in printed


def test_invalid_figures_file_writes_nothing(raw_copy, tmp_path):
    out = tmp_path / "processed" / "measures.csv"
    run_extract(raw_copy, out)
    before = {p.name: p.read_bytes() for p in out.parent.iterdir() if p.is_file()}
    write_figures(
        raw_copy, "bad.csv", "da_incidents,Kent,2013/14,20276,,\nda_incidents,X,2013,1,,\n"
    )
    with pytest.raises(KcspError, match=r"^figures/bad.csv: row 3: unknown area 'X'"):
        run_extract(raw_copy, out)
    assert {p.name: p.read_bytes() for p in out.parent.iterdir() if p.is_file()} == before


def test_rerun_is_byte_identical(raw_copy, tmp_path):
    write_figures(raw_copy, "2014-10-01_q1.csv", "da_incidents,Kent,2014/15 Q1,5210,,\n")
    first, second = tmp_path / "a" / "measures.csv", tmp_path / "b" / "measures.csv"
    run_extract(raw_copy, first)
    run_extract(raw_copy, second)
    for name in ("measures.csv", "reconciliation.csv", "revisions.csv", "extraction_log.csv"):
        assert (first.parent / name).read_bytes() == (second.parent / name).read_bytes(), name


def test_template_command_writes_a_template_that_extract_accepts(raw_copy, tmp_path, capsys):
    target = raw_copy / "figures" / "next.xlsx"
    target.parent.mkdir(exist_ok=True)
    assert main(["template", str(target)]) == 0
    assert main(["template", str(target)]) == 2
    assert "exists already" in capsys.readouterr().err
    result = run_extract(raw_copy, tmp_path / "measures.csv")
    assert not any(o.source.startswith("figures/") for o in result.extraction.observations)
