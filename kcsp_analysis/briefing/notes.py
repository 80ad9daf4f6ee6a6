"""Data-quality notes and source lists of a briefing, in plain sentences.

Each measure's quality statement comes first (:mod:`kcsp_analysis.briefing.quality`);
then approximate figures, stated changes that do not match the figures, revised figures,
expected ranges and series breaks. The sources table names each document by its title and
meeting date from the manifest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.change_tests import POISSON_NOTE
from kcsp_analysis.analysis.rates import band_for
from kcsp_analysis.analysis.wording import format_row, format_value, subject
from kcsp_analysis.briefing.quality import quality_sentence
from kcsp_analysis.briefing.tables import signed_change, value_revisions
from kcsp_analysis.locators import Locator


def data_quality_notes(
    frame: pd.DataFrame,
    measures: Sequence[str],
    area: str,
    *,
    reconciliation: pd.DataFrame | None = None,
    revisions: pd.DataFrame | None = None,
    titles: Mapping[str, str] | None = None,
    dates: Mapping[str, str] | None = None,
) -> list[str]:
    """Sentences on each measure's quality, approximate figures, disagreements and revisions.

    Every measure with figures for ``area`` gets its quality statement first
    (:func:`kcsp_analysis.briefing.quality.quality_sentence`). With the manifest's
    ``titles`` and ``dates`` (by file), documents are named as a reader knows them.
    """
    where = _citer(titles or {}, dates or {})
    mine = frame[frame["measure"].isin(measures) & (frame["area"] == area)]
    notes = [quality_sentence(m, area) for m in measures if m in set(mine["measure"])]
    for _, row in mine[mine["qualifier"] != ""].iterrows():
        notes.append(
            f"{subject(row['measure'], area)}, {row['period']}: published as an approximate "
            f"figure ({format_row(row)}), "
            f"{where(row['source'], row['locator'])}; no change is tested on it."
        )
    if reconciliation is not None and not reconciliation.empty:
        flagged = reconciliation[
            reconciliation["measure"].isin(measures)
            & (reconciliation["area"] == area)
            & reconciliation["status"].isin(NOTED_STATUSES)
        ]
        notes.extend(_reconciliation_note(row, where) for _, row in flagged.iterrows())
    if revisions is not None and not revisions.empty:
        revised = value_revisions(revisions)
        revised = revised[revised["measure"].isin(measures) & (revised["area"] == area)]
        for _, row in revised.iterrows():
            notes.append(
                f"{subject(row['measure'], area)}, {row['period']}: "
                f"{format_value(row['value'], catalogue.measure(row['measure']).unit)} in "
                f"{where(row['source'], row['locator'])} is superseded by "
                f"{format_value(row['kept_value'], catalogue.measure(row['measure']).unit)} in "
                f"{where(row['kept_source'], row['kept_locator'])} ({row['reason']})."
            )
    for measure in measures:
        band = band_for(measure)
        if band is not None and not mine[mine["measure"] == measure].empty:
            notes.append(
                f"Expected range for {catalogue.measure(measure).display_name.lower()}: "
                f"{band.citation}."
            )
        rows = mine[mine["measure"] == measure]
        for item in catalogue.series_breaks():
            # Only a break the figures reach both sides of (or straddle) is worth a note.
            spans = (rows["period_start"].astype(str) < item.break_date).any() and (
                rows["period_end"].astype(str) >= item.break_date
            ).any()
            if item.measure == measure and spans:
                notes.append(
                    f"Series break in {catalogue.measure(measure).display_name.lower()} "
                    f"from {item.break_date}: {item.reason} Source: {item.citation}."
                )
    counts = mine[(mine["unit"] == "count") & (mine["qualifier"] == "")]
    if (counts.groupby("measure")["period"].nunique() > 1).any():
        # Findings call a change of a count "more than chance" from an exact Poisson test.
        notes.append(f"How to read 'more than the usual movement' for counts: {POISSON_NOTE}")
    return notes


NOTED_STATUSES = ("disagrees", "unverifiable", "within_rounding", "truncated")
_STATUS_WORDS = {
    "disagrees": "does not match",
    "unverifiable": "cannot be checked against",
    "within_rounding": "matches only within rounding",
    "truncated": "is cut rather than rounded from",
}


def _citer(titles: Mapping[str, str], dates: Mapping[str, str]) -> Callable[[object, object], str]:
    """Return a function naming a file and place as a reader knows the document."""

    def where(source: object, locator: object) -> str:
        title = short_title(titles.get(str(source), ""))
        if not title:
            return f"{source} {locator}"
        when = long_date(dates.get(str(source), ""))
        return f"{title}{f' ({when})' if when else ''}, {locator}"

    return where


def _reconciliation_note(row: pd.Series, cite: Callable[[object, object], str]) -> str:
    """One reconciliation check that needs a reader's attention, as a sentence."""
    name = subject(str(row["measure"]), str(row["area"]))
    where = cite(row["source"], row["locator"])
    detail = f" ({row['note']})" if str(row.get("note", "")) else ""
    if row["kind"] == "duplicate":
        unit = catalogue.measure(str(row["measure"])).unit
        stated = format_value(float(row["stated"]), unit)
        kept = format_value(float(row["recomputed"]), unit)
        return (
            f"{name}, {row['to_period']}: published as {stated} in {where} but as {kept} "
            f"elsewhere; {kept} is used{detail}."
        )
    if row["kind"] == "approximate":
        return f"{name}, {row['to_period']}: approximate figure in {where}{detail}."
    if row["kind"] == "sum":
        return f"{name}, {row['to_period']}: parts and total {row['status']}{detail}."
    stated = signed_change(row["stated"], str(row["unit"])) or "a change"
    what = "change" if row["kind"] == "change" else "difference to the baseline"
    recomputed = signed_change(row["recomputed"], str(row["unit"]))
    gives = f", which give {recomputed}" if recomputed else ""
    return (
        f"{name}: the stated {what} {row['from_period']} to {row['to_period']}, {stated} "
        f"({where}), {_STATUS_WORDS.get(str(row['status']), row['status'])} the figures"
        f"{gives}{detail}."
    )


def short_title(title: str) -> str:
    """Return a document's title up to its first comma, for a source line.

    >>> short_title("Kent Community Safety Partnership agenda pack, including the report")
    'Kent Community Safety Partnership agenda pack'
    """
    return title.split(", ")[0].strip()


def long_date(iso: str) -> str:
    """``2014-07-08`` as ``8 July 2014``; ``''`` stays ``''``.

    >>> long_date("2014-07-08")
    '8 July 2014'
    """
    if not iso:
        return ""
    when = dt.date.fromisoformat(iso)
    return f"{when.day} {when:%B %Y}"


def readable_source(
    text: str, titles: Mapping[str, str], dates: Mapping[str, str] | None = None
) -> str:
    """Return ``file locator`` sources as a reader's: title, meeting date, page or line.

    >>> titles, dates = {"a.md": "KCSP agenda pack, with more"}, {"a.md": "2014-07-08"}
    >>> readable_source("a.md line 797; a.md line 801", titles, dates)
    'KCSP agenda pack (8 July 2014), line 797; KCSP agenda pack (8 July 2014), line 801'
    """
    shown = []
    for part in str(text).split("; "):
        path, _, where = part.partition(" ")
        title = short_title(titles.get(path, "")) or path
        when = long_date((dates or {}).get(path, ""))
        shown.append(f"{title}{f' ({when})' if when else ''}{f', {where}' if where else ''}")
    return "; ".join(shown)


def sources_table(
    frame: pd.DataFrame,
    measures: Sequence[str],
    area: str,
    titles: Mapping[str, str],
    dates: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Each source document of a theme: its title, meeting date, places, and file name."""
    mine = frame[frame["measure"].isin(measures) & (frame["area"] == area)]
    records = []
    for source, rows in mine.groupby("source", sort=True):
        places = sorted(set(rows["locator"]), key=_locator_order)
        records.append(
            {
                "Document": titles.get(str(source), "") or str(source),
                "Meeting date": long_date((dates or {}).get(str(source), "")),
                "Places": ", ".join(places),
                "File": str(source),
            }
        )
    return pd.DataFrame(records, columns=["Document", "Meeting date", "Places", "File"])


def _locator_order(locator: str) -> tuple[str, int]:
    try:
        place = Locator.parse(locator)
    except ValueError:
        return (locator, 0)
    return (place.unit, place.first)


__all__ = [
    "NOTED_STATUSES",
    "data_quality_notes",
    "long_date",
    "readable_source",
    "short_title",
    "sources_table",
]
