"""The records extraction produces: figures, stated changes and log entries.

Source and locator are always filled and left out of equality, so the same figure found
in two documents compares equal and can be matched. A figure also carries what later
stages need of its printing: the decimals it was printed with and the kind of block it
came from, so no later stage has to find them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.periods import Period

QUALIFIERS = ("", "more_than", "less_than", "approx")
BLOCK_KINDS = ("table", "sentence", "sheet")
"""Where a figure came from: a report's table or sentence, or a figures-file sheet."""
TABLE_BLOCKS = ("table", "sheet")
"""Block kinds that are tables of figures (ranked over sentences in the current view)."""


@dataclass(frozen=True)
class Observation:
    """One published figure: a measure for an area and period, with its provenance.

    ``decimals`` is the number of decimals it was printed with (``24.0%`` has 1);
    ``block`` is one of :data:`BLOCK_KINDS`. ``bound_by`` says where a sentence figure's
    period or area came from when its own clause did not give it: ``sentence``, ``table
    above``, ``paragraph``, ``heading`` or ``document`` (else ``clause``).
    """

    measure: str
    area: str
    period: Period
    value: float
    qualifier: str = ""
    source: str = field(default="", compare=False)
    locator: str = field(default="", compare=False)
    quote: str = field(default="", compare=False, repr=False)
    decimals: int = field(default=0, compare=False, repr=False)
    block: str = field(default="sentence", compare=False, repr=False)
    bound_by: str = field(default="clause", compare=False, repr=False)


@dataclass(frozen=True)
class Reading:
    """One plausible reading of a printed change.

    ``value`` is signed (a fall is negative); ``basis`` is ``percent`` for a percent
    change of a count and ``points`` for a change of a percentage.
    """

    value: float
    basis: str
    decimals: int
    how: str


@dataclass(frozen=True)
class StatedChange:
    """A change a report prints ("Change", "Diff. to Baseline"), with every reading of it."""

    kind: str
    measure: str
    area: str
    from_period: Period
    to_period: Period
    printed: str
    readings: tuple[Reading, ...]
    source: str = field(default="", compare=False)
    locator: str = field(default="", compare=False)

    @property
    def printed_text(self) -> str:
        """Return the printed cell without markup, as a note quotes it."""
        return strip_markup(self.printed).strip()


@dataclass(frozen=True)
class Amendment:
    """A report saying a published figure was amended ("amended from 545 to 547").

    ``old`` and ``new`` are the same measure, area and period; ``new`` supersedes ``old``.
    """

    old: Observation
    new: Observation
    source: str = field(default="", compare=False)
    locator: str = field(default="", compare=False)


@dataclass(frozen=True)
class LogEntry:
    """What extraction did with one table or sentence of a document.

    ``status`` is ``used`` (figures came from it) or ``skipped`` (with the reason).
    """

    source: str
    locator: str
    block: str
    status: str
    figures: int
    reason: str
    excerpt: str


@dataclass
class Extraction:
    """What extraction found in a set of documents."""

    observations: list[Observation] = field(default_factory=list)
    stated_changes: list[StatedChange] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)

    def extend(self, other: Extraction) -> None:
        """Add everything ``other`` found."""
        self.observations.extend(other.observations)
        self.stated_changes.extend(other.stated_changes)
        self.amendments.extend(other.amendments)
        self.log.extend(other.log)
