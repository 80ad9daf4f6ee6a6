"""ONS mid-year estimates: all ages for rates per 1,000, women 16+ for MARAC volume."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kcsp_analysis.analysis.population import funnel, read_estimates
from kcsp_analysis.analysis.repeats import read_population
from kcsp_analysis.errors import KcspError


def test_both_counts_are_read_and_codes_become_names(tmp_path: Path):
    (tmp_path / "mye.csv").write_text(
        "\ufeffarea,mid_year,all_ages,females_16_plus\n"
        'E06000035,2016,"278,542",\nKent,2016,1540400,640000\n',
        encoding="utf-8",
    )
    frame = read_estimates(tmp_path)
    assert frame[["area", "mid_year"]].values.tolist() == [["Medway", 2016], ["Kent", 2016]]
    assert frame["all_ages"].tolist() == [278542.0, 1540400.0]
    assert frame["females_16_plus"].isna().tolist() == [True, False]
    # MARAC volume reads only the rows that give women aged 16+.
    assert read_population(tmp_path)[["area", "females_16_plus"]].values.tolist() == [
        ["Kent", 640000]
    ]


def test_all_ages_only_file_does_not_stop_marac_volume(tmp_path: Path):
    (tmp_path / "all_ages.csv").write_text("area,mid_year,all_ages\nDover,2016,112000\n")
    assert read_population(tmp_path).empty
    assert read_estimates(tmp_path)["all_ages"].tolist() == [112000.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("area,year,all_ages\nKent,2016,1\n", "line 1: expected columns area, mid_year and"),
        ("area,mid_year,all_ages\nKentt,2016,1\n", "line 2: unknown area 'Kentt'"),
        ("area,mid_year,all_ages\nKent,2016,many\n", "line 2: mid_year and the counts must be"),
        ("area,mid_year,all_ages\nKent,2016,0\n", "line 2: all_ages must be positive"),
        ("area,mid_year,all_ages\nKent,2016,5\nKent,2016,6\n", "line 3: Kent 2016 all_ages is"),
    ],
)
def test_bad_rows_are_refused_naming_file_and_line(tmp_path: Path, text: str, message: str):
    (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
    with pytest.raises(KcspError) as caught:
        read_estimates(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'bad.csv'}: {message}")


def test_no_folder_is_no_estimates(tmp_path: Path):
    assert read_estimates(tmp_path / "absent").empty
    assert read_estimates(None).empty


def _comparison(rows: list[tuple[str, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"area": a, "period": "p", "count": c, "mid_year": 2016, "residents": n,
             "per_1000": c / n * 1000, "source": ""}
            for a, c, n in rows
        ]
    )  # fmt: skip


def test_funnel_limits_are_the_exact_poisson_limits_of_the_expected_count():
    """Pooled rate 30 / 30,000 = 1 per 1,000, so each area of 10,000 expects 10.

    The exact (Garwood) 95% interval for a Poisson count of 10 is 4.795 to 18.390 (as in
    published tables of exact Poisson limits), that is 0.4795 to 1.8390 per 1,000.
    """
    points = funnel(_comparison([("A", 5, 10_000), ("B", 10, 10_000), ("C", 15, 10_000)]))
    assert points["pooled"].tolist() == pytest.approx([1.0] * 3)
    assert points["lower_95"].tolist() == pytest.approx([0.4795] * 3, abs=1e-4)
    assert points["upper_95"].tolist() == pytest.approx([1.8390] * 3, abs=1e-4)
    assert points["position"].tolist() == ["within"] * 3


def test_a_small_area_far_above_the_pooled_rate_is_outside_the_funnel():
    """40 in 10,000 (4.0 per 1,000) against a pooled 1,040 / 1,010,000 (1.03 per 1,000)."""
    points = funnel(_comparison([("Big", 1000, 1_000_000), ("Small", 40, 10_000)]))
    assert points.set_index("area")["position"].to_dict() == {"Big": "within", "Small": "above"}


def test_areas_without_an_estimate_are_left_out_of_the_funnel():
    rows = _comparison([("A", 5, 10_000), ("B", 10, float("nan"))])
    assert funnel(rows)["area"].tolist() == ["A"]
