"""Committee web pages as blocks, read from the parsed tree, never from flattened text.

The tree is walked once, top down: a heading, paragraph or list item becomes a text
block (its whole text, nested inline markup included), a ``<table>`` a grid of its own
cells with ``rowspan`` and ``colspan`` resolved, and loose text between blocks a
paragraph. ``<script>``, ``<style>``, ``<template>`` and ``<noscript>`` are dropped
unread. Superscripts stay ``<sup>n</sup>`` so footnote digits are not glued to figures.
Locators are the source lines of the elements (``line 12``).
"""

from __future__ import annotations

from typing import Any

from kcsp_analysis import locators
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import Block, Cell, TableBlock, TextBlock, TextLine

_TEXT_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "pre", "blockquote"}
_UNREAD_TAGS = ["script", "style", "noscript", "template"]
_INLINE_TAGS = {
    "a", "abbr", "b", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u",
    "mark", "cite", "q", "time", "br", "code", "s", "del", "ins",
}  # fmt: skip
# Bounds on one table's grid: spans are clipped, and a grid past the cell limit refused.
MAX_SPAN = 1_000
MAX_TABLE_CELLS = 2_000_000


def _soup(text: str) -> Any:
    """Return the parsed page, built in time linear in its size however deep it nests.

    beautifulsoup4 links each new node to the next element after its parent's subtree
    by walking up the open ancestors, which costs the depth of the page at every node:
    a page of thousands of nested ``<div>`` elements took minutes. While a page is being
    parsed in order, the open ancestors of the current tag have no next sibling yet, so
    that walk finds nothing; it is skipped for the current tag, and the links come out
    the same.
    """
    from bs4 import BeautifulSoup, Tag

    class _InOrderSoup(BeautifulSoup):  # type: ignore[misc]
        def _linkage_fixer(self, el: Tag) -> None:
            if el is not self.currentTag:
                super()._linkage_fixer(el)
                return
            first, child = el.contents[0], el.contents[-1]
            if child is first and el.parent is not None:
                el.next_element = child
                before = child.previous_element
                if before is not None and before is not el:
                    before.next_element = None
                child.previous_element = el
                child.previous_sibling = None
            child.next_sibling = None
            last = child
            if isinstance(child, Tag) and child.contents:
                last = child._last_descendant(False) or child
            last.next_element = None
            last.next_sibling = None

    return _InOrderSoup(text, "html.parser")


def html_to_blocks(text: str, source: str) -> list[Block]:
    """Return the blocks of an HTML page in reading order."""
    soup = _soup(text)
    for tag in soup(_UNREAD_TAGS):
        tag.decompose()
    for sup in soup("sup"):
        sup.replace_with(f"<sup>{sup.get_text(strip=True)}</sup>")
    walk = _Walk(source)
    stack: list[Any] = [iter(soup.children)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            walk.flush()
        elif walk.is_container(node):
            stack.append(iter(node.children))
    walk.flush()
    if not walk.blocks:
        raise KcspError("empty document: the page has no text blocks", source=source)
    return walk.blocks


class _Walk:
    """The blocks found so far, and the loose text waiting to become a paragraph."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.loose: list[str] = []
        self.loose_line = 1

    def flush(self) -> None:
        """Close the loose text gathered so far into a paragraph."""
        words = " ".join(" ".join(self.loose).split())
        if words:
            line = TextLine(words, locators.line(self.loose_line))
            self.blocks.append(TextBlock("paragraph", (line,)))
        self.loose.clear()

    def is_container(self, node: Any) -> bool:
        """Read ``node`` as text or a block; True when its children are to be walked."""
        from bs4 import NavigableString, Tag

        if isinstance(node, NavigableString):
            if type(node) is NavigableString and node.strip():
                self._add_loose(str(node), _line_of(node.parent))
            return False
        if not isinstance(node, Tag):
            return False
        if node.name in _INLINE_TAGS:
            self._add_loose(node.get_text(" "), node.sourceline or 1)
            return False
        self.flush()
        if node.name == "table":
            block: Block | None = _table_block(node, self.source)
        elif node.name == "dl" and node.find(["table", "dl"]) is None:
            block = _definition_table(node)
        elif node.name in _TEXT_TAGS and node.find("table") is None:
            block = _text_block(node)
        else:
            return True
        if block is not None:
            self.blocks.append(block)
        return False

    def _add_loose(self, text: str, line: int) -> None:
        if not self.loose:
            self.loose_line = line
        self.loose.append(text)


def _line_of(element: Any) -> int:
    return int(getattr(element, "sourceline", None) or 1)


def _text_block(element: Any) -> TextBlock | None:
    text = " ".join(element.get_text(" ").split())
    if not text:
        return None
    kind = "heading" if element.name[0] == "h" and element.name[1:].isdigit() else "paragraph"
    kind = "item" if element.name in ("li", "dt", "dd") else kind
    return TextBlock(kind, (TextLine(text, locators.line(_line_of(element))),))


def _own_rows(table: Any) -> list[Any]:
    """Rows of this table, not of tables nested in its cells."""
    rows = []
    for section in [table, *table.find_all(["thead", "tbody", "tfoot"], recursive=False)]:
        rows.extend(section.find_all("tr", recursive=False))
    rows.sort(key=lambda tr: (_line_of(tr), getattr(tr, "sourcepos", 0) or 0))
    return rows


def _table_block(table: Any, source: str) -> TableBlock | None:
    caption_tag = table.find("caption", recursive=False)
    caption = " ".join(caption_tag.get_text(" ").split()) if caption_tag else ""
    grid: list[list[Cell | None]] = []
    pending: dict[int, tuple[int, Cell]] = {}  # column -> (rows still covered, cell)
    cells_seen = 0
    for row_index, tr in enumerate(_own_rows(table)):
        row: list[Cell | None] = []
        in_head = tr.parent is not None and tr.parent.name == "thead"
        for td in tr.find_all(["td", "th"], recursive=False):
            _fill_pending(row, pending)
            text = " ".join(td.get_text(" ").split())
            cell = Cell(text, locators.line(_line_of(td)), header=td.name == "th" or in_head)
            colspan = _span(td.get("colspan"))
            rowspan = _span(td.get("rowspan"))
            for offset in range(colspan):
                slot = cell if offset == 0 else _spanned(cell)
                row.append(slot)
                if rowspan > 1:
                    pending[len(row) - 1] = (rowspan - 1, _spanned(cell))
        _fill_pending(row, pending, to_end=True)
        cells_seen += len(row)
        if cells_seen > MAX_TABLE_CELLS:
            raise KcspError(
                f"a table of more than {MAX_TABLE_CELLS:,} cells (spans resolved) is more "
                "than a report holds; is this the right file?",
                source=source,
                locator=locators.line(_line_of(tr)),
            )
        if row_index == 0 or row:
            grid.append(row)
    rows = tuple(tuple(c for c in row if c is not None) for row in grid if row)
    if not any(c.text for row in rows for c in row):
        return None
    first = next(c.locator for row in rows for c in row)
    return TableBlock(rows, first, caption=caption, container="html")


def _definition_table(dl: Any) -> TableBlock | None:
    """Return a definition list as a table of two columns: each term beside its definition.

    Dashboards print figures as a term naming measure, area and period, then the figure;
    the term is the row's label, as a table's first column is.
    """
    rows: list[tuple[Cell, ...]] = []
    term: Cell | None = None
    for child in dl.find_all(["dt", "dd"], recursive=False):
        text = " ".join(child.get_text(" ").split())
        cell = Cell(text, locators.line(_line_of(child)), header=child.name == "dt")
        if child.name == "dt":
            term = cell
        elif term is not None:
            rows.append((term, cell))
    if not rows:
        return None
    return TableBlock(tuple(rows), rows[0][0].locator, container="html")


def _fill_pending(
    row: list[Cell | None], pending: dict[int, tuple[int, Cell]], to_end: bool = False
) -> None:
    """Put the cells of spans from rows above into the row's next columns."""
    while len(row) in pending or (to_end and any(c >= len(row) for c in pending)):
        column = len(row)
        if column not in pending:
            row.append(Cell("", row[-1].locator if row and row[-1] else "line 1"))
            continue
        left, cell = pending.pop(column)
        row.append(cell)
        if left > 1:
            pending[column] = (left - 1, cell)


def _spanned(cell: Cell) -> Cell:
    return Cell(cell.text, cell.locator, header=cell.header, spanned=True)


def _span(value: Any) -> int:
    try:
        return max(1, min(int(str(value).strip()), MAX_SPAN))
    except (TypeError, ValueError):
        return 1
