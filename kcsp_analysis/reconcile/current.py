"""One value per measure, area and period: the current view, and the revisions behind it.

The same figure is often published several times. The value kept for analysis is chosen
by one documented rule, applied in this order:

0. a place (source and locator) that gives two different values for one measure, area
   and period is ambiguous: neither of its values is kept (the revisions table says so,
   naming as "kept" the other value of the same place when no other source has one);

1. an amendment ("the baseline has been amended from 545 to 547") supersedes the old
   value wherever it appears;
2. an exact figure beats an approximate one ("exceeded 19,000");
3. a later document revises an earlier one, whatever its kind: documents (reports and
   figures files alike) are dated by the ``meeting_date`` of ``data/raw/MANIFEST.csv``,
   else by a date in the file name (``2014-07-08_...``); undated documents rank last;
4. of documents of the same date, a figures file from an analyst revises the reports;
5. in one document, a figure of a performance table (or a figures sheet) beats a figure
   in a sentence: each figure carries the kind of block it came from;
6. what is still tied is kept by source and locator order, and the tie is said so.

Every row not kept is listed in the revisions table with the row that superseded it and
the reason; nothing is dropped silently. The decision is made once, at extraction
(:func:`select_current`); the current view is then always the measures without the
revised rows (:func:`drop_revised`), at extraction and when the files are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

import pandas as pd

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.manifest import MANIFEST_NAME, ManifestEntry, meeting_date_problem
from kcsp_analysis.extract.records import TABLE_BLOCKS, Amendment, Observation
from kcsp_analysis.processed.revisions import REVISION_COLUMNS, REVISIONS_NAME
from kcsp_analysis.processed.tables import format_number

KEY = ["measure", "area", "period"]
ROW_ID = ["measure", "area", "period", "value", "qualifier", "source", "locator"]
FIGURES_FOLDER = "figures/"
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")


def document_dates(files: Iterable[str], entries: Iterable[ManifestEntry] = ()) -> dict[str, str]:
    """Return the date of each raw file (ISO text), or ``""`` when it has none.

    The manifest's ``meeting_date`` comes first, then a date in the file name.

    >>> document_dates(["reports/2014-07-08_pack.md", "figures/2015-03_q4.csv", "x.txt"])
    {'reports/2014-07-08_pack.md': '2014-07-08', 'figures/2015-03_q4.csv': '2015-03-01', \
'x.txt': ''}
    """
    listed = {e.file: e.meeting_date.strip() for e in entries}
    for file, meeting_date in listed.items():
        # Dates rank documents as text: "01/07/2015" would sort before "2014-07-08".
        if problem := meeting_date_problem(meeting_date):
            raise KcspError(f"{file}: {problem}", source=MANIFEST_NAME)
    dates = {}
    for name in files:
        dates[name] = listed.get(name) or _date_in_name(Path(name).name)
    return dates


def _date_in_name(name: str) -> str:
    for match in _DATE_IN_NAME.finditer(name):
        year, month_number, day = int(match[1]), int(match[2]), int(match[3] or 1)
        try:
            return date(year, month_number, day).isoformat()
        except ValueError:
            continue  # "2015-18" is a span of years, not a date
    return ""


def select_current(
    measures: pd.DataFrame,
    observations: Iterable[Observation],
    amendments: Iterable[Amendment] = (),
    dates: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split the measures frame into the kept rows and the revisions.

    Parameters
    ----------
    measures
        The measures frame (all rows).
    observations
        The figures behind ``measures``; their block kind ranks table figures over
        sentence figures.
    amendments
        Amendments found by extraction; the old value is superseded wherever it appears.
    dates
        ISO date of each source (see :func:`document_dates`); missing means undated.

    Returns
    -------
    current, revisions
        ``current`` has one row per measure, area and period, in the measures frame's
        order; ``revisions`` lists every other row with the kept row and the reason.
    """
    dates = dict(dates or {})
    blocks = {_row_key(o): o.block for o in observations}
    amended = _amended_values(amendments)
    ranked = measures.assign(
        _amended=[
            amended.get((m, a, p, float(v)), "")
            for m, a, p, v in zip(
                measures["measure"],
                measures["area"],
                measures["period"],
                measures["value"],
                strict=True,
            )
        ],
        _exact=(measures["qualifier"] == "").astype(int),
        _figures=measures["source"].str.startswith(FIGURES_FOLDER).astype(int),
        _date=measures["source"].map(lambda s: dates.get(s, "")),
        _table=[
            int(blocks.get(tuple(row), "") in TABLE_BLOCKS)
            for row in measures[ROW_ID].itertuples(index=False)
        ],
    )
    ranked["_not_amended"] = (ranked["_amended"] == "").astype(int)
    ranked["_clear"] = (~_ambiguous(ranked)).astype(int)
    order = ["_clear", "_not_amended", "_exact", "_date", "_figures", "_table"]
    ranked = ranked.sort_values(
        [*KEY, *order, "source", "locator"],
        ascending=[True, True, True, *([False] * len(order)), True, True],
        kind="mergesort",
    )
    kept_mask = ~ranked.duplicated(KEY, keep="first") & (ranked["_clear"] == 1)
    revisions = _revisions_of(ranked[~kept_mask], ranked[kept_mask].set_index(KEY), order)
    return drop_revised(measures, revisions), revisions


def _ambiguous(measures: pd.DataFrame) -> pd.Series:
    """Rows whose place (source and locator) gives two values for one measure, area, period.

    ``measures`` carries the ``_amended`` and ``_table`` columns of :func:`select_current`.

    Neither value can be told right from the text, so neither is kept as current.
    """
    if measures.empty:
        return pd.Series(False, index=measures.index)
    # An amended value ("amended from 545 to 547") is superseded, not a second reading; a
    # table figure and a sentence figure on one PDF page are two places (the table wins).
    values = measures["value"].where(measures["_amended"] == "")
    place = [measures[c] for c in [*KEY, "source", "locator", "_table"]]
    groups = values.groupby(place, sort=False)
    return (groups.transform("nunique") > 1) & (measures["_amended"] == "")


def _row_key(observation: Observation) -> tuple[object, ...]:
    """Return the row identity of a figure as the measures frame holds it (see ``ROW_ID``)."""
    o = observation
    return (o.measure, o.area, o.period.label, float(o.value), o.qualifier, o.source, o.locator)


def _amended_values(amendments: Iterable[Amendment]) -> dict[tuple, str]:
    out = {}
    for amendment in amendments:
        old = amendment.old
        key = (old.measure, old.area, old.period.label, float(old.value))
        out[key] = (
            f"amended from {format_number(old.value)} to {format_number(amendment.new.value)} "
            f"({amendment.source} {amendment.locator})"
        )
    return out


def _revisions_of(losers: pd.DataFrame, kept: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    rows = []
    for _, row in losers.iterrows():
        key = (row["measure"], row["area"], row["period"])
        winner = kept.loc[key] if key in kept.index else _other_value(row, losers)
        rows.append(
            {
                **{c: row[c] for c in ROW_ID},
                "kept_value": winner["value"],
                "kept_source": winner["source"],
                "kept_locator": winner["locator"],
                "reason": _reason(row, winner, order),
            }
        )
    frame = pd.DataFrame(rows, columns=list(REVISION_COLUMNS))
    frame["value"] = frame["value"].astype(float)
    frame["kept_value"] = frame["kept_value"].astype(float)
    return frame.sort_values(
        ["measure", "area", "period", "source", "locator"], kind="mergesort"
    ).reset_index(drop=True)


def _other_value(row: pd.Series, losers: pd.DataFrame) -> pd.Series:
    """For an ambiguity nothing resolves: the other value printed at the same place."""
    place = losers[
        (losers["measure"] == row["measure"])
        & (losers["area"] == row["area"])
        & (losers["period"] == row["period"])
        & (losers["source"] == row["source"])
        & (losers["locator"] == row["locator"])
        & (losers["value"] != row["value"])
    ]
    return place.iloc[0]


def _reason(row: pd.Series, winner: pd.Series, order: list[str]) -> str:
    same = "same value" if row["value"] == winner["value"] else "different value"
    if not row["_clear"]:
        here = winner["source"] == row["source"] and winner["locator"] == row["locator"]
        other = format_number(winner["value"]) if here else "another"
        values = f"{format_number(row['value'])} and {other}"
        kept = (
            "neither is kept as current"
            if here
            else f"kept the figure of {winner['source']} {winner['locator']}"
        )
        return (
            f"ambiguous: {row['source']} {row['locator']} gives two values ({values}) for one "
            f"measure, area and period; {kept}"
        )
    if row["_amended"]:
        return f"{row['_amended']}; {same}"
    first_difference = next((c for c in order if row[c] != winner[c]), None)
    why = {
        "_not_amended": "the kept value is the amended one",
        "_exact": "an exact figure beats an approximate one",
        "_figures": "a figures file revises the reports of the same date",
        "_date": f"a later document ({winner['_date']}) revises an earlier one "
        f"({row['_date'] or 'undated'})",
        "_table": "a performance-table figure beats a sentence figure in the same document",
        "_clear": "the other figure is ambiguous at its place",
        None: "tie: same rank, kept the first by source and locator",
    }[first_difference]
    return f"{why}; {same}"


def drop_revised(measures: pd.DataFrame, revisions: pd.DataFrame) -> pd.DataFrame:
    """Return the measures frame without the rows the revisions table lists as superseded."""
    if revisions.empty:
        return measures.reset_index(drop=True)
    as_text = measures[ROW_ID].astype(str)
    as_text["value"] = measures["value"].map(lambda v: str(float(v)))
    revision_text = revisions[ROW_ID].copy()
    revision_text["value"] = revisions["value"].map(lambda v: str(float(v)))
    superseded = set(map(tuple, revision_text.astype(str).itertuples(index=False)))
    keep = [tuple(r) not in superseded for r in as_text.itertuples(index=False)]
    current = measures[keep].reset_index(drop=True)
    duplicated = current.duplicated(KEY)
    if duplicated.any():
        first = current[duplicated].iloc[0]
        raise KcspError(
            f"{first['measure']}, {first['area']}, {first['period']} has more than one "
            "current value; rerun `kcsp extract`",
            source=REVISIONS_NAME,
        )
    return current
