"""Dates relative to the publication date: "this year", "early next month", "yesterday", "last
night", "next Monday", "last December", "Christmas", "this summer", "year-end"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_app.core import periods
from timeline_app.core.tagger.context import (
    after_a_name,
    date_tense,
    is_amount_before,
    is_post,
    previous_word_start,
    tense,
    words_after,
    words_before,
    year_ok,
)
from timeline_app.core.tagger.discourse import defer, on_story_day, shift_resolver
from timeline_app.core.tagger.points import (
    apply_part,
    modified_expression,
    narrative_year,
    point_expression,
    read_point,
    relative_period,
    tells_a_story,
    the_weekend,
    with_time_after,
)
from timeline_app.core.tagger.records import (
    DURATION,
    PAST,
    POINT,
    SET,
    SINCE,
    TIME,
    VAGUE,
    Context,
    Point,
    Resolver,
    TemporalExpression,
)
from timeline_app.core.tagger.registry import handles
from timeline_app.core.tagger.values import (
    CALENDAR_UNIT,
    clock_value,
    day_point,
    duration_value,
    expression,
    holiday_date,
    nearest,
    shifted,
    timex,
    weekday_date,
)


@handles("modified_relative")
def modified_relative(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    p = relative_period(ctx, m.start("a"), m.end("a"), allow_the=True)
    if p is None:
        return None
    _from_the_story(ctx, m, m.start("a"), m.end("a"))
    return modified_expression(m, ctx, p, m["mod"])


def _from_the_story(ctx: Context, m: re.Match[str], start: int, end: int) -> None:
    """In a history, "this year", "the end of the month", "the next year" count from the date the
    story last told, not from the publication date (a quote's "this year" is the story's too)."""
    if not tells_a_story(ctx):
        return
    words = ctx.text[start:end].lower().split()
    unit = ctx.lex.units.get(words[-1])
    n = 0 if words[0] in ctx.lex.definite_articles else ctx.lex.relative_shifts.get(words[0])
    if unit is None or n is None or unit.name not in _STORY_UNITS:
        return
    defer(ctx, (m.start(), m.end()), shift_resolver(n, unit.name, unit.name))


@handles("modified_point")
def modified_point(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    p = read_point(ctx, m.start("a"), m.end("a"), bare_ok=False)
    if p is None or p.form == "weekday" or p.granularity == "day":
        return None
    if p.form == "year" and not year_ok(ctx, int(p.value), m.start("a"), m.end("a"), cued=True):
        return None
    return modified_expression(m, ctx, p, m["mod"])


@handles("relative_period")
def relative_period_rule(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    p = relative_period(ctx, m.start(), m.end(), allow_the=False)
    if p is None:
        return None
    _from_the_story(ctx, m, m.start(), m.end())
    return point_expression(m, ctx, p)


@handles("day_word")
def day_word(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Yesterday", "tomorrow afternoon", "late tonight"."""
    word = " ".join(m["word"].lower().split())
    offset = ctx.lex.day_words[word]
    if word in ctx.lex.generic_day_words:
        before = words_before(ctx, m.start(), 1)
        # "the world of today", "than today"; and in a history "today" is the present, not a day of it
        if (before and before[0] in ctx.lex.today_generic_before) or tells_a_story(ctx):
            return expression(m, ctx, "DATE", "PRESENT_REF", "day", VAGUE, None, None, placed=False)
    part_word = m["part"] or m["part_before"]
    part = ctx.lex.day_parts.get(part_word.lower()) if part_word else None
    part = ctx.lex.day_word_parts.get(word, part)
    if ctx.ref is None:
        value = "XXXX-XX-XX" + (f"T{part}" if part else "")
        return expression(m, ctx, "TIME" if part else "DATE", value, "day", POINT, None, None, anchored=True,
                          placed=False)
    d = ctx.ref + timedelta(days=offset)
    if part:
        return expression(m, ctx, "TIME", f"{d.isoformat()}T{part}", "day", POINT, d, d, anchored=True)
    return with_time_after(m, ctx, day_point(d, True, "day"))


@handles("time_then_day_word")
def time_then_day_word(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"4pm tmr", "6 am tomorrow": a time of that day."""
    hm = clock_value(ctx.lex, m["time"])
    offset = ctx.lex.day_words[" ".join(m["word"].lower().split())]
    if hm is None or m["word"].lower() in ctx.lex.day_word_parts:
        return None
    if ctx.ref is None:
        return expression(m, ctx, "TIME", f"XXXX-XX-XXT{hm}", "day", POINT, None, None, anchored=True, placed=False)
    d = ctx.ref + timedelta(days=offset)
    return expression(m, ctx, "TIME", f"{d.isoformat()}T{hm}", "day", POINT, d, d, anchored=True)


@handles("day_part")
def day_part(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"The morning", "a late night", "midnight": that part of the day the text is written on (of
    no known day in a history: XXXX-XX-XXTNI); "the night of April 18, 1775": of that day."""
    word = m["part"].lower()
    part = ctx.lex.day_parts.get(word) or ctx.lex.clock_words[word]
    if m["a"]:
        p = read_point(ctx, m.start("a"), m.end("a"), bare_ok=False)
        if p is None or p.granularity != "day":
            return None
        return expression(m, ctx, "TIME", f"{p.value}T{part}", "day", POINT, p.lo, p.hi, anchored=p.anchored,
                          placed=p.lo is not None)
    after = words_after(ctx, m.end(), 1)
    before = words_before(ctx, m.start(), 1)
    if (after and after[0] in ctx.lex.day_part_not_before) or (before and before[0] in ctx.lex.day_part_not_after) \
            or is_amount_before(ctx, m.start()):
        return None  # "the morning show", "good night", "$35 a night"
    if m["hour"]:  # "4 in the morning": a clock time
        hour = int(m["hour"]) if m["hour"].isdigit() else ctx.lex.number(m["hour"])
        if hour is None or not 1 <= hour <= 12 or part not in ctx.lex.day_parts.values():
            return None
        part = f"{hour % 12 + (0 if part == ctx.lex.day_parts['morning'] else 12):02d}:00"
    if m["dir"]:  # "the next morning": the day after the story's last one
        n = ctx.lex.duration_directions[m["dir"].lower()]
        defer(ctx, (m.start(), m.end()), on_story_day(part, n))
        return expression(m, ctx, "TIME", f"XXXX-XX-XXT{part}", "day", POINT, None, None, anchored=True,
                          placed=False)
    if ctx.ref is None or tells_a_story(ctx):
        return expression(m, ctx, "TIME", f"XXXX-XX-XXT{part}", "day", TIME, None, None, placed=False)
    defer(ctx, (m.start(), m.end()), on_story_day(part, 0))  # the day the story last told, if any
    return expression(m, ctx, "TIME", f"{ctx.ref.isoformat()}T{part}", "day", TIME, None, None, placed=False)


@handles("bare_unit")
def bare_unit(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """In a short post: "a long day", "crazy week", "hours": a length of time with no count (P1D,
    PXH); "the week": the one written in; "weekends" a set; "weekend" the weekend nearest in the
    clause's tense. (The rule is tried on posts only: in an article such a word heads a longer
    phrase, "the first day of the war".)"""
    word = m["unit"].lower()
    words = words_before(ctx, m.start(), 2)
    after = words_after(ctx, m.end(), 2)
    article = words[0] if words and words[0] in ctx.lex.determiners and words[0] not in ctx.lex.unit_not_after \
        else None
    before = words[1:] if article else words  # "woman of the year": the word before the article tells
    start = previous_word_start(ctx, m.start()) if article else m.start()
    if is_amount_before(ctx, start) or (before and (ctx.lex.number(before[0]) is not None
                                                    or before[0] in ctx.lex.ordinals
                                                    or before[0] in ctx.lex.unit_not_after)):
        return None  # "$5 a day", "two days", "the second day": counts and positions are not lengths
    repeated = after[1:] == [word] or words[1:] == [word]  # "year on year"
    if (after and after[0] in ctx.lex.unit_not_before) or repeated or tells_a_story(ctx) or \
            ctx.lex.patterns["period_end"].match(ctx.text, m.end()):
        # "the first day of the war", "days later": the head of a longer phrase, and a history's
        # "day" is such a head far more often than a length; "the year ended March 31" is read whole
        return None
    if word in ctx.lex.weekend_words:
        return point_expression(m, ctx, the_weekend(ctx, m.start(), m.end()))
    if word.rstrip("s") in ctx.lex.weekend_words:
        return expression(m, ctx, "SET", "XXXX-WE", "week", SET, None, None)
    text = m["unit"]
    if text[:1].isupper() and after_a_name(ctx, m.start()):
        return None  # "Election Day", "Fashion Week": a named day, read by the holiday rule if at all
    unit = ctx.lex.unit(word)
    if unit.abbreviation:
        return None  # "SEC", "Min river": a short form is a unit only after a number
    if article in ctx.lex.definite_articles and not unit.plural and unit.name in _FINER_THAN_YEAR:
        # "for the year", "the week's most active session": the period the story is in
        span = (start, m.end())
        defer(ctx, span, _story_period(unit.name))
        return expression(span, ctx, "DATE", "XXXX", unit.name, POINT, None, None, anchored=True, placed=False)
    value = duration_value(None if unit.plural else 1, unit.symbol, unit.factor, unit.time)
    return expression(m, ctx, "DURATION", value, CALENDAR_UNIT.get(unit.name, "day"), DURATION, None, None)


_FINER_THAN_YEAR = ("day", "week", "month", "year")
#: Calendar units a history's "this year", "the next month" count in.
_STORY_UNITS = ("week", "month", "quarter", "year")


def _story_period(unit: str) -> Resolver:
    """The ``unit`` holding the story's last date (the reference date's, with none told)."""

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if anchor is not None and anchor.lo is not None and periods.rank(anchor.granularity) <= periods.rank(unit):
            return shifted(e, anchor.lo, 0, "day", unit, anchored=False)
        return None if ref is None else shifted(e, ref, 0, "day", unit, anchored=True)

    return resolve


@handles("last_night")
def last_night(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Last night" (the night before), "this morning"."""
    part = ctx.lex.day_parts[m["part"].lower()]
    offset = ctx.lex.relative_shifts[m["word"].lower()]
    if offset < 0 and part != "NI":
        return None  # "last morning" is not said
    if ctx.ref is None:
        return expression(m, ctx, "TIME", f"XXXX-XX-XXT{part}", "day", POINT, None, None, anchored=True,
                          placed=False)
    d = ctx.ref + timedelta(days=offset)
    return expression(m, ctx, "TIME", f"{d.isoformat()}T{part}", "day", POINT, d, d, anchored=True)


@handles("relative_weekday")
def relative_weekday(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Next Monday", "last Friday", "this Wednesday"."""
    wd = ctx.lex.weekdays[m["weekday"].lower().rstrip(".")]
    shift = ctx.lex.relative_shifts[m["dir"].lower()]
    if ctx.ref is None:
        return expression(m, ctx, "DATE", f"XXXX-WXX-{wd}", "day", POINT, None, None, anchored=True, placed=False)
    d = weekday_date(ctx.ref, wd, shift)
    return with_time_after(m, ctx, day_point(d, True, "weekday"))


@handles("relative_month")
def relative_month(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"last December" is the latest December before this month; "next May" the first after it."""
    month = ctx.lex.month(m["month"].rstrip("."))
    if month is None:
        return None
    if ctx.ref is None:
        return expression(m, ctx, "DATE", f"XXXX-{month:02d}", "month", POINT, None, None, anchored=True,
                          placed=False)
    shift = ctx.lex.relative_shifts[m["dir"].lower()]
    y = ctx.ref.year
    if shift < 0 and month >= ctx.ref.month:
        y -= 1
    elif shift > 0 and month <= ctx.ref.month:
        y += 1
    lo, hi = periods.month(y, month)
    return expression(m, ctx, "DATE", f"{y:04d}-{month:02d}", "month", POINT, lo, hi, anchored=True)


@handles("holiday")
def holiday(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Thanksgiving", "last Christmas", "Easter 2024": the day of that holiday."""
    spec = ctx.lex.holidays[re.sub(r"\s+", " ", m["holiday"].lower())]
    shift = ctx.lex.relative_shifts.get((m["dir"] or "").lower())
    start = m.start() if shift is not None else m.start("holiday")
    if m["year"]:
        d = holiday_date(spec, int(m["year"]))
        return expression((start, m.end()), ctx, "DATE", d.isoformat(), "day", POINT, d, d)
    if ctx.ref is None:
        return expression((start, m.end()), ctx, "DATE", "XXXX-XX-XX", "day", POINT, None, None, anchored=True,
                          placed=False)
    ref = ctx.ref
    if shift is not None and shift < 0:
        y = ref.year if holiday_date(spec, ref.year) < ref else ref.year - 1
    elif shift is not None and shift > 0:
        y = ref.year if holiday_date(spec, ref.year) > ref else ref.year + 1
    elif shift == 0:
        y = ref.year
    else:
        _, y = nearest(ref, lambda y: periods.day(holiday_date(spec, y)), *date_tense(ctx, start, m.end()))
    d = holiday_date(spec, y)
    return expression((start, m.end()), ctx, "DATE", d.isoformat(), "day", POINT, d, d, anchored=True)


@handles("season")
def season(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"This summer", "last winter", "the spring of 2024", "early autumn"."""
    word = m["dir"].lower()
    season_word = m["season"].lower()
    code = ctx.lex.seasons[season_word]
    the = word in ctx.lex.definite_articles
    p: Point | None
    if m["year"]:
        y = int(m["year"])
        lo, hi = periods.season(y, code)
        p = Point(lo, hi, f"{y:04d}-{code}", "season")
    elif word in ctx.lex.relative_shifts:
        p = relative_period(ctx, m.start(), m.start("season") + len(season_word), allow_the=False)
        if p is None:
            return None
    else:
        if season_word in ctx.lex.ambiguous_seasons and not the:
            return None
        if the and any(w in ctx.lex.genitive for w in words_after(ctx, m.end(), 1)):
            return None  # "the fall of Kabul", "the spring of discontent": not a season (a year would be read)
        if (narrative := narrative_year(ctx, m.start())) is not None:  # "In 1918 ... in the spring"
            lo, hi = periods.season(narrative, code)
            p = Point(lo, hi, f"{narrative:04d}-{code}", "season", True)
        elif ctx.ref is None:
            p = Point(None, None, f"XXXX-{code}", "season", True)
        else:
            (lo, hi), y = nearest(ctx.ref, lambda y: periods.season(y, code), *date_tense(ctx, m.start(), m.end()))
            p = Point(lo, hi, f"{y:04d}-{code}", "season", True)
    mod = None
    if word in ctx.lex.period_modifiers:  # "early summer"
        parted = apply_part(p, word, ctx)
        if parted:
            p, mod = parted
    start = m.start() if the else m.start("dir")
    return expression(m, ctx, "DATE", p.value, "season", POINT, p.lo, p.hi, mod=mod, anchored=p.anchored,
                      timexes=(timex(ctx, start, m.end(), "DATE", p.value, mod),))


@handles("bare_season")
def bare_season(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"In winter", "during spring": that season of the story's year, else the nearest one; in a
    short post the word alone ("Spring colors")."""
    if m["lead"] is None and not is_post(ctx) and not any(
            w in ctx.lex.season_nouns for w in words_after(ctx, m.end(), 1)):
        return None
    start, end = m.start("season"), m.end("season")
    code = ctx.lex.seasons[m["season"].lower()]
    if (narrative := narrative_year(ctx, start)) is not None:
        lo, hi = periods.season(narrative, code)
        p = Point(lo, hi, f"{narrative:04d}-{code}", "season", True)
    elif ctx.ref is None:
        p = Point(None, None, f"XXXX-{code}", "season", True)
    else:
        (lo, hi), y = nearest(ctx.ref, lambda y: periods.season(y, code), *date_tense(ctx, start, end))
        p = Point(lo, hi, f"{y:04d}-{code}", "season", True)
    return expression((start, end), ctx, "DATE", p.value, "season", POINT, p.lo, p.hi, anchored=True)


@handles("year_end")
def year_end(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Year-end", "year's end": the end of the publication year, or of the year before in a past
    clause ("debt has fallen since year-end")."""
    if ctx.ref is None:
        return expression(m, ctx, "DATE", "XXXX", "year", POINT, None, None, mod="END", anchored=True,
                          placed=False)
    before = words_before(ctx, m.start(), 1)
    since = bool(before) and ctx.lex.bound_cues.get(before[0], {}).get("kind") == SINCE
    past = since or tense(ctx, m.start(), m.end()) == PAST
    y = ctx.ref.year - 1 if past and ctx.ref < date(ctx.ref.year, 12, 31) else ctx.ref.year
    lo, hi = periods.part(periods.year(y), "end")
    return point_expression(m, ctx, Point(lo, hi, f"{y:04d}", "year", True, "year"), mod="END")
