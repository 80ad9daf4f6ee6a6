"""Charts survive what reports print: a "$" in a file name, a rate its counts contradict."""

from __future__ import annotations

import io
from pathlib import Path

from kcsp_analysis import load_measures
from kcsp_analysis.analysis.repeats import repeat_rates
from kcsp_analysis.briefing import charts as plots
from kcsp_analysis.build.extraction import run_extract
from kcsp_analysis.processed.reconciliation import read_reconciliation

# Test document written for kcsp-analysis's tests; figures invented. The sentence is
# worded as line 807 of the agenda pack, with a rate its counts contradict (301 of
# 1,310 is 23.0%, not 28%).
REPORT_NAME = "reports/2015-07-14_marac_$5k_to_$10k_bids.txt"
REPORT = (
    "Test document written for kcsp-analysis's tests; figures invented.\n\n"
    "In Kent (excluding Medway) over the last 12 months (Apr '14 - Mar '15) there have been "
    "1,310 Multi Agency Risk Assessment Conferences (MARACs) with 301 repeat cases (28%).\n"
)
# Truth file of the document: every figure it prints.
TRUTH = {
    ("marac_cases", "Kent", "2014/15"): 1310.0,
    ("marac_repeat_cases", "Kent", "2014/15"): 301.0,
    ("marac_repeat_pct", "Kent", "2014/15"): 28.0,
}


def _extracted(raw: Path, tmp_path: Path) -> Path:
    (raw / REPORT_NAME).write_text(REPORT, encoding="utf-8")
    out = tmp_path / "processed" / "measures.csv"
    run_extract(raw, out, require_manifest=True)
    return out


def test_the_document_gives_its_three_figures(raw_copy, tmp_path):
    frame = load_measures(_extracted(raw_copy, tmp_path))
    mine = frame[frame["source"] == REPORT_NAME]
    assert {(r.measure, r.area, r.period): r.value for r in mine.itertuples()} == TRUTH


def test_rate_contradicting_its_counts_is_flagged_and_charted(raw_copy, tmp_path):
    """Notebook 01 stopped: "'yerr' must not contain negative values"."""
    out = _extracted(raw_copy, tmp_path)
    checks = read_reconciliation(out.parent / "reconciliation.csv")
    rate = checks[checks["kind"] == "rate"]
    assert rate[["measure", "from_period", "stated", "status"]].values.tolist() == [
        ["marac_repeat_pct", "2014/15", 28.0, "disagrees"]
    ]
    assert rate["recomputed"].tolist() == [22.9771]  # 301 / 1310 * 100, to 4 decimals
    table = repeat_rates(load_measures(out, current=True), "Kent")
    row = table[(table["measure"] == "marac_repeat_pct") & (table["period"] == "2014/15")]
    assert row["ci_low"].isna().all()
    assert row["reading"].tolist() == [
        "the stated 28% disagrees with its counts (301 of 1310 is 23.0%): no interval; "
        "see `kcsp check`"
    ]
    figure = plots.plot_repeat_rates(table, "marac_repeat_pct")
    figure.savefig(io.BytesIO(), format="png")


def test_dollar_in_a_source_name_is_drawn_as_text(raw_copy, tmp_path):
    """A "$" in the source line was parsed as mathtext and stopped every briefing.

    The same test document with a rate that agrees with its counts (301 of 1,310 is 23%).
    """
    (raw_copy / REPORT_NAME).write_text(REPORT.replace("(28%)", "(23%)"), encoding="utf-8")
    out = tmp_path / "processed" / "measures.csv"
    run_extract(raw_copy, out)
    table = repeat_rates(load_measures(out, current=True), "Kent")
    figure = plots.plot_repeat_rates(table, "marac_repeat_pct")
    figure.savefig(io.BytesIO(), format="svg")
    texts = [t.get_text() for t in figure.texts]
    assert any("2015-07-14_marac_$5k_to_$10k_bids.txt" in t for t in texts), texts
