"""Content words of a sentence, crudely stemmed, for comparing what two sentences say."""

from __future__ import annotations

import re

from timeline_app.core.language import DEFAULT, language

WORD = re.compile(r"[^\W_]+")


def stems(text: str, token: re.Pattern[str] = WORD, lang: str = DEFAULT) -> list[str]:
    """The first six letters of each content word (no stop-words of the language ``lang``, none
    shorter than three letters).

    >>> stems("Lithuania announced plans to withdraw")
    ['lithua', 'announ', 'plans', 'withdr']
    """
    stop_words = language(lang).stop_words
    return [w[:6] for w in token.findall(text.lower()) if w not in stop_words and len(w) > 2]
