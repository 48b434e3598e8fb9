"""Calendar dates and times as written: "May 5, 2025", "the 5th of May", "05/05/2025", "the
1990s", "the 21st century", "the first half of 2025", "FY2024", "nineteen ninety-six", "10 p.m."."""

from __future__ import annotations

import re
from datetime import date

from timeline_app.core import periods
from timeline_app.core.tagger.context import after_a_name, has_cue, words_after, words_before
from timeline_app.core.tagger.discourse import defer, on_story_day, same_weekday
from timeline_app.core.tagger.points import (
    modified_expression,
    point_day,
    point_expression,
    point_weekday,
    read_point,
    story_year,
    tells_a_story,
    with_time_after,
)
from timeline_app.core.tagger.records import DURATION, POINT, RANGE, SET, TIME, Context, Point, TemporalExpression
from timeline_app.core.tagger.registry import handles
from timeline_app.core.tagger.values import (
    BEFORE_ERA,
    clock_value,
    day_point,
    expression,
    period_of,
    spelled_year,
    timex,
)


def _as_named_before(m: re.Match[str], ctx: Context, p: Point, e: TemporalExpression) -> TemporalExpression:
    """A weekday with no tense cue of its own is the same day as that weekday named just before."""
    if p.untensed and p.lo is not None:
        defer(ctx, (e.start, e.end), same_weekday(p.lo.isoweekday()))
    return e


@handles("point")
def point(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """A point form on its own, with the time or the part of the day that follows it."""
    p = read_point(ctx, m.start(), m.end())
    if p is None:
        return None
    if p.through is not None:  # "February this year" is one date; its reader took the year from these words
        return point_expression(m, ctx, p, (m.start(), p.through))
    if p.granularity == "day":  # "May 6, 2025 9:48 AM": the time of that day
        part = ctx.lex.patterns["day_part_after"].match(ctx.text, m.end())
        if part is not None and part["plural"] and p.form == "weekday":  # "Monday mornings": every one
            wd = ctx.lex.weekdays[m.group().lower().rstrip(".")]
            value = f"XXXX-WXX-{wd}T{ctx.lex.day_parts[part['part'].lower()]}"
            return expression((m.start(), part.end()), ctx, "SET", value, "day", SET, None, None)
        if part is not None and not part["plural"]:  # "Tuesday morning": a time of that day
            value = f"{p.value}T{ctx.lex.day_parts[part['part'].lower()]}"
            return _as_named_before(m, ctx, p, expression(
                (m.start(), part.end()), ctx, "TIME", value, "day", POINT, p.lo, p.hi, anchored=p.anchored,
                placed=p.lo is not None))
        if p.form == "weekday" and (listed := _listed_weekday(m, ctx)) is not None:
            return listed
        return _as_named_before(m, ctx, p, with_time_after(m, ctx, p))
    return point_expression(m, ctx, p)


@handles("the_nth_of_month")
def nth_of_month(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    day_text = m["day"]
    day = ctx.lex.ordinals.get(day_text.lower()) or int(re.sub(r"\D", "", day_text) or 0)
    month = ctx.lex.month(m["month"])
    if not day or month is None:
        return None
    p = point_day({"month": str(month), "day": str(day), "year": m["year"]}, ctx, m.start(), m.end(), False)
    return None if p is None else point_expression(m, ctx, p)


@handles("month_then_year")
def month_then_year(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"That January day in 2011": January 2011."""
    month = ctx.lex.month(m["month"])
    if month is None:
        return None
    y = int(m["year"])
    lo, hi = periods.month(y, month)
    return expression(m, ctx, "DATE", f"{y:04d}-{month:02d}", "month", POINT, lo, hi)


@handles("paired_weekday")
def paired_weekday(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Sat" in "Sat-Sun", "wed" in "mon, wed, thur": a weekday by its neighbour."""
    if not (ctx.lex.patterns["weekday_joined_after"].match(ctx.text, m.end())
            or ctx.lex.patterns["weekday_joined_before"].search(ctx.text, max(0, m.start() - 40), m.start())):
        return None  # "she sat", "the sun"
    if (listed := _listed_weekday(m, ctx)) is not None:
        return listed
    p = point_weekday({"weekday": m["weekday"]}, ctx, m.start(), m.end(), False)
    return None if p is None else point_expression(m, ctx, p)


def _listed_weekday(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"wed" in "every mon, wed, thur": every Wednesday too."""
    if not ctx.lex.patterns["weekday_set_before"].search(ctx.text, max(0, m.start() - 60), m.start()):
        return None
    wd = ctx.lex.weekdays[m.group().lower().rstrip(".")]
    return expression(m, ctx, "SET", f"XXXX-WXX-{wd}", "day", SET, None, None)


@handles("listed_day")
def listed_day(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"10" in "May 9, 10 and 16": a day of the month listed before it."""
    listed = ctx.lex.patterns["day_list_before"].search(ctx.text, max(0, m.start() - 80), m.start())
    if listed is None or (month := ctx.lex.month(listed["month"])) is None:
        return None
    after = words_after(ctx, m.end(), 1)
    if after and after[0] in ctx.lex.quantity_followers:
        return None  # "May 9, 10 people died"
    p = point_day({"month": str(month), "day": m["day"], "year": None}, ctx, m.start(), m.end(), False)
    return None if p is None else point_expression(m, ctx, p)


@handles("apostrophe_year")
def apostrophe_year(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"In '89": the year with those last two digits nearest the story's year (the publication
    year's in news), not after the publication date."""
    if not has_cue(ctx, m.start()):
        return None  # a quoted number
    yy = int(m["yy"])
    base = story_year(ctx, m.start()) if tells_a_story(ctx) else None
    base = base or (ctx.ref.year if ctx.ref else None)
    if base is None:
        return None
    options = [c * 100 + yy for c in (base // 100 - 1, base // 100, base // 100 + 1)]
    if ctx.ref is not None:
        options = [y for y in options if y <= ctx.ref.year] or options
    y = min(options, key=lambda y: abs(y - base))
    lo, hi = periods.year(y)
    return expression(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi)


@handles("era_year")
def era_year(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"490 BC": typed with TimeML's value (BC0490), not placed; "April 480 BC" (BC0480-04),
    "autumn of 481 BC" (BC0481-FA); "AD 9": the year 9."""
    if m["bc"]:
        value, granularity = f"{BEFORE_ERA}{int(m['year']):04d}", "year"
        if m["month"] and (month := ctx.lex.month(m["month"])) is not None:
            value, granularity = f"{value}-{month:02d}", "month"
        elif m["season"]:
            value, granularity = f"{value}-{ctx.lex.seasons[m['season'].lower()]}", "season"
        elif m["from"]:  # "499-493 BC": a span, the era written once
            first = f"{BEFORE_ERA}{int(m['from']):04d}"
            if int(m["from"]) <= int(m["year"]):
                return None  # years before the era count down
            timexes = (timex(ctx, m.start("from"), m.end("from"), "DATE", first),
                       timex(ctx, m.start("year"), m.end(), "DATE", value))
            return expression(m, ctx, "DATE", f"{first}/{value}", "year", RANGE, None, None, placed=False,
                              timexes=timexes)
        return expression(m, ctx, "DATE", value, granularity, POINT, None, None, placed=False)
    y = int(m["ad"])
    if y < 1:
        return None
    lo, hi = periods.year(y)
    return expression(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi)


@handles("numeric_date")
def numeric_date(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"05/06/2025", "6.5.2025", "05/06/25": month first unless the settings, the dots or a day over 12 say."""
    a, b, y_text = int(m["a"]), int(m["b"]), m["year"]
    if len(y_text) == 2:
        pivot = (ctx.ref.year if ctx.ref else 2000) % 100 + 10
        y = (2000 if int(y_text) <= pivot else 1900) + int(y_text)
    else:
        y = int(y_text)
    day_first = ctx.settings.day_first or m["sep"] == "."
    if a > 12 and b <= 12:
        day_first = True
    elif b > 12 and a <= 12:
        day_first = False
    month, day = (b, a) if day_first else (a, b)
    return point_expression(m, ctx, day_point(date(y, month, day), False, "numeric"))


@handles("decade_word")
def decade_word(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"The nineties", "the '80s", "the early 2000s": the nearest such decade not in the future."""
    text = m["decade"].lower()
    tens = ctx.lex.decade_words.get(text)
    if tens is None:
        tens = int(text[1])
    ref_year = ctx.ref.year if ctx.ref else 2000
    first = ref_year // 100 * 100 + tens * 10
    if first > ref_year:
        first -= 100
    p = Point(*periods.decade(first), f"{first // 10:03d}", "decade")
    return modified_expression(m, ctx, p, m["mod"])


@handles("century")
def century(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    text = m["ordinal"].lower()
    n = ctx.lex.ordinals.get(text) or int(re.sub(r"\D", "", text) or 0)
    if not 1 <= n <= 22:
        return None
    if m["bc"]:
        return expression(m, ctx, "DATE", f"{BEFORE_ERA}{n - 1:02d}", "century", POINT, None, None, placed=False)
    p = Point(*periods.century(n), f"{n - 1:02d}", "century")
    return modified_expression(m, ctx, p, m["mod"])


@handles("half")
def half(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"The first half of 2025", "the second half of next year"."""
    h = ctx.lex.halves[m["which"].lower()]
    a = m["a"].lower()
    if a[0].isdigit():
        y = int(a)
        anchored = False
    elif ctx.ref is None:
        return expression(m, ctx, "DATE", f"XXXX-H{h}", "half", POINT, None, None, anchored=True, placed=False)
    else:
        y = ctx.ref.year + ctx.lex.relative_shifts[a.split()[0]]
        anchored = True
    lo, hi = periods.half(y, h)
    return expression(m, ctx, "DATE", f"{y:04d}-H{h}", "half", POINT, lo, hi, anchored=anchored)


@handles("fiscal_year")
def fiscal_year(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    y_text = m["year"]
    y = int(y_text) if len(y_text) == 4 else 2000 + int(y_text)
    lo, hi = periods.year(y)
    return expression(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi)


@handles("spelled_year")
def spelled_year_rule(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Nineteen ninety-six", "May two thousand and one", as transcripts write years."""
    y = spelled_year(ctx.lex, m["words"])
    if m["month"]:
        month = ctx.lex.month(m["month"].rstrip("."))
        if month is None:
            return None
        lo, hi = periods.month(y, month)
        return expression(m, ctx, "DATE", f"{y:04d}-{month:02d}", "month", POINT, lo, hi)
    first = m.group().split(None, 1)[0].lower()
    if first not in ctx.lex.definite_articles:  # a bare one may be a count ("two thousand troops")
        after = words_after(ctx, m.end(), 1)
        if after and after[0] in ctx.lex.quantity_followers:
            return None
        last = re.split(r"[\s-]+", m["words"].lower())[-1]
        if last in ctx.lex.year_multipliers and not has_cue(ctx, m.start()):
            return None
    lo, hi = periods.year(y)
    return expression(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi)


@handles("time_then_date")
def time_then_date(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Saturday": a time of the day that follows."""
    hm = ctx.lex.clock_words.get(m["time"].lower()) or clock_value(ctx.lex, m["time"])
    p = read_point(ctx, m.start("a"), m.end("a"))
    if hm is None or p is None or p.granularity != "day":
        return None
    if m["zone"] and m["zone"].lower() in ctx.lex.utc_zones:
        hm += "Z"  # "9:48 GMT"
    return expression(m, ctx, "TIME", f"{p.value}T{hm}", "day", POINT, p.lo, p.hi, anchored=p.anchored,
                      placed=p.lo is not None)


@handles("time_of_day")
def time_of_day(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """A time of day on its own is typed, never placed: it says nothing about which day. "9:30"
    is one as it stands; "10" only with a cue ("at 10", "10 GMT")."""
    text = m["time"]
    hm = clock_value(ctx.lex, text)
    if hm is None:
        return None
    before = words_before(ctx, m.start(), 1)
    has_marker = ctx.lex.patterns["clock_marker"].search(text) is not None or (
        ":" in text and not (before and before[0] in ctx.lex.determiners)  # "the 3:16 verse"
        and not after_a_name(ctx, m.start()))  # "John 3:16"
    after = words_after(ctx, m.end(), 1)
    if not has_marker and not (before and before[0] in ctx.lex.time_cues_before) \
            and not (after and after[0] in ctx.lex.time_zones):
        return None
    if hm.count(":") == 2 and before and before[0] in ctx.lex.elapsed_before:  # "finished in 3:07:35"
        h, mi, s = (int(x) for x in hm.split(":"))
        value = "PT" + "".join(f"{n}{u}" for n, u in ((h, "H"), (mi, "M"), (s, "S")) if n)
        return expression(m, ctx, "DURATION", value, "time", DURATION, None, None, placed=False)
    zone = ctx.text[m.end():m.end() + 5].split()[:1] + m.group().split()[1:]  # the word right after, or in it
    if any(w.lower().strip(".,;)") in ctx.lex.utc_zones for w in zone):
        hm += "Z"  # "14:58 UTC", not "10:35 a.m. (0735 GMT)"
    day = ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX"
    defer(ctx, (m.start(), m.end()), on_story_day(hm, 0))  # on the story's last day, if it told one
    return expression(m, ctx, "TIME", f"{day}T{hm}", "time", TIME, None, None, placed=False)


@handles("week_of")
def week_of(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"The week of March 6": the calendar week holding that day."""
    p = read_point(ctx, m.start("a"), m.end("a"))
    if p is None or p.granularity != "day":
        return None
    if p.lo is None:
        return expression(m, ctx, "DATE", "XXXX-WXX", "week", POINT, None, None, anchored=True, placed=False)
    lo, hi, value = period_of(p.lo, "week")
    return expression(m, ctx, "DATE", value, "week", POINT, lo, hi, anchored=p.anchored)
