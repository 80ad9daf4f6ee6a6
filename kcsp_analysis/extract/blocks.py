"""The document model every reader produces: headings, paragraphs and tables of cells.

A reader (text, HTML, PDF, spreadsheet) turns a file into a sequence of blocks in
reading order. Text blocks keep their lines, so sentences can be cut from them with the
locator of the line each starts on. A table is a grid of cells with spans resolved (a
cell spanning two columns appears in both), each cell with its own locator, and with the
text that introduces it (its caption, or the sentence just above it) and the heading it
sits under. The table interpreter and the sentence reader never see the container.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from kcsp_analysis.catalogue import strip_markup

TEXT_KINDS = ("heading", "paragraph", "item")
HEADING_TRAIL = 3
"""How many headings above a table its context keeps (title, section, subsection)."""
HEADING_JOIN = " / "
"""What joins the headings of a table's trail, outermost first."""
"""Kinds of text block: a heading, a paragraph of running text, a list item."""


@dataclass(frozen=True)
class TextLine:
    """One line of a text block, as printed, and where it is (``line 12``, ``page 3``).

    ``spans`` holds, for a line read off a PDF page, each of its tab-separated pieces with
    its left and right edge (points from the page's left); other readers leave it empty.
    """

    text: str
    locator: str
    spans: tuple[tuple[float, float, str], ...] = ()


@dataclass(frozen=True)
class TextBlock:
    """A heading, paragraph or list item: its lines in order."""

    kind: str
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        """Return the block's lines joined by single spaces."""
        return " ".join(line.text.strip() for line in self.lines if line.text.strip())

    @property
    def locator(self) -> str:
        """Return the locator of the block's first line."""
        return self.lines[0].locator if self.lines else ""


@dataclass(frozen=True)
class Cell:
    """One cell of a table grid.

    ``text`` is the cell as printed (line breaks folded to spaces). ``value`` is the typed
    value where the container stores one (a spreadsheet's number or date, with a
    ``%``-formatted fraction already read as a percentage); it is None for text
    containers, whose cells are read from ``text``. ``spanned`` is True in every slot a
    spanning cell covers except its first.
    """

    text: str
    locator: str
    value: float | date | None = None
    decimals: int | None = None
    header: bool = False
    spanned: bool = False


@dataclass(frozen=True)
class TableBlock:
    """A table as a grid of rows of cells, with what introduces it.

    ``caption`` is the table's own caption or title (an HTML ``<caption>``, a line
    above a PDF table that names it, a spreadsheet's title rows or sheet name);
    ``intro`` the sentence just before the table; ``heading`` the heading it sits under;
    ``after`` the running text just below it (where a report may date a baseline).
    ``aligned`` is False for tables rebuilt from gaps in text lines (tab-separated rows,
    PDF word gaps), whose empty cells carry no position: their cells are read in order.
    """

    rows: tuple[tuple[Cell, ...], ...]
    locator: str
    caption: str = ""
    intro: str = ""
    heading: str = ""
    container: str = field(default="text")
    aligned: bool = True
    after: str = ""

    @property
    def width(self) -> int:
        """Return the number of columns of the widest row."""
        return max((len(row) for row in self.rows), default=0)


Block = TextBlock | TableBlock
"""A block of a document, in reading order."""


def with_context(blocks: list[Block], after_lines: int = 12) -> tuple[Block, ...]:
    """Give every table the heading above it, the sentence before it and the text after.

    The same for every container, so the interpreter never knows where a table came
    from: the heading is the last headings before the table (up to
    :data:`HEADING_TRAIL`, joined by ``" / "``), the intro the last sentence of the text
    block just before it (when that block is not a heading; a heading just before it,
    such as "Table 3: Road casualties in Medway", is its caption when it has none), and
    ``after`` the lines of the text blocks that follow, up to ``after_lines`` lines.
    """
    out: list[Block] = []
    headings: list[str] = []
    for index, block in enumerate(blocks):
        if isinstance(block, TextBlock):
            if block.kind == "heading":
                headings = [*headings[-(HEADING_TRAIL - 1) :], block.text]
            out.append(block)
            continue
        heading = HEADING_JOIN.join(headings)
        previous = blocks[index - 1] if index else None
        intro, caption = block.intro, block.caption
        if isinstance(previous, TextBlock) and previous.kind != "heading":
            intro = intro or last_sentence(previous.text)
        elif isinstance(previous, TextBlock) and not caption:
            caption = previous.text  # a title line just above the table names it
        out.append(
            replace(
                block,
                caption=caption,
                heading=block.heading or heading,
                intro=intro,
                after=block.after or _text_after(blocks, index + 1, after_lines),
            )
        )
    return tuple(out)


def plain_text(text: str) -> str:
    """Return a line without markup, trimmed; most lines have none, and skip the work."""
    if "<" in text or "&" in text or "*" in text or "\xa0" in text:
        return strip_markup(text).strip()
    return text.strip()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(“‘•-])")
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:exc|excl|incl|approx|e\.g|i\.e|no|nos|st|supt|c\.supt|det|insp|dr|mr|mrs|ms|"
    r"vs|etc|cllr|ref|fig|para|[a-z])\.)$",
    re.IGNORECASE,
)


_ITEM_ONLY = re.compile(r"[\s#*(]*\d{1,2}(?:\.\d{1,2})*[.)]?\s*")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; "Kent (excl. Medway)" is not two.

    >>> split_sentences("Table 1: Kent (excl. Medway) casualties. Figures are provisional.")
    ['Table 1: Kent (excl. Medway) casualties.', 'Figures are provisional.']
    """
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(text):
        # An abbreviation is at most seven characters before the piece's end.
        if pieces and (_ABBREVIATION.search(pieces[-1][-16:]) or _ITEM_ONLY.fullmatch(pieces[-1])):
            pieces[-1] += " " + piece  # "Kent (excl. Medway)", or "2. Domestic abuse": one
        else:
            pieces.append(piece)
    return pieces


def last_sentence(text: str) -> str:
    """Return the last sentence of a paragraph (a colon ending it is kept)."""
    pieces = split_sentences(text.strip())
    return pieces[-1] if pieces else ""


def _text_after(blocks: list[Block], start: int, reach: int) -> str:
    lines: list[str] = []
    for block in blocks[start:]:
        if isinstance(block, TableBlock) or len(lines) >= reach:
            break
        lines.extend(line.text for line in block.lines)
    return "\n".join(lines[:reach])
