"""Words in a clause: tokens, a small plural stemmer, and the catalogue aliases they name.

A clause is cut into lower-case word and number tokens, each with its place in the text.
An alias ("cases heard at MARAC") names a measure when its tokens appear in the clause
in order with at most auxiliary words between them ("1,388 cases *were* heard at MARAC"),
or, failing that, all within a window a little longer than the alias in another order
("incidents of domestic abuse"). Plurals fold ("burglaries" is "burglary"). Which words
are auxiliaries, references, benchmarks or counted things the catalogue does not hold is
data (``data/narrative_words.csv``), not code.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from kcsp_analysis import catalogue

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+|%|&")
# Extra tokens an unordered match may span beyond the alias's own.
_UNORDERED_SLACK = 2
GAP = "..."
"""In an alias, a gap of words: "collisions ... in which ... killed or seriously injured"."""
_GAP_TOKENS = 6
"""The most words a gap in an alias spans; none may be a clause link or a number but a year."""
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Token:
    """One word or number of a text: its folded form and where it is."""

    word: str
    start: int
    end: int


@dataclass(frozen=True)
class AliasMatch:
    """A catalogue alias found in a text: the measure, its span, how many tokens."""

    measure: str
    start: int
    end: int
    size: int
    ordered: bool
    around: int = -1
    """Text offset of the one number an unordered match spans ("MARAC heard 391 cases")."""


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Fold a lower-case word's plural: ``burglaries`` is ``burglary``, ``cases`` ``case``.

    >>> [stem(w) for w in ("burglaries", "cases", "offences", "marac", "process", "perceived")]
    ['burglary', 'case', 'offence', 'marac', 'process', 'perceive']
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if len(word) > 5 and word.endswith("ed"):
        return word[:-1]  # "perceived" is "perceive"; both sides fold alike
    return word


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Folded tokens of ``text[start:end]``; numbers lose their thousands commas."""
    out = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        if word[0].isdigit():
            folded = word.rstrip(",").replace(",", "")
        else:
            folded = "and" if word == "&" else stem(word.lower())
        out.append(Token(folded, match.start(), match.end()))
    return out


@functools.cache
def narrative_words(use: str) -> frozenset[tuple[str, ...]]:
    """Phrases of ``data/narrative_words.csv`` for one use, as tuples of folded tokens.

    >>> ("target", "of") in narrative_words("benchmark")
    True
    """
    rows = [r for r in catalogue.read_data_csv("narrative_words.csv") if r["use"] == use]
    if not rows:
        raise ValueError(f"no narrative words for use {use!r}")
    return frozenset(tuple(t.word for t in tokens(r["phrase"])) for r in rows)


@functools.cache
def single_words(use: str) -> frozenset[str]:
    """Return the one-token phrases of :func:`narrative_words` for ``use``."""
    return frozenset(p[0] for p in narrative_words(use) if len(p) == 1)


@functools.cache
def _alias_tokens(kind: str = "measure") -> tuple[tuple[tuple[str, ...], str], ...]:
    names = catalogue.measure_aliases() if kind == "measure" else catalogue.area_aliases()
    if kind == "area":
        # An organisation's name ("Kent Police's survey") is read, and then dropped, so
        # the area inside it is not taken for the clause's area.
        organisations = {r["name"]: "" for r in catalogue.read_data_csv("organisation_names.csv")}
        names = {**names, **{name: name for name in catalogue.areas()}, **organisations}
    rows = {
        (_alias_words(catalogue.strip_markup(alias, tag=" ")), target)
        for alias, target in names.items()
    }
    return tuple(sorted(r for r in rows if r[0]))


def _alias_words(alias: str) -> tuple[str, ...]:
    """Folded tokens of an alias, a gap (``...``) kept as its own token.

    >>> _alias_words("collisions ... in which ... killed or seriously injured")
    ('collision', '...', 'in', 'which', '...', 'kille', 'or', 'seriously', 'injure')
    """
    parts = [tuple(t.word for t in tokens(part)) for part in alias.split(GAP)]
    out: list[str] = []
    for number, part in enumerate(parts):
        if number and out and part:
            out.append(GAP)
        out.extend(part)
    return tuple(out)


@functools.cache
def _context_aliases() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """Aliases that name a measure only in a text about it (``data/context_aliases.csv``)."""
    rows = catalogue.read_data_csv("context_aliases.csv")
    return tuple(
        (tuple(t.word for t in tokens(r["alias"])), r["measure"], stem(r["context"].lower()))
        for r in rows
    )


@functools.cache
def _aliases_by_word(
    kind: str, context: frozenset[str] = frozenset()
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Aliases by each token they hold: a clause is only tried against aliases it shares.

    ``context`` holds the context words the sentence or paragraph names: the context
    aliases of those words join the catalogue's ("repeat rate" where MARAC is named).
    """
    index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    extra = [(a, m) for a, m, word in _context_aliases() if word in context]
    for alias, target in [*_alias_tokens(kind), *extra]:
        for word in set(alias):
            index[word].append((alias, target))
    return {word: tuple(pairs) for word, pairs in index.items()}


@functools.cache
def measure_tokens(measure: str) -> frozenset[str]:
    """Every token of every alias of ``measure`` ("incident" for asb_incidents)."""
    return frozenset(
        word for alias, m in _alias_tokens("measure") if m == measure for word in alias
    )


def find_phrase(words: list[Token], phrases: frozenset[tuple[str, ...]]) -> tuple[int, int] | None:
    """Return the text span of the first of ``phrases`` in ``words`` (longest at a place)."""
    lengths = sorted({len(p) for p in phrases}, reverse=True)
    for index in range(len(words)):
        for length in lengths:
            window = words[index : index + length]
            if len(window) == length and tuple(t.word for t in window) in phrases:
                return window[0].start, window[-1].end
    return None


def context_words(words: list[Token]) -> frozenset[str]:
    """Return the context words of ``data/context_aliases.csv`` that ``words`` hold."""
    wanted = {word for _, _, word in _context_aliases()}
    return frozenset(t.word for t in words if t.word in wanted)


def find_aliases(
    words: list[Token], kind: str = "measure", context: frozenset[str] = frozenset()
) -> list[AliasMatch]:
    """Aliases of measures (or, with ``kind="area"``, areas) named in ``words``.

    Area names match only as printed, word for word; a match inside a longer one is
    dropped, so "Kent (excluding Medway)" is Kent, not Medway. An organisation's name
    ("Kent Police") is a match whose ``measure`` (its area) is empty.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    for index, token in enumerate(words):
        positions[token.word].append(index)
    found: dict[tuple[int, int], AliasMatch] = {}
    loose = kind == "measure"
    by_word = _aliases_by_word(kind, context if kind == "measure" else frozenset())
    candidates = sorted({pair for word in positions for pair in by_word.get(word, ())})
    for alias, measure in candidates:
        for first in positions.get(alias[0], ()):
            last = _ordered_end(words, first, alias, loose)
            if last is not None:
                _keep(found, AliasMatch(measure, first, last, len(alias), True))
        if loose and len(alias) > 1:
            for first, last, around in _unordered_spans(words, positions, alias):
                _keep(found, AliasMatch(measure, first, last, len(alias), False, around))
    return _outermost(words, list(found.values()))


def _keep(found: dict[tuple[int, int], AliasMatch], match: AliasMatch) -> None:
    span = (match.start, match.end)
    held = found.get(span)
    rank = (match.ordered, match.size)
    if held is None or rank > (held.ordered, held.size):
        found[span] = match


def _ordered_end(words: list[Token], first: int, alias: tuple[str, ...], loose: bool) -> int | None:
    """Index of the last token of ``alias`` read in order from ``first``, or None.

    Auxiliary words may sit between the alias's words; a gap (``...``) may hold up to
    a few more, and its end is tried at each place the next word appears.
    """
    auxiliaries = single_words("auxiliary") if loose else frozenset()
    return _read_on(words, first, alias, 1, auxiliaries, single_words("clause_link"))


def _read_on(
    words: list[Token],
    index: int,
    alias: tuple[str, ...],
    part: int,
    auxiliaries: frozenset[str],
    links: frozenset[str],
) -> int | None:
    """Index where ``alias[part:]`` ends when read on after token ``index``, or None."""
    if part == len(alias):
        return index
    gap = 0
    if alias[part] == GAP:
        gap, part = _GAP_TOKENS, part + 1
    word = alias[part]
    index += 1
    while index < len(words):
        if words[index].word == word:
            last = _read_on(words, index, alias, part + 1, auxiliaries, links)
            if last is not None or not gap:
                return last
        if gap and _gap_word(words[index].word, links):
            gap -= 1
        elif words[index].word not in auxiliaries:
            return None
        index += 1
    return None


def _gap_word(word: str, links: frozenset[str]) -> bool:
    """Return whether ``word`` may sit in an alias's gap: a year, or a word that links no clause.

    >>> [_gap_word(w, frozenset({"and"})) for w in ("kent", "2014", "498", "and")]
    [True, True, False, False]
    """
    if word[:1].isdigit():
        return _YEAR.fullmatch(word) is not None
    return word not in links


def _unordered_spans(
    words: list[Token], positions: dict[str, list[int]], alias: tuple[str, ...]
) -> list[tuple[int, int, int]]:
    """Spans holding every token of ``alias`` within a window, in another order.

    A span may hold one number, the figure it names ("MARAC heard 391 cases"); a
    two-word alias only matches so, as two words swapped alone ("cases repeat") are
    another phrase. Returns (first, last, offset of the number or -1).
    """
    needed = set(alias)
    if any(word not in positions for word in needed):
        return []
    window = len(alias) + _UNORDERED_SLACK + 1
    spans = []
    for first in positions[alias[-1]]:
        low, high = max(0, first - window + 1), min(len(words), first + window)
        inside = [i for i in range(low, high) if words[i].word in needed]
        if {words[i].word for i in inside} != needed or inside[-1] - inside[0] >= window:
            continue
        numbers = [t for t in words[inside[0] : inside[-1] + 1] if t.word[:1].isdigit()]
        if len(numbers) > 1 or (len(alias) == 2 and not numbers):
            continue
        if not numbers and inside[-1] - inside[0] >= window - 1:
            continue
        spans.append((inside[0], inside[-1], numbers[0].start if numbers else -1))
    return spans


def _outermost(words: list[Token], matches: list[AliasMatch]) -> list[AliasMatch]:
    """Drop matches inside another or overlapping a longer one; give text offsets, in order.

    In "131 people were killed or seriously injured", "killed or seriously injured"
    outweighs the "people were killed" it overlaps.
    """
    ordered = sorted(matches, key=lambda m: (m.start, -m.end, not m.ordered))
    kept: list[AliasMatch] = []
    reach = -1
    for match in ordered:
        if match.end <= reach:
            if kept and _weight(match) > _weight(kept[-1]) and match.start >= kept[-1].start:
                kept[-1] = match  # an exact name inside a loose one is the better reading
            continue
        if kept and match.start <= kept[-1].end:
            if _weight(match) <= _weight(kept[-1]):
                continue
            kept.pop()
        reach = match.end
        kept.append(match)
    return [
        AliasMatch(m.measure, words[m.start].start, words[m.end].end, m.size, m.ordered, m.around)
        for m in kept
    ]


def _weight(match: AliasMatch) -> tuple[bool, int]:
    return (match.ordered, match.size)
