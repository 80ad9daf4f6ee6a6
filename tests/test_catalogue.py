"""The catalogue: contract measure ids, areas with GSS codes, report aliases."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from kcsp_analysis import catalogue
from tests.conftest import AGENDA_PACK, raw_line

CONTRACT_MEASURES = {
    "da_incidents": "count",
    "da_repeat_victims_pct": "percent",
    "marac_cases": "count",
    "marac_repeat_cases": "count",
    "marac_repeat_pct": "percent",
    "marac_cases_monthly_avg": "count_per_month",
    "ksi_casualties": "count",
    "road_deaths": "count",
    "seriously_injured": "count",
    "slightly_injured": "count",
    "theft_and_handling": "count",
    "domestic_burglary": "count",
    "violent_crime": "count",
    "violence_against_the_person": "count",
    "asb_incidents": "count",
    "asb_satisfaction_pct": "percent",
    "asb_perception_high_pct": "percent",
}
# DESIGN.md, "Contract additions", "More measure ids".
CONTRACT_ADDITIONS = {
    "all_crime": "count",
    "robbery": "count",
    "violence_with_injury": "count",
    "ksi_collisions": "count",
    "marac_cases_quarterly_avg": "count_per_quarter",
    "marac_cases_per_10k_adult_females": "rate_per_10k",
    "burglary": "count",
    "violence_and_sexual_offences": "count",
    **{
        m: "count"
        for m in (
            "shoplifting",
            "bicycle_theft",
            "criminal_damage_and_arson",
            "drugs",
            "other_theft",
            "possession_of_weapons",
            "public_order",
            "theft_from_the_person",
            "vehicle_crime",
            "other_crime",
        )
    },
}
# Beyond the contract: STATS19's severity-adjusted KSI (issue 16).
OTHER_MEASURES = {"ksi_casualties_adjusted": "count"}


def test_every_contract_measure_is_catalogued_with_its_unit():
    expected = {**CONTRACT_MEASURES, **CONTRACT_ADDITIONS, **OTHER_MEASURES}
    assert {m.id: m.unit for m in catalogue.measures().values()} == expected


def test_polarity_and_units_are_from_the_known_sets():
    for m in catalogue.measures().values():
        assert m.polarity in catalogue.POLARITIES, m.id
        assert m.unit in catalogue.UNITS, m.id


def test_domestic_abuse_reports_rising_is_contested_not_bad():
    """The partnership reads more domestic abuse reports as more victims coming forward."""
    assert catalogue.measure("da_incidents").polarity == "contested"
    assert catalogue.measure("ksi_casualties").polarity == "up_is_bad"
    assert catalogue.measure("asb_satisfaction_pct").polarity == "up_is_good"


def test_contract_areas_and_gss_codes():
    codes = {a.name: a.gss_code for a in catalogue.areas().values()}
    assert codes["Kent"] == "E10000016"
    assert codes["Medway"] == "E06000035"
    assert codes["Kent and Medway"] == "E23000032"
    districts = [a.name for a in catalogue.areas().values() if a.kind == "district"]
    assert sorted(districts) == sorted(
        [
            "Ashford",
            "Canterbury",
            "Dartford",
            "Dover",
            "Folkestone and Hythe",
            "Gravesham",
            "Maidstone",
            "Sevenoaks",
            "Swale",
            "Thanet",
            "Tonbridge and Malling",
            "Tunbridge Wells",
        ]
    )


@pytest.mark.parametrize(
    ("printed", "area"),
    [
        ("Kent excluding Medway", "Kent"),
        ("Kent (exc. Medway)", "Kent"),
        ("exc. Medway", "Kent"),
        ("Kent & Medway", "Kent and Medway"),
        ("Kent &amp; Medway", "Kent and Medway"),
        ("Shepway", "Folkestone and Hythe"),
        ("Medway", "Medway"),
        ("Tonbridge &amp; Malling", "Tonbridge and Malling"),
    ],
)
def test_area_aliases(printed, area):
    assert catalogue.resolve_area(printed) == area


def test_area_and_measure_from_seed_table_labels():
    """Row labels of the performance tables, agenda pack lines 797 and 899."""
    label = raw_line(AGENDA_PACK, 797).split("\t")[0]
    assert label == "Number of Domestic Abuse Incidents (Kent excluding Medway)"
    assert catalogue.resolve_measure(label) == "da_incidents"
    assert catalogue.resolve_area(label) == "Kent"
    label = raw_line(AGENDA_PACK, 899).split("\t")[0]
    assert label == "Level of Domestic Burglary (exc. Medway)"
    assert catalogue.resolve_measure(label) == "domestic_burglary"
    assert catalogue.resolve_area(label) == "Kent"


def test_longest_measure_alias_wins():
    """'killed or seriously injured' names KSI, not the 'seriously injured' component."""
    label = raw_line(AGENDA_PACK, 960).split("\t")[0]
    assert catalogue.resolve_measure(label) == "ksi_casualties"


def test_unknown_label_resolves_to_none():
    assert catalogue.resolve_area("Birmingham") is None
    assert catalogue.resolve_measure("Number of parking fines") is None


def test_unknown_measure_message_names_the_closest_ids():
    with pytest.raises(KeyError, match="unknown measure 'da_incident'; closest: da_incidents"):
        catalogue.measure("da_incident")


def test_alias_files_point_at_catalogued_ids():
    files = resources.files("kcsp_analysis").joinpath("data")
    with files.joinpath("measure_aliases.csv").open(encoding="utf-8") as handle:
        assert {r["measure"] for r in csv.DictReader(handle)} <= set(catalogue.measures())
    with files.joinpath("area_aliases.csv").open(encoding="utf-8") as handle:
        assert {r["area"] for r in csv.DictReader(handle)} <= set(catalogue.areas())


def test_series_breaks_name_catalogued_measures_with_a_reason():
    breaks = catalogue.series_breaks()
    assert {b.measure for b in breaks} >= {"da_incidents", "violent_crime"}
    for b in breaks:
        assert b.measure in catalogue.measures()
        assert b.reason and b.citation


def test_every_measure_has_a_variation_model():
    """Issue 13: road casualties Poisson, police-recorded counts overdispersed, survey
    shares survey."""
    from kcsp_analysis.analysis.variation import MODELS

    models = {m.id: m.variation for m in catalogue.measures().values()}
    assert set(models.values()) <= set(MODELS)
    assert {models[m] for m in ("ksi_casualties", "road_deaths", "seriously_injured")} == {
        "poisson"
    }
    for m in ("theft_and_handling", "domestic_burglary", "violent_crime", "asb_incidents"):
        assert models[m] == "overdispersed"
    assert models["asb_satisfaction_pct"] == models["asb_perception_high_pct"] == "survey"
