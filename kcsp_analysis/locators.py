"""Where a figure is in its source: one type, one parser, one formatter.

A locator reads ``line 797``, ``line 762-801``, ``page 12``, ``row 5``,
``sheet 'Q1' row 5`` or ``sheet 'Q1' cell B7``: a unit (what is counted), the column
letters of a cell, and the first and last number of a span.
Records and the processed files carry the text form; code that needs the parts parses
it here and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

UNITS = ("line", "page", "row", "cell")
PATTERN = r"^(line \d+(-\d+)?|page \d+|(sheet '.+' )?row \d+|sheet '.+' cell [A-Z]+\d+)$"
"""What a locator of the processed files may read (the schema checks it)."""

_PARTS = re.compile(
    r"^(?P<unit>(?:sheet '.+' )?(?:line|page|row|cell)) (?P<column>[A-Z]*)(?P<first>\d+)"
    r"(?:-(?P<last>\d+))?$"
)


@dataclass(frozen=True)
class Locator:
    """A place in a source: ``unit`` (``line``, ``page``, ``row``, ``sheet 'Q1' row``).

    >>> Locator.parse("line 762-801")
    Locator(unit='line', first=762, last=801)
    >>> str(Locator("sheet 'Q1' row", 5))
    "sheet 'Q1' row 5"
    >>> Locator.parse("line 790").within(Locator.parse("line 762-801"))
    True
    >>> Locator.parse("sheet 'Q1' cell B7").column
    'B'
    """

    unit: str
    first: int
    last: int | None = None
    column: str = field(default="", repr=False)

    @classmethod
    def parse(cls, text: str) -> Locator:
        """Read the text form; ``ValueError`` when it is not a locator."""
        match = _PARTS.match(str(text))
        if not match:
            raise ValueError(f"not a locator: {text!r}")
        last = int(match["last"]) if match["last"] else None
        if bool(match["column"]) != match["unit"].endswith("cell"):
            raise ValueError(f"not a locator: {text!r}")
        return cls(match["unit"], int(match["first"]), last, match["column"])

    @property
    def end(self) -> int:
        """Return the last number of the span (the first, for a single place)."""
        return self.first if self.last is None else self.last

    @property
    def kind(self) -> str:
        """Return what is counted: ``line``, ``page``, ``row`` or ``cell`` (of a sheet)."""
        return self.unit.rsplit(" ", 1)[-1]

    def within(self, other: Locator) -> bool:
        """Tell whether this place lies inside ``other``'s span, in the same unit.

        A cell of a sheet lies within a span of that sheet's rows.
        """
        unit = self.unit
        if self.kind == "cell" and other.kind == "row":
            unit = unit[: -len("cell")] + "row"
        return unit == other.unit and other.first <= self.first <= other.end

    def __str__(self) -> str:
        """Print the text form the processed files carry."""
        span = f"{self.first}-{self.last}" if self.last is not None else str(self.first)
        return f"{self.unit} {self.column}{span}"


def line(number: int) -> str:
    """Return the locator text of a line of a text or HTML source."""
    return str(Locator("line", number))


def page(number: int) -> str:
    """Return the locator text of a page of a PDF."""
    return str(Locator("page", number))


def row(number: int, sheet: str | None = None) -> str:
    """Return the locator text of a row of a CSV file, or of a sheet of a workbook."""
    return str(Locator(f"sheet '{sheet}' row" if sheet else "row", number))


def span(unit: str, first: int, last: int) -> str:
    """Return the locator text of a span of lines or rows."""
    return str(Locator(unit, first, last if last != first else None))


def cell(sheet: str, column: str, row_number: int) -> str:
    """Return the locator text of one cell of a sheet (``sheet 'Q1' cell B7``)."""
    return str(Locator(f"sheet '{sheet}' cell", row_number, None, column))
