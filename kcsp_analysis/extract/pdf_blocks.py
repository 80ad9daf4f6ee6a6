"""PDF reports as blocks, read with pdfplumber one page at a time.

Ruled tables come from ``page.find_tables()`` as grids; the words outside them are
grouped into lines by position, where a gap between two words wider than
:data:`COLUMN_GAP_EM` times the font size becomes a tab, so unruled tables are rebuilt
from word positions and read like the tab-separated tables of text reports; running
text set in columns is read column by column. Each page's
caches are released before the next (memory stays flat in the page count), and a file
of more than :data:`MAX_PAGES` pages is refused. Locators are ``page N``.
"""

from __future__ import annotations

import itertools
import statistics
from pathlib import Path
from typing import Any

from kcsp_analysis import locators
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import Block, Cell, TableBlock, TextLine
from kcsp_analysis.extract.pdf_columns import reading_order
from kcsp_analysis.extract.pdf_pages import PageParts, without_page_furniture
from kcsp_analysis.extract.text_blocks import lines_to_blocks

COLUMN_GAP_EM = 1.2
"""A gap between two words wider than this many times the font size is a column gap."""
PARAGRAPH_GAP_LINES = 1.6
"""A vertical gap wider than this many line heights starts a new paragraph."""
MARGIN_SHARE = 0.06
"""Words this share of the page height from its top or bottom edge are in its margin."""
MAX_PAGES = 2_000
"""The most pages a report may have (the shipped agenda pack has about 120)."""


def pdf_to_blocks(path: Path, source: str) -> list[Block]:
    """Blocks of a PDF, page by page; :class:`KcspError` for a broken or locked file."""
    import pdfplumber

    pages: list[PageParts] = []
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise KcspError(
                    f"{len(pdf.pages):,} pages is more than a report holds (at most "
                    f"{MAX_PAGES:,} are read); split the file or give the text version",
                    source=source,
                )
            for number, page in enumerate(pdf.pages, 1):
                pages.append(_page_parts(page, locators.page(number)))
                page.close()  # release the page's parsed objects and caches
    except KcspError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        raise _pdf_error(exc, source) from None
    blocks = without_page_furniture(pages)
    if not blocks:
        raise KcspError("empty document: the PDF has no extractable text (scanned?)", source=source)
    return blocks


def _pdf_error(exc: Exception, source: str) -> KcspError:
    if "Password" in type(exc.args[0] if exc.args else exc).__name__:
        return KcspError(
            "the PDF is encrypted with a password; save a copy without the password "
            "(or the text version of the report) under data/raw/reports/",
            source=source,
        )
    return KcspError(
        f"cannot read PDF ({type(exc).__name__}: {exc}); is it truncated?", source=source
    )


def _page_parts(page: Any, locator: str) -> PageParts:
    """Return the lines in a page's top and bottom margins, and the blocks between."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    height = float(page.height)
    top, bottom, body = [], [], []
    for word in words:
        if word["top"] < MARGIN_SHARE * height:
            top.append(word)
        elif word["bottom"] > (1 - MARGIN_SHARE) * height:
            bottom.append(word)
        else:
            body.append(word)
    return PageParts(
        _margin_blocks(top, locator),
        _page_blocks(page, body, locator),
        _margin_blocks(bottom, locator),
    )


def _margin_blocks(words: list[dict[str, Any]], locator: str) -> list[Block]:
    return lines_to_blocks(words_to_lines(words, locator), container="pdf") if words else []


def _page_blocks(page: Any, words: list[dict[str, Any]], locator: str) -> list[Block]:
    """Return a page's ruled tables and the text around them, top to bottom."""
    tables = [t for t in page.find_tables() if t.rows]
    boxes = [t.bbox for t in tables]
    if not boxes:
        return lines_to_blocks(words_to_lines(words, locator), container="pdf")
    placed: list[tuple[float, list[Block]]] = []
    for table, box in zip(tables, boxes, strict=True):
        grid = _table_grid(table.extract(), locator)
        if grid is not None:
            placed.append((box[1], [grid]))
    outside = [w for w in words if not any(_inside(w, box) for box in boxes)]
    # Text between tables is cut at each table's top so the reading order holds.
    tops = sorted(box[1] for box in boxes)
    for band_words in _bands(outside, tops):
        if band_words:
            top = min(w["top"] for w in band_words)
            lines = words_to_lines(band_words, locator)
            placed.append((top, lines_to_blocks(lines, container="pdf")))
    placed.sort(key=lambda pair: pair[0])
    return [block for _, group in placed for block in group]


def _bands(words: list[dict[str, Any]], cuts: list[float]) -> list[list[dict[str, Any]]]:
    bands: list[list[dict[str, Any]]] = [[] for _ in range(len(cuts) + 1)]
    for word in words:
        bands[sum(word["top"] >= cut for cut in cuts)].append(word)
    return bands


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle_x = (word["x0"] + word["x1"]) / 2
    middle_y = (word["top"] + word["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _table_grid(rows: list[list[str | None]], locator: str) -> TableBlock | None:
    """Return a ruled table's grid; a cell merged over the one before repeats its text."""
    grid: list[tuple[Cell, ...]] = []
    for row in rows:
        cells: list[Cell] = []
        for text in row:
            if text is None and cells:
                cells.append(Cell(cells[-1].text, locator, spanned=True))
            else:
                cells.append(Cell(" ".join((text or "").split()), locator))
        grid.append(tuple(cells))
    if not any(c.text for row in grid for c in row):
        return None
    return TableBlock(tuple(grid), locator, container="pdf")


def words_to_lines(words: list[dict[str, Any]], locator: str) -> list[TextLine]:
    """Group pdfplumber words into lines by position; paragraph gaps become blank lines.

    Text set in columns is read column by column (:mod:`~kcsp_analysis.extract.pdf_columns`).
    """
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]["top"]) < 0.5 * _height(word):
            rows[-1].append(word)
        else:
            rows.append([word])
    if not rows:
        return []
    heights = [_height(row[0]) for row in rows]
    line_height = statistics.median(heights) * 1.2
    out: list[TextLine] = [TextLine("", locator)]
    previous_bottom: float | None = None
    paragraph_gap = (PARAGRAPH_GAP_LINES - 1) * line_height
    for row, joined in reading_order(rows, paragraph_gap):
        row.sort(key=lambda w: w["x0"])
        text = row[0]["text"]
        spans = [(float(row[0]["x0"]), float(row[0]["x1"]), str(row[0]["text"]))]
        for before, word in itertools.pairwise(row):
            gap = word["x0"] - before["x1"]
            if gap > COLUMN_GAP_EM * _height(word):
                text += "\t" + word["text"]
                spans.append((float(word["x0"]), float(word["x1"]), str(word["text"])))
            else:
                text += " " + word["text"]
                left, _, words_so_far = spans[-1]
                spans[-1] = (left, float(word["x1"]), f"{words_so_far} {word['text']}")
        table_rows = "\t" in text and "\t" in out[-1].text  # a padded header stays with its rows
        if joined is None:
            new_paragraph = (
                previous_bottom is not None
                and row[0]["top"] - previous_bottom > paragraph_gap
                and not table_rows
            )
        else:  # the top of a new column: the paragraph goes on if the last line was full
            new_paragraph = not joined
        if new_paragraph:
            out.append(TextLine("", locator))
        out.append(TextLine(text, locator, tuple(spans)))
        previous_bottom = max(w["bottom"] for w in row)
    return out


def _height(word: dict[str, Any]) -> float:
    return float(word["bottom"] - word["top"]) or 1.0
