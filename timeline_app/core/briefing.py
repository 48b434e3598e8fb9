"""A briefing: the events a researcher presents, each with its date as a reader says it, how certain
that date is, and the sources that back it, numbered for footnotes. Slides, PDF and TimelineJS
are drawn from this one record, so every output cites the same way.

>>> from datetime import date
>>> reader_date(date(2026, 1, 1), date(2030, 12, 31), "year", "range")
'2026 – 2030'
>>> reader_date(None, date(2030, 12, 31), "year", "before"), reader_date(date(2025, 5, 5), date(2025, 5, 5), "day", "")
('by 2030', '5 May 2025')
>>> reader_date(date(2025, 1, 1), date(2025, 1, 31), "month", "point")
'January 2025'
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from timeline_app.core import periods
from timeline_app.core.event import Event
from timeline_app.core.timeline import Timeline

#: What a briefing shows.
ONLY = ("key", "starred", "all")
#: How many supporting sentences an event quotes (one per article, the first ones).
QUOTES = 4

#: Shapes of certainty: a day is a dot, a period a light span, a range a bar, an open bound an arrow.
DOT, SPAN, BAR, BY, FROM = "dot", "span", "bar", "by", "from"


@dataclass(frozen=True)
class Source:
    """One cited article: its footnote number, what to call it, when it was published."""

    number: int
    document: str
    title: str
    published: date | None
    #: the outlet or site that published it (or the sender, the author)
    outlet: str = ""
    url: str = ""

    @property
    def citation(self) -> str:
        """"Baltic News: Lithuania to mine border, 6 May 2025" (the file name when there is no title)."""
        when = f", {reader_day(self.published)}" if self.published else ""
        who = f"{self.outlet}: " if self.outlet and self.outlet.lower() not in self.title.lower() else ""
        return f"{who}{self.title or self.document}{when}"


@dataclass(frozen=True)
class BriefEvent:
    """One event as a briefing shows it."""

    id: str
    when: str
    #: the date as the articles wrote it ("Monday", "over the next decade") and its normalized value
    written: str
    value: str
    headline: str
    shape: str
    start: date | None
    end: date | None
    sources: int
    independent: int
    conflicts: tuple[str, ...]
    footnotes: tuple[int, ...]
    #: supporting sentences, each with its source's footnote number
    quotes: tuple[tuple[str, int], ...]
    key: bool
    starred: bool
    note: str = ""

    @property
    def single_source(self) -> bool:
        return self.independent <= 1

    @property
    def badge(self) -> str:
        """ "3 sources · 2 independent", "1 source"."""
        n = f"{self.sources} source{'s' if self.sources != 1 else ''}"
        return n if self.independent == self.sources else f"{n} · {self.independent} independent"

    @property
    def label(self) -> str:
        """ "5 May 2025 · Lithuania said it will spend 1.1 billion euros"."""
        return f"{self.when} · {self.headline}"


@dataclass
class Briefing:
    """The events to present, in order, and the sources they cite."""

    title: str
    as_of: date | None
    articles: int
    independent_sources: int
    events: list[BriefEvent] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    only: str = "key"

    @property
    def subtitle(self) -> str:
        as_of = f"As of {reader_day(self.as_of)} · " if self.as_of else ""
        return (f"{as_of}{self.articles} article{'s' if self.articles != 1 else ''} · "
                f"{self.independent_sources} independent source{'s' if self.independent_sources != 1 else ''}")


def reader_day(d: date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def _bound(d: date, first: bool) -> str:
    """One end of an open interval, as coarse as it is whole: "2030", "May 2030", "5 May 2030"."""
    if (d.month, d.day) == ((1, 1) if first else (12, 31)):
        return str(d.year)
    if (d.day == 1) if first else (d == periods.month(d.year, d.month)[1]):
        return f"{calendar.month_name[d.month]} {d.year}"
    return reader_day(d)


def reader_date(start: date | None, end: date | None, granularity: str, kind: str) -> str:
    """The date of an event as a reader says it: "5 May 2025", "January 2025", "Q3 2025", "2026 – 2030",
    "by 2030", "since 2022"."""
    if start is None and end is None:
        return "date unknown"
    if kind == "before" and end is not None:
        return f"by {_bound(end, False)}"
    if kind in ("since", "after") and start is not None:
        return f"{'since' if kind == 'since' else 'from'} {_bound(start, True)}"
    if start is None or end is None:
        return _bound(start or end, start is not None)  # type: ignore[arg-type]
    if start == end:
        return reader_day(start)
    if (start, end) == periods.month(start.year, start.month):
        return f"{calendar.month_name[start.month]} {start.year}"
    if granularity == "quarter" and (start.month - 1) % 3 == 0:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if granularity == "week":
        return f"week of {reader_day(start)}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return str(start.year)
        if granularity == "decade" and start.year % 10 == 0 and end.year == start.year + 9:
            return f"the {start.year}s"
        return f"{start.year} – {end.year}"
    return f"{_bound(start, True)} – {_bound(end, False)}"


def shape_of(event: Event) -> str:
    """How certain the date is, as a mark: a dot (a day), a span (a month, a year), a bar (a range),
    an arrow (an open bound)."""
    if event.kind == "before":
        return BY
    if event.kind in ("since", "after"):
        return FROM
    if event.kind == "range":
        return BAR
    return DOT if event.start is not None and event.start == event.end else SPAN


def select(events: list[Event], only: str) -> list[Event]:
    """The placed events a briefing shows: the key ones (and starred), only the starred, or all."""
    if only not in ONLY:
        raise ValueError(f"--only takes one of {', '.join(ONLY)}, not {only!r}")
    placed = [e for e in events if e.placed and not e.excluded]
    if only == "key":
        return [e for e in placed if e.key or e.starred]
    if only == "starred":
        return [e for e in placed if e.starred]
    return placed


def _cited(text: str, numbers: dict[str, int]) -> str:
    """A note that names articles by file, with their footnote numbers instead ("named by [1], [3]")."""
    for document in sorted(numbers, key=len, reverse=True):
        text = text.replace(document, f"[{numbers[document]}]")
    return text


def briefing(timeline: Timeline, title: str = "", only: str = "key", events: list[Event] | None = None) -> Briefing:
    """The briefing of a timeline: ``events`` when given (what the window's filter shows), else the
    events ``only`` selects; sources numbered in order of first citation."""
    order = {e.id: i for i, e in enumerate(timeline.events)}
    chosen = sorted(select(events if events is not None else timeline.events, only),
                    key=lambda e: order.get(e.id, len(order)))  # in time order, whatever order they came in
    articles = {a.name: a for a in timeline.articles}
    numbers: dict[str, int] = {}
    sources: list[Source] = []
    out: list[BriefEvent] = []
    for e in chosen:
        for doc in e.documents:
            if doc not in numbers:
                numbers[doc] = len(numbers) + 1
                a = articles.get(doc)
                sources.append(Source(numbers[doc], doc, a.title if a else "", a.published if a else None,
                                      (a.outlet or a.author) if a else "", a.url if a else ""))
        quotes: list[tuple[str, int]] = []
        quoted: set[str] = set()
        for ev in e.evidence:
            if ev.document not in quoted and len(quotes) < QUOTES:
                quoted.add(ev.document)
                quotes.append((ev.sentence, numbers[ev.document]))
        conflicts = tuple(_cited(c, numbers) for c in e.conflicts)
        out.append(BriefEvent(
            e.id, reader_date(e.start, e.end, e.granularity, e.kind), e.date_text, e.value, e.title, shape_of(e),
            e.start, e.end, len(e.documents), e.independent or len(e.documents), conflicts,
            tuple(numbers[d] for d in e.documents), tuple(quotes), e.key, e.starred, e.note))
    dates = [a.published for a in timeline.articles if a.published is not None]
    independent = len(timeline.articles) - len(timeline.copies)
    return Briefing(title or "Timeline", max(dates) if dates else None, len(timeline.articles), independent, out,
                    sources, only)
