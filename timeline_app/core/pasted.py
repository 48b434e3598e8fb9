"""Articles pasted in, not read from a file: the text is kept in the project that holds them."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from timeline_app.core.article import (
    DATE_BYLINE,
    DATE_GIVEN,
    DATE_REFERENCE,
    DATE_UNKNOWN,
    Article,
    blank_long_runs,
    find_dateline,
    guess_title,
)
from timeline_app.core.language import detect
from timeline_app.core.readers import ArticleError
from timeline_app.core.settings import Settings

#: How a pasted article's path starts: it names no file.
PASTED = "pasted:"
#: Largest text pasted as an article, in characters (as a file's limit, for text).
MAX_PASTED = 5_000_000


def is_pasted(path: str) -> bool:
    return path.startswith(PASTED)


def pasted_article(text: str, *, title: str = "", outlet: str = "", published: date | None = None,
                   reference: date | None = None, settings: Settings | None = None) -> Article:
    """An article from pasted text, with the title, source and "written on" date the researcher
    gave (a byline in the text dates it when no date is given). Raises :class:`ArticleError` for
    text with nothing to read."""
    settings = settings or Settings()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_PASTED:
        raise ArticleError(f"too long to paste ({len(text):,} characters; save it as a file and open it)")
    if not re.search(r"[^\W\d_]{2,}", text):
        raise ArticleError("no readable text")
    text = blank_long_runs(text)
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    detected, dateline = find_dateline(text, settings)
    when: date | None
    if published is not None:
        when, source, dateline = published, DATE_GIVEN, None
    elif detected is not None:
        when, source = detected, DATE_BYLINE
    else:
        when, source = reference, DATE_REFERENCE if reference else DATE_UNKNOWN
    title = title.strip() or guess_title(text, lang=settings.language) or "Pasted text"
    code = detect(text, settings.language) if settings.detect_language else settings.language
    return Article(f"{PASTED}{key}", f"pasted {key[:6]}", title, text, when, source, dateline,
                   language=code, outlet=outlet.strip())
