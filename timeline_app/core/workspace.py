"""The open set of articles, their timeline and the one current selection, free of Qt.

Views connect to the signals; every view shows the same selection.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from psygnal import Signal

from timeline_app.core.article import Article, ReadFailure
from timeline_app.core.commands import Command, CommandStack
from timeline_app.core.curation import Curation, key_of
from timeline_app.core.event import Event, Evidence
from timeline_app.core.language import DEFAULT
from timeline_app.core.pipeline import read_events
from timeline_app.core.settings import Settings
from timeline_app.core.timeline import ArticleAnalysis, MachineReading, Timeline, analyze, finish, machine_reading


@dataclass
class PendingAdd:
    """Articles to add with their events already read: made by :meth:`Workspace.prepare`."""

    generation: int
    added: list[ArticleAnalysis]
    added_failures: list[ReadFailure]
    analyses: list[ArticleAnalysis]
    failures: list[ReadFailure]
    reading: MachineReading
    #: the edits it was finished with (a count), and the result: shown as is if no edit came since
    edits: int = -1
    timeline: Timeline | None = None
    index: _Index | None = None


#: events by id, and (event, evidence) pairs by document in text order
_Index = tuple[dict[str, Event], dict[str, list[tuple[Event, Evidence]]]]


def _index(timeline: Timeline) -> _Index:
    by_id = {e.id: e for e in timeline.events + timeline.excluded}
    by_document: dict[str, list[tuple[Event, Evidence]]] = {}
    for e in timeline.events:
        for ev in e.evidence:
            by_document.setdefault(ev.document, []).append((e, ev))
    for pairs in by_document.values():
        pairs.sort(key=lambda p: (p[1].sentence_start, p[1].date_start))
    return by_id, by_document


class Workspace:
    """Articles, their analyses, the timeline built from them and the selected event."""

    #: The events changed (articles added or removed, a publication date edited).
    timeline_changed = Signal()
    #: The selected event id changed (``None``: nothing selected).
    selection_changed = Signal(object)
    #: The undo/redo history changed.
    history_changed = Signal()

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._analyses: list[ArticleAnalysis] = []
        self._failures: list[ReadFailure] = []
        self.timeline = Timeline([], [], [])
        self.selected: str | None = None
        self.commands = CommandStack()
        self._reading = MachineReading([], [], {})
        self._generation = 0  # counts changes to the articles, so a prepared add can tell it is stale
        self._edits = 0  # counts edits, for the same reason
        self._by_id: dict[str, Event] = {}
        self._by_document: dict[str, list[tuple[Event, Evidence]]] = {}

    # -- sources -----------------------------------------------------------------------------

    @property
    def articles(self) -> list[Article]:
        return [a.article for a in self._analyses]

    @property
    def failures(self) -> list[ReadFailure]:
        return list(self._failures)

    def add_articles(self, articles: list[Article]) -> None:
        """Add articles already in memory (pasted text), analysed here: they are short."""
        self.add([analyze(a, self.settings) for a in articles])

    def add(self, analyses: list[ArticleAnalysis], failures: list[ReadFailure] = ()) -> None:  # type: ignore[assignment]
        """Add analysed articles (one with the path of an open one replaces it) and failures."""
        self.commit(self.prepare(analyses, failures))

    def prepare(self, analyses: list[ArticleAnalysis], failures: Sequence[ReadFailure] = ()) -> PendingAdd:
        """The slow part of :meth:`add` (publication dates, events, fusion, copies). It changes nothing,
        so a loading thread can run it; :meth:`commit` then shows the result."""
        generation, current = self._generation, list(self._analyses)
        paths = {a.article.path for a in analyses}
        kept = [a for a in current if a.article.path not in paths]
        names = {a.article.name for a in kept}
        fresh = []
        for a in analyses:
            if a.article.name in names:  # same file name from another folder
                a = replace(a, article=replace(a.article, name=a.article.path))
            names.add(a.article.name)
            fresh.append(a)
        known = {f.path for f in failures}
        all_failures = [f for f in self._failures if f.path not in known and f.path not in paths] + list(failures)
        read = read_events(kept + fresh, all_failures, self.settings)
        merged = read.analyses
        pending = PendingAdd(generation, list(analyses), list(failures), merged, all_failures, read.reading)
        edits = self._edits
        try:  # the edits as they are now; one made while this runs is seen by commit(), which finishes again
            timeline = finish(pending.reading, merged, all_failures, copy.deepcopy(self.curation), self.settings)
        except RuntimeError:  # the edits changed while being copied
            return pending
        pending.edits, pending.timeline, pending.index = edits, timeline, _index(timeline)
        return pending

    def commit(self, pending: PendingAdd) -> None:
        """Show what :meth:`prepare` made; made again here if the articles changed in between."""
        if pending.generation != self._generation:
            pending = self.prepare(pending.added, pending.added_failures)
        self._analyses, self._failures, self._reading = pending.analyses, pending.failures, pending.reading
        self._generation += 1
        if pending.timeline is not None and pending.index is not None and pending.edits == self._edits:
            self._show(pending.timeline, pending.index)
        else:
            self._refresh()

    def clear(self) -> None:
        self._analyses, self._failures = [], []
        self._rebuild()

    def showing(self, events: Sequence[Event]) -> Workspace:
        """A workspace that shows only these events of this one's timeline (for a writer)."""
        shown = Workspace(self.settings)
        shown.timeline = replace(self.timeline, events=list(events))
        return shown

    def article(self, name: str) -> Article | None:
        return next((a.article for a in self._analyses if a.article.name == name), None)

    def set_publication_date(self, name: str, when: date | None) -> None:
        """Give an article a publication date (``None``: unknown) and re-anchor its relative dates:
        an edit like any other, undone with Undo."""
        from timeline_app.core.commands import SetPublicationDate

        article = self.article(name)
        if article is None:
            raise KeyError(name)
        self.run(SetPublicationDate(name, when, (article.published, article.date_source)))

    def set_language(self, name: str, code: str) -> None:
        """Say which language an article is written in; its dates are read again in it (undone with Undo)."""
        from timeline_app.core.commands import SetLanguage

        article = self.article(name)
        if article is None:
            raise KeyError(name)
        self.run(SetLanguage(name, code.strip().lower(), article.language))

    def _apply_publication_dates(self) -> bool:
        """Re-analyse the articles whose publication date or language the edits changed; True if any was."""
        changed = False
        for i, a in enumerate(self._analyses):
            given = self.curation.published.get(a.article.name)
            code = self.curation.languages.get(a.article.name)
            article = a.article
            if given is not None and (article.published, article.date_source) != given:
                article = replace(article, published=given[0], date_source=given[1])
            if code and code != article.language:
                first = article.day_first if article.day_first is not None or code == DEFAULT else True
                article = replace(article, language=code, day_first=first)
            if article is not a.article:
                self._analyses[i] = analyze(article, self.settings)
                changed = True
        return changed

    # -- events and selection ----------------------------------------------------------------

    def event(self, event_id: str | None) -> Event | None:
        return self._by_id.get(event_id) if event_id else None

    def select(self, event_id: str | None) -> None:
        if event_id is not None and event_id not in self._by_id:
            event_id = None
        if event_id != self.selected:
            self.selected = event_id
            self.selection_changed.emit(event_id)

    def evidence_in(self, document: str) -> list[tuple[Event, Evidence]]:
        """Every (event, evidence) pair citing a sentence of ``document``, in text order."""
        return self._by_document.get(document, [])

    def event_at(self, document: str, offset: int) -> str | None:
        """The event whose evidence in ``document`` covers ``offset`` (its date first, then its sentence)."""
        best = None
        for e, ev in self.evidence_in(document):
            if ev.date_start <= offset < ev.date_end:
                return e.id
            if best is None and ev.sentence_start <= offset < ev.sentence_end:
                best = e.id
        return best

    def sentence_at(self, document: str, offset: int):  # noqa: ANN201 - a core Sentence or None
        """The sentence of ``document`` that holds ``offset``."""
        analysis = next((a for a in self._analyses if a.article.name == document), None)
        return analysis.sentences.at(offset) if analysis else None

    def events_per_document(self) -> dict[str, int]:
        counts = {a.article.name: 0 for a in self._analyses}
        for e in self.timeline.events:
            for doc in e.documents:
                counts[doc] = counts.get(doc, 0) + 1
        return counts

    # -- edits -------------------------------------------------------------------------------

    @property
    def curation(self) -> Curation:
        return self.commands.curation

    def run(self, command: Command) -> None:
        """Do an edit (undoable) and show its result."""
        self._edits += 1
        self.commands.push(command)
        self._after(command)

    def undo(self) -> None:
        self._edits += 1
        self._after(self.commands.undo())

    def redo(self) -> None:
        self._edits += 1
        self._after(self.commands.redo())

    def _after(self, command: Command | None) -> None:
        if command is None:
            return
        if getattr(command, "rebuilds", False) and self._apply_publication_dates():
            self._rebuild()  # the articles' dates changed: their events are read again
        else:
            self._refresh()

    def set_curation(self, curation: Curation) -> None:
        """Replace every edit (opening a project); the undo history starts afresh."""
        self._edits += 1
        self.commands = CommandStack(curation)
        if curation.languages and self._apply_publication_dates():
            self._rebuild()  # the languages the researcher set: their articles are read again
            return
        self._refresh()

    def excluded(self) -> list[Event]:
        return list(self.timeline.excluded)

    # -- rebuilding ----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        """Read the articles' events again (articles changed), then apply the edits."""
        self._generation += 1
        self._reading = machine_reading(self._analyses, self.settings)
        self._refresh()

    def _refresh(self) -> None:
        timeline = finish(self._reading, self._analyses, self._failures, self.curation, self.settings)
        self._show(timeline, _index(timeline))

    def _show(self, timeline: Timeline, index: _Index) -> None:
        anchor = None
        old = self.event(self.selected)
        if old is not None:
            anchor = key_of(old)
        self.timeline = timeline
        self._by_id, self._by_document = index
        self.timeline_changed.emit()
        # keep the selection on the same mention when ids shift
        self.history_changed.emit()
        new_id = None
        if anchor is not None:
            new_id = next((e.id for e in self.timeline.events + self.timeline.excluded
                           if key_of(e) == anchor or any((ev.document, ev.date_start) == anchor
                                                          for ev in e.evidence)), None)
        previous, self.selected = self.selected, new_id
        if new_id != previous:
            self.selection_changed.emit(new_id)


def find_in_articles(articles: list[Article], text: str, limit: int = 500) -> list[tuple[str, int, str]]:
    """Where ``text`` occurs in the articles (any case): (article, offset, the line around it), in
    article order, at most ``limit``.

    >>> a = Article("a.txt", "a.txt", "A", "Vilnius said.\\nThe border plan, said Vilnius.", None, "unknown")
    >>> find_in_articles([a], "vilnius")
    [('a.txt', 0, 'Vilnius said.'), ('a.txt', 36, 'The border plan, said Vilnius.')]
    """
    from timeline_app.core.casefold import lower_keeping_offsets

    needle = text.strip().lower()
    found: list[tuple[str, int, str]] = []
    if not needle:
        return found
    for article in articles:
        low = lower_keeping_offsets(article.text)
        i = low.find(needle)
        while i >= 0 and len(found) < limit:
            start = article.text.rfind("\n", 0, i) + 1
            end = article.text.find("\n", i)
            line = article.text[start:end if end >= 0 else len(article.text)].strip()
            if len(line) > 160:  # a long paragraph: the words around the match
                line = "…" + " ".join(article.text[max(0, i - 70):i + 80].split()) + "…"
            found.append((article.name, i, line))
            i = low.find(needle, i + len(needle))
        if len(found) >= limit:
            break
    return found
