"""Text and markdown reports as blocks: paragraphs, headings, list items and tables.

A run of tab-separated lines is a table (a blank line ends it), as text extraction of a
committee paper leaves it; so is a markdown pipe table and a run of lines whose cells
are set apart by two or more spaces with figures in them. Every other line belongs to a
paragraph, which breaks at a blank line, a bullet or heading, or after a line that ends
a sentence, so text wrapped across lines reads as one. Locators are ``line N``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kcsp_analysis.extract.blocks import Block, Cell, TableBlock, TextBlock, TextLine, plain_text
from kcsp_analysis.extract.numbers import parse_figure
from kcsp_analysis.extract.positioned_tables import continues_header, positioned_grid

_BULLET = re.compile(r"^\s*(?:[-•*]|\d+[.)]|#+)\s")
_SPACE_GAP = re.compile(r"\s{2,}")
_PIPE_RULE = re.compile(r"^\s*:?-{2,}:?\s*$")
_PARAGRAPH_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.")
# A cell of a space-aligned table after its label is short; prose with two spaces after
# a full stop is not a table.
_MAX_ALIGNED_CELL = 40
_SENTENCE_ENDS = (".", ":", "!", "?")

TAB, PIPE, SPACED, TEXT, BLANK, RULE = "tab", "pipe", "spaced", "text", "blank", "rule"
# A line of dashes under a text table's header, or a code fence around it: no text.
# A rule may be broken under each column ("-------  -----  -----").
_RULE = re.compile(r"^\s*(?:[-=_~]{3,}(?:\s+[-=_~]{3,})*|`{3,}\w*)\s*$")


def lines_to_blocks(lines: Sequence[TextLine], container: str = "text") -> list[Block]:
    """Blocks of a run of text lines, in order (tables, paragraphs, headings, items)."""
    kinds = _line_kinds(lines)
    blocks: list[Block] = []
    paragraph: list[TextLine] = []
    last_text = ""  # the last paragraph line without markup

    def close() -> None:
        if paragraph:
            blocks.append(_text_block(paragraph))
            paragraph.clear()

    index = 0
    while index < len(lines):
        kind = kinds[index]
        if kind in (TAB, PIPE, SPACED):
            close()
            end = _run_end(kinds, index, kind)
            rows = [lines[i] for i in range(index, end) if kinds[i] != RULE]
            blocks.append(_table_block(rows, kind, container))
            index = end
            continue
        line = lines[index]
        text = plain_text(line.text)
        index += 1
        if kind in (BLANK, RULE) or not text:
            close()
            continue
        ended = last_text.endswith(_SENTENCE_ENDS)
        if (_BULLET.match(text) and not _runs_on(text, paragraph, ended)) or (paragraph and ended):
            close()
        paragraph.append(line)
        last_text = text
    close()
    return blocks


def _runs_on(text: str, paragraph: list[TextLine], ended: bool) -> bool:
    """Tell whether a line that opens with a number ends the sentence above it.

    "... in the 12 months to December" then "2015. Overall ...": a year, not item 2015.
    """
    return bool(paragraph) and not ended and re.match(r"\s*\d{3,}[.)]", text) is not None


def _run_end(kinds: list[str], index: int, kind: str) -> int:
    """Return where a run of table lines of ``kind`` ends; a rule line between two stays in."""
    end = index
    while end < len(kinds) and (
        kinds[end] == kind
        or (kinds[end] == RULE and end + 1 < len(kinds) and kinds[end + 1] == kind)
    ):
        end += 1
    return end


def _line_kinds(lines: Sequence[TextLine]) -> list[str]:
    kinds = []
    for line in lines:
        if not line.text.strip():
            kinds.append(BLANK)
        elif _RULE.match(line.text):
            kinds.append(RULE)
        elif "\t" in line.text and not _numbered_prose(line.text):
            kinds.append(TAB)
        elif line.text.lstrip().startswith("|") and line.text.count("|") >= 2:
            kinds.append(PIPE)
        elif "  " in line.text.strip() and _could_be_spaced_row(line.text):
            kinds.append(SPACED)
        else:
            kinds.append(TEXT)
    _join_wrapped_headers(lines, kinds)
    return _keep_spaced_runs_with_figures(lines, kinds)


def _join_wrapped_headers(lines: Sequence[TextLine], kinds: list[str]) -> None:
    """Keep a PDF header's wrapped second line, and a gap under it, in its table."""
    for index in range(1, len(lines) - 1):
        after = index + 2 if kinds[index + 1] == BLANK and index + 2 < len(lines) else index + 1
        if (
            kinds[index] == TEXT
            and kinds[index - 1] == TAB == kinds[after]
            and continues_header(lines[index], lines[index - 1], lines[after])
        ):
            kinds[index] = TAB
            if after != index + 1:
                kinds[index + 1] = RULE  # the space a rule under the header left


def _numbered_prose(text: str) -> bool:
    r"""Return whether a tabbed line is a numbered paragraph's first line, not a table row.

    Papers set paragraph numbers in the margin ("2.1<gap>Table 1 summarises casualties
    by severity. In the 12 months ..."): one number, then prose that runs on.

    >>> _numbered_prose("2.1\tTable 1 summarises casualties by severity. In the 12 months to")
    True
    >>> _numbered_prose("Dover\t1,204\t1,310"), _numbered_prose("2014\tKilled or seriously injured")
    (False, False)
    """
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) != 2 or not _PARAGRAPH_NUMBER.fullmatch(cells[0]):
        return False
    return len(cells[1]) > _MAX_ALIGNED_CELL and len(cells[1].split()) >= 6


def _could_be_spaced_row(text: str) -> bool:
    cells = _SPACE_GAP.split(text.strip())
    return len(cells) >= 2 and all(len(c) <= _MAX_ALIGNED_CELL for c in cells[1:])


def _keep_spaced_runs_with_figures(lines: Sequence[TextLine], kinds: list[str]) -> list[str]:
    """Keep a space-aligned run a table only with two lines or more and figures in a row."""
    index = 0
    while index < len(kinds):
        if kinds[index] != SPACED:
            index += 1
            continue
        end = _run_end(kinds, index, SPACED)
        spaced = [i for i in range(index, end) if kinds[i] == SPACED]
        rows = [_SPACE_GAP.split(lines[i].text.strip()) for i in spaced]
        if len(spaced) < 2 or not any(sum(map(_is_figure, row[1:])) >= 1 for row in rows):
            for i in spaced:
                kinds[i] = TEXT
        index = end
    return kinds


def _is_figure(text: str) -> bool:
    try:
        parse_figure(text)
    except ValueError:
        return False
    return True


def _text_block(lines: list[TextLine]) -> TextBlock:
    first = plain_text(lines[0].text)
    if first.startswith("#"):
        kind = "heading"
    elif _BULLET.match(first):
        kind = "item"
    elif len(lines) == 1 and len(first) < 80 and not first.endswith(_SENTENCE_ENDS):
        kind = "heading"  # a short line standing alone, as plain-text papers head sections
    else:
        kind = "paragraph"
    return TextBlock(kind, tuple(lines))


def _with_character_spans(line: TextLine) -> TextLine:
    """Return a fixed-width line with each piece (set apart by two spaces) and its columns."""
    spans, start = [], 0
    for piece in _SPACE_GAP.split(line.text):
        found = line.text.find(piece, start) if piece.strip() else -1
        if found >= 0:
            left = found + len(piece) - len(piece.lstrip())
            spans.append((float(left), float(found + len(piece.rstrip())), piece.strip()))
            start = found + len(piece)
    return TextLine(line.text, line.locator, tuple(spans))


def _table_block(lines: Sequence[TextLine], kind: str, container: str) -> TableBlock:
    grid = None
    if kind == TAB:
        grid = positioned_grid(lines)
    elif kind == SPACED:  # a fixed-width table: its pieces sit in character columns
        grid = positioned_grid([_with_character_spans(line) for line in lines])
    if grid is not None:
        return TableBlock(grid, lines[0].locator, container=container, aligned=True)
    rows: list[tuple[Cell, ...]] = []
    for line in lines:
        if kind == TAB:
            texts = line.text.split("\t")
        elif kind == PIPE:
            texts = line.text.strip().strip("|").split("|")
            if all(_PIPE_RULE.match(t) for t in texts):
                continue  # the |---|---| rule under a markdown header
        else:
            texts = _SPACE_GAP.split(line.text.strip())
        rows.append(tuple(Cell(t.strip(), line.locator) for t in texts))
    header_rows = 1 if kind == PIPE else 0
    rows = [
        tuple(Cell(c.text, c.locator, header=True) for c in row) if i < header_rows else row
        for i, row in enumerate(rows)
    ]
    widths = {len(row) for row in rows}
    aligned = kind == PIPE or (kind == SPACED and len(widths) == 1)
    locator = lines[0].locator
    return TableBlock(tuple(rows), locator, container=container, aligned=aligned)
