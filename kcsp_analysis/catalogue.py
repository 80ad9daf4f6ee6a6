"""Measures, areas, the labels reports use for them, and the words around figures.

The catalogue is data shipped with the package (``kcsp_analysis/data/*.csv``): a new
report that words a measure or an area differently needs a new alias row, not new code.
Every package data file is read here (:func:`read_data_csv`), and the vocabularies
(qualifier words such as "over" and "about") come from :func:`qualifier_words`.
"""

from __future__ import annotations

import csv
import difflib
import functools
import html
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
    variation: str = "poisson"
    """How the measure varies by chance: ``poisson``, ``overdispersed``, ``binomial``
    or ``survey`` (see :mod:`kcsp_analysis.analysis.variation`)."""


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


@functools.cache
def _data_text(name: str) -> str:
    return resources.files("kcsp_analysis").joinpath("data", name).read_text(encoding="utf-8")


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Read a CSV file of the package's ``data/`` folder as rows of text.

    >>> read_data_csv("measures.csv")[0]["id"]
    'da_incidents'
    """
    return list(csv.DictReader(_data_text(name).splitlines()))


@functools.cache
def qualifier_words(use: str) -> tuple[tuple[str, str], ...]:
    """Return the (qualifier, phrase) pairs of ``data/qualifier_words.csv`` for one use.

    Uses: ``sentence`` (phrases before a figure in a report), ``figures_file`` (the
    qualifier column of a figures file), ``briefing`` and ``check_note`` (the words
    printed for a qualifier).

    >>> dict(qualifier_words("briefing"))["approx"]
    'about'
    """
    rows = [r for r in read_data_csv("qualifier_words.csv") if r["use"] == use]
    if not rows:
        raise ValueError(f"no qualifier words for use {use!r}")
    return tuple((r["qualifier"], r["phrase"]) for r in rows)


def strip_markup(text: str, tag: str = "") -> str:
    """Return text without the markup conversion leaves: tags, footnote superscripts, entities.

    ``tag`` replaces each tag: ``""`` joins what a tag split ("<b>4</b>9%" is "49%"),
    ``" "`` keeps words apart.

    >>> strip_markup("Kent &amp; Medway<sup>5</sup> <b>4</b> 9%")
    'Kent & Medway 4 9%'
    """
    text = re.sub(r"<sup>[^<]*</sup>", "", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]*>", tag, text)
    text = text.replace("**", "")
    return html.unescape(text).replace("\xa0", " ")


@functools.cache
def measures() -> dict[str, Measure]:
    """All measures by id, in catalogue order."""
    return {row["id"]: Measure(**row) for row in read_data_csv("measures.csv")}


@functools.cache
def areas() -> dict[str, Area]:
    """All areas by name, in catalogue order."""
    return {row["name"]: Area(**row) for row in read_data_csv("areas.csv")}


@functools.cache
def series_breaks() -> tuple[SeriesBreak, ...]:
    """Known series breaks, in catalogue order."""
    return tuple(SeriesBreak(**row) for row in read_data_csv("series_breaks.csv"))


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
    text = strip_markup(text, tag=" ").replace("&", " and ")
    text = text.lower()
    text = re.sub(r"[^a-z0-9%]+", " ", text)
    return " ".join(text.split())


@functools.cache
def _aliases(name: str, target_column: str) -> tuple[tuple[str, str], ...]:
    rows = [(normalise_label(r["alias"]), r[target_column]) for r in read_data_csv(name)]
    # Longest alias first, so "Kent excluding Medway" wins over "Medway".
    return tuple(sorted(set(rows), key=lambda pair: (-len(pair[0]), pair[0])))


@functools.cache
def _area_forms() -> tuple[tuple[str, str], ...]:
    """Area aliases and organisation names (target ``""``), longest first.

    An organisation's name ("Kent Police") is matched, and consumed, before the shorter
    area name inside it ("Kent"), so it never reads as an area.
    """
    names = [(normalise_label(r["name"]), "") for r in read_data_csv("organisation_names.csv")]
    rows = [*_aliases("area_aliases.csv", "area"), *names]
    return tuple(sorted(set(rows), key=lambda pair: (-len(pair[0]), pair[0])))


@functools.cache
def _organisation_areas() -> dict[str, str]:
    """Organisation names that, as a whole label, stand for the area they cover."""
    rows = read_data_csv("organisation_names.csv")
    return {normalise_label(r["name"]): r["area_covered"] for r in rows if r["area_covered"]}


def _find_alias(text: str, aliases: tuple[tuple[str, str], ...]) -> str | None:
    folded = f" {normalise_label(text)} "
    for alias, target in aliases:
        if f" {alias} " in folded:
            if target:
                return target
            folded = folded.replace(f" {alias} ", " | ")
    return None


def resolve_area(text: str) -> str | None:
    """Return the area a printed label names, or ``None``.

    The longest alias found in the label wins. An organisation's name inside a label
    is not an area; a label that is wholly such a name stands for the area it covers.

    >>> resolve_area("Number of Domestic Abuse Incidents (Kent excluding Medway)")
    'Kent'
    >>> resolve_area("Shepway")
    'Folkestone and Hythe'
    >>> resolve_area("Kent Police, recorded offences"), resolve_area("Kent Police: Dover")
    (None, 'Dover')
    >>> resolve_area("Kent County Council")  # a whole label: the council's area
    'Kent'

    """
    whole = _organisation_areas().get(normalise_label(text))
    return whole or _find_alias(text, _area_forms())


def areas_named(text: str) -> tuple[str, ...]:
    """Return every area ``text`` names, each once, longest printed form first.

    A form inside a longer one is not a second area: "Kent excluding Medway" names Kent
    only. Context such as a caption that names two areas binds neither.

    >>> areas_named("Kent (excluding Medway), by district")
    ('Kent',)
    >>> areas_named("District data pack: Dover. Kent and Medway figures")
    ('Kent and Medway', 'Dover')

    An area said to be reported separately is left out, not named:

    >>> areas_named("All Kent MARACs (Medway MARAC reported separately)")
    ('Kent',)
    """
    folded = f" {normalise_label(text)} "
    marked: list[tuple[str, str]] = []
    for alias, target in _area_forms():
        if f" {alias} " in folded:
            mark = f"§{len(marked)}"
            folded = folded.replace(f" {alias} ", f" {mark} ")
            marked.append((mark, target))
    separate = _separate_marks(folded)
    found: list[str] = []
    for mark, target in marked:
        if target and mark not in separate and target not in found:
            found.append(target)
    return tuple(found)


_SEPARATELY = re.compile(r" (?:is |are )?(?:reported|shown|published|presented|given) separately ")
_SEPARATE_REACH = 3
"""Words between an area and "reported separately" ("Medway MARAC figures are ...")."""


def _separate_marks(folded: str) -> set[str]:
    """Return the area marks (``§3``) nearest before each "reported separately"."""
    marks = set()
    for match in _SEPARATELY.finditer(folded):
        before = folded[: match.start()].split()[-(_SEPARATE_REACH + 1) :]
        nearest = [word for word in before if word.startswith("§")]
        if nearest:
            marks.add(nearest[-1])
    return marks


def resolve_measure(text: str) -> str | None:
    """Return the measure a printed label names, or ``None``.

    >>> resolve_measure("Level of Violence against the Person (VAP) (exc. Medway)")
    'violence_against_the_person'
    """
    return _find_alias(text, _aliases("measure_aliases.csv", "measure"))


def area_aliases() -> dict[str, str]:
    """Every printed form of an area the catalogue knows, mapped to its area name."""
    return {row["alias"]: row["area"] for row in read_data_csv("area_aliases.csv")}


@functools.cache
def per_period_measures() -> dict[tuple[str, str], str]:
    """Averages the catalogue holds, by (count measure, per): ("marac_cases", "month")."""
    rows = read_data_csv("per_period_measures.csv")
    return {(r["count_measure"], r["per"]): r["measure"] for r in rows}


@functools.cache
def share_measures() -> dict[str, str]:
    """Count measures whose percent is a share of their base, and the share's measure."""
    rows = read_data_csv("share_measures.csv")
    return {row["count_measure"]: row["share_measure"] for row in rows}


def measure_aliases() -> dict[str, str]:
    """Every printed form of a measure the catalogue knows, mapped to its id."""
    return {row["alias"]: row["measure"] for row in read_data_csv("measure_aliases.csv")}


def lookup_measure(text: str) -> str | None:
    """Return the measure id that ``text`` is: an id or, as a whole, an alias; else ``None``.

    The one alias table of the package: figures files, ``compare`` and ``series`` all
    take what the template lists.

    >>> lookup_measure("Number of Domestic Abuse Incidents"), lookup_measure("domestic")
    ('da_incidents', None)
    """
    text = str(text).strip()
    if text in measures():
        return text
    folded = normalise_label(text)
    for alias, measure_id in measure_aliases().items():
        if normalise_label(alias) == folded:
            return measure_id
    return None


def lookup_area(text: str) -> str | None:
    """Return the area that ``text`` is: a name or, as a whole, an alias; else ``None``.

    Exact names or aliases only: "Dover and Deal" must not quietly become Dover.

    >>> lookup_area("Kent excluding Medway"), lookup_area("kent & medway"), lookup_area("Dove")
    ('Kent', 'Kent and Medway', None)
    """
    folded = normalise_label(str(text))
    for name in areas():
        if normalise_label(name) == folded:
            return name
    for alias, name in area_aliases().items():
        if normalise_label(alias) == folded:
            return name
    return _organisation_areas().get(folded)
