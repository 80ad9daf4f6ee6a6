"""Tables read off a PDF page by where their words sit, not by the order of their gaps.

An unruled PDF table comes out of the page as lines of pieces set apart by wide gaps.
Read in order, a header wrapped over two lines ("12 months to" over "June 2017") or a
row with an empty cell loses the column each piece belongs to. The data rows (a label
then figures) show where the value columns are: the figures of one column overlap
across rows, whatever their alignment. Every piece of every line, header lines
included, is then put under the column it overlaps most, so the grid is aligned and
read like a ruled table's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kcsp_analysis.extract.blocks import Cell, TextLine
from kcsp_analysis.extract.numbers import parse_figure

Span = tuple[float, float, str]
Interval = tuple[float, float]

_YEAR = re.compile(r"(?:19|20)\d{2}(?:/\d{2})?")
_MIN_DATA_ROWS = 2
"""Data rows needed before the columns they show are trusted."""
_SPAN_SHARE = 0.6
"""How much of a value column a header piece must cover to head it as a spanning cell."""
_CONTINUATION_INDENT = 0.15
"""How far right of the table's left edge (share of its width) a lone header piece sits."""


def positioned_grid(lines: Sequence[TextLine]) -> tuple[tuple[Cell, ...], ...] | None:
    r"""Return the aligned grid of a run of positioned lines, or None if it shows no columns.

    >>> rows = [
    ...     TextLine("District\t12 months to\tChange", "page 2",
    ...              ((50, 90, "District"), (200, 260, "12 months to"), (300, 330, "Change"))),
    ...     TextLine("June 2017\t(%)", "page 2", ((205, 255, "June 2017"), (305, 320, "(%)"))),
    ...     TextLine("Dover\t55\t-10.9", "page 2", ((50, 80, "Dover"), (240, 255, "55"),
    ...              (305, 325, "-10.9"))),
    ...     TextLine("Thanet\t147\t+10.6", "page 2", ((50, 85, "Thanet"), (235, 255, "147"),
    ...              (305, 325, "+10.6"))),
    ... ]
    >>> [[c.text for c in row] for row in positioned_grid(rows)]  # doctest: +NORMALIZE_WHITESPACE
    [['District', '12 months to', 'Change'], ['', 'June 2017', '(%)'],
     ['Dover', '55', '-10.9'], ['Thanet', '147', '+10.6']]
    """
    if not lines or not all(line.spans for line in lines):
        return None
    data = [line.spans for line in lines if _is_data_spans(line.spans)]
    if len(data) < _MIN_DATA_ROWS:
        return None
    columns = _value_columns([span for spans in data for span in spans[1:]])
    left = min(span[0] for line in lines for span in line.spans)
    label_right = min(max(spans[0][1] for spans in data), columns[0][0])
    edges = [(left, label_right), *columns]
    grid: list[tuple[Cell, ...]] = []
    for line in lines:
        texts = [""] * len(edges)
        header = not _is_data_spans(line.spans)
        for x0, x1, text in line.spans:
            covered = _covered_columns(edges, x0, x1) if header else []
            for index in covered if len(covered) > 1 else [_best_column(edges, x0, x1)]:
                texts[index] = f"{texts[index]} {text}".strip()
        grid.append(tuple(Cell(t, line.locator) for t in texts))
    return tuple(grid)


def _covered_columns(edges: list[Interval], x0: float, x1: float) -> list[int]:
    """Return the value columns a header piece spans over most of ("--- 2018/19 ---")."""
    return [
        index
        for index, (left, right) in enumerate(edges)
        if index > 0 and min(x1, right) - max(x0, left) >= _SPAN_SHARE * (right - left)
    ]


def continues_header(line: TextLine, before: TextLine, after: TextLine) -> bool:
    """Tell whether a lone piece between two table lines is the header's second line.

    "12 months" set under the "Change on previous" column, with no label of its own,
    belongs to the table around it; a line starting at the table's left edge does not.
    """
    if len(line.spans) != 1 or not before.spans or not after.spans:
        return False
    if _is_figure(line.spans[0][2]) or _is_data_spans(before.spans):
        return False
    left = min(before.spans[0][0], after.spans[0][0])
    right = max(before.spans[-1][1], after.spans[-1][1])
    return line.spans[0][0] - left > _CONTINUATION_INDENT * (right - left)


def _is_data_spans(spans: Sequence[Span]) -> bool:
    """Tell whether pieces are a label then numbers (changes signed), one a plain figure."""
    values = [text for _, _, text in spans[1:]]
    label = spans[0][2]
    if _YEAR.fullmatch(label):  # "2014  5  58  512": a year labels the row of figures
        values = [v for v in values if not _YEAR.fullmatch(v)]
    elif _is_number(label):
        return False
    return bool(values) and any(map(_is_figure, values)) and all(map(_is_number, values))


def _is_number(text: str) -> bool:
    """Tell whether a piece is a figure or a change printed with its sign ("+6.5%")."""
    return _is_figure(text.lstrip("+-\u2212\u2013"))


def _value_columns(spans: list[Span]) -> list[Interval]:
    """Merge the figures' extents into columns: pieces that overlap share a column."""
    merged: list[list[float]] = []
    for x0, x1, _ in sorted(spans):
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def _best_column(edges: list[Interval], x0: float, x1: float) -> int:
    """Return the column a piece overlaps most; with no overlap, the nearest one."""
    overlaps = [min(x1, right) - max(x0, left) for left, right in edges]
    best = max(range(len(edges)), key=lambda i: overlaps[i])
    if overlaps[best] > 0:
        return best
    middle = (x0 + x1) / 2
    return min(range(len(edges)), key=lambda i: abs((edges[i][0] + edges[i][1]) / 2 - middle))


def _is_figure(text: str) -> bool:
    try:
        parse_figure(text)
    except ValueError:
        return False
    return True
