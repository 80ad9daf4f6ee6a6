"""Input kind ``policeuk/``: police.uk street-level crime and ASB files, counted by month.

The files are read as the police.uk archive publishes them, at any depth under
``policeuk/`` (``2014-04/2014-04-kent-street.csv``), with the published header
``Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code,
LSOA name, Crime type, Last outcome category, Context``. Each file gives, for its month,
a count per measure (crime types map to measures in ``data/policeuk_crime_types.csv``;
``all_crime`` is every type but anti-social behaviour) and per area:

- a district or Medway from the prefix of the LSOA name (``Ashford 003B``; ``Shepway``
  is Folkestone and Hythe, through the catalogue's area aliases);
- ``Kent``, the sum of its 12 districts;
- ``Kent and Medway``, every row of the force's file, including rows with no LSOA and
  rows in LSOAs of other authorities (crimes the force recorded over the border).

A month with a file gives a figure for every area and measure, zero where no row is of
that type; a month with no file gives none: it is a gap, which
:func:`missing_months` names. Only the Kent force's ``-street.csv`` files are counted;
outcomes and stop-and-search files, and other forces' files, are logged as skipped.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.records import Extraction, LogEntry, Observation
from kcsp_analysis.periods import Period, month

PUBLISHED_COLUMNS = (
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
)
FORCE = "kent"
ALL_CRIME = "all_crime"
ASB = "asb_incidents"
FORCE_AREA = "Kent and Medway"
COUNTY = "Kent"
_FILE_NAME = re.compile(r"(\d{4})-(\d{2})-([a-z0-9-]+?)-street\.csv")
_LSOA_SUFFIX = re.compile(r"\s+\d{3}[A-Z]$")


@functools.cache
def crime_type_measures() -> dict[str, str]:
    """Return the police.uk crime type to measure id map (``data/policeuk_crime_types.csv``)."""
    text = resources.files("kcsp_analysis").joinpath("data", "policeuk_crime_types.csv")
    rows = csv.DictReader(io.StringIO(text.read_text(encoding="utf-8")))
    return {row["crime_type"]: row["measure"] for row in rows}


@functools.cache
def lsoa_prefix_areas() -> dict[str, str]:
    """Return the LSOA name prefixes of the county's districts and Medway, with their area.

    Area names and the catalogue's aliases of them (``Shepway``) both count.
    """
    local = {a.name for a in catalogue.areas().values() if a.kind in _LOCAL_KINDS}
    found = {name: name for name in local}
    found.update({alias: area for alias, area in catalogue.area_aliases().items() if area in local})
    return found


_LOCAL_KINDS = ("district", "unitary_authority")


def county_districts() -> list[str]:
    """Return the county's 12 districts (catalogue areas of kind ``district``)."""
    return [a.name for a in catalogue.areas().values() if a.kind == "district"]


def file_month(name: str) -> tuple[Period, str] | None:
    """Return the month and force slug of a police.uk street file name, or None.

    >>> period, force = file_month("policeuk/2014-04/2014-04-kent-street.csv")
    >>> period.label, force
    ('2014-04', 'kent')
    """
    match = _FILE_NAME.fullmatch(Path(name).name)
    if match is None or not 1 <= int(match[2]) <= 12:
        return None
    return month(int(match[1]), int(match[2])), match[3]


def _check_header(path: Path, name: str) -> None:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    if tuple(header) != PUBLISHED_COLUMNS:
        raise KcspError(
            f"not the published police.uk street-level header; expected "
            f"{', '.join(PUBLISHED_COLUMNS)}; found {', '.join(header) or 'nothing'}",
            source=name,
            locator="line 1",
        )


def read_street_file(path: Path, name: str) -> pd.DataFrame:
    """Return a street file's ``Month``, ``LSOA name`` and ``Crime type`` columns.

    Raises :class:`KcspError` naming the file when the header is not the published one.
    """
    _check_header(path, name)
    try:
        return pd.read_csv(
            path,
            usecols=["Month", "LSOA name", "Crime type"],
            dtype="category",
            encoding="utf-8-sig",
            keep_default_na=False,
        )
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise KcspError(f"cannot read the file as CSV: {exc}", source=name) from None


def _first_line(mask: pd.Series) -> int:
    return int(mask.to_numpy().nonzero()[0][0]) + 2


def count_street_rows(rows: pd.DataFrame, period: Period, name: str) -> dict[tuple[str, str], int]:
    """Count a street file's rows by (measure, area) for its month.

    Raises :class:`KcspError` naming the line of a row of another month or of a crime
    type the catalogue does not map.
    """
    wrong_month = rows["Month"] != period.label
    if wrong_month.any():
        line = _first_line(wrong_month)
        raise KcspError(
            f"Month {rows['Month'].iloc[line - 2]!r} in a file for {period.label}",
            source=name,
            locator=f"line {line}",
        )
    types = crime_type_measures()
    unknown = ~rows["Crime type"].isin(list(types))
    if unknown.any():
        line = _first_line(unknown)
        raise KcspError(
            f"crime type {rows['Crime type'].iloc[line - 2]!r} is not in "
            "data/policeuk_crime_types.csv; add a row mapping it to a measure",
            source=name,
            locator=f"line {line}",
        )
    local = sorted(set(lsoa_prefix_areas().values()))
    places = [*local, ""]  # "" is no LSOA, or an LSOA of another authority
    lsoa = rows["LSOA name"].astype("category")
    lsoa_place = np.array(
        [
            places.index(lsoa_prefix_areas().get(_LSOA_SUFFIX.sub("", text), ""))
            for text in lsoa.cat.categories
        ]
        + [len(places) - 1],
        dtype=np.int64,
    )
    kind = rows["Crime type"].astype("category")
    key = kind.cat.codes.to_numpy(np.int64) * len(places) + lsoa_place[lsoa.cat.codes]
    table = np.bincount(key, minlength=len(kind.cat.categories) * len(places))
    table = table.reshape(len(kind.cat.categories), len(places))
    counts: dict[tuple[str, str], int] = {}
    for crime_type, measure in types.items():
        found = (
            list(kind.cat.categories).index(crime_type)
            if crime_type in kind.cat.categories
            else None
        )
        by_place = table[found] if found is not None else np.zeros(len(places), dtype=np.int64)
        for index, place in enumerate(local):
            counts[(measure, place)] = int(by_place[index])
        counts[(measure, FORCE_AREA)] = int(by_place.sum())
    for place in [*local, FORCE_AREA]:
        counts[(ALL_CRIME, place)] = sum(
            counts[(m, place)] for m in types.values() if m != ASB and (m, place) in counts
        )
    for measure in {*types.values(), ALL_CRIME}:
        counts[(measure, COUNTY)] = sum(counts[(measure, d)] for d in county_districts())
    return counts


def extract(raw_dir: Path, name: str) -> Extraction:
    """Return the monthly counts of one police.uk street file under ``policeuk/``."""
    parsed = file_month(name)
    if parsed is None or parsed[1] != FORCE:
        why = "not a police.uk street-level file" if parsed is None else "not the Kent force"
        return Extraction(log=[LogEntry(name, "line 1", "file", "skipped", 0, why, "")])
    period = parsed[0]
    rows = read_street_file(Path(raw_dir) / name, name)
    counts = count_street_rows(rows, period, name)
    locator = f"line 2-{len(rows) + 1}" if len(rows) else "line 1"
    observations = [
        Observation(measure, area, period, float(value), source=name, locator=locator)
        for (measure, area), value in sorted(counts.items())
    ]
    log = LogEntry(
        name, locator, "file", "used", len(observations), "", f"{len(rows)} rows, {period.label}"
    )
    return Extraction(observations=observations, log=[log])


def missing_months(files: Iterable[str]) -> list[str]:
    """Return the months between the first and last Kent street file that have no file.

    ``files`` are raw file names relative to ``data/raw`` (other files are ignored).

    >>> missing_months(["policeuk/2014-01-kent-street.csv", "policeuk/x/2014-04-kent-street.csv"])
    ['2014-02', '2014-03']
    """
    found = set()
    for name in files:
        parsed = file_month(name) if name.startswith("policeuk/") else None
        if parsed is not None and parsed[1] == FORCE:
            found.add(parsed[0].label)
    if not found:
        return []
    months = pd.period_range(min(found), max(found), freq="M").strftime("%Y-%m")
    return [m for m in months if m not in found]
