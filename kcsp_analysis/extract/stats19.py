"""Input kind ``stats19/``: DfT STATS19 road collision and casualty files.

Files keep the DfT's names: ``dft-road-casualty-statistics-collision-2015.csv`` and
``dft-road-casualty-statistics-casualty-2015.csv``, or the older ``...-accident-2015.csv``
with ``accident_index`` and ``accident_severity`` in place of ``collision_index`` and
``collision_severity``. A casualty file is read with the collision file of the same name
(``casualty`` replaced by ``collision`` or ``accident``), linked by the collision index:
the collision gives the date (``dd/mm/yyyy``) and the district
(``local_authority_ons_district``, a GSS code of the catalogue's areas); the casualty its
severity (``casualty_severity`` 1 fatal, 2 serious, 3 slight).

Counts by month and, where the file has all twelve months of a year, by calendar year:

- from the casualty file: ``road_deaths``, ``seriously_injured``, ``slightly_injured``,
  ``ksi_casualties`` and, where the file has DfT's severity-adjustment column
  ``casualty_adjusted_severity_serious``, ``ksi_casualties_adjusted`` (the killed plus the
  sum of the other casualties' probabilities of a serious injury, rounded to a whole
  number; left out for an area and period where any such probability is missing);
- from the collision file: ``ksi_collisions`` (collision severity 1 or 2);

for each of Kent's districts and Medway, ``Kent`` (its districts) and ``Kent and
Medway``. Collisions in other authorities are left out. Months in which the file has no
collision anywhere are not given (a provisional part-year file gives only its months).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.records import Extraction, LogEntry, Observation
from kcsp_analysis.periods import Period, calendar_year, month

INDEX_NAMES = ("collision_index", "accident_index")
SEVERITY_NAMES = ("collision_severity", "accident_severity")
COLLISION_COLUMNS = ("date", "local_authority_ons_district")
CASUALTY_COLUMNS = ("casualty_severity",)
ADJUSTED_SERIOUS = "casualty_adjusted_severity_serious"
COUNTY, FORCE_AREA = "Kent", "Kent and Medway"
CASUALTY_MEASURES = {1: "road_deaths", 2: "seriously_injured", 3: "slightly_injured"}
_KIND = re.compile(r"(?:^|[-_])(collision|accident|casualty)(?:[-_]|\.csv$)")


def local_areas() -> dict[str, str]:
    """Return the GSS codes of Kent's districts and Medway, with their area names."""
    kinds = ("district", "unitary_authority")
    return {a.gss_code: a.name for a in catalogue.areas().values() if a.kind in kinds}


def file_kind(name: str) -> str | None:
    """Return ``collision`` (also for the older ``accident`` naming), ``casualty`` or None.

    >>> file_kind("stats19/dft-road-casualty-statistics-accident-2015.csv")
    'collision'
    >>> file_kind("stats19/dft-road-casualty-statistics-vehicle-2015.csv") is None
    True
    """
    stem = Path(name).name.lower()
    if not stem.endswith(".csv") or "adjustment" in stem:
        return None
    stem = re.sub(r"^dft-road-casualty-statistics-", "", stem)
    match = _KIND.search(stem)
    if match is None:
        return None
    return "casualty" if match[1] == "casualty" else "collision"


def _header(path: Path, name: str) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return [c.strip() for c in handle.readline().rstrip("\r\n").split(",")]
    except UnicodeDecodeError as exc:
        raise KcspError(f"not UTF-8 text: {exc}", source=name, locator="line 1") from None


def _pick(header: list[str], names: tuple[str, ...], path: str, what: str) -> str:
    for candidate in names:
        if candidate in header:
            return candidate
    raise KcspError(
        f"not a STATS19 {what} file: no column {' or '.join(names)} in the header",
        source=path,
        locator="line 1",
    )


def _read(path: Path, name: str, columns: list[str]) -> pd.DataFrame:
    try:
        return pd.read_csv(
            path, usecols=columns, dtype=str, encoding="utf-8-sig", keep_default_na=False
        )
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise KcspError(f"cannot read the file as CSV: {exc}", source=name) from None


def read_collisions(raw_dir: Path, name: str) -> pd.DataFrame:
    """Return a collision file's ``index, month, area, ksi`` columns, one row a collision.

    ``month`` is ``YYYY-MM``; ``area`` the catalogue area or ``""`` outside Kent and
    Medway; ``ksi`` whether the collision's severity is fatal or serious. The file is read
    once per run: the casualty file of the same year reuses it (keyed on size and time).
    """
    path = Path(raw_dir) / name
    status = path.stat()
    return _read_collisions(str(path), name, status.st_size, status.st_mtime_ns).copy()


@functools.lru_cache(maxsize=2)
def _read_collisions(path_text: str, name: str, size: int, mtime: int) -> pd.DataFrame:
    path = Path(path_text)
    header = _header(path, name)
    index = _pick(header, INDEX_NAMES, name, "collision")
    severity = _pick(header, SEVERITY_NAMES, name, "collision")
    for column in COLLISION_COLUMNS:
        _pick(header, (column,), name, "collision")
    rows = _read(path, name, [index, severity, *COLLISION_COLUMNS])
    dates = pd.to_datetime(rows["date"], format="%d/%m/%Y", errors="coerce")
    bad = dates.isna() | (rows["date"].str.len() != len("dd/mm/yyyy"))
    if bad.any():
        line = int(bad.to_numpy().nonzero()[0][0]) + 2
        raise KcspError(
            f"date {rows['date'].iloc[line - 2]!r} is not dd/mm/yyyy",
            source=name,
            locator=f"line {line}",
        )
    codes = (dates.dt.year * 100 + dates.dt.month).astype("int64")
    labels = {code: f"{code // 100}-{code % 100:02d}" for code in codes.unique()}
    return pd.DataFrame(
        {
            "index": rows[index],
            "month": codes.map(labels),
            "area": rows["local_authority_ons_district"].map(local_areas()).fillna(""),
            "ksi": rows[severity].isin(["1", "2"]),
        }
    )


def _partner(raw_dir: Path, name: str) -> str:
    stem = Path(name).name
    at = stem.lower().rfind("casualty")  # the file's kind, not "road-casualty-statistics"
    for word in ("collision", "accident"):
        candidate = Path(name).parent / (stem[:at] + word + stem[at + len("casualty") :])
        if (Path(raw_dir) / candidate).is_file():
            return candidate.as_posix()
    raise KcspError(
        "a casualty file is read with its collision file (the same name with 'collision' "
        "or 'accident' for 'casualty'); none is in the folder",
        source=name,
    )


def _periods(months: set[str]) -> dict[str, list[Period]]:
    """Periods to give: each month present, and each year with all 12 months present."""
    found: dict[str, list[Period]] = {}
    for label in sorted(months):
        found.setdefault(label, []).append(month(int(label[:4]), int(label[5:])))
    years = sorted({label[:4] for label in months})
    for year in years:
        if all(f"{year}-{m:02d}" in months for m in range(1, 13)):
            found.setdefault(year, []).append(calendar_year(int(year)))
    return found


def _observations(
    table: pd.DataFrame, measure: str, value: str, months: set[str], name: str, locator: str
) -> list[Observation]:
    """Sum ``value`` by area for every month and full year; Kent and the force area too."""
    local = sorted(set(local_areas().values()))
    districts = [a.name for a in catalogue.areas().values() if a.kind == "district"]
    by_month = table.groupby(["month", "area"])[value].sum()
    missing = table[table[value].isna()].groupby(["month", "area"]).size()
    found = []
    for label, periods in _periods(months).items():
        for period in periods:
            in_period = [m for m in sorted(months) if m.startswith(label)]
            sums = {
                area: sum(float(by_month.get((m, area), 0.0)) for m in in_period) for area in local
            }
            gaps = {area for area in local if any((m, area) in missing.index for m in in_period)}
            sums[COUNTY] = sum(sums[d] for d in districts)
            sums[FORCE_AREA] = sum(sums[a] for a in local)
            if gaps & set(districts):
                gaps.add(COUNTY)
            if gaps:
                gaps.add(FORCE_AREA)
            for area, total in sums.items():
                if area not in gaps:
                    found.append(
                        Observation(measure, area, period, total, source=name, locator=locator)
                    )
    return found


def _collision_extraction(raw_dir: Path, name: str) -> Extraction:
    collisions = read_collisions(raw_dir, name)
    locator = f"line 2-{len(collisions) + 1}" if len(collisions) else "line 1"
    kent = collisions[collisions["area"] != ""].assign(ksi=lambda f: f["ksi"].astype(float))
    found = _observations(kent, "ksi_collisions", "ksi", set(collisions["month"]), name, locator)
    log = LogEntry(name, locator, "file", "used", len(found), "", f"{len(collisions)} collisions")
    return Extraction(observations=found, log=[log])


def _casualty_extraction(raw_dir: Path, name: str) -> Extraction:
    path = Path(raw_dir) / name
    header = _header(path, name)
    index = _pick(header, INDEX_NAMES, name, "casualty")
    _pick(header, CASUALTY_COLUMNS, name, "casualty")
    adjusted = ADJUSTED_SERIOUS in header
    columns = [index, *CASUALTY_COLUMNS] + ([ADJUSTED_SERIOUS] if adjusted else [])
    casualties = _read(path, name, columns)
    bad = ~casualties["casualty_severity"].isin(["1", "2", "3"])
    if bad.any():
        line = int(bad.to_numpy().nonzero()[0][0]) + 2
        raise KcspError(
            f"casualty_severity {casualties['casualty_severity'].iloc[line - 2]!r} is not "
            "1 (fatal), 2 (serious) or 3 (slight)",
            source=name,
            locator=f"line {line}",
        )
    collisions = read_collisions(raw_dir, _partner(raw_dir, name))
    joined = casualties.merge(
        collisions[["index", "month", "area"]], left_on=index, right_on="index", how="left"
    )
    unmatched = joined["month"].isna()
    if unmatched.any():
        line = int(unmatched.to_numpy().nonzero()[0][0]) + 2
        raise KcspError(
            f"{index} {joined[index].iloc[line - 2]!r} is not in the collision file",
            source=name,
            locator=f"line {line}",
        )
    severity = joined["casualty_severity"].astype(int)
    kent = joined.assign(
        **{m: (severity == s).astype(float) for s, m in CASUALTY_MEASURES.items()},
        ksi_casualties=(severity <= 2).astype(float),
    )[lambda f: f["area"] != ""]
    locator = f"line 2-{len(casualties) + 1}" if len(casualties) else "line 1"
    months = set(collisions["month"])
    found = []
    for measure in [*CASUALTY_MEASURES.values(), "ksi_casualties"]:
        found += _observations(kent, measure, measure, months, name, locator)
    notes = f"{len(casualties)} casualties"
    if adjusted:
        probability = pd.to_numeric(kent[ADJUSTED_SERIOUS].replace("", np.nan), errors="coerce")
        kent = kent.assign(ksi_adjusted=np.where(kent["road_deaths"] == 1, 1.0, probability))
        adjusted_found = _observations(
            kent, "ksi_casualties_adjusted", "ksi_adjusted", months, name, locator
        )
        # An estimate, not a count of people: given to the whole number, like the counts.
        found += [replace(o, value=float(round(o.value))) for o in adjusted_found]
        notes += "; with DfT severity adjustment"
    log = LogEntry(name, locator, "file", "used", len(found), "", notes)
    return Extraction(observations=found, log=[log])


def extract(raw_dir: Path, name: str) -> Extraction:
    """Return the counts of one STATS19 file under ``stats19/`` (see the module notes)."""
    kind = file_kind(name)
    if kind == "collision":
        return _collision_extraction(raw_dir, name)
    if kind == "casualty":
        return _casualty_extraction(raw_dir, name)
    why = "not a STATS19 collision or casualty file (vehicle files are not read)"
    return Extraction(log=[LogEntry(name, "line 1", "file", "skipped", 0, why, "")])
