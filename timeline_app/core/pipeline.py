"""The one order of the stages, from files to a curated timeline; every caller goes through here.

read (loading.load: files -> analysed articles, each under its time budget)
  -> publication dates inferred from the other articles (provenance.infer_publication_dates)
  -> the machine reading: events, merging, fusion, copies (timeline.machine_reading)
  -> the researcher's edits, order and numbering (timeline.finish)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from timeline_app.core.article import Article, ReadFailure
from timeline_app.core.blocks import here
from timeline_app.core.curation import Curation
from timeline_app.core.inference import infer_publication_dates
from timeline_app.core.loading import Progress, load
from timeline_app.core.scale import runner
from timeline_app.core.settings import Settings
from timeline_app.core.timeline import ArticleAnalysis, MachineReading, Timeline, analyze, finish, machine_reading


@dataclass
class Reading:
    """The analysed articles with their publication dates settled, and what the machine read."""

    analyses: list[ArticleAnalysis]
    failures: list[ReadFailure]
    reading: MachineReading
    settings: Settings = field(default_factory=Settings)


def read_events(analyses: Sequence[ArticleAnalysis], failures: Sequence[ReadFailure] = (),
                settings: Settings | None = None) -> Reading:
    """Publication dates inferred where missing, then the events as read (no edits yet)."""
    settings = settings or Settings()
    dated = infer_publication_dates(list(analyses), settings)
    run = runner(settings) if settings.engine == "dask" else here  # on the cluster that read them
    return Reading(dated, list(failures), machine_reading(dated, settings, run), settings)


def curated(reading: Reading, curation: Curation | None = None) -> Timeline:
    """The timeline with the researcher's edits applied, ordered and numbered."""
    return finish(reading.reading, reading.analyses, reading.failures, curation, reading.settings)


def timeline_from(analyses: Sequence[ArticleAnalysis], failures: Sequence[ReadFailure] = (),
                  settings: Settings | None = None, curation: Curation | None = None) -> Timeline:
    """Order the events of analysed articles, with a researcher's edits applied on top.

    One event per happening: mentions of a date within one article that give the same dates and
    share most of their words (a summary bullet and the paragraph it sums up) are one event, and
    then mentions across articles that agree on the date and the content are fused. Mentions in
    page furniture are kept apart as excluded. Unresolved mentions (relative dates in an article
    with no known publication date) come last, with no dates.
    """
    return curated(read_events(analyses, failures, settings), curation)


def build_timeline(articles: Sequence[Article], failures: Sequence[ReadFailure] = (),
                   settings: Settings | None = None) -> Timeline:
    """Articles already in memory to their timeline (tests, benchmarks, scripts)."""
    settings = settings or Settings()
    return timeline_from([analyze(a, settings) for a in articles], failures, settings)


@dataclass
class Sources:
    """What to read: files and folders, with the dates a researcher gave and their edits."""

    paths: list[str] = field(default_factory=list)
    reference: date | None = None
    dates: Mapping[str, date] = field(default_factory=dict)
    curation: Curation | None = None
    #: articles already in memory (pasted text a project keeps)
    articles: list[Article] = field(default_factory=list)


def read_timeline(sources: Sources | Iterable[str | os.PathLike[str]], settings: Settings | None = None, *,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Timeline:
    """Files and folders to a curated timeline, every stage in its order."""
    settings = settings or Settings()
    if not isinstance(sources, Sources):
        sources = Sources([os.fspath(s) for s in sources])
    if sources.curation is not None and sources.curation.languages:  # languages the researcher set
        settings = replace(settings, file_languages=settings.file_languages
                           + tuple(sources.curation.languages.items()))
    loaded = load(sources.paths, reference=sources.reference, dates=sources.dates, settings=settings,
                  progress=progress, cancelled=cancelled)
    analyses = loaded.analyses + [analyze(a, settings) for a in sources.articles]
    return curated(read_events(analyses, loaded.failures, settings), sources.curation)
