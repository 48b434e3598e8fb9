"""Sentence boundaries with offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.sentences import Sentences, clean, split_sentences


@pytest.mark.parametrize(("text", "sentences"), [
    ("The U.S. Embassy said on Jan. 5 that Mr. Smith left. He returned.",
     ["The U.S. Embassy said on Jan. 5 that Mr. Smith left.", "He returned."]),
    ("It will spend 1.1 billion euros over the next decade to\nfortify its border with anti-\ntank mines.\n",
     ["It will spend 1.1 billion euros over the next decade to fortify its border with anti-tank mines."]),
    ("Big Headline Here\nDefenses With Russia\n Lithuania said Monday it will spend more on the border with Russia.",
     ["Big Headline Here", "Defenses With Russia",
      "Lithuania said Monday it will spend more on the border with Russia."]),
    ("Key Takeaways\n\n  • First point by 2030.\n  • Second point from 2026 to 2030.\n",
     ["Key Takeaways", "• First point by 2030.", "• Second point from 2026 to 2030."]),
    ("“It was a bomb,” he said. “We saw it.”", ["“It was a bomb,” he said.", "“We saw it.”"]),
    ("pre-order now\nSkip to content\nEdit post\n", ["pre-order now", "Skip to content", "Edit post"]),
    # clear sentence ends are cut without syntok; it decides the others ("Mr.", "U.S.", "Jan. 5")
    ("He said it was ``to fight terrorism.'' The FBI continues. It did.",
     ["He said it was ``to fight terrorism.''", "The FBI continues.", "It did."]),
    ("Shots rang out! Police came? No one knew.", ["Shots rang out!", "Police came?", "No one knew."]),
    ("Dr. Smith arrived at 5 p.m. Monday. He left.", ["Dr. Smith arrived at 5 p.m. Monday.", "He left."]),
    # a sentence that ends in a year or a numeric date, with syntok deciding the rest or not
    ("The deal was signed on 12.06.2025. Latvia's parliament voted.",
     ["The deal was signed on 12.06.2025.", "Latvia's parliament voted."]),
    ("Mr. Smith signed on 12.06.2025. Latvia's parliament voted.",
     ["Mr. Smith signed on 12.06.2025.", "Latvia's parliament voted."]),
    ("It began in 2014. Russia annexed Crimea.", ["It began in 2014.", "Russia annexed Crimea."]),
    # a title's abbreviation never ends a sentence, even one syntok does not know
    ("Gov. Jeb Bush also asked President Clinton to act. He did.",
     ["Gov. Jeb Bush also asked President Clinton to act.", "He did."]),
    ("They started firing.'' Ms. Sanders was hit.", ["They started firing.''", "Ms. Sanders was hit."]),
])
def test_split(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences


def test_offsets_point_into_the_text(seeds_dir: Path) -> None:
    for path in seeds_dir.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        found = split_sentences(text)
        assert found
        for s in found:
            assert clean(text[s.start:s.end]) == s.text
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_the_sentence_of_an_offset_is_split_on_demand() -> None:
    text = "First one. Second one here.\n\nAnother paragraph, untouched. Really."
    sentences = Sentences(text)
    assert sentences.at(text.index("Second")).text == "Second one here."
    assert sentences.at(0).text == "First one."
    assert sentences.at(len(text) + 5) is None and sentences.at(text.index("\n")) is None
    assert len(sentences._split) == 1  # only the first paragraph was split
    assert list(sentences) == split_sentences(text)


def test_asking_sentence_by_sentence_gives_what_splitting_everything_gives(seeds_dir: Path) -> None:
    for path in seeds_dir.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        whole = split_sentences(text)
        lazy = Sentences(text)
        assert [lazy.at(s.start) for s in reversed(whole)] == list(reversed(whole))
        assert [lazy.at(s.end - 1) for s in whole] == whole


@pytest.mark.parametrize(("text", "pieces"), [
    ("The U.S. Embassy said on Jan. 5 that Mr. Smith left. He returned.",
     ["The U.S. Embassy said on Jan. 5 that Mr. Smith left.", "He returned."]),
    ("“We saw it.” He said so! J. R. Tolkien wrote.", ["“We saw it.”", "He said so!", "J. R. Tolkien wrote."]),
    ("Title line\n\nBody text. More text.", ["Title line", "Body text.", "More text."]),
])
def test_rough_split_for_comparing_articles(text: str, pieces: list[str]) -> None:
    assert Sentences(text).rough() == pieces


@pytest.mark.parametrize(("segment", "pieces", "lang"), [
    ("One fact. Two facts. Three.", ["One fact.", "Two facts.", "Three."], "en"),
    ("No end here", ["No end here"], "en"),
    # a word with a capital before the stop: judged as syntok judges it, without syntok
    ("Mr. Smith came.", ["Mr. Smith came."], "en"),
    ("Gov. Jeb Bush asked. Lt. Colonel Tarleton came.", ["Gov. Jeb Bush asked.", "Lt. Colonel Tarleton came."], "en"),
    ("The U.S. Army came. Then left.", ["The U.S. Army came.", "Then left."], "en"),
    ("They went to the U.S. The talks failed.", ["They went to the U.S.", "The talks failed."], "en"),
    ("Talks were held in Miami. Castro spoke.", ["Talks were held in Miami.", "Castro spoke."], "en"),
    ("It was in Miami. ``We cannot wait,'' he said.", ["It was in Miami.", "``We cannot wait,'' he said."], "en"),
    ("It was Jan. 5 then.", ["It was Jan. 5 then."], "en"),
    ("Prices rose 5%. The index fell to 1678.5. Traders left.",
     ["Prices rose 5%.", "The index fell to 1678.5.", "Traders left."], "en"),
    ("Das Haus brannte. Über Nacht kam Hilfe.", ["Das Haus brannte.", "Über Nacht kam Hilfe."], "de"),
    ("Армія відступила. Далі почався наступ.", ["Армія відступила.", "Далі почався наступ."], "uk"),
    # unclear ("?"): syntok decides within that piece alone
    ("It rained. J. Smith came. He left.", ["It rained.", "?J. Smith came.", "He left."], "en"),
    ("It ended with World War II. Soviet troops left.", ["?It ended with World War II. Soviet troops left."], "en"),
    ("Wait... What? Yes.", ["?Wait... What?", "Yes."], "en"),
    ("1. Контроль над шляхом. Далі.", ["?1. Контроль над шляхом.", "Далі."], "uk"),
    ("1 армія (ком. Пен Дехуай) — на заході.", ["?1 армія (ком. Пен Дехуай) — на заході."], "uk"),
    ("Sie kam am 5. Mai an. Dann ging sie.", ["?Sie kam am 5. Mai an.", "Dann ging sie."], "de"),
])
def test_clear_sentence_ends(segment: str, pieces: list[str], lang: str) -> None:
    from timeline_app.core.language import language
    from timeline_app.core.sentences import _sentence_pieces

    found = _sentence_pieces(segment, language(lang))
    assert ["?" * unclear + segment[start:end].strip() for start, end, unclear in found] == pieces


@pytest.mark.parametrize(("raw", "cleaned"), [
    ("  The  anti-\n  tank mines\twere laid.\n", "The anti-tank mines were laid."),
    ("a\u00a0b\u2028c\u3000d", "a b c d"),  # every kind of white space folds, as re's \s does
    ("Anti-\nTank", "Anti- Tank"),  # a capital after the break: two words
    ("", ""),
])
def test_clean_folds_white_space_and_rejoins_words_broken_at_a_hyphen(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab- \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000\u200bZ", max_size=16))
def test_clean_folds_what_re_calls_white_space(raw: str) -> None:
    expected = re.sub(r"\s+", " ", re.sub(r"-[ \t]*\n[ \t]*(?=[a-z])", "-", raw)).strip()
    assert clean(raw) == expected
