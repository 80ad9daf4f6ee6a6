"""Numbers as reports print them: separators, percents, footnote digits, qualifiers.

Converted PDFs glue footnote references to figures (``exceeded 19,0006`` is 19,000 with
footnote 6) and leave markup behind (``<b>4</b> 9%``, ``&amp;``). These helpers turn a
printed figure into a value, the number of decimals printed, and a qualifier.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kcsp_analysis import catalogue
from kcsp_analysis.catalogue import strip_markup

# "19,0006": a thousands group of four or five digits carries a glued footnote number.
_NUMBER = re.compile(
    r"(?<![\w.,'’/])"
    r"(?P<int>\d{1,3}(?:,\d{3})*,\d{3}(?P<foot>\d{1,2})?(?!\d)|\d+)?(?P<frac>\.\d+)?"
    r"(?P<pct>\s?%|\s?per\s?cent\b)?"
)
_MONEY_BEFORE = re.compile(r"[£$€]\s*$")
_MULTIPLIERS = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3, "thousand": 1e3}
_MULTIPLIER_AFTER = re.compile(r"^\s?(million|billion|thousand|bn|m|k)\b", re.IGNORECASE)

FRACTION_WORDS = {
    "a quarter": 25.0,
    "one quarter": 25.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "half": 50.0,
    "three quarters": 75.0,
    "two thirds": 200 / 3,
}
_FRACTION = re.compile(
    r"\b(?P<word>" + "|".join(sorted(FRACTION_WORDS, key=len, reverse=True)) + r")\b"
    r"(?!\s+of\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """A figure found in running text, with its position and how it was printed."""

    value: float
    decimals: int
    start: int
    end: int
    percent: bool
    money: bool
    footnote: str
    text: str


def parse_figure(text: str) -> tuple[float, int, bool]:
    """Value, decimals printed and whether a percent, of a cell holding one figure.

    Raises ``ValueError`` when the cell is not exactly one figure.

    >>> parse_figure("18,376")
    (18376.0, 0, False)
    >>> parse_figure(" 24.0% ")
    (24.0, 1, True)
    """
    cleaned = strip_markup(text).strip()
    mentions = [m for m in find_numbers(cleaned) if not m.money]
    if (
        len(mentions) != 1
        or cleaned[: mentions[0].start].strip()
        or cleaned[mentions[0].end :].strip()
    ):
        raise ValueError(f"not a single figure: {text!r}")
    mention = mentions[0]
    return mention.value, mention.decimals, mention.percent


def find_numbers(text: str) -> list[NumberMention]:
    """Every figure in ``text`` (markup already stripped), in order.

    >>> [(m.value, m.footnote) for m in find_numbers("exceeded 19,0006, of which 23%")]
    [(19000.0, '6'), (23.0, '')]
    """
    found = []
    for match in _NUMBER.finditer(text):
        if not (match["int"] or match["frac"]):
            continue
        whole = match["int"] or ""
        foot = match["foot"] or ""
        if foot:
            whole = whole[: -len(foot)]
        digits = whole.replace(",", "") + (match["frac"] or "")
        value = float(digits)
        decimals = len(match["frac"]) - 1 if match["frac"] else 0
        end = match.end()
        # A bounded look back keeps a line of many figures linear.
        money = bool(_MONEY_BEFORE.search(text[max(0, match.start() - 8) : match.start()]))
        if not match["pct"] and (multiplier := _MULTIPLIER_AFTER.match(text[end:])):
            value *= _MULTIPLIERS[multiplier[1].lower()]
            end += multiplier.end()
        found.append(
            NumberMention(
                value,
                decimals,
                match.start(),
                end,
                bool(match["pct"]),
                money,
                foot,
                text[match.start() : end],
            )
        )
    return found


def find_fractions(text: str) -> list[NumberMention]:
    """Fractions written in words ("approximately a quarter"), as percents."""
    return [
        NumberMention(
            round(FRACTION_WORDS[m["word"].lower()], 1),
            0,
            m.start(),
            m.end(),
            True,
            False,
            "",
            m.group(),
        )
        for m in _FRACTION.finditer(text)
    ]


def qualifier_before(text: str) -> str:
    """Return the qualifier that the words just before a figure give it ('' if exact).

    >>> qualifier_before("there were just over ")
    'more_than'
    >>> qualifier_before("of which approximately ")
    'approx'
    """
    tail = " ".join(re.sub(r"[^a-z ]", " ", text.lower()).split()[-3:])
    for qualifier, word in _longest_first(catalogue.qualifier_words("sentence")):
        if tail.endswith(" " + word) or tail == word:
            return qualifier
    return ""


@functools.cache
def _longest_first(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    # Within each qualifier the longest phrase is tried first ("just over" before "over").
    order = {q: i for i, (q, _) in reversed(list(enumerate(pairs)))}
    return tuple(sorted(pairs, key=lambda p: (order[p[0]], -len(p[1]))))
