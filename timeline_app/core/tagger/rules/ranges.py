"""Ranges and bounds: "from 2026 to 2030", "2014-2016", "March 3-5", "by 2030", "since May"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_app.core import periods
from timeline_app.core.tagger.context import date_tense, year_ok
from timeline_app.core.tagger.points import apply_part, narrative_year, point_weekday, read_point, relative_period
from timeline_app.core.tagger.records import BEFORE, RANGE, SINCE, Context, Point, TemporalExpression
from timeline_app.core.tagger.registry import handles
from timeline_app.core.tagger.values import day_point, expression, nearest, timex


@handles("range_dash")
def range_dash(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"14 August-24 August", "March 1980-April 1985"; two bare years are range_year_dash's, with its checks."""
    if re.fullmatch(r"\d+", m["a"]) and re.fullmatch(r"\d+", m["b"]):
        return None
    return range_of_points(m, ctx)


@handles("range_from_to", "range_year_to")
def range_of_points(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    a = read_point(ctx, m.start("a"), m.end("a"), bare_ok=False)
    b = read_point(ctx, m.start("b"), m.end("b"), bare_ok=False)
    if a is None or b is None:
        return None
    if a.form == "weekday" and b.form != "weekday" or a.granularity == "year" and b.granularity != "year":
        return None
    if a.lo is not None and b.lo is not None and b.hi is not None and a.value[:1] != "X":
        a_lo, b_lo, b_hi = a.lo, b.lo, b.hi
        if a.form == "month" and b_lo.year != a_lo.year and b.granularity == "month":
            # "between January and March 2025": the first month takes the second's year
            y = b_lo.year if a_lo.month <= b_lo.month else b_lo.year - 1
            lo, hi = periods.month(y, a_lo.month)
            a = Point(lo, hi, f"{y:04d}-{a_lo.month:02d}", "month", False, "month")
            a_lo = lo
        elif a.anchored and not b.anchored and a.granularity == "day" and a_lo.year != b_lo.year:
            # "31 May-1 June 1916": the first day takes the second's year
            y = b_lo.year if (a_lo.month, a_lo.day) <= (b_lo.month, b_lo.day) else b_lo.year - 1
            a_lo = a_lo.replace(year=y)
            a = day_point(a_lo, False, a.form)
        if a_lo > b_hi and a.form == b.form == "weekday":  # one week: "from Monday to Wednesday"
            if ctx.ref is not None and b_lo <= ctx.ref:  # it has passed: from the Monday before
                a_lo = a_lo - timedelta(days=7)
                a = day_point(a_lo, True, "weekday")
            else:  # to come: to the Wednesday after
                b_hi = b_lo + timedelta(days=7)
                b = day_point(b_hi, True, "weekday")
        elif a_lo > b_hi and b.anchored and b.form == "day" and a_lo.year == b_lo.year:
            b_hi = b_lo.replace(year=b_lo.year + 1)  # "from December 20 to January 5"
            b = day_point(b_hi, True, "day")
        if a_lo > b_hi:
            return None
    return range_expression(m, ctx, a, b, (m.start("a"), m.end("a")), (m.start("b"), m.end("b")))


def range_expression(m: re.Match[str], ctx: Context, a: Point, b: Point, a_span: tuple[int, int],
                     b_span: tuple[int, int]) -> TemporalExpression:
    """The range from ``a`` to ``b``: one TIMEX3 for each end, as TimeML annotates it."""
    granularity = a.granularity if periods.rank(a.granularity) >= periods.rank(b.granularity) else b.granularity
    timexes = (timex(ctx, *a_span, "DATE", a.value), timex(ctx, *b_span, "DATE", b.value))
    return expression(m, ctx, "DATE", f"{a.value}/{b.value}", granularity, RANGE, a.lo, b.hi,
                      anchored=a.anchored or b.anchored, placed=a.lo is not None and b.hi is not None,
                      timexes=timexes)


@handles("weekday_range")
def weekday_range(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Sat-Sun", "Mon-Fri": from the one weekday to the next of the other."""
    a = point_weekday({"weekday": m["a"]}, ctx, m.start("a"), m.end("a"), False)
    b = point_weekday({"weekday": m["b"]}, ctx, m.start("b"), m.end("b"), False)
    if a is None or b is None:
        return None
    if a.lo is not None and b.lo is not None and b.lo < a.lo:
        b = day_point(b.lo + timedelta(days=7), True, "weekday")
    return range_expression(m, ctx, a, b, m.span("a"), m.span("b"))


@handles("range_year_dash")
def range_year_dash(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    y1, b_text = int(m["a"]), m["b"]
    y2 = int(b_text) if len(b_text) == 4 else y1 - y1 % 100 + int(b_text)
    if not y1 < y2 <= y1 + 200 or not year_ok(ctx, y1, m.start(), m.end(), cued=True):
        return None
    if "/" in m.group(0) and len(b_text) == 2 and y2 != y1 + 1:
        return None  # "2024/25" is a season or a fiscal year; "1999/12" is not a range
    a = Point(*periods.year(y1), f"{y1:04d}", "year")
    b = Point(*periods.year(y2), f"{y2:04d}", "year")
    return range_expression(m, ctx, a, b, (m.start("a"), m.end("a")), (m.start("b"), m.end("b")))


@handles("range_month_days", "range_days_month")
def range_month_days(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    month = ctx.lex.month(m["month"])
    d1, d2 = (int(re.sub(r"\D", "", x)) for x in (m["d1"], m["d2"]))
    if month is None or d1 >= d2:
        return None
    if m["year"]:
        y = int(m["year"])
    elif (narrative := narrative_year(ctx, m.start())) is not None:
        y = narrative
    elif ctx.ref is None:
        v = f"XXXX-{month:02d}"
        return expression(m, ctx, "DATE", f"{v}-{d1:02d}/{v}-{d2:02d}", "day", RANGE, None, None, anchored=True)
    else:
        _, y = nearest(ctx.ref, lambda y: (date(y, month, d1), date(y, month, d2)),
                       *date_tense(ctx, m.start(), m.end()))
    lo, hi = date(y, month, d1), date(y, month, d2)
    a, b = day_point(lo, not m["year"], "day"), day_point(hi, not m["year"], "day")
    if m.start("d1") < m.start("month"):  # "20-23 June 2023": the month and year go with the second day
        return range_expression(m, ctx, a, b, (m.start("d1"), m.end("d1")), (m.start("d2"), m.end()))
    return range_expression(m, ctx, a, b, (m.start("month"), m.end("d1")), (m.start("d2"), m.end("d2")))


@handles("range_months")
def range_months(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    m1, m2, y = ctx.lex.month(m["a"]), ctx.lex.month(m["b"]), int(m["year"])
    if m1 is None or m2 is None:
        return None
    y1 = y if m1 <= m2 else y - 1
    a = Point(*periods.month(y1, m1), f"{y1:04d}-{m1:02d}", "month")
    b = Point(*periods.month(y, m2), f"{y:04d}-{m2:02d}", "month")
    return range_expression(m, ctx, a, b, (m.start("a"), m.end("a")), (m.start("b"), m.end("year")))


@handles("bounded")
def bounded(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"By 2030", "until the end of March", "since May": an interval open on one side."""
    spec = ctx.lex.bound_cues[re.sub(r"\s+", " ", m["cue"].lower())]
    a_start, a_end = m.start("a"), m.end("a")
    p = read_point(ctx, a_start, a_end, bare_ok=False) or relative_period(ctx, a_start, a_end,
                                                                          allow_the=bool(m["mod"]))
    if p is None:
        return None
    if p.form == "month" and spec.get("bare_month") is False:
        return None
    if p.form == "year" and not year_ok(ctx, int(p.value), a_start, a_end, cued=True):
        return None
    timex_start = a_start
    if m["mod"]:
        parted = apply_part(p, m["mod"], ctx)
        if parted is None:
            return None
        p, _ = parted
        timex_start = m.start("mod")
    kind, mod = str(spec["kind"]), str(spec["mod"])
    timexes = (timex(ctx, timex_start, a_end, "DATE", p.value),)
    if p.lo is None or p.hi is None:
        return expression(m, ctx, "DATE", p.value, p.granularity, kind, None, None, mod=mod, anchored=p.anchored,
                          placed=False, timexes=timexes)
    lo: date | None
    hi: date | None
    if kind == BEFORE:
        lo, hi = None, (p.hi if spec["edge"] == "end" else p.lo - timedelta(days=1))
    elif kind == SINCE:
        lo, hi = p.lo, (ctx.ref if ctx.ref is not None and ctx.ref >= p.lo else None)
    else:
        lo, hi = (p.hi + timedelta(days=1) if spec["edge"] == "end" else p.lo), None
    return expression(m, ctx, "DATE", p.value, p.granularity, kind, lo, hi, mod=mod, anchored=p.anchored,
                      placed=True, timexes=timexes)
