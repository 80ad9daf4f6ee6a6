"""Numbers in a sentence that are no catalogue figure, each with the reason.

Money, ranges and bands ("28-40%", "between 28 and 40%"), references ("see table 3"),
paragraph and item numbers ("4.2 Anti-social behaviour"), phone numbers, dates,
footnote markers ("[5]"), the base of a rate ("per 10,000"), part of a count ("7 of the
7 teams") and counts of things the catalogue does not measure ("12 meetings", "18
IDVAs"). The words that tell (reference words, counted nouns, rate connectors) are the
rows of ``data/narrative_words.csv``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from kcsp_analysis.extract.measure_words import Token, narrative_words, single_words
from kcsp_analysis.extract.numbers import NumberMention

_PHONE = re.compile(
    r"(?<![\w.,£$€])(?:\+44\s?(?:\(0\)\s?)?\d{2,4}|\(?0\d{2,4}\)?)(?:[ -]\d{2,6}){1,3}"
    r"(?![\w.,%]*\d)"
)
_RANGE_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s*%?\s*(?:and|&)\s+", re.IGNORECASE)
_RANGE_DASH = re.compile(r"\s*%?\s*(?:-|–|—)\s*")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?")
_LEAD = " \t(-•*#"
_ITEM_LEAD = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")
_TITLE = re.compile(r"[A-Z][A-Za-z'’&-]*(?: [A-Za-z'’&-]+){0,5}")


@dataclass(frozen=True)
class Masked:
    """A span of a sentence that holds digits but no figure: a phone number or a date."""

    start: int
    end: int
    reason: str


def phone_spans(text: str) -> list[Masked]:
    """Phone numbers ("01622 694000", "03000 41 41 41") in ``text``."""
    return [Masked(m.start(), m.end(), "a phone number") for m in _PHONE.finditer(text)]


def find_ranges(text: str, figures: list[NumberMention]) -> list[tuple[int, int]]:
    """Return the index pairs of figures that end a range or band.

    As in "28-40%" or "between 28 and 40%".
    """
    pairs = []
    for index, (first, second) in enumerate(itertools.pairwise(figures)):
        gap = text[first.end : second.start]
        before = text[max(0, first.start - 10) : first.start]
        dashed = _RANGE_DASH.fullmatch(gap) and not first.money and not second.money
        if (_RANGE_BETWEEN.search(before) and _RANGE_AND.fullmatch(gap)) or dashed:
            pairs.append((index, index + 1))
    return pairs


def side_by_side(text: str, figures: list[NumberMention], index: int) -> bool:
    """Return whether a figure stands beside another with nothing between.

    That is a table row read as text ("Kent 1,562 1,698 27%"). A leading item number
    ("3.1 1,388") is no neighbour.
    """
    for other in (index - 1, index + 1):
        if not 0 <= other < len(figures) or text_reason(text, figures[other]):
            continue
        low, high = sorted((figures[index], figures[other]), key=lambda m: m.start)
        if not text[low.end : high.start].strip(" \t|"):
            return True
    return False


def text_reason(text: str, figure: NumberMention) -> str:
    """Why the figure's place in the text shows it is no figure (item numbers, footnotes)."""
    if figure.money:
        return "money figure"
    if text[figure.start - 1 : figure.start] == "[" and text[figure.end : figure.end + 1] == "]":
        return "a footnote marker"
    before = text[max(0, figure.start - 60) : figure.start].strip(_LEAD)
    before = _ITEM_LEAD.sub("", before)  # "2. Cases heard 2.1 During ...": the heading's number
    # A heading run into its paragraph ("Cases heard 2.1 During 2017/18") is no sentence
    # yet: a short title of words alone before the number.
    title = _SECTION_NUMBER.fullmatch(figure.text) is not None and _TITLE.fullmatch(before)
    at_start = not text[: figure.start].strip(_LEAD) or (title and figure.start <= 60)
    if at_start and not figure.percent:
        following = text[figure.end : figure.end + 2]
        if following[:1] in (".", ")") and (len(following) == 1 or following[1] == " "):
            return "a paragraph or item number"
        after = text[figure.end : figure.end + 8]
        word = after.lstrip(" \t")[:1]  # "2.1  The MARACs": the number sits apart
        apart = after[:1] in (" ", "\t") and (word.isupper() or word.isdigit())
        if _SECTION_NUMBER.fullmatch(figure.text) and apart:
            return "a paragraph or item number"
    return ""


def word_reason(words: list[Token], starts: list[int], figure: NumberMention) -> str:
    """Why the words beside the figure show it is no figure; '' when they do not.

    ``words`` are the tokens of the figure's clause and ``starts`` their offsets.
    """
    first_after = bisect.bisect_left(starts, figure.end)
    last_before = bisect.bisect_left(starts, figure.start) - 1
    previous = words[last_before].word if last_before >= 0 else ""
    if previous in single_words("reference"):
        return f"a reference ({previous} {figure.text})"
    if previous in single_words("phone"):
        return "a phone number"
    if _ends_rate_connector(words, last_before):
        return "the base of a rate"
    after = [t.word for t in words[first_after : first_after + 3]]
    if not figure.percent and _is_difference(words, last_before, after):
        return "a difference between two figures, not a figure"
    if after[:1] == ["of"] and _is_number(after[2:] if after[1:2] == ["the"] else after[1:]):
        return "part of a count (as in '7 of the 7')"
    if not figure.percent and after[:1] == ["of"] and after[1:2] and after[1] in _WHOLE_WORDS:
        # "Pedestrians accounted for 118 of the KSI casualties": a part of the measure
        # named after it, whose group the catalogue does not hold.
        return f"part of a larger count ('{figure.text} of {after[1]} ...')"
    return ""


_WHOLE_WORDS = frozenset({"the", "these", "those", "all"})
"""Words after "of" that point to the whole a count is part of."""


def counted_noun(
    words: list[Token], starts: list[int], figure: NumberMention, name_starts: set[int]
) -> str:
    """Return the noun the figure counts when the catalogue does not measure it ("meeting"), or ''.

    A noun that starts a catalogue name (``name_starts``) is no such noun.
    """
    fillers = single_words("filler")
    first = bisect.bisect_left(starts, figure.end)
    for token in words[first : first + 4]:
        if token.word in fillers:
            continue
        if share_base(words, starts, figure, token):
            return ""
        unmeasured = token.word in single_words("unmeasured") and token.start not in name_starts
        return token.word if unmeasured else ""
    return ""


def forum_named(
    words: list[Token], starts: list[int], figure: NumberMention, names: dict[int, int]
) -> str:
    """Return the forum a name right after the figure ends in ("Conferences"), or ''.

    ``names`` maps the start of each catalogue name in the clause to its end. "13
    Multi-Agency Risk Assessment Conferences" may count the conferences, not their cases.
    """
    first = bisect.bisect_left(starts, figure.end)
    if figure.percent or first >= len(words) or words[first].start not in names:
        return ""
    after = bisect.bisect_left(starts, names[words[first].start])
    last = words[after - 1].word if after > 0 else ""
    following = words[after].word if after < len(words) else ""
    if last not in single_words("forum") or following in single_words("count_noun"):
        return ""
    return last


def counts_with_noun(words: list[Token], starts: list[int], figure: NumberMention) -> bool:
    """Tell whether a count noun ("cases", "incidents") follows the figure directly."""
    first = bisect.bisect_left(starts, figure.end)
    return first < len(words) and words[first].word in single_words("count_noun")


def share_base(words: list[Token], starts: list[int], figure: NumberMention, noun: Token) -> bool:
    """Return whether ``noun`` is the base a percent is a share of: "3.6% *of respondents*".

    Such a noun says who was asked or counted, not what the figure counts; the name that
    follows ("perceived a high level of ASB") says what the share is.
    """
    first = bisect.bisect_left(starts, figure.end)
    following = words[first : first + 4]  # "of Swale respondents": a place may come between
    return (
        figure.percent
        and len(following) >= 2
        and following[0].word == "of"
        and noun in following[1:]
    )


def sample_before(
    words: list[Token], starts: list[int], figure: NumberMention, use: str = "sample"
) -> str:
    """Return the phrase of ``use`` just before the figure, or ''.

    ``sample``: the figure is a sample's size ("an audit of 20 cases"); ``extreme``: a
    peak or record ("an earlier peak of 3,104"), not the count of a period.
    """
    last = bisect.bisect_left(starts, figure.start)
    if last == 0:
        return ""
    for phrase in _phrases_ending(use).get(words[last - 1].word, ()):
        before = tuple(t.word for t in words[max(0, last - len(phrase)) : last])
        if before == phrase:
            return " ".join(phrase)
    return ""


@functools.cache
def _phrases_ending(use: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases of ``use`` by their last word: a figure is checked only against those."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in narrative_words(use):
        found.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in found.items()}


def rate_after(words: list[Token], starts: list[int], figure: NumberMention) -> bool:
    """Return whether a rate connector and a base follow ("44 cases for every 10,000 ...")."""
    first = bisect.bisect_left(starts, figure.end)
    following = words[first : first + 8]
    for index in range(len(following)):
        for phrase in narrative_words("rate_connector"):
            size = len(phrase)
            if tuple(t.word for t in following[index : index + size]) == phrase and _is_number(
                [t.word for t in following[index + size : index + size + 1]]
            ):
                return True
    return False


def _is_difference(words: list[Token], last_before: int, after: list[str]) -> bool:
    """Return whether a count is a change in numbers: "252 more than", "a rise of 252".

    "up" and "down" alone say so only when they open the clause or follow a function
    word (", up 5 on 2015", "which is down 12"), not in "made up 39,870".
    """
    if after[:1] and (after[0],) in narrative_words("difference_after"):
        return True
    if last_before >= 0 and words[last_before].word in single_words("difference_lead"):
        before = words[last_before - 1].word if last_before >= 1 else ""
        if not before or before in single_words("function"):
            return True
    for phrase in narrative_words("difference_before"):
        low = last_before - len(phrase) + 1
        if low >= 0 and tuple(t.word for t in words[low : last_before + 1]) == phrase:
            return True
    return False


def _ends_rate_connector(words: list[Token], last: int) -> bool:
    for phrase in narrative_words("rate_connector"):
        low = last - len(phrase) + 1
        if low >= 0 and tuple(t.word for t in words[low : last + 1]) == phrase:
            return True
    return False


def _is_number(words: list[str]) -> bool:
    return bool(words) and words[0][:1].isdigit()
