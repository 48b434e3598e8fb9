"""Points: a date read from one of the point forms of the data ("May 5, 2025", "the third
quarter", "Monday"), relative periods ("this year", "last month") and parts of periods ("early
2025", "the end of the month"). Each point form's reader registers itself with ``@reads``."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from timeline_app.core import periods
from timeline_app.core.tagger.context import date_tense, has_cue, tense, tense_cue, words_before, year_ok
from timeline_app.core.tagger.records import FUTURE, PAST, POINT, Context, Point, TemporalExpression
from timeline_app.core.tagger.values import (
    clock_value,
    day_point,
    expression,
    nearest,
    period_of,
    timex,
    weekday_date,
)

#: Reads a point form's groups at ``text[start:end]``; ``bare_ok``: the form stands alone, no cue around it.
Reader = Callable[[dict[str, str | None], Context, int, int, bool], Point | None]

READERS: dict[str, Reader] = {}
#: The value of a relative period when there is no reference date ("next week": XXXX-WXX).
_UNKNOWN = {"week": "XXXX-WXX", "month": "XXXX-XX"}
WEEKEND = "weekend"


def reads(*forms: str) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of these point forms."""

    def register(reader: Reader) -> Reader:
        for form in forms:
            READERS[form] = reader
        return reader

    return register


def read_point(ctx: Context, start: int, end: int, *, bare_ok: bool = True) -> Point | None:
    """Read ``text[start:end]`` with the first point form that matches it whole."""
    sub = ctx.text[start:end]
    for form in ctx.lex.point_forms:
        m = form.regex.fullmatch(sub)
        if m is not None:
            return READERS[form.name](m.groupdict(), ctx, start, end, bare_ok)
    return None


def point_expression(m: re.Match[str], ctx: Context, p: Point, a: tuple[int, int] | None = None,
                     mod: str | None = None) -> TemporalExpression:
    """The expression of a point over the match (or over the span ``a``)."""
    s, e = a if a is not None else (m.start(), m.end())
    return expression((s, e), ctx, "DATE", p.value, p.granularity, POINT, p.lo, p.hi, mod=mod, anchored=p.anchored,
                      timexes=(timex(ctx, s, e, "DATE", p.value, mod),))


@reads("month_day_year", "day_month_year", "iso_date", "month_day", "day_month")
def point_day(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point | None:
    month_text = g["month"] or ""
    month = int(month_text) if month_text.isdigit() else ctx.lex.month(month_text)
    if month is None:
        return None
    day = int(re.sub(r"\D", "", g["day"] or ""))
    if year := g.get("year"):
        return day_point(date(int(year), month, day), False, "day")
    if ctx.ref is not None and (after := _year_after(ctx, end)) is not None:
        return replace(day_point(date(after[0], month, day), True, "day"), through=after[1])
    if (narrative := narrative_year(ctx, start)) is not None:
        return day_point(date(narrative, month, day), True, "day")
    if ctx.ref is None:
        date(2000, month, day)  # still reject "February 30"
        return Point(None, None, f"XXXX-{month:02d}-{day:02d}", "day", True, "day")
    (lo, _), _ = nearest(ctx.ref, lambda y: periods.day(date(y, month, day)), *date_tense(ctx, start, end))
    return day_point(lo, True, "day")


_YEAR = re.compile(r"(?<![\d$£€.,:/-])(1[0-9]{3}|20[0-9]{2})(?![\d%]|[.,]\d)")


def _stated_years(ctx: Context) -> list[tuple[int, int]]:
    """Where the text has four-digit numbers that may be years, and which (each is checked as a
    year only where it counts), with the years before the common era ("490 BC": -490): found once
    per text."""
    if ctx.years is None:
        years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(ctx.text)]
        years += [(m.start(), -int(m["year"])) for m in ctx.lex.patterns["year_before_era"].finditer(ctx.text)]
        ctx.years = sorted(years)
    return ctx.years


def story_year(ctx: Context, pos: int) -> int | None:
    """The year the text is telling about at ``pos``: the last year it stated before, however far
    back; None when there is none."""
    years = _stated_years(ctx)
    i = bisect.bisect_left(years, (pos, -1)) - 1
    last = max(-1, i - 20)  # a few numbers back at most: one of them is the year, or none is
    while i > last:
        at, year = years[i]
        if year_ok(ctx, year, at, at + 4, cued=has_cue(ctx, at)):
            return year
        i -= 1
    return None


#: A text tells a story of its own (history, background) when at least this share of the years it
#: states lie more than a year from its reference date; news mostly states years near it.
NARRATIVE_SHARE = 0.6
#: ... and uses words that date it from its own day ("Monday", "yesterday") less than this often
#: for each year it states.
DEICTIC_SHARE = 0.1
#: ... in its first characters, where news dates itself.
LEAD = 5000


def narrative_year(ctx: Context, start: int) -> int | None:
    """A first guess at the story's own year for a year-less date, in a text that tells a story away
    from its reference date ("In 1940, ... On June 10, ..."): the last year stated before it. The
    date is marked, and the discourse then gives it the year of the last date the tagger found
    before it (:func:`~timeline_app.core.tagger.discourse.in_story`). None to read it from the
    reference date, as news is read ("said on March 18")."""
    if not tells_a_story(ctx) or ctx.ref is None:
        return None
    ctx.narrated.add(start)  # a first guess: the discourse puts it in the story's year
    year = story_year(ctx, start)
    return None if year is None or abs(year - ctx.ref.year) <= 1 else year


def tells_a_story(ctx: Context) -> bool:
    """Does the text tell a story away from its reference date (decided once per text)? An undated
    text does not: its year-less dates stay unresolved (they date the text)."""
    if ctx.ref is None:
        return False
    if ctx.narrative is None:
        ctx.narrative = _tells_a_story(ctx, ctx.ref)
    return ctx.narrative


def _tells_a_story(ctx: Context, ref: date) -> bool:
    """Most years the text states lie away from its reference date, and it seldom dates itself
    from its own day ("said Monday", "last week": news, which a history quotes now and then)."""
    years = _stated_years(ctx)
    far = sum(1 for _, y in years if abs(y - ref.year) > 1)
    if len(years) < 2 or far < NARRATIVE_SHARE * len(years):
        return False
    # news dates itself in its first paragraphs: reading those is enough, and keeps this cheap
    head = min(len(ctx.text), LEAD)
    enough = max(1, math.ceil(DEICTIC_SHARE * sum(1 for at, _ in years if at < head)))
    found = ctx.lex.patterns["deictic"].finditer(ctx.text, 0, head)
    return sum(1 for _ in itertools.islice(found, enough)) < enough


def _year_after(ctx: Context, end: int) -> tuple[int, int] | None:
    """The year that "this year", "last year"... right after a bare month or day puts it in, and
    where those words end."""
    assert ctx.ref is not None
    m = ctx.lex.patterns["year_after"].match(ctx.text, end)
    return (ctx.ref.year + ctx.lex.relative_shifts[m["which"].lower()], m.end()) if m else None


@reads("month_year")
def point_month_year(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point:
    y, m = int(g["year"] or 0), ctx.lex.month(g["month"] or "")
    if m is None:
        raise ValueError(f"not a month: {g['month']!r}")
    lo, hi = periods.month(y, m)
    return Point(lo, hi, f"{y:04d}-{m:02d}", "month", False, "month_year")


@reads("month")
def point_month(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point | None:
    word = (g["month"] or "").rstrip(".")
    m = ctx.lex.month(word)
    if m is None:
        return None
    if bare_ok:
        if word.lower() not in ctx.lex.months:
            return None  # a lone abbreviation ("Jan", "Mar") is too often something else
        if word.lower() in ctx.lex.ambiguous_months and not has_cue(ctx, start):
            return None
    if ctx.ref is not None and (after := _year_after(ctx, end)) is not None:
        y = after[0]
        lo, hi = periods.month(y, m)
        return Point(lo, hi, f"{y:04d}-{m:02d}", "month", True, "month", after[1])
    if (narrative := narrative_year(ctx, start)) is not None:
        lo, hi = periods.month(narrative, m)
        return Point(lo, hi, f"{narrative:04d}-{m:02d}", "month", True, "month")
    if ctx.ref is None:
        return Point(None, None, f"XXXX-{m:02d}", "month", True, "month")
    (lo, hi), y = nearest(ctx.ref, lambda y: periods.month(y, m), *date_tense(ctx, start, end))
    return Point(lo, hi, f"{y:04d}-{m:02d}", "month", True, "month")


@reads("year")
def point_year(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point | None:
    y = int(g["year"] or 0)
    if bare_ok and not year_ok(ctx, y, start, end, cued=has_cue(ctx, start) or _framed(ctx, start, end)):
        return None
    lo, hi = periods.year(y)
    return Point(lo, hi, f"{y:04d}", "year", False, "year")


def _framed(ctx: Context, start: int, end: int) -> bool:
    """A year in brackets ("(1789)") or after a definite article ("the 1777 campaign"): a year,
    however early, the way a cue word makes one."""
    if ctx.text[max(0, start - 1):start] == "(" and ctx.text[end:end + 1] == ")":
        return True
    before = words_before(ctx, start, 1)
    return bool(before) and before[0] in ctx.lex.definite_articles


@reads("decade")
def point_decade(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point | None:
    y = int(g["decade"] or 0)
    if y % 10:
        return None
    lo, hi = periods.decade(y)
    return Point(lo, hi, f"{y // 10:03d}", "decade", False, "decade")


@reads("season_year")
def point_season(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point:
    code = ctx.lex.seasons[(g["season"] or "").lower()]
    y = int(g["year"] or 0)
    lo, hi = periods.season(y, code)
    return Point(lo, hi, f"{y:04d}-{code}", "season", False, "season")


@reads("quarter", "quarter_code")
def point_quarter(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point | None:
    word = (g["quarter"] or "").lower()
    q = int(word[-1]) if word[-1:].isdigit() and not word[:1].isdigit() else ctx.lex.quarter_numbers.get(word)
    if q is None:
        return None
    if g.get("year") or g.get("qyear"):
        y = int(g.get("year") or g.get("qyear") or 0)
        lo, hi = periods.quarter(y, q)
        return Point(lo, hi, f"{y:04d}-Q{q}", "quarter", False, "quarter")
    shift = -1 if g.get("qago") else ctx.lex.relative_shifts.get((g.get("qrel") or "").lower())
    if shift is not None:  # "this year's third quarter", "the year-ago quarter"
        if ctx.ref is None:
            return Point(None, None, f"XXXX-Q{q}", "quarter", True, "quarter")
        lo, hi = periods.quarter(ctx.ref.year + shift, q)
        return Point(lo, hi, f"{ctx.ref.year + shift:04d}-Q{q}", "quarter", True, "quarter")
    if ctx.ref is None:
        return Point(None, None, f"XXXX-Q{q}", "quarter", True, "quarter")
    (lo, hi), y = nearest(ctx.ref, lambda y: periods.quarter(y, q), *tense_cue(ctx, start, end))
    return Point(lo, hi, f"{y:04d}-Q{q}", "quarter", True, "quarter")


@reads("weekday")
def point_weekday(g: dict[str, str | None], ctx: Context, start: int, end: int, bare_ok: bool) -> Point | None:
    word = g["weekday"] or ""
    wd = ctx.lex.weekdays[word.lower().rstrip(".")]
    rest = ctx.text[end:end + 20].lstrip()
    if any(rest.startswith(f) for f in ctx.lex.weekday_name_followers):
        return None
    if ctx.ref is None:
        return Point(None, None, f"XXXX-WXX-{wd}", "day", True, "weekday")
    possessive = ctx.text.startswith(ctx.lex.possessive_endings, end)  # "Wednesday's ruling" has happened
    cue = tense(ctx, start, end)
    d = weekday_date(ctx.ref, wd, None, PAST if possessive else cue)
    return replace(day_point(d, True, "weekday"), untensed=cue is None)


def with_time_after(m: re.Match[str], ctx: Context, p: Point) -> TemporalExpression:
    """A day's expression, with the time of that day that follows it ("May 6, 2025 9:48 AM",
    "this Sat, 430pm")."""
    if p.granularity == "day":
        clock = ctx.lex.patterns["time_after"].match(ctx.text, m.end())
        hm = clock_value(ctx.lex, clock["time"]) if clock else None
        if clock and hm:
            return expression((m.start(), clock.end()), ctx, "TIME", f"{p.value}T{hm}", "day", POINT, p.lo, p.hi,
                              anchored=p.anchored, placed=p.lo is not None)
    return point_expression(m, ctx, p)


def relative_period(ctx: Context, start: int, end: int, *, allow_the: bool) -> Point | None:
    """ "This year", "last month", "next week" (and "the year" under a modifier, when ``allow_the``)."""
    words = re.split(r"[\s'’]+", ctx.text[start:end].lower())  # "l'année dernière": l, année, dernière
    word, unit_word = words[0], words[-1]
    if len(words) > 2 and words[-1] in ctx.lex.relative_shifts:  # "la semaine dernière": the shift after
        word, unit_word = words[-1], words[-2]
    elif len(words) > 2 and word in ctx.lex.definite_articles and words[1] in ctx.lex.relative_shifts:
        word = words[1]  # "el próximo año": the shift after an article
    unit_word = next((" ".join(words[-k:]) for k in (3, 2) if " ".join(words[-k:]) in ctx.lex.weekend_words),
                     unit_word)  # "este fin de semana"
    if unit_word in ctx.lex.weekend_words:
        unit = WEEKEND
    elif unit_word in ctx.lex.seasons:
        unit = unit_word
    elif unit_word in ctx.lex.units:
        unit = ctx.lex.unit(unit_word).name
    else:
        return None
    if word in ctx.lex.definite_articles or (allow_the and len(words) == 1):  # "principios de año": the year
        if unit == WEEKEND:  # "over the weekend" has passed; "ahead of the weekend" is to come
            return the_weekend(ctx, start, end)
        if not allow_the:
            return None
        return relative_point(ctx, 0, unit)
    n = ctx.lex.relative_shifts.get(word)
    return None if n is None else relative_point(ctx, n, unit)


def the_weekend(ctx: Context, start: int, end: int) -> Point:
    """Written on a Saturday or a Sunday, the weekend under way; else "over the weekend" has passed,
    "ahead of the weekend" is to come, and with no cue news means the last one and a post the next
    ("long weekend ahead")."""
    if ctx.ref is None:
        return Point(None, None, "XXXX-WXX-WE", "week", True, "relative")
    ref = ctx.ref
    before = words_before(ctx, start, 1)
    if ref.weekday() >= 5:
        saturday = ref - timedelta(days=ref.weekday() - 5)
    elif date_tense(ctx, start, end)[0] == FUTURE or (before and before[0] in ctx.lex.weekend_ahead_before):
        saturday = ref + timedelta(days=(5 - ref.weekday()) % 7)
    else:
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
    return _weekend(saturday)


def _weekend(saturday: date) -> Point:
    y, w, _ = saturday.isocalendar()
    return Point(saturday, saturday + timedelta(days=1), f"{y:04d}-W{w:02d}-WE", "week", True, "relative")


def relative_point(ctx: Context, n: int, unit: str) -> Point:
    """The period ``unit`` (a granularity, a season word or the weekend) ``n`` periods from the reference."""
    if ctx.ref is None:
        if unit in ctx.lex.seasons:
            return Point(None, None, f"XXXX-{ctx.lex.seasons[unit]}", "season", True, "relative")
        if unit == WEEKEND:
            return Point(None, None, "XXXX-WXX-WE", "week", True, "relative")
        return Point(None, None, _UNKNOWN.get(unit, "XXXX"), unit, True, "relative")
    ref = ctx.ref
    if unit in ctx.lex.seasons:
        code = ctx.lex.seasons[unit]
        this_year = ref.year - 1 if code == "WI" and ref.month <= 2 else ref.year
        y = this_year + n
        if n < 0 and periods.season(this_year, code)[1] < ref:
            y = this_year  # "last summer" in November is this year's
        lo, hi = periods.season(y, code)
        return Point(lo, hi, f"{y:04d}-{code}", "season", True, "relative")
    if unit == WEEKEND:
        return _weekend(periods.week(periods.shift(ref, n, "week"))[0] + timedelta(days=5))
    d = periods.shift(ref, n, unit)
    lo, hi, value = period_of(d, unit)
    return Point(lo, hi, value, unit, True, "relative")


def apply_part(p: Point, mod_words: str, ctx: Context) -> tuple[Point, str | None] | None:
    """"early 2025", "the end of the month", "earlier this year": a part of a period."""
    key = re.sub(r"\s+", " ", mod_words.strip().lower()).rstrip("-")
    modifiers = ctx.lex.period_modifiers
    if p.lo is None or p.hi is None:
        spec = modifiers.get(key)
        return (p, str(spec["mod"])) if spec else None
    if key in ctx.lex.relative_modifiers:
        spec = modifiers[ctx.lex.relative_modifiers[key]]
        ref = ctx.ref
        if ref is None or not p.lo <= ref <= p.hi:
            lo, hi = periods.part((p.lo, p.hi), str(spec["part"]))
            return replace(p, lo=lo, hi=hi), str(spec["mod"])
        if spec["part"] == "start":  # "earlier this year": from its start to the reference date
            return replace(p, hi=ref), "START"
        return replace(p, lo=ref), "END"
    spec = modifiers.get(key)
    if spec is None:
        return None
    part = str(spec["part"])
    lo, hi = periods.part((p.lo, p.hi), part)
    if part in ("half1", "half2") and p.granularity == "year":
        n = int(part[-1])
        lo, hi = periods.half(p.lo.year, n)
        return replace(p, lo=lo, hi=hi, value=f"{p.value}-H{n}", granularity="half"), None
    return replace(p, lo=lo, hi=hi), str(spec["mod"])


def modified_expression(m: re.Match[str], ctx: Context, p: Point, mod_words: str | None) -> TemporalExpression | None:
    """The expression of a point under an optional "early", "mid-", "the end of"... modifier."""
    mod = None
    if mod_words:
        parted = apply_part(p, mod_words.strip("- "), ctx)
        if parted is None:
            return None
        p, mod = parted
    return point_expression(m, ctx, p, mod=mod)
