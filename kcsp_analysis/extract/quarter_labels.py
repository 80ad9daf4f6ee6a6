"""One quarter convention per document: "Oct-Dec 2017" is 2017/18 Q3 in a financial-year paper.

A quarter written as its months ("Oct–Dec 2017", "October to December 2017") names its
dates but not whether the paper counts quarters from January or from April; it is read
as a calendar quarter. A paper that names financial quarters ("Q3 2017/18", "the third
quarter of 2017/18") and never a calendar one ("Q4 2017", "the fourth quarter of 2017")
counts quarters from April, so its calendar quarters are given their financial labels.
A paper that names financial years only says nothing about its quarters. The
dates never change, only the label: the figure is the one the paper gives, filed where
its other quarters are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kcsp_analysis.extract.blocks import TableBlock
from kcsp_analysis.extract.documents import Document
from kcsp_analysis.extract.records import Observation, StatedChange
from kcsp_analysis.periods import Period, financial_quarter

_FINANCIAL = re.compile(
    r"\bQ[1-4]\s*(?:19|20)\d{2}\s*[/-]\s*\d{2}\b|\b(?:19|20)\d{2}\s*[/-]\s*\d{2}\s*Q[1-4]\b|"
    r"\bquarter\s+of\s+(?:19|20)\d{2}\s*[/-]\s*\d{2}\b",
    re.IGNORECASE,
)
_CALENDAR = re.compile(
    r"\bQ[1-4]\s*(?:19|20)\d{2}\b(?!\s*[/-]\s*\d)|\b(?:19|20)\d{2}\s*Q[1-4]\b|"
    r"\bquarter\s+of\s+(?:19|20)\d{2}\b(?!\s*[/-]\s*\d)",
    re.IGNORECASE,
)


def counts_quarters_from_april(document: Document) -> bool:
    """Return whether the paper names financial quarters and never a calendar one.

    >>> from kcsp_analysis.extract.documents import Document, Line
    >>> def paper(text):
    ...     return Document("paper.txt", "text", (Line(text, "line 1"),))
    >>> counts_quarters_from_april(paper("In Q3 2017/18 ..."))
    True
    >>> counts_quarters_from_april(paper("Q3 2017/18 and Q4 2017"))
    False
    """
    text = " ".join(_texts(document))
    return bool(_FINANCIAL.search(text)) and not _CALENDAR.search(text)


def _texts(document: Document) -> list[str]:
    texts = []
    for block in document.blocks:
        if isinstance(block, TableBlock):
            texts += [block.caption, block.heading, block.intro]
            texts += [cell.text for row in block.rows for cell in row]
        else:
            texts.append(block.text)
    return texts


def as_financial(period: Period) -> Period:
    """Return a calendar quarter under its financial label (2017 Q4 is 2017/18 Q3)."""
    if period.period_type != "calendar_quarter":
        return period
    start = period.start
    first_year = start.year if start.month >= 4 else start.year - 1
    return financial_quarter(first_year, (start.month - 4) % 12 // 3 + 1)


def align_quarters(
    document: Document, observations: list[Observation], changes: list[StatedChange]
) -> tuple[list[Observation], list[StatedChange]]:
    """Return the figures and changes with the paper's own quarter labels."""
    if not counts_quarters_from_april(document):
        return observations, changes
    figures = [replace(o, period=as_financial(o.period)) for o in observations]
    stated = [
        replace(c, from_period=as_financial(c.from_period), to_period=as_financial(c.to_period))
        for c in changes
    ]
    return figures, stated
