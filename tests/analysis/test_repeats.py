"""Repeat rates against the CAADA range; MARAC volume against the SafeLives expectation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kcsp_analysis.analysis.repeats import marac_volume, read_population, repeat_rates
from kcsp_analysis.errors import KcspError
from tests.conftest import AGENDA_PACK, raw_line
from tests.seed_figures import seed_frame


def test_marac_repeat_rate_2013_14_is_below_the_caada_range_even_allowing_for_chance():
    """Seed 003 line 807: 283 repeats of 1,229 cases (23%); Wilson 20.8% to 25.5%, whose
    upper end is below 28% (line 1099: "CAADA would expect to see between 28 and 40%")."""
    assert "whereas the rate in Kent is at 24%" in raw_line(AGENDA_PACK, 1099)
    table = repeat_rates(seed_frame(), "Kent")
    row = table[(table["measure"] == "marac_repeat_pct") & (table["period"] == "2013/14")].iloc[0]
    assert (row["k"], row["n"], row["rate"]) == (283, 1229, 23.0)
    assert (round(row["ci_low"], 1), round(row["ci_high"], 1)) == (20.8, 25.5)
    assert (row["band_low"], row["band_high"], row["below_band"]) == (28.0, 40.0, True)
    # Both readings, never one as fact: line 1099 reads the low rate as "This success".
    assert row["reading"].startswith(
        "below the expected 28-40% even allowing for chance. CAADA reads a rate below the "
        "range as repeat cases not being identified; the partnership's MARAC paper reads the "
        "same figure as a success"
    )
    assert "likely under-identification" not in row["reading"]


def test_years_without_counts_have_no_interval_and_say_so():
    """Line 801: 14.9% ('10/11) and 22.4% (2012/13); no cases are printed for those years."""
    table = repeat_rates(seed_frame(), "Kent")
    marac = table[table["measure"] == "marac_repeat_pct"].set_index("period")
    assert pd.isna(marac.loc["2012/13", "ci_low"]) and pd.isna(marac.loc["2012/13", "n"])
    assert marac.loc["2010/11", "reading"].startswith(
        "below the expected 28-40% (no interval: the counts behind the rate are not "
        "published). CAADA reads"
    )


def test_domestic_abuse_repeat_victims_have_no_band_and_no_interval():
    """Line 798: 24.0%, 24.2%, 24.8%, with no count of victims."""
    table = repeat_rates(seed_frame(), "Kent")
    da = table[table["measure"] == "da_repeat_victims_pct"]
    assert list(da["rate"]) == [24.0, 24.2, 24.8]
    assert da["ci_low"].isna().all() and da["below_band"].isna().all()
    assert set(da["reading"]) == {"no expected range is published for this rate"}


def _population(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ons_mid_year_females_16_plus.csv").write_text(text, encoding="utf-8")
    return folder


def test_marac_volume_per_10000_women(tmp_path):
    """1,229 cases in 2013/14 (line 807); with 600,000 women aged 16+ (a made-up figure for
    the test) the rate is 1229 / 600000 * 10000 = 20.48 a year, below the expected 40.
    Exact Poisson limits for 1,229 (chi-squared quantiles 2458 and 2460 df, halved): 1161.24
    and 1299.68, scaled by 1/60."""
    folder = _population(
        tmp_path / "population", "area,mid_year,females_16_plus\nE10000016,2013,600000\n"
    )
    table = marac_volume(seed_frame(), "Kent", folder)
    row = table.iloc[0]
    assert (row["period"], row["mid_year"], row["females_16_plus"]) == ("2013/14", 2013, 600000)
    assert row["per_10k"] == pytest.approx(20.4833, abs=1e-4)
    assert row["ci_low"] == pytest.approx(1161.24 / 60, abs=1e-3)
    assert row["ci_high"] == pytest.approx(1299.68 / 60, abs=1e-3)
    assert bool(row["below_expected"]) is True
    assert row["reading"] == "20.5 cases a year per 10,000 women aged 16+, below the expected 40"


def test_marac_volume_without_population_says_what_is_missing(tmp_path):
    folder = tmp_path / "population"
    table = marac_volume(seed_frame(), "Kent", folder)
    assert pd.isna(table.iloc[0]["per_10k"])
    assert table.iloc[0]["reading"] == (
        f"no population figure: add the ONS mid-year estimate of women aged 16+ in Kent for "
        f"2013 to {folder} (columns area, mid_year, females_16_plus)"
    )


def test_population_errors_name_file_and_line(tmp_path):
    folder = _population(
        tmp_path / "p1", "area,mid_year,females_16_plus\nKent,2013,600000\nKentt,2013,5\n"
    )
    with pytest.raises(KcspError) as caught:
        read_population(folder)
    path = folder / "ons_mid_year_females_16_plus.csv"
    assert str(caught.value) == f"{path}: line 3: unknown area 'Kentt'; closest: Kent"

    folder = _population(tmp_path / "p2", "area,year,females\nKent,2013,600000\n")
    with pytest.raises(
        KcspError,
        match=r"line 1: expected columns area, mid_year, females_16_plus; "
        r"missing mid_year, females_16_plus",
    ):
        read_population(folder)

    folder = _population(tmp_path / "p3", "area,mid_year,females_16_plus\nKent,2013,lots\n")
    with pytest.raises(
        KcspError,
        match="line 2: mid_year and females_16_plus must be whole numbers; found '2013', 'lots'",
    ):
        read_population(folder)

    folder = _population(
        tmp_path / "p4", "area,mid_year,females_16_plus\nKent,2013,1\nE10000016,2013,2\n"
    )
    with pytest.raises(
        KcspError,
        match=r"line 3: Kent 2013 is already given at ons_mid_year_females_16_plus\.csv line 2",
    ):
        read_population(folder)
