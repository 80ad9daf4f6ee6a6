"""Repeat rates and MARAC volume, read against their expected ranges.

Repeat rates get a Wilson interval when the counts behind them are published. The MARAC
repeat rate is read against the CAADA range of 28-40% (``reference_bands.csv``): a rate
below it suggests repeats are not being identified. MARAC volume is cases a year per
10,000 women aged 16 and over, read against the SafeLives expectation of 40, and needs a
population file in ``data/raw/population/`` (see :func:`read_population`).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.rates import (
    ReferenceBand,
    band_for,
    count_ci,
    rate_ci,
    rate_denominators,
)
from kcsp_analysis.analysis.series import row_to_period, series
from kcsp_analysis.errors import KcspError
from kcsp_analysis.reconcile.rate_counts import rate_matches_counts

REPEAT_MEASURES = ("marac_repeat_pct", "da_repeat_victims_pct")
POPULATION_COLUMNS = ("area", "mid_year", "females_16_plus")
VOLUME_MEASURE = "marac_cases_per_10k_adult_females"
REPEAT_COLUMNS = (
    "measure",
    "period",
    "rate",
    "k",
    "n",
    "ci_low",
    "ci_high",
    "band_low",
    "band_high",
    "below_band",
    "reading",
    "sources",
)
VOLUME_COLUMNS = (
    "period",
    "cases",
    "mid_year",
    "females_16_plus",
    "per_10k",
    "ci_low",
    "ci_high",
    "expected",
    "below_expected",
    "reading",
)


def _counts(frame: pd.DataFrame, measure: str, area: str, period: str) -> tuple:
    spec = rate_denominators().get(measure)
    if spec is None:
        return None, None
    values = []
    for count_measure in (spec.numerator, spec.denominator):
        rows = series(frame, count_measure, area)
        match = rows[(rows["period"] == period) & (rows["qualifier"] == "")]
        values.append(None if match.empty else int(match.iloc[0]["value"]))
    return tuple(values)


def _band_reading(
    rate: float, high: float | None, band: ReferenceBand | None, approximate: bool
) -> str:
    """Return where a rate lies against its range; below it, every reading the sources give."""
    if band is None:
        return "no expected range is published for this rate"
    span = f"the expected {band.low:g}-{band.high:g}%"
    if rate >= band.low:
        return f"within {span}" if rate <= band.high else f"above {span}"
    readings = (
        f". {band.below_readings[0].upper()}{band.below_readings[1:]}"
        if band.below_readings
        else ""
    )
    if approximate:
        return f"below {span} (approximate figure){readings}"
    if high is None:
        return f"below {span} (no interval: the counts behind the rate are not published){readings}"
    if high < band.low:
        return f"below {span} even allowing for chance{readings}"
    return f"below {span}, but within chance variation of its lower end"


def repeat_rates(frame: pd.DataFrame, area: str, *, level: float = 0.95) -> pd.DataFrame:
    """MARAC repeat rate and domestic abuse repeat-victim rate over time, with intervals.

    Parameters
    ----------
    frame
        A measures frame with one value per figure.
    area
        Catalogue area name.
    level
        Confidence level of the Wilson intervals.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`REPEAT_COLUMNS`, one row per measure and period. ``k`` and ``n``
        (repeats and cases) and the interval are empty where the counts are not
        published: no denominator is invented. ``below_band`` is empty without a band.
    """
    records = []
    for measure in REPEAT_MEASURES:
        band = band_for(measure)
        for _, row in series(frame, measure, area).iterrows():
            k, n = _counts(frame, measure, area, row["period"])
            low = high = None
            reading = _band_reading(row["value"], None, band, bool(row["qualifier"]))
            if n is not None and n > 0:
                stated_k = k is not None
                k = k if k is not None else round(row["value"] * n / 100)
                if stated_k and not rate_matches_counts(row["value"], k, n):
                    # The reconciliation flags it; an interval of counts the rate is not
                    # of would not contain the rate (a negative error bar).
                    reading = (
                        f"the stated {row['value']:g}% disagrees with its counts ({k} of {n} "
                        f"is {100 * k / n:.1f}%): no interval; see `kcsp check`"
                    )
                else:
                    low, high = rate_ci(k, n, level)[1:]
                    reading = _band_reading(row["value"], high, band, bool(row["qualifier"]))
            records.append(
                {
                    "measure": measure,
                    "period": row["period"],
                    "rate": float(row["value"]),
                    "k": k if n else None,
                    "n": n,
                    "ci_low": low,
                    "ci_high": high,
                    "band_low": band.low if band else None,
                    "band_high": band.high if band else None,
                    "below_band": None if band is None else bool(row["value"] < band.low),
                    "reading": reading,
                    "sources": row["sources"],
                }
            )
    return pd.DataFrame(records, columns=list(REPEAT_COLUMNS))


def read_population(population_dir: Path) -> pd.DataFrame:
    """Read ONS mid-year estimates of women aged 16 and over from a folder of CSV files.

    Each ``*.csv`` file has the columns ``area`` (a catalogue area name or its GSS code),
    ``mid_year`` (the year of the 30 June estimate, e.g. ``2013``) and ``females_16_plus``
    (a whole number); further columns (a ``source`` note, say) are ignored.

    Returns
    -------
    pandas.DataFrame
        Columns ``area, mid_year, females_16_plus, source``; empty if there are no files.

    Raises
    ------
    KcspError
        A file lacks a column, names an unknown area or has a value that is not a
        positive whole number, or two rows give the same area and year; the message
        names the file and line.
    """
    by_code = {a.gss_code: a.name for a in catalogue.areas().values()}
    rows: list[dict] = []
    seen: dict[tuple[str, int], str] = {}
    for path in sorted(Path(population_dir).glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in POPULATION_COLUMNS if c not in (reader.fieldnames or [])]
            if missing == ["females_16_plus"] and "all_ages" in (reader.fieldnames or []):
                continue  # residents of all ages only: read by analysis.population
            if missing:
                raise KcspError(
                    f"expected columns {', '.join(POPULATION_COLUMNS)}; missing "
                    f"{', '.join(missing)}",
                    source=str(path),
                    locator="line 1",
                )
            for number, record in enumerate(reader, start=2):
                if (record.get("females_16_plus") or "").strip():  # blank: all ages only
                    rows.append(_population_row(record, path, number, by_code, seen))
    return pd.DataFrame(rows, columns=["area", "mid_year", "females_16_plus", "source"])


def _population_row(record: dict, path: Path, number: int, by_code: dict, seen: dict) -> dict:
    where = {"source": str(path), "locator": f"line {number}"}
    label = (record["area"] or "").strip()
    area = label if label in catalogue.areas() else by_code.get(label)
    if area is None:
        raise KcspError(catalogue.unknown_message("area", label, catalogue.areas()), **where)
    try:
        year, count = int(record["mid_year"]), int(record["females_16_plus"].replace(",", ""))
    except (ValueError, AttributeError):
        raise KcspError(
            f"mid_year and females_16_plus must be whole numbers; found "
            f"{record['mid_year']!r}, {record['females_16_plus']!r}",
            **where,
        ) from None
    if count <= 0:
        raise KcspError(f"females_16_plus must be positive; found {count}", **where)
    key = (area, year)
    if key in seen:
        raise KcspError(f"{area} {year} is already given at {seen[key]}", **where)
    seen[key] = f"{path.name} line {number}"
    return {"area": area, "mid_year": year, "females_16_plus": count, "source": seen[key]}


def _shown_folder(folder: Path) -> str:
    """``folder`` relative to the project when inside it: briefings carry no local paths."""
    from kcsp_analysis.paths import project_root

    try:
        return Path(folder).resolve().relative_to(project_root()).as_posix()
    except ValueError:
        return str(folder)


def marac_volume(
    frame: pd.DataFrame, area: str, population_dir: Path, *, level: float = 0.95
) -> pd.DataFrame:
    """MARAC cases a year per 10,000 women aged 16+, against the SafeLives expectation.

    Cases in a period are annualised (times 12 over the months in the period) and divided
    by the mid-year estimate of the year in which the period's middle day falls. The
    interval is the exact Poisson interval of the cases, scaled the same way.

    Without a population figure for a period (or any population file), the rate is left
    empty and ``reading`` says what is missing.
    """
    population = read_population(population_dir)
    expected = band_for(VOLUME_MEASURE)
    records = []
    for _, row in series(frame, "marac_cases", area).iterrows():
        period = row_to_period(row)
        months = (
            (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
        )
        middle = period.start + (period.end - period.start) / 2
        match = population[(population["area"] == area) & (population["mid_year"] == middle.year)]
        record = {
            "period": row["period"],
            "cases": float(row["value"]),
            "mid_year": middle.year,
            "expected": expected.low if expected else None,
        }
        if match.empty:
            record["reading"] = (
                f"no population figure: add the ONS mid-year estimate of women aged 16+ in "
                f"{area} for {middle.year} to {_shown_folder(population_dir)} (columns "
                f"{', '.join(POPULATION_COLUMNS)})"
            )
            records.append(record)
            continue
        women = int(match.iloc[0]["females_16_plus"])
        scale = 12 / months * 10_000 / women
        cases = count_ci(int(row["value"]), level) if not row["qualifier"] else None
        per_10k = row["value"] * scale
        record.update(females_16_plus=women, per_10k=per_10k)
        if cases is not None:
            record.update(ci_low=cases.low * scale, ci_high=cases.high * scale)
        if expected is not None:
            record["below_expected"] = bool(per_10k < expected.low)
            record["reading"] = (
                f"{per_10k:.1f} cases a year per 10,000 women aged 16+, "
                f"{'below' if per_10k < expected.low else 'at or above'} the expected "
                f"{expected.low:g}"
            )
        records.append(record)
    return pd.DataFrame(records).reindex(columns=list(VOLUME_COLUMNS))
