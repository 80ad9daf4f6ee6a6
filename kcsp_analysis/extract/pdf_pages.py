"""Page furniture of a PDF: running headers and footers, dropped so text runs on.

A line in the top or bottom margin of a page that recurs in the same margin of another
page (its digits aside: "Page 2 of 3"), or that names the page number, is furniture: it
is dropped, and a paragraph that the page break cut mid-sentence is joined to its end on
the next page ("... compared with" / "731 in 2016.").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kcsp_analysis.extract.blocks import Block, TableBlock, TextBlock

_PAGE_NUMBER = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\b", re.IGNORECASE)
_SENTENCE_END = (".", "?", "!", ":", ";")
_SHORT = 120
"""A margin line naming the page number longer than this is text, not furniture."""


@dataclass(frozen=True)
class PageParts:
    """A page's blocks: those of its top margin, its body, and its bottom margin."""

    top: list[Block]
    body: list[Block]
    bottom: list[Block]


def without_page_furniture(pages: list[PageParts]) -> list[Block]:
    """Return the pages' blocks in order, without running headers and footers.

    A margin block is furniture when the same margin of another page holds it too (digits
    aside) or when it names the page number; a paragraph the page break cut mid-sentence
    is joined to the first paragraph of the next page's body.
    """
    tops = Counter(_signature(b) for page in pages for b in page.top)
    bottoms = Counter(_signature(b) for page in pages for b in page.bottom)
    kept: list[Block] = []
    for page in pages:
        top = [b for b in page.top if not _furniture(b, tops)]
        body = [*top, *page.body]
        if body and kept and not top and _runs_on(kept[-1], body[0]):
            kept[-1] = _joined(kept[-1], body[0])  # type: ignore[arg-type]
            body = body[1:]
        kept.extend(body)
        kept.extend(b for b in page.bottom if not _furniture(b, bottoms))
    return kept


def _furniture(block: Block, counts: Counter[str]) -> bool:
    text = _text(block)
    return counts[_signature(block)] >= 2 or (
        _PAGE_NUMBER.search(text) is not None and len(text) < _SHORT
    )


def _text(block: Block) -> str:
    if isinstance(block, TableBlock):
        return " | ".join(c.text for row in block.rows for c in row if c.text)
    return block.text


def _signature(block: Block) -> str:
    """Return a block's text folded for comparison: case, spaces and digits aside."""
    return re.sub(r"\d+", "#", " ".join(_text(block).lower().split()))


def _runs_on(last: Block, first: Block) -> bool:
    """Tell whether a page's first block goes on with the sentence the last page left open."""
    if not isinstance(last, TextBlock) or not isinstance(first, TextBlock):
        return False
    if last.kind == "heading" or first.kind != "paragraph":
        return False
    return not last.text.rstrip().endswith(_SENTENCE_END)


def _joined(last: TextBlock, first: TextBlock) -> TextBlock:
    return TextBlock(last.kind, (*last.lines, *first.lines))
