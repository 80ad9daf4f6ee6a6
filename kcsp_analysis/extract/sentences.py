"""Running text of a report: paragraphs, sentences, and the periods and dates they name.

Sentences are cut from the text blocks a reader gives (tables are blocks of their own,
left out). A paragraph block is a run of lines that does not break at a blank line, a
bullet or a heading, so text wrapped across lines (or across PDF lines) reads as one.
Every sentence keeps the locator and the text of the line it starts on.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from datetime import date

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import TextBlock, plain_text, split_sentences
from kcsp_analysis.extract.documents import Document
from kcsp_analysis.periods import MONTH_NAME, Period, calendar_quarter, parse_period

_MONTH = rf"(?:{MONTH_NAME})\.?"
_YY = r"(?:(?:(?:19|20)\d{2}|'?\d{2})(?!\d))"
_DATE = re.compile(
    # "2016/17 Apr 2016" is a year then a month: the 17 after the slash is no day.
    rf"(?<![/\d])\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_ROLLING_DAY = re.compile(
    rf"(\b(?:months|year)\s+(?:to|ending|ended)\s+)(\d{{1,2}}(?:st|nd|rd|th)?\s+)(?={_MONTH}\s)",
    re.IGNORECASE,
)
_COUNT_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_QUARTER_WORDS["4th"] = 4
_COUNT_WORD = r"(?:" + "|".join(_COUNT_WORDS) + r"|\d{1,2})"
# Most specific first: the alternation takes the first form that matches at a position.
_PERIOD_FORMS = [
    # "the highest since 2010": a point the figure is compared with, never its period.
    (
        "since",
        r"since\s+(?:(?:the\s+)?(?:start|end|beginning)\s+of\s+)?"
        r"(?:19|20)\d{2}(?:\s*/\s*\d{2}(?!\d))?",
    ),
    (
        "absolute",
        rf"(?:(?:the\s+)?(?:12|twelve)\s+months|(?:the\s+)?year)\s+(?:to|ending|ended)"
        rf"\s+(?:the\s+end\s+of\s+)?{_MONTH}\s+{_YY}",
    ),
    ("between", rf"between\s+{_MONTH}\s+and\s+{_MONTH}\s+{_YY}"),
    # "January and February 2017": two months, which no label names
    ("unreadable", rf"{_MONTH}\s+and\s+{_MONTH}\s+(?:19|20)\d{{2}}"),
    ("absolute", rf"{_MONTH}\s*{_YY}?\s*(?:-|–|—|to)\s*{_MONTH}\s*{_YY}"),
    (
        "absolute",
        r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+"
        r"(?:19|20)\d{2}(?:\s*[/-]\s*\d{2}(?!\d))?",
    ),
    ("absolute", r"(?:19|20)\d{2}(?:\s*/\s*\d{2})?\s+Q[1-4]\b"),
    ("absolute", r"(?:Q|Quarter\s+)[1-4]\s+(?:19|20)\d{2}(?:\s*/\s*\d{2}(?!\d))?"),
    (
        "same_in",
        r"(?:the\s+)?same\s+(?:period|quarter|month)\s+(?:in|of)\s+(?:19|20)\d{2}"
        r"(?:\s*[/-]\s*\d{2}(?!\d))?",
    ),
    (
        "nth_quarter",
        r"(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
        r"(?!\s+of\s+(?:19|20)\d{2})",
    ),
    (
        "same",
        r"(?:in|over|for|during)\s+the\s+same\s+(?:period|quarter|(?:12|twelve)\s+months)"
        r"(?!\s+(?:in|of|last))",
    ),
    ("earlier", rf"{_COUNT_WORD}\s+years?\s+(?:earlier|before|ago|previously)"),
    (
        "previous",
        r"(?:the\s+)?same\s+(?:period|quarter|month)\s+(?:in|of)\s+the\s+previous\s+year|"
        r"(?:the\s+)?same\s+(?:period|quarter|month)\s+last\s+year|(?:the\s+)?year\s+before|"
        r"(?:the\s+)?previous\s+(?:year|(?:12|twelve)\s*months)|last\s+year",
    ),
    (
        "previous_quarter",
        r"(?:the\s+)?(?:previous|last|preceding)\s+quarter(?!\s+of\s+(?:19|20)\d{2})",
    ),
    ("latest", r"(?:the\s+)?last\s+12\s*months"),
    # A span of years ("the 2005-2009 average", "between 2012 and 2014") is no one period.
    (
        "unreadable",
        r"(?:19|20)\d{2}\s*(?:-|–|—|to)\s*(?:19|20)\d{2}(?![\d/])|"
        r"between\s+(?:19|20)\d{2}\s+and\s+(?:19|20)\d{2}(?![\d/])",
    ),
    ("absolute", r"(?<![\d,.])(?:19|20)\d{2}\s*[/-]\s*\d{2}(?!\d)|'\d{2}\s*/\s*\d{2}"),
    ("absolute", rf"{_MONTH}\s+(?:19|20)\d{{2}}"),
    ("absolute", r"(?<![\d,.£])(?:19|20)\d{2}(?!\d|,\d|\.\d)"),
    (
        "unreadable",
        rf"(?:the\s+)?(?:first|last|past|previous|preceding|next)\s+(?:{_COUNT_WORD}\s+)?"
        r"(?:quarters|months|weeks)(?:\s+of\s+(?:the\s+year|(?:19|20)\d{2}(?:\s*/\s*\d{2})?))?|"
        r"(?:the\s+)?year\s+to\s+date|so\s+far\s+this\s+year|"
        r"(?:the\s+)?(?:most\s+recent|latest|last)\s+(?:survey\s+)?(?:wave|sweep)|"
        r"(?:the\s+)?(?:most\s+recent|latest)\s+(?:quarter|month)|"
        r"(?:the\s+)?(?:first|second|last)\s+half\s+of\s+(?:the\s+)?"
        r"(?:year|(?:19|20)\d{2}(?:\s*[/-]\s*\d{2})?)|"
        r"(?:the\s+)?(?:three|six|nine|3|6|9)\s+months\s+(?:to|ending|ended)\s+\w+\s+(?:19|20)\d{2}",
    ),
]
_PERIODS = re.compile(
    "|".join(f"(?P<{kind}{i}>\\b{pattern})" for i, (kind, pattern) in enumerate(_PERIOD_FORMS)),
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-•*]|\d+[.)]|#+)\s")


@dataclass(frozen=True)
class PeriodMention:
    """A period named in a sentence.

    ``kind`` is absolute, gloss (a bracketed restatement of the period before it),
    previous (a year before), earlier (``years_back`` years before),
    previous_quarter, nth_quarter (quarter ``years_back`` of the anchor's year), same (the
    anchor itself), same_in (the same period of a named year), latest, since (where a
    stretch starts: "since 2010/11", ``period`` the year named), or unreadable (a
    stretch of time no label can name: "the first three quarters of the year", "the
    three years 2012 to 2014").
    """

    kind: str
    start: int
    end: int
    period: Period | None
    text: str
    years_back: int = 1


@dataclass(frozen=True)
class Sentence:
    """One sentence of running text, markup stripped, with where it starts."""

    text: str
    locator: str
    quote: str
    paragraph: int
    item: bool = False
    """Whether the sentence is (part of) a list item."""


def document_to_sentences(document: Document, skip: set[int] | None = None) -> list[Sentence]:
    """Sentences of the running text of ``document``: its text blocks, tables left out.

    Each text block (paragraph, heading, list item) is one paragraph; ``skip`` is kept
    for callers that still pass the table lines of the line model, and is not needed.
    """
    sentences: list[Sentence] = []
    number = 0
    for block in document.blocks:
        if not isinstance(block, TextBlock):
            continue
        lines = [(plain_text(line.text), line.locator, line.text) for line in block.lines]
        paragraph = [line for line in lines if line[0]]
        if paragraph:
            read = _paragraph_to_sentences(paragraph, number)
            if block.kind == "item":
                read = [replace(sentence, item=True) for sentence in read]
            sentences.extend(read)
            number += 1
    return sentences


def _paragraph_to_sentences(lines: list[tuple[str, str, str]], number: int) -> list[Sentence]:
    text, starts = "", []
    for line_text, locator, raw in lines:
        if text:
            text += " "
        starts.append((len(text), locator, raw))
        text += line_text
    positions = [start for start, _, _ in starts]
    pieces = split_sentences(text)
    out = []
    offset = 0
    for piece in pieces:
        start = text.index(piece.split(" ")[0], offset)
        offset = start + len(piece)
        _, locator, raw = starts[bisect.bisect_right(positions, start) - 1]
        out.append(Sentence(piece.strip(), locator, raw, number))
    return out


def find_periods(text: str) -> list[PeriodMention]:
    """Periods a sentence names, in order; relative ones (``the previous year``) unresolved."""
    return list(_find_periods_cached(text))


@functools.lru_cache(maxsize=4096)
def _find_periods_cached(text: str) -> tuple[PeriodMention, ...]:
    # Each sentence is scanned more than once while its figures are read.
    # "the 12 months to 30 September 2016" ends on a day: the months, not the day, count.
    masked = _ROLLING_DAY.sub(lambda m: m[1] + " " * len(m[2]), text)
    masked = _DATE.sub(lambda m: " " * len(m.group()), masked)
    mentions: list[PeriodMention] = []
    for match in _PERIODS.finditer(masked):
        mention_text = match.group()
        kind, period = _kind_and_period(re.sub(r"\d+$", "", match.lastgroup or ""), mention_text)
        years_back = 1
        if kind == "nth_quarter":
            years_back = _QUARTER_WORDS[mention_text.split()[-2].lower()]
        if kind == "earlier":
            count = mention_text.split()[0].lower()
            years_back = int(count) if count.isdigit() else _COUNT_WORDS[count]
        if mentions and _glosses(mentions[-1], match.start(), period, text):
            kind = "gloss"  # still a period's words, so its digits are no figure
        elif mentions and period and _brackets_relative(mentions[-1], match.start(), text):
            # "the second quarter (July to September 2016)": the bracket says which
            mentions[-1] = replace(mentions[-1], kind="gloss")
        mention = PeriodMention(
            kind, match.start(), match.end(), period, text[match.start() : match.end()], years_back
        )
        if kind in ("earlier", "previous") and mentions and _same_then(mentions[-1], mention, text):
            # "the same quarter a year earlier": one period, a year before the anchor
            first = mentions.pop()
            mention = replace(mention, start=first.start, text=text[first.start : mention.end])
        mentions.append(mention)
    return tuple(mentions)


def _kind_and_period(kind: str, text: str) -> tuple[str, Period | None]:
    """Return a matched form's kind, as read, and the period it names outright, if any."""
    if kind == "absolute" and is_year_span(text):
        return "unreadable", None  # "the 2005-09 baseline": five years, not September 2005
    if kind == "absolute":
        return kind, _parse(text)
    if kind == "since":
        return kind, _parse(re.sub(r"^.*?(?=(?:19|20)\d{2})", "", text))
    if kind == "between":
        spans = re.sub(
            r"^between\s+|\s+and\s+",
            lambda m: " to " if "and" in m.group() else "",
            text,
            flags=re.IGNORECASE,
        )
        return "absolute", _parse(spans)
    return kind, None


def _same_then(first: PeriodMention, then: PeriodMention, text: str) -> bool:
    """Tell whether "the same quarter" runs straight into "a year earlier"."""
    return first.kind == "same" and not text[first.end : then.start].strip()


_SHORT_SPAN = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*(\d{2})(?![\d/])")


def is_year_span(text: str) -> bool:
    """Return whether ``text`` holds a span like ``2005-09``: years in a paper, never a month.

    >>> [is_year_span(t) for t in ("2005-09", "2014-15", "2016-09 to", "2005-09 average")]
    [True, False, False, True]
    """
    return any(int(m[2]) > int(m[1]) % 100 + 1 for m in _SHORT_SPAN.finditer(text))


def _brackets_relative(first: PeriodMention, start: int, text: str) -> bool:
    """Return whether a bracketed period at ``start`` spells out the relative one before it."""
    relative = first.kind not in ("absolute", "unreadable", "gloss", "latest")
    return relative and text[first.end : start].strip() == "("


def _glosses(first: PeriodMention, start: int, period: Period | None, text: str) -> bool:
    """Return whether the period at ``start`` restates ``first`` in brackets (same dates).

    "Q3 2017/18 (October to December 2017)" names one quarter, not two.
    """
    if first.period is None or period is None:
        return False
    same = (first.period.start, first.period.end) == (period.start, period.end)
    return same and text[first.end : start].strip() in ("(", ", (", ",")


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Calendar dates (``10 June 2014``) in ``text`` with their spans."""
    out = []
    for match in _DATE.finditer(text):
        month = parse_period(f"{match['month']} {match['year']}").start.month
        day = int(re.match(r"\d+", match.group())[0])  # type: ignore[index]
        try:
            out.append((match.start(), match.end(), date(int(match["year"]), month, day)))
        except ValueError:
            continue
    return out


def _parse(text: str) -> Period | None:
    try:
        return parse_period(text)
    except KcspError:
        return None


def shift_period(period: Period, years: int) -> Period:
    """Return the period of the same kind ``years`` earlier (negative) or later."""
    shifted = date(period.start.year + years, period.start.month, period.start.day)
    if period.period_type == "calendar_quarter":
        return calendar_quarter(shifted.year, (shifted.month - 1) // 3 + 1)
    forms = {
        "financial_year": lambda: f"{shifted.year}/{(shifted.year + 1) % 100:02d}",
        "calendar_year": lambda: str(shifted.year),
        "financial_quarter": lambda: _shift_financial_quarter(period.label, years),
        "month": lambda: f"{shifted.year}-{shifted.month:02d}",
        "twelve_months_to": lambda: (
            f"12 months to {period.end.year + years}-{period.end.month:02d}"
        ),
    }
    return parse_period(forms[period.period_type]())


def shift_quarter(period: Period, quarters: int) -> Period | None:
    """Return the quarter ``quarters`` before (negative) or after a quarter; else None."""
    if period.period_type not in ("calendar_quarter", "financial_quarter"):
        return None
    index = period.start.year * 4 + (period.start.month - 1) // 3 + quarters
    year, quarter = divmod(index, 4)
    shifted = calendar_quarter(year, quarter + 1)
    if period.period_type == "calendar_quarter":
        return shifted
    first = year if quarter >= 1 else year - 1
    return parse_period(f"{first}/{(first + 1) % 100:02d} Q{(quarter - 1) % 4 + 1}")


def _shift_financial_quarter(label: str, years: int) -> str:
    first = int(label[:4]) + years
    return f"{first}/{(first + 1) % 100:02d} {label.split()[-1]}"


_SUPERLATIVE = re.compile(
    r"\b(?:highest|lowest|most|fewest|least|best|worst|largest|smallest|greatest|biggest|"
    r"first\s+time)\b[^.;,]{0,30}$",
    re.IGNORECASE,
)


def marks_a_record(text: str, mention: PeriodMention) -> bool:
    """Tell whether a "since" period says how long a record stands: "the highest since 2010".

    Such a year is a point compared with; any other "since" starts a stretch no label names.
    """
    return bool(_SUPERLATIVE.search(text, max(0, mention.start - 60), mention.start))


def same_in_shift(text: str, anchor: Period) -> int:
    """Return the years from ``anchor`` to the year "the same period of 2013/14" names.

    A financial year counts from the anchor's financial year: January to March 2015,
    compared with "the same quarter of 2013/14", is one year back, not two.
    """
    named = re.search(r"((?:19|20)\d{2})(\s*[/-]\s*\d{2}(?!\d))?", text)
    if named is None:
        return 0
    year = int(named[1])
    if named[2]:
        return year - (anchor.start.year if anchor.start.month >= 4 else anchor.start.year - 1)
    return year - anchor.start.year


def first_absolute(periods: list[PeriodMention]) -> Period | None:
    """Return the first period a sentence names outright."""
    return next((p.period for p in periods if p.kind == "absolute" and p.period), None)
