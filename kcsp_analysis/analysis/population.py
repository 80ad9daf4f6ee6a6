"""Rates per 1,000 residents from ONS mid-year estimates, and the district comparison.

The estimates are CSV files in ``data/raw/population/`` with the columns ``area`` (a
catalogue area name or its GSS code), ``mid_year`` (the year of the 30 June estimate)
and ``all_ages`` and/or ``females_16_plus`` (whole numbers; a blank cell is no figure).
``all_ages`` gives rates per 1,000 residents here; ``females_16_plus`` gives MARAC cases
per 10,000 women aged 16 and over (:func:`kcsp_analysis.analysis.repeats.marac_volume`).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.series import series
from kcsp_analysis.errors import KcspError

POPULATION_COUNTS = ("all_ages", "females_16_plus")
COMPARISON_COLUMNS = (
    "area",
    "period",
    "count",
    "mid_year",
    "residents",
    "per_1000",
    "source",
)


def read_estimates(population_dir: Path | None) -> pd.DataFrame:
    """Read every ``*.csv`` of mid-year estimates in a folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``area, mid_year, all_ages, females_16_plus, source`` (counts as floats,
        NaN where a file gives none); empty without files or without the folder.

    Raises
    ------
    KcspError
        Naming the file and line: a missing column, an unknown area, a count that is not a
        positive whole number, the same area and year twice.
    """
    by_code = {a.gss_code: a.name for a in catalogue.areas().values()}
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, int, str], str] = {}
    folder = Path(population_dir) if population_dir is not None else None
    paths = sorted(folder.glob("*.csv")) if folder is not None and folder.is_dir() else []
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames or []
            if (
                "area" not in fields
                or "mid_year" not in fields
                or not set(fields) & set(POPULATION_COUNTS)
            ):
                raise KcspError(
                    "expected columns area, mid_year and all_ages or females_16_plus; found "
                    f"{', '.join(fields) or 'nothing'}",
                    source=str(path),
                    locator="line 1",
                )
            for number, record in enumerate(reader, start=2):
                rows.append(_row(record, number, path, by_code, seen))
    return pd.DataFrame(rows, columns=["area", "mid_year", *POPULATION_COUNTS, "source"])


def _row(
    record: dict[str, str], number: int, path: Path, by_code: dict[str, str], seen: dict
) -> dict[str, object]:
    where = {"source": str(path), "locator": f"line {number}"}
    place = f"{path.name} line {number}"
    label = (record.get("area") or "").strip()
    area = label if label in catalogue.areas() else by_code.get(label)
    if area is None:
        raise KcspError(catalogue.unknown_message("area", label, catalogue.areas()), **where)
    row: dict[str, object] = {"area": area, "source": place}
    try:
        row["mid_year"] = int(record["mid_year"])
        for column in POPULATION_COUNTS:
            text = (record.get(column) or "").replace(",", "").strip()
            row[column] = float(int(text)) if text else float("nan")
    except ValueError:
        raise KcspError("mid_year and the counts must be whole numbers", **where) from None
    for column in POPULATION_COUNTS:
        value = row[column]
        if isinstance(value, float) and value == value:
            if value <= 0:
                raise KcspError(f"{column} must be positive; found {value:g}", **where)
            key = (area, int(row["mid_year"]), column)  # type: ignore[call-overload]
            if key in seen:
                raise KcspError(
                    f"{area} {key[1]} {column} is already given at {seen[key]}", **where
                )
            seen[key] = place
    return row


def consecutive_months(frame: pd.DataFrame, measure: str, area: str) -> pd.DataFrame:
    """Return the latest unbroken run of exact monthly figures of a series (maybe empty)."""
    rows = series(frame, measure, area, "month")
    rows = rows[rows["qualifier"] == ""].reset_index(drop=True)
    if rows.empty:
        return rows
    months = pd.PeriodIndex(rows["period"], freq="M")
    step = (months[1:] - months[:-1]).map(lambda offset: offset.n)
    breaks = [i + 1 for i, gap in enumerate(step) if gap != 1]
    return rows.iloc[(breaks[-1] if breaks else 0) :].reset_index(drop=True)


def district_comparison(
    frame: pd.DataFrame, measure: str, population: pd.DataFrame, *, months: int = 12
) -> pd.DataFrame:
    """Compare Medway and the districts over their latest ``months`` months in common.

    The count is the sum of the monthly figures; the rate is per 1,000 residents (all ages)
    a year, using the estimate for the year in which the window's last month falls. Areas
    without an estimate for that year get no rate. Periods are the same for every area, or
    the area is left out: a district with a gap in the window is not compared.
    """
    local = [
        a.name for a in catalogue.areas().values() if a.kind in ("district", "unitary_authority")
    ]
    runs = {area: consecutive_months(frame, measure, area) for area in local}
    runs = {area: run for area, run in runs.items() if len(run) >= months}
    if not runs:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    last = min(run["period"].iloc[-1] for run in runs.values())
    window = pd.period_range(end=pd.Period(last, freq="M"), periods=months, freq="M").strftime(
        "%Y-%m"
    )
    records = []
    for area, run in runs.items():
        inside = run[run["period"].isin(list(window))]
        if len(inside) != months:
            continue
        count = float(inside["value"].sum())
        year = int(last[:4])
        match = population[(population["area"] == area) & (population["mid_year"] == year)]
        residents = float(match["all_ages"].iloc[0]) if not match.empty else float("nan")
        records.append(
            {
                "area": area,
                "period": f"{window[0]} to {window[-1]}",
                "count": count,
                "mid_year": year,
                "residents": residents,
                "per_1000": count / residents * 1000 * 12 / months
                if residents == residents
                else float("nan"),
                "source": "; ".join(sorted(set(inside["sources"]))) if "sources" in inside else "",
            }
        )
    return pd.DataFrame(records, columns=list(COMPARISON_COLUMNS))


FUNNEL_LEVELS = (0.95, 0.998)


def funnel(comparison: pd.DataFrame) -> pd.DataFrame:
    """Add funnel-plot limits to a district comparison, to tell chance from a real gap.

    The centre is the pooled rate of the areas with an estimate (their counts over their
    residents). Around it, for each area's population, the exact Poisson limits of a
    count with that expectation (Garwood's chi-squared form) at 95% and 99.8%, as rates
    per 1,000. An area outside the 99.8% limits is more than chance variation around the
    pooled rate would explain; between 95% and 99.8% is a warning only.

    Returns
    -------
    pandas.DataFrame
        The areas with residents, with ``pooled, lower_95, upper_95, lower_998,
        upper_998`` and ``position`` (``above``, ``below``, ``above_95``, ``below_95`` or
        ``within``).
    """
    from scipy import stats

    rows = comparison[comparison["residents"].notna()].reset_index(drop=True)
    if rows.empty:
        return rows.assign(position=pd.Series(dtype=str))
    pooled = rows["count"].sum() / rows["residents"].sum()
    expected = pooled * rows["residents"]
    out = rows.assign(pooled=pooled * 1000)
    for level in FUNNEL_LEVELS:
        tail = (1 - level) / 2
        lower = stats.chi2.ppf(tail, 2 * expected) / 2
        upper = stats.chi2.ppf(1 - tail, 2 * (expected + 1)) / 2
        name = f"{level * 100:g}".replace(".", "")
        out[f"lower_{name}"] = lower / rows["residents"] * 1000
        out[f"upper_{name}"] = upper / rows["residents"] * 1000
    out["position"] = [
        "above"
        if r.per_1000 > r.upper_998
        else "below"
        if r.per_1000 < r.lower_998
        else "above_95"
        if r.per_1000 > r.upper_95
        else "below_95"
        if r.per_1000 < r.lower_95
        else "within"
        for r in out.itertuples()
    ]
    return out
