"""Measures, areas and the labels reports use for them.

The catalogue is data shipped with the package (``kcsp_analysis/data/*.csv``): a new
report that words a measure or an area differently needs a new alias row, not new code.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

UNITS = ("count", "percent", "count_per_month", "count_per_quarter", "rate_per_10k")
POLARITIES = ("up_is_good", "up_is_bad", "contested")


@dataclass(frozen=True)
class Measure:
    """One measure of the data contract."""

    id: str
    display_name: str
    unit: str
    polarity: str
    theme: str
    description: str


@dataclass(frozen=True)
class Area:
    """One area, named as in the data contract, with its ONS GSS code."""

    name: str
    gss_code: str
    kind: str
    note: str


@dataclass(frozen=True)
class SeriesBreak:
    """A known discontinuity in a measure: figures either side are not like for like."""

    measure: str
    break_date: str
    reason: str
    citation: str
    restated: str = ""

    @property
    def restated_periods(self) -> frozenset[str]:
        """Labels of earlier periods republished on the new basis (``;``-separated)."""
        return frozenset(p.strip() for p in self.restated.split(";") if p.strip())


def _read_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("kcsp_analysis").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@functools.cache
def measures() -> dict[str, Measure]:
    """All measures by id, in catalogue order."""
    return {row["id"]: Measure(**row) for row in _read_rows("measures.csv")}


@functools.cache
def areas() -> dict[str, Area]:
    """All areas by name, in catalogue order."""
    return {row["name"]: Area(**row) for row in _read_rows("areas.csv")}


@functools.cache
def series_breaks() -> tuple[SeriesBreak, ...]:
    """Known series breaks, in catalogue order."""
    return tuple(SeriesBreak(**row) for row in _read_rows("series_breaks.csv"))


def measure(measure_id: str) -> Measure:
    """Return the measure with this id; ``KeyError`` naming the closest ids otherwise."""
    try:
        return measures()[measure_id]
    except KeyError:
        raise KeyError(unknown_message("measure", measure_id, measures())) from None


def unknown_message(kind: str, given: str, known: Iterable[str]) -> str:
    """``unknown area 'Kentt'; closest: Kent, Kent and Medway`` for error messages."""
    names = list(known)
    closest = difflib.get_close_matches(given, names, n=3, cutoff=0.5)
    if not closest:
        closest = difflib.get_close_matches(given.lower(), [n.lower() for n in names], n=3)
        closest = [n for n in names if n.lower() in closest]
    hint = f"; closest: {', '.join(closest)}" if closest else f"; known: {', '.join(names)}"
    return f"unknown {kind} {given!r}{hint}"


def normalise_label(text: str) -> str:
    """Fold a printed label for matching: markup, case, '&', punctuation and spaces."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = text.replace("&amp;", "&").replace("&", " and ")
    text = text.lower()
    text = re.sub(r"[^a-z0-9%]+", " ", text)
    return " ".join(text.split())


@functools.cache
def _aliases(name: str, target_column: str) -> tuple[tuple[str, str], ...]:
    rows = [(normalise_label(r["alias"]), r[target_column]) for r in _read_rows(name)]
    # Longest alias first, so "Kent excluding Medway" wins over "Medway".
    return tuple(sorted(set(rows), key=lambda pair: (-len(pair[0]), pair[0])))


def _find_alias(text: str, aliases: tuple[tuple[str, str], ...]) -> str | None:
    folded = f" {normalise_label(text)} "
    for alias, target in aliases:
        if f" {alias} " in folded:
            return target
    return None


def resolve_area(text: str) -> str | None:
    """Return the area a printed label names, or ``None``.

    The longest alias found in the label wins.

    >>> resolve_area("Number of Domestic Abuse Incidents (Kent excluding Medway)")
    'Kent'
    >>> resolve_area("Shepway")
    'Folkestone and Hythe'
    """
    return _find_alias(text, _aliases("area_aliases.csv", "area"))


def resolve_measure(text: str) -> str | None:
    """Return the measure a printed label names, or ``None``.

    >>> resolve_measure("Level of Violence against the Person (VAP) (exc. Medway)")
    'violence_against_the_person'
    """
    return _find_alias(text, _aliases("measure_aliases.csv", "measure"))


def area_aliases() -> dict[str, str]:
    """Every printed form of an area the catalogue knows, mapped to its area name."""
    return {row["alias"]: row["area"] for row in _read_rows("area_aliases.csv")}


def measure_aliases() -> dict[str, str]:
    """Every printed form of a measure the catalogue knows, mapped to its id."""
    return {row["alias"]: row["measure"] for row in _read_rows("measure_aliases.csv")}
