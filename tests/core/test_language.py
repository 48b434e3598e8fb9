"""Every stage reads the words of the article's own language: a language is its data folder, and an
article's ``language`` picks the folder its dates, sentences, titles, stop words and furniture come from.

The tests add a language "xx" (English data with a few words changed) without touching the package.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from timeline_app.core import language as language_module


@pytest.fixture
def xx(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A language "xx": English, plus the month "mai", the abbreviation "bzw", the title cut "und"
    and the furniture line "Lesen Sie auch"."""
    from timeline_app.core import event, relevance
    from timeline_app.core.tagger import lexicon

    english = language_module.read_data

    def read_data(code: str, name: str) -> dict[str, Any]:
        data = english("en" if code == "xx" else code, name)
        if code != "xx":
            return data
        data = {**data}
        if name == "tagger":
            data["months"] = {**data["months"], "mai": 5}
        elif name == "text":
            data["abbreviations"] = [*data["abbreviations"], "bzw"]
            data["titles"] = {**data["titles"], "cuts": [*data["titles"]["cuts"], "und"]}
        elif name == "furniture":
            data["line_prefixes"] = [*data["line_prefixes"], "lesen sie auch"]
        return data

    caches = (language_module.language, event._title_cuts, relevance._data, lexicon.lexicon)
    for cached in caches:
        cached.cache_clear()
    monkeypatch.setattr(language_module, "read_data", read_data)
    from timeline_app.core import article, timeline

    english_reads = language_module.readable

    def readable(code: str) -> bool:  # "xx" has its words, as a data folder would give them
        return code == "xx" or english_reads(code)

    for module in (language_module, article, timeline):
        monkeypatch.setattr(module, "readable", readable)
    monkeypatch.setattr(lexicon, "read_language_data", read_data)
    monkeypatch.setattr(relevance, "read_data", read_data)
    yield "xx"
    for cached in caches:
        cached.cache_clear()


def test_the_tagger_reads_the_language_it_is_given(xx: str) -> None:
    from timeline_app.core.settings import Settings
    from timeline_app.core.tagger import tag

    text = "Der Vertrag wurde am 5 Mai 2025 unterzeichnet."
    assert [e.value for e in tag(text, date(2025, 6, 1), Settings(language=xx))] == ["2025-05-05"]
    assert [e.value for e in tag(text, date(2025, 6, 1))] == ["2025"]  # English knows no "Mai"


def test_sentences_titles_and_furniture_read_the_language(xx: str) -> None:
    from timeline_app.core.event import make_title
    from timeline_app.core.relevance import furniture
    from timeline_app.core.sentences import Sentences

    text = "Sie kamen bzw. Gingen. Dann nichts."
    assert Sentences(text, xx).rough() == ["Sie kamen bzw. Gingen.", "Dann nichts."]
    assert len(Sentences(text).rough()) == 3
    sentence = "Lithuania agreed on a plan to fortify its long eastern border und then went on to do much more besides"
    assert make_title(sentence, lang=xx) == "Lithuania agreed on a plan to fortify its long eastern border"
    assert make_title(sentence) != make_title(sentence, lang=xx)
    page = "Story on May 5.\nLesen Sie auch: Anderes"
    assert furniture(page, xx) and not furniture(page)


def test_an_article_is_analysed_in_its_own_language(xx: str) -> None:
    from timeline_app.core.article import Article
    from timeline_app.core.pipeline import build_timeline
    from timeline_app.core.settings import Settings

    text = "Titel\n\nDer Vertrag wurde am 5 Mai 2025 in Vilnius unterzeichnet, sagte die Regierung."
    article = Article("a.txt", "a.txt", "Titel", text, date(2025, 6, 1), "given", language=xx)
    timeline = build_timeline([article], settings=Settings())
    assert [(e.start, e.evidence[0].language) for e in timeline.events] == [(date(2025, 5, 5), xx)]


def test_language_folders_are_found_through_a_frozen_build_s_path(monkeypatch) -> None:  # noqa: ANN001
    """A frozen build serves the data folder as a MultiplexedPath, whose joinpath takes one part."""
    from importlib import resources
    from importlib.readers import MultiplexedPath

    from timeline_app.core import language as lang

    folder = MultiplexedPath(str(resources.files("timeline_app.resources")))
    monkeypatch.setattr(lang.resources, "files", lambda package: folder)
    lang.readable.cache_clear()
    lang.readable_languages.cache_clear()
    try:
        assert lang.readable("de") and not lang.readable("pl")
        assert set(lang.readable_languages()) >= {"en", "de", "fr", "es", "uk", "ru"}
        assert lang.read_data("de", "text")["ordinals_with_dot"] is True
    finally:
        lang.readable.cache_clear()
        lang.readable_languages.cache_clear()
