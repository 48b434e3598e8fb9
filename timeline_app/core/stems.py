"""Content words of a sentence, crudely stemmed, for comparing what two sentences say."""

from __future__ import annotations

import re

from timeline_app.core.language import language

STOP_WORDS = language().stop_words
WORD = re.compile(r"[a-z0-9]+")


def stems(text: str, token: re.Pattern[str] = WORD) -> list[str]:
    """The first six letters of each content word (no stop-words, none shorter than three letters).

    >>> stems("Lithuania announced plans to withdraw")
    ['lithua', 'announ', 'plans', 'withdr']
    """
    return [w[:6] for w in token.findall(text.lower()) if w not in STOP_WORDS and len(w) > 2]
