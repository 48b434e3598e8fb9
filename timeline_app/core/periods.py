"""Calendar periods: first and last day of a day, week, month, quarter, season, year, decade...

All periods are closed intervals of :class:`datetime.date`. Values follow TimeML (``2025-05``,
``2025-Q2``, ``2025-W19``, ``2025-SU``, ``202`` for the 2020s).

>>> month(2024, 2)
(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
>>> shift(date(2024, 1, 31), 1, "month")
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Span = tuple[date, date]

#: Granularities from finest to coarsest; used to order events that start on the same day.
GRANULARITIES = ("time", "day", "week", "month", "quarter", "season", "half", "year", "decade", "century")

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def rank(granularity: str) -> int:
    """Position of a granularity from finest (0) to coarsest; unknown ones sort last."""
    try:
        return GRANULARITIES.index(granularity)
    except ValueError:
        return len(GRANULARITIES)


def day(d: date) -> Span:
    return d, d


def month(year: int, m: int) -> Span:
    return date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1])


def year(y: int) -> Span:
    return date(y, 1, 1), date(y, 12, 31)


def quarter(y: int, q: int) -> Span:
    first = 3 * (q - 1) + 1
    return month(y, first)[0], month(y, first + 2)[1]


def half(y: int, h: int) -> Span:
    return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))


def season(y: int, code: str) -> Span:
    """Meteorological seasons; winter ``y`` runs from December ``y`` to February ``y + 1``."""
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        return month(y, 12)[0], month(y + 1, 2)[1]
    return month(y, first)[0], month(y, last)[1]


def decade(first_year: int) -> Span:
    return date(first_year, 1, 1), date(first_year + 9, 12, 31)


def century(n: int) -> Span:
    """The n-th century as TimeML counts it: the 20th is 1900-1999."""
    start = max(1, (n - 1) * 100)
    return date(start, 1, 1), date((n - 1) * 100 + 99, 12, 31)


def week(d: date) -> Span:
    monday = d - timedelta(days=d.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def shift(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` calendar units (day, week, month, quarter, year, decade, century)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit] * n
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def part(span: Span, which: str) -> Span:
    """A part of a period: ``start``/``mid``/``end`` thirds, ``half1``/``half2`` halves."""
    lo, hi = span
    length = (hi - lo).days + 1
    third = max(length // 3, 1)
    if which == "start":
        return lo, lo + timedelta(days=third - 1)
    if which == "end":
        return hi - timedelta(days=third - 1), hi
    if which == "mid":
        return lo + timedelta(days=third), hi - timedelta(days=third)
    if which == "half1":
        return lo, lo + timedelta(days=length // 2 - 1)
    if which == "half2":
        return lo + timedelta(days=length // 2), hi
    raise ValueError(which)


def distance(span: Span, d: date) -> int:
    """Days from ``d`` to the nearest day of ``span`` (0 when inside)."""
    lo, hi = span
    if d < lo:
        return (lo - d).days
    if d > hi:
        return (d - hi).days
    return 0
