"""Figures in sentences: counts, rates, approximate figures, stated changes, amendments.

Each figure in a sentence is read in place. Its measure comes from the words after it
("1,229 Multi Agency Risk Assessment Conferences"), else from the words before a linking
verb ("the rate in Kent is at 24%"), else from the figure before it in the sentence or
paragraph. Its area comes from the words just before it, the sentence, or the
paragraph; its period from the nearest period named in its clause, the sentence, the
paragraph, or - for a present-tense figure with none - the latest financial year before
the paper's date. A percent with a change word ("a 14.5% reduction", "(up 10.5%)") is a
stated change; "amended from 545 to 547" is an amendment.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from kcsp_analysis import catalogue
from kcsp_analysis.extract.changes import (
    NarrativeResult,
    SentenceScan,
    find_from_to_pair,
    record_amendment,
    record_change,
    record_pair,
)
from kcsp_analysis.extract.documents import Document
from kcsp_analysis.extract.numbers import (
    NumberMention,
    find_fractions,
    find_numbers,
    qualifier_before,
)
from kcsp_analysis.extract.records import LogEntry, Observation
from kcsp_analysis.extract.sentences import (
    PeriodMention,
    Sentence,
    document_to_sentences,
    find_dates,
    find_periods,
    first_absolute,
    shift_period,
)
from kcsp_analysis.locators import Locator
from kcsp_analysis.periods import Period, financial_year

_UP = ("increase", "increased", "rise", "rose", "up", "more", "higher", "growth")
_DOWN = (
    "reduction",
    "decrease",
    "decreased",
    "fall",
    "fell",
    "drop",
    "down",
    "less",
    "lower",
    "fewer",
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:percentage\s+points?\s+|points?\s+)?(?P<word>[a-z]+)\b", re.IGNORECASE
)
_CHANGE_BEFORE = re.compile(
    r"\b(?P<word>[a-z]+)\s+(?:of\s+)?(?:around\s+|about\s+|approximately\s+|almost\s+|"
    r"nearly\s+|some\s+|over\s+|just\s+over\s+)?[(\s]*$",
    re.IGNORECASE,
)
_LINKS = (
    "exceeded",
    "is",
    "was",
    "were",
    "are",
    "at",
    "of",
    "to",
    "reached",
    "totalled",
    "stood",
    "been",
    "by",
    "amounted",
)
_WORDS_AFTER = 12


@dataclass
class _Context:
    """What earlier text says that a sentence may leave implicit."""

    paragraph: int = -1
    measures: list[str] = field(default_factory=list)
    area: str | None = None
    period: Period | None = None
    paper_date: date | None = None
    text: str = ""


@functools.cache
def share_measures() -> dict[str, str]:
    """Count measures whose bracketed percent is a share, and the share's measure."""
    rows = catalogue.read_data_csv("share_measures.csv")
    return {row["count_measure"]: row["share_measure"] for row in rows}


def extract_narrative(
    document: Document, table_lines: set[int], table_observations: list[Observation]
) -> NarrativeResult:
    """Figures, changes and amendments of the sentences of ``document`` (tables left out)."""
    result = NarrativeResult()
    context = _Context()
    for sentence in document_to_sentences(document, table_lines):
        if sentence.paragraph != context.paragraph:
            context = _Context(sentence.paragraph, paper_date=context.paper_date)
        _read_sentence(document.source, sentence, context, table_observations, result)
        context.text += " " + sentence.text
        context.area = context.area or catalogue.resolve_area(sentence.text)
        context.period = first_absolute(find_periods(sentence.text)) or context.period
        dates = find_dates(sentence.text)
        if dates and len(sentence.text) - sum(e - s for s, e, _ in dates) < 12:
            context.paper_date = dates[0][2]  # a dated heading: "10th June 2014"
    return result


def _read_sentence(
    source: str,
    sentence: Sentence,
    context: _Context,
    table_observations: list[Observation],
    result: NarrativeResult,
) -> None:
    text = sentence.text
    periods = find_periods(text)
    figures = _figures(text, periods)
    if not figures:
        return
    used, reasons = 0, []
    previous: tuple[NumberMention, str] | None = None
    scan = SentenceScan(
        source,
        sentence,
        periods,
        figures,
        find_from_to_pair(text, figures),
        table_observations,
        result,
    )
    for index, figure in enumerate(figures):
        reason, measure = _read_figure(scan, index, previous, context)
        if reason:
            reasons.append(f"{figure.text}: {reason}")
        else:
            used += 1
        if measure:
            previous = (figure, measure)
            context.measures.append(measure)
    status = "used" if used else "skipped"
    result.log.append(
        LogEntry(source, sentence.locator, "sentence", status, used, "; ".join(reasons), text[:160])
    )


def _figures(text: str, periods: list[PeriodMention]) -> list[NumberMention]:
    # Periods and dates become word characters, so "2002/03.4" leaves no ".4" figure.
    masked = list(text)
    for mention in periods:
        masked[mention.start : mention.end] = "_" * (mention.end - mention.start)
    for start, end, _ in find_dates(text):
        masked[start:end] = "_" * (end - start)
    plain = "".join(masked)
    found = [*find_numbers(plain), *find_fractions(plain)]
    return sorted(found, key=lambda m: m.start)


def _read_figure(
    scan: SentenceScan,
    index: int,
    previous: tuple[NumberMention, str] | None,
    context: _Context,
) -> tuple[str, str | None]:
    """Record one figure; return (reason it was skipped or '', its measure)."""
    text, sentence, figures, pair = scan.sentence.text, scan.sentence, scan.figures, scan.pair
    figure = figures[index]
    if reason := _not_a_figure(text, figures, index):
        return reason, None
    before = text[figures[index - 1].end if index else 0 : figure.start]
    nxt = figures[index + 1].start if index + 1 < len(figures) else len(text)
    after = text[figure.end : nxt]
    if pair and pair[2] and figure in pair[:2]:
        return record_amendment(scan, figure)
    direction = _change_direction(text, figure, before, after)
    measure = _measure_for(figure, before, after, text, previous, context, direction)
    if measure is None and pair and not pair[2] and figure in pair[:2]:
        measure = catalogue.resolve_measure(text)
    if measure is None:
        return "no catalogue measure named for this figure", None
    # A table just above sets the subject of the commentary under it: in "Domestic
    # burglary experienced a 0.5% increase ..., Swale and Dartford experienced the largest
    # increases" the 0.5% is the table's area, not the district named later.
    area = (
        catalogue.resolve_area(before)
        or catalogue.resolve_area(_clause(text, figure))
        or _table_area_above(sentence, scan.table_observations)
        or context.area
        or _only_area(text)
    )
    if area is None:
        return "no area named in the sentence or its paragraph", measure
    period = _period_for(figure, scan.periods, text, context)
    if pair and figure in pair[:2]:
        return record_pair(scan, figure, measure, area)
    if direction:
        reason = record_change(
            scan, figure, direction, before, measure, area, period, context.period
        )
        return reason, measure
    return _observe(scan, figure, measure, area, period), measure


def _without_qualifier(words: list[str]) -> list[str]:
    """Drop the qualifier phrase before a figure: "a rise to just over" ends with "to"."""
    qualifiers = {phrase for _, phrase in catalogue.qualifier_words("sentence")}
    while words:
        if len(words) >= 2 and " ".join(words[-2:]) in qualifiers:
            words = words[:-2]
        elif words[-1] in qualifiers and words[-1] not in _LINKS:
            words = words[:-1]
        else:
            break
    return words


def _not_a_figure(text: str, figures: list[NumberMention], index: int) -> str:
    """Why the number at ``index`` is no figure at all (money, a range end), or ''."""
    if figures[index].money:
        return "money figure"
    if _in_range(text, figures, index):
        return "a range, not a single figure"
    return ""


def _observe(
    scan: SentenceScan, figure: NumberMention, measure: str, area: str, period: Period | None
) -> str:
    """Record a plain figure whose measure and area are known; the reason if skipped."""
    unit = catalogue.measures()[measure].unit
    if figure.percent and unit != "percent":
        return f"a percent of {measure} (a share, not a catalogue figure)"
    if not figure.percent and unit == "percent":
        return f"a count for the percentage measure {measure}"
    if period is None:
        return "no period named in the sentence, paragraph or paper date"
    text = scan.sentence.text
    qualifier = qualifier_before(text[: figure.start])
    if figure.value != int(figure.value) and not figure.percent and unit == "count":
        qualifier = qualifier or "approx"  # "2.3 million incidents" is rounded
    scan.observe(measure, area, figure, period, qualifier)
    return ""


def _in_range(text: str, figures: list[NumberMention], index: int) -> bool:
    """Either end of "between 28 and 40%"."""

    def joined(first: int) -> bool:
        return bool(
            re.search(r"\bbetween\s+$", text[: figures[first].start])
            and re.fullmatch(r"\s*%?\s*and\s+", text[figures[first].end : figures[first + 1].start])
        )

    return (index + 1 < len(figures) and joined(index)) or (index > 0 and joined(index - 1))


def _change_direction(text: str, figure: NumberMention, before: str, after: str) -> str:
    """``up`` or ``down`` when the figure is a stated change, else ''."""
    if not figure.percent:
        return ""
    if match := _CHANGE_AFTER.match(after):
        word = match["word"].lower()
        if word in _UP or word in _DOWN:
            return "up" if word in _UP else "down"
    if match := _CHANGE_BEFORE.search(before):
        word = match["word"].lower()
        if word in _UP or word in _DOWN:
            return "up" if word in _UP else "down"
    sign = text[max(0, figure.start - 1) : figure.start]
    if sign in "-−+" and sign and re.search(r"increase|decrease|change", text, re.IGNORECASE):
        return "up" if sign == "+" else "down"
    return ""


def _measure_for(
    figure: NumberMention,
    before: str,
    after: str,
    text: str,
    previous: tuple[NumberMention, str] | None,
    context: _Context,
    direction: str,
) -> str | None:
    window = " ".join(re.split(r"[,;(.]", after, maxsplit=1)[0].split()[:_WORDS_AFTER])
    if measure := catalogue.resolve_measure(window):
        return measure
    words = _without_qualifier(re.sub(r"[^a-z ]", " ", before.lower()).split())
    linked = direction or (words and words[-1] in _LINKS)
    if linked and (measure := catalogue.resolve_measure(text[: figure.start])):
        return measure
    share = share_measures().get(previous[1]) if previous else None
    if figure.percent and share and before.rstrip().endswith("("):
        return share  # "283 repeat cases (23%)"
    wants_count = direction or not figure.percent
    earlier = [previous[1]] if previous else []
    for candidate in reversed([*context.measures, *earlier]):
        if (catalogue.measures()[candidate].unit != "percent") == bool(wants_count):
            return candidate
    if direction:
        return catalogue.resolve_measure(context.text)
    return None


def _only_area(text: str) -> str | None:
    """Return the area a sentence names, if its clauses name exactly one."""
    named = {catalogue.resolve_area(part) for part in re.split(r"[,;]", text)}
    named.discard(None)
    return named.pop() if len(named) == 1 else None


def _clause(text: str, figure: NumberMention) -> str:
    """Return the clause holding the figure: between commas, semicolons and "whereas"."""
    bounds = re.compile(r"[,;]|\b(?:whereas|whilst|while|but)\b", re.IGNORECASE)
    start = max((m.end() for m in bounds.finditer(text, 0, figure.start)), default=0)
    end = next((m.start() for m in bounds.finditer(text, figure.end)), len(text))
    return text[start:end]


def _table_area_above(sentence: Sentence, table_observations: list[Observation]) -> str | None:
    """Return the area of the nearest table row above the sentence (same page, or 15 lines)."""
    here = Locator.parse(sentence.locator)
    reach = 15 if here.unit == "line" else 0
    places = [(o, Locator.parse(o.locator)) for o in table_observations]
    above = [
        o
        for o, place in places
        if place.unit == here.unit and 0 <= here.first - place.first <= reach
    ]
    return above[-1].area if above else None


def _period_for(
    figure: NumberMention, periods: list[PeriodMention], text: str, context: _Context
) -> Period | None:
    clause_start = text.rfind(";", 0, figure.start) + 1
    clause_end = text.find(";", figure.end)
    clause_end = len(text) if clause_end < 0 else clause_end
    in_clause = [p for p in periods if clause_start <= p.start < clause_end]
    main = first_absolute(periods) or context.period
    for candidates in (
        [p for p in in_clause if p.end <= figure.start][::-1],
        [p for p in in_clause if p.start >= figure.end],
        [p for p in periods if p.end <= figure.start][::-1],
    ):
        for mention in candidates:
            if resolved := _resolve(mention, main):
                return resolved
    if main is not None:
        return main
    if context.paper_date is not None and re.search(r"\b(?:is|are)\b", text):
        year = context.paper_date.year
        return financial_year(year - 1 if context.paper_date.month >= 4 else year - 2)
    return None


def _resolve(mention: PeriodMention, main: Period | None) -> Period | None:
    if mention.kind == "absolute":
        return mention.period
    if mention.kind == "previous" and main is not None:
        return shift_period(main, -1)
    return None
