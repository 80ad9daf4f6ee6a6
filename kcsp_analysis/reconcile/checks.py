"""Reconciliation: every figure checked against every other statement of it.

One row per check, of five kinds:

``change``, ``diff_to_baseline``
    A change a report prints against the change recomputed from the figures it relates
    (percent change of a count, points for a percentage). Of the readings of a garbled
    cell, the one that agrees is kept and the note names the others.
``duplicate``
    The same measure, area and period printed in two places, compared with the value kept
    for analysis (:mod:`kcsp_analysis.reconcile.current`). A value a report says it amended ("from
    545 to 547") is not a conflict: the revisions table lists it with the amendment.
``approximate``
    An approximate figure ("exceeded 19,000") against the exact one.
``sum``
    A total against the sum of its parts, by the rules of
    ``kcsp_analysis/data/component_sums.csv`` (Kent is its 12 districts; killed or
    seriously injured is killed plus seriously injured).

Statuses: ``agrees``; ``within_rounding`` (consistent only once the rounding of the
printed figures is allowed for, and the note says how); ``truncated`` (the stated
change is the recomputed one cut, not rounded, to its decimals); ``disagrees``; ``unverifiable``
(the figures needed are not all known exactly). For duplicate, approximate and sum rows,
``stated`` is the figure at ``source``/``locator`` and ``recomputed`` the figure it is
checked against.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.extract.records import Amendment, Observation, Reading, StatedChange
from kcsp_analysis.processed.reconciliation import STATUSES, Check, checks_to_frame
from kcsp_analysis.reconcile.rate_counts import check_rate_counts
from kcsp_analysis.reconcile.rounding import (
    Assessment,
    assess_change,
    half_unit,
    show,
)

ADDITIVE_UNITS = ("count", "count_per_month")
APPROX_TOLERANCE = 0.10
"""An "approximately" figure is consistent with an exact one within 10% of it."""


@dataclass(frozen=True)
class Printed:
    """A figure with the half-width of the rounding its printing implies."""

    value: float
    half: float
    source: str
    locator: str


def reconcile(
    observations: Iterable[Observation],
    stated_changes: Iterable[StatedChange],
    current: pd.DataFrame,
    amendments: Iterable[Amendment] = (),
) -> pd.DataFrame:
    """Return the reconciliation frame: every check, sorted, validated.

    Parameters
    ----------
    observations
        Every figure extracted, with quotes (for the printed precision).
    stated_changes
        Every change printed in a report.
    current
        The measures frame's current view (one row per measure, area and period).
    amendments
        Amendments found by extraction: an amended-away value is not checked as a duplicate.
    """
    observations = list(observations)
    exact = _exact_by_key(observations)
    kept = {
        (m, a, p): (s, loc)
        for m, a, p, s, loc in current[
            ["measure", "area", "period", "source", "locator"]
        ].itertuples(index=False, name=None)
    }
    checks = [check_stated_change(change, exact, observations) for change in stated_changes]
    amended = {
        (a.old.measure, a.old.area, a.old.period.label, float(a.old.value)) for a in amendments
    }
    checks += check_duplicates(exact, kept, amended)
    checks += check_approximates(observations, exact, kept)
    checks += check_sums(current, component_sums())
    checks += check_rate_counts(current)
    return checks_to_frame(checks)


def _exact_by_key(observations: list[Observation]) -> dict[tuple, list[Observation]]:
    out: dict[tuple, list[Observation]] = defaultdict(list)
    for o in observations:
        if o.qualifier == "":
            out[(o.measure, o.area, o.period.label)].append(o)
    return out


def _printed(observation: Observation) -> Printed:
    unit = catalogue.measures()[observation.measure].unit
    half = half_unit(observation.value, unit, observation.decimals)
    return Printed(observation.value, half, observation.source, observation.locator)


def _candidates(found: list[Observation], change: StatedChange) -> list[Observation]:
    """Return the figures a change relates: its own row first, then its document, then any."""
    for tier in (
        [o for o in found if (o.source, o.locator) == (change.source, change.locator)],
        [o for o in found if o.source == change.source],
        found,
    ):
        if tier:
            return tier
    return []


def check_stated_change(
    change: StatedChange,
    exact: dict[tuple, list[Observation]],
    observations: list[Observation],
) -> Check:
    """Return a stated change against the change recomputed from its figures."""
    base = (change.measure, change.area)
    starts = _candidates(exact.get((*base, change.from_period.label), []), change)
    ends = _candidates(exact.get((*base, change.to_period.label), []), change)
    readings = change.readings or ()
    row = functools.partial(
        Check,
        change.kind,
        change.measure,
        change.area,
        change.from_period.label,
        change.to_period.label,
    )
    if not readings:
        return row(
            float("nan"),
            None,
            "",
            "unverifiable",
            change.source,
            change.locator,
            f"no reading of the printed change {change.printed!r}",
        )
    if not starts or not ends:
        missing = change.from_period.label if not starts else change.to_period.label
        note = f"no exact figure for {missing}" + _approximate_hint(change, observations)
        first = readings[0]
        return row(
            first.value, None, first.basis, "unverifiable", change.source, change.locator, note
        )
    trials = []
    for reading_index, reading in enumerate(readings):
        for start in starts:
            for end in ends:
                outcome = assess_change(_printed(start), _printed(end), reading)
                trials.append((outcome, reading_index, reading, start, end))
    trials.sort(key=lambda t: (STATUSES.index(t[0].status), t[1]))
    best, _, reading, start, end = trials[0]
    note = _change_note(change, best, reading, start, end, trials[1:])
    return row(
        reading.value,
        best.recomputed,
        reading.basis,
        best.status,
        change.source,
        change.locator,
        note,
    )


def _change_note(
    change: StatedChange,
    best: Assessment,
    reading: Reading,
    start: Observation,
    end: Observation,
    others: list,
) -> str:
    parts = [f"{show(start.value)} -> {show(end.value)}: {best.note}"]
    if len(change.readings) > 1:
        parts.append(
            f"printed {change.printed_text!r} read as {show(reading.value)} ({reading.how})"
        )
        rejected: dict[tuple[float, str], str] = {}
        for outcome, _, other, *_ in others:
            if other != reading:
                rejected.setdefault((other.value, other.how), outcome.status)
        if rejected:
            parts.append(
                "other readings: "
                + "; ".join(f"{show(v)} ({how}) {status}" for (v, how), status in rejected.items())
            )
    places = {(start.source, start.locator), (end.source, end.locator)}
    if places != {(change.source, change.locator)}:
        parts.append("figures from " + ", ".join(f"{s} {loc}" for s, loc in sorted(places)))
    if best.status == "disagrees":
        parts.extend(assumed_context(start, end))
    return "; ".join(parts)


def assumed_context(*figures: Observation) -> list[str]:
    """Say which figures had their period and area from context, not beside them.

    A disagreement resting on such a figure may be the extractor's reading, not the
    paper's error, so its note says so.

    >>> from kcsp_analysis.periods import parse_period
    >>> figure = Observation("da_incidents", "Kent", parse_period("2012/13"), 19000,
    ...                      locator="line 617", bound_by="paragraph")
    >>> assumed_context(figure)
    ['the period and area of 19000 (line 617) were taken from its paragraph, not beside it']
    """
    return [
        f"the period and area of {show(f.value)} ({f.locator}) were taken from its "
        f"{f.bound_by}, not beside it"
        for f in dict.fromkeys(figures)
        if f.bound_by not in ("", "clause")
    ]


def _approximate_hint(change: StatedChange, observations: list[Observation]) -> str:
    def near(period: str) -> list[Observation]:
        return [
            o
            for o in observations
            if (o.measure, o.area, o.period.label) == (change.measure, change.area, period)
        ]

    starts, ends = near(change.from_period.label), near(change.to_period.label)
    if not starts or not ends or change.readings[0].basis != "percent" or not starts[0].value:
        return ""
    a, b = starts[0], ends[0]
    indicative = (b.value - a.value) / a.value * 100
    return (
        f"; only approximate figures ({a.qualifier or 'exact'} {show(a.value)}, "
        f"{b.qualifier or 'exact'} {show(b.value)}) give about {indicative:.1f}%"
    )


def check_duplicates(
    exact: dict[tuple, list[Observation]],
    kept: dict[tuple, tuple],
    amended: frozenset[tuple] | set[tuple] = frozenset(),
) -> list[Check]:
    """Each other printing of a figure against the value kept for analysis."""
    checks = []
    for key, found in exact.items():
        chosen = [o for o in found if (o.source, o.locator) == kept.get(key)]
        if not chosen:
            continue
        reference = _printed(chosen[0])
        seen = {(reference.source, reference.locator)}
        for other in found:
            if (other.source, other.locator) in seen or (*key, float(other.value)) in amended:
                continue
            seen.add((other.source, other.locator))
            printed = _printed(other)
            gap = abs(printed.value - reference.value)
            tolerance = max(printed.half, reference.half) + 1e-9
            status = "agrees" if gap <= tolerance else "disagrees"
            how = (
                "same value"
                if gap == 0
                else ("equal at the printed precision" if status == "agrees" else "values differ")
            )
            note = f"{how}; vs {reference.source} {reference.locator}, the value kept"
            if status == "disagrees":
                note = "; ".join([note, *assumed_context(other, chosen[0])])
            checks.append(
                Check(
                    "duplicate",
                    key[0],
                    key[1],
                    key[2],
                    key[2],
                    other.value,
                    reference.value,
                    catalogue.measures()[key[0]].unit,
                    status,
                    other.source,
                    other.locator,
                    note,
                )
            )
    return checks


def check_approximates(
    observations: list[Observation], exact: dict[tuple, list[Observation]], kept: dict
) -> list[Check]:
    """Each approximate figure against the exact figure kept for the same key."""
    checks = []
    for o in observations:
        key = (o.measure, o.area, o.period.label)
        if o.qualifier == "" or key not in kept:
            continue
        matches = [e for e in exact.get(key, []) if (e.source, e.locator) == kept[key]]
        if not matches:
            continue
        reference = matches[0]
        consistent = {
            "more_than": reference.value >= o.value,
            "less_than": reference.value <= o.value,
            "approx": abs(reference.value - o.value) <= APPROX_TOLERANCE * abs(o.value),
        }[o.qualifier]
        words = dict(catalogue.qualifier_words("check_note"))
        note = (
            f"{words[o.qualifier]} {show(o.value)} vs exact {show(reference.value)} "
            f"({reference.source} {reference.locator}): "
            f"{'consistent' if consistent else 'inconsistent'}"
        )
        if not consistent:
            note = "; ".join([note, *assumed_context(o, reference)])
        checks.append(
            Check(
                "approximate",
                *key,
                key[2],
                o.value,
                reference.value,
                catalogue.measures()[o.measure].unit,
                "agrees" if consistent else "disagrees",
                o.source,
                o.locator,
                note,
            )
        )
    return checks


@dataclass(frozen=True)
class SumRule:
    """A total and its parts; an empty measure or area means the total's own."""

    rule: str
    total_measure: str
    total_area: str
    parts: tuple[tuple[str, str], ...]


@functools.cache
def component_sums() -> tuple[SumRule, ...]:
    """Return the rules of ``kcsp_analysis/data/component_sums.csv``, in file order."""
    grouped: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for row in catalogue.read_data_csv("component_sums.csv"):
        key = (row["rule"], row["total_measure"], row["total_area"])
        grouped.setdefault(key, []).append((row["part_measure"], row["part_area"]))
    return tuple(SumRule(*key, tuple(parts)) for key, parts in grouped.items())


def check_sums(current: pd.DataFrame, rules: Iterable[SumRule]) -> list[Check]:
    """Totals against the sum of their parts, by the component-sum rules."""
    exact = current[current["qualifier"] == ""]
    values = {
        (m, a, p): (v, s, loc)
        for m, a, p, v, s, loc in exact[
            ["measure", "area", "period", "value", "source", "locator"]
        ].itertuples(index=False, name=None)
    }
    units = {m.id: m.unit for m in catalogue.measures().values()}
    checks = []
    for rule in rules:
        for (measure, area, period), (total, source, locator) in values.items():
            if rule.total_measure not in ("", measure) or rule.total_area not in ("", area):
                continue
            if units[measure] not in ADDITIVE_UNITS:
                continue
            parts = [(pm or measure, pa or area) for pm, pa in rule.parts]
            found = {p: values.get((*p, period)) for p in parts}
            present = {p: v for p, v in found.items() if v is not None}
            if not present:
                continue
            recomputed: float | None
            if len(present) < len(parts):
                missing = ", ".join(" ".join(p) for p in parts if p not in present)
                recomputed, status, note = None, "unverifiable", f"no figure for {missing}"
            else:
                recomputed = sum(v[0] for v in present.values())
                status = "agrees" if abs(recomputed - total) < 1e-6 else "disagrees"
                note = "; ".join(
                    f"{pm} {pa} {show(v[0])} ({v[1]} {v[2]})" for (pm, pa), v in present.items()
                )
            checks.append(
                Check(
                    "sum",
                    measure,
                    area,
                    period,
                    period,
                    total,
                    recomputed,
                    units[measure],
                    status,
                    source,
                    locator,
                    f"{rule.rule}: {note}",
                )
            )
    return checks
