"""Period labels: every way the reports write a period, turned into one contract label.

``parse_period`` accepts the forms listed in ``ACCEPTED_FORMS`` and returns a
:class:`Period` with the label, type and inclusive start and end dates of the data
contract. Financial years and quarters are pandas periods with years ending in March.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.errors import KcspError

PERIOD_TYPES = (
    "financial_year",
    "calendar_year",
    "financial_quarter",
    "calendar_quarter",
    "month",
    "twelve_months_to",
)

MIN_YEAR, MAX_YEAR = 1900, 2099

ACCEPTED_FORMS = (
    "2013/14, '13/14, 2013-14, Baseline '10/11 (financial year)",
    "2013, (Jan-Dec '10), Jan-Dec 2013, January to December 2013 (calendar year)",
    "Apr '13 - Mar '14, April 2013 to March 2014 (twelve months: a financial year if they "
    "end in March, a calendar year if in December)",
    "12 months to 2016-09, 12 months to the end of September 2016, year ending March 2014",
    "2013/14 Q1, Q1 2013/14, Quarter 1 2013/14, third quarter of 2013/14 (financial quarter)",
    "2013 Q1, Q1 2013, first/second/third/fourth/last quarter of 2013, Jan-Mar 2013 "
    "(calendar quarter)",
    "2013-04, April 2013, Apr '13 (month)",
)


@dataclass(frozen=True, order=True)
class Period:
    """A period of the data contract: label, type and inclusive start and end dates."""

    start: date
    end: date
    label: str
    period_type: str

    def __str__(self) -> str:
        """Print as the contract label."""
        return self.label


_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
MONTH_NAME = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
"""A month as reports write it, in full or cut short (lower case, no group)."""
_MONTH = rf"({MONTH_NAME})\.?"
_YEAR = r"('?\d{2}|\d{4})"
_DASH = r"\s*(?:-|–|—|to|until)\s*"
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _year(text: str) -> int:
    digits = text.lstrip("'’")
    value = int(digits)
    if len(digits) == 2:
        value += 2000 if value < 70 else 1900
    return value


def month_number(text: str) -> int:
    """Return the number of a month as reports write it: ``Sept`` is 9, ``jan`` 1."""
    return _MONTHS[
        text.lower().rstrip(".")[:4]
        if text.lower().startswith("sept")
        else text.lower().rstrip(".")[:3]
    ]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def financial_year(start_year: int) -> Period:
    """Return the financial year that starts in April of ``start_year``.

    >>> fy = financial_year(2013)
    >>> fy.label, fy.start.isoformat(), fy.end.isoformat()
    ('2013/14', '2013-04-01', '2014-03-31')
    """
    fy = pd.Period(year=start_year + 1, freq="Y-MAR")
    return Period(
        fy.start_time.date(),
        fy.end_time.date(),
        f"{start_year}/{(start_year + 1) % 100:02d}",
        "financial_year",
    )


def calendar_year(year: int) -> Period:
    """Return the calendar year ``year``."""
    return Period(date(year, 1, 1), date(year, 12, 31), str(year), "calendar_year")


def financial_quarter(start_year: int, quarter: int) -> Period:
    """Quarter ``quarter`` (1 = April to June) of the financial year starting ``start_year``."""
    fq = pd.Period(year=start_year + 1, quarter=quarter, freq="Q-MAR")
    label = f"{start_year}/{(start_year + 1) % 100:02d} Q{quarter}"
    return Period(fq.start_time.date(), fq.end_time.date(), label, "financial_quarter")


def calendar_quarter(year: int, quarter: int) -> Period:
    """Quarter ``quarter`` (1 = January to March) of calendar year ``year``."""
    cq = pd.Period(year=year, quarter=quarter, freq="Q-DEC")
    return Period(
        cq.start_time.date(), cq.end_time.date(), f"{year} Q{quarter}", "calendar_quarter"
    )


def month(year: int, month_number: int) -> Period:
    """Return the calendar month."""
    return Period(
        date(year, month_number, 1),
        _month_end(year, month_number),
        f"{year}-{month_number:02d}",
        "month",
    )


def twelve_months_to(year: int, month_number: int) -> Period:
    """Return the rolling year ending with the given month.

    One ending in March is the financial year, one ending in December the calendar year.

    >>> twelve_months_to(2014, 3).label
    '2013/14'
    >>> twelve_months_to(2016, 9).label
    '12 months to 2016-09'
    """
    if month_number == 3:
        return financial_year(year - 1)
    if month_number == 12:
        return calendar_year(year)
    first = pd.Period(year=year, month=month_number, freq="M") - 11
    return Period(
        first.start_time.date(),
        _month_end(year, month_number),
        f"12 months to {year}-{month_number:02d}",
        "twelve_months_to",
    )


def _month_span(m1: int, y1: int, m2: int, y2: int, text: str) -> Period:
    months = (y2 - y1) * 12 + (m2 - m1) + 1
    if months == 12:
        return twelve_months_to(y2, m2)
    if months == 3 and m1 in (1, 4, 7, 10):
        return calendar_quarter(y1, (m1 - 1) // 3 + 1)
    if months == 1:
        return month(y1, m1)
    raise _error(text, f"spans {months} months; only 1, 3 (a quarter) or 12 are periods")


def _error(text: str, why: str = "") -> KcspError:
    reason = f" ({why})" if why else ""
    forms = "; ".join(ACCEPTED_FORMS)
    return KcspError(f"cannot read period {text!r}{reason}; accepted forms: {forms}")


def _clean(text: str) -> str:
    text = strip_markup(text, tag=" ")
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"^\s*\(|\)\s*$", "", text.strip())
    text = re.sub(
        r"^(?:baseline|the|fy|financial year|calendar year)\s+",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\bquarter\s+([1-4])\b", r"Q\1", text, flags=re.IGNORECASE)  # "Quarter 2"
    return " ".join(text.split())


def _financial_year_match(text: str) -> Period | None:
    match = re.fullmatch(r"('?\d{2}|\d{4})\s*[/-]\s*('?\d{2}|\d{4})", text)
    if not match:
        return None
    first, second = _year(match[1]), _year(match[2])
    if second != first + 1:
        return None  # "2013-04" is a month; "2012/14" falls through to the error
    return financial_year(first)


def _financial_quarter_of(year_text: str, quarter: int, text: str) -> Period:
    year = _financial_year_match(year_text)
    if year is None:
        raise _error(text, "the years are not consecutive")
    return financial_quarter(year.start.year, quarter)


def parse_period(text: str) -> Period:
    """Turn a period as printed in a report into a :class:`Period`.

    Raises :class:`KcspError` showing the text and the accepted forms when no form fits.

    >>> parse_period("Baseline '10/11").label
    '2010/11'
    >>> parse_period("(Jan-Dec '10)").label
    '2010'
    >>> parse_period("Apr '13 - Mar '14").label
    '2013/14'
    >>> parse_period("first quarter of 2013").label
    '2013 Q1'
    >>> parse_period("12 months to the end of September 2016").label
    '12 months to 2016-09'
    >>> parse_period("Quarter 2 2014/15").label
    '2014/15 Q2'
    """
    if not isinstance(text, str) or not text.strip():
        raise _error(str(text), "empty")
    return _parse_checked(text)


@functools.lru_cache(maxsize=8192)
def _parse_checked(text: str) -> Period:
    # Reports repeat the same few period phrases many times; parsing is pure.
    try:
        period = _parse(text)
    except (ValueError, KeyError, OverflowError, NotImplementedError) as exc:
        raise _error(text, str(exc)) from None
    if not MIN_YEAR <= period.start.year <= MAX_YEAR:
        raise _error(text, f"year outside {MIN_YEAR}-{MAX_YEAR}")
    return period


def _parse(text: str) -> Period:
    low = _clean(text).lower()
    if fy := _financial_year_match(low):
        return fy
    for pattern, build in _GRAMMAR:
        if (m := pattern.fullmatch(low)) and (period := build(m, text)) is not None:
            return period
    raise _error(text)


def _month_range(m: re.Match[str], text: str) -> Period:
    end_year = _year(m[4])
    first_month, last_month = month_number(m[1]), month_number(m[3])
    # "Apr - Mar '14" runs from the April before; "Jan - Dec '10" within the year.
    same_year = end_year if first_month <= last_month else end_year - 1
    start_year = _year(m[2]) if m[2] else same_year
    return _month_span(first_month, start_year, last_month, end_year, text)


def _ordinal_quarter(m: re.Match[str], text: str) -> Period | None:
    return calendar_quarter(int(m[2]), _ORDINALS[m[1]]) if m[1] in _ORDINALS else None


def _ordinal_financial_quarter(m: re.Match[str], text: str) -> Period | None:
    """Return the financial quarter "the third quarter of 2017/18" names (2017/18 Q3)."""
    if m[1] not in _ORDINALS:
        return None
    return _financial_quarter_of(f"{m[2]}/{m[3]}", _ORDINALS[m[1]], text)


def _iso_month(m: re.Match[str], text: str) -> Period | None:
    return month(int(m[1]), int(m[2])) if 1 <= int(m[2]) <= 12 else None


def _iso_twelve_months(m: re.Match[str], text: str) -> Period | None:
    return twelve_months_to(int(m[1]), int(m[2])) if 1 <= int(m[2]) <= 12 else None


# Every written form but financial years, in the order tried: (pattern, builder); a
# builder returns None when the match is not a period after all ("2013-14" is a span).
_GRAMMAR: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str], Period | None]], ...] = (
    (re.compile(r"\d{4}"), lambda m, text: calendar_year(int(m[0]))),
    (
        re.compile(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s+q([1-4])"),
        lambda m, text: _financial_quarter_of(f"{m[1]}/{m[2]}", int(m[3]), text),
    ),
    (
        re.compile(r"q([1-4])\s+(\d{4})\s*[/-]\s*(\d{2}|\d{4})"),
        lambda m, text: _financial_quarter_of(f"{m[2]}/{m[3]}", int(m[1]), text),
    ),
    (re.compile(r"(\d{4})\s+q([1-4])"), lambda m, text: calendar_quarter(int(m[1]), int(m[2]))),
    (re.compile(r"q([1-4])\s+(\d{4})"), lambda m, text: calendar_quarter(int(m[2]), int(m[1]))),
    (
        re.compile(r"(\w+) quarter of (\d{4})\s*[/-]\s*(\d{2}|\d{4})"),
        lambda m, text: _ordinal_financial_quarter(m, text),
    ),
    (re.compile(r"(\w+) quarter of (\d{4})"), _ordinal_quarter),
    (re.compile(r"(\d{4})-(\d{2})"), _iso_month),
    (re.compile(r"12 months to (\d{4})-(\d{2})"), _iso_twelve_months),
    (
        re.compile(
            rf"(?:(?:the\s+)?(?:12|twelve) months|(?:the\s+)?year)\s+(?:to|ending|ended)\s+"
            rf"(?:the\s+end\s+of\s+)?{_MONTH}\s+{_YEAR}"
        ),
        lambda m, text: twelve_months_to(_year(m[2]), month_number(m[1])),
    ),
    (re.compile(rf"{_MONTH}\s*{_YEAR}?{_DASH}{_MONTH}\s*{_YEAR}"), _month_range),
    (re.compile(rf"{_MONTH}\s*{_YEAR}"), lambda m, text: month(_year(m[2]), month_number(m[1]))),
)


def period_from_label(label: str) -> Period:
    """Return the :class:`Period` for a contract label (``2013/14``, ``2013 Q1`` ...)."""
    period = parse_period(label)
    if period.label != label:
        raise KcspError(f"{label!r} is not a period label; did you mean {period.label!r}?")
    return period
