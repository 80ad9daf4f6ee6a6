"""Meeting dates of the manifest: ISO text only, since documents are ranked by comparing it.

A date typed or re-saved another way (``01/07/2015``, as a spreadsheet shows it) would
sort before ``2014-07-08`` and let a 2015 revision lose to the 2014 figure; it is
refused, with the ISO form suggested where the date reads one way only.
"""

from __future__ import annotations

import re
from datetime import date

_SLASHED_DATE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")


def meeting_date_problem(text: str) -> str:
    """Return why a meeting date is not an ISO date (empty is allowed), or ``""``.

    Dates are compared as text to rank documents, so only ``YYYY-MM-DD`` is accepted;
    the ISO form is suggested where the date can be read one way only.

    >>> meeting_date_problem("2015-07-01"), meeting_date_problem("")
    ('', '')
    >>> meeting_date_problem("31/07/2015")
    "meeting date '31/07/2015' is not YYYY-MM-DD; write it as 2015-07-31"
    """
    if not text or (re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and _is_date(text)):
        return ""
    readings = _readings(text)
    if len(readings) == 1:
        hint = f"write it as {readings[0]}"
    elif readings:
        hint = f"write it as {readings[0]} (day first) or {readings[1]} (month first)"
    else:
        hint = "write it as YYYY-MM-DD, such as 2014-07-08"
    return f"meeting date {text!r} is not YYYY-MM-DD; {hint}"


def _readings(text: str) -> list[str]:
    match = _SLASHED_DATE.match(text.strip())
    if not match:
        return []
    a, b, c = (int(part) for part in match.groups())
    if len(match[1]) == 4:
        candidates = [(a, b, c)]
    elif len(match[3]) == 4:
        candidates = [(c, b, a), (c, a, b)]
    else:
        return []
    found = []
    for year, month, day in candidates:
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if _is_date(iso) and iso not in found:
            found.append(iso)
    return found


def _is_date(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True
