"""Publication dates of undated articles, inferred from what the dated ones report."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from timeline_app.core.article import DATE_INFERRED
from timeline_app.core.budget import check
from timeline_app.core.event import Evidence
from timeline_app.core.likeness import content
from timeline_app.core.settings import Settings
from timeline_app.core.timeline import ArticleAnalysis, analyze, own_events
from timeline_app.core.wordsets import WordSets, ranges

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from timeline_app.core.tagger.records import TemporalExpression

_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")


#: a day as an undated article may name it: ("weekday", 1-7, 0) or ("day", month, day)
Key = tuple[str, int, int]


def infer_publication_dates(analyses: Sequence[ArticleAnalysis], settings: Settings | None = None,
                            threshold: float = 65.0) -> list[ArticleAnalysis]:
    """Give undated articles the publication date their mentions imply.

    When an undated article says "Monday" (or "May 5") in a sentence that reports what a dated
    article reports on a Monday (on May 5), it was published on or after that day. The day of the
    report its sentence is most like (``threshold`` at least; the first listed of the best) is
    taken, and marked as inferred so that a researcher can override it. A mention is compared only
    with the reports of its weekday (its month and day), and of their sentences only those whose
    :class:`WordSets` bounds may beat the best score found.
    """
    undated = [i for i, a in enumerate(analyses) if a.article.published is None]
    dated = [a for a in analyses if a.article.published is not None]
    if not undated or not dated:
        return list(analyses)
    import numpy as np
    from rapidfuzz import process

    # only the dated articles' day mentions are needed: no copy detection
    reports = _Reports(dated, replace(settings if isinstance(settings, Settings) else Settings(), fuse=False,
                                      detect_copies=False))
    # what the undated articles say on a day some report has: (article, content, expression, day)
    mentions = [(i, *said) for i in undated for said in _said(analyses[i], reports.on)]
    sets = WordSets(reports.texts + [mine for _, mine, _, _ in mentions])  # a mention's content after the reports'
    best: dict[int, tuple[float, date, str]] = {}  # by article: the best score, its day, why
    for at, (i, mine, expr, key) in enumerate(mentions, start=len(reports.texts)):
        check()
        # each report's best sentence; the first report of the best score, if better than found so far
        theirs, owner = reports.sentences_of(key)
        lower, upper = sets.bounds([at], theirs)
        found = best[i][0] if i in best else 0.0
        kept = np.flatnonzero(upper[0] >= max(threshold, float(lower.max()), found) - 1e-6)
        if not len(kept):
            continue
        scores = process.cpdist([mine] * len(kept), [reports.texts[t] for t in theirs[kept]],
                                scorer=fuzz.token_set_ratio, score_cutoff=threshold, dtype=np.float64)
        per_report = np.zeros(len(reports.on[key]))
        np.maximum.at(per_report, owner[kept], scores)
        top = int(per_report.argmax())
        if per_report[top] >= threshold and (i not in best or per_report[top] > found):
            n = reports.on[key][top]
            why = f"\"{expr.text}\" here reports what {reports.documents[n]} dates {reports.days[n].isoformat()}"
            best[i] = (float(per_report[top]), reports.days[n], why)
    out = list(analyses)
    for i, (_, day, why) in best.items():
        article = replace(analyses[i].article, published=day, date_source=DATE_INFERRED, date_note=why)
        out[i] = analyze(article, settings, same_text=analyses[i])
    return out


class _Reports:
    """The dated articles' reports of a day, by the day as an undated article may name it (:data:`Key`):
    each report's day, article and its sentences' contents, one after another (those of report n are
    ``texts[first[n]:first[n + 1]]``)."""

    def __init__(self, dated: Sequence[ArticleAnalysis], settings: Settings) -> None:
        self.days: list[date] = []
        self.documents: list[str] = []
        self.texts: list[str] = []
        self.first = [0]
        self.on: dict[Key, list[int]] = defaultdict(list)
        for e, contents in own_events(dated, settings):
            if e.start and e.start == e.end:
                self.on["weekday", e.start.isoweekday(), 0].append(len(self.days))
                self.on["day", e.start.month, e.start.day].append(len(self.days))
                self.days.append(e.start)
                self.documents.append(e.evidence[0].document)
                self.texts.extend(contents)
                self.first.append(len(self.texts))
        self._made: dict[Key, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = {}

    def sentences_of(self, key: Key) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The sentences of the reports of a day, one after another (positions in ``texts``), and
        the report each is of (its position in ``on[key]``)."""
        if key not in self._made:
            import numpy as np

            n = np.array(self.on[key])
            self._made[key] = ranges(np.array(self.first)[n], np.diff(self.first)[n])
        return self._made[key]


def _said(a: ArticleAnalysis, on: Mapping[Key, list[int]]) -> list[tuple[str, TemporalExpression, Key]]:
    """What an undated article says on a weekday or a month and day some dated article reports:
    (the content of its sentence, the expression, the day)."""
    check()
    out = []
    for expr in a.expressions:
        wd, md = _WEEKDAY.match(expr.value), _MONTH_DAY.match(expr.value)
        key = ("weekday", int(wd[1]), 0) if wd else ("day", int(md[1]), int(md[2])) if md else None
        sentence = a.sentences.at(expr.start) if key in on else None
        if sentence is not None and key is not None:
            out.append((content(Evidence(a.article.name, 0, 0, sentence.text, 0, 0, expr.text, expr.value,
                                         language=a.article.language)), expr, key))
    return out
