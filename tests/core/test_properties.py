"""Properties of the tagger on generated text: it never raises and its output is well-formed.

50,000 texts a run: 10,000 through hypothesis (which shrinks a failure to its smallest
form) and 40,000 from a seeded generator (cheaper per text), both with long tokens, long blank runs
and the calendar's edges as publication dates.
"""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.periods import GRANULARITIES
from timeline_app.core.tagger import tag

WORDS = ["May", "March", "Monday", "in", "by", "since", "from", "to", "between", "and", "the", "next", "last",
         "this", "year", "years", "decade", "2025", "2026", "1990s", "18", "5,", "31", "February", "30", "ago",
         "over", "within", "early", "mid-", "late", "Q3", "fiscal", "'90s", "century", "BC", "9:48", "AM", "$1",
         "5%", "-", "–", "/", ".", ",", "\n", "today", "a", "two", "weeks", "earlier", "later", "0", "9999",
         "32/13/2025", "2025-02-30", "spring", "the end of", "through", "until", "every", "annually",
         "following", "week", "weekend", "summer", "winter", "days", "previous", "that", "day", "hours", "İ"]
EDGES = [None, date(1, 1, 1), date(1, 1, 2), date(9999, 12, 25), date(9999, 12, 31), date(2025, 5, 6)]

text_strategy = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.tuples(st.sampled_from(WORDS), st.text(alphabet="A1/.-,+=", min_size=1, max_size=3000),
              st.sampled_from(WORDS)).map(" ".join),  # a long token
    st.tuples(st.sampled_from(["in March", "on May", "by 2030", "since"]), st.text(alphabet=" \t\n", max_size=3000),
              st.sampled_from(WORDS)).map("".join),  # a long blank run after a cue
)
ref_strategy = st.one_of(st.sampled_from(EDGES), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def _check(text: str, ref: date | None) -> None:
    exprs = tag(text, ref)
    previous_end = 0
    for e in exprs:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= previous_end
        previous_end = e.end
        assert text[e.start:e.end] == e.text
        # durations, sets and vague references have no calendar precision: their granularity is empty
        assert e.granularity in GRANULARITIES or (e.granularity == "" and e.kind in ("duration", "set", "vague")), (
            e.text, e.kind, e.granularity)
        if e.lo is not None and e.hi is not None:
            assert e.lo <= e.hi
        for t in e.timexes:
            assert e.start <= t.start < t.end <= e.end
            assert text[t.start:t.end] == t.text


@settings(max_examples=10_000, deadline=None)
@given(text_strategy, ref_strategy)
def test_tagger_output_is_well_formed(text: str, ref: date | None) -> None:
    _check(text, ref)


def _generated(rnd: random.Random) -> str:
    kind = rnd.random()
    words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 30)))
    if kind < 0.1:
        return words + " " + "".join(rnd.choice("A1/.-,+=") for _ in range(rnd.randint(500, 3000))) + " " + words
    if kind < 0.2:
        return rnd.choice(["in March", "on May", "by 2030"]) + rnd.choice(" \t\n") * rnd.randint(500, 3000) + words
    return words


def test_tagger_output_is_well_formed_on_40000_generated_texts() -> None:
    rnd = random.Random(2025)
    for i in range(40_000):
        text = _generated(rnd)
        ref = EDGES[i % len(EDGES)] if i % 2 else date(rnd.randint(1, 9999), rnd.randint(1, 12), rnd.randint(1, 28))
        try:
            _check(text, ref)
        except AssertionError as e:
            raise AssertionError(f"text {text[:200]!r} with reference {ref}: {e}") from None
