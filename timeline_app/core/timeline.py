"""From articles to one ordered timeline of events, each citing its sentences."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from timeline_app.core.article import Article, ReadFailure
from timeline_app.core.blocks import Runner, here
from timeline_app.core.budget import check
from timeline_app.core.curation import Curation, apply, key_of
from timeline_app.core.event import Event, Evidence, format_span, make_title
from timeline_app.core.fusion import fuse
from timeline_app.core.language import DEFAULT, foreign_passages, readable
from timeline_app.core.likeness import content
from timeline_app.core.provenance import (
    conflicts,
    copies,
    copy_prints,
    copy_sentences,
    countries_named,
    independent_sources,
)
from timeline_app.core.relevance import furniture, reason_at
from timeline_app.core.salience import rank
from timeline_app.core.sentences import Sentence, Sentences
from timeline_app.core.settings import Settings
from timeline_app.core.stems import stems

if TYPE_CHECKING:
    from timeline_app.core.tagger import TemporalExpression

UNRESOLVED = "unresolved"


@dataclass
class ArticleReading:
    """What one article gives the timeline on its own, before any other article is looked at:
    worked out where the article was read (a reader process, when loading many), so that the main
    process only fuses, finds copies and notes disagreements."""

    #: the article's name and the settings it was read with: another key, and it is read again
    key: tuple[object, ...]
    #: its events before fusion, page furniture among them (``excluded`` set)
    events: list[Event]
    #: what fusion compares of each event's sentences (:func:`likeness.content`)
    contents: list[list[str]]
    #: the countries its cited sentences name, by the sentence's start (disagreements); a sentence
    #: that names none is left out
    countries: dict[int, frozenset[str]]
    #: its sentences as copy detection compares them, and their words hashed (None: not made,
    #: copies were not looked for)
    copy_sentences: list[str] | None
    copy_prints: bytes | None = None


@dataclass
class ArticleAnalysis:
    """What was read from one article: its sentences, temporal expressions and page furniture."""

    article: Article
    sentences: Sentences
    expressions: list[TemporalExpression]
    furniture: list[tuple[int, int, str]] = field(default_factory=list)
    #: its events and what the timeline compares of them (None: worked out when needed)
    reading: ArticleReading | None = None


@dataclass
class Timeline:
    """The ordered events of a set of articles, with what each article gave and what failed."""

    events: list[Event]
    analyses: list[ArticleAnalysis]
    failures: list[ReadFailure] = field(default_factory=list)
    #: events kept off the timeline, each with its reason
    excluded: list[Event] = field(default_factory=list)
    #: articles that copy or lightly rewrite another: {copy: original}
    copies: dict[str, str] = field(default_factory=dict)

    @property
    def articles(self) -> list[Article]:
        return [a.article for a in self.analyses]


@dataclass
class _Mention:
    expr: TemporalExpression
    sentence: Sentence
    document: str
    language: str


def analyze(article: Article, settings: Settings | None = None,
            same_text: ArticleAnalysis | None = None) -> ArticleAnalysis:
    """Sentences and temporal expressions of one article, anchored on its publication date.
    ``same_text``: an analysis of the same text in the same language (another date), whose sentences
    and page furniture are kept."""
    settings = settings or Settings()
    if same_text is not None and (same_text.article.text, same_text.article.language) != (article.text,
                                                                                          article.language):
        same_text = None
    sentences = same_text.sentences if same_text else Sentences(article.text, article.language)
    settings = article_settings(article, settings)
    expressions = tag_in_language(article.text, article.published, article.language, settings)
    check()
    for e in expressions:  # split here (on a worker process when loading many) what the timeline will cite
        if _cited(e, settings):
            sentences.at(e.start)
    analysis = ArticleAnalysis(article, sentences, expressions,
                               same_text.furniture if same_text else furniture(article.text, article.language))
    analysis.reading = read_article(analysis, settings)
    return analysis


def _reading_key(analysis: ArticleAnalysis, settings: Settings) -> tuple[object, ...]:
    return analysis.article.name, settings.title_max, settings.merge_similarity, settings.place_vague


def read_article(analysis: ArticleAnalysis, settings: Settings) -> ArticleReading:
    """The events of one article (mentions of one happening merged) and what the timeline compares of
    them; one article's share of :func:`machine_reading`."""
    events = [_event(group, settings, analysis.furniture, analysis.expressions)
              for group in _merge_within_article(_mentions(analysis, settings), settings)]
    compared = copy_sentences(analysis) if settings.detect_copies else None
    return ArticleReading(_reading_key(analysis, settings), events,
                          [[content(ev) for ev in e.evidence] for e in events],
                          {ev.sentence_start: named for e in events for ev in e.evidence
                           if (named := countries_named(ev.sentence))},
                          compared, None if compared is None else copy_prints(compared))


def _reading(analysis: ArticleAnalysis, settings: Settings) -> ArticleReading:
    """The article's reading as made when it was read, or made now (renamed, other settings); its
    events are copies, free to be changed."""
    reading = analysis.reading
    if reading is None or reading.key != _reading_key(analysis, settings):
        reading = read_article(analysis, settings)
    return replace(reading, events=[_copy(e) for e in reading.events])


def own_events(analyses: Sequence[ArticleAnalysis], settings: Settings) -> Iterator[tuple[Event, list[str]]]:
    """Each article's own events, page furniture left out, before any is fused with another's: with
    what fusion compares of their sentences (:func:`likeness.content`)."""
    for analysis in analyses:
        reading = _reading(analysis, settings)
        yield from ((e, texts) for e, texts in zip(reading.events, reading.contents) if e.excluded is None)


def _copy(e: Event) -> Event:
    """A copy of an event whose lists can be changed (``dataclasses.replace`` would run ``__init__``
    and take several times as long)."""
    copy = object.__new__(Event)
    copy.__dict__.update(e.__dict__, evidence=list(e.evidence), conflicts=list(e.conflicts))
    return copy


def article_settings(article: Article, settings: Settings) -> Settings:
    """The settings an article is read with: its language's data, its page's order of numeric dates."""
    if article.language != settings.language and readable(article.language):
        settings = replace(settings, language=article.language)
    if article.day_first is not None and article.day_first != settings.day_first:
        settings = replace(settings, day_first=article.day_first)  # "01/12/2020" on a British page
    return settings


def tag_in_language(text: str, reference: date | None, code: str, settings: Settings) -> list[TemporalExpression]:
    """The temporal expressions of a text in language ``code``, a paragraph plainly in another language
    the tagger reads (a quoted statement) read in that one; in a language the tagger cannot read, its
    numeric dates and years only ("2025-05-06", "06.05.2025", "2026-2030"), never a word read as
    English."""
    from timeline_app.core.tagger import tag  # the tagger's rules compile on first use, not at start-up

    expressions = tag(text, reference, settings if readable(code) else replace(settings, language=DEFAULT))
    if not readable(code):
        return [e for e in expressions if not _LETTER.search(e.text)]
    for start, end, other in foreign_passages(text, code):  # a statement quoted in its own language
        inner = tag(text[start:end], reference, replace(settings, language=other))
        expressions = [e for e in expressions if e.end <= start or e.start >= end] + [_moved(e, start) for e in inner]
    return sorted(expressions, key=lambda e: (e.start, e.end))


def _moved(e: TemporalExpression, offset: int) -> TemporalExpression:
    return replace(e, start=e.start + offset, end=e.end + offset,
                   timexes=tuple(replace(t, start=t.start + offset, end=t.end + offset) for t in e.timexes))


def _cited(expr: TemporalExpression, settings: Settings) -> bool:
    """Does this expression become a mention on the timeline (so its sentence is cited)?"""
    return expr.placed or expr.unresolved or (settings.place_vague and expr.kind == "vague")


_LETTER = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"[a-z0-9$€%.]+")  # amounts ("$1.2", "5%") tell two mentions apart


def _words(text: str, lang: str) -> frozenset[str]:
    """Content words of a sentence, crudely stemmed, for comparing two mentions of one article."""
    return frozenset(stems(text, _TOKEN, lang))


def _similar(a: str, b: str, lang: str) -> float:
    wa, wb = _words(a, lang), _words(b, lang)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _mentions(analysis: ArticleAnalysis, settings: Settings) -> list[_Mention]:
    dateline = analysis.article.dateline
    out: list[_Mention] = []
    for expr in analysis.expressions:
        if dateline is not None and expr.start < dateline[1] and dateline[0] < expr.end:
            continue  # the byline date is the publication date, not an event
        if not _cited(expr, settings):
            continue
        sentence = analysis.sentences.at(expr.start)
        if sentence is None:
            continue
        out.append(_Mention(expr, sentence, analysis.article.name, analysis.article.language))
    return out


#: Within one article, a mention is compared with at most this many earlier groups of its dates, and
#: with this many sentences of each: every real article stays under both, and a page of 100,000
#: mentions of one day stays linear.
_MERGE_GROUPS, _MERGE_MEMBERS = 64, 16


def _merge_within_article(mentions: list[_Mention], settings: Settings) -> list[list[_Mention]]:
    """Group mentions of one article that give the same dates and say much the same thing.

    Groups are indexed by their dates, so a mention is only compared with groups it could join.
    """
    groups: list[list[_Mention]] = []
    by_dates: dict[tuple[object, object, str], list[list[_Mention]]] = {}
    for i, m in enumerate(mentions):
        if i & 255 == 255:
            check()
        key = (m.expr.lo, m.expr.hi, m.expr.kind)
        candidates = by_dates.setdefault(key, [])
        for g in candidates[-_MERGE_GROUPS:]:
            first = g[0]
            if first.expr.placed and (first.sentence is m.sentence or any(
                    _similar(x.sentence.text, m.sentence.text, m.language) >= settings.merge_similarity
                    for x in g[-_MERGE_MEMBERS:])):
                g.append(m)
                break
        else:
            groups.append([m])
            candidates.append(groups[-1])
    return groups


def _event(group: list[_Mention], settings: Settings, furniture_spans: list[tuple[int, int, str]],
           expressions: Sequence[TemporalExpression] = ()) -> Event:
    first = group[0]
    e = first.expr
    # the other dates of the sentence: a title never reads as one of them
    sentence = first.sentence
    lo = bisect.bisect_left(expressions, sentence.start, key=lambda x: x.start)
    others = []
    for x in expressions[lo:]:
        if x.start >= sentence.end:
            break
        if x is not e and (x.placed or x.unresolved):
            others.append(re.sub(r"\s+", " ", x.text))
    evidence = [
        Evidence(m.document, m.sentence.start, m.sentence.end, m.sentence.text, m.expr.start, m.expr.end,
                 re.sub(r"\s+", " ", m.expr.text), m.expr.value, m.expr.lo, m.expr.hi, m.expr.granularity,
                 m.expr.kind if m.expr.placed else UNRESOLVED, m.language)
        for m in group
    ]
    # The sentence's cleaned text may be shorter than its span; locate the date inside it by text.
    date_at = first.sentence.text.find(re.sub(r"\s+", " ", e.text))
    span = (date_at, date_at + len(re.sub(r"\s+", " ", e.text))) if date_at >= 0 else None
    kind = e.kind if e.placed else UNRESOLVED
    excluded = reason_at(furniture_spans, first.sentence.start, first.sentence.end)
    return Event(id="", start=e.lo, end=e.hi, granularity=e.granularity, kind=kind, value=e.value,
                 date_text=re.sub(r"\s+", " ", e.text),
                 title=make_title(first.sentence.text, span, settings.title_max, first.language, others),
                 evidence=evidence, excluded=excluded)


_NONE: frozenset[str] = frozenset()


@dataclass
class MachineReading:
    """The events as read, before any edit: worth keeping, since edits are re-applied often."""

    events: list[Event]
    excluded: list[Event]
    copies: dict[str, str]


def machine_reading(analyses: Sequence[ArticleAnalysis], settings: Settings | None = None,
                    run: Runner = here) -> MachineReading:
    """Every article's own events, fused across articles, with copies found and disagreements
    noted; ``run`` runs the independent blocks of fusion and copy detection (here, or on a cluster)."""
    settings = settings or Settings()
    kept: list[Event] = []
    excluded: list[Event] = []
    contents: list[list[str]] = []
    named: dict[tuple[str, int], frozenset[str]] = {}
    compared: dict[str, list[str]] = {}
    prints: dict[str, bytes] = {}
    for analysis in analyses:
        check()  # a load cancelled while its timeline is built stops here
        reading = _reading(analysis, settings)
        if reading.copy_sentences is not None:
            compared[analysis.article.name] = reading.copy_sentences
        if reading.copy_prints is not None:
            prints[analysis.article.name] = reading.copy_prints
        for e, texts in zip(reading.events, reading.contents):
            named.update(((ev.document, ev.sentence_start), reading.countries.get(ev.sentence_start, _NONE))
                         for ev in e.evidence)
            if e.excluded is None:
                kept.append(e)
                contents.append(texts)
            else:
                excluded.append(e)
    if settings.fuse:
        kept = fuse(kept, title_language=settings.language, contents=contents, run=run)
    copy_of = copies(analyses, compared, prints, run=run) if settings.detect_copies else {}
    for e in kept + excluded:
        e.independent = independent_sources(e, copy_of)
        e.conflicts = conflicts(e, named)
    return MachineReading(kept, excluded, copy_of)


def _distinct_titles(events: list[Event], curation: Curation) -> None:
    """Two events never share a title: a later one that would says its dates too, unless the
    researcher chose the title."""
    seen: set[str] = set()
    for e in events:
        if e.title in seen and key_of(e) not in curation.titles and e.placed:
            e.title = f"{e.title} ({format_span(e.start, e.end)})"
        seen.add(e.title)


def finish(reading: MachineReading, analyses: Sequence[ArticleAnalysis], failures: Sequence[ReadFailure] = (),
           curation: Curation | None = None, settings: Settings | None = None) -> Timeline:
    """Apply edits, then order the events, number them and rank them for briefings."""
    curation = curation or Curation()
    kept, excluded = apply(reading.events, reading.excluded, curation)
    order = {a.article.name: i for i, a in enumerate(analyses)}

    def key(ev: Event) -> tuple[object, ...]:
        first = ev.evidence[0] if ev.evidence else None
        return (not ev.placed, *ev.sort_key(), order.get(first.document, -1) if first else -1,
                first.date_start if first else 0, ev.title)

    kept.sort(key=key)
    excluded.sort(key=key)
    _distinct_titles(kept, curation)
    for n, ev in enumerate(kept, 1):
        ev.id = f"e{n:04d}"
    for n, ev in enumerate(excluded, 1):
        ev.id = f"x{n:04d}"
    count = curation.key_count if curation.key_count is not None else (settings or Settings()).key_events
    rank(kept, (a.article.published for a in analyses), count)
    return Timeline(kept, list(analyses), list(failures), excluded, reading.copies)


