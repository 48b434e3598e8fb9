"""Bounds on token_set_ratio for many pairs at once: never above the score, never below it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from timeline_app.core.wordsets import WordSets

# (a, b): one set of words inside the other, the same, none in common, some in common, repeats,
# letters outside a-z, digits, an empty string
PAIRS = [
    ("oil spill gulf", "oil spill gulf coast"),
    ("oil spill gulf", "gulf spill oil"),
    ("oil spill", "cap well"),
    ("bp cap well oil leak", "bp oil well relief drill"),
    ("oil oil oil spill", "spill spill gulf"),
    ("ölpest golf bp", "ölpest küste bp"),
    ("україна мир переговори", "україна війна переговори"),
    ("q1 2010 loss 17bn", "q2 2010 loss 3bn"),
    ("a ab abc", "cba ba b"),
    ("", "oil spill"),
    ("oil", ""),
]


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}|{b}" for a, b in PAIRS])
def test_bounds_hold_the_score(a: str, b: str) -> None:
    lower, upper = WordSets([a, b]).bounds([0], [1])
    score = fuzz.token_set_ratio(a, b)
    assert lower[0, 0] - 1e-9 <= score <= upper[0, 0] + 1e-9


def test_contained_words_score_100_and_empty_strings_0() -> None:
    sets = WordSets(["oil spill gulf", "oil spill gulf coast", "", "cap"])
    lower, upper = sets.bounds([0, 2], [1, 2, 3])
    assert (lower[0, 0], upper[0, 0]) == (100, 100)
    assert upper[1].tolist() == [0, 0, 0] and upper[0, 1] == 0


def test_unrelated_sentences_of_equal_length_are_told_apart_without_comparing() -> None:
    lower, upper = WordSets(["bp cap well leak stop", "storm close port day xyz"]).bounds([0], [1])
    assert lower[0, 0] == 0 and upper[0, 0] < 65


WORDS = st.sampled_from(["oil", "spill", "bp", "well", "gulf", "cap", "2010", "ölpest", "україна", "a", "ab",
                         "abc", "cba", "x-y", "o'neil", "été", "zz", "q1", "\U0001f600"])
SENTENCES = st.lists(WORDS, max_size=9).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=8), st.lists(SENTENCES, min_size=1, max_size=8))
def test_bounds_hold_every_score(rows: list[str], columns: list[str]) -> None:
    sets = WordSets(rows + columns)
    lower, upper = sets.bounds(range(len(rows)), range(len(rows), len(rows) + len(columns)))
    for r, a in enumerate(rows):
        for c, b in enumerate(columns):
            score = fuzz.token_set_ratio(a, b)
            assert lower[r, c] - 1e-9 <= score <= upper[r, c] + 1e-9, (a, b)
