"""Golden file of every figure of the 8 July 2014 agenda pack, checked against the text.

tests/golden/2014-07-08_kcsp_agenda_pack.csv was read by hand from
data/raw/reports/2014-07-08_kcsp_agenda_pack.md; each row quotes its source line.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kcsp_analysis.extract import extract_report
from kcsp_analysis.processed.tables import format_number
from tests.conftest import AGENDA_PACK, SHIPPED_RAW, raw_line

GOLDEN = Path(__file__).parents[1] / "golden" / "2014-07-08_kcsp_agenda_pack.csv"
# Figures printed in words.
WORDS = {25.0: "a quarter"}


def _golden_rows() -> list[dict[str, str]]:
    with GOLDEN.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _printed_forms(value: float) -> list[str]:
    forms = [f"{value:,.0f}", f"{value:.0f}", f"{value:.1f}", format_number(value)]
    return [f for f in forms if float(f.replace(",", "")) == value]


@pytest.mark.parametrize("row", _golden_rows(), ids=lambda r: f"{r['locator']} {r['measure']}")
def test_golden_row_is_in_its_source_line(row):
    number = int(row["locator"].removeprefix("line "))
    assert raw_line(AGENDA_PACK, number).rstrip() == row["quote"]
    value = float(row["value"])
    forms = _printed_forms(value) + ([WORDS[value]] if value in WORDS else [])
    assert any(form in row["quote"] for form in forms), (value, row["quote"])


def test_extraction_matches_golden_file_exactly():
    extraction = extract_report(SHIPPED_RAW, AGENDA_PACK)
    found = sorted(
        (o.measure, o.area, o.period.label, format_number(o.value), o.qualifier, o.locator)
        for o in extraction.observations
    )
    expected = sorted(
        (r["measure"], r["area"], r["period"], r["value"], r["qualifier"], r["locator"])
        for r in _golden_rows()
    )
    assert found == expected


def test_figures_carry_their_printed_decimals_and_block_kind():
    """Seed 003 line 798 prints "24.0%" in the domestic abuse table (1 decimal); line 801
    prints "23%" in the MARAC table (none); line 1099 says the repeat rate "is at 24%",
    in a sentence."""
    extraction = extract_report(SHIPPED_RAW, AGENDA_PACK)
    by_place = {(o.measure, o.period.label, o.locator): o for o in extraction.observations}
    repeat_victims = by_place[("da_repeat_victims_pct", "2010/11", "line 798")]
    assert (repeat_victims.value, repeat_victims.decimals, repeat_victims.block) == (
        24.0,
        1,
        "table",
    )
    marac_table = [
        o
        for o in extraction.observations
        if o.measure == "marac_repeat_pct" and o.locator == "line 801"
    ]
    assert {(o.value, o.decimals, o.block) for o in marac_table} >= {(23.0, 0, "table")}
    marac_sentence = [o for o in extraction.observations if o.locator == "line 1099"]
    assert {(o.value, o.decimals, o.block) for o in marac_sentence} >= {(24.0, 0, "sentence")}
