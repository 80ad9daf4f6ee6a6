"""The monthly section of a briefing, from police.uk files generated in the published layout."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from kcsp_analysis.briefing.monthly import monthly_measures, monthly_section, source_label
from kcsp_analysis.build.extraction import run_extract
from kcsp_analysis.extract.manifest import MANIFEST_COLUMNS
from tests.extract.open_data_files import POLICEUK_HEADER, policeuk_rows, write_csv

MONTHS = [f"2015-{m:02d}" for m in range(1, 13)] + ["2016-01", "2016-02"]


@pytest.fixture(scope="module")
def open_data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    raw = tmp_path_factory.mktemp("monthly") / "raw"
    raw.mkdir()
    (raw / "MANIFEST.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    rng = random.Random(12)
    for period in MONTHS:
        rows = policeuk_rows(rng, period, 400 + (200 if period == "2016-02" else 0))
        write_csv(raw / "policeuk" / period / f"{period}-kent-street.csv", POLICEUK_HEADER, rows)
    population = raw / "population" / "mid_2016.csv"
    population.parent.mkdir()
    population.write_text(
        "area,mid_year,all_ages,females_16_plus\nE07000105,2016,125000,\nDover,2016,112000,\n",
        encoding="utf-8",
    )
    measures = run_extract(raw, raw.parent / "out" / "measures.csv").measures
    return raw, measures


def _count(raw: Path, months: list[str], prefix: str, crime_type: str) -> int:
    total = 0
    for period in months:
        path = raw / "policeuk" / period / f"{period}-kent-street.csv"
        with open(path, encoding="utf-8", newline="") as handle:
            total += sum(
                1
                for r in csv.DictReader(handle)
                if r["Crime type"] == crime_type and r["LSOA name"].startswith(prefix + " ")
            )
    return total


def test_measures_with_twelve_months_get_the_section(open_data):
    raw, frame = open_data
    assert monthly_measures(frame, ["burglary", "domestic_burglary"], "Kent") == ["burglary"]
    parts = monthly_section(frame, ["burglary"], "Kent", raw / "population")
    kinds = [kind for kind, _ in parts]
    assert kinds == ["heading", "sentences", "chart", "table"]
    assert parts[0][1] == "Burglary (police.uk), monthly (police.uk street-level files)"
    sentences = parts[1][1]
    assert sentences[0].startswith("Burglary (police.uk): 14 months from 2015-01 to 2016-02")
    assert "seasons" in sentences[-1]


def test_a_jump_in_the_last_month_is_named_in_words(open_data):
    raw, frame = open_data
    # The last month has 600 rows where the others have 400: a point above the limit. The
    # jump's moving range (557 - 364 = 193) is over 3.267 times the mean moving range, so
    # it is screened out of the limits (as NHSRplotthedots does); the limits, 386 +/- 15.3,
    # then also leave the lowest months (367, 370, 364, 364) below the lower limit.
    sentences = monthly_section(frame, ["all_crime"], "Kent and Medway", raw / "population")[1][1]
    assert "5 months outside the process limits:" in sentences[1]
    assert "2016-02 (high)" in sentences[1]
    assert "2015-02 (low)" in sentences[1]


def test_district_rates_per_1000_are_the_count_over_residents(open_data):
    raw, frame = open_data
    parts = monthly_section(frame, ["burglary"], "Kent", raw / "population")
    caption, table = parts[3][1]
    assert caption == "Burglary (police.uk) by district, 2015-03 to 2016-02"
    window = MONTHS[2:]
    rows = table.set_index("Area")
    ashford = _count(raw, window, "Ashford", "Burglary")
    assert rows.loc["Ashford", "Count"] == f"{ashford:,}"
    assert rows.loc["Ashford", "Per 1,000 a year"] == f"{ashford / 125000 * 1000:.1f}"
    assert rows.loc["Ashford", "Residents (mid-year)"] == "125,000 (2016)"
    assert rows.loc["Canterbury", "Per 1,000 a year"] == "[x]"  # no estimate given
    assert len(rows) == 13  # 12 districts and Medway


def test_source_labels():
    assert (
        source_label("policeuk/2015-01/2015-01-kent-street.csv") == "police.uk street-level files"
    )
    assert source_label("reports/2014-07-08_kcsp_agenda_pack.md") == "committee paper"


def test_funnel_plot_where_every_area_has_an_estimate(open_data, tmp_path: Path):
    raw, frame = open_data
    codes = [f"E07000{n}" for n in range(105, 117)] + ["E06000035"]
    folder = tmp_path / "population"
    folder.mkdir()
    lines = ["area,mid_year,all_ages"] + [f"{code},2016,100000" for code in codes]
    (folder / "mye.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = monthly_section(frame, ["burglary"], "Kent", folder)
    assert [kind for kind, _ in parts] == [
        "heading",
        "sentences",
        "chart",
        "sentences",
        "chart",
        "table",
    ]
    prefixes = ["Ashford", "Canterbury", "Dartford", "Dover", "Shepway", "Folkestone and Hythe",
                "Gravesham", "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling",
                "Tunbridge Wells", "Medway"]  # fmt: skip
    total = sum(_count(raw, MONTHS[2:], p, "Burglary") for p in prefixes)
    pooled = total / 1_300_000 * 1000
    assert (
        parts[3][1][0]
        == f"Burglary (police.uk): pooled rate {pooled:.1f} per 1,000 residents a year."
    )
