"""Tidy series, wide tables and series breaks from the measures frame."""

from __future__ import annotations

import pandas as pd
import pytest

from kcsp_analysis.analysis.series import breaks_between, series, wide
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import financial_year
from kcsp_analysis.processed.measures import observations_to_frame
from tests.conftest import AGENDA_PACK
from tests.seed_figures import seed_frame


def test_series_is_sorted_by_period_with_sources():
    """Seed 003 line 797: DA incidents 18,376 ('10/11), 19259 (2012/13), 20276 (2013/14)."""
    result = series(seed_frame(), "da_incidents", "Kent")
    assert list(result["period"]) == ["2010/11", "2012/13", "2013/14"]
    assert list(result["value"]) == [18376.0, 19259.0, 20276.0]
    assert result["sources"].iloc[0] == f"{AGENDA_PACK} line 797"
    assert result["period_start"].iloc[2] == pd.Timestamp("2013-04-01")


def test_equal_figures_from_two_places_merge_with_both_sources():
    """The 2013/14 MARAC repeat rate is 23% in the table (line 801) and the text (line 807)."""
    result = series(seed_frame(), "marac_repeat_pct", "Kent")
    last = result.iloc[-1]
    assert (last["period"], last["value"]) == ("2013/14", 23.0)
    assert last["sources"] == f"{AGENDA_PACK} line 801; {AGENDA_PACK} line 807"


def test_differing_figures_name_both_rows_and_the_current_view():
    """Line 1099 says the Kent rate "is at 24%"; line 801 prints 23% for 2013/14."""
    extra = observations_to_frame(
        [
            Observation(
                "marac_repeat_pct", "Kent", financial_year(2013), 24.0, "", AGENDA_PACK, "line 1099"
            )
        ]
    )
    frame = pd.concat([seed_frame(), extra], ignore_index=True)
    with pytest.raises(KcspError) as caught:
        series(frame, "marac_repeat_pct", "Kent")
    assert str(caught.value) == (
        f"{AGENDA_PACK}: line 801: marac_repeat_pct, Kent, 2013/14 has differing values: "
        f"23 in {AGENDA_PACK} line 801; 23 in {AGENDA_PACK} line 807; "
        f"24 in {AGENDA_PACK} line 1099; pass the current view (load_measures(current=True)), "
        "which keeps one value per figure"
    )


def test_unknown_measure_names_the_closest():
    with pytest.raises(KcspError, match="unknown measure 'da_incident'; closest: da_incidents"):
        series(seed_frame(), "da_incident", "Kent")


def test_period_type_filter_and_empty_series():
    assert series(seed_frame(), "ksi_casualties", "Kent", "financial_year").empty
    assert len(series(seed_frame(), "ksi_casualties", "Kent", "calendar_year")) == 3
    assert series(seed_frame(), "ksi_casualties", "Dover").empty


def test_wide_puts_measures_down_and_periods_across_in_order():
    """Seed 003 lines 898-899: theft 25,335 / 23,491 / 24,482; burglary 4,354 / 5,294 / 5,322."""
    table = wide(seed_frame(), ["domestic_burglary", "theft_and_handling"], index="measure")
    assert list(table.columns) == ["2010/11", "2012/13", "2013/14"]
    assert list(table.index) == ["theft_and_handling", "domestic_burglary"]
    assert table.loc["domestic_burglary", "2012/13"] == 5294.0


def test_wide_refuses_to_mix_measures_in_one_cell():
    with pytest.raises(KcspError, match="a table of area by period needs one measure; found"):
        wide(seed_frame())


def test_breaks_between_marks_the_16_17_year_old_definition_change():
    """Seed 003 line 803: "incidents now include 16-17year olds"; the catalogue dates the
    break 2013-03-31, so 2012/13 to 2013/14 crosses it and 2013/14 to 2014/15 does not."""
    crossing = breaks_between("da_incidents", financial_year(2012), financial_year(2013))
    assert [b.break_date for b in crossing] == ["2013-03-31"]
    assert breaks_between("da_incidents", financial_year(2013), financial_year(2014)) == ()
    assert breaks_between("ksi_casualties", financial_year(2012), financial_year(2013)) == ()


def test_series_keeps_the_printed_precision_of_each_figure():
    """Line 763 prints "4.5%	2.4%	2.0%" for high ASB perception, and line 765's text
    says "from 4.5% to 2%": the same 2012/13 value, printed to one decimal in the table,
    so the briefing writes 2.0%."""
    from kcsp_analysis.analysis.wording import format_row
    from kcsp_analysis.extract import extract_report
    from tests.conftest import SHIPPED_RAW

    extraction = extract_report(SHIPPED_RAW, AGENDA_PACK)
    frame = observations_to_frame(extraction.observations)
    result = series(frame, "asb_perception_high_pct", "Kent")
    last = result.iloc[-1]
    assert (last["period"], last["value"], last["decimals"]) == ("2012/13", 2.0, 1)
    assert format_row(last) == "2.0%"
