"""A language as a folder of data (``resources/<code>/``), loaded into one :class:`Language`.

``tagger.toml`` holds what the date tagger knows (lexicon.py compiles it), ``furniture.toml`` the
phrases of page furniture, ``text.toml`` the words of the other stages: sentence abbreviations,
stop words, words a title never ends on. Adding a language is a folder of these files.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

#: The languages with a data folder.
DEFAULT = "en"


def read_data(code: str, name: str) -> dict[str, Any]:
    """One data file of a language's folder, parsed."""
    folder = resources.files("timeline_app.resources").joinpath(code)
    return tomllib.loads(folder.joinpath(f"{name}.toml").read_text(encoding="utf-8"))


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


@cache
def language(code: str = DEFAULT) -> Language:
    """The language with this code, loaded once per process."""
    data = read_data(code, "text")
    return Language(code, frozenset(data["abbreviations"]), frozenset(data["lower_abbreviations"]),
                    frozenset(data["stop_words"]), frozenset(data["titles"]["weak_ends"]))
