"""A language as a folder of data (``resources/<code>/``), loaded into one :class:`Language`.

``tagger.toml`` holds what the date tagger knows (tagger/lexicon.py compiles it), ``furniture.toml`` the
phrases of page furniture, ``text.toml`` the words of the other stages: sentence abbreviations,
stop words, words a title never ends on, page lines that are never a
title and the cues of a dateline; ``places.toml`` every country's names, groups of
countries and distance units, for facts sources disagree on. Adding a language is a folder of
these files.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

#: The language a text is read in when its own is not known (the run's, unless set).
DEFAULT = "en"


def read_data(code: str, name: str) -> dict[str, Any]:
    """One data file of a language's folder, parsed. A language with no folder of its own, or a
    folder without this file, reads the default's (its sentences, stop words and titles; a language
    without date words has its dates read by numbers only, see :func:`readable`)."""
    folder = resources.files("timeline_app.resources").joinpath(code)
    if not (readable(code) and folder.joinpath(f"{name}.toml").is_file()):
        folder = resources.files("timeline_app.resources").joinpath(DEFAULT)
    return tomllib.loads(folder.joinpath(f"{name}.toml").read_text(encoding="utf-8"))


@cache
def readable(code: str) -> bool:
    """Does the application read this language's words (a data folder with its date words)?"""
    # one part a call: in a frozen build the folder is a MultiplexedPath, whose joinpath takes one
    return resources.files("timeline_app.resources").joinpath(code).joinpath("tagger.toml").is_file()


#: A detected language counts only when the identifier is at least this sure; short or mixed text
#: (a post in Singlish, a list of names) keeps the run's language.
DETECTION_CONFIDENCE = 0.9
#: How much of a text the identifier reads.
DETECTION_SAMPLE = 5000


@cache
def _identifier() -> Any:
    """The language identifier, loaded once per process (0.7 s), or None if it cannot be: loading
    unpacks the model through a temporary file, which a full disk refuses."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # the model ships in the wheel

    try:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except (OSError, ValueError, MemoryError):
        return None


#: A text of at least this many words of which this share are a language's stop words is in that
#: language: English news measures 0.25 to 0.47, French, Spanish, German and Ukrainian text 0 to 0.08.
STOP_WORDS_SURE = (30, 0.2)
_WORDS = re.compile(r"[^\W\d_]+")


def _mostly_stop_words(sample: str, code: str) -> bool:
    words = _WORDS.findall(sample)
    at_least, share = STOP_WORDS_SURE
    return len(words) >= at_least and _stop_word_counts(words).get(code, 0) >= share * len(words)


def _stop_word_counts(words: list[str]) -> dict[str, int]:
    """How many of ``words`` are stop words of each language read."""
    index = _stop_index()
    counts: dict[str, int] = {}
    for w in words:
        for c in index.get(w.lower(), ()):
            counts[c] = counts.get(c, 0) + 1
    return counts


@cache
def readable_languages() -> tuple[str, ...]:
    """The codes of every language whose words the application reads."""
    folder = resources.files("timeline_app.resources")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and readable(p.name)))


#: A paragraph of at least this many words whose share of another language's stop words is at least
#: this, and at least twice its share of the article's own, is in that language (a quoted statement).
FOREIGN_PASSAGE = (12, 0.2)
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")


@cache
def _stop_index() -> dict[str, frozenset[str]]:
    """Each stop word of the languages read, and the languages it is one of."""
    index: dict[str, set[str]] = {}
    for code in readable_languages():
        for word in language(code).stop_words:
            index.setdefault(word, set()).add(code)
    return {w: frozenset(codes) for w, codes in index.items()}


def foreign_passages(text: str, code: str) -> list[tuple[int, int, str]]:
    """The paragraphs of a text in ``code`` that are plainly in another language the application
    reads, by their stop words (no model): ``(start, end, language)``. A paragraph that is most of
    the text is the text itself, whose language detection told."""
    out: list[tuple[int, int, str]] = []
    at_least, share = FOREIGN_PASSAGE
    for m in _PARAGRAPH.finditer(text):
        if m.end() - m.start() > 0.9 * len(text.strip()):
            continue
        words = _WORDS.findall(m.group())
        if len(words) < at_least:
            continue
        counts = _stop_word_counts(words)
        best = max((c for c in counts if c != code), key=counts.__getitem__, default=None)
        if best is not None and counts[best] >= share * len(words) and counts[best] >= 2 * counts.get(code, 0):
            out.append((m.start(), m.end(), best))
    return out


def detect(text: str, default: str = DEFAULT) -> str:
    """The ISO 639-1 code of the language ``text`` is written in (py3langid, offline), or
    ``default`` when the identifier is not sure.

    >>> detect("Der Vertrag wurde am 5. Mai 2025 in Vilnius unterzeichnet, teilte das Ministerium mit.")
    'de'
    """
    sample = text[:DETECTION_SAMPLE]
    if readable(default) and _mostly_stop_words(sample, default):
        return default  # plainly the run's language: no need to load the identifier (0.7 s a process)
    identifier = _identifier() if sum(c.isalpha() for c in sample) >= 20 else None
    if identifier is None:
        return default  # too little to tell, or no identifier (a full disk): the run's language
    code, confidence = identifier.classify(sample)
    return str(code) if confidence >= DETECTION_CONFIDENCE else default


@dataclass(frozen=True)
class Language:
    """The words of one language that the stages around the tagger need."""

    code: str
    #: words before a dot that seldom end a sentence
    abbreviations: frozenset[str]
    #: lower-case words that are abbreviations more often than sentence ends
    lower_abbreviations: frozenset[str]
    #: words that do not tell two sentences apart
    stop_words: frozenset[str]
    #: words a title never ends on
    weak_title_ends: frozenset[str]
    #: lines of page furniture that are never a title ("skip to content")
    title_junk: frozenset[str]
    #: the words of title cuts: clause words, asides, lead-ins, a date's opening prepositions (text.toml [titles])
    title_words: dict[str, tuple[str, ...]]
    #: words of a byline or dateline: a full date on such a line near the top is the publication date
    dateline_cues: tuple[str, ...]
    #: every country's names, each mapped to the name used in notes ("Britain" -> "United Kingdom")
    countries: dict[str, str] = field(default_factory=dict)
    #: names of groups of countries (regular expressions) and their members ("the Baltic states")
    country_groups: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    #: distance units and their length in km
    distance_units: dict[str, float] = field(default_factory=dict)
    #: labels of a dateline's date: the first publication, a later update, no publication at all
    dateline_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: how amounts are written: the decimal mark, and words of scale ("Milliarden": 1e9)
    decimal_mark: str = "."
    number_scales: dict[str, float] = field(default_factory=dict)
    #: the language writes ordinals with a dot ("am 18. März"): such a dot ends no sentence
    ordinals_with_dot: bool = False


@cache
def language(code: str = DEFAULT) -> Language:
    """The language with this code, loaded once per process."""
    data = read_data(code, "text")
    places = read_data(code, "places")
    groups = tuple((tuple(g["phrases"]), tuple(g["members"])) for g in places["groups"])
    return Language(code, frozenset(data["abbreviations"]), frozenset(data["lower_abbreviations"]),
                    frozenset(data["stop_words"]), frozenset(data["titles"]["weak_ends"]),
                    frozenset(w.lower() for w in data["titles"]["junk"]),
                    {k: tuple(x.lower() if k in ("subject_ends", "clause_subjects") else x for x in v)
                     for k, v in data["titles"].items() if k not in ("weak_ends", "junk")},
                    tuple(data["dateline"]["cues"]),
                    dict(places["countries"]), groups, {k: float(v) for k, v in places["distance_units"].items()},
                    {k: tuple(data["dateline"].get(k, ())) for k in ("published", "updated", "not_published")},
                    str(data["numbers"]["decimal_mark"]),
                    {k.lower(): float(v) for k, v in data["numbers"]["scales"].items()},
                    bool(data.get("ordinals_with_dot", False)))
