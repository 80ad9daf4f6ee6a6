"""The period of a figure: from its own clause, else the sentence, paragraph or paper.

A period the clause names outright is taken as it is. A relative one ("the previous
year", "three years earlier", "the same period in 2013", "the last quarter") is counted
from the anchor: the nearest period named outright before it in the sentence, else the
first the sentence names, else the paragraph's, the heading's or the last one the
document named. A comparison clause ("compared with
4,655", "up from 3,900") that names no period of its own gives no figure: the sentence's
period belongs to the figure it is compared with.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from kcsp_analysis import catalogue
from kcsp_analysis.extract.clauses import Clause, clause_at
from kcsp_analysis.extract.sentences import (
    PeriodMention,
    marks_a_record,
    same_in_shift,
    shift_period,
    shift_quarter,
)
from kcsp_analysis.periods import Period, calendar_quarter, financial_year, parse_period

SCOPES = ("clause", "sentence", "table above", "paragraph", "heading", "document")
"""Where a figure's period or area came from, nearest first (``Observation.bound_by``)."""


@dataclass(frozen=True)
class Binding:
    """A period (or the reason there is none) and where it came from."""

    period: Period | None
    scope: str
    reason: str = ""


@dataclass(frozen=True)
class SentencePeriods:
    """The periods one sentence names, by clause, and what the text before it supplies."""

    mentions: list[PeriodMention]
    clauses: list[Clause]
    paragraph: Period | None
    paper_date: date | None
    text: str
    by_clause: dict[int, list[PeriodMention]] = field(default_factory=dict)
    main: list[PeriodMention] = field(default_factory=list)
    absolute: list[PeriodMention] = field(default_factory=list)
    compared: list[PeriodMention] = field(default_factory=list)
    """Periods named in comparison clauses and bracketed asides."""
    relative: list[PeriodMention] = field(default_factory=list)
    """"The same period" named outside comparisons and asides, for clauses that name none."""
    main_ends: list[int] = field(default_factory=list)
    absolute_ends: list[int] = field(default_factory=list)
    heading: Period | None = None
    """The period the heading over the sentence names."""
    earlier: Period | None = None
    """The last period named outright earlier in the document: an anchor only."""
    unlabelled: list[PeriodMention] = field(default_factory=list)
    """Stretches of time no label names ("between April and September 2017"), outside
    comparisons: a figure of the sentence is of such a stretch, not of the paragraph's."""


def sentence_periods(
    mentions: list[PeriodMention],
    clauses: list[Clause],
    around: tuple[Period | None, Period | None, Period | None],
    paper_date: date | None,
    text: str,
) -> SentencePeriods:
    """Index the periods of a sentence by clause, once, so each figure's look is short.

    ``around`` is the period of the paragraph, of the heading, and the last one named
    earlier in the document.
    """
    starts = [c.start for c in clauses]
    by_clause: dict[int, list[PeriodMention]] = {}
    main, relative, compared, unlabelled = [], [], [], []
    for mention in mentions:
        index = clause_at(starts, mention.start)
        by_clause.setdefault(index, []).append(mention)
        aside = (
            clauses[index].comparison
            or clauses[index].link == "("
            or _base_of_change(text, mention)
        )
        if not aside and _unlabelled(mention, text):
            unlabelled.append(mention)
        if mention.kind in ("latest", "unreadable", "gloss", "since"):
            continue
        if aside:
            compared.append(mention)
            continue
        if mention.kind == "absolute" and mention.period:
            main.append(mention)
        elif mention.kind == "same" and clauses[index].link != "(":
            relative.append(mention)  # "over the same period": the main period again
    absolute = [m for m in mentions if m.kind == "absolute" and m.period is not None]
    paragraph, heading, earlier = around
    return SentencePeriods(
        mentions,
        clauses,
        paragraph,
        paper_date,
        text,
        by_clause,
        main,
        absolute,
        compared[:4],
        relative[:4],
        [m.end for m in main],
        [m.end for m in absolute],
        heading,
        earlier,
        unlabelled,
    )


_BASELINE_AFTER = re.compile(r"\s*(?:baseline|average|mean)\b", re.IGNORECASE)


def _unlabelled(mention: PeriodMention, text: str) -> bool:
    """Tell whether a mention names a stretch of time that no label names.

    "Over the three years 2012 to 2014, 9 were killed": the 9 is the span's, as is one
    counted from a start ("since 2014/15"). A span of
    years that names a baseline ("the 2005-09 baseline") is the baseline's, not a figure's.
    """
    if mention.kind == "unreadable":
        return not _BASELINE_AFTER.match(text, mention.end)
    if mention.kind == "since":  # "Since 2014/15, 4,000 cases have been heard"
        return not marks_a_record(text, mention)
    return mention.kind == "absolute" and mention.period is None


_CHANGE_BASE = re.compile(r"\b(?:than|on)\s+(?:(?:in|for|during)\s+)?$", re.IGNORECASE)


def _base_of_change(text: str, mention: PeriodMention) -> bool:
    """Return whether a period is what a change is measured against: "42 more than in 2013".

    Such a period ("than in 2013", "up 7% on 2013") belongs to the figure compared with,
    never to the figure the sentence is about.
    """
    return _CHANGE_BASE.search(text, max(0, mention.start - 20), mention.start) is not None


def widest(*scopes: str) -> str:
    """Return the widest of ``scopes`` ("paragraph" over "clause")."""
    return max(scopes, key=SCOPES.index)


def bind_period(
    figure: tuple[int, int], next_figure: int, clause_index: int, known: SentencePeriods
) -> Binding:
    """Return the period of the figure spanning ``figure`` in clause ``clause_index``.

    A period after the figure is its own only when no other figure comes between
    ("9 were killed (11 in the same quarter of 2014)": the period is the 11's).
    """
    figure_start, figure_end = figure
    clause = known.clauses[clause_index]
    own = [
        m
        for m in known.by_clause.get(clause_index, [])
        if m.kind not in ("latest", "gloss", "since")
    ]
    before = [
        m for m in own if m.end <= figure_start and not _closed_before(known.text, m, figure_start)
    ][::-1]
    after = [m for m in own if figure_end <= m.start < next_figure]
    if before and after and _inside(after[0], before[0], known):
        before = []  # "figures for 2016/17 show 27,105 in the first quarter": the quarter
    for mention in [*before, *after]:
        period, reason = resolve(mention, known)
        scope = "clause" if mention.kind == "absolute" else anchor_of(mention, known)[1]
        return Binding(period, widest("clause", scope), "" if period is not None else reason)
    if (named := _when_clause(clause, known)) is not None:
        # "an increase of 5.1% on 2017/18, when 24,239 incidents were recorded"
        period, reason = resolve(named, known)
        return Binding(period, "sentence", "" if period is not None else reason)
    if clause.comparison:
        if (main := _main_clause_of_places(clause_index, known)) is not None:
            # "3.1% of Swale residents ..., compared with 2.0% across Kent": the same
            # period in another place.
            start = known.clauses[main].start
            return bind_period((start, start), start, main, known)
        return _compared_period(clause, known)
    index = bisect.bisect_right(known.main_ends, figure_start) - 1
    nearest = known.main[index] if index >= 0 else (known.main[0] if known.main else None)
    if nearest is not None and nearest.period is not None:
        return Binding(nearest.period, "sentence")
    return _period_around(known)


def _period_around(known: SentencePeriods) -> Binding:
    """Return the period of a figure whose clause and sentence name none outright."""
    if known.unlabelled:
        return Binding(None, "sentence", f"cannot read the period '{known.unlabelled[0].text}'")
    for mention in known.relative:  # "over the same period, with a repeat rate of 33%"
        period, _ = resolve(mention, known)
        if period is not None:
            return Binding(period, widest("sentence", anchor_of(mention, known)[1]))
    if known.paragraph is not None:
        return Binding(known.paragraph, "paragraph")
    if known.heading is not None:
        return Binding(known.heading, "heading")
    if known.paper_date is not None and re.search(r"\b(?:is|are)\b", known.text):
        year = known.paper_date.year
        latest = financial_year(year - 1 if known.paper_date.month >= 4 else year - 2)
        return Binding(latest, "document")
    return Binding(None, "sentence", "no period named in the clause, sentence, paragraph or paper")


def _closed_before(text: str, mention: PeriodMention, figure_start: int) -> bool:
    """Tell whether a period sits in brackets that close before the figure.

    "(a victim with another incident in the preceding 12 months) was 36.2% in 2017/18":
    the bracketed period defines a word; it is not the figure's.
    """
    between = text[mention.end : figure_start]
    if text[mention.start - 1 : mention.start] == "(" and between[:1] == ")":
        return False  # "the second quarter (July to September 2016)": the bracket says which
    return between.count(")") > between.count("(")


def _inside(inner: PeriodMention, outer: PeriodMention, known: SentencePeriods) -> bool:
    """Return whether ``inner`` names a part of the period ``outer`` names."""
    narrow, wide = resolve(inner, known)[0], resolve(outer, known)[0]
    if narrow is None or wide is None or narrow == wide:
        return False
    return wide.start <= narrow.start and narrow.end <= wide.end


_WHEN = re.compile(r"[\s,;(]*when\b", re.IGNORECASE)


def _when_clause(clause: Clause, known: SentencePeriods) -> PeriodMention | None:
    """Return the period a clause opened by "when" refers to: the one just before it."""
    if not _WHEN.match(known.text, clause.start):
        return None
    before = [m for m in known.mentions if m.end <= clause.start and m.kind != "gloss"]
    if not before or known.text[before[-1].end : clause.start].strip(" ,;("):
        return None
    return before[-1]


def _main_clause_of_places(clause_index: int, known: SentencePeriods) -> int | None:
    """Return the clause a comparison of places compares with, or None.

    The comparison names an area and the text before it names others, none the same:
    the figures are of two places, and the comparison has no period of its own.
    """
    clause = known.clauses[clause_index]
    own = set(catalogue.areas_named(known.text[clause.start : clause.end]))
    before = set(catalogue.areas_named(known.text[: clause.start]))
    if not own or not before or own & before:
        return None
    earlier = [i for i in range(clause_index) if not known.clauses[i].comparison]
    return earlier[-1] if earlier else None


def _compared_period(clause: Clause, known: SentencePeriods) -> Binding:
    """Return the period of a comparison without one: that of the sentence's others.

    "9 were killed (11 in the same quarter of 2014) and 122 were seriously injured, up
    from 107": the one period the sentence compares with is 2014's quarter. With none,
    or two, the figure is skipped.
    """
    found = {resolve(m, known)[0] for m in known.compared}
    found.discard(None)
    if len(found) == 1:
        return Binding(found.pop(), "sentence")
    return Binding(None, "clause", f"a comparison ('{clause.link}') without a period of its own")


def resolve(mention: PeriodMention, known: SentencePeriods) -> tuple[Period | None, str]:
    """Return the period a mention names, counting a relative one from its anchor."""
    if mention.kind in ("absolute", "unreadable"):
        return mention.period, f"cannot read the period '{mention.text}'"
    anchor, _ = anchor_of(mention, known)
    if anchor is None:
        return None, f"'{mention.text}' with no period to count from"
    if mismatch := _unit_mismatch(mention, anchor):
        return None, mismatch
    if mention.kind in ("previous", "earlier"):
        return shift_period(anchor, -mention.years_back), ""
    if mention.kind == "previous_quarter":
        shifted = shift_quarter(anchor, -1)
        reason = "" if shifted else f"'{mention.text}' after {anchor.label}, which is no quarter"
        return shifted, reason
    if mention.kind == "same":
        return anchor, ""
    if mention.kind == "nth_quarter":
        quarter = _nth_quarter(anchor, mention.years_back)
        reason = "" if quarter else f"'{mention.text}' after {anchor.label}, which has no quarters"
        return quarter, reason
    if mention.kind == "same_in":
        return shift_period(anchor, same_in_shift(mention.text, anchor)), ""
    return None, f"'{mention.text}' does not name a period"


_YEAR_LONG = ("financial_year", "calendar_year", "twelve_months_to")


def _unit_mismatch(mention: PeriodMention, anchor: Period) -> str:
    """Return why "the same quarter" (or month, or 12 months) cannot count from ``anchor``.

    "the same quarter a year earlier" after a year has no quarter to count from; "the
    same 12 months" needs a year-long anchor.
    """
    if mention.kind not in ("same", "previous", "earlier"):
        return ""
    if mention.kind == "same" and re.search(r"\b(?:12|twelve)\s+months", mention.text, re.I):
        return "" if anchor.period_type in _YEAR_LONG else f"'{mention.text}' after {anchor.label}"
    unit = re.search(r"same\s+(quarter|month)", mention.text, re.IGNORECASE)
    word = unit[1].lower() if unit else ""
    if word and word not in anchor.period_type:
        return f"'{mention.text}' after {anchor.label}, which is no {word}"
    return ""


def _nth_quarter(anchor: Period, number: int) -> Period | None:
    """Quarter ``number`` of the year the anchor lies in (calendar or financial)."""
    if anchor.period_type in ("calendar_year", "calendar_quarter"):
        return calendar_quarter(anchor.start.year, number)
    if anchor.period_type in ("financial_year", "financial_quarter"):
        first = anchor.start.year if anchor.start.month >= 4 else anchor.start.year - 1
        return parse_period(f"{first}/{(first + 1) % 100:02d} Q{number}")
    return None


def anchor_of(mention: PeriodMention, known: SentencePeriods) -> tuple[Period | None, str]:
    """Return the period a relative mention counts from, and where it was found."""
    index = bisect.bisect_right(known.absolute_ends, mention.start) - 1
    chosen = known.absolute[index] if index >= 0 else _later_anchor(mention, known)
    if _unread_between(chosen, mention, known):
        # "January to June 2015 ..., compared with 318 in the same period of 2014": the
        # stretch counted from has no label, so neither has the one counted to.
        return None, "sentence"
    if chosen is not None:
        return chosen.period, "sentence"
    # "29.6% ... in the assessment year, compared with 28.4% in the previous twelve
    # months": a comparison counts from its sentence's period, never from one a page before.
    earlier = None if mention in known.compared else known.earlier
    for period, scope in (
        (known.paragraph, "paragraph"),
        (known.heading, "heading"),
        (earlier, "document"),
    ):
        if period is not None:
            return period, scope
    return None, "sentence"


def _unread_between(
    chosen: PeriodMention | None, mention: PeriodMention, known: SentencePeriods
) -> bool:
    """Tell whether a stretch no label names sits before ``mention``, nearer than ``chosen``."""
    low = chosen.end if chosen is not None and chosen.end <= mention.start else 0
    return any(
        low <= m.start and m.end <= mention.start
        for m in known.mentions
        if m.kind == "unreadable" or (m.kind == "absolute" and m.period is None)
    )


def _later_anchor(mention: PeriodMention, known: SentencePeriods) -> PeriodMention | None:
    """Return a period named after a relative one that it may count from, or None.

    "The previous year's 4,655, against 4,210 in 2015/16" counts back from 2015/16; but
    "the same quarter" opening a sentence is the one the text before it named, and a
    period that is itself compared with ("compared with 14 in April to June 2018") is
    no anchor.
    """
    later = next(iter(known.absolute), None)
    if later is None or mention.kind == "same" or later in known.compared:
        return None
    return later
