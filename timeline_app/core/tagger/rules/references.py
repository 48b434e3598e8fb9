"""References to periods the story set up and to no period at all: "the quarter", "the year-ago
period", "that year", "the fiscal year", "year-earlier profit", "recently"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_app.core import periods
from timeline_app.core.tagger.context import is_post, words_after
from timeline_app.core.tagger.discourse import defer
from timeline_app.core.tagger.records import POINT, RANGE, VAGUE, Context, TemporalExpression
from timeline_app.core.tagger.registry import handles
from timeline_app.core.tagger.values import expression, nearest, shifted

#: Granularities of dates that "that day", "that week"... may refer to.
_FINER = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}
_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}


def _period_end(ctx: Context, pos: int) -> date | None:
    """The day in "... ended Sept. 30" right after ``pos``: the one nearest the reference date."""
    m = ctx.lex.patterns["period_end"].match(ctx.text, pos)
    month = ctx.lex.month(m["month"]) if m and ctx.ref is not None else None
    if m is None or month is None or ctx.ref is None:
        return None
    day = int(re.sub(r"\D", "", m["day"]))
    (lo, _), _ = nearest(ctx.ref, lambda y: periods.day(date(y, month, day)), None)
    return lo


@handles("quarter_reference")
def quarter_reference(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"The quarter", "the latest quarter", "the year-earlier period": the quarter the story is about."""
    which = " ".join((m["which"] or m["which2"] or "").lower().split())
    spec = ctx.lex.quarter_reference.get(which, {})
    is_period = m["what"].lower() in ctx.lex.period_words
    if is_period and not m["year"] and (not which or spec.get("vague")):
        return None  # "the period" alone says too little
    back = int(spec.get("back", 0))
    # "the quarter ended July 31", when the story has not named its quarter: the calendar quarter
    # holding most of the three months up to that day (May to July is the second)
    end = _period_end(ctx, m.end()) if back == 0 and not is_period else None
    year = int(m["year"]) if m["year"] else None
    from_reference = bool(spec.get("reference"))

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if year is not None:  # "the 1988 quarter": the story's quarter in 1988; "the 1988 period" else 1988
            if quarter is None or quarter.lo is None:
                return shifted(e, date(year, 1, 1), 0, "month", "year", anchored=False)
            return shifted(e, date(year, quarter.lo.month, 1), 0, "month", "quarter", anchored=False)
        if from_reference and ref is not None:
            return shifted(e, ref, 0, "month", "quarter", anchored=quarter is None)
        if end is not None and quarter is None:
            base = end - timedelta(days=45)
        elif quarter is not None:
            base = quarter.lo  # type: ignore[assignment]
        elif ref is not None:  # the last quarter completed
            base = periods.shift(ref, -1, "quarter")
        else:
            return None
        if back == 0:  # the story's quarter, named (again): "a year ago" that follows goes back to it
            ctx.names_quarter.add((e.start, e.end))
        return shifted(e, base, -3 * back, "month", "quarter", anchored=quarter is None)

    defer(ctx, (m.start(), m.end()), resolve)
    return expression(m, ctx, "DATE", "XXXX-QX", "quarter", POINT, None, None, anchored=True, placed=False)


@handles("anaphoric_period")
def anaphoric_period(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"That year", "later that year", "the same day", "that quarter", "earlier in the year": the
    period of the date the story last gave (its quarter, for "that quarter"); for "earlier in the
    year" with no date before it, the publication date's."""
    unit = ctx.lex.unit(m["unit"]).name
    if unit == "day" and not (m["mod"] or m["same"] or m["same2"]):
        return None  # "that day" alone is as often a figure of speech ("the day will come")

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        source = quarter if unit == "quarter" else anchor
        if source is None or source.lo is None or (unit != "quarter" and source.granularity not in _FINER[unit]):
            if m["in"] and ref is not None:
                return shifted(e, ref, 0, "month", unit, anchored=True)
            return None
        return shifted(e, source.lo, 0, "month", unit, anchored=False)

    defer(ctx, (m.start(), m.end()), resolve)
    return expression(m, ctx, "DATE", _UNKNOWN.get(unit, "XXXX"), unit, POINT, None, None, anchored=True,
                      placed=False)


@handles("year_reference")
def year_reference(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"The fiscal year", "the full year": the publication year ("the latest fiscal year": the one
    before); "the year ended March 31": the twelve months up to that day, a duration in TimeML."""
    end = _period_end(ctx, m.end())
    if end is not None:
        lo = periods.shift(end, -12, "month") + timedelta(days=1)
        return expression(m, ctx, "DURATION", "P1Y", "year", RANGE, lo, end, anchored=True, placed=True)
    which = (m["which"] or "").lower()
    if not which and not m["fiscal"]:
        return None  # "the year" alone is too often something else ("man of the year", "the year before")
    if ctx.ref is None:
        return expression(m, ctx, "DATE", "XXXX", "year", POINT, None, None, anchored=True, placed=False)
    y = ctx.ref.year + ctx.lex.year_reference_shifts.get(which, 0)
    lo, hi = periods.year(y)
    return expression(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi, anchored=True)


@handles("year_ago_adjective")
def year_ago_adjective(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Year-earlier profit": the quarter the story is about, a year before; else the year before."""

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if quarter is not None:
            return shifted(e, quarter.lo, -12, "month", "quarter", anchored=False)  # type: ignore[arg-type]
        if ref is not None:
            return shifted(e, ref, -1, "year", "year", anchored=True)
        return None

    defer(ctx, (m.start(), m.end()), resolve)
    return expression(m, ctx, "DATE", "XXXX", "year", POINT, None, None, anchored=True, placed=False)




@handles("vague")
def vague(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Recently", "in recent years", "the future": typed, never placed."""
    key = re.sub(r"\s+", " ", m["word"].lower())
    value = ctx.lex.vague[key]
    if key in ctx.lex.post_only_vague and not is_post(ctx):
        return None  # "future wars": an adjective, in an article
    if key in ctx.lex.vague_counting_back and (following := words_after(ctx, m.end(), 1)) and \
            (ctx.lex.number(following[0]) is not None or following[0] in ctx.lex.vague_numbers):
        return None  # "the past three summers" counts back; it is not the past in general
    type_ = "DURATION" if re.match(r"P[X\d]", value) else "DATE"  # PXY, not PAST_REF
    start = m.start()
    first = key.split(" ", 1)[0]
    if type_ == "DURATION" and " " in key and first in ctx.lex.vague_prepositions:
        start += len(first)  # TimeML leaves "in" out: "in recent years" is "recent years"
        while ctx.text[start].isspace():
            start += 1
    return expression((start, m.end()), ctx, type_, value, "", VAGUE, None, None, placed=False)


