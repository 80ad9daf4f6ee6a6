"""police.uk street-level files: counts by month, crime type and area, against plain csv.

Files are generated in the archive's layout (``YYYY-MM/YYYY-MM-kent-street.csv``) with its
quirks: ASB rows with no Crime ID, rows with no location or LSOA, LSOAs of authorities
over the border, Folkestone and Hythe as ``Shepway``, a byte-order mark, a missing month.
The expected counts are made independently here, with the csv module and a hand-written
district list.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from pathlib import Path

import pytest

from kcsp_analysis.build.extraction import run_extract
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract import policeuk
from kcsp_analysis.extract.manifest import MANIFEST_COLUMNS
from tests.extract.open_data_files import POLICEUK_HEADER, policeuk_rows, write_csv

DISTRICT_OF_PREFIX = {
    "Ashford": "Ashford",
    "Canterbury": "Canterbury",
    "Dartford": "Dartford",
    "Dover": "Dover",
    "Shepway": "Folkestone and Hythe",
    "Folkestone and Hythe": "Folkestone and Hythe",
    "Gravesham": "Gravesham",
    "Maidstone": "Maidstone",
    "Sevenoaks": "Sevenoaks",
    "Swale": "Swale",
    "Thanet": "Thanet",
    "Tonbridge and Malling": "Tonbridge and Malling",
    "Tunbridge Wells": "Tunbridge Wells",
}
MONTHS = ("2014-01", "2014-02", "2014-04")  # 2014-03 has no file


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "MANIFEST.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    return raw


@pytest.fixture
def street_files(tmp_path: Path) -> Path:
    raw = _raw(tmp_path)
    rng = random.Random(16)
    for number, period in enumerate(MONTHS):
        path = raw / "policeuk" / period / f"{period}-kent-street.csv"
        write_csv(path, POLICEUK_HEADER, policeuk_rows(rng, period, 900), bom=number == 0)
    # Files of the same download that are not counted.
    outcomes = raw / "policeuk" / "2014-01" / "2014-01-kent-outcomes.csv"
    outcomes.write_text("Crime ID,Month\n", encoding="utf-8")
    return raw


def _independent_counts(raw: Path) -> Counter:
    """Count (measure, area, month) from the generated files with the csv module."""
    measure_of = {
        "Anti-social behaviour": "asb_incidents",
        "Bicycle theft": "bicycle_theft",
        "Burglary": "burglary",
        "Criminal damage and arson": "criminal_damage_and_arson",
        "Drugs": "drugs",
        "Other crime": "other_crime",
        "Other theft": "other_theft",
        "Possession of weapons": "possession_of_weapons",
        "Public order": "public_order",
        "Robbery": "robbery",
        "Shoplifting": "shoplifting",
        "Theft from the person": "theft_from_the_person",
        "Vehicle crime": "vehicle_crime",
        "Violence and sexual offences": "violence_and_sexual_offences",
    }
    counts: Counter = Counter()
    for path in sorted(raw.glob("policeuk/*/*-kent-street.csv")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                measures = [measure_of[row["Crime type"]]]
                if row["Crime type"] != "Anti-social behaviour":
                    measures.append("all_crime")
                prefix = row["LSOA name"].rsplit(" ", 1)[0] if row["LSOA name"] else ""
                areas = ["Kent and Medway"]
                if prefix in DISTRICT_OF_PREFIX:
                    areas += [DISTRICT_OF_PREFIX[prefix], "Kent"]
                elif prefix == "Medway":
                    areas.append("Medway")
                for measure in measures:
                    for area in areas:
                        counts[(measure, area, row["Month"])] += 1
    return counts


def test_counts_equal_an_independent_count_of_the_rows(street_files: Path, tmp_path: Path):
    result = run_extract(street_files, tmp_path / "out" / "measures.csv")
    frame = result.measures[result.measures["source"].str.startswith("policeuk/")]
    expected = _independent_counts(street_files)
    got = {(r.measure, r.area, r.period): r.value for r in frame.itertuples()}
    for key, value in expected.items():
        assert got[key] == value, key
    # Every other figure of a month with a file is a true zero: no row of that type there.
    assert all(value == 0 for key, value in got.items() if key not in expected)
    assert set(frame["period"]) == set(MONTHS)
    assert set(frame["period_type"]) == {"month"}
    # 15 measures (14 types and all_crime) by 15 areas (12 districts, Medway, Kent, force).
    assert len(frame) == 3 * 15 * 15


def test_asb_rows_without_crime_id_and_rows_without_location_count(
    street_files: Path, tmp_path: Path
):
    result = run_extract(street_files, tmp_path / "out" / "measures.csv")
    frame = result.measures.set_index(["measure", "area", "period"])["value"]
    path = street_files / "policeuk" / "2014-01" / "2014-01-kent-street.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    asb = [r for r in rows if r["Crime type"] == "Anti-social behaviour"]
    assert asb and all(r["Crime ID"] == "" for r in asb)
    assert frame[("asb_incidents", "Kent and Medway", "2014-01")] == len(asb)
    no_lsoa = [r for r in rows if r["LSOA name"] == ""]
    assert no_lsoa  # counted in the force total only
    assert frame[("all_crime", "Kent and Medway", "2014-01")] == len(rows) - len(asb)


def test_kent_is_its_districts_and_the_force_is_every_row(street_files: Path, tmp_path: Path):
    frame = run_extract(street_files, tmp_path / "out" / "measures.csv").measures
    values = frame.set_index(["measure", "area", "period"])["value"]
    districts = [*DISTRICT_OF_PREFIX.values()]
    for period in MONTHS:
        kent = sum(values[("burglary", d, period)] for d in set(districts))
        assert values[("burglary", "Kent", period)] == kent
        path = street_files / "policeuk" / period / f"{period}-kent-street.csv"
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        total = values[("all_crime", "Kent and Medway", period)]
        assert total + values[("asb_incidents", "Kent and Medway", period)] == len(lines) - 1


def test_missing_month_is_a_gap_and_named(street_files: Path, tmp_path: Path):
    result = run_extract(street_files, tmp_path / "out" / "measures.csv")
    assert "2014-03" not in set(result.measures["period"])
    files = list(result.manifest.unlisted)
    assert policeuk.missing_months(files) == ["2014-03"]


def test_the_build_names_the_missing_month(street_files: Path, tmp_path: Path, capsys):
    from kcsp_analysis.cli import main

    code = main(["extract", "--raw", str(street_files), "--out", str(tmp_path / "m.csv")])
    assert code == 0
    assert "no police.uk file for 2014-03" in capsys.readouterr().err


def test_source_and_locator_span_the_file(street_files: Path, tmp_path: Path):
    frame = run_extract(street_files, tmp_path / "out" / "measures.csv").measures
    row = frame[(frame["area"] == "Kent") & (frame["period"] == "2014-02")].iloc[0]
    assert row["source"] == "policeuk/2014-02/2014-02-kent-street.csv"
    assert row["locator"] == "line 2-901"  # 900 rows under the header


def test_bad_header_is_refused_naming_the_file(tmp_path: Path):
    raw = _raw(tmp_path)
    path = raw / "policeuk" / "2014-05-kent-street.csv"
    path.parent.mkdir(parents=True)
    path.write_text("Crime ID,Month,Crime type\n,2014-05,Burglary\n", encoding="utf-8")
    with pytest.raises(KcspError) as caught:
        run_extract(raw, tmp_path / "out" / "measures.csv")
    message = str(caught.value)
    assert message.startswith("policeuk/2014-05-kent-street.csv: line 1: not the published")
    assert not (tmp_path / "out" / "measures.csv").exists()


def test_row_of_another_month_and_unknown_type_are_refused(tmp_path: Path):
    raw = _raw(tmp_path)
    rows = policeuk_rows(random.Random(1), "2014-05", 3)
    rows[2]["Month"] = "2014-06"
    write_csv(raw / "policeuk" / "2014-05-kent-street.csv", POLICEUK_HEADER, rows)
    with pytest.raises(KcspError, match=r"line 4: Month '2014-06' in a file for 2014-05"):
        run_extract(raw, tmp_path / "measures.csv")
    rows[2]["Month"] = "2014-05"
    rows[1]["Crime type"] = "Fraud"
    write_csv(raw / "policeuk" / "2014-05-kent-street.csv", POLICEUK_HEADER, rows)
    with pytest.raises(KcspError, match=r"line 3: crime type 'Fraud' is not in"):
        run_extract(raw, tmp_path / "measures.csv")


def test_other_forces_and_other_files_are_skipped(tmp_path: Path):
    raw = _raw(tmp_path)
    rows = policeuk_rows(random.Random(2), "2014-05", 5)
    write_csv(raw / "policeuk" / "2014-05-metropolitan-street.csv", POLICEUK_HEADER, rows)
    result = run_extract(raw, tmp_path / "measures.csv")
    assert result.measures.empty
    assert [e.reason for e in result.extraction.log] == ["not the Kent force"]
