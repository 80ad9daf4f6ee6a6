"""Figures not read: what ``extraction_log.csv`` says was skipped, counted by reason.

The section of ``kcsp check`` that lists, beside the counts, each sentence or table row
that holds a number next to the words of a catalogue measure but gave no figure: the
places where a new wording may need an alias row, or where the text really does not say
the area or period.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from kcsp_analysis.extract.measure_words import find_aliases, tokens
from kcsp_analysis.paths import LOG_NAME
from kcsp_analysis.processed.extraction_log import LOG_COLUMNS
from kcsp_analysis.processed.tables import read_processed_csv

_QUOTED = re.compile(r"'[^']*'")
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_LISTED = 40


def skip_reasons(reason: str) -> list[str]:
    """Return the reason of each figure in a log entry's ``reason``, without the figure.

    >>> skip_reasons("2: a reference (item 2); £45k: money figure")
    ['a reference (item 2)', 'money figure']
    """
    out = []
    for part in filter(None, (p.strip() for p in reason.split("; "))):
        figure, sep, why = part.partition(": ")
        out.append(why if sep and not figure.startswith(("ambiguous", "no ")) else part)
    return out


def reason_kind(reason: str) -> str:
    """Fold one reason to its kind: quoted words and bracketed details left out.

    >>> reason_kind("a count of 'meeting', which the catalogue does not measure")
    "a count of '…', which the catalogue does not measure"
    """
    kind = _BRACKETED.sub("", _QUOTED.sub("'…'", reason))
    if kind.startswith("ambiguous:"):
        return "ambiguous: two values at one place"
    return re.sub(r"\b[a-z]+(?:_[a-z0-9]+)+\b", "<measure>", kind).strip()


def unread_rows(log: pd.DataFrame) -> pd.DataFrame:
    """Log rows that gave no figure though a number stands by a catalogue measure's words."""
    if log.empty:
        return log
    none = pd.to_numeric(log["figures"], errors="coerce").fillna(0) == 0
    texts = log["excerpt"].astype(str)
    named = texts.map(lambda t: bool(re.search(r"\d", t)) and bool(find_aliases(tokens(t))))
    return log[none & named & log["block"].isin(["sentence", "table"])]


def unread_figures_lines(processed: Path) -> list[str]:
    """Return the "figures not read" section of ``kcsp check`` ([] without a log)."""
    path = Path(processed) / LOG_NAME
    if not path.exists():
        return []
    log = read_processed_csv(path, LOG_COLUMNS, "extraction log")
    counts = Counter(
        reason_kind(r) for text in log["reason"].astype(str) for r in skip_reasons(text)
    )
    lines = [f"\nfigures not read: {sum(counts.values())} number(s) skipped, by reason:"]
    lines += [
        f"  {n:5d}  {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    rows = unread_rows(log)
    lines.append(
        f"\n{len(rows)} sentence(s) or table row(s) with a number beside a measure's words "
        "gave no figure:"
    )
    for _, row in rows.head(_LISTED).iterrows():
        why = "; ".join(skip_reasons(str(row["reason"]))) or "no figure"
        lines.append(f"  {row['source']} {row['locator']}: {why} | {str(row['excerpt'])[:100]}")
    if len(rows) > _LISTED:
        lines.append(f"  ... and {len(rows) - _LISTED} more in {path}")
    return lines
