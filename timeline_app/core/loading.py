"""Loading many articles with progress reports and a way to stop (run it off the GUI thread)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from timeline_app.core.article import ArticleError, ReadFailure, collect_paths, read_article, unique_names
from timeline_app.core.settings import Settings
from timeline_app.core.timeline import ArticleAnalysis, analyze

#: progress(done, total, current file name)
Progress = Callable[[int, int, str], None]


@dataclass
class LoadResult:
    analyses: list[ArticleAnalysis] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    cancelled: bool = False


def load(sources: Iterable[str | os.PathLike[str]], *, reference: date | None = None,
         dates: Mapping[str, date] | None = None, settings: Settings | None = None,
         progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> LoadResult:
    """Read and analyse every article under ``sources``.

    ``progress`` is called after each file; when ``cancelled()`` turns true the load stops and
    returns what it has so far, with ``cancelled`` set.
    """
    settings = settings or Settings()
    dates = dict(dates or {})
    paths, failures = collect_paths(sources)
    result = LoadResult(failures=failures)
    articles = []
    for i, path in enumerate(paths):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        given = dates.get(str(path)) or dates.get(path.name)
        try:
            articles.append(read_article(path, published=given, reference=reference, settings=settings))
        except ArticleError as e:
            result.failures.append(ReadFailure(str(path), str(e)))
        except Exception as e:  # noqa: BLE001 - one bad file must never stop the others
            result.failures.append(ReadFailure(str(path), f"could not be read ({type(e).__name__}: {e})"))
        if progress is not None:
            progress(i + 1, len(paths) * 2, path.name)
    for j, article in enumerate(unique_names(articles)):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        try:
            result.analyses.append(analyze(article, settings))
        except Exception as e:  # noqa: BLE001
            result.failures.append(ReadFailure(article.path, f"could not be analysed ({type(e).__name__}: {e})"))
        if progress is not None:
            progress(len(paths) + j + 1, len(paths) * 2, article.name)
    return result
