"""The period of a figure: from its own clause, else the sentence, paragraph or paper.

A period the clause names outright is taken as it is. A relative one ("the previous
year", "three years earlier", "the same period in 2013", "the last quarter") is counted
from the anchor: the nearest period named outright before it in the sentence, else the
first the sentence names, else the paragraph's. A comparison clause ("compared with
4,655", "up from 3,900") that names no period of its own gives no figure: the sentence's
period belongs to the figure it is compared with.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from kcsp_analysis.extract.clauses import Clause, clause_at
from kcsp_analysis.extract.sentences import PeriodMention, shift_period, shift_quarter
from kcsp_analysis.periods import Period, financial_year

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
    main_ends: list[int] = field(default_factory=list)
    absolute_ends: list[int] = field(default_factory=list)


def sentence_periods(
    mentions: list[PeriodMention],
    clauses: list[Clause],
    paragraph: Period | None,
    paper_date: date | None,
    text: str,
) -> SentencePeriods:
    """Index the periods of a sentence by clause, once, so each figure's look is short."""
    starts = [c.start for c in clauses]
    by_clause: dict[int, list[PeriodMention]] = {}
    main = []
    for mention in mentions:
        index = clause_at(starts, mention.start)
        by_clause.setdefault(index, []).append(mention)
        if mention.kind == "absolute" and mention.period and not clauses[index].comparison:
            main.append(mention)
    absolute = [m for m in mentions if m.kind == "absolute" and m.period is not None]
    return SentencePeriods(
        mentions,
        clauses,
        paragraph,
        paper_date,
        text,
        by_clause,
        main,
        absolute,
        [m.end for m in main],
        [m.end for m in absolute],
    )


def widest(*scopes: str) -> str:
    """Return the widest of ``scopes`` ("paragraph" over "clause")."""
    return max(scopes, key=SCOPES.index)


def bind_period(
    figure_start: int, figure_end: int, clause_index: int, known: SentencePeriods
) -> Binding:
    """Return the period of the figure at ``figure_start`` in clause ``clause_index``."""
    clause = known.clauses[clause_index]
    own = [m for m in known.by_clause.get(clause_index, []) if m.kind != "latest"]
    before = [m for m in own if m.end <= figure_start][::-1]
    after = [m for m in own if m.start >= figure_end]
    for mention in [*before, *after]:
        period, reason = resolve(mention, known)
        return Binding(period, "clause", "" if period is not None else reason)
    if clause.comparison:
        return Binding(None, "clause", f"a comparison ('{clause.link}') without a period of its own")
    index = bisect.bisect_right(known.main_ends, figure_start) - 1
    nearest = known.main[index] if index >= 0 else (known.main[0] if known.main else None)
    if nearest is not None and nearest.period is not None:
        return Binding(nearest.period, "sentence")
    if known.paragraph is not None:
        return Binding(known.paragraph, "paragraph")
    if known.paper_date is not None and re.search(r"\b(?:is|are)\b", known.text):
        year = known.paper_date.year
        latest = financial_year(year - 1 if known.paper_date.month >= 4 else year - 2)
        return Binding(latest, "document")
    return Binding(None, "sentence", "no period named in the clause, sentence, paragraph or paper")


def resolve(mention: PeriodMention, known: SentencePeriods) -> tuple[Period | None, str]:
    """Return the period a mention names, counting a relative one from its anchor."""
    if mention.kind == "absolute":
        return mention.period, f"cannot read the period '{mention.text}'"
    anchor = _anchor(mention, known)
    if anchor is None:
        return None, f"'{mention.text}' with no period to count from"
    if mention.kind in ("previous", "earlier"):
        return shift_period(anchor, -mention.years_back), ""
    if mention.kind == "previous_quarter":
        shifted = shift_quarter(anchor, -1)
        reason = "" if shifted else f"'{mention.text}' after {anchor.label}, which is no quarter"
        return shifted, reason
    if mention.kind == "same_in":
        year = int(re.search(r"\d{4}", mention.text)[0])  # type: ignore[index]
        return shift_period(anchor, year - anchor.start.year), ""
    return None, f"'{mention.text}' does not name a period"


def _anchor(mention: PeriodMention, known: SentencePeriods) -> Period | None:
    index = bisect.bisect_right(known.absolute_ends, mention.start) - 1
    chosen = known.absolute[index] if index >= 0 else (known.absolute[:1] or [None])[0]
    return chosen.period if chosen is not None else known.paragraph
