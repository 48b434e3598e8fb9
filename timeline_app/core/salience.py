"""How much a briefing needs each event, and which events are key.

Salience is read from what the timeline already knows (measured on journalists' timelines with
``bench/bench_key_events.py``):

- **support**: each article that reports the event counts once, however often it repeats the date
  (a radio schedule saying "tonight" thirty times is one article), an article and its copies once;
  an article that only says "today" or "Monday" counts half, one that gives the date itself ("June
  25") in full;
- **coverage**: for an event of one day, how much was published that day and the next (news reports
  a happening the day it happens and the day after), shared among that day's events by support;
- **specificity**: a day or a month weighs more than a year or a decade;
- **the researcher**: an edited or added event counts one source more; a starred one is always key,
  a hidden one never.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from timeline_app.core.event import Event

#: Weight of an article that names the event's day only by a relative word ("today", "Monday").
RELATIVE_ONLY = 0.5
#: Coverage: articles published on the event's day, and on the day after.
SAME_DAY, NEXT_DAY = 0.5, 1.0
#: Weight of an event by how specific its date is.
SPECIFICITY = {"day": 1.0, "week": 0.9, "month": 0.9, "season": 0.85, "quarter": 0.85, "half": 0.85, "year": 0.8,
               "decade": 0.7, "century": 0.6}
_DIGIT = re.compile(r"\d")


def _reports(event: Event) -> dict[str, bool]:
    """The articles that report the event, each with whether it gives the date itself ("June 25")."""
    explicit: dict[str, bool] = {}
    for ev in event.evidence:
        named = ev.granularity != "day" or bool(_DIGIT.search(ev.date_text))  # not "today", "Monday"
        explicit[ev.document] = explicit.get(ev.document, False) or named
    return explicit


def _weight(reports: dict[str, bool]) -> float:
    return sum(1.0 if named else RELATIVE_ONLY for named in reports.values())


def support(event: Event) -> float:
    """Articles that report the event, each once, copies once, relative-only mentions at half."""
    reports = _reports(event)
    if not reports:
        return 0.0
    independent = event.independent or len(reports)
    return _weight(reports) * min(1.0, independent / len(reports))


def _coverage(day: date, articles_on: Counter[date]) -> float:
    return SAME_DAY * articles_on[day] + NEXT_DAY * articles_on[day + timedelta(days=1)]


def _day(event: Event) -> date | None:
    return event.start if event.start is not None and event.start == event.end else None


def rank(events: Sequence[Event], published: Iterable[date | None], count: int) -> None:
    """Set every event's ``salience`` and mark as ``key`` the ``count`` most salient and every starred one."""
    articles_on = Counter(d for d in published if d is not None)
    supports = {id(e): support(e) for e in events}
    day_support: dict[date, float] = defaultdict(float)
    for e in events:
        if (day := _day(e)) is not None:
            day_support[day] += supports[id(e)]
    for e in events:
        if not e.placed or e.excluded:
            e.salience, e.key = 0.0, False
            continue
        score = supports[id(e)] + (1.0 if e.edited or e.manual else 0.0)
        if (day := _day(e)) is not None and day_support[day] > 0:
            score += _coverage(day, articles_on) * supports[id(e)] / day_support[day]
        e.salience = round(score * SPECIFICITY.get(e.granularity, 1.0), 3)
    ranked = sorted((e for e in events if e.placed and not e.excluded), key=lambda e: (-e.salience, e.sort_key()))
    chosen = {id(e) for e in ranked[:max(count, 0)]}
    for e in events:
        e.key = (id(e) in chosen or e.starred) and e.placed and not e.excluded


def day_scores(events: Iterable[Event], published: Iterable[date | None]) -> dict[date, float]:
    """Each day's weight, for ranking days: the articles that report something on it, each once
    (relative-only at half), plus its coverage."""
    articles_on = Counter(d for d in published if d is not None)
    reports: dict[date, dict[str, bool]] = defaultdict(dict)
    for e in events:
        if (day := _day(e)) is not None and not e.excluded:
            for document, named in _reports(e).items():
                reports[day][document] = reports[day].get(document, False) or named
    return {day: _weight(r) + _coverage(day, articles_on) for day, r in reports.items()}
