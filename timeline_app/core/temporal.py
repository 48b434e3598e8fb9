"""Find temporal expressions in running text and place them on the calendar.

The finding is rule-based: the patterns in ``resources/en/tagger.toml`` propose candidate spans,
the longest candidate wins where they overlap, and a handler per rule normalizes its match against
the reference (publication) date. Each result carries both the TimeML reading (type and value of
each TIMEX3 inside it) and the calendar interval the timeline needs.

>>> from datetime import date
>>> [(e.text, e.value, str(e.lo), str(e.hi)) for e in tag("From 2026 to 2030, and by May 5.", date(2025, 5, 6))]
[('From 2026 to 2030', '2026/2030', '2026-01-01', '2030-12-31'), ('by May 5', '2025-05-05', 'None', '2025-05-05')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from timeline_app.core import periods
from timeline_app.core.budget import check
from timeline_app.core.casefold import lower_keeping_offsets
from timeline_app.core.lexicon import Lexicon, lexicon
from timeline_app.core.settings import Settings

# Expression kinds: where an expression sits on the timeline.
POINT, RANGE, BEFORE, SINCE, AFTER = "point", "range", "before", "since", "after"
DURATION, SET, VAGUE, TIME = "duration", "set", "vague", "time"


@dataclass(frozen=True, slots=True)
class Timex:
    """One TimeML TIMEX3: span into the text, type (DATE, TIME, DURATION, SET), value, modifier."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A temporal expression with its cue words ("by 2030", "from 2026 to 2030") and its interval.

    ``lo``/``hi`` bound the interval on the calendar (``None`` for an open side or when the
    expression cannot be placed); ``placed`` says whether it belongs on the timeline.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str
    kind: str
    lo: date | None
    hi: date | None
    mod: str | None = None
    anchored: bool = False
    placed: bool = False
    timexes: tuple[Timex, ...] = ()
    rule: str = ""

    @property
    def unresolved(self) -> bool:
        """Relative to a publication date that is not known, so it has no place yet."""
        return "X" in self.value and self.type in ("DATE", "TIME") and self.kind != VAGUE


@dataclass(frozen=True)
class _Point:
    """A date read from a point form, before any cue or modifier is applied."""

    lo: date | None
    hi: date | None
    value: str
    granularity: str
    anchored: bool = False
    form: str = ""
    #: where the words it was read from end, when the reader took some after the form ("February this year")
    through: int | None = None


#: Places an expression from the last date and the last quarter the text mentioned before it (or None).
Resolver = Callable[["TemporalExpression", "TemporalExpression | None", "TemporalExpression | None", "date | None"],
                    "TemporalExpression | None"]


@dataclass
class _Context:
    text: str
    ref: date | None
    lex: Lexicon
    settings: Settings
    #: expressions placed from the story's own last dates, resolved in text order after the finding
    deferred: dict[tuple[int, int], Resolver] = field(default_factory=dict)
    #: deferred expressions that, once placed, name the story's quarter ("the quarter ended July 31")
    names_quarter: set[tuple[int, int]] = field(default_factory=set)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def tag(text: str, reference: date | None = None, settings: Settings | None = None) -> list[TemporalExpression]:
    """All temporal expressions of ``text``, in order, anchored on ``reference`` when given.

    Without a reference date, relative expressions ("Monday", "this year") are still found but
    stay unresolved (``XXXX`` values, no interval), so nothing is silently anchored on today.
    """
    settings = settings or Settings()
    ctx = _Context(text, reference, lexicon(settings.language), settings)
    candidates: list[tuple[int, int, int, TemporalExpression]] = []
    lowered = lower_keeping_offsets(text)
    segments = _segments(text, lowered, ctx.lex)
    stretches = [lowered[start:end] for start, end in segments]
    # the stretches are all a rule can see: look for its words there, not in the whole text
    near = "\x00".join(stretches) if sum(end - start for start, end in segments) < len(text) else lowered
    for rule in ctx.lex.rules:
        check()
        spans = segments
        if rule.requires:  # only the stretches that hold one of the rule's words
            words = [word for word in rule.requires if word in near]
            if not words:
                continue
            spans = [span for span, low in zip(segments, stretches) if any(word in low for word in words)]
        handler = _HANDLERS[rule.name]
        matches = (m for start, end in spans for m in rule.regex.finditer(text, start, end))
        for n, m in enumerate(matches, 1):
            if n & 255 == 0:
                check()
            try:
                expr = handler(m, ctx)
            except (ValueError, OverflowError, KeyError):
                expr = None  # an impossible date such as "February 30, 2025" is not a date
            if expr is not None:
                candidates.append((-(expr.end - expr.start), rule.priority, expr.start, replace(expr, rule=rule.name)))
    candidates.sort(key=lambda c: c[:3])
    # Longest first; a candidate overlapping one already taken loses. The taken spans never overlap,
    # so their starts and ends, kept sorted, find a clash in log time (a page of thousands of dates).
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[TemporalExpression] = []
    for _, _, _, expr in candidates:
        i = bisect.bisect_left(starts, expr.end)  # taken spans starting before this one ends
        if i and ends[i - 1] > expr.start:
            continue
        starts.insert(i, expr.start)
        ends.insert(i, expr.end)
        chosen.append(expr)
    chosen.sort(key=lambda e: e.start)
    return _resolve_discourse(chosen, ctx)


# Digits anchor rules, except amounts: "$3.5 million", "12%", "C$25" hold no date (a date beside
# them has digits of its own).
_DIGITS = re.compile(r"(?<![$£€\d.,])\d++(?:[.,]\d+)*+(?!\s*(?:%|percent\b|million\b|billion\b|cents\b))")
#: How far around an anchor word an expression may reach ("no later than the end of ... 2030").
_REACH = 48


def _segments(text: str, low: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Stretches of text near anchor words (digits, months, units...): the only places rules can match.

    Running the patterns on these alone, instead of the whole text, is what makes tagging fast.
    ``low`` is ``text`` lower-cased with its offsets kept.
    """
    hits = [(m.start(), m.end()) for m in _DIGITS.finditer(text)]
    for word in lex.anchors:  # str.find runs in C; far faster than a word-by-word scan in Python
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not low[i - 1].isalpha()) and (j == len(low) or not low[j].isalpha()):
                hits.append((i, j))
            i = low.find(word, j)
    hits.sort()
    out: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - _REACH), min(len(text), hit_end + _REACH)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _resolve_discourse(exprs: list[TemporalExpression], ctx: _Context) -> list[TemporalExpression]:
    """Place "a year earlier", "the next day" and "the quarter" on what the text mentioned before them."""
    out: list[TemporalExpression] = []
    anchor: TemporalExpression | None = None
    quarter: TemporalExpression | None = None
    for e in exprs:
        resolver = ctx.deferred.get((e.start, e.end))
        if resolver is not None:
            try:
                e = resolver(e, anchor, quarter, ctx.ref) or e
            except (ValueError, OverflowError, KeyError):
                pass  # beyond the calendar ("the following week" of 9999-12-25): it stays unresolved
            if (e.start, e.end) in ctx.names_quarter and e.placed:
                quarter = e
        elif e.placed and e.kind == POINT and e.lo is not None:  # only dates the text states anchor others
            if e.granularity in ("day", "month", "year"):
                anchor = e
            elif e.granularity == "quarter" and (ctx.ref is None or e.hi is None or e.hi < ctx.ref):
                quarter = e  # a quarter not yet over is a forecast, not the one the story reports
        elif e.type == "DURATION" and e.value in ("P6M", "P9M") and quarter is not None:
            anchor = e  # "for the nine months": what follows compares the year so far, not the quarter
        out.append(e)
    return out


def _shift_resolver(n: int, unit: str, granularity: str) -> Resolver:
    """For "two days later", "a year earlier": from the last date mentioned, else the reference date.

    After a quarter ("third-quarter profit ... a year earlier") a year's shift keeps the quarter.
    """

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if unit in ("year", "decade") and _about_quarter(anchor, quarter):
            return _shifted(e, quarter.lo, n, unit, "quarter", anchored=False)  # type: ignore[union-attr, arg-type]
        base = anchor.lo if anchor is not None and anchor.lo is not None else ref
        if base is None:
            return None
        return _shifted(e, base, n, unit, granularity, anchored=anchor is None)

    return resolve


def _ago_resolver(n: int, unit: str) -> Resolver:
    """"A year ago" reports a quarter a year back when the story is about a quarter."""

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if unit != "year" or not _about_quarter(anchor, quarter):
            return None
        return _shifted(e, quarter.lo, n, unit, "quarter", anchored=True)  # type: ignore[union-attr, arg-type]

    return resolve


def _about_quarter(anchor: TemporalExpression | None, quarter: TemporalExpression | None) -> bool:
    """Is the story, at this point, about a quarter? Yes if one was named after the last date, or if
    that date lies inside it ("the quarter ended Sept. 30")."""
    if quarter is None:
        return False
    if anchor is None or anchor.start < quarter.start:
        return True
    return quarter.lo is not None and quarter.hi is not None and anchor.lo is not None and \
        anchor.granularity in ("day", "month") and quarter.lo <= anchor.lo <= quarter.hi


def _shifted(e: TemporalExpression, base: date, n: int, unit: str, granularity: str,
             anchored: bool) -> TemporalExpression:
    moved = periods.shift(base, n, unit)
    lo, hi, value = _period_of(moved, granularity)
    return replace(e, lo=lo, hi=hi, value=value, placed=True, anchored=anchored,
                   timexes=tuple(replace(t, value=value) for t in e.timexes))


def _period_of(d: date, granularity: str) -> tuple[date, date, str]:
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


# ---------------------------------------------------------------------------------------------
# Context helpers


def _ends_sentence(ctx: _Context, text: str, m: re.Match[str]) -> bool:
    """Does this "." (or "!", "?", blank line) end a sentence, not an abbreviation ("a.m.", "Gen.")?"""
    if text[m.start()] != ".":
        return True
    word = _LAST_TOKEN.search(text, 0, m.start())
    if word is None:
        return True
    token = word.group(0).lower()
    return not (len(token) == 1 or token in ctx.lex.abbreviations)


_LAST_TOKEN = re.compile(r"[A-Za-z.]+$")


def _words_before(ctx: _Context, pos: int, n: int = 3) -> list[str]:
    """Up to ``n`` lower-cased words before ``pos`` within the same sentence, nearest first."""
    left = ctx.text[max(0, pos - 80):pos]
    cut = max((m.end() for m in _SENTENCE_END.finditer(left) if _ends_sentence(ctx, left, m)), default=0)
    return [w.lower() for w in _WORD.findall(left[cut:])][::-1][:n]


def _words_after(ctx: _Context, pos: int, n: int = 3) -> list[str]:
    right = ctx.text[pos:pos + 80]
    m = next((m for m in _SENTENCE_END.finditer(right) if _ends_sentence(ctx, right, m)), None)
    return [w.lower() for w in _WORD.findall(right[: m.start() + 1 if m else None])][:n]


def _tense(ctx: _Context, start: int, end: int) -> str | None:
    """``past``, ``future`` or ``None``: the tense of the clause around a date, from cue words."""
    return _tense_cue(ctx, start, end)[0]


def _tense_cue(ctx: _Context, start: int, end: int) -> tuple[str | None, bool]:
    """The tense of the clause around a date, and whether the cue is strong: a verb next to the date
    ("began in February", "would be paid in January"), not a word further off or one that looks
    ahead of its verb ("extended to Nov. 20")."""
    lex = ctx.lex

    def judge(word: str, prev: list[str], following: list[str]) -> str | None:
        """The tense ``word`` tells; ``prev`` are the words before it, ``following`` after it, nearest first."""
        for rest, tense in lex.tense_phrases.get(word, ()):  # "next to", "due to its", "set to"
            if len(following) >= len(rest) and all(
                    f in lex.determiners if w == "DET" else f == w for w, f in zip(rest, following)):
                return tense
        after_determiner = bool(prev) and (prev[0] in lex.determiners or (
            len(prev) > 1 and prev[1] in lex.determiners and (prev[0].endswith("ly") or prev[0] == "still")))
        if after_determiner:  # "the plan", "a still unspecified date": a noun or an adjective
            return "future" if word in lex.future_adjectives else None
        if word in lex.future_markers or word.endswith("'ll"):
            return "future"
        if word in lex.past_markers or (word.endswith("ed") and len(word) > 4 and word not in lex.not_past_ed):
            return "past"
        return None

    # The nearest marker before the date decides; a participle after a future auxiliary ("will be
    # held", "would still be held", "expect it to be completed") is future, after a perfect one
    # ("had been scheduled") past. A cue is strong when it is near and no "to" stands between it and
    # the date: "extended to Nov. 20" and "set to expire Nov. 6" look ahead of their verb.
    def after_cue() -> tuple[str, int] | None:
        """The first cue after the date, and how many words away."""
        after = _words_after(ctx, end, 6)
        for i, word in enumerate(after):
            if verdict := judge(word, after[i - 1::-1] if i else [], after[i + 1:]):
                return verdict, i
        return None

    before = _words_before(ctx, start, 12)
    if any(tuple(before[:len(p)]) == p for p in lex.future_phrases):
        return "future", True
    if len(before) == 1 and before[0] in lex.future_prepositions and (cue := after_cue()):
        return cue[0], False  # "Until Thursday, they had not called him a suspect": the clause that follows tells
    for i, word in enumerate(before):
        verdict = judge(word, before[i + 1:], before[i - 1::-1] if i else [])
        if verdict is None:
            continue
        strong = i <= 3 and "to" not in before[:i]
        chain = before[i + 1:i + 5]
        if chain and (chain[0] in ("be", "been") or (len(chain) > 1 and chain[1] in ("be", "been"))):
            for aux in chain:
                if aux in ("had", "has", "have", "was", "were"):
                    return "past", strong
                if aux == "to" or aux in lex.future_markers or aux.endswith("'ll"):
                    return "future", strong
        if verdict == "past" and not strong and before[0] in ("until", "through", "till"):
            return "future", False  # "extended loans through January": the end lies ahead of the verb
        return verdict, strong
    if cue := after_cue():
        return cue[0], cue[1] <= 1
    if before and before[0] in lex.future_prepositions:  # "pay down the loan by February"
        return "future", False
    return None, False


def _has_cue(ctx: _Context, pos: int) -> bool:
    before = _words_before(ctx, pos, 3)
    if not before:
        return False
    if before[0] in ctx.lex.date_cues:
        return True
    return len(before) > 1 and f"{before[1]} {before[0]}" in ctx.lex.date_cues


def _nearest(ref: date, make: Callable[[int], periods.Span], tense: str | None,
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
    nearest = min(options, key=lambda o: (periods.distance(o[0], ref), o[1] > ref.year))
    chosen = None
    if tense is None:
        tense = "past"  # with no cue, news reports what has happened ("from $29.75 in March")
    if tense == "past":
        chosen = next((o for o in reversed(options) if o[0][0] <= ref), None)
    elif tense == "future":
        chosen = next((o for o in options if o[0][1] >= ref), None)
    # Tense cues are noisy: a date half a year away in their direction loses to one within two months.
    if chosen is None or (not strong and periods.distance(chosen[0], ref) > 183
                          and periods.distance(nearest[0], ref) <= 62):
        return nearest
    return chosen


def _weekday_date(ref: date, weekday: int, direction: str | None) -> date:
    back = (ref.isoweekday() - weekday) % 7
    ahead = (weekday - ref.isoweekday()) % 7
    if direction == "last":
        return ref - timedelta(days=back or 7)
    if direction == "next":
        return ref + timedelta(days=ahead or 7)
    if direction == "this":
        return periods.week(ref)[0] + timedelta(days=weekday - 1)
    if direction in ("past", None):  # news reports a bare weekday in the past week unless said otherwise
        return ref - timedelta(days=back)
    return ref + timedelta(days=ahead)


def _expr(m: re.Match[str] | tuple[int, int], ctx: _Context, type_: str, value: str, granularity: str,
          kind: str, lo: date | None, hi: date | None, *, mod: str | None = None, anchored: bool = False,
          placed: bool | None = None, timexes: tuple[Timex, ...] | None = None) -> TemporalExpression:
    start, end = (m.start(), m.end()) if isinstance(m, re.Match) else m
    if placed is None:
        placed = (lo is not None or hi is not None) and kind not in (DURATION, SET, VAGUE, TIME)
    if timexes is None:
        timexes = (Timex(start, end, ctx.text[start:end], type_, value, mod),)
    return TemporalExpression(start, end, ctx.text[start:end], type_, value, granularity, kind, lo, hi,
                              mod, anchored, placed, timexes)


def _timex(ctx: _Context, start: int, end: int, type_: str, value: str, mod: str | None = None) -> Timex:
    return Timex(start, end, ctx.text[start:end], type_, value, mod)


# ---------------------------------------------------------------------------------------------
# Points


def _read_point(ctx: _Context, start: int, end: int, *, bare_ok: bool = True) -> _Point | None:
    """Read ``text[start:end]`` with the first point form that matches it whole."""
    sub = ctx.text[start:end]
    for form in ctx.lex.point_forms:
        m = form.regex.fullmatch(sub)
        if m is not None:
            return _POINT_READERS[form.name](m.groupdict(), ctx, start, end, bare_ok)
    return None


def _year_ok(ctx: _Context, y: int, start: int, end: int, cued: bool) -> bool:
    """Is a bare four-digit number a year here? Not a count ("2030 troops") or a name ("Article 2022")."""
    s = ctx.settings
    low, high = (s.cued_year_min, s.cued_year_max) if cued else (s.bare_year_min, s.bare_year_max)
    if not low <= y <= high:
        return False
    before = _words_before(ctx, start, 2)
    if before and (before[0] in ctx.lex.number_prefixes or " ".join(before[1::-1]) in ctx.lex.number_prefixes):
        return False
    if ctx.text[max(0, start - 2):start].strip().endswith(("#", "№")):
        return False
    after = _words_after(ctx, end, 1)
    follows = ctx.text[end:end + 2]
    return not (after and after[0] in ctx.lex.quantity_followers and not follows.startswith((",", ".", ";")))


def _day_point(d: date, anchored: bool, form: str) -> _Point:
    return _Point(d, d, d.isoformat(), "day", anchored, form)


def _point_day(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point | None:
    month_text = g["month"] or ""
    month = int(month_text) if month_text.isdigit() else ctx.lex.month(month_text)
    if month is None:
        return None
    day = int(re.sub(r"\D", "", g["day"] or ""))
    if year := g.get("year"):
        return _day_point(date(int(year), month, day), False, "day")
    if ctx.ref is None:
        date(2000, month, day)  # still reject "February 30"
        return _Point(None, None, f"XXXX-{month:02d}-{day:02d}", "day", True, "day")
    if (after := _year_after(ctx, end)) is not None:
        return replace(_day_point(date(after[0], month, day), True, "day"), through=after[1])
    (lo, _), _ = _nearest(ctx.ref, lambda y: periods.day(date(y, month, day)), *_tense_cue(ctx, start, end))
    return _day_point(lo, True, "day")


def _year_after(ctx: _Context, end: int) -> tuple[int, int] | None:
    """The year that "this year", "last year"... right after a bare month or day puts it in, and
    where those words end."""
    assert ctx.ref is not None
    m = ctx.lex.patterns["year_after"].match(ctx.text, end)
    return (ctx.ref.year + ctx.lex.relative_shifts[m["which"].lower()], m.end()) if m else None


def _point_month_year(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point:
    y, m = int(g["year"] or 0), ctx.lex.month(g["month"] or "")
    if m is None:
        raise ValueError(f"not a month: {g['month']!r}")
    lo, hi = periods.month(y, m)
    return _Point(lo, hi, f"{y:04d}-{m:02d}", "month", False, "month_year")


def _point_month(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point | None:
    word = (g["month"] or "").rstrip(".")
    m = ctx.lex.month(word)
    if m is None:
        return None
    if bare_ok:
        if word.lower() not in ctx.lex.months:
            return None  # a lone abbreviation ("Jan", "Mar") is too often something else
        if word.lower() in ctx.lex.ambiguous_months and not _has_cue(ctx, start):
            return None
    if ctx.ref is None:
        return _Point(None, None, f"XXXX-{m:02d}", "month", True, "month")
    if (after := _year_after(ctx, end)) is not None:
        y = after[0]
        lo, hi = periods.month(y, m)
        return _Point(lo, hi, f"{y:04d}-{m:02d}", "month", True, "month", after[1])
    (lo, hi), y = _nearest(ctx.ref, lambda y: periods.month(y, m), *_tense_cue(ctx, start, end))
    return _Point(lo, hi, f"{y:04d}-{m:02d}", "month", True, "month")


def _point_year(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point | None:
    y = int(g["year"] or 0)
    if bare_ok and not _year_ok(ctx, y, start, end, cued=_has_cue(ctx, start)):
        return None
    lo, hi = periods.year(y)
    return _Point(lo, hi, f"{y:04d}", "year", False, "year")


def _point_decade(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point | None:
    y = int(g["decade"] or 0)
    if y % 10:
        return None
    lo, hi = periods.decade(y)
    return _Point(lo, hi, f"{y // 10:03d}", "decade", False, "decade")


def _point_season(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point:
    code = ctx.lex.seasons[(g["season"] or "").lower()]
    y = int(g["year"] or 0)
    lo, hi = periods.season(y, code)
    return _Point(lo, hi, f"{y:04d}-{code}", "season", False, "season")


def _quarter_number(word: str) -> int | None:
    w = word.lower()
    if w.startswith("q"):
        return int(w[1])
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}.get(w)


def _point_quarter(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point | None:
    q = _quarter_number(g["quarter"] or "")
    if q is None:
        return None
    if g.get("year") or g.get("qyear"):
        y = int(g.get("year") or g.get("qyear") or 0)
        lo, hi = periods.quarter(y, q)
        return _Point(lo, hi, f"{y:04d}-Q{q}", "quarter", False, "quarter")
    shift = -1 if g.get("qago") else {"this": 0, "last": -1, "next": 1}.get((g.get("qrel") or "").lower())
    if shift is not None:  # "this year's third quarter", "the year-ago quarter"
        if ctx.ref is None:
            return _Point(None, None, f"XXXX-Q{q}", "quarter", True, "quarter")
        lo, hi = periods.quarter(ctx.ref.year + shift, q)
        return _Point(lo, hi, f"{ctx.ref.year + shift:04d}-Q{q}", "quarter", True, "quarter")
    if ctx.ref is None:
        return _Point(None, None, f"XXXX-Q{q}", "quarter", True, "quarter")
    (lo, hi), y = _nearest(ctx.ref, lambda y: periods.quarter(y, q), *_tense_cue(ctx, start, end))
    return _Point(lo, hi, f"{y:04d}-Q{q}", "quarter", True, "quarter")


def _point_weekday(g: dict[str, str | None], ctx: _Context, start: int, end: int, bare_ok: bool) -> _Point | None:
    word = g["weekday"] or ""
    wd = ctx.lex.weekdays[word.lower().rstrip(".")]
    rest = ctx.text[end:end + 20].lstrip()
    if any(rest.startswith(f) for f in ctx.lex.weekday_name_followers):
        return None
    if ctx.ref is None:
        return _Point(None, None, f"XXXX-WXX-{wd}", "day", True, "weekday")
    possessive = ctx.text[end:end + 2] in ("'s", "’s")  # "Wednesday's ruling" has happened
    d = _weekday_date(ctx.ref, wd, "past" if possessive else _tense(ctx, start, end))
    return _day_point(d, True, "weekday")


_POINT_READERS: dict[str, Callable[[dict[str, str | None], _Context, int, int, bool], _Point | None]] = {
    "month_day_year": _point_day,
    "day_month_year": _point_day,
    "iso_date": _point_day,
    "month_day": _point_day,
    "day_month": _point_day,
    "month_year": _point_month_year,
    "season_year": _point_season,
    "quarter": _point_quarter,
    "quarter_code": _point_quarter,
    "decade": _point_decade,
    "year": _point_year,
    "month": _point_month,
    "weekday": _point_weekday,
}


def _point_expr(m: re.Match[str], ctx: _Context, p: _Point, a: tuple[int, int] | None = None,
                mod: str | None = None) -> TemporalExpression:
    s, e = a if a is not None else (m.start(), m.end())
    return _expr((s, e), ctx, "DATE", p.value, p.granularity, POINT, p.lo, p.hi, mod=mod, anchored=p.anchored,
                 timexes=(_timex(ctx, s, e, "DATE", p.value, mod),))


# ---------------------------------------------------------------------------------------------
# Relative periods ("this year", "last month", "next week")


def _relative_period(ctx: _Context, start: int, end: int, *, allow_the: bool) -> _Point | None:
    words = ctx.text[start:end].lower().split()
    word, unit = words[0], words[-1]
    if word == "the" and unit == "weekend":  # "over the weekend" has passed; "ahead of the weekend" is to come
        return _the_weekend(ctx, start, end)
    if word == "the":
        if not allow_the:
            return None
        word = "this"
    return _relative_point(ctx, word, unit)


def _the_weekend(ctx: _Context, start: int, end: int) -> _Point:
    if ctx.ref is None:
        return _Point(None, None, "XXXX-WXX-WE", "week", True, "relative")
    ref = ctx.ref
    if _tense(ctx, start, end) == "future" or _words_before(ctx, start, 1) == ["of"]:
        saturday = ref + timedelta(days=(5 - ref.weekday()) % 7)
    else:
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
    y, w, _ = saturday.isocalendar()
    return _Point(saturday, saturday + timedelta(days=1), f"{y:04d}-W{w:02d}-WE", "week", True, "relative")


def _relative_point(ctx: _Context, word: str, unit: str) -> _Point | None:
    """The period ``unit`` (week, month, year, a season...) shifted as ``word`` says (this, next, last)."""
    n = ctx.lex.relative_shifts.get(word)
    if n is None:
        return None
    if ctx.ref is None:
        if unit in ctx.lex.seasons:
            return _Point(None, None, f"XXXX-{ctx.lex.seasons[unit]}", "season", True, "relative")
        if unit == "weekend":
            return _Point(None, None, "XXXX-WXX-WE", "week", True, "relative")
        return _Point(None, None, {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), unit, True, "relative")
    ref = ctx.ref
    if unit in ctx.lex.seasons:
        code = ctx.lex.seasons[unit]
        this_year = ref.year - 1 if code == "WI" and ref.month <= 2 else ref.year
        y = this_year + n
        if n < 0 and periods.season(this_year, code)[1] < ref:
            y = this_year  # "last summer" in November is this year's
        lo, hi = periods.season(y, code)
        return _Point(lo, hi, f"{y:04d}-{code}", "season", True, "relative")
    if unit == "weekend":
        saturday = periods.week(periods.shift(ref, n, "week"))[0] + timedelta(days=5)
        y, w, _ = saturday.isocalendar()
        return _Point(saturday, saturday + timedelta(days=1), f"{y:04d}-W{w:02d}-WE", "week", True, "relative")
    d = periods.shift(ref, n, unit)
    lo, hi, value = _period_of(d, unit)
    return _Point(lo, hi, value, unit, True, "relative")


def _apply_part(p: _Point, mod_words: str, ctx: _Context) -> tuple[_Point, str | None] | None:
    """"early 2025", "the end of the month", "earlier this year": a part of a period."""
    key = re.sub(r"\s+", " ", mod_words.strip().lower()).rstrip("-")
    if p.lo is None or p.hi is None:
        spec = ctx.lex.period_modifiers.get(key) or ctx.lex.period_modifiers.get(key.replace("er", ""))
        return (p, spec["mod"]) if spec else None
    if key in ("earlier", "later"):
        ref = ctx.ref
        if ref is None or not p.lo <= ref <= p.hi:
            spec = ctx.lex.period_modifiers["early" if key == "earlier" else "late"]
            lo, hi = periods.part((p.lo, p.hi), spec["part"])
            return replace(p, lo=lo, hi=hi), spec["mod"]
        if key == "earlier":
            return replace(p, hi=ref), "START"
        return replace(p, lo=ref), "END"
    spec = ctx.lex.period_modifiers.get(key)
    if spec is None:
        return None
    lo, hi = periods.part((p.lo, p.hi), spec["part"])
    if spec["part"] in ("half1", "half2") and p.granularity == "year":
        n = int(spec["part"][-1])
        lo, hi = periods.half(p.lo.year, n)
        return replace(p, lo=lo, hi=hi, value=f"{p.value}-H{n}", granularity="half"), None
    return replace(p, lo=lo, hi=hi), spec["mod"]


def _modified_expr(m: re.Match[str], ctx: _Context, p: _Point, mod_words: str | None) -> TemporalExpression | None:
    """The expression of a point under an optional "early", "mid-", "the end of"... modifier."""
    mod = None
    if mod_words:
        parted = _apply_part(p, mod_words.strip("- "), ctx)
        if parted is None:
            return None
        p, mod = parted
    return _point_expr(m, ctx, p, mod=mod)


# ---------------------------------------------------------------------------------------------
# Rule handlers: each turns a match into an expression, or None when it is not one.


_DAY_PART_AFTER = re.compile(r"[ \t]+(morning|afternoon|evening|night)\b", re.IGNORECASE)


def _h_point(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    p = _read_point(ctx, m.start(), m.end())
    if p is None:
        return None
    if p.granularity == "day":  # "May 6, 2025 9:48 AM": the time of that day
        clock = ctx.lex.patterns["time_after"].match(ctx.text, m.end())
        hm = _time_value(clock["time"]) if clock else None
        if clock and hm:
            return _expr((m.start(), clock.end()), ctx, "TIME", f"{p.value}T{hm}", "day", POINT, p.lo, p.hi,
                         anchored=p.anchored, placed=p.lo is not None)
    part = _DAY_PART_AFTER.match(ctx.text, m.end()) if p.granularity == "day" else None
    if part is not None:  # "Tuesday morning": a time of that day
        code = ctx.lex.day_parts[part.group(1).lower()]
        value = f"{p.value}T{code}"
        return _expr((m.start(), part.end()), ctx, "TIME", value, "day", POINT, p.lo, p.hi, anchored=p.anchored,
                     placed=p.lo is not None)
    if p.through is not None:  # "February this year" is one date; its reader took the year from these words
        return _point_expr(m, ctx, p, (m.start(), p.through))
    return _point_expr(m, ctx, p)


def _h_range(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    a = _read_point(ctx, m.start("a"), m.end("a"), bare_ok=False)
    b = _read_point(ctx, m.start("b"), m.end("b"), bare_ok=False)
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
            a = _Point(lo, hi, f"{y:04d}-{a_lo.month:02d}", "month", False, "month")
            a_lo = lo
        if a_lo > b_hi and a.form == b.form == "weekday":  # one week: "from Monday to Wednesday"
            if ctx.ref is not None and b_lo <= ctx.ref:  # it has passed: from the Monday before
                a_lo = a_lo - timedelta(days=7)
                a = _day_point(a_lo, True, "weekday")
            else:  # to come: to the Wednesday after
                b_hi = b_lo + timedelta(days=7)
                b = _day_point(b_hi, True, "weekday")
        elif a_lo > b_hi and b.anchored and b.form == "day" and a_lo.year == b_lo.year:
            b_hi = b_lo.replace(year=b_lo.year + 1)  # "from December 20 to January 5"
            b = _day_point(b_hi, True, "day")
        if a_lo > b_hi:
            return None
    return _range_expr(m, ctx, a, b, (m.start("a"), m.end("a")), (m.start("b"), m.end("b")))


def _range_expr(m: re.Match[str], ctx: _Context, a: _Point, b: _Point, a_span: tuple[int, int],
                b_span: tuple[int, int]) -> TemporalExpression:
    granularity = a.granularity if periods.rank(a.granularity) >= periods.rank(b.granularity) else b.granularity
    timexes = (_timex(ctx, *a_span, "DATE", a.value), _timex(ctx, *b_span, "DATE", b.value))
    return _expr(m, ctx, "DATE", f"{a.value}/{b.value}", granularity, RANGE, a.lo, b.hi,
                 anchored=a.anchored or b.anchored, placed=a.lo is not None and b.hi is not None, timexes=timexes)


def _h_range_year_dash(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    y1, b_text = int(m["a"]), m["b"]
    y2 = int(b_text) if len(b_text) == 4 else y1 - y1 % 100 + int(b_text)
    if not y1 < y2 <= y1 + 200 or not _year_ok(ctx, y1, m.start(), m.end(), cued=True):
        return None
    if "/" in m.group(0) and len(b_text) == 2 and y2 != y1 + 1:
        return None  # "2024/25" is a season or a fiscal year; "1999/12" is not a range
    a = _Point(*periods.year(y1), f"{y1:04d}", "year")
    b = _Point(*periods.year(y2), f"{y2:04d}", "year")
    return _range_expr(m, ctx, a, b, (m.start("a"), m.end("a")), (m.start("b"), m.end("b")))


def _h_range_month_days(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    month = ctx.lex.month(m["month"])
    d1, d2 = (int(re.sub(r"\D", "", x)) for x in (m["d1"], m["d2"]))
    if month is None or d1 >= d2:
        return None
    if m["year"]:
        y = int(m["year"])
    elif ctx.ref is None:
        v = f"XXXX-{month:02d}"
        return _expr(m, ctx, "DATE", f"{v}-{d1:02d}/{v}-{d2:02d}", "day", RANGE, None, None, anchored=True)
    else:
        _, y = _nearest(ctx.ref, lambda y: (date(y, month, d1), date(y, month, d2)),
                        *_tense_cue(ctx, m.start(), m.end()))
    lo, hi = date(y, month, d1), date(y, month, d2)
    a, b = _day_point(lo, not m["year"], "day"), _day_point(hi, not m["year"], "day")
    if m.start("d1") < m.start("month"):  # "20-23 June 2023": the month and year go with the second day
        return _range_expr(m, ctx, a, b, (m.start("d1"), m.end("d1")), (m.start("d2"), m.end()))
    return _range_expr(m, ctx, a, b, (m.start("month"), m.end("d1")), (m.start("d2"), m.end("d2")))


def _h_range_months(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    m1, m2, y = ctx.lex.month(m["a"]), ctx.lex.month(m["b"]), int(m["year"])
    if m1 is None or m2 is None:
        return None
    y1 = y if m1 <= m2 else y - 1
    a = _Point(*periods.month(y1, m1), f"{y1:04d}-{m1:02d}", "month")
    b = _Point(*periods.month(y, m2), f"{y:04d}-{m2:02d}", "month")
    return _range_expr(m, ctx, a, b, (m.start("a"), m.end("a")), (m.start("b"), m.end("year")))


def _h_bounded(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    cue = re.sub(r"\s+", " ", m["cue"].lower())
    spec = ctx.lex.bound_cues[cue]
    a_start, a_end = m.start("a"), m.end("a")
    p = _read_point(ctx, a_start, a_end, bare_ok=False) or _relative_period(ctx, a_start, a_end,
                                                                             allow_the=bool(m["mod"]))
    if p is None:
        return None
    if p.form == "month" and cue in ("through", "up to"):
        return None
    if p.form == "year" and not _year_ok(ctx, int(p.value), a_start, a_end, cued=True):
        return None
    timex_start = a_start
    if m["mod"]:
        parted = _apply_part(p, m["mod"], ctx)
        if parted is None:
            return None
        p, _ = parted
        timex_start = m.start("mod")
    kind, mod = spec["kind"], spec["mod"]
    timexes = (_timex(ctx, timex_start, a_end, "DATE", p.value),)
    if p.lo is None or p.hi is None:
        return _expr(m, ctx, "DATE", p.value, p.granularity, kind, None, None, mod=mod, anchored=p.anchored,
                     placed=False, timexes=timexes)
    lo: date | None
    hi: date | None
    if kind == BEFORE:
        lo, hi = None, (p.hi if spec["edge"] == "end" else p.lo - timedelta(days=1))
    elif kind == SINCE:
        lo, hi = p.lo, (ctx.ref if ctx.ref is not None and ctx.ref >= p.lo else None)
    else:
        lo, hi = (p.hi + timedelta(days=1) if spec["edge"] == "end" else p.lo), None
    return _expr(m, ctx, "DATE", p.value, p.granularity, kind, lo, hi, mod=mod, anchored=p.anchored,
                 placed=True, timexes=timexes)


def _unit(ctx: _Context, word: str) -> tuple[str, str, int, bool]:
    return ctx.lex.units[word.lower()]


def _duration_value(count: int | None, symbol: str, factor: int, is_time: bool) -> str:
    n = "X" if count is None else str(count * factor)
    if symbol == "DE":
        n, symbol = ("X" if count is None else str(count * 10)), "Y"
    elif symbol == "CE":
        n, symbol = ("X" if count is None else str(count * 100)), "Y"
    elif symbol == "Q":
        n, symbol = ("X" if count is None else str(count * 3)), "M"
    return f"PT{n}{symbol}" if is_time else f"P{n}{symbol}"


def _count(ctx: _Context, text: str | None) -> int | None:
    if not text:
        return 1
    return ctx.lex.number(text)


_CALENDAR_UNIT = {"day": "day", "week": "week", "fortnight": "week", "month": "month", "quarter": "quarter",
                  "year": "year", "decade": "year", "century": "year"}
_SHIFT_UNIT = {"fortnight": "week", "decade": "decade", "century": "century"}


def _span_from_ref(ctx: _Context, count: int, unit: str, factor: int, sign: int) -> tuple[date, date]:
    ref = ctx.ref
    assert ref is not None
    other = periods.shift(ref, sign * count * factor, _SHIFT_UNIT.get(unit, unit))
    return (ref, other) if sign > 0 else (other, ref)


def _h_anchored_duration(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    direction = m["dir"].lower()
    unit_name, symbol, factor, is_time = _unit(ctx, m["unit"])
    has_the = bool(re.search(r"(?i)\bthe\b", ctx.text[m.start():m.start("dir")]))
    count_text = m["count"]
    if not count_text and not has_the:
        return None  # "(for) next year" is a relative date, read by the relative_period rule
    sign = ctx.lex.duration_directions[direction]
    if not count_text and not m["prep"] and (unit_name == "day" or direction in ("following", "previous", "preceding")):
        # "the next day", "the following week": a date relative to the story's last date
        granularity = _CALENDAR_UNIT.get(unit_name, "day")
        ctx.deferred[(m.start(), m.end())] = _shift_resolver(sign * factor, _SHIFT_UNIT.get(unit_name, unit_name),
                                                             granularity)
        return _expr(m, ctx, "DATE", "XXXX-XX-XX", granularity, POINT, None, None, anchored=True, placed=False)
    # "the coming months": a plural unit with no count is a duration of unknown length
    t_start = m.start("dir") if not has_the else m.start() + ctx.text[m.start():m.start("dir")].lower().rfind("the")
    if not count_text and m["prep"] and m["prep"].lower() in ("in", "during", "into", "of") \
            and not m["unit"].lower().endswith("s") and unit_name in ("week", "month", "quarter", "year"):
        # "in the next year", "during the past month": that calendar period, a date
        p = _relative_point(ctx, {"coming": "next", "past": "last", "previous": "last"}.get(direction, direction),
                            unit_name)
        if p is not None:
            return _expr((t_start, m.end()), ctx, "DATE", p.value, p.granularity, POINT, p.lo, p.hi, anchored=True)
    vague = (bool(count_text) and count_text.lower() in ctx.lex.vague_numbers) or (
        not count_text and m["unit"].lower().endswith(("s", "ies")))
    count = None if vague else _count(ctx, count_text)
    if count_text and not vague and count is None:
        return None
    value = _duration_value(count, symbol, factor, is_time)
    timexes = (_timex(ctx, t_start, m.end(), "DURATION", value),)
    if count is None or ctx.ref is None or is_time:
        return _expr(m, ctx, "DURATION", value, _CALENDAR_UNIT.get(unit_name, "day"), DURATION, None, None,
                     anchored=True, placed=False, timexes=timexes)
    lo, hi = _span_from_ref(ctx, count, unit_name, factor, sign)
    return _expr(m, ctx, "DURATION", value, _CALENDAR_UNIT.get(unit_name, "day"), RANGE, lo, hi, anchored=True,
                 placed=True, timexes=timexes)


def _h_over_duration(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """ "spread over a decade", "within two years": from the reference date, forward unless past."""
    after = _words_after(ctx, m.end(), 1)
    if after and after[0] in ("ago", "earlier", "later", "before", "after", "of", "old"):
        return None
    unit_name, symbol, factor, is_time = _unit(ctx, m["unit"])
    count = _count(ctx, m["count"])
    if count is None:
        return None
    value = _duration_value(count, symbol, factor, is_time)
    t_start = m.start("count")
    timexes = (_timex(ctx, t_start, m.end(), "DURATION", value),)
    granularity = _CALENDAR_UNIT.get(unit_name, "day")
    before = _words_before(ctx, m.start(), 1)
    lead = m.group(0).split()[0].lower()
    if (before and before[0] in ("for", "than", "of", "in", "after", "took", "lasted", "spent", "last")) \
            or ctx.ref is None or is_time:
        mod = "MORE_THAN" if lead == "over" else ("LESS_THAN" if lead == "within" else None)
        return _expr(m, ctx, "DURATION", value, granularity, DURATION, None, None, mod=mod, placed=False,
                     timexes=timexes)
    sign = -1 if _tense(ctx, m.start(), m.end()) == "past" and lead != "within" else 1
    lo, hi = _span_from_ref(ctx, count, unit_name, factor, sign)
    return _expr(m, ctx, "DURATION", value, granularity, RANGE, lo, hi, anchored=True, placed=True,
                 timexes=timexes)


def _h_ago(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    unit_name, symbol, factor, is_time = _unit(ctx, m["unit"])
    direction = m["dir"].lower()
    count_text = m["count"]
    vague = count_text.lower() in ctx.lex.vague_numbers
    count = None if vague else _count(ctx, count_text)
    if count is None and not vague:
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "before that") else 1
    granularity = _CALENDAR_UNIT.get(unit_name, "day")
    if unit_name in ("decade", "century"):
        granularity = "year"
    if (is_time or vague) and direction not in ("ago", "from now", "hence"):
        # "an hour later", "a few days earlier": a stretch of time after or before the story's last
        # event, not a reference to the past or future of the publication date
        value = _duration_value(count, symbol, factor, is_time)
        timexes = (_timex(ctx, m.start(), m.end("unit"), "DURATION", value),)
        return _expr(m, ctx, "DURATION", value, granularity, DURATION, None, None, placed=False, timexes=timexes)
    if is_time:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _expr(m, ctx, "TIME", value, "time", TIME, None, None, placed=False)
    if vague:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _expr(m, ctx, "DATE", value, granularity, VAGUE, None, None, placed=False)
    assert count is not None  # only vague counts are None, and they returned above
    shift_unit = _SHIFT_UNIT.get(unit_name, unit_name)
    if direction in ("ago", "from now", "hence"):
        if ctx.ref is None:
            return _expr(m, ctx, "DATE", "XXXX", granularity, POINT, None, None, anchored=True, placed=False)
        ctx.deferred[(m.start(), m.end())] = _ago_resolver(sign * count * factor, shift_unit)
        lo, hi, value = _period_of(periods.shift(ctx.ref, sign * count * factor, shift_unit), granularity)
        return _expr(m, ctx, "DATE", value, granularity, POINT, lo, hi, anchored=True)
    ctx.deferred[(m.start(), m.end())] = _shift_resolver(sign * count * factor, shift_unit, granularity)
    return _expr(m, ctx, "DATE", "XXXX", granularity, POINT, None, None, anchored=True, placed=False)


def _h_modified_relative(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    p = _relative_period(ctx, m.start("a"), m.end("a"), allow_the=True)
    if p is None:
        return None
    return _modified_expr(m, ctx, p, m["mod"])


def _h_modified_point(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    p = _read_point(ctx, m.start("a"), m.end("a"), bare_ok=False)
    if p is None or p.form == "weekday" or p.granularity == "day":
        return None
    if p.form == "year" and not _year_ok(ctx, int(p.value), m.start("a"), m.end("a"), cued=True):
        return None
    return _modified_expr(m, ctx, p, m["mod"])


def _h_relative_period(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    p = _relative_period(ctx, m.start(), m.end(), allow_the=False)
    return None if p is None else _point_expr(m, ctx, p)


def _h_day_word(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    word = " ".join(m["word"].lower().split())
    offset = ctx.lex.day_words[word]
    if word == "today":
        before = _words_before(ctx, m.start(), 1)
        if before and before[0] in ctx.lex.today_generic_before:  # "the world of today", "than today"
            return _expr(m, ctx, "DATE", "PRESENT_REF", "day", VAGUE, None, None, placed=False)
    part_word = m["part"] or m["part_before"]
    part = ctx.lex.day_parts.get(part_word.lower()) if part_word else None
    if word == "tonight":
        part = "NI"
    if ctx.ref is None:
        value = "XXXX-XX-XX" + (f"T{part}" if part else "")
        return _expr(m, ctx, "TIME" if part else "DATE", value, "day", POINT, None, None, anchored=True, placed=False)
    d = ctx.ref + timedelta(days=offset)
    value = d.isoformat() + (f"T{part}" if part else "")
    return _expr(m, ctx, "TIME" if part else "DATE", value, "day", POINT, d, d, anchored=True)


def _h_last_night(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    part = ctx.lex.day_parts[m["part"].lower()]
    offset = -1 if m["word"].lower() == "last" else 0
    if m["word"].lower() == "last" and part != "NI":
        return None
    if ctx.ref is None:
        return _expr(m, ctx, "TIME", f"XXXX-XX-XXT{part}", "day", POINT, None, None, anchored=True, placed=False)
    d = ctx.ref + timedelta(days=offset)
    return _expr(m, ctx, "TIME", f"{d.isoformat()}T{part}", "day", POINT, d, d, anchored=True)


def _h_relative_weekday(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    wd = ctx.lex.weekdays[m["weekday"].lower().rstrip(".")]
    direction = {"coming": "next", "past": "last"}.get(m["dir"].lower(), m["dir"].lower())
    if ctx.ref is None:
        return _expr(m, ctx, "DATE", f"XXXX-WXX-{wd}", "day", POINT, None, None, anchored=True, placed=False)
    d = _weekday_date(ctx.ref, wd, direction)
    return _expr(m, ctx, "DATE", d.isoformat(), "day", POINT, d, d, anchored=True)


def _h_relative_month(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"last December" is the latest December before this month; "next May" the first after it."""
    month = ctx.lex.month(m["month"].rstrip("."))
    if month is None:
        return None
    if ctx.ref is None:
        return _expr(m, ctx, "DATE", f"XXXX-{month:02d}", "month", POINT, None, None, anchored=True, placed=False)
    direction = m["dir"].lower()
    y = ctx.ref.year
    if direction in ("last", "past") and month >= ctx.ref.month:
        y -= 1
    elif direction in ("next", "coming") and month <= ctx.ref.month:
        y += 1
    lo, hi = periods.month(y, month)
    return _expr(m, ctx, "DATE", f"{y:04d}-{month:02d}", "month", POINT, lo, hi, anchored=True)


def holiday_date(spec: str, year: int) -> date:
    """The day a holiday falls on in ``year``, from its rule in the data file.

    >>> holiday_date("11:4:4", 1999), holiday_date("05:-1:1", 2025), holiday_date("easter-2", 2025)
    (datetime.date(1999, 11, 25), datetime.date(2025, 5, 26), datetime.date(2025, 4, 18))
    """
    if spec.startswith("easter"):
        from dateutil.easter import easter  # the Western (Gregorian) date, as dateparser's own dependency computes it

        return easter(year) + timedelta(days=int(spec[len("easter"):] or 0))
    if ":" in spec:
        month, nth, weekday = (int(x) for x in spec.split(":"))
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        last = periods.month(year, month)[1]
        return last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))
    month, day = (int(x) for x in spec.split("-"))
    return date(year, month, day)


def _h_holiday(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"Thanksgiving", "last Christmas", "Easter 2024": the day of that holiday."""
    spec = ctx.lex.holidays[re.sub(r"\s+", " ", m["holiday"].lower())]
    direction = (m["dir"] or "").lower()
    start = m.start() if direction in ("last", "next", "this", "coming") else m.start("holiday")
    if m["year"]:
        d = holiday_date(spec, int(m["year"]))
        return _expr((start, m.end()), ctx, "DATE", d.isoformat(), "day", POINT, d, d)
    if ctx.ref is None:
        return _expr((start, m.end()), ctx, "DATE", "XXXX-XX-XX", "day", POINT, None, None, anchored=True,
                     placed=False)
    ref = ctx.ref
    if direction == "last":
        y = ref.year if holiday_date(spec, ref.year) < ref else ref.year - 1
    elif direction in ("next", "coming"):
        y = ref.year if holiday_date(spec, ref.year) > ref else ref.year + 1
    elif direction == "this":
        y = ref.year
    else:
        _, y = _nearest(ref, lambda y: periods.day(holiday_date(spec, y)), *_tense_cue(ctx, start, m.end()))
    d = holiday_date(spec, y)
    return _expr((start, m.end()), ctx, "DATE", d.isoformat(), "day", POINT, d, d, anchored=True)


def _spelled_year(words: str, numbers: dict[str, int]) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(numbers[w] for w in parts[2:])
    if len(parts) >= 2 and parts[1] == "hundred":
        return numbers[parts[0]] * 100
    return numbers[parts[0]] * 100 + sum(numbers[w] for w in parts[1:])


def _h_spelled_year(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    y = _spelled_year(m["words"], ctx.lex.numbers)
    if m["month"]:
        month = ctx.lex.month(m["month"].rstrip("."))
        if month is None:
            return None
        lo, hi = periods.month(y, month)
        return _expr(m, ctx, "DATE", f"{y:04d}-{month:02d}", "month", POINT, lo, hi)
    if not m.group().lower().startswith("the"):  # a bare one may be a count ("two thousand troops")
        after = _words_after(ctx, m.end(), 1)
        if after and after[0] in ctx.lex.quantity_followers:
            return None
        if re.search(r"(?i)thousand$|hundred$", m["words"]) and not _has_cue(ctx, m.start()):
            return None
    lo, hi = periods.year(y)
    return _expr(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi)


_CLOCK_WORDS = {"noon": "12:00", "midnight": "24:00"}


def _h_time_then_date(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Saturday": a time of the day that follows."""
    hm = _CLOCK_WORDS.get(m["time"].lower()) or _time_value(m["time"])
    p = _read_point(ctx, m.start("a"), m.end("a"))
    if hm is None or p is None or p.granularity != "day":
        return None
    return _expr(m, ctx, "TIME", f"{p.value}T{hm}", "day", POINT, p.lo, p.hi, anchored=p.anchored,
                 placed=p.lo is not None)


def _time_value(text: str) -> str | None:
    m = re.match(r"(?i)\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?", text)
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[4].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _h_time_of_day(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """A time of day on its own is typed, never placed: it says nothing about which day."""
    text = m["time"]
    hm = _time_value(text)
    if hm is None:
        return None
    has_marker = bool(re.search(r"(?i)[ap]\.?m", text))
    before = _words_before(ctx, m.start(), 1)
    after = _words_after(ctx, m.end(), 1)
    if not has_marker and not (before and before[0] in ("at", "by", "from", "until", "around", "about")) \
            and not (after and after[0] in ("gmt", "utc", "local", "hours", "et", "cet", "bst", "edt", "est")):
        return None
    day = ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX"

    def on_last_day(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                    ref: date | None) -> TemporalExpression | None:
        if anchor is None or anchor.granularity != "day" or anchor.lo is None:
            return None
        value = f"{anchor.lo.isoformat()}T{hm}"
        return replace(e, value=value, timexes=tuple(replace(t, value=value) for t in e.timexes))

    ctx.deferred[(m.start(), m.end())] = on_last_day
    return _expr(m, ctx, "TIME", f"{day}T{hm}", "time", TIME, None, None, placed=False)


def _h_nth_of_month(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    day_text = m["day"]
    day = ctx.lex.ordinals.get(day_text.lower()) or int(re.sub(r"\D", "", day_text) or 0)
    month = ctx.lex.month(m["month"])
    if not day or month is None:
        return None
    g = {"month": str(month), "day": str(day), "year": m["year"]}
    p = _point_day(g, ctx, m.start(), m.end(), False)
    return None if p is None else _point_expr(m, ctx, p)


def _h_numeric_date(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
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
    d = date(y, month, day)
    return _point_expr(m, ctx, _day_point(d, False, "numeric"))


def _h_decade_word(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
             "eighties": 8, "nineties": 9}
    text = m["decade"].lower()
    tens = words.get(text)
    if tens is None:
        tens = int(text[1])
    ref_year = ctx.ref.year if ctx.ref else 2000
    century = ref_year // 100 * 100
    first = century + tens * 10
    if first > ref_year:
        first -= 100
    p = _Point(*periods.decade(first), f"{first // 10:03d}", "decade")
    return _modified_expr(m, ctx, p, m["mod"])


def _h_century(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    text = m["ordinal"].lower()
    n = ctx.lex.ordinals.get(text) or int(re.sub(r"\D", "", text) or 0)
    if not 1 <= n <= 22:
        return None
    if m["bc"]:
        return _expr(m, ctx, "DATE", f"BC{n - 1:02d}", "century", POINT, None, None, placed=False)
    p = _Point(*periods.century(n), f"{n - 1:02d}", "century")
    return _modified_expr(m, ctx, p, m["mod"])


def _h_half(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    h = 1 if m["which"].lower() in ("first", "1st") else 2
    a = m["a"].lower()
    if a[0].isdigit():
        y = int(a)
        anchored = False
    elif ctx.ref is None:
        return _expr(m, ctx, "DATE", f"XXXX-H{h}", "half", POINT, None, None, anchored=True, placed=False)
    else:
        y = ctx.ref.year + ctx.lex.relative_shifts[a.split()[0]]
        anchored = True
    lo, hi = periods.half(y, h)
    return _expr(m, ctx, "DATE", f"{y:04d}-H{h}", "half", POINT, lo, hi, anchored=anchored)


def _h_fiscal_year(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    y_text = m["year"]
    y = int(y_text) if len(y_text) == 4 else 2000 + int(y_text)
    lo, hi = periods.year(y)
    return _expr(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi)


def _h_season(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    word = m["dir"].lower()
    season = m["season"].lower()
    code = ctx.lex.seasons[season]
    if m["year"]:
        y = int(m["year"])
        lo, hi = periods.season(y, code)
        p = _Point(lo, hi, f"{y:04d}-{code}", "season")
    elif word in ctx.lex.relative_shifts:
        p = _relative_period(ctx, m.start(), m.start("season") + len(season), allow_the=False)  # type: ignore[assignment]
        if p is None:
            return None
    else:
        if season == "fall" and word != "the":
            return None
        if word == "the" and _words_after(ctx, m.end(), 1) == ["of"]:
            return None  # "the fall of Kabul", "the spring of discontent": not a season (a year would be read)
        if ctx.ref is None:
            p = _Point(None, None, f"XXXX-{code}", "season", True)
        else:
            (lo, hi), y = _nearest(ctx.ref, lambda y: periods.season(y, code),
                                      *_tense_cue(ctx, m.start(), m.end()))
            p = _Point(lo, hi, f"{y:04d}-{code}", "season", True)
    mod = None
    if word in ("early", "late"):
        parted = _apply_part(p, word, ctx)
        if parted:
            p, mod = parted
    start = m.start("dir") if word not in ("the",) else m.start()
    return _expr(m, ctx, "DATE", p.value, "season", POINT, p.lo, p.hi, mod=mod, anchored=p.anchored,
                 timexes=(_timex(ctx, start, m.end(), "DATE", p.value, mod),))


_LARGE_NUMBERS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
#: an amount just before a position: "$1.76", "500 million", "700 seats", "four flights"
_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d.,]*%?|\b(?:hundred|thousand|million|billion|trillion|dozen))(?:\s+[a-z]+s)?\s*$", re.IGNORECASE)


def _is_amount_before(ctx: _Context, pos: int) -> bool:
    window = ctx.text[max(0, pos - 40):pos]
    found = _AMOUNT_BEFORE.search(window)
    year_like = found is not None and re.fullmatch(r"(?:1[89]|20)\d\d\s*", found.group()) is not None and \
        not window[:found.start()].endswith(("$", "€", "£", "¥"))
    if found and not year_like:  # "in 2020 a year of war": a year, not an amount
        return True
    words = _words_before(ctx, pos, 2)  # "four flights"
    return len(words) == 2 and words[0].endswith("s") and words[1] in ctx.lex.numbers and words[1] not in ("a", "an")


def _h_duration(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    if m["long"] and m["long"].lower() == "-old" or _words_after(ctx, m.end(), 1) == ["old"]:
        return None  # an age, not a time ("a 45-year-old man", "he is 45 years old")
    unit_name, symbol, factor, is_time = _unit(ctx, m["unit"])
    count_text = m["count"]
    if re.fullmatch(r"\d{4}", count_text):
        return None  # "2022 years" is a count the year rule already declined
    vague = count_text.lower() in ctx.lex.vague_numbers
    count = None if vague else _count(ctx, count_text)
    if count is None and not vague:
        return None
    if unit_name == "quarter" and not count_text.isdigit() and \
            (ctx.text[m.end("count"):m.start("unit")] == "-" or _words_after(ctx, m.end(), 1) == ["of"]):
        return None  # "three-quarters of its food" is a share, not a time
    if count_text.lower() == "one" and unit_name == "day" and m.end() == m.end("unit") and \
            any(w in ctx.lex.one_day_future or w.endswith("'ll") for w in _words_before(ctx, m.start(), 2)):
        # "Islam will one day be...": some time in the future, not a day's length
        return _expr(m, ctx, "DATE", "FUTURE_REF", "day", VAGUE, None, None, placed=False)
    if count_text.lower() in ("a", "an", "one"):
        before = _words_before(ctx, m.start(), 1)
        if before and before[0] in ("once", "twice", "thrice", "times", "per"):
            value = _duration_value(1, symbol, factor, is_time)
            return _expr(m, ctx, "SET", value, _CALENDAR_UNIT.get(unit_name, "day"), SET, None, None, placed=False)
        if count_text.lower() in ("a", "an") and _is_amount_before(ctx, m.start()):
            return None  # a rate: "$1.76 a year", "24 hours a day", "700 seats a week"
    if vague and count_text.lower() in ("recent", "coming", "past"):
        return None  # "recent years" is a vague reference, "the past two weeks" an anchored duration
    mod = "MORE_THAN" if m["more"] and m["more"].strip().lower() in ("more", "plus", "odd") else None
    value = _duration_value(count, symbol, factor, is_time)
    return _expr(m, ctx, "DURATION", value, _CALENDAR_UNIT.get(unit_name, "day"), DURATION, None, None, mod=mod,
                 placed=False)


def _h_half_duration(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"Two and a half years" (P2Y6M), "2 1/2 hours" (PT2H30M), "a minute and a half", "half an hour"."""
    unit_word = m["unit"] or m["unit2"] or m["unit3"]
    count_text = m["count"] or m["count2"]
    count = 0 if m["unit3"] else _count(ctx, count_text or "")
    if count is None or (count_text and "." in count_text):
        return None
    unit_name, symbol, factor, is_time = _unit(ctx, unit_word)
    value = _half_value(count, symbol, factor, is_time)
    return _expr(m, ctx, "DURATION", value, _CALENDAR_UNIT.get(unit_name, "day"), DURATION, None, None,
                 placed=False)


#: a unit written through a smaller one, and how many of those it holds
_AS_SMALLER = {"DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3), "W": ("D", 7)}
#: the next smaller unit of a duration, how many make one, and whether it is a time unit
_HALF_UNIT = {("Y", False): ("M", 12, False), ("M", False): ("D", 30, False), ("D", False): ("H", 24, True),
              ("H", True): ("M", 60, True), ("M", True): ("S", 60, True)}


def _half_value(count: int, symbol: str, factor: int, is_time: bool) -> str:
    """The TimeML value of ``count`` and a half units: P2Y6M, PT1H30M, P3DT12H, P25Y (two and a half decades)."""
    if symbol in _AS_SMALLER:
        symbol, size = _AS_SMALLER[symbol]
        factor *= size
    whole, half = divmod((2 * count + 1) * factor, 2)
    parts: list[tuple[int, str, bool]] = [(whole, symbol, is_time)] if whole else []
    if half:
        small, per, small_time = _HALF_UNIT[(symbol, is_time)]
        parts.append((per // 2, small, small_time))
    date_part = "".join(f"{n}{u}" for n, u, t in parts if not t)
    time_part = "".join(f"{n}{u}" for n, u, t in parts if t)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _h_quarter_reference(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"The quarter", "the latest quarter", "the year-earlier period": the quarter the story is about."""
    which = (m["which"] or m["which2"] or "").lower()
    if m["what"].lower() == "period" and not m["year"] and \
            which in ("", "fiscal", "current", "recent", "previous", "prior", "preceding"):
        return None  # "the period" alone says too little
    back = 4 if which in ("year-ago", "year-earlier", "year-before", "comparable") else \
        1 if which in ("previous", "prior", "preceding") else 0
    # "the quarter ended July 31", when the story has not named its quarter: the calendar quarter
    # holding most of the three months up to that day (May to July is the second)
    end = _period_end(ctx, m.end()) if back == 0 and m["what"].lower() == "quarter" else None

    year = int(m["year"]) if m["year"] else None

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if year is not None:  # "the 1988 quarter": the story's quarter in 1988; "the 1988 period" else 1988
            if quarter is None or quarter.lo is None:
                return _shifted(e, date(year, 1, 1), 0, "month", "year", anchored=False)
            return _shifted(e, date(year, quarter.lo.month, 1), 0, "month", "quarter", anchored=False)
        if which == "current" and ref is not None:
            return _shifted(e, ref, 0, "month", "quarter", anchored=quarter is None)
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
        return _shifted(e, base, -3 * back, "month", "quarter", anchored=quarter is None)

    ctx.deferred[(m.start(), m.end())] = resolve
    return _expr(m, ctx, "DATE", "XXXX-QX", "quarter", POINT, None, None, anchored=True, placed=False)


_FINER = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def _h_anaphoric_period(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"That year", "later that year", "the same day", "that quarter", "earlier in the year": the
    period of the date the story last gave (its quarter, for "that quarter"); for "earlier in the
    year" with no date before it, the publication date's."""
    unit = m["unit"].lower()
    if unit == "day" and not (m["mod"] or m["same"] or m["same2"]):
        return None  # "that day" alone is as often a figure of speech ("the day will come")

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        source = quarter if unit == "quarter" else anchor
        if source is None or source.lo is None or (unit != "quarter" and source.granularity not in _FINER[unit]):
            if m["in"] and ref is not None:
                return _shifted(e, ref, 0, "month", unit, anchored=True)
            return None
        return _shifted(e, source.lo, 0, "month", unit, anchored=False)

    ctx.deferred[(m.start(), m.end())] = resolve
    unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")
    return _expr(m, ctx, "DATE", unknown, unit, POINT, None, None, anchored=True, placed=False)


def _h_week_of(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"The week of March 6": the calendar week holding that day."""
    p = _read_point(ctx, m.start("a"), m.end("a"))
    if p is None or p.granularity != "day":
        return None
    if p.lo is None:
        return _expr(m, ctx, "DATE", "XXXX-WXX", "week", POINT, None, None, anchored=True, placed=False)
    lo, hi, value = _period_of(p.lo, "week")
    return _expr(m, ctx, "DATE", value, "week", POINT, lo, hi, anchored=p.anchored)


def _h_year_reference(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"The fiscal year", "the full year": the publication year ("the latest fiscal year": the one
    before); "the year ended March 31": the twelve months up to that day, a duration in TimeML."""
    end = _period_end(ctx, m.end())
    if end is not None:
        lo = periods.shift(end, -12, "month") + timedelta(days=1)
        return _expr(m, ctx, "DURATION", "P1Y", "year", RANGE, lo, end, anchored=True, placed=True)
    which = (m["which"] or "").lower()
    if not which and not m["fiscal"]:
        return None  # "the year" alone is too often something else ("man of the year", "the year before")
    if ctx.ref is None:
        return _expr(m, ctx, "DATE", "XXXX", "year", POINT, None, None, anchored=True, placed=False)
    y = ctx.ref.year - (which == "latest")
    lo, hi = periods.year(y)
    return _expr(m, ctx, "DATE", f"{y:04d}", "year", POINT, lo, hi, anchored=True)


def _h_year_end(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"Year-end", "year's end": the end of the publication year, or of the year before in a past
    clause ("debt has fallen since year-end")."""
    if ctx.ref is None:
        return _expr(m, ctx, "DATE", "XXXX", "year", POINT, None, None, mod="END", anchored=True, placed=False)
    past = _words_before(ctx, m.start(), 1) == ["since"] or _tense(ctx, m.start(), m.end()) == "past"
    y = ctx.ref.year - 1 if past and ctx.ref < date(ctx.ref.year, 12, 31) else ctx.ref.year
    lo, hi = periods.year(y)
    parted = _apply_part(_Point(lo, hi, f"{y:04d}", "year", True, "year"), "the end of", ctx)
    assert parted is not None
    return _point_expr(m, ctx, parted[0], mod=parted[1])


def _period_end(ctx: _Context, pos: int) -> date | None:
    """The day in "... ended Sept. 30" right after ``pos``: the one nearest the reference date."""
    m = ctx.lex.patterns["period_end"].match(ctx.text, pos)
    month = ctx.lex.month(m["month"]) if m and ctx.ref is not None else None
    if m is None or month is None or ctx.ref is None:
        return None
    day = int(re.sub(r"\D", "", m["day"]))
    (lo, _), _ = _nearest(ctx.ref, lambda y: periods.day(date(y, month, day)), None)
    return lo


def _h_year_ago_adjective(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"Year-earlier profit": the quarter the story is about, a year before; else the year before."""

    def resolve(e: TemporalExpression, anchor: TemporalExpression | None, quarter: TemporalExpression | None,
                ref: date | None) -> TemporalExpression | None:
        if quarter is not None:
            return _shifted(e, quarter.lo, -12, "month", "quarter", anchored=False)  # type: ignore[arg-type]
        if ref is not None:
            return _shifted(e, ref, -1, "year", "year", anchored=True)
        return None

    ctx.deferred[(m.start(), m.end())] = resolve
    return _expr(m, ctx, "DATE", "XXXX", "year", POINT, None, None, anchored=True, placed=False)


def _h_bare_plural_duration(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"For years", "in months": a duration of unknown length (the preposition is not part of it)."""
    unit_name, symbol, factor, is_time = _unit(ctx, m["unit"])
    value = _duration_value(None, symbol, factor, is_time)
    return _expr((m.start("unit"), m.end("unit")), ctx, "DURATION", value, _CALENDAR_UNIT.get(unit_name, "day"),
                 DURATION, None, None, placed=False)


def _h_set(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    key = re.sub(r"\s+", " ", m["word"].lower())
    return _expr(m, ctx, "SET", ctx.lex.sets[key], "", SET, None, None, placed=False)


def _h_every_named(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    """"Every Monday", "each July", "every summer": a set of days, months or seasons."""
    if m["weekday"]:
        wd = ctx.lex.weekdays[m["weekday"].lower().rstrip(".")]
        return _expr(m, ctx, "SET", f"XXXX-WXX-{wd}", "day", SET, None, None, placed=False)
    if m["month"]:
        month = ctx.lex.month(m["month"])
        return None if month is None else _expr(m, ctx, "SET", f"XXXX-{month:02d}", "month", SET, None, None,
                                                 placed=False)
    return _expr(m, ctx, "SET", f"XXXX-{ctx.lex.seasons[m['season'].lower()]}", "season", SET, None, None,
                 placed=False)


def _h_vague(m: re.Match[str], ctx: _Context) -> TemporalExpression | None:
    key = re.sub(r"\s+", " ", m["word"].lower())
    value = ctx.lex.vague[key]
    if key.endswith("the past") and (following := _words_after(ctx, m.end(), 1)) and \
            (ctx.lex.number(following[0]) is not None or following[0] in ctx.lex.vague_numbers):
        return None  # "the past three summers" counts back; it is not the past in general
    type_ = "DURATION" if re.match(r"P[X\d]", value) else "DATE"  # PXY, not PAST_REF
    start = m.start() + (3 if key.startswith("in ") and type_ == "DURATION" else 0)  # TimeML leaves "in" out
    return _expr((start, m.end()), ctx, type_, value, "", VAGUE, None, None, placed=False)


_HANDLERS: dict[str, Callable[[re.Match[str], _Context], TemporalExpression | None]] = {
    "range_from_to": _h_range,
    "range_year_dash": _h_range_year_dash,
    "range_year_to": _h_range,
    "range_month_days": _h_range_month_days,
    "range_days_month": _h_range_month_days,
    "range_months": _h_range_months,
    "bounded": _h_bounded,
    "anchored_duration": _h_anchored_duration,
    "over_duration": _h_over_duration,
    "ago": _h_ago,
    "modified_relative": _h_modified_relative,
    "modified_point": _h_modified_point,
    "relative_period": _h_relative_period,
    "day_word": _h_day_word,
    "last_night": _h_last_night,
    "relative_weekday": _h_relative_weekday,
    "relative_month": _h_relative_month,
    "spelled_year": _h_spelled_year,
    "holiday": _h_holiday,
    "year_ago_adjective": _h_year_ago_adjective,
    "time_then_date": _h_time_then_date,
    "point": _h_point,
    "the_nth_of_month": _h_nth_of_month,
    "numeric_date": _h_numeric_date,
    "decade_word": _h_decade_word,
    "century": _h_century,
    "half": _h_half,
    "fiscal_year": _h_fiscal_year,
    "season": _h_season,
    "quarter_reference": _h_quarter_reference,
    "year_reference": _h_year_reference,
    "week_of": _h_week_of,
    "anaphoric_period": _h_anaphoric_period,
    "year_end": _h_year_end,
    "bare_plural_duration": _h_bare_plural_duration,
    "duration": _h_duration,
    "half_duration": _h_half_duration,
    "set": _h_set,
    "every_named": _h_every_named,
    "vague": _h_vague,
    "time_of_day": _h_time_of_day,
}
