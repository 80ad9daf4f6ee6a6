"""Clauses of a sentence: the stretch of words each figure belongs to.

A sentence is cut at commas and semicolons and before linking words ("compared with",
"against", "up from", "while", "and" ...; the list is data: ``clause_link`` rows of
``data/narrative_words.csv``). Cuts never fall inside a protected span: a period ("between
January and March 2014"), a range ("between 28 and 40%"), a number ("1,229"), or a
catalogue name that holds a linking word ("Kent and Medway", "Violence against the
Person"). A clause opened by a comparison word ("compared with 4,655 in 2014/15") is a
comparison clause: its figure needs a period of its own.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from kcsp_analysis import catalogue
from kcsp_analysis.extract.measure_words import (
    AliasMatch,
    Token,
    find_aliases,
    narrative_words,
    single_words,
    tokens,
)

_COLON_CLAUSE_WORDS = 4


@dataclass(frozen=True)
class Clause:
    """One clause: its span in the sentence and the word that opened it ('' for none)."""

    start: int
    end: int
    link: str

    @property
    def comparison(self) -> bool:
        """Return whether a comparison word ("compared with", "up from") opened it."""
        return tuple(t.word for t in tokens(self.link)) in narrative_words("comparison_link")


@functools.cache
def _protected_names() -> tuple[tuple[str, ...], ...]:
    """Catalogue names (areas and measures) that hold a linking word."""
    links = {word for phrase in narrative_words("clause_link") for word in phrase}
    names = [*catalogue.area_aliases(), *catalogue.measure_aliases()]
    folded = {tuple(t.word for t in tokens(catalogue.strip_markup(n, tag=" "))) for n in names}
    return tuple(sorted(n for n in folded if len(n) > 1 and links & set(n[1:-1])))


def split_clauses(
    text: str,
    protected: list[tuple[int, int]],
    figure_starts: list[int] | None = None,
    asides: list[tuple[int, int]] | None = None,
) -> list[Clause]:
    """Cut ``text`` into clauses; no cut falls inside a span of ``protected``.

    With ``figure_starts``, "and" cuts only before a stretch that holds a figure ("474
    were seriously injured and 5231 slightly"), not between two nouns ("victims and
    witnesses of ASB"). Each span of ``asides`` (a bracket holding a figure and its own
    period: "(11 in the same quarter of 2014)") is a clause of its own.
    """
    words = tokens(text)
    spans = _merged([*protected, *_name_spans(words)])
    starts = [s for s, _ in spans]
    cuts = [*_punctuation_cuts(text), *_link_cuts(text, words)]
    for start, end in asides or []:
        cuts += [(start, start, "("), (end, end, ")")]
    cuts = [c for c in sorted(cuts) if not _inside(c[0], spans, starts)]
    if figure_starts is not None:
        cuts = _and_before_figures(cuts, figure_starts, len(text))
    clauses, start, link = [], 0, ""
    for cut_at, next_start, next_link in cuts:
        if text[start:cut_at].strip(" ,;:"):
            clauses.append(Clause(start, cut_at, link))
            start, link = next_start, next_link
        elif next_link not in ",;:()":
            link = next_link  # ", compared with": the word, not the comma, opens it
            start = next_start
    clauses.append(Clause(start, len(text), link))
    return clauses


def _punctuation_cuts(text: str) -> list[tuple[int, int, str]]:
    """Cuts (cut at, clause starts at, link) at commas, semicolons and colons, not "1,229".

    A colon cuts after a clause of its own ("Domestic burglary fell again: 3,912
    offences"), not after a label ("Anti-social behaviour: 33,415 incidents", "Dover:")
    nor in "10:00".
    """
    return [(index, index + 1, char) for index, char in enumerate(text) if _cuts(text, index)]


def _cuts(text: str, index: int) -> bool:
    char, following = text[index], text[index + 1 : index + 2]
    if char in ",;":
        return not (char == "," and following.isdigit())
    return char == ":" and following.isspace() and _clause_before(text, index)


def _clause_before(text: str, colon: int) -> bool:
    """Return whether four words or more, not a label, come before a colon.

    A bracket opens a count afresh: "(2013: 516 collisions)" is a label's colon.
    """
    start = max(text.rfind(mark, 0, colon) for mark in ",;:(")
    return len(re.findall(r"[A-Za-z]+", text[start + 1 : colon])) >= _COLON_CLAUSE_WORDS


def _link_cuts(text: str, words: list[Token]) -> list[tuple[int, int, str]]:
    """Cuts before each linking word ("compared with", "while", "and").

    A ``number_link`` word cuts only before a number: "fell to 28,430 in 2017/18 from
    30,112 in 2016/17", not "from April".
    """
    links = narrative_words("clause_link")
    before_numbers = single_words("number_link")
    cuts = []
    index = 0
    while index < len(words):
        token = words[index]
        length = next((n for n in (3, 2, 1) if _phrase(words, index, n) in links), 0)
        following = words[index + 1].word if index + 1 < len(words) else ""
        if length:
            link = text[token.start : words[index + length - 1].end].lower()
            cuts.append((token.start, token.start, link))
        elif token.word in before_numbers and following[:1].isdigit():
            # "arose from 571 collisions": where figures come from, not what they are compared with
            origin = index > 0 and words[index - 1].word in single_words("origin_verb")
            cuts.append((token.start, token.start, "" if origin else token.word))
        index += max(length, 1)
    return cuts


def _phrase(words: list[Token], index: int, size: int) -> tuple[str, ...]:
    """Return the ``size`` folded words from ``index`` (empty when fewer are left)."""
    window = words[index : index + size]
    return tuple(t.word for t in window) if len(window) == size else ()


def _and_before_figures(
    cuts: list[tuple[int, int, str]], figure_starts: list[int], end: int
) -> list[tuple[int, int, str]]:
    kept = []
    for index, cut in enumerate(cuts):
        if cut[2] in ("and", "&"):
            upto = cuts[index + 1][0] if index + 1 < len(cuts) else end
            if bisect.bisect_left(figure_starts, cut[0]) == bisect.bisect_left(figure_starts, upto):
                continue
        kept.append(cut)
    return kept


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the same offsets."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _name_spans(words: list[Token]) -> list[tuple[int, int]]:
    spans = _joint_areas(words)
    for name in _protected_names():
        for index in range(len(words) - len(name) + 1):
            if words[index].word == name[0] and all(
                words[index + k].word == name[k] for k in range(1, len(name))
            ):
                spans.append((words[index].start, words[index + len(name) - 1].end))
    return spans


def _joint_areas(words: list[Token]) -> list[tuple[int, int]]:
    """Spans of two areas joined by "and" ("Swale and Canterbury combined"): one subject."""
    places = [m for m in find_aliases(words, "area") if m.measure]
    return [
        (first.start, second.end)
        for first, second in itertools.pairwise(places)
        if named_jointly(words, first, second)
    ]


def named_jointly(words: list[Token], first: AliasMatch, second: AliasMatch) -> bool:
    """Return whether two names are joined by "and" or "or" alone ("Swale and Canterbury")."""
    between = [t.word for t in words if first.end <= t.start < second.start]
    return bool(between) and set(between) <= {"and", "or"}


def clause_at(starts: list[int], position: int) -> int:
    """Index of the clause holding text offset ``position``, given the clauses' starts."""
    return max(0, bisect.bisect_right(starts, position) - 1)
