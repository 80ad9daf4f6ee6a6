"""The measures frame: columns, order, schema errors that name rows, exact round trip."""

from __future__ import annotations

import pandas as pd
import pytest

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import parse_period
from kcsp_analysis.processed.measures import (
    MEASURE_COLUMNS,
    WRITTEN_COLUMNS,
    measures_csv_text,
    observations_to_frame,
    read_measures,
    validate_measures,
)

SOURCE = "reports/2014-07-08_kcsp_agenda_pack.md"


def _observations():
    # agenda pack line 797: "Number of Domestic Abuse Incidents (Kent excluding Medway)
    #   18,376	19259	20276" and line 798: "% of repeat victims ... 24.0%	24.2%	24.8%"
    fy = parse_period
    return [
        Observation(
            "da_repeat_victims_pct", "Kent", fy("2013/14"), 24.8, "", SOURCE, "line 798", decimals=1
        ),
        Observation("da_incidents", "Kent", fy("2013/14"), 20276, "", SOURCE, "line 797"),
        Observation("da_incidents", "Kent", fy("'10/11"), 18376, "", SOURCE, "line 797"),
        Observation(
            "da_repeat_victims_pct", "Kent", fy("'10/11"), 24.0, "", SOURCE, "line 798", decimals=1
        ),
    ]


def test_frame_has_contract_columns_sorted_by_measure_area_period():
    frame = observations_to_frame(_observations())
    assert tuple(frame.columns) == WRITTEN_COLUMNS
    assert WRITTEN_COLUMNS[: len(MEASURE_COLUMNS)] == MEASURE_COLUMNS
    assert list(zip(frame["measure"], frame["period"], strict=True)) == [
        ("da_incidents", "2010/11"),
        ("da_incidents", "2013/14"),
        ("da_repeat_victims_pct", "2010/11"),
        ("da_repeat_victims_pct", "2013/14"),
    ]
    assert list(frame["unit"]) == ["count", "count", "percent", "percent"]


def test_csv_is_exact_and_round_trips(tmp_path):
    path = tmp_path / "measures.csv"
    frame = observations_to_frame(_observations())
    path.write_text(measures_csv_text(frame), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1] == (
        "da_incidents,Kent,2010/11,financial_year,2010-04-01,2011-03-31,18376,count,,"
        f"{SOURCE},line 797,0"
    )
    assert "24.8,percent" in text
    # line 798 prints "24.0%": the value keeps the decimal it was printed with.
    assert ",24.0,percent,," in text
    pd.testing.assert_frame_equal(read_measures(path), frame)
    path.write_text(measures_csv_text(read_measures(path)), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


def test_equal_figures_from_two_places_compare_equal():
    a, b = (
        _observations()[1],
        Observation(
            "da_incidents", "Kent", parse_period("2013/14"), 20276, "", "figures/q.csv", "row 2"
        ),
    )
    assert a == b


def test_schema_violation_names_the_row_and_the_problem(tmp_path):
    path = tmp_path / "measures.csv"
    path.write_text(measures_csv_text(observations_to_frame(_observations())), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("24.8,percent", "124.8,percent")
    lines[1] = lines[1].replace(",Kent,", ",Kentt,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KcspError) as info:
        read_measures(path)
    message = str(info.value)
    assert message.startswith(f"{path}: 2 row(s) break the measures schema:")
    assert f"line 2 (da_incidents, Kentt, 2010/11, {SOURCE} line 797): area 'Kentt'" in message
    assert "line 5 (da_repeat_victims_pct, Kent, 2013/14" in message
    assert "percent value outside 0-100" in message


def test_unit_must_be_the_measures_unit():
    frame = observations_to_frame(_observations())
    frame.loc[0, "unit"] = "percent"
    with pytest.raises(KcspError, match="unit is not the measure's unit"):
        validate_measures(frame)


def test_wrong_columns_are_named(tmp_path):
    path = tmp_path / "measures.csv"
    path.write_text("measure,area,value\nda_incidents,Kent,1\n", encoding="utf-8")
    with pytest.raises(KcspError, match=r"line 1: expected columns measure, area, period"):
        read_measures(path)


def test_missing_file_says_to_extract(tmp_path):
    with pytest.raises(KcspError, match="no measures file; run `kcsp extract` first"):
        read_measures(tmp_path / "measures.csv")
