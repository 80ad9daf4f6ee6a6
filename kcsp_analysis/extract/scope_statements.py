"""A paper's statement of the area its figures cover: "figures relate to Kent unless stated".

Committee papers often say once, near the top, which area their figures are for ("Unless
stated otherwise, figures in this report relate to the Kent County Council area"). A
figure whose clause, sentence, paragraph and heading name no area then takes that one,
as a reader would. The statement must name figures or data, say that they relate to (or
refer to, or are for) an area, speak for the whole paper ("in this report", "all
figures", "unless stated otherwise") and name exactly one area; the phrases are data
(``scope`` and ``scope_wide`` in ``data/narrative_words.csv``).
"""

from __future__ import annotations

import re

from kcsp_analysis import catalogue
from kcsp_analysis.extract.measure_words import find_phrase, narrative_words, tokens

_SUBJECTS = frozenset({"figure", "data", "statistic", "number"})
_HINT = re.compile(r"\b(?:figures?|data|statistics?|numbers?)\b", re.IGNORECASE)


def stated_area(text: str) -> str | None:
    """Return the area a scope statement says the paper's figures cover, or None.

    >>> stated_area("Unless stated otherwise, figures in this report relate to the Kent "
    ...             "County Council area, i.e. Kent excluding Medway.")
    'Kent'
    >>> stated_area("All figures relate to the KCC area (Kent excluding Medway).")
    'Kent'
    >>> stated_area("Kent Police recorded 4,210 burglaries in Kent.") is None
    True
    >>> stated_area("Shepway becomes Folkestone & Hythe; figures are for the same area.") is None
    True
    """
    if not _HINT.search(text):
        return None  # most sentences: no need to read them word by word
    words = tokens(text)
    if not _SUBJECTS & {t.word for t in words}:
        return None
    if find_phrase(words, narrative_words("scope")) is None:
        return None
    if find_phrase(words, narrative_words("scope_wide")) is None:
        return None  # "figures are for the same area" says nothing of the whole paper
    named = catalogue.areas_named(text)
    return named[0] if len(named) == 1 else None
