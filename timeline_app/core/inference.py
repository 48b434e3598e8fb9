"""Publication dates of undated articles, inferred from what the dated ones report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from timeline_app.core.article import DATE_INFERRED
from timeline_app.core.budget import check
from timeline_app.core.event import Evidence
from timeline_app.core.fusion import content
from timeline_app.core.settings import Settings
from timeline_app.core.timeline import ArticleAnalysis, analyze, machine_reading

_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")


def infer_publication_dates(analyses: Sequence[ArticleAnalysis], settings: Settings | None = None,
                            threshold: float = 65.0) -> list[ArticleAnalysis]:
    """Give undated articles the publication date their mentions imply.

    When an undated article says "Monday" (or "May 5") in a sentence that reports what a dated
    article reports on a Monday (on May 5), it was published on or after that day: the earliest
    such day is taken, and marked as inferred so that a researcher can override it.
    """
    undated = [i for i, a in enumerate(analyses) if a.article.published is None]
    dated = [a for a in analyses if a.article.published is not None]
    if not undated or not dated:
        return list(analyses)
    # only the dated articles' day mentions are needed: no fusion, no copy detection
    quick = replace(settings if isinstance(settings, Settings) else Settings(), fuse=False, detect_copies=False)
    days = [e for e in machine_reading(dated, quick).events if e.start and e.start == e.end]
    out = list(analyses)
    for i in undated:
        check()
        a = analyses[i]
        best: tuple[float, date, str] | None = None
        for expr in a.expressions:
            wd, md = _WEEKDAY.match(expr.value), _MONTH_DAY.match(expr.value)
            if not (wd or md):
                continue
            sentence = a.sentences.at(expr.start)
            if sentence is None:
                continue
            mine = content(Evidence(a.article.name, 0, 0, sentence.text, 0, 0, expr.text, expr.value,
                                    language=a.article.language))
            for e in days:
                d = e.start
                if d is None:
                    continue
                if wd and d.isoweekday() != int(wd[1]) or md and (d.month, d.day) != (int(md[1]), int(md[2])):
                    continue
                score = max((fuzz.token_set_ratio(mine, content(ev)) for ev in e.evidence), default=0.0)
                if score >= threshold and (best is None or score > best[0]):
                    why = f"\"{expr.text}\" here reports what {e.evidence[0].document} dates {d.isoformat()}"
                    best = (score, d, why)
        if best is not None:
            when = best[1]
            article = replace(a.article, published=when, date_source=DATE_INFERRED, date_note=best[2])
            out[i] = analyze(article, settings)
    return out
