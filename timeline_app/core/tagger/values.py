"""Values on the calendar: TimeML values of periods and durations, the nearest year a year-less
date falls in, holidays, clock times, and the records a handler returns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from timeline_app.core import periods
from timeline_app.core.tagger.lexicon import Lexicon
from timeline_app.core.tagger.records import (
    AFTER,
    BEFORE,
    DURATION,
    FUTURE,
    PAST,
    POINT,
    RANGE,
    SET,
    SINCE,
    TIME,
    VAGUE,
    Context,
    Point,
    TemporalExpression,
    Timex,
)

#: The calendar granularity of an expression counted in a unit ("two weeks ago": a week).
CALENDAR_UNIT = {"day": "day", "week": "week", "fortnight": "week", "month": "month", "quarter": "quarter",
                 "year": "year", "decade": "year", "century": "year"}
#: The unit a shift by a unit moves in (a fortnight moves in weeks).
SHIFT_UNIT = {"fortnight": "week", "decade": "decade", "century": "century"}
#: A unit written through a smaller one in TimeML, and how many of those it holds.
AS_SMALLER = {"DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3), "W": ("D", 7)}
#: The next smaller unit of a duration, how many make one, and whether it is a time unit.
HALF_UNIT = {("Y", False): ("M", 12, False), ("M", False): ("D", 30, False), ("D", False): ("H", 24, True),
             ("H", True): ("M", 60, True), ("M", True): ("S", 60, True)}


def expression(m: re.Match[str] | tuple[int, int], ctx: Context, type_: str, value: str, granularity: str,
               kind: str, lo: date | None, hi: date | None, *, mod: str | None = None, anchored: bool = False,
               placed: bool | None = None, timexes: tuple[Timex, ...] | None = None) -> TemporalExpression:
    """The expression over a match (or a span), with one TIMEX3 over it unless ``timexes`` are given."""
    start, end = (m.start(), m.end()) if isinstance(m, re.Match) else m
    if placed is None:
        placed = (lo is not None or hi is not None) and kind not in (DURATION, SET, VAGUE, TIME)
    if timexes is None:
        timexes = (Timex(start, end, ctx.text[start:end], type_, value, mod),)
    return TemporalExpression(start, end, ctx.text[start:end], type_, value, granularity, kind, lo, hi,
                              mod, anchored, placed, timexes)


def timex(ctx: Context, start: int, end: int, type_: str, value: str, mod: str | None = None) -> Timex:
    """One TIMEX3 over ``text[start:end]``."""
    return Timex(start, end, ctx.text[start:end], type_, value, mod)


def period_of(d: date, granularity: str) -> tuple[date, date, str]:
    """The period of this granularity holding ``d``: its first and last day and its TimeML value."""
    if granularity == "day":
        return d, d, d.isoformat()
    if granularity == "week":
        lo, hi = periods.week(d)
        y, w, _ = d.isocalendar()
        return lo, hi, f"{y:04d}-W{w:02d}"
    if granularity == "month":
        lo, hi = periods.month(d.year, d.month)
        return lo, hi, f"{d.year:04d}-{d.month:02d}"
    if granularity == "quarter":
        q = (d.month - 1) // 3 + 1
        lo, hi = periods.quarter(d.year, q)
        return lo, hi, f"{d.year:04d}-Q{q}"
    if granularity == "decade":
        first = d.year - d.year % 10
        lo, hi = periods.decade(first)
        return lo, hi, f"{first // 10:03d}"
    if granularity == "century":
        lo, hi = periods.century(d.year // 100 + 1)
        return lo, hi, f"{d.year // 100:02d}"
    lo, hi = periods.year(d.year)
    return lo, hi, f"{d.year:04d}"


def shifted(e: TemporalExpression, base: date, n: int, unit: str, granularity: str,
            anchored: bool) -> TemporalExpression:
    """``e`` placed on the period of ``granularity`` that holds ``base`` moved by ``n`` units."""
    moved = periods.shift(base, n, unit)
    lo, hi, value = period_of(moved, granularity)
    return replace(e, lo=lo, hi=hi, value=value, placed=True, anchored=anchored,
                   timexes=tuple(replace(t, value=value) for t in e.timexes))


#: How TimeML writes a year before the common era: BC0490.
BEFORE_ERA = "BC"
_DATED = re.compile(r"(BC)?(\d{4})")
_STORY_GRANULARITIES = ("day", "month", "season", "year")
_STORY_KINDS = (POINT, RANGE, BEFORE, SINCE, AFTER)


def year_told(e: TemporalExpression) -> int | None:
    """The year a date puts the story at ("June 10, 1940": 1940; "480 BC": -480); None for what is
    no date of the story (a duration, a set, a decade)."""
    if e.kind not in _STORY_KINDS or e.type not in ("DATE", TIME) or e.granularity not in _STORY_GRANULARITIES:
        return None
    m = _DATED.match(e.value)
    return None if m is None else -int(m[2]) if m[1] else int(m[2])


def _moved_value(value: str, years: int) -> str:
    def move(part: str) -> str:
        m = _DATED.match(part)
        if m is None:
            return part
        year = (-int(m[2]) if m[1] else int(m[2])) + years
        return (f"{year:04d}" if year > 0 else f"{BEFORE_ERA}{-year:04d}") + part[m.end(2):]

    return "/".join(move(part) for part in value.split("/"))


def in_year(e: TemporalExpression, year: int) -> TemporalExpression:
    """``e``, a year-less date first read in another year, moved to ``year`` (before the common era
    when negative: typed, never placed). Raises ``ValueError`` for February 29 in a common year."""
    own = year_told(e)
    if own is None or own == year:
        return e
    years = year - own

    def move(d: date | None) -> date | None:
        return None if d is None or d.year + years < 1 else d.replace(year=d.year + years)

    lo, hi = move(e.lo), move(e.hi)
    return replace(e, value=_moved_value(e.value, years), lo=lo, hi=hi, placed=e.placed and lo is not None,
                   timexes=tuple(replace(t, value=_moved_value(t.value, years)) for t in e.timexes))


def day_point(d: date, anchored: bool, form: str) -> Point:
    """A point one day long."""
    return Point(d, d, d.isoformat(), "day", anchored, form)


def nearest(ref: date, make: Callable[[int], periods.Span], tense: str | None,
            strong: bool = False) -> tuple[periods.Span, int]:
    """The period ``make(year)`` nearest to ``ref`` in the direction the tense points to.

    A weak cue (a word further off) gives way to a period much nearer the other way; a strong one
    ("began in February", "would be paid in January") does not."""
    options: list[tuple[periods.Span, int]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append((make(y), y))
        except ValueError:
            continue  # February 29 in a common year
    closest = min(options, key=lambda o: (periods.distance(o[0], ref), o[1] > ref.year))
    chosen = None
    if tense is None:
        tense = PAST  # with no cue, news reports what has happened ("from $29.75 in March")
    if tense == PAST:
        chosen = next((o for o in reversed(options) if o[0][0] <= ref), None)
    elif tense == FUTURE:
        chosen = next((o for o in options if o[0][1] >= ref), None)
    # Tense cues are noisy: a date half a year away in their direction loses to one within two months.
    if chosen is None or (not strong and periods.distance(chosen[0], ref) > 183
                          and periods.distance(closest[0], ref) <= 62):
        return closest
    return chosen


def weekday_date(ref: date, weekday: int, shift: int | None, tense: str | None = None) -> date:
    """The date of an ISO weekday near ``ref``: ``shift`` -1 the last one, 1 the next, 0 this week's;
    with no shift, the tense says (the past week unless the clause looks ahead)."""
    back = (ref.isoweekday() - weekday) % 7
    ahead = (weekday - ref.isoweekday()) % 7
    if shift is not None and shift < 0:
        return ref - timedelta(days=back or 7)
    if shift is not None and shift > 0:
        return ref + timedelta(days=ahead or 7)
    if shift == 0:
        return periods.week(ref)[0] + timedelta(days=weekday - 1)
    if tense != FUTURE:  # news reports a bare weekday in the past week unless said otherwise
        return ref - timedelta(days=back)
    return ref + timedelta(days=ahead)


def duration_value(count: int | None, symbol: str, factor: int, is_time: bool) -> str:
    """The TimeML value of ``count`` units (None: an unknown count, "X")."""
    n = "X" if count is None else str(count * factor)
    if symbol in AS_SMALLER and symbol != "W":
        symbol, size = AS_SMALLER[symbol]
        n = "X" if count is None else str(count * size)
    return f"PT{n}{symbol}" if is_time else f"P{n}{symbol}"


def half_value(count: int, symbol: str, factor: int, is_time: bool) -> str:
    """The TimeML value of ``count`` and a half units: P2Y6M, PT1H30M, P3DT12H, P25Y (two and a half decades)."""
    if symbol in AS_SMALLER:
        symbol, size = AS_SMALLER[symbol]
        factor *= size
    whole, half = divmod((2 * count + 1) * factor, 2)
    parts: list[tuple[int, str, bool]] = [(whole, symbol, is_time)] if whole else []
    if half:
        small, per, small_time = HALF_UNIT[(symbol, is_time)]
        parts.append((per // 2, small, small_time))
    date_part = "".join(f"{n}{u}" for n, u, t in parts if not t)
    time_part = "".join(f"{n}{u}" for n, u, t in parts if t)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def clock_value(lex: Lexicon, text: str) -> str | None:
    """"9:48 AM" -> "09:48", "10 p.m." -> "22:00"; None when it is no time of day."""
    m = lex.patterns["clock"].fullmatch(text)
    if not m:
        return None
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if m["am"] or m["pm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["pm"] else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}" + (f":{m['second']}" if m["second"] else "")


def spelled_year(lex: Lexicon, words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "nineteen hundred" -> 1900."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in lex.year_joiners]
    rest = sum(lex.numbers[w] for w in parts[2:])
    if len(parts) >= 2 and parts[1] in lex.year_multipliers:
        return lex.numbers[parts[0]] * lex.year_multipliers[parts[1]] + rest
    return lex.numbers[parts[0]] * 100 + sum(lex.numbers[w] for w in parts[1:])


def holiday_date(spec: str, year: int) -> date:
    """The day a holiday falls on in ``year``, from its rule in the data file.

    >>> holiday_date("11:4:4", 1999), holiday_date("05:-1:1", 2025), holiday_date("easter-2", 2025)
    (datetime.date(1999, 11, 25), datetime.date(2025, 5, 26), datetime.date(2025, 4, 18))
    >>> holiday_date("11:4:4+1", 2024)  # the day after the fourth Thursday of November
    datetime.date(2024, 11, 29)
    """
    computus = "easter"  # the name of the computation in the data, not a word of the text
    if spec.startswith(computus):
        from dateutil.easter import easter  # the Western (Gregorian) date, as dateparser's own dependency computes it

        return easter(year) + timedelta(days=int(spec[len(computus):] or 0))
    if ":" in spec and "+" in spec:
        base, after = spec.split("+")
        return holiday_date(base, year) + timedelta(days=int(after))
    if ":" in spec:
        month, nth, weekday = (int(x) for x in spec.split(":"))
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        last = periods.month(year, month)[1]
        return last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))
    month, day = (int(x) for x in spec.split("-"))
    return date(year, month, day)
