"""The tagger's first pass (RE2): it may let through more than a rule matches, never less."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.settings import Settings
from timeline_app.core.tagger import finding, tag
from timeline_app.core.tagger.lexicon import lexicon
from timeline_app.core.tagger.prefilter import Prefilter, superset

re2 = pytest.importorskip("re2")

LANGUAGES = ["en", "de", "fr", "es", "uk", "ru"]


@pytest.mark.parametrize(("pattern", "texts"), [
    # look-around is left out
    (r"(?<![\w$])(?:May|March)\s+\d{1,2}(?!\d)", ["on May 5 it", "$May 5", "March 123"]),
    # possessive repeats and atomic groups are plain repeats
    (r"(?:[ \t]*+)(?>ab|a)c", ["  ac", "abc"]),
    # a back-reference matches anything
    (r"(?P<a>\d+)(?P<sep>[/.])\d+(?P=sep)\d{4}", ["12/06/2025", "12.06.2025", "12/06.2025"]),
    # a conditional group: either branch
    (r"(?P<the>the\s+)?(?(the)year|years)", ["the year", "years", "the years"]),
    # Python's \w, \d and \s are Unicode
    (r"\w+\s\d", ["Київ 5", "naïve\u00a0٣", "x\u20035"]),
    (r"[^\W\d_]{2,}\.", ["Ärger.", "рік.", "ab."]),
    # case folding, scoped and global
    (r"(?i:straße|mai)", ["STRASSE", "Mai", "MAI", "straße"]),
    (r"(?i)ſeptember", ["September", "SEPTEMBER"]),
])
def test_the_loosened_pattern_matches_wherever_the_pattern_does(pattern: str, texts: list[str]) -> None:
    loose = re2.compile(superset(re.compile(pattern)))
    for text in texts:
        if re.search(pattern, text):
            assert loose.search(text), (pattern, text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_rule_of_every_language_goes_through_the_first_pass(code: str) -> None:
    lex = lexicon(code)
    assert lex.first_pass is not None and not lex.first_pass.always


_WORDS = ["May", "March", "Monday", "in", "by", "since", "from", "to", "between", "and", "the", "next", "last",
          "this", "year", "years", "decade", "2025", "2026", "1990s", "18", "5,", "31", "ago", "over", "early",
          "mid-", "late", "Q3", "fiscal", "'90s", "century", "9:48", "AM", "-", "–", "/", ".", ",", "\n", "today",
          "two", "weeks", "earlier", "later", "12.06.2025", "spring", "the end of", "through", "until", "every",
          "weekend", "Mai", "März", "am", "vom", "bis", "mars", "le", "lundi", "de", "enero", "el", "травня",
          "року", "з", "по", "мая", "года", "Jan.", "Mr.", "İ", "ß", "ſ"]


def _tagged(text: str, code: str, first_pass: bool) -> list[tuple[int, int, str]]:
    lex = lexicon(code)
    kept, threshold = lex.first_pass, finding.FIRST_PASS_FROM
    if first_pass:
        finding.FIRST_PASS_FROM = 0  # from the first character
    else:
        lex.__dict__["first_pass"] = None
    try:
        return [(e.start, e.end, e.value) for e in tag(text, date(2025, 5, 6), Settings(language=code))]
    finally:
        lex.__dict__["first_pass"] = kept
        finding.FIRST_PASS_FROM = threshold


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join), st.sampled_from(LANGUAGES))
def test_tagging_finds_the_same_with_and_without_the_first_pass(text: str, code: str) -> None:
    assert _tagged(text, code, True) == _tagged(text, code, False)


def test_the_seeds_are_tagged_the_same_with_and_without_the_first_pass(seeds_dir: Path) -> None:
    rng = random.Random(7)
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _tagged(text, "en", True) == _tagged(text, "en", False)
        words = text.split()
        rng.shuffle(words)  # the same words in an order no writer chose
        assert _tagged(" ".join(words), "en", True) == _tagged(" ".join(words), "en", False)


def test_a_pattern_re2_cannot_take_runs_everywhere() -> None:
    first_pass = Prefilter([re.compile(r"\d{4}"), re.compile(r"a{2000}")])  # RE2 counts no more than 1,000
    assert first_pass.always == {1}
    assert first_pass.matching("no digits") == {1}
    assert first_pass.matching("in 2025") == {0, 1}


def test_the_first_pass_is_used_once_a_process_has_tagged_enough_to_pay_for_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Lexicon:
        first_pass = "the first pass"

    monkeypatch.setattr(finding, "FIRST_PASS_FROM", 100_000)  # the application's (the tests use it at once)
    lex = Lexicon()
    assert finding._first_pass(lex, 50_000) is None  # type: ignore[arg-type]
    assert finding._first_pass(lex, 50_000) == "the first pass"  # type: ignore[arg-type]


def test_a_text_re2_cannot_be_given_lets_every_rule_run() -> None:
    first_pass = Prefilter([re.compile(r"\d{4}"), re.compile(r"caf\w")])
    assert first_pass.matching("in caf\udce9.txt, 2025") == {0, 1}  # a lone surrogate: not UTF-8
    text = "Café owners met on March 18. In caf\udce9.txt too, from 2026 to 2030."
    assert _tagged(text, "en", True) == _tagged(text, "en", False)
