"""Which area a figure's clause gives it: the place named in it, a leading "In Medway,".

A place named after the figure after a locative word ("in Kent (excluding Medway)")
wins over one before it that has none ("Kent Police recorded"); two places named
jointly ("Swale and Canterbury combined") give the figure neither.
"""

from __future__ import annotations

import bisect
import re

from kcsp_analysis import catalogue
from kcsp_analysis.extract.clause_views import (
    ClauseView,
    SentenceView,
    first_from,
    in_area,
    last_before,
)
from kcsp_analysis.extract.clauses import named_jointly
from kcsp_analysis.extract.measure_words import AliasMatch, single_words
from kcsp_analysis.extract.numbers import NumberMention
from kcsp_analysis.extract.sentences import find_periods

_NAME_THEN_BRACKET = re.compile(r"\b((?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*)\s*\(\s*$")


def clause_area(view: ClauseView, figure: NumberMention, next_start: int) -> str | None:
    """Return the area named in the figure's clause: the last before it, else the first after.

    Two areas named jointly ("Swale and Canterbury") give ``""``: the figure is of
    neither, and no area around the clause is its.

    A place named after the figure, before the next one, after a locative word ("in
    Kent (excluding Medway)"), wins over one before it that has none ("Kent Police
    recorded").
    """
    if not view.areas:
        return None
    before = last_before(view.areas, view.area_starts(), figure.start)
    if before is not None and _joint(view, before):
        return ""  # "Swale and Canterbury combined recorded 5,390": neither alone, no other
    if before is not None and _after_locative(view, before):
        return before.measure
    index = bisect.bisect_left(view.area_starts(), figure.end)
    following = [m for m in view.areas[index : index + 4] if m.start < next_start]
    placed = next((m for m in following if _after_locative(view, m)), None)
    if placed is not None:
        return placed.measure  # "Kent Police recorded 21,418 ... in Kent (excluding Medway)"
    if before is not None:
        return before.measure
    after = first_from(view.areas, view.area_starts(), figure.end)
    return after.measure if after is not None else None


def leading_place(sentence: SentenceView, clause_index: int) -> str | None:
    """Return the area of a clause that only places what follows ("In Medway, ..."), or None.

    The clause must be the one just before the figure's, and hold a locative word and one
    area and nothing else.
    """
    if clause_index == 0:
        return None
    view = sentence.clauses[clause_index - 1]
    if len(view.areas) != 1 or view.measures:
        return None
    placed = [t for t in view.words if not in_area(view, t)]
    words = {t.word for t in placed}
    if not words or not words <= single_words("locative") | {"the"}:
        return None
    return view.areas[0].measure


def _joint(view: ClauseView, match: AliasMatch) -> bool:
    """Return whether an area is named jointly with the one before or after it ("A and B")."""
    index = view.areas.index(match)
    pairs = []
    if index > 0:
        pairs.append((view.areas[index - 1], match))
    if index + 1 < len(view.areas):
        pairs.append((match, view.areas[index + 1]))
    return any(named_jointly(view.words, first, second) for first, second in pairs)


def _after_locative(view: ClauseView, match: AliasMatch) -> bool:
    index = bisect.bisect_left(view.starts, match.start) - 1
    return index >= 0 and view.words[index].word in single_words("locative")


def bracketed_subject(plain: str, figure: NumberMention) -> str:
    """Return the name a bracketed figure belongs to when it is no catalogue area, else ''.

    "Two wards, Cliftonville West (1,488 crimes)": the figure is the ward's, whatever the
    paragraph is about. A name that is an area, an organisation, a measure or a period
    ("Maidstone (91)", "Violence with Injury (3,200)", "Q2 (1,200)") is left to the
    other rules.

    >>> from kcsp_analysis.extract.numbers import find_numbers
    >>> text = "Two wards, Cliftonville West (1,488 crimes) and Maidstone (91)."
    >>> [bracketed_subject(text, n) for n in find_numbers(text)]
    ['Cliftonville West', '']
    """
    found = _NAME_THEN_BRACKET.search(plain, max(0, figure.start - 60), figure.start)
    if found is None:
        return ""
    name = found.group(1)
    if (
        catalogue.areas_named(name)
        or catalogue.lookup_area(name)
        or catalogue.resolve_measure(name)
        or find_periods(name)
    ):
        return ""
    return name
