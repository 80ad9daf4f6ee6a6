"""Plain count nouns after a figure: what they may count, and what narrows them.

"3,912 offences were recorded" counts plain offences, which may take the crime measure
the sentence names; "29,874 such offences" points back to the one named before;
"1,200 offences against businesses" is narrowed and takes none. Offences count crimes,
incidents ASB or domestic abuse (``data/count_noun_themes.csv``); "crimes" alone is all
crime (``data/bare_count_nouns.csv``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from kcsp_analysis import catalogue
from kcsp_analysis.extract.measure_words import Token, find_aliases, single_words, stem, tokens
from kcsp_analysis.extract.numbers import NumberMention

if TYPE_CHECKING:
    from kcsp_analysis.extract.clause_views import ClauseView


@functools.cache
def _noun_themes() -> dict[str, frozenset[str]]:
    themes: dict[str, set[str]] = {}
    for row in catalogue.read_data_csv("count_noun_themes.csv"):
        themes.setdefault(stem(row["noun"]), set()).add(row["theme"])
    return {noun: frozenset(found) for noun, found in themes.items()}


def noun_of_theme(noun: str, measure: str) -> bool:
    """Return whether a plain count noun can count ``measure`` (by its theme).

    Offences count crimes, incidents ASB or domestic abuse: "an estimated 5.2 million
    incidents" beside all police recorded crime are no crimes.
    """
    themes = _noun_themes().get(noun)
    if themes is None:
        return False
    return "" in themes or catalogue.measures()[measure].theme in themes


@functools.cache
def _bare_nouns() -> dict[str, tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]]:
    """Bare count nouns, each with its measures and the theme words that choose one."""
    found: dict[str, list[tuple[str, tuple[tuple[str, ...], ...]]]] = {}
    for row in catalogue.read_data_csv("bare_count_nouns.csv"):
        themes = tuple(tuple(t.word for t in tokens(w)) for w in row["theme_words"].split("|") if w)
        found.setdefault(stem(row["noun"].lower()), []).append((row["measure"], themes))
    return {noun: tuple(rows) for noun, rows in found.items()}


def _bare_measure(noun: str, text: list[Token]) -> str | None:
    """Return the measure a bare noun counts: the one row whose theme ``text`` names alone.

    A row without theme words needs none; rows with them ("incidents": ASB or domestic
    abuse) need exactly one theme named, so that "5,873 incidents" after "anti-social
    behaviour ... fell" is ASB incidents, and after both themes is none.
    """
    words = [t.word for t in text]

    def names(phrase: tuple[str, ...]) -> bool:
        size = len(phrase)
        return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))

    chosen = [
        m for m, themes in _bare_nouns().get(noun, ()) if not themes or any(map(names, themes))
    ]
    return chosen[0] if len(chosen) == 1 else None


_POINTING = frozenset({"such", "these", "those"})


def generic_count(after: list[Token]) -> tuple[bool, bool]:
    """Return whether a figure counts a plain noun that nothing narrows, and points back.

    ``after`` is the sentence's words after the figure, up to the next figure's clause:
    "3,912 offences were recorded in 2015/16" counts plain offences; "29,874 such
    offences" points back to the measure named before; "1,200 offences against
    businesses" is narrowed (neither).
    """
    index, pointed = 0, False
    if index < len(after) and after[index].word in _POINTING:
        index, pointed = index + 1, True
    if index < len(after) and after[index].word == "recorded":
        index += 1
    if index >= len(after) or after[index].word not in single_words("count_noun"):
        return False, False
    if not _plain_after(after, index + 1):
        return False, False
    return True, pointed


def _plain_after(after: list[Token], first: int) -> bool:
    """Return whether ``after[first:]`` holds only places, periods and plain words."""
    allowed = single_words("bare_follow")
    places = find_aliases(after, "area")  # organisations too: "by Kent Police"
    for token in after[first:]:
        placed = any(p.start <= token.start < p.end for p in places)
        if not (token.word in allowed or token.word[:1].isdigit() or placed):
            return False
    return True


def bare_count(
    view: ClauseView,
    figure: NumberMention,
    after: list[Token],
    around: list[str],
    text: list[Token] | None = None,
) -> str | None:
    """Return the measure a bare count noun names ("24,116 crimes in 2016/17"), or None.

    Only a noun right after the figure ("recorded" may sit between), followed by nothing
    that could narrow it ("crimes against businesses", "crimes with a hate element"):
    ``after`` (the sentence's words up to the next figure) holds only places, periods and
    words of ``bare_follow``. The clause names no measure, and ``around`` (the
    paragraph's and heading's measures) none but this one. ``text`` (the sentence and the
    paragraph so far) names the theme where the noun needs one ("incidents").
    """
    if view.measures or figure.percent or not after:
        return None
    first = 1 if after[0].word == "recorded" and len(after) > 1 else 0
    measure = _bare_measure(after[first].word, text or [])
    if measure is None or any(m != measure for m in around):
        return None
    return measure if _plain_after(after, first + 1) else None
