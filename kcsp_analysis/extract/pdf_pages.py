"""Page furniture of a PDF: running headers and footers, dropped so text runs on.

A line at the top or bottom of a page that recurs at the top or bottom of another page
(its digits aside: "Page 2 of 3"), or that names the page number, is furniture: it is
dropped, and a paragraph that the page break cut mid-sentence is joined to its end on
the next page ("... compared with" / "731 in 2016.").
"""

from __future__ import annotations

import re
from collections import Counter

from kcsp_analysis.extract.blocks import Block, TableBlock, TextBlock

_PAGE_NUMBER = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\b", re.IGNORECASE)
_SENTENCE_END = (".", "?", "!", ":", ";")


def without_page_furniture(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without running headers and footers, paragraphs joined over pages."""
    pages = _by_page(blocks)
    if len(pages) < 2:
        return blocks
    edges = [
        b for group in pages for b in {id(group[0]): group[0], id(group[-1]): group[-1]}.values()
    ]
    counts = Counter(_signature(b) for b in edges)
    furniture = {
        id(b)
        for b in edges
        if counts[_signature(b)] >= 2 or (_PAGE_NUMBER.search(_text(b)) and len(_text(b)) < 120)
    }
    kept: list[Block] = []
    for group in pages:
        body = [b for b in group if id(b) not in furniture]
        if body and kept and _runs_on(kept[-1], body[0]):
            kept[-1] = _joined(kept[-1], body[0])  # type: ignore[arg-type]
            body = body[1:]
        kept.extend(body)
    return kept


def _by_page(blocks: list[Block]) -> list[list[Block]]:
    pages: list[list[Block]] = []
    current = None
    for block in blocks:
        if block.locator != current or not pages:
            pages.append([])
            current = block.locator
        pages[-1].append(block)
    return pages


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
