"""Durations and shifts: "two years", "the next decade", "over two years", "three days ago",
"two and a half hours", "for years"."""

from __future__ import annotations

import re
from datetime import date

from timeline_app.core import periods
from timeline_app.core.tagger.context import is_amount_before, tense, words_after, words_before
from timeline_app.core.tagger.discourse import ago_resolver, defer, shift_resolver
from timeline_app.core.tagger.lexicon import Unit
from timeline_app.core.tagger.points import relative_point, tells_a_story
from timeline_app.core.tagger.records import DURATION, PAST, POINT, RANGE, SET, TIME, VAGUE, Context, TemporalExpression
from timeline_app.core.tagger.registry import handles
from timeline_app.core.tagger.values import (
    CALENDAR_UNIT,
    SHIFT_UNIT,
    duration_value,
    expression,
    half_value,
    period_of,
    timex,
)


def _count(ctx: Context, text: str | None) -> int | None:
    return 1 if not text else ctx.lex.number(text)


def _length(text: str, count: int | None, unit: Unit) -> str:
    """The TimeML value of ``count`` units, written as ``text`` says: "2.5" hours is PT2.5H."""
    if re.fullmatch(r"\d+\.\d+", text):
        return ("PT" if unit.time else "P") + text + unit.symbol
    return duration_value(count, unit.symbol, unit.factor, unit.time)


def _span_from_ref(ctx: Context, count: int, unit: str, factor: int, sign: int) -> tuple[date, date]:
    ref = ctx.ref
    assert ref is not None
    other = periods.shift(ref, sign * count * factor, SHIFT_UNIT.get(unit, unit))
    return (ref, other) if sign > 0 else (other, ref)


def _article_start(ctx: Context, start: int, end: int) -> int | None:
    """Where the last definite article in ``text[start:end]`` starts, if any ("over the next")."""
    found = None
    for word in re.finditer(r"[^\W\d_]+", ctx.text[start:end]):
        if word.group().lower() in ctx.lex.definite_articles:
            found = start + word.start()
    return found


@handles("anchored_duration")
def anchored_duration(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"The next decade", "the past two weeks", "the following day", "in the coming year"."""
    direction = m["dir"].lower()
    unit = ctx.lex.unit(m["unit"])
    the = _article_start(ctx, m.start(), m.start("dir"))
    count_text = m["count"]
    if not count_text and the is None:
        return None  # "(for) next year" is a relative date, read by the relative_period rule
    sign = ctx.lex.duration_directions[direction]
    if not count_text and not m["prep"] and (unit.name == "day" or direction in ctx.lex.anaphoric_directions):
        # "the next day", "the following week": a date relative to the story's last date
        granularity = CALENDAR_UNIT.get(unit.name, "day")
        defer(ctx, (m.start(), m.end()), shift_resolver(sign * unit.factor, SHIFT_UNIT.get(unit.name, unit.name),
                                                        granularity))
        return expression(m, ctx, "DATE", "XXXX-XX-XX", granularity, POINT, None, None, anchored=True, placed=False)
    # "the coming months": a plural unit with no count is a duration of unknown length
    t_start = m.start("dir") if the is None else the
    if not count_text and m["prep"] and m["prep"].lower() in ctx.lex.period_prepositions \
            and not unit.plural and unit.name in ("week", "month", "quarter", "year"):
        # "in the next year", "during the past month": that calendar period, a date
        shift = ctx.lex.relative_shifts.get(direction)
        if shift is not None:
            p = relative_point(ctx, shift, unit.name)
            if tells_a_story(ctx):  # a history's "during the previous year" counts from its last date
                defer(ctx, (t_start, m.end()), shift_resolver(shift, unit.name, unit.name))
            return expression((t_start, m.end()), ctx, "DATE", p.value, p.granularity, POINT, p.lo, p.hi,
                              anchored=True)
    vague = (bool(count_text) and count_text.lower() in ctx.lex.vague_numbers) or (not count_text and unit.plural)
    count = None if vague else _count(ctx, count_text)
    if count_text and not vague and count is None:
        return None
    value = duration_value(count, unit.symbol, unit.factor, unit.time)
    timexes = (timex(ctx, t_start, m.end(), "DURATION", value),)
    granularity = CALENDAR_UNIT.get(unit.name, "day")
    if count is None or ctx.ref is None or unit.time:
        return expression(m, ctx, "DURATION", value, granularity, DURATION, None, None, anchored=True, placed=False,
                          timexes=timexes)
    lo, hi = _span_from_ref(ctx, count, unit.name, unit.factor, sign)
    return expression(m, ctx, "DURATION", value, granularity, RANGE, lo, hi, anchored=True, placed=True,
                      timexes=timexes)


@handles("over_duration")
def over_duration(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """ "spread over a decade", "within two years": from the reference date, forward unless past."""
    after = words_after(ctx, m.end(), 1)
    if after and after[0] in ctx.lex.duration_followers:
        return None
    unit = ctx.lex.unit(m["unit"])
    count = _count(ctx, m["count"])
    if count is None:
        return None
    value = duration_value(count, unit.symbol, unit.factor, unit.time)
    timexes = (timex(ctx, m.start("count"), m.end(), "DURATION", value),)
    granularity = CALENDAR_UNIT.get(unit.name, "day")
    before = words_before(ctx, m.start(), 1)
    lead = ctx.lex.over_leads[" ".join(ctx.text[m.start():m.start("count")].lower().split())]
    if (before and before[0] in ctx.lex.plain_duration_before) or ctx.ref is None or unit.time:
        mod = lead.get("mod")
        return expression(m, ctx, "DURATION", value, granularity, DURATION, None, None,
                          mod=None if mod is None else str(mod), placed=False, timexes=timexes)
    sign = -1 if tense(ctx, m.start(), m.end()) == PAST and not lead.get("ahead") else 1
    lo, hi = _span_from_ref(ctx, count, unit.name, unit.factor, sign)
    return expression(m, ctx, "DURATION", value, granularity, RANGE, lo, hi, anchored=True, placed=True,
                      timexes=timexes)


@handles("ago")
def ago(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Three years ago" (from the publication date), "two days later" (from the story's last date)."""
    unit = ctx.lex.unit(m["unit"])
    word = ctx.lex.ago_words[" ".join(m["dir"].lower().split())]
    from_reference = bool(word.get("from_reference"))
    count_text = m["count"]
    vague = count_text.lower() in ctx.lex.vague_numbers
    count = None if vague else _count(ctx, count_text)
    if count is None and not vague:
        return None
    sign = int(word["sign"])
    granularity = CALENDAR_UNIT.get(unit.name, "day")
    if unit.name in ("decade", "century"):
        granularity = "year"
    if (unit.time or vague) and not from_reference:
        # "an hour later", "a few days earlier": a stretch of time after or before the story's last
        # event, not a reference to the past or future of the publication date
        value = duration_value(count, unit.symbol, unit.factor, unit.time)
        timexes = (timex(ctx, m.start(), m.end("unit"), "DURATION", value),)
        return expression(m, ctx, "DURATION", value, granularity, DURATION, None, None, placed=False,
                          timexes=timexes)
    if unit.time and ctx.ref is not None and sign < 0 and (vague or (count or 0) * unit.factor < 12):
        # "a few hours ago", "two hours ago": earlier on the day the text is written
        return expression(m, ctx, "DATE", ctx.ref.isoformat(), "day", POINT, ctx.ref, ctx.ref, anchored=True)
    if unit.time:
        return expression(m, ctx, "TIME", "PAST_REF" if sign < 0 else "FUTURE_REF", "time", TIME, None, None,
                          placed=False)
    if vague:
        return expression(m, ctx, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", granularity, VAGUE, None, None,
                          placed=False)
    assert count is not None  # only vague counts are None, and they returned above
    shift_unit = SHIFT_UNIT.get(unit.name, unit.name)
    if from_reference:
        if ctx.ref is None:
            return expression(m, ctx, "DATE", "XXXX", granularity, POINT, None, None, anchored=True, placed=False)
        defer(ctx, (m.start(), m.end()), ago_resolver(sign * count * unit.factor, shift_unit))
        lo, hi, value = period_of(periods.shift(ctx.ref, sign * count * unit.factor, shift_unit), granularity)
        return expression(m, ctx, "DATE", value, granularity, POINT, lo, hi, anchored=True)
    defer(ctx, (m.start(), m.end()), shift_resolver(sign * count * unit.factor, shift_unit, granularity))
    return expression(m, ctx, "DATE", "XXXX", granularity, POINT, None, None, anchored=True, placed=False)


@handles("duration")
def duration(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Two years", "a decade-long", "several months": a length of time, never placed."""
    after = words_after(ctx, m.end(), 1)
    if m["age"] or any(w in ctx.lex.age_words for w in after):
        return None  # an age, not a time ("a 45-year-old man", "he is 45 years old")
    if any(w in ctx.lex.reading_time_words for w in after):
        return None  # "2 min read": how long the page takes to read
    unit = ctx.lex.unit(m["unit"])
    count_text = m["count"]
    if re.fullmatch(r"\d{4}", count_text):
        return None  # "2022 years" is a count the year rule already declined
    count_word = count_text.lower()
    vague = count_word in ctx.lex.vague_numbers or bool(m["plus"])  # "4+ hours": some hours
    decimal = re.fullmatch(r"\d+\.\d+", count_text) is not None
    count = None if vague else 1 if decimal else _count(ctx, count_text)
    if count is None and not vague:
        return None
    if unit.name == "quarter" and not count_text.isdigit() and (
            ctx.text[m.end("count"):m.start("unit")] == "-" or
            any(w in ctx.lex.genitive for w in words_after(ctx, m.end(), 1))):
        return None  # "three-quarters of its food" is a share, not a time
    if count_word in ctx.lex.some_day_counts and unit.name == "day" and m.end() == m.end("unit") and \
            any(w in ctx.lex.one_day_future or w.endswith(tuple(ctx.lex.tense["future_suffixes"]))
                for w in words_before(ctx, m.start(), 2)):
        # "Islam will one day be...": some time in the future, not a day's length
        return expression(m, ctx, "DATE", "FUTURE_REF", "day", VAGUE, None, None, placed=False)
    granularity = CALENDAR_UNIT.get(unit.name, "day")
    if count == 1 and not count_text.isdigit():  # "a year", "one year"
        before = words_before(ctx, m.start(), 1)
        if before and before[0] in ctx.lex.set_before:
            value = duration_value(1, unit.symbol, unit.factor, unit.time)
            return expression(m, ctx, "SET", value, granularity, SET, None, None, placed=False)
        if count_word in ctx.lex.indefinite_articles and is_amount_before(ctx, m.start()):
            return None  # a rate: "$1.76 a year", "24 hours a day", "700 seats a week"
    if vague and count_word in ctx.lex.vague_reference_counts:
        return None  # "recent years" is a vague reference, "the past two weeks" an anchored duration
    mod = "MORE_THAN" if m["more"] and m["more"].strip().lower() in ctx.lex.more_than else None
    value = _length(count_text, count, unit)
    first_span = m.span("lead_count") if m["lead_count"] else None
    if first_span is None and not vague and not count_text[:1].isdigit():  # "two to three weeks"
        lead = ctx.lex.patterns["count_before"].search(ctx.text, max(0, m.start() - 30), m.start())
        first_span = lead.span("lead_count") if lead else None
    if first_span is not None:  # "10-12 hours": two lengths, the first with the unit of the second
        first_text = ctx.text[slice(*first_span)]
        first = 1 if "." in first_text else _count(ctx, first_text)
        if first is not None:
            timexes = (timex(ctx, *first_span, "DURATION", _length(first_text, first, unit)),
                       timex(ctx, m.start("count"), m.end(), "DURATION", value, mod))
            return expression((first_span[0], m.end()), ctx, "DURATION", value, granularity, DURATION,
                              None, None, mod=mod, placed=False, timexes=timexes)
    return expression(m, ctx, "DURATION", value, granularity, DURATION, None, None, mod=mod, placed=False)


@handles("half_duration")
def half_duration(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"Two and a half years" (P2Y6M), "2 1/2 hours" (PT2H30M), "a minute and a half", "half an hour"."""
    count_text = m["count"] or m["count2"]
    count = 0 if m["unit3"] else _count(ctx, count_text or "")
    if count is None or (count_text and "." in count_text):
        return None
    unit = ctx.lex.unit(m["unit"] or m["unit2"] or m["unit3"])
    value = half_value(count, unit.symbol, unit.factor, unit.time)
    return expression(m, ctx, "DURATION", value, CALENDAR_UNIT.get(unit.name, "day"), DURATION, None, None,
                      placed=False)


@handles("bare_plural_duration")
def bare_plural_duration(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
    """"For years", "in months": a duration of unknown length (the preposition is not part of it)."""
    unit = ctx.lex.unit(m["unit"])
    value = duration_value(None, unit.symbol, unit.factor, unit.time)
    return expression((m.start("unit"), m.end("unit")), ctx, "DURATION", value,
                      CALENDAR_UNIT.get(unit.name, "day"), DURATION, None, None, placed=False)
