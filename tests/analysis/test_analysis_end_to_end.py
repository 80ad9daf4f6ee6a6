"""The analysis on the figures extracted from the shipped reports (current view)."""

from __future__ import annotations

import pytest

import kcsp_analysis
from kcsp_analysis.analysis import compare, latest_comparisons, repeat_rates
from kcsp_analysis.build.extraction import run_extract
from tests.conftest import SHIPPED_RAW


@pytest.fixture(scope="module")
def current(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed") / "measures.csv"
    run_extract(SHIPPED_RAW, out)
    return kcsp_analysis.load_measures(out, current=True)


def test_ksi_change_from_the_extracted_table(current):
    """Seed 003 line 960: 524 (2012) and 594 (2013): p = 0.039."""
    result = compare(current, "ksi_casualties", "Kent", "2012", "2013")
    assert result.p_value == pytest.approx(0.0390, abs=5e-5)
    assert result.sources[1].endswith("line 960")


def test_domestic_abuse_sentence_from_the_extracted_table(current):
    """Seed 003 line 797: 19259 and 20276, printed "▲ 5.3%"."""
    found = latest_comparisons(current, "da_incidents", "Kent")
    assert found["year_on_year"].sentence.startswith(
        "Domestic abuse incidents rose 5.3% to 20,276 in 2013/14 compared with 2012/13, "
        "more than chance variation would explain."
    )
    assert found["year_on_year"].crosses_break


def test_marac_repeat_rate_2013_14_from_the_extracted_report(current):
    """Seed 003 line 807: 283 of 1,229; below the CAADA range (line 1099)."""
    table = repeat_rates(current, "Kent")
    row = table[(table["measure"] == "marac_repeat_pct") & (table["period"] == "2013/14")]
    assert (row["k"].item(), row["n"].item()) == (283, 1229)
    assert row["ci_high"].item() < 28
