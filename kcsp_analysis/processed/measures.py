"""The tidy measures frame of the data contract: building, checking, writing, reading.

The schema is checked whenever the frame is written or read; a violation raises
:class:`KcspError` naming the offending rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from kcsp_analysis import catalogue, locators
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.records import QUALIFIERS, Observation
from kcsp_analysis.paths import MEASURES_NAME
from kcsp_analysis.periods import PERIOD_TYPES
from kcsp_analysis.processed.tables import (
    format_number,
    frame_to_csv_text,
    read_processed_csv,
)

MEASURE_COLUMNS = (
    "measure",
    "area",
    "period",
    "period_type",
    "period_start",
    "period_end",
    "value",
    "unit",
    "qualifier",
    "source",
    "locator",
)
DECIMALS_COLUMN = "decimals"
"""An extension of the contract, after its columns: the decimals the value was printed
with (``2.0%`` has 1), so a briefing prints it as published. A frame built by hand may
leave it out."""
WRITTEN_COLUMNS = (*MEASURE_COLUMNS, DECIMALS_COLUMN)
SORT_KEY = ["measure", "area", "period_start", "source", "locator", "value"]


def _unit_matches_measure(frame: pd.DataFrame) -> pd.Series:
    expected = frame["measure"].map({m.id: m.unit for m in catalogue.measures().values()})
    return frame["unit"] == expected


def _percent_in_range(frame: pd.DataFrame) -> pd.Series:
    return (frame["unit"] != "percent") | frame["value"].between(0, 100)


def measures_schema() -> pa.DataFrameSchema:
    """Return the pandera schema of the measures frame, built from the catalogue."""
    return pa.DataFrameSchema(
        {
            "measure": pa.Column(str, pa.Check.isin(list(catalogue.measures())), nullable=False),
            "area": pa.Column(str, pa.Check.isin(list(catalogue.areas())), nullable=False),
            "period": pa.Column(str, pa.Check.str_length(min_value=4), nullable=False),
            "period_type": pa.Column(str, pa.Check.isin(PERIOD_TYPES), nullable=False),
            "period_start": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
            "period_end": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
            "value": pa.Column(float, pa.Check.ge(0), nullable=False),
            "unit": pa.Column(str, pa.Check.isin(catalogue.UNITS), nullable=False),
            "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS), nullable=False),
            "source": pa.Column(str, pa.Check.str_length(min_value=1), nullable=False),
            "locator": pa.Column(str, pa.Check.str_matches(locators.PATTERN), nullable=False),
            DECIMALS_COLUMN: pa.Column(int, pa.Check.in_range(0, 15), required=False),
        },
        checks=[
            pa.Check(_unit_matches_measure, error="unit is not the measure's unit"),
            pa.Check(_percent_in_range, error="percent value outside 0-100"),
            pa.Check(
                lambda f: f["period_start"] <= f["period_end"],
                error="period_start after period_end",
            ),
        ],
        unique=["measure", "area", "period", "source", "locator", "value", "qualifier"],
        ordered=True,
        strict=True,
        coerce=False,
    )


def validate_measures(
    frame: pd.DataFrame, *, source: str = "measures frame", first_line: int | None = None
) -> pd.DataFrame:
    """Check ``frame`` against the schema; raise :class:`KcspError` naming bad rows.

    With ``first_line`` (the file line of the first data row), rows are named by line.
    """
    try:
        return measures_schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise KcspError(
            _describe_failures(frame, exc.failure_cases, first_line), source=source
        ) from None


def _describe_failures(frame: pd.DataFrame, cases: pd.DataFrame, first_line: int | None) -> str:
    problems: dict[int | None, list[str]] = {}
    for _, case in cases.iterrows():
        index = case.get("index")
        key = int(index) if pd.notna(index) else None
        frame_wide = case["schema_context"] == "DataFrameSchema"
        text = (
            str(case["check"])
            if frame_wide
            else f"{case['column']} {case['failure_case']!r} fails {case['check']}"
        )
        if text not in problems.setdefault(key, []):
            problems[key].append(text)
    lines = []
    ordered = sorted(problems.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    for key, texts in ordered[:20]:
        if key is None:
            where = "frame"
        else:
            row = frame.loc[key]
            place = f"line {key + first_line}" if first_line is not None else f"row {key}"
            where = (
                f"{place} ({row.get('measure')}, {row.get('area')}, {row.get('period')}, "
                f"{row.get('source')} {row.get('locator')})"
            )
        lines.append(f"{where}: {'; '.join(texts)}")
    more = f"\n  ... and {len(problems) - 20} more rows" if len(problems) > 20 else ""
    return f"{len(problems)} row(s) break the measures schema:\n  " + "\n  ".join(lines) + more


def observations_to_frame(observations: Iterable[Observation]) -> pd.DataFrame:
    """Return the sorted, validated measures frame of ``observations``."""
    units = {m.id: m.unit for m in catalogue.measures().values()}
    rows = [
        {
            "measure": o.measure,
            "area": o.area,
            "period": o.period.label,
            "period_type": o.period.period_type,
            "period_start": o.period.start.isoformat(),
            "period_end": o.period.end.isoformat(),
            "value": float(o.value),
            "unit": units.get(o.measure, ""),
            "qualifier": o.qualifier,
            "source": o.source,
            "locator": o.locator,
            DECIMALS_COLUMN: int(o.decimals),
        }
        for o in observations
    ]
    # The same figure read twice at one place (a repeated table row, a sentence that
    # says it twice) is one row, not a break of the schema's uniqueness.
    frame = pd.DataFrame(rows, columns=list(WRITTEN_COLUMNS))
    frame = frame.drop_duplicates(subset=list(MEASURE_COLUMNS))
    frame = _with_dtypes(frame)
    frame = frame.sort_values(SORT_KEY, kind="mergesort").reset_index(drop=True)
    return validate_measures(frame)


def _with_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in MEASURE_COLUMNS:
        if column == "value":
            out[column] = pd.to_numeric(out[column], errors="coerce").astype(float)
        else:
            out[column] = out[column].astype(str)
    if DECIMALS_COLUMN in out:
        out[DECIMALS_COLUMN] = pd.to_numeric(out[DECIMALS_COLUMN], errors="coerce")
        out[DECIMALS_COLUMN] = out[DECIMALS_COLUMN].fillna(-1).astype(int)
    return out


def measures_csv_text(frame: pd.DataFrame, source: str = MEASURES_NAME) -> str:
    """Validate the measures frame and return the text of ``measures.csv``.

    The value is written with the decimals it was printed with (``2.0``, not ``2``).
    """
    validate_measures(frame, source=source)
    if DECIMALS_COLUMN not in frame:
        return frame_to_csv_text(frame, ["value"])
    out = frame.copy()
    out["value"] = [
        _printed(value, int(decimals))
        for value, decimals in zip(frame["value"], frame[DECIMALS_COLUMN], strict=True)
    ]
    return frame_to_csv_text(out)


def _printed(value: float, decimals: int) -> str:
    shortest = format_number(value)
    if decimals <= 0 or len(shortest.partition(".")[2]) >= decimals or "e" in shortest:
        return shortest
    return f"{value:.{decimals}f}"


def read_measures(path: Path) -> pd.DataFrame:
    """Read and validate a measures CSV written from :func:`measures_csv_text`.

    A file written before the ``decimals`` column existed is read without it.
    """
    try:
        frame = read_processed_csv(path, WRITTEN_COLUMNS, "measures")
    except KcspError:
        frame = read_processed_csv(path, MEASURE_COLUMNS, "measures")
    return validate_measures(_with_dtypes(frame), source=str(path), first_line=2)
