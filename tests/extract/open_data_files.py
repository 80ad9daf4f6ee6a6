"""Writers of police.uk and STATS19 files in the published layouts, for the tests.

The headers are the published ones: police.uk's street-level header (as in the police.uk
archive, e.g. ``2016-01-avon-and-somerset-street.csv``: ``Crime ID,Month,Reported by,
Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome
category,Context``), the DfT's 2021 ``accident`` files (``accident_index,accident_year,
accident_reference,location_easting_osgr,...``) and the renamed ``collision`` files with
the severity-adjustment columns.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

POLICEUK_HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context"
)
CRIME_TYPES = (
    "Anti-social behaviour",
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
)
# LSOA name prefixes as police.uk prints them: Kent's districts (Folkestone and Hythe
# under its old name Shepway), Medway, and authorities over the border.
KENT_PREFIXES = (
    "Ashford",
    "Canterbury",
    "Dartford",
    "Dover",
    "Shepway",
    "Folkestone and Hythe",
    "Gravesham",
    "Maidstone",
    "Sevenoaks",
    "Swale",
    "Thanet",
    "Tonbridge and Malling",
    "Tunbridge Wells",
)
OTHER_PREFIXES = ("Medway", "Wealden", "Bexley", "Rother", "Thurrock")

# The DfT's 2021 accident file header (dft-road-casualty-statistics-accident-2021.csv).
ACCIDENT_HEADER = (
    "accident_index,accident_year,accident_reference,location_easting_osgr,"
    "location_northing_osgr,longitude,latitude,police_force,accident_severity,"
    "number_of_vehicles,number_of_casualties,date,day_of_week,time,local_authority_district,"
    "local_authority_ons_district,local_authority_highway,first_road_class,first_road_number,"
    "road_type,speed_limit,junction_detail,junction_control,second_road_class,"
    "second_road_number,pedestrian_crossing_human_control,"
    "pedestrian_crossing_physical_facilities,light_conditions,weather_conditions,"
    "road_surface_conditions,special_conditions_at_site,carriageway_hazards,"
    "urban_or_rural_area,did_police_officer_attend_scene_of_accident,trunk_road_flag,"
    "lsoa_of_accident_location"
)
OLD_CASUALTY_HEADER = (
    "accident_index,accident_year,accident_reference,vehicle_reference,casualty_reference,"
    "casualty_class,sex_of_casualty,age_of_casualty,age_band_of_casualty,casualty_severity,"
    "pedestrian_location,pedestrian_movement,car_passenger,bus_or_coach_passenger,"
    "pedestrian_road_maintenance_worker,casualty_type,casualty_home_area_type,"
    "casualty_imd_decile,lsoa_of_casualty"
)
COLLISION_HEADER = (
    ACCIDENT_HEADER.replace(
        "accident_index,accident_year,accident_reference",
        "collision_index,collision_year,collision_reference",
    ).replace("accident_severity", "collision_severity")
    + ",enhanced_severity_collision,collision_injury_based,collision_adjusted_severity_serious,"
    "collision_adjusted_severity_slight"
)
CASUALTY_HEADER = (
    OLD_CASUALTY_HEADER.replace(
        "accident_index,accident_year,accident_reference",
        "collision_index,collision_year,collision_reference",
    )
    + ",enhanced_casualty_severity,casualty_injury_based,casualty_adjusted_severity_serious,"
    "casualty_adjusted_severity_slight,casualty_distance_banding"
)
# Kent's districts and Medway by GSS code, and codes of authorities elsewhere.
KENT_CODES = (*(f"E07000{n}" for n in range(105, 117)), "E06000035")
OTHER_CODES = ("E09000001", "E07000064", "E06000034")


def policeuk_rows(rng: random.Random, period: str, count: int) -> list[dict[str, str]]:
    """Return ``count`` street-level rows of ``period`` with the archive's quirks."""
    rows = []
    for number in range(count):
        crime_type = rng.choice(CRIME_TYPES)
        where = rng.random()
        if where < 0.05:  # no location and no LSOA
            lon = lat = code = lsoa = ""
            location = "No location"
        else:
            prefix = rng.choice(KENT_PREFIXES + OTHER_PREFIXES)
            lsoa = f"{prefix} {rng.randint(1, 20):03d}{rng.choice('ABCDE')}"
            code = f"E0{rng.randint(1000000, 1999999)}"
            lon, lat, location = "0.52", "51.27", f"On or near Street {number}"
        crime_id = "" if crime_type == "Anti-social behaviour" else f"{rng.getrandbits(64):016x}"
        outcome = "" if crime_type == "Anti-social behaviour" else "Under investigation"
        rows.append(
            {
                "Crime ID": crime_id,
                "Month": period,
                "Reported by": "Kent Police",
                "Falls within": "Kent Police",
                "Longitude": lon,
                "Latitude": lat,
                "Location": location,
                "LSOA code": code,
                "LSOA name": lsoa,
                "Crime type": crime_type,
                "Last outcome category": outcome,
                "Context": "",
            }
        )
    return rows


def write_csv(path: Path, header: str, rows: list[dict[str, str]], *, bom: bool = False) -> None:
    """Write rows under a header, CRLF line ends like the police.uk archive."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header.split(","), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8", newline="")


def stats19_rows(
    rng: random.Random, year: int, collisions: int, *, old: bool, adjusted: bool
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return collision and casualty rows of one year (old ``accident_*`` or new naming)."""
    index_name = "accident_index" if old else "collision_index"
    severity_name = "accident_severity" if old else "collision_severity"
    collision_rows, casualty_rows = [], []
    for number in range(collisions):
        index = f"{year}46{number:07d}"
        district = rng.choice(KENT_CODES + OTHER_CODES)
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        severities = [rng.choice("12333333") for _ in range(rng.randint(1, 3))]
        collision_rows.append(
            {
                index_name: index,
                "date": f"{day:02d}/{month:02d}/{year}",
                "local_authority_ons_district": district,
                severity_name: min(severities),
                "police_force": "46",
            }
        )
        for reference, severity in enumerate(severities, start=1):
            row = {
                index_name: index,
                "casualty_reference": str(reference),
                "casualty_severity": severity,
            }
            if adjusted:
                serious = {"1": "", "2": "1", "3": f"{rng.random():.4f}"}[severity]
                row["casualty_adjusted_severity_serious"] = serious
                row["casualty_adjusted_severity_slight"] = (
                    "" if severity == "1" else f"{1 - float(serious):.4f}"
                )
            casualty_rows.append(row)
    return collision_rows, casualty_rows


def write_stats19(
    folder: Path,
    year: int,
    collisions: list[dict[str, str]],
    casualties: list[dict[str, str]],
    *,
    old: bool,
) -> tuple[Path, Path]:
    """Write a year's collision (or accident) and casualty files under their DfT names."""
    kind = "accident" if old else "collision"
    collision_path = folder / f"dft-road-casualty-statistics-{kind}-{year}.csv"
    casualty_path = folder / f"dft-road-casualty-statistics-casualty-{year}.csv"
    header = ACCIDENT_HEADER if old else COLLISION_HEADER
    write_csv(collision_path, header, [_full(header, r) for r in collisions])
    cheader = OLD_CASUALTY_HEADER if old else CASUALTY_HEADER
    write_csv(casualty_path, cheader, [_full(cheader, r) for r in casualties])
    return collision_path, casualty_path


def _full(header: str, row: dict[str, str]) -> dict[str, str]:
    return {column: row.get(column, "-1") for column in header.split(",")}
