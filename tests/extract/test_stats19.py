"""STATS19 collision and casualty files: casualties by severity, month, year and area.

Files are generated under the DfT's names in both namings: the 2021 ``accident`` files
(``accident_index``, ``accident_severity``) and the renamed ``collision`` files with the
severity-adjustment columns. Expected counts are made here with the csv module.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from pathlib import Path

import pytest

from kcsp_analysis.build.extraction import run_extract
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.manifest import MANIFEST_COLUMNS
from tests.extract.open_data_files import stats19_rows, write_stats19

AREA_OF_CODE = {
    "E07000105": "Ashford",
    "E07000106": "Canterbury",
    "E07000107": "Dartford",
    "E07000108": "Dover",
    "E07000109": "Gravesham",
    "E07000110": "Maidstone",
    "E07000111": "Sevenoaks",
    "E07000112": "Folkestone and Hythe",
    "E07000113": "Swale",
    "E07000114": "Thanet",
    "E07000115": "Tonbridge and Malling",
    "E07000116": "Tunbridge Wells",
    "E06000035": "Medway",
}
SEVERITY = {"1": "road_deaths", "2": "seriously_injured", "3": "slightly_injured"}


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "stats19").mkdir(parents=True)
    (raw / "MANIFEST.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    rng = random.Random(19)
    collisions, casualties = stats19_rows(rng, 2015, 1500, old=True, adjusted=False)
    write_stats19(raw / "stats19", 2015, collisions, casualties, old=True)
    collisions, casualties = stats19_rows(rng, 2016, 1500, old=False, adjusted=True)
    write_stats19(raw / "stats19", 2016, collisions, casualties, old=False)
    return raw


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _independent(raw: Path, year: int, kind: str) -> tuple[Counter, Counter]:
    """Casualty counts and adjusted KSI by (measure, area, period), counted by hand."""
    collisions = _read(raw / "stats19" / f"dft-road-casualty-statistics-{kind}-{year}.csv")
    index = "accident_index" if kind == "accident" else "collision_index"
    where = {}
    for row in collisions:
        _day, month, yyyy = row["date"].split("/")
        if row["local_authority_ons_district"] in AREA_OF_CODE:
            where[row[index]] = (
                AREA_OF_CODE[row["local_authority_ons_district"]],
                f"{yyyy}-{month}",
            )
    counts: Counter = Counter()
    adjusted: Counter = Counter()
    for row in _read(raw / "stats19" / f"dft-road-casualty-statistics-casualty-{year}.csv"):
        if row[index] not in where:
            continue
        area, month = where[row[index]]
        areas = [area, "Kent and Medway"] + ([] if area == "Medway" else ["Kent"])
        measures = [SEVERITY[row["casualty_severity"]]]
        if row["casualty_severity"] in ("1", "2"):
            measures.append("ksi_casualties")
        ksi_adjusted = (
            1.0
            if row["casualty_severity"] == "1"
            else float(row.get("casualty_adjusted_severity_serious") or "nan")
        )
        for place in areas:
            for period in (month, month[:4]):
                for measure in measures:
                    counts[(measure, place, period)] += 1
                adjusted[(place, period)] += ksi_adjusted
    return counts, adjusted


def test_casualties_equal_an_independent_count(raw: Path, tmp_path: Path):
    frame = run_extract(raw, tmp_path / "out" / "measures.csv").measures
    got = {(r.measure, r.area, r.period): r.value for r in frame.itertuples()}
    for year, kind in ((2015, "accident"), (2016, "collision")):
        counts, adjusted = _independent(raw, year, kind)
        for key, value in counts.items():
            assert got[key] == value, key
        for (area, period), value in adjusted.items():
            if year == 2016:
                assert got[("ksi_casualties_adjusted", area, period)] == round(value)
            else:  # the 2021-style accident file has no adjustment columns
                assert ("ksi_casualties_adjusted", area, period) not in got
    # Annual totals are calendar years; months are YYYY-MM.
    assert set(frame.loc[frame["period_type"] == "calendar_year", "period"]) == {"2015", "2016"}
    assert frame.loc[frame["period"] == "2015", "period_start"].iloc[0] == "2015-01-01"
    # Collisions outside Kent and Medway are left out: only catalogue areas appear.
    assert set(frame["area"]) <= {*AREA_OF_CODE.values(), "Kent", "Kent and Medway"}


def test_ksi_collisions_count_collisions_not_casualties(raw: Path, tmp_path: Path):
    frame = run_extract(raw, tmp_path / "out" / "measures.csv").measures
    values = frame.set_index(["measure", "area", "period"])["value"]
    rows = _read(raw / "stats19" / "dft-road-casualty-statistics-accident-2015.csv")
    expected = sum(
        1
        for r in rows
        if r["local_authority_ons_district"] == "E07000112" and r["accident_severity"] in "12"
    )
    assert values[("ksi_collisions", "Folkestone and Hythe", "2015")] == expected
    source = frame[(frame["measure"] == "ksi_collisions") & (frame["period"] == "2015")]
    assert set(source["source"]) == {"stats19/dft-road-casualty-statistics-accident-2015.csv"}
    assert set(source["locator"]) == {"line 2-1501"}


def test_missing_adjustment_leaves_the_adjusted_figure_out(tmp_path: Path):
    raw = tmp_path / "raw"
    (raw / "stats19").mkdir(parents=True)
    (raw / "MANIFEST.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    collisions, casualties = stats19_rows(random.Random(3), 2017, 200, old=False, adjusted=True)
    in_kent = {
        c["collision_index"]
        for c in collisions
        if c["local_authority_ons_district"] in AREA_OF_CODE
    }
    # A slight casualty in Kent and Medway whose probability is blank.
    target = next(
        c for c in casualties if c["casualty_severity"] == "3" and c["collision_index"] in in_kent
    )
    target["casualty_adjusted_severity_serious"] = ""
    write_stats19(raw / "stats19", 2017, collisions, casualties, old=False)
    frame = run_extract(raw, tmp_path / "measures.csv").measures
    collision = next(c for c in collisions if c["collision_index"] == target["collision_index"])
    month = collision["date"][6:] + "-" + collision["date"][3:5]
    adjusted = frame[frame["measure"] == "ksi_casualties_adjusted"]
    area = AREA_OF_CODE[collision["local_authority_ons_district"]]
    assert adjusted[(adjusted["area"] == area) & (adjusted["period"] == month)].empty
    assert adjusted[(adjusted["area"] == "Kent and Medway") & (adjusted["period"] == "2017")].empty
    assert not adjusted[adjusted["period"] == month].empty  # other areas keep theirs
    unadjusted = frame[frame["measure"] == "ksi_casualties"]
    assert not unadjusted[unadjusted["period"] == month].empty


def test_partial_year_gives_its_months_only(tmp_path: Path):
    raw = tmp_path / "raw"
    (raw / "stats19").mkdir(parents=True)
    (raw / "MANIFEST.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    collisions, casualties = stats19_rows(random.Random(4), 2018, 300, old=False, adjusted=True)
    kept = [c for c in collisions if int(c["date"][3:5]) <= 6]
    indexes = {c["collision_index"] for c in kept}
    write_stats19(
        raw / "stats19",
        2018,
        kept,
        [c for c in casualties if c["collision_index"] in indexes],
        old=False,
    )
    frame = run_extract(raw, tmp_path / "measures.csv").measures
    assert set(frame["period"]) == {f"2018-{m:02d}" for m in range(1, 7)}


def test_bad_header_and_orphans_are_refused(tmp_path: Path):
    raw = tmp_path / "raw"
    (raw / "stats19").mkdir(parents=True)
    (raw / "MANIFEST.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    name = "stats19/dft-road-casualty-statistics-collision-2019.csv"
    (raw / name).write_text("index,date\n1,01/01/2019\n", encoding="utf-8")
    with pytest.raises(KcspError) as caught:
        run_extract(raw, tmp_path / "measures.csv")
    assert str(caught.value) == (
        f"{name}: line 1: not a STATS19 collision file: no column collision_index or "
        "accident_index in the header"
    )
    (raw / name).unlink()
    lonely = "stats19/dft-road-casualty-statistics-casualty-2019.csv"
    (raw / lonely).write_text("collision_index,casualty_severity\n1,2\n", encoding="utf-8")
    with pytest.raises(KcspError, match=r"casualty-2019\.csv: a casualty file is read with its"):
        run_extract(raw, tmp_path / "measures.csv")
    (raw / name).write_text(
        "collision_index,collision_severity,date,local_authority_ons_district\n"
        "2,3,01/01/2019,E07000105\n",
        encoding="utf-8",
    )
    with pytest.raises(KcspError, match=r"casualty-2019.csv: line 2: collision_index '1' is not"):
        run_extract(raw, tmp_path / "measures.csv")


def test_a_paper_and_stats19_giving_the_same_figure_are_reconciled(raw_copy: Path, tmp_path: Path):
    """The agenda pack gives Kent KSI casualties for 2013 as 594 (line 960)."""
    collisions, casualties = stats19_rows(random.Random(13), 2013, 1500, old=True, adjusted=False)
    write_stats19(raw_copy / "stats19", 2013, collisions, casualties, old=True)
    counts, _ = _independent(raw_copy, 2013, "accident")
    result = run_extract(raw_copy, tmp_path / "out" / "measures.csv")
    checks = result.reconciliation
    row = checks[
        (checks["kind"] == "duplicate")
        & (checks["measure"] == "ksi_casualties")
        & (checks["area"] == "Kent")
        & (checks["to_period"] == "2013")
    ]
    assert len(row) == 1
    assert row.iloc[0]["status"] == (
        "agrees" if counts[("ksi_casualties", "Kent", "2013")] == 594 else "disagrees"
    )
    assert {row.iloc[0]["stated"], row.iloc[0]["recomputed"]} == {
        594.0,
        float(counts[("ksi_casualties", "Kent", "2013")]),
    }
    assert (
        "stats19/dft-road-casualty-statistics-casualty-2013.csv"
        in row.iloc[0]["source"] + row.iloc[0]["note"]
    )


def test_a_date_not_in_the_published_form_is_refused_by_line(tmp_path: Path):
    raw = tmp_path / "raw"
    (raw / "stats19").mkdir(parents=True)
    (raw / "MANIFEST.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    name = "stats19/dft-road-casualty-statistics-collision-2019.csv"
    (raw / name).write_text(
        "collision_index,collision_severity,date,local_authority_ons_district\n"
        "1,3,01/01/2019,E07000105\n2,3,2019-01-02,E07000105\n",
        encoding="utf-8",
    )
    with pytest.raises(KcspError) as caught:
        run_extract(raw, tmp_path / "measures.csv")
    assert str(caught.value) == f"{name}: line 3: date '2019-01-02' is not dd/mm/yyyy"
