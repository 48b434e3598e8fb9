"""Discourse: expressions placed from what the text said before them ("two days later", "the
quarter", "a year earlier"), resolved in text order once every expression is found."""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date, timedelta

from timeline_app.core.tagger.context import tense
from timeline_app.core.tagger.records import FUTURE, POINT, Context, Resolver, TemporalExpression
from timeline_app.core.tagger.values import BEFORE_ERA, in_year, shifted, year_told


def resolve_discourse(exprs: list[TemporalExpression], ctx: Context) -> list[TemporalExpression]:
    """Place "a year earlier", "the next day" and "the quarter" on what the text mentioned before them."""
    out: list[TemporalExpression] = []
    anchor: TemporalExpression | None = None
    quarter: TemporalExpression | None = None
    story: int | None = None  # the year the story is at: that of the last date it told
    narrated = sorted(ctx.narrated)
    for e in exprs:
        resolver = ctx.deferred.get((e.start, e.end))
        if resolver is not None:
            try:
                e = resolver(e, anchor, quarter, ctx.ref) or e
            except (ValueError, OverflowError, KeyError):
                pass  # beyond the calendar ("the following week" of 9999-12-25): it stays unresolved
            if (e.start, e.end) in ctx.names_quarter and e.placed:
                quarter = e
        if narrated:
            is_narrated = e.anchored and _holds(narrated, e.start, e.end)  # its year was a guess
            if is_narrated and story is not None:
                e = in_story(e, story)
            # a date the text states moves the story, unless it looks ahead ("planned for 1976");
            # "today" in a quote does not
            if is_narrated or (not e.anchored and tense(ctx, e.start, e.end) != FUTURE):
                story = told if (told := year_told(e)) is not None else story
        if resolver is None or getattr(resolver, "anchors", False):  # only dates the text states anchor others
            if e.kind == POINT and (e.placed and e.lo is not None or e.value.startswith(BEFORE_ERA)):
                if e.granularity in ("day", "month", "year"):
                    anchor = e
                elif e.granularity == "quarter" and (ctx.ref is None or e.hi is None or e.hi < ctx.ref):
                    quarter = e  # a quarter not yet over is a forecast, not the one the story reports
            elif e.type == "DURATION" and e.value in ("P6M", "P9M") and quarter is not None:
                anchor = e  # "for the nine months": what follows compares the year so far, not the quarter
        out.append(e)
    return out


def _holds(positions: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def in_story(e: TemporalExpression, year: int) -> TemporalExpression:
    """A year-less date of a story in the year the story is at ("In 1940 ... On June 10"). A month
    before the story's month is not taken as next year's: measured, that turned one wrong date
    into a run of them."""
    try:
        return in_year(e, year)
    except (ValueError, OverflowError):
        return e  # February 29 in a common year: the first guess stays


def same_weekday(weekday: int) -> Resolver:
    """A weekday named with no tense of its own, right after the text named that weekday in the
    week around its reference date: the same day ("Dès dimanche, ... Dimanche soir, ... sera")."""

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if anchor is None or anchor.granularity != "day" or anchor.lo is None or ref is None or e.lo is None:
            return None
        d = anchor.lo
        if d.isoweekday() != weekday or d == e.lo or abs((d - ref).days) > 7:
            return None
        value = d.isoformat() + e.value[10:]  # a time or a part of the day stays
        return replace(e, value=value, lo=d, hi=d, timexes=tuple(replace(t, value=value) for t in e.timexes))

    resolve.anchors = True  # type: ignore[attr-defined]  # still a date the text states
    return resolve


def on_story_day(part: str, n: int) -> Resolver:
    """A time or part of the day (``part``: "MO", "09:30") ``n`` days after the day the story last
    told (the reference date's, for a shift with none told); with none told and no shift, unresolved."""

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if anchor is not None and anchor.granularity == "day" and anchor.lo is not None:
            base = anchor.lo
        elif n and ref is not None:
            base = ref
        else:
            return None
        d = base + timedelta(days=n)
        value = f"{d.isoformat()}T{part}"
        return replace(e, value=value, lo=d if n else None, hi=d if n else None, placed=bool(n),
                       anchored=anchor is None, timexes=tuple(replace(t, value=value) for t in e.timexes))

    return resolve


def shift_resolver(n: int, unit: str, granularity: str) -> Resolver:
    """For "two days later", "a year earlier": from the last date mentioned, else the reference date.

    After a quarter ("third-quarter profit ... a year earlier") a year's shift keeps the quarter.
    """

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if unit in ("year", "decade") and about_quarter(anchor, quarter):
            return shifted(e, quarter.lo, n, unit, "quarter", anchored=False)  # type: ignore[union-attr, arg-type]
        if anchor is not None and anchor.value.startswith(BEFORE_ERA):  # a story before the common era
            told = year_told(anchor)
            if told is None or unit not in ("year", "decade"):
                return None
            year = told + n * (10 if unit == "decade" else 1)
            value = f"{BEFORE_ERA}{-year:04d}" if year < 1 else f"{year:04d}"
            return replace(e, value=value, granularity="year", anchored=False,
                           timexes=tuple(replace(t, value=value) for t in e.timexes))
        base = anchor.lo if anchor is not None and anchor.lo is not None else ref
        if base is None:
            return None
        return shifted(e, base, n, unit, granularity, anchored=anchor is None)

    return resolve


def ago_resolver(n: int, unit: str) -> Resolver:
    """"A year ago" reports a quarter a year back when the story is about a quarter."""

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if unit != "year" or not about_quarter(anchor, quarter):
            return None
        return shifted(e, quarter.lo, n, unit, "quarter", anchored=True)  # type: ignore[union-attr, arg-type]

    return resolve


def about_quarter(anchor: TemporalExpression | None, quarter: TemporalExpression | None) -> bool:
    """Is the story, at this point, about a quarter? Yes if one was named after the last date, or if
    that date lies inside it ("the quarter ended Sept. 30")."""
    if quarter is None:
        return False
    if anchor is None or anchor.start < quarter.start:
        return True
    return quarter.lo is not None and quarter.hi is not None and anchor.lo is not None and \
        anchor.granularity in ("day", "month") and quarter.lo <= anchor.lo <= quarter.hi


def defer(ctx: Context, span: tuple[int, int], resolver: Resolver) -> None:
    """Place the expression over ``span`` with ``resolver`` once the text before it is known."""
    ctx.deferred[span] = resolver
