"""Text set in two or more columns on a PDF page, put in reading order column by column.

Words are grouped into rows across the whole page width, so a page of running text in
two columns would read each row across both, mixing the columns' sentences. A column
region is a run of consecutive rows that leave a common x band (a gutter) free of words,
with running text on both sides: most rows carry words on both sides, those words are
mostly words (not figures), several to a side, and the lines fill their column as
wrapped prose does. The last two tests keep an unruled table, whose columns of figures
are also set apart by gaps, from being taken for text columns. A region is read left
column top to bottom, then the right; rows crossing the gutter (a heading or title
spanning the page) stay where they are, and each column is searched again for a
gutter of its own, so three columns read in order too.
"""

from __future__ import annotations

import statistics
from typing import Any

Row = list[dict[str, Any]]
"""The words of one printed row, as pdfplumber gives them."""
Placed = tuple[Row, bool | None]
"""A row in reading order, and how it follows the row before (see :func:`reading_order`)."""

GUTTER_EM = 1.0
"""A gutter is at least this many times the font size wide (a word space is a quarter)."""
MIN_COLUMN_LINES = 4
"""Rows with text on both sides of a gutter that a column region needs at least."""
TWO_SIDED_SHARE = 0.5
"""Share of a region's rows that must have text on both sides of its gutter."""
MULTIWORD_SHARE = 0.75
"""Share of those rows whose text on each side must be two words or more."""
WORDY_SHARE = 0.6
"""Share of the words on each side that must hold a letter (figures are not prose)."""
FULL_LINE = 0.6
"""A line at least this share of its column's width is full, as wrapped prose is."""
FULL_SHARE = 0.5
"""Share of rows on each side of the gutter whose line must be full."""


def reading_order(rows: list[Row], paragraph_gap: float) -> list[Placed]:
    """Return the rows in reading order, each with how it follows the one before.

    ``paragraph_gap`` is the vertical gap between rows that starts a new paragraph.

    ``None``: the row follows on the page (its vertical gap tells a new paragraph);
    ``True``: it starts a new column and goes on with the paragraph the column before
    ended in (that column's last line is full); ``False``: it starts a new column after
    a paragraph's end.
    """
    region = _best_region(rows, paragraph_gap)
    if region is None:
        return [(row, None) for row in rows]
    start, end, cut = region
    left = [part for row in rows[start:end] if (part := [w for w in row if w["x1"] <= cut])]
    right = [part for row in rows[start:end] if (part := [w for w in row if w["x0"] >= cut])]
    placed = reading_order(rows[:start], paragraph_gap) + reading_order(left, paragraph_gap)
    following = reading_order(right, paragraph_gap)
    joined = _is_full(left[-1], _extent(left))
    placed.append((following[0][0], joined))
    placed.extend(following[1:])
    placed.extend(reading_order(rows[end:], paragraph_gap))
    return placed


def _best_region(rows: list[Row], paragraph_gap: float) -> tuple[int, int, float] | None:
    """Return the column region with the most two-sided rows: start, end and cut."""
    if len(rows) < MIN_COLUMN_LINES:
        return None
    height = statistics.median(_height(w) for row in rows for w in row)
    width = GUTTER_EM * height
    frees = [_free_spans(row) for row in rows]
    tried: list[tuple[int, int, float, float]] = []
    best: tuple[int, tuple[int, int, float]] | None = None
    for index, row in enumerate(rows):
        for low, high in _inner_gaps(row, width):
            if any(s <= index < e and low < b and high > a for s, e, a, b in tried):
                continue  # this gap was in a band already grown
            start, end, a, b = _grow(frees, index, low, high, width)
            tried.append((start, end, a, b))
            cut = (a + b) / 2
            end = _detach_tail(rows, start, end, cut, paragraph_gap)
            score = _score(rows[start:end], cut)
            if score and (best is None or score > best[0]):
                best = (score, (start, end, cut))
    return best[1] if best else None


def _free_spans(row: Row) -> list[tuple[float, float]]:
    """Return the x spans a row leaves free of words, the margins open-ended."""
    spans: list[tuple[float, float]] = []
    left = float("-inf")
    for word in sorted(row, key=lambda w: w["x0"]):
        if word["x0"] > left:
            spans.append((left, float(word["x0"])))
        left = max(left, float(word["x1"]))
    spans.append((left, float("inf")))
    return spans


def _inner_gaps(row: Row, width: float) -> list[tuple[float, float]]:
    spans = _free_spans(row)[1:-1]
    return [(a, b) for a, b in spans if b - a >= width]


def _grow(
    frees: list[list[tuple[float, float]]], index: int, low: float, high: float, width: float
) -> tuple[int, int, float, float]:
    """Grow a gutter from one row's gap down and up, while rows leave enough of it free."""
    band = (low, high)
    end = index + 1
    while end < len(frees) and (narrowed := _narrow(frees[end], band, width)):
        band, end = narrowed, end + 1
    start = index
    while start > 0 and (narrowed := _narrow(frees[start - 1], band, width)):
        band, start = narrowed, start - 1
    return start, end, band[0], band[1]


def _narrow(
    free: list[tuple[float, float]], band: tuple[float, float], width: float
) -> tuple[float, float] | None:
    pieces = [(max(a, band[0]), min(b, band[1])) for a, b in free]
    widest = max(pieces, key=lambda p: p[1] - p[0])
    return widest if widest[1] - widest[0] >= width else None


def _detach_tail(rows: list[Row], start: int, end: int, cut: float, gap: float) -> int:
    """Return the region's end without one-sided rows that lead into the text below it.

    A short heading or line just above full-width text below the columns leaves the
    gutter free too, but belongs to what follows it, not to the left column.
    """
    if end >= len(rows):
        return end
    below = rows[end]
    while (
        end > start
        and _one_sided(rows[end - 1], cut)
        and _top(below) - _bottom(rows[end - 1]) < gap
    ):
        end -= 1
        below = rows[end]
    return end


def _one_sided(row: Row, cut: float) -> bool:
    return all(w["x1"] <= cut for w in row) or all(w["x0"] >= cut for w in row)


def _top(row: Row) -> float:
    return min(float(w["top"]) for w in row)


def _bottom(row: Row) -> float:
    return max(float(w["bottom"]) for w in row)


def _score(rows: list[Row], cut: float) -> int:
    """Return the number of two-sided rows if the rows are running text in columns, else 0."""
    sides: tuple[list[Row], list[Row]] = ([], [])
    for row in rows:
        left = [w for w in row if w["x1"] <= cut]
        right = [w for w in row if w["x0"] >= cut]
        if left and right:
            sides[0].append(left)
            sides[1].append(right)
    count = len(sides[0])
    if count < MIN_COLUMN_LINES or count < TWO_SIDED_SHARE * len(rows):
        return 0
    return count if all(_is_prose(side) for side in sides) else 0


def _is_prose(parts: list[Row]) -> bool:
    """Tell whether one side's lines read as wrapped running text."""
    words = [w["text"] for part in parts for w in part]
    multiword = sum(len(part) >= 2 for part in parts)
    wordy = sum(any(c.isalpha() for c in text) for text in words)
    extent = _extent(parts)
    full = sum(_is_full(part, extent) for part in parts)
    return (
        multiword >= MULTIWORD_SHARE * len(parts)
        and wordy >= WORDY_SHARE * len(words)
        and full >= FULL_SHARE * len(parts)
    )


def _extent(column: list[Row]) -> tuple[float, float]:
    """Return the left and right edge of a column's text."""
    left = min(w["x0"] for row in column for w in row)
    return left, max(w["x1"] for row in column for w in row)


def _is_full(part: Row, extent: tuple[float, float]) -> bool:
    """Tell whether a line reaches across most of its column, as a wrapped line does."""
    left, right = extent
    return max(w["x1"] for w in part) - left >= FULL_LINE * (right - left)


def _height(word: dict[str, Any]) -> float:
    return float(word["bottom"] - word["top"]) or 1.0
