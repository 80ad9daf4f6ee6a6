"""What the text before a sentence supplies: its paragraph, its heading, the paper's date.

A paragraph is the run of sentences of one block of text: lines wrapped inside a block
(no blank line, no bullet or item number starting the next line) stay one paragraph even
where a line ends with a full stop. A heading (a markdown ``#`` line, or a short line
without a full stop) opens a section: its measure, area and period are the section's
context until the next heading. The last period the document named is kept as the
anchor of relative periods ("over the same period") that nothing nearer resolves.

A sentence ending in a colon that leads a list ("Recorded burglaries rose in eight of
the twelve districts:") gives the items below it its measure (when it names just one),
area and period, as their paragraph would; the next paragraph that is no item ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kcsp_analysis import catalogue
from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.extract.documents import Document
from kcsp_analysis.extract.measure_words import find_aliases, tokens
from kcsp_analysis.extract.records import Observation
from kcsp_analysis.extract.scope_statements import stated_area
from kcsp_analysis.extract.sentences import Sentence, find_dates, find_periods, first_absolute
from kcsp_analysis.locators import Locator
from kcsp_analysis.periods import Period

_NEW_ITEM = re.compile(r"^\s*(?:[-•*]|\(?\d+(?:\.\d+)*[.)]?\s|#|\|)")
_HEADING_WORDS = 10
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_ITEM_NUMBER = re.compile(r"^\W*\d+(?:\.\d+)*\.?\s+")


@dataclass
class Context:
    """What earlier text says that a sentence may leave implicit."""

    paragraph: int = -1
    measures: list[str] = field(default_factory=list)
    area: str | None = None
    period: Period | None = None
    paper_date: date | None = None
    text: str = ""
    heading_measures: list[str] = field(default_factory=list)
    heading_area: str | None = None
    heading_period: Period | None = None
    heading_text: str = ""
    """The heading over the paragraph, as printed (its theme: "Domestic abuse")."""
    earlier_period: Period | None = None
    file_date: date | None = None
    """The date in the file name (``2014-07-08_pack.md``): no figure is of a later period."""
    stated_area: str | None = None
    """The area the paper says its figures cover ("figures relate to Kent unless stated")."""
    named_before: list[str] = field(default_factory=list)
    """Measures the last figureless sentence of the paragraph named, for "such offences"."""


class ContextTracker:
    """Keeps the context of each sentence of one document, in reading order."""

    def __init__(self, document: Document, skip: set[int]) -> None:
        self._index = {line.locator: i for i, line in enumerate(document.lines)}
        self._gaps = [
            i in skip or not strip_markup(line.text).strip()
            for i, line in enumerate(document.lines)
        ]
        self._previous: Sentence | None = None
        self._previous_heading = False
        self._lead: Context | None = None
        self.context = Context(file_date=_date_in_name(document.source))

    def begin(self, sentence: Sentence) -> Context:
        """Return the context of ``sentence``, opening a new paragraph or section."""
        old = self.context
        heading = is_heading(sentence)
        if heading or (sentence.paragraph != old.paragraph and not self._continues(sentence)):
            self.context = Context(
                sentence.paragraph,
                paper_date=old.paper_date,
                file_date=old.file_date,
                stated_area=old.stated_area,
            )
            if not heading:
                self.context.heading_measures = old.heading_measures
                self.context.heading_area = old.heading_area
                self.context.heading_period = old.heading_period
                self.context.heading_text = old.heading_text
            self.context.earlier_period = old.period or old.heading_period or old.earlier_period
            if sentence.item and self._lead is not None and not heading:
                self.context.measures = list(self._lead.measures)
                self.context.area = self._lead.area
                self.context.period = self._lead.period
        self.context.paragraph = sentence.paragraph
        return self.context

    def end(self, sentence: Sentence) -> None:
        """Take what ``sentence`` names into the context of the sentences after it."""
        context, text = self.context, sentence.text
        named = first_absolute(find_periods(text))
        if is_heading(sentence):
            words = tokens(text)
            context.heading_measures = [m.measure for m in find_aliases(words)]
            context.heading_text = text
            context.heading_area = catalogue.resolve_area(text)
            context.heading_period = named
        else:
            context.text += " " + text
            context.area = context.area or catalogue.resolve_area(text)
            context.period = named or context.period
            context.stated_area = stated_area(text) or context.stated_area
            if not re.search(
                r"\d", _NEW_ITEM.sub("", text, count=1)
            ):  # "3.2 Violence continues to rise."
                context.named_before = sorted({m.measure for m in find_aliases(tokens(text))})
        if not sentence.item:
            self._lead = _list_lead(sentence, context) if text.endswith(":") else None
        dates = find_dates(text)
        if dates and len(text) - sum(e - s for s, e, _ in dates) < 12:
            context.paper_date = dates[0][2]  # a dated heading: "10th June 2014"
        self._previous = sentence
        self._previous_heading = is_heading(sentence)

    def _continues(self, sentence: Sentence) -> bool:
        """Return whether ``sentence`` goes on the block of text of the one before."""
        previous = self._previous
        if previous is None or self._previous_heading or _NEW_ITEM.match(sentence.quote):
            return False
        here, there = self._index.get(sentence.locator), self._index.get(previous.locator)
        if here is None or there is None or Locator.parse(sentence.locator).unit != "line":
            return False
        return here > there and not any(self._gaps[there + 1 : here + 1])


def _list_lead(sentence: Sentence, context: Context) -> Context:
    """Return what a list's lead sentence gives its items: one measure, an area, a period."""
    measures = {m.measure for m in find_aliases(tokens(sentence.text))}
    return Context(
        measures=sorted(measures) if len(measures) == 1 else [],
        area=catalogue.resolve_area(sentence.text) or context.area,
        period=first_absolute(find_periods(sentence.text)) or context.period,
    )


def _date_in_name(source: str) -> date | None:
    match = _NAME_DATE.search(source.rsplit("/", 1)[-1])
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def is_heading(sentence: Sentence) -> bool:
    """Return whether a sentence is a heading: ``## Violence``, or a short unstopped line."""
    quote = sentence.quote.strip()
    if quote.startswith("#"):
        return True
    text = sentence.text.strip()
    if quote[:1] in "-•*|" or text.endswith((".", ":", ";", ",", "!", "?")):
        return False
    if text != strip_markup(quote).strip() or len(text) > 120:
        return False  # wrapped over lines: running text
    rest = _ITEM_NUMBER.sub("", text)
    chars = list(rest)
    for mention in find_periods(rest):
        chars[mention.start : mention.end] = " " * (mention.end - mention.start)
    for start, end, _ in find_dates(rest):
        chars[start:end] = " " * (end - start)
    masked = "".join(chars)
    return 0 < len(masked.split()) <= _HEADING_WORDS and not re.search(r"\d", masked)


def table_area_above(sentence: Sentence, table_observations: list[Observation]) -> str | None:
    """Return the area of the nearest table row above the sentence (within 15 lines).

    A page locator cannot tell a table above the sentence from one below it on the page,
    so a sentence of a PDF takes no area from a table. Rows of several areas above (a
    table of districts, a split with a total) give none: the last row's is no more the
    sentence's than the others'.
    """
    here = Locator.parse(sentence.locator)
    if here.unit != "line":
        return None
    reach = 15
    places = [(o, Locator.parse(o.locator)) for o in table_observations]
    above = [
        o
        for o, place in places
        if place.unit == here.unit and 0 <= here.first - place.first <= reach
    ]
    areas = {o.area for o in above}
    return areas.pop() if len(areas) == 1 else None
