"""The analysis on the figures extracted from the shipped reports (current view)."""

from __future__ import annotations

import pytest

import kcsp_analysis
from kcsp_analysis.analysis import compare, latest_comparisons, repeat_rates
from kcsp_analysis.build.extraction import run_extract
from tests.conftest import SHIPPED_RAW


@pytest.fixture(scope="module")
def current(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed") / "measures.csv"
    run_extract(SHIPPED_RAW, out)
    return kcsp_analysis.load_measures(out, current=True)


def test_ksi_change_from_the_extracted_table(current):
    """Seed 003 line 960: 524 (2012, 366 days) and 594 (2013, 365 days): daily rates
    1.43169 and 1.62740, 13.669% higher (594 x 366 / (524 x 365) = 1.13669)."""
    result = compare(current, "ksi_casualties", "Kent", "2012", "2013")
    assert result.pct_change == pytest.approx(13.669, abs=1e-3)
    assert result.significant is True
    assert result.sources[1].endswith("line 960")


def test_domestic_abuse_sentence_from_the_extracted_table(current):
    """Seed 003 line 797: 19259 and 20276, printed "▲ 5.3%"."""
    found = latest_comparisons(current, "da_incidents", "Kent")
    assert found["year_on_year"].sentence.startswith(
        "Domestic abuse incidents rose 5.3% to 20,276 in 2013/14 compared with 2012/13; "
        "the two figures are not like for like because of a series break"
    )
    assert found["year_on_year"].crosses_break


def test_marac_repeat_rate_2013_14_from_the_extracted_report(current):
    """Seed 003 line 807: 283 of 1,229; below the CAADA range (line 1099)."""
    table = repeat_rates(current, "Kent")
    row = table[(table["measure"] == "marac_repeat_pct") & (table["period"] == "2013/14")]
    assert (row["k"].item(), row["n"].item()) == (283, 1229)
    assert row["ci_high"].item() < 28


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    """The full frame, as ``load_measures()`` gives it by default (duplicates included)."""
    out = tmp_path_factory.mktemp("processed_all") / "measures.csv"
    run_extract(SHIPPED_RAW, out)
    return kcsp_analysis.load_measures(out)


def test_every_public_name_loads_and_the_documented_ones_are_listed():
    import re

    from tests.conftest import PROJECT_ROOT

    for name in kcsp_analysis.__all__:
        assert getattr(kcsp_analysis, name) is not None, name
    documented = set()
    for doc in ["README.md", "docs/analysis.md"]:
        text = (PROJECT_ROOT / doc).read_text(encoding="utf-8")
        for names in re.findall(r"from kcsp_analysis import ([\w, ]+)", text):
            documented |= {n.strip() for n in names.split(",")}
        documented |= set(re.findall(r"`(\w+)\(", text)) & set(dir(kcsp_analysis.analysis))
    documented |= {"series", "wide", "trend_table", "plot_series", "plot_repeat_rates", "plot_xmr"}
    assert documented - set(kcsp_analysis.__all__) == set()


def test_compare_and_series_on_the_full_frame_use_the_current_view(everything, current):
    """Issue 11: MARAC repeat 2013/14 is 23% (line 801) and 24% (line 1099) in the full
    frame; compare on other periods failed because of it. The table's 23% is current."""
    assert set(everything["value"][everything["measure"] == "marac_repeat_pct"]) >= {23.0, 24.0}
    full = compare(everything, "ksi_casualties", "Kent", "2012", "2013")
    assert full == compare(current, "ksi_casualties", "Kent", "2012", "2013")
    marac = kcsp_analysis.series(everything, "marac_repeat_pct", "Kent")
    assert marac["value"].tolist() == [14.9, 22.4, 23.0]  # line 801: 14.9% 22.4% 23%
    latest = compare(everything, "marac_repeat_pct", "Kent", "2012/13", "2013/14")
    assert (latest.from_value, latest.to_value) == (22.4, 23.0)


def test_a_frame_without_its_revisions_names_both_sources_of_the_figure(everything):
    import pandas as pd

    plain = pd.DataFrame(everything)
    plain.attrs = {}
    compare(plain, "ksi_casualties", "Kent", "2012", "2013")  # other figures do not matter
    with pytest.raises(kcsp_analysis.errors.KcspError) as caught:
        compare(plain, "marac_repeat_pct", "Kent", "2012/13", "2013/14")
    message = str(caught.value)
    assert "24 in reports/2014-07-08_kcsp_agenda_pack.md line 1099" in message
    assert "23 in reports/2014-07-08_kcsp_agenda_pack.md line 801" in message


def test_the_templates_aliases_work_in_compare_and_series(current):
    """The template lists "Kent excluding Medway" as Kent (area_aliases.csv)."""
    by_alias = compare(
        current, "Number of Domestic Abuse Incidents", "Kent excluding Medway", "2012/13", "2013/14"
    )
    assert (by_alias.measure, by_alias.area, by_alias.to_value) == ("da_incidents", "Kent", 20276)
    assert kcsp_analysis.series(current, "ksi_casualties", "Kent (exc. Medway)")[
        "value"
    ].tolist() == [
        547.0,
        524.0,
        594.0,
    ]


def test_a_string_where_a_list_is_expected_is_one_name(current):
    table = kcsp_analysis.wide(current, measures="da_incidents")
    assert table.loc["Kent"].tolist() == [18376.0, 19259.0, 20276.0]  # line 797
    assert table.equals(kcsp_analysis.wide(current, measures=["da_incidents"]))


def test_no_figures_raise_an_error_naming_what_exists(current):
    from kcsp_analysis.errors import KcspError

    expected = "no da_incidents figures for Dover; da_incidents has figures for: Kent; "
    for call in (
        lambda: kcsp_analysis.plot_series(current, "da_incidents", "Dover"),
        lambda: compare(current, "da_incidents", "Dover", "2012/13", "2013/14"),
    ):
        with pytest.raises(KcspError) as caught:
            call()
        assert str(caught.value) == expected + "Dover has figures of: none"
    with pytest.raises(KcspError, match=r"^no figures for da_incidents in Dover; the frame has"):
        kcsp_analysis.wide(current, measures="da_incidents", areas="Dover")
    with pytest.raises(KcspError, match=r"unknown area 'Kentt'; closest: Kent"):
        compare(current, "da_incidents", "Kentt", "2012/13", "2013/14")
