"""The measure and area of a figure: its clause's, else what the sentence and text give.

A figure's measure is named in its own clause (:func:`clause_measure`), else taken from
the figure before it, a clause before it or the paragraph, only when the figure's clause
has a shape of its own and counts nothing else; its area likewise, from the clause, the
figure before it, the sentence, the table above, the paragraph, the heading or the
paper's own statement of its area. Each step that could lend another figure's name
instead abstains.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kcsp_analysis import catalogue
from kcsp_analysis.extract.changes import SentenceScan
from kcsp_analysis.extract.clause_places import bracketed_subject, clause_area, leading_place
from kcsp_analysis.extract.clause_views import (
    ClauseView,
    SentenceView,
    carried_as,
    clause_measure,
    may_carry,
    sentence_measures,
    unit_fits,
)
from kcsp_analysis.extract.clauses import clause_at
from kcsp_analysis.extract.count_nouns import bare_count, generic_count
from kcsp_analysis.extract.measure_words import Token, tokens
from kcsp_analysis.extract.narrative_context import Context
from kcsp_analysis.extract.numbers import NumberMention
from kcsp_analysis.extract.period_binding import SentencePeriods


@dataclass
class SentenceRead:
    """One sentence being read: its clauses, figures and what they bound so far."""

    scan: SentenceScan
    plain: str
    view: SentenceView
    known: SentencePeriods
    clause_starts: list[int]
    ranged: set[int]
    context: Context
    table_area: str | None
    signed_change: bool
    previous: tuple[NumberMention, str] | None = None
    previous_area: str | None = None
    unnamed_before: bool = False
    """A figure before in the sentence had no measure: its clause's names are not for it."""
    themes: list[Token] | None = None
    """The words of the paragraph so far and the sentence, read once when first needed."""
    subareas: list[tuple[int, str]] | None = None
    """Where the sentence's words for a place inside an area ("ward") end, once needed."""


@functools.cache
def _percent_bases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Count measures a share is "of", with the subject words that name each share."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in catalogue.read_data_csv("percent_bases.csv"):
        subject = tuple(t.word for t in tokens(row["subject"]))
        found.setdefault(row["base_measure"], []).append((subject, row["share_measure"]))
    return {base: tuple(rows) for base, rows in found.items()}


def share_named_by_subject(view: ClauseView, figure: NumberMention, base: str) -> str:
    """Return the share a percent is of the count ``base``, named by the clause's subject.

    "Repeat victims accounted for 33.8% of domestic abuse incidents": the incidents are
    the base; "repeat victims" before the figure says which share. '' when none is named.
    """
    words = [t.word for t in view.words if t.end <= figure.start]
    for subject, share in _percent_bases().get(base, ()):
        size = len(subject)
        if any(tuple(words[i : i + size]) == subject for i in range(len(words) - size + 1)):
            return share
    return ""


def _share_of_previous(
    read: SentenceRead, figure: NumberMention, clause_index: int, named: str | None
) -> str:
    """Return the share measure of the count before a percent, or ''.

    "283 repeat cases (23%)", "402 were repeat cases, a repeat rate of 29%".
    """
    previous = read.previous
    share = catalogue.share_measures().get(previous[1], "") if previous else ""
    if not figure.percent or not share or previous is None:
        return ""
    opening = read.scan.sentence.text[max(0, figure.start - 5) : figure.start].rstrip()
    near = clause_at(read.clause_starts, previous[0].start) >= clause_index - 1
    return share if opening.endswith("(") or (named is None and near) else ""


def measure_for(
    read: SentenceRead,
    index: int,
    clause_index: int,
    bounds: tuple[int, int],
    direction: str,
    rate: bool,
) -> str | None:
    """Return the figure's measure: its clause's, else the sentence's or paragraph's if it fits."""
    figure = read.scan.figures[index]
    view = read.view.clauses[clause_index]
    count_wanted = bool(direction) or not figure.percent
    named = clause_measure(view, figure, bounds, bool(direction))
    if named is not None and figure.percent and not direction:
        named = share_named_by_subject(view, figure, named) or named
    if named is not None and (direction or unit_fits(named, figure, rate, count_wanted)):
        return named
    previous = read.previous
    if not direction and (share := _share_of_previous(read, figure, clause_index, named)):
        return share
    if named is not None:
        return None if rate else named  # the figure is logged as not fitting the measure
    derived = carried_as(view, figure, previous[1]) if previous and not view.measures else ""
    if derived and not direction:
        return derived  # "2,064 cases, an average of 172 a month"
    return _carried_measure(read, view, figure, clause_index, bounds[1], direction, rate)


def _carried_measure(
    read: SentenceRead,
    view: ClauseView,
    figure: NumberMention,
    clause_index: int,
    next_start: int,
    direction: str,
    rate: bool,
) -> str | None:
    """Return a measure named outside the figure's clause that the figure may take.

    The figure before it, a clause before it or the paragraph, when the figure's clause
    has a shape of its own; a plain count noun ("3,912 offences were recorded") takes the
    sentence's measure, and the paragraph's only when pointed back to ("29,874 such
    offences"). A bare "crimes" that nothing narrows is all crime.
    """
    count_wanted = bool(direction) or not figure.percent
    after = tokens(read.plain, figure.end, _plain_reach(read, clause_index, next_start))
    plain_noun, pointed = generic_count(after)
    # After a figure the sentence named no measure for ("9 died (11 in ...)"), a later one
    # may be about the same unnamed thing: it takes no measure from the sentence or paragraph;
    # nor does a comparison ("Fifty-one died, compared with 48"), which shares its subject's.
    earlier = [read.previous[1]] if read.previous else []
    if not read.unnamed_before:
        earlier += list(sentence_measures(read.view, clause_index))
    unsure = read.unnamed_before or view.clause.comparison
    around = [] if unsure else list(reversed(read.context.measures))
    if pointed and len(read.context.named_before) == 1 and not unsure:
        around = [*read.context.named_before, *around]  # "29,874 such offences"
    heading = read.context.heading_measures if not read.view.named_clauses else []
    for candidates, generic in (
        (earlier, plain_noun),
        (around, pointed),
        (reversed(heading), plain_noun),
    ):
        for candidate in candidates:
            if unit_fits(candidate, figure, rate, count_wanted) and (
                direction or may_carry(view, figure, candidate, generic=generic)
            ):
                return candidate
    if direction:
        return catalogue.resolve_measure(read.context.text[-2000:])
    named_around = [*read.context.measures, *read.context.heading_measures]
    # "1,309 incidents were reported, the lowest ...": words after a comma narrow nothing;
    # "crimes against businesses" (a linking word, no comma) still narrows.
    in_clause = after[: _comma_cut(read, clause_index, after)]
    if read.themes is None:  # once a sentence: a long one holds many figures
        context = read.context
        read.themes = tokens(f"{context.heading_text} {context.text[-2000:]} {read.plain}")
    return None if rate else bare_count(view, figure, in_clause, named_around, read.themes)


def _comma_cut(read: SentenceRead, clause_index: int, after: list[Token]) -> int:
    """Return how many of ``after`` come before the next clause opened by a comma."""
    end = after[-1].end if after else 0
    clauses = read.view.clauses
    for index in range(clause_index + 1, len(clauses)):
        clause = clauses[index].clause
        if clause.start >= end:
            break
        if clause.link in ",;":
            return sum(1 for t in after if t.start < clause.start)
    return len(after)


def _plain_reach(read: SentenceRead, clause_index: int, next_start: int) -> int:
    """Return where the words that may narrow a figure's noun end.

    The clause holding the next figure (", against 21,870 in 2015/16", ", of which 1,516
    were robberies") is another figure's; "against businesses", with no figure, still
    narrows this one.
    """
    holding = clause_at(read.clause_starts, next_start)
    if holding > clause_index and next_start < len(read.plain):
        return read.clause_starts[holding]  # the next figure's clause (", of which 1,516 ...")
    return next_start


def area_for(
    read: SentenceRead, clause_index: int, figure: NumberMention, next_start: int
) -> tuple[str | None, str]:
    """Return the figure's area and where it came from; with no area, why.

    In order: its clause, the figure before it in the sentence, the sentence, the table
    above, the paragraph, the heading. A bracketed figure after a name that is no
    catalogue area ("Cliftonville West (1,488 crimes)") is that place's, and has none.
    """
    if subject := bracketed_subject(read.plain, figure):
        return None, f"the bracketed figure is {subject!r}'s, no catalogue area"
    area, scope = _named_area(read, clause_index, figure, next_start)
    return (area, scope) if area is not None else (None, NO_AREA)


NO_AREA = "no area named in the clause, sentence or paragraph"


def _named_area(
    read: SentenceRead, clause_index: int, figure: NumberMention, next_start: int
) -> tuple[str | None, str]:
    if (area := clause_area(read.view.clauses[clause_index], figure, next_start)) is not None:
        return area or None, "clause"
    if read.view.clauses[clause_index].organisation:
        # "...; Medway Council has reported 78": another body's figure, whose area the
        # clause does not give; the sentence's and paragraph's area may not be it.
        return _body_area(read, read.view.clauses[clause_index].organisation), "clause"
    if read.previous_area is not None and not _new_subject(read, clause_index):
        return read.previous_area, "sentence"  # "compared with 20,302 in 2014/15"
    if (lead := leading_place(read.view, clause_index)) is not None:
        return lead, "sentence"  # "In Medway, the unitary authority has reported 66"
    # A place named only in a comparison ("compared with 81.9% across Kent") is the other
    # figure's: "Of people in Swale ..., 80.4% were satisfied" is Swale's.
    clauses = read.view.clauses
    compared = {
        m.measure
        for index, v in enumerate(clauses)
        if v.clause.comparison and index != clause_index
        for m in v.areas
    }
    own = read.view.areas - compared
    if len(own) == 1:
        return next(iter(own)), "sentence"
    before = read.view.clauses[: clause_index + 1]
    if any(v.areas for v in before):
        # The sentence names places before the figure, none of them its own: the table,
        # paragraph or paper around may be another's ("Maidstone, ..., had 3,810").
        return None, "sentence"
    bodies = tuple(area for v in before for area in v.organisation)
    if bodies:
        return _body_area(read, bodies), "document"
    for area, scope in (
        (read.table_area, "table above"),
        (read.context.area, "paragraph"),
        (read.context.heading_area, "heading"),
        (read.context.stated_area, "document"),  # "figures relate to Kent unless stated"
    ):
        if area is not None:
            return area, scope
    return None, "sentence"


def _new_subject(read: SentenceRead, clause_index: int) -> bool:
    """Tell whether a clause after the last figure, before this one, names another place.

    "...; the West Kent MARAC, which covers Sevenoaks ..., heard 203 cases": the 203 is
    not the place of the figure before it.
    """
    if read.previous is None:
        return False
    first = clause_at(read.clause_starts, read.previous[0].start) + 1
    return any(v.areas or v.organisation for v in read.view.clauses[first:clause_index])


def _body_area(read: SentenceRead, covered: tuple[str, ...]) -> str | None:
    """Return the area of a figure an organisation gives, when the paper says it.

    "Kent Police recorded 34,862" may be the force's whole area or a part of it; the
    figure takes the area the paper states its figures cover ("unless stated otherwise,
    figures are for the Kent Police force area") only when every body named covers
    just that area. Otherwise it has none.
    """
    stated = read.context.stated_area
    return stated if stated is not None and set(covered) == {stated} else None
