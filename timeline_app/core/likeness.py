"""What two sentences are compared by: the words that carry their content, and, across languages,
the names and amounts they share ("1,1 Milliarden Euro" is "1.1 billion euros")."""

from __future__ import annotations

import re
import unicodedata

from timeline_app.core.event import Evidence
from timeline_app.core.language import language
from timeline_app.core.stems import stems

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0 ]\d+)*(?![\w])")
_SCALE = re.compile(r"[ \u00a0]*([^\W\d_]+\.?)(?:[ \u00a0]+([^\W\d_]+))?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Cyrillic letters in Latin ones, so that a name written in both scripts agrees ("Науседа", "Nausėda")
_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "’": "",
})


def _name_key(word: str) -> str:
    """A name's first five letters, in Latin letters without accents ("Nausėdas", "Науседа": nause)."""
    folded = unicodedata.normalize("NFKD", word.casefold().translate(_LATIN))
    return "@" + "".join(c for c in folded if not unicodedata.combining(c))[:5]


def content(evidence: Evidence) -> str:
    """The words of a supporting sentence that carry its content: no date, no stop-words, stemmed."""
    return " ".join(stems(evidence.sentence.replace(evidence.date_text, " "), lang=evidence.language))


def anchors(evidence: Evidence) -> frozenset[str]:
    """What a supporting sentence names and counts, in a form two languages share: amounts with
    their scale ("1,1 Milliarden" and "1.1 billion": #1.1e+09) and capitalised names other than the
    sentence's first word (their first five letters, in Latin letters without accents: "Nausėdas",
    "Nausėda" and "Науседа" agree)."""
    lang = language(evidence.language)
    text = evidence.sentence.replace(evidence.date_text, " ") if evidence.date_text else evidence.sentence
    keys: set[str] = set()
    for m in _NUMBER.finditer(text):
        value = _amount(m.group(), lang.decimal_mark)
        scale = _SCALE.match(text, m.end())
        if value is None:
            continue
        factor = 1.0
        if scale:
            two = f"{scale[1]} {scale[2]}".lower() if scale[2] else ""
            factor = lang.number_scales.get(two) or lang.number_scales.get(scale[1].lower().rstrip("."), 1.0)
        if factor == 1.0 and (value < 10 or (value.is_integer() and 1800 <= value <= 2199)):
            continue  # a small count or a year: too common to tell two happenings apart
        keys.add(f"#{value * factor:.3g}")
    words = _WORD.findall(text)
    for w in words[1:]:
        if w[:1].isupper() and len(w) > 2 and w.lower() not in lang.stop_words and w.lower() not in lang.number_scales:
            keys.add(_name_key(w))
    return frozenset(keys)


def _amount(raw: str, decimal_mark: str) -> float | None:
    """A number as written in a language ("1.100,5" in German, "1,100.5" in English)."""
    thousands = "," if decimal_mark == "." else "."
    digits = raw.replace("\u00a0", "").replace(" ", "").replace(thousands, "").replace(decimal_mark, ".")
    try:
        return float(digits)
    except ValueError:
        return None
