"""The byline or dateline near the top of an article: its full date is the publication date."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from timeline_app.core.language import Language, language
from timeline_app.core.settings import Settings


def find_dateline(text: str, settings: Settings | None = None) -> tuple[date | None, tuple[int, int] | None]:
    """A full date on a byline or dateline near the top ("by Jane Doe May 6, 2025 9:48 AM").

    Only dates with a day, a month and a year count; the line must be short or carry a byline cue
    (whole words: "by" is not "bypass"; "am"/"pm" only right after a time). A date labelled as no
    publication ("Joined", "Effective date", "Version 3, 29 June 2007") is skipped; an update's date
    ("Updated ...") counts only when no other is found; an embedded post's signature ("— Name
    (@handle) May 2, 2020") is no byline.
    """
    from timeline_app.core.tagger import tag

    settings = settings or Settings()
    head = text[: settings.dateline_window]
    lang = language(settings.language)
    cue = _cue_pattern(lang.dateline_cues)
    update: tuple[date | None, tuple[int, int] | None] = (None, None)
    line_start = 0
    for line in head.split("\n"):
        lowered = line.lower()
        # only short lines and bylines can be datelines: tagging just those keeps this cheap
        if _FULL_DATE_DIGITS.search(line) and not _SIGNATURE.search(line) and (
                len(line.strip()) <= 60 or cue.search(lowered) or _TIME_MARK.search(lowered)):
            for e in tag(line, None, settings):
                if e.granularity == "day" and e.lo is not None and not e.anchored and e.kind == "point":
                    label = _label_before(lowered[:e.start], lang)
                    found = (e.lo, (line_start + e.start, line_start + e.end))
                    if label == "not_published":
                        continue
                    if label == "updated":
                        update = update if update[0] is not None else found
                        continue
                    return found
        line_start += len(line) + 1
    return update


#: what a full date with no reference date to lean on must hold: a year ("2025", "'25") or a numeric
#: date ending in one ("06.05.25"); a line without is not tagged at all
_FULL_DATE_DIGITS = re.compile(r"\d{4}|\d[./-]\d{1,2}[./-]\d\d|['’]\d\d")
#: "(@handle)" or "@handle)": the signature line of an embedded post, never a byline.
_SIGNATURE = re.compile(r"\(@\w+\)|[—–-]\s*[^\n(]{0,60}\(@")
#: "9:48 AM", "10 p.m.": a time's marker (the German preposition "am" is no cue).
_TIME_MARK = re.compile(r"\d\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)")


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """The cues as whole words: a word boundary wherever a cue starts or ends with a letter."""
    def bounded(cue: str) -> str:
        return ((r"(?<!\w)" if cue[:1].isalnum() else "") + re.escape(cue)
                + (r"(?!\w)" if cue[-1:].isalnum() else ""))

    return re.compile("|".join(bounded(c) for c in sorted(cues, key=len, reverse=True)) or r"(?!)")


def _label_before(before: str, lang: Language) -> str:
    """Which label stands last before a date on its line: ``published``, ``updated``,
    ``not_published``, or "" for none."""
    best, where = "", -1
    for kind, labels in lang.dateline_labels.items():
        for label in labels:
            for m in _cue_pattern((label,)).finditer(before):
                if m.start() > where:
                    best, where = kind, m.start()
    return best
