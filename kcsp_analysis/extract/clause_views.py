"""What each clause of a sentence names, and the measure and area a figure takes from it.

A clause is read once for its measures, areas and any benchmark word; a figure's
measure and area come from its clause, else its sentence, table, paragraph or heading.

A figure's measure is the alias just after it in its clause ("4,210 burglaries"), else
the one just before it with no other figure between ("the repeat rate was 24%"). A
clause without one takes the measure of the sentence (the figure before it, or an alias
of an earlier clause) or of its paragraph only when it is a clause of its own shape - it
names its own period or area ("compared with 4,655 in 2014/15") - and the noun after the
figure, if any, is a word of that measure ("67,000 incidents").
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from kcsp_analysis import catalogue
from kcsp_analysis.extract.clauses import Clause
from kcsp_analysis.extract.count_nouns import noun_of_theme
from kcsp_analysis.extract.measure_words import (
    AliasMatch,
    Token,
    context_words,
    find_aliases,
    find_phrase,
    measure_tokens,
    narrative_words,
    single_words,
    tokens,
)
from kcsp_analysis.extract.not_figures import share_base
from kcsp_analysis.extract.numbers import NumberMention

_WORDS_AFTER = 12


@dataclass
class ClauseView:
    """One clause read once: its tokens, aliases and areas, and a benchmark word."""

    clause: Clause
    words: list[Token]
    starts: list[int]
    measures: list[AliasMatch]
    areas: list[AliasMatch]
    benchmark: str
    has_period: bool = False
    organisation: tuple[str, ...] = ()
    """The areas the organisations the clause names cover ("Medway Council": Medway); '' for
    a body of no catalogue area ("One east Kent MARAC")."""

    def measure_starts(self) -> list[int]:
        """Offsets where the clause's measure aliases start (computed once)."""
        if self._measure_starts is None:
            self._measure_starts = [m.start for m in self.measures]
        return self._measure_starts

    def area_starts(self) -> list[int]:
        """Offsets where the clause's area names start (computed once)."""
        if self._area_starts is None:
            self._area_starts = [m.start for m in self.areas]
        return self._area_starts

    _measure_starts: list[int] | None = None
    _area_starts: list[int] | None = None


@dataclass
class SentenceView:
    """The clauses of a sentence and the measures and areas the sentence names."""

    clauses: list[ClauseView]
    areas: set[str] = field(default_factory=set)
    named_clauses: list[int] = field(default_factory=list)
    """Indexes of the clauses that name a measure."""


def view_sentence(
    plain: str, clauses: list[Clause], period_starts: list[int], around: str = ""
) -> SentenceView:
    """Read each clause of ``plain`` (periods and dates masked) for its names.

    ``around`` is the text of the paragraph so far: with the sentence, it says which
    context aliases apply ("repeat rate" in a text about MARAC).
    """
    views = []
    context = context_words(tokens(plain)) | context_words(tokens(around))
    for clause in clauses:
        words = tokens(plain, clause.start, clause.end)
        found = find_phrase(words, narrative_words("benchmark"))
        benchmark = plain[found[0] : found[1]] if found else ""
        inside = bisect.bisect_left(period_starts, clause.start) < bisect.bisect_left(
            period_starts, clause.end
        )
        places, regions = [], []
        for match in find_aliases(words, "area"):
            part = _part_of(words, match)
            if not part:
                places.append(match)
            elif part == "region":
                regions.append("")  # "One east Kent MARAC": a body of a place no area is
        views.append(
            ClauseView(
                clause,
                words,
                [t.start for t in words],
                [m for m in find_aliases(words, "measure", context) if not _narrowed(words, m)],
                [m for m in places if m.measure],
                benchmark,
                inside,
                (
                    *(
                        catalogue.lookup_area(plain[m.start : m.end]) or ""
                        for m in places
                        if not m.measure
                    ),
                    *regions,
                ),
            )
        )
    areas = {m.measure for v in views if not v.benchmark for m in v.areas}
    named = [index for index, view in enumerate(views) if view.measures]
    return SentenceView(views, areas, named)


def _narrowed(words: list[Token], match: AliasMatch) -> bool:
    """Tell whether the words after a measure's name narrow it to a part the catalogue lacks.

    "burglaries other than a dwelling". A group of people named before a figure
    ("motorcyclists accounted for 112") is caught by the narrative reader's count checks.
    """
    after = [t.word for t in words if t.start >= match.end][:2]
    return tuple(after) == ("other", "than") or after[:1] in (["excluding"], ["except"])


def _part_of(words: list[Token], match: AliasMatch) -> str:
    """Tell whether an area is named as a region inside it or a part the subject includes.

    "east Kent" is a ``region`` of Kent; "including the Medway MARAC" names a ``part``:
    neither makes the figure the area's. '' for an area named as itself.
    """
    index = next((i for i, t in enumerate(words) if t.start == match.start), 0) - 1
    if index >= 0 and words[index].word in single_words("region_prefix"):
        return "region"
    if index >= 0 and words[index].word == "the":
        index -= 1
    return "part" if index >= 0 and words[index].word in single_words("inclusion") else ""


def clause_measure(
    view: ClauseView, figure: NumberMention, bounds: tuple[int, int], change: bool = False
) -> str | None:
    """Return the measure named in the figure's own clause; ``bounds`` are the figures beside it.

    A name before the figure needs a linking word ("stood at 48,730"), unless the figure
    is a stated change ("Domestic burglary experienced a 0.5% increase"). A count with
    "each month" after it is the count's monthly average, or no catalogue figure.
    """
    named = _named_in_clause(view, figure, bounds, change)
    return named if change or named is None else per_period_as(view, figure, named)


def _named_in_clause(
    view: ClauseView, figure: NumberMention, bounds: tuple[int, int], change: bool
) -> str | None:
    previous_end, next_start = bounds
    first_after = bisect.bisect_left(view.starts, figure.end)
    reach = (
        view.words[first_after + _WORDS_AFTER].start
        if first_after + _WORDS_AFTER < len(view.words)
        else view.clause.end
    )
    spanning = last_before(view.measures, view.measure_starts(), figure.start + 1, loose=True)
    after = first_from(view.measures, view.measure_starts(), figure.end)
    fits = after is not None and (change or _counts(view, figure, after))
    if after is not None and after.start < min(next_start, reach) and fits:
        return after.measure
    if spanning is not None and spanning.around == figure.start:
        return spanning.measure
    before = last_before(view.measures, view.measure_starts(), figure.start)
    if before is None or before.start < previous_end or not (change or _linked(view, figure)):
        return None
    return before.measure


def _linked(view: ClauseView, figure: NumberMention) -> bool:
    """Return whether a linking word ("is at", "stood at", "accounted for") leads to the figure.

    Qualifiers are passed over: "a rise to just over 20,000".
    """
    qualifiers = {tuple(phrase.split()) for _, phrase in catalogue.qualifier_words("sentence")}
    index = bisect.bisect_left(view.starts, figure.start) - 1
    while index >= 0:
        word = view.words[index].word
        pair = tuple(t.word for t in view.words[max(0, index - 1) : index + 1])
        if word in single_words("link") or pair in narrative_words("link"):
            return True
        if pair in qualifiers and index >= 1:
            index -= 2
        elif (word,) in qualifiers:
            index -= 1
        else:
            return False
    return False


def _counts(view: ClauseView, figure: NumberMention, match: AliasMatch) -> bool:
    """Return whether the noun after the figure fits the name after it.

    "131 people were killed or seriously injured" fits; "112 collisions ... in which
    someone was killed or seriously injured" counts collisions, not casualties.
    """
    noun = _first_content(view, figure)
    if noun is None or noun.start >= match.start:
        return True
    if share_base(view.words, view.starts, figure, noun):
        return catalogue.measures()[match.measure].unit == "percent"
    return noun.word in measure_tokens(match.measure) or noun.word in single_words("count_noun")


def first_from(matches: list[AliasMatch], starts: list[int], position: int) -> AliasMatch | None:
    """Return the first match that starts at or after ``position``, or None."""
    index = bisect.bisect_left(starts, position)
    return matches[index] if index < len(matches) else None


def last_before(
    matches: list[AliasMatch], starts: list[int], position: int, loose: bool = False
) -> AliasMatch | None:
    """Return the last match that starts before ``position`` and (unless ``loose``) ends by it."""
    index = bisect.bisect_left(starts, position) - 1
    if loose:
        return matches[index] if index >= 0 else None
    while index >= 0 and matches[index].end > position:
        index -= 1
    return matches[index] if index >= 0 else None


def carried_noun(view: ClauseView, figure: NumberMention) -> str:
    """Return the first content word after the figure ('' when none): what it counts."""
    token = _first_content(view, figure)
    return token.word if token is not None else ""


def _first_content(view: ClauseView, figure: NumberMention) -> Token | None:
    skip = single_words("function") | single_words("filler") | {"%"}
    first = bisect.bisect_left(view.starts, figure.end)
    for token in view.words[first : first + 3]:
        if token.word in skip or token.word[:1].isdigit() or in_area(view, token):
            continue
        return token
    return None


def may_carry(view: ClauseView, figure: NumberMention, measure: str, generic: bool = False) -> bool:
    """Return whether the figure may take a measure named outside its clause.

    Its clause must name no measure, have a shape of its own (a period, an area, or a
    comparison word), and count nothing else: the noun after the figure, if any, is a
    word of the measure ("67,000 incidents") or, with ``generic`` (a heading's measure),
    a plain count noun ("4,215 offences").
    """
    if view.measures:
        return False  # the clause names its own measure, and not for this figure
    own_shape = view.has_period or bool(view.areas) or view.clause.comparison
    noun = carried_noun(view, figure)
    fits = not noun or noun in measure_tokens(measure)
    return own_shape and (fits or (generic and noun_of_theme(noun, measure)))


def carried_as(view: ClauseView, figure: NumberMention, measure: str) -> str:
    """Return the measure a carried ``measure`` becomes for a figure "a month" ('' if none).

    "2,064 cases, an average of 172 a month": the average of the count before it
    (``data/per_period_measures.csv``).
    """
    return catalogue.per_period_measures().get((measure, carried_noun(view, figure)), "")


_PER_WORDS = frozenset({"each", "a", "per", "every"})


def per_period_as(view: ClauseView, figure: NumberMention, measure: str) -> str | None:
    """Return what a count named in its own clause becomes with "each month" after it.

    "137.3 cases were heard each month": MARAC cases per month
    (``data/per_period_measures.csv``); None when the catalogue holds no such average;
    ``measure`` itself when no "each month" or "a quarter" follows the figure.
    """
    first = bisect.bisect_left(view.starts, figure.end)
    following = [t.word for t in view.words[first : first + _WORDS_AFTER]]
    for word, unit in itertools.pairwise(following):
        if word in _PER_WORDS and unit in ("month", "quarter"):
            if catalogue.measures()[measure].unit != "count":
                return measure  # already a rate or average: "145 a month"
            return catalogue.per_period_measures().get((measure, unit))
    return measure


def unit_fits(measure: str, figure: NumberMention, rate: bool, count_wanted: bool) -> bool:
    """Return whether a measure's unit can take the figure (a percent, a rate, a count)."""
    unit = catalogue.measures()[measure].unit
    if rate:
        return unit.startswith("rate")
    if unit.startswith("rate"):
        return False
    return (unit != "percent") == count_wanted


def sentence_measures(sentence: SentenceView, before: int) -> Iterator[str]:
    """Measures named in the clauses of the sentence before clause ``before``, nearest first.

    A benchmark clause counts: "CAADA would expect 28-40% of cases as repeat whereas the
    rate in Kent is at 24%" names the measure of the 24%.
    """
    index = bisect.bisect_left(sentence.named_clauses, before)
    for position in range(index - 1, -1, -1):
        for match in reversed(sentence.clauses[sentence.named_clauses[position]].measures):
            yield match.measure


def in_area(view: ClauseView, token: Token) -> bool:
    """Return whether ``token`` is part of an area's name in the clause."""
    match = last_before(view.areas, view.area_starts(), token.start + 1, loose=True)
    return match is not None and match.start <= token.start < match.end
