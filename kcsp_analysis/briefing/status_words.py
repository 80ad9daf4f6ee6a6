"""GSS [p] and [r] marks from the documents' own words.

A document says a figure is provisional ("unvalidated and therefore subject to change")
or revised ("the baseline has been amended") in a note under its table or in the
figure's own sentence. The words and the note markers are data
(``kcsp_analysis/data/status_words.csv``), so a new wording needs a row, not code.

A note applies to a figure when it is on the figure's line, or on one of the
:data:`WINDOW` lines after it and starts with a note marker ("Please note", "NB"). It
is narrowed by what it names: a measure (only that measure's figures), years (only
periods overlapping them) or a baseline (only the first period of its type).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kcsp_analysis import catalogue
from kcsp_analysis.periods import Period

WINDOW = 6
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_LEAD = re.compile(r"^[\s#*>\-]+")


@dataclass(frozen=True)
class StatusNote:
    """A line of a document that marks figures provisional or revised."""

    line: int
    mark: str
    marker: bool
    measure: str
    years: tuple[int, ...]
    baseline: bool


@functools.cache
def _vocabulary() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    text = resources.files("kcsp_analysis").joinpath("data", "status_words.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    words = tuple((r["phrase"].lower(), r["mark"]) for r in rows if r["kind"] == "word")
    markers = tuple(r["phrase"].lower() for r in rows if r["kind"] == "note_marker")
    return words, markers


def notes_in_text(text: str) -> tuple[StatusNote, ...]:
    """Return the status notes of a document's text, one per line and mark.

    >>> [n.mark for n in notes_in_text("NB. All 2014 data is unvalidated")]
    ['[p]']
    >>> notes_in_text("NB. All 2014 data is unvalidated")[0].years
    (2014,)
    """
    words, markers = _vocabulary()
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        lowered = line.lower()
        marks = sorted({m for w, m in words if re.search(rf"\b{re.escape(w)}\b", lowered)})
        if not marks:
            continue
        lead = _LEAD.sub("", lowered)
        marker = any(re.match(rf"{re.escape(m)}\b", lead) for m in markers)
        for mark in marks:
            # The years a note is about come before its status word ("All 2014 data is
            # unvalidated ... released in April 2015" is about 2014).
            first = min(
                found.start()
                for w, m in words
                if m == mark
                for found in re.finditer(rf"\b{re.escape(w)}\b", lowered)
            )
            years = tuple(sorted({int(y.group()) for y in _YEAR.finditer(line[:first])}))
            found.append(
                StatusNote(
                    line=number,
                    mark=mark,
                    marker=marker,
                    measure=catalogue.resolve_measure(line) or "",
                    years=years,
                    baseline="baseline" in lowered,
                )
            )
    return tuple(found)


def document_notes(raw: Path, files: Iterable[str]) -> dict[str, tuple[StatusNote, ...]]:
    """Return the status notes of each readable text document under ``raw``."""
    notes = {}
    for name in files:
        path = Path(raw) / name
        if path.suffix in (".md", ".txt", ".html") and path.is_file():
            notes[name] = notes_in_text(path.read_text(encoding="utf-8", errors="replace"))
    return notes


def status_marks(
    measure: str,
    period: Period,
    first_of_type: bool,
    sources: Iterable[str],
    notes: Mapping[str, tuple[StatusNote, ...]],
) -> list[str]:
    """Return the [p] and [r] marks the documents' words give one figure."""
    marks = set()
    for source in sources:
        document, _, locator = source.partition(" ")
        word, _, number = locator.partition(" ")
        if word != "line" or not number.split("-")[0].isdigit():
            continue
        line = int(number.split("-")[0])
        for note in notes.get(document, ()):
            near = note.line == line or (note.marker and line < note.line <= line + WINDOW)
            if near and _applies(note, measure, period, first_of_type):
                marks.add(note.mark)
    return sorted(marks, key=["[r]", "[p]"].index)


def _applies(note: StatusNote, measure: str, period: Period, first_of_type: bool) -> bool:
    if note.measure and note.measure != measure:
        return False
    overlaps = any(period.start.year <= y <= period.end.year for y in note.years)
    if note.years and not overlaps and not note.baseline:
        return False
    return first_of_type if note.baseline else True
