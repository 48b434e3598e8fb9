"""Loading many articles with progress reports and a way to stop (run it off the GUI thread)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.context import BaseContext
from pathlib import Path

from timeline_app.core.article import Article, ReadFailure, collect_paths, read_file, unique_names
from timeline_app.core.budget import Stopped, TookTooLong, time_budget
from timeline_app.core.cache import ReadCache
from timeline_app.core.files import read_regular_file
from timeline_app.core.settings import Settings
from timeline_app.core.timeline import ArticleAnalysis, analyze

#: progress(done, total, current file name)
Progress = Callable[[int, int, str], None]


@dataclass
class LoadResult:
    analyses: list[ArticleAnalysis] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    cancelled: bool = False


def _read_and_analyse(paths: list[Path], reference: date | None, dates: dict[str, date], settings: Settings,
                      cancelled: Callable[[], bool] | None = None,
                      ) -> tuple[list[Article], list[ArticleAnalysis | None], list[ReadFailure]]:
    """Files read and analysed one by one, each under the time budget: articles, their analyses,
    failures (an article that was read but not analysed keeps its place with None)."""
    articles: list[Article] = []
    analyses: list[ArticleAnalysis | None] = []
    failures: list[ReadFailure] = []
    kept = ReadCache(settings.cache_folder) if settings.cache_folder else None
    for path in paths:
        if cancelled is not None and cancelled():
            break
        key, data = _cache_key(kept, path, dates, reference, settings)
        done: list[tuple[Article, ArticleAnalysis | ReadFailure]] | None = kept.get(key) if kept and key else None
        if done is None:
            done = []
            failed = len(failures)
            try:
                with time_budget(settings.file_seconds, cancelled):  # a file and all it holds
                    for article in read_file(path, dates, reference, settings, data):
                        if isinstance(article, ReadFailure):
                            failures.append(article)
                        else:
                            done.append((article, _analyse_or_report(article, settings)))
            except TookTooLong as e:
                failures.append(ReadFailure(str(path), str(e)))
                continue
            except Stopped:
                break
            whole = len(failures) == failed and all(isinstance(a, ArticleAnalysis) for _, a in done)
            if kept and key and done and whole:
                kept.put(key, done)  # only a reading that went through whole: nothing it holds failed
        for article, analysis in done:
            if isinstance(analysis, ReadFailure):
                failures.append(analysis)
                analyses.append(None)  # read, but not analysed: it keeps its place
            else:
                analyses.append(analysis)
            articles.append(article)
    return articles, analyses, failures


def _cache_key(kept: ReadCache | None, path: Path, dates: dict[str, date], reference: date | None,
               settings: Settings) -> tuple[str | None, bytes | None]:
    """The key of a file's reading in the cache, and the bytes read for it (read once: a reading
    not in the cache reads these); (None, None) without a cache or when the file cannot be read."""
    if kept is None:
        return None, None
    try:
        data = read_regular_file(path, settings.max_file_bytes)
    except OSError:
        return None, None  # read_file says why
    return kept.key(path, data, dates, reference, settings), data


def _analyse_or_report(article: Article, settings: Settings) -> ArticleAnalysis | ReadFailure:
    try:
        return analyze(article, settings)
    except (TookTooLong, Stopped):
        raise
    except Exception as e:  # noqa: BLE001 - one article must never stop the others
        return ReadFailure(article.path, f"could not be analysed ({type(e).__name__}: {e})")


#: what a chunk of files gave: articles, their analyses (None: read, not analysed), failures
Chunk = tuple[list[Article], list[ArticleAnalysis | None], list[ReadFailure]]
#: chunk_done(chunk number, what it gave)
ChunkDone = Callable[[int, Chunk], None]


def _load_parallel(paths: list[Path], result: LoadResult, reference: date | None, dates: dict[str, date],
                   settings: Settings, workers: int, progress: Progress | None,
                   cancelled: Callable[[], bool] | None) -> None:
    """Read and analyse chunks of files on several processes: a local pool, started as
    :func:`_process_context` says, or a Dask cluster (``settings.engine``). A chunk they did not
    read (processes that cannot start here, one that was killed) is read in this process."""
    size = max(8, min(64, len(paths) // (workers * 4) or 8))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    done_files = 0
    by_chunk: dict[int, Chunk] = {}

    def chunk_done(i: int, read: Chunk) -> None:
        nonlocal done_files
        by_chunk[i] = read
        done_files += len(chunks[i])
        if progress is not None:
            progress(done_files, len(paths), chunks[i][-1].name)

    if cancelled is not None and cancelled():  # stopped before it started: no process is started
        result.cancelled = True
        return
    if settings.engine == "dask":
        from timeline_app.core.scale import read_on_dask

        result.cancelled = read_on_dask(chunks, reference, dates, settings, workers, chunk_done, cancelled)
    else:
        result.cancelled = _read_on_pool(chunks, reference, dates, settings, workers, chunk_done, cancelled)
    for i, chunk in enumerate(chunks):
        if result.cancelled or i in by_chunk:
            continue
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        chunk_done(i, _read_and_analyse(chunk, reference, dates, settings))
    articles: list[Article] = []
    analyses: list[ArticleAnalysis | None] = []
    for i in sorted(by_chunk):  # the order of the files, whatever order the chunks finished in
        a, an, f = by_chunk[i]
        articles += a
        analyses += an
        result.failures += f
    _keep_renamed(articles, analyses, result)


def _read_on_pool(chunks: list[list[Path]], reference: date | None, dates: dict[str, date], settings: Settings,
                  workers: int, chunk_done: ChunkDone, cancelled: Callable[[], bool] | None) -> bool:
    """The chunks read on a local process pool; True when the load was cancelled."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    stopped = False
    pool = None
    try:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=_process_context(settings.language))
        pending = {pool.submit(_read_and_analyse, chunk, reference, dates, settings): i
                   for i, chunk in enumerate(chunks)}
        while pending:
            finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                i = pending.pop(future)
                chunk_done(i, future.result())
            if cancelled is not None and cancelled():
                stopped = True
                break
    except (BrokenProcessPool, OSError):
        pass  # processes cannot start here, or one was killed: the rest is read in this process
    finally:
        if pool is not None:  # on cancel, return at once: the processes finish their file and end
            pool.shutdown(wait=not stopped, cancel_futures=True)
    return stopped


def _single_threaded() -> bool:
    """Is this process running one thread, native threads (Qt's) included? Only Linux can tell."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _process_context(language: str) -> BaseContext:
    """How reader processes start: forked where that is safe, else from a clean server process.

    A fork costs nothing: the child has the reading code imported and the lexicon compiled (it is
    built here first). Forking a process that runs other threads (Qt's, the window's loading
    thread) is unsafe, so there the readers are forked from a server process that imported the
    reading code and compiled the English lexicon once (:mod:`timeline_app.core.preload`); a
    platform with neither (Windows) spawns each reader afresh.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and _single_threaded():
        from timeline_app.core.tagger.lexicon import lexicon

        lexicon(language)
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["timeline_app.core.preload"])
        return context
    return multiprocessing.get_context("spawn")


def worker_count(settings: Settings) -> int:
    """How many processes read a large load (and make up a local cluster): the settings', else one
    per core, at most 8."""
    return min(settings.workers or (os.cpu_count() or 1), 8)


def load(sources: Iterable[str | os.PathLike[str]], *, reference: date | None = None,
         dates: Mapping[str, date] | None = None, settings: Settings | None = None,
         progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> LoadResult:
    """Read and analyse every article under ``sources``.

    ``progress`` is called as files are done; when ``cancelled()`` turns true the load stops and
    returns what it has so far, with ``cancelled`` set. Large loads use several processes.
    """
    settings = settings or Settings()
    dates = dict(dates or {})
    paths, failures = collect_paths(sources)
    result = LoadResult(failures=failures)
    workers = worker_count(settings)
    if settings.engine == "dask" or (workers > 1 and len(paths) >= settings.parallel_from):
        _load_parallel(paths, result, reference, dates, settings, workers, progress, cancelled)
    else:
        _load_here(paths, result, reference, dates, settings, progress, cancelled)
    if settings.cache_folder:
        ReadCache(settings.cache_folder).trim()
    return result


def _load_here(paths: list[Path], result: LoadResult, reference: date | None, dates: dict[str, date],
               settings: Settings, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
    articles: list[Article] = []
    analyses: list[ArticleAnalysis | None] = []
    for i, path in enumerate(paths):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        a, an, f = _read_and_analyse([path], reference, dates, settings, cancelled)
        articles += a
        analyses += an
        result.failures += f
        if progress is not None:
            progress(i + 1, len(paths), path.name)
    result.cancelled = result.cancelled or bool(cancelled is not None and cancelled())
    _keep_renamed(articles, analyses, result)


def _keep_renamed(articles: list[Article], analyses: list[ArticleAnalysis | None], result: LoadResult) -> None:
    """Analyses under the articles' final names (file names that clash get their folder)."""
    for article, analysis in zip(unique_names(articles), analyses):
        if analysis is not None:
            result.analyses.append(analysis if analysis.article is article else
                                   ArticleAnalysis(article, analysis.sentences, analysis.expressions,
                                                   analysis.furniture))
