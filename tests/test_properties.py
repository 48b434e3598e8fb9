"""Properties of the tagger on generated text: it never raises and its output is well-formed."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.temporal import tag

WORDS = ["May", "March", "Monday", "in", "by", "since", "from", "to", "between", "and", "the", "next", "last",
         "this", "year", "years", "decade", "2025", "2026", "1990s", "18", "5,", "31", "February", "30", "ago",
         "over", "within", "early", "mid-", "late", "Q3", "fiscal", "'90s", "century", "BC", "9:48", "AM", "$1",
         "5%", "-", "–", "/", ".", ",", "\n", "today", "a", "two", "weeks", "earlier", "later", "0", "9999",
         "32/13/2025", "2025-02-30", "spring", "the end of", "through", "until", "every", "annually"]

text_strategy = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)
ref_strategy = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@settings(max_examples=10_000, deadline=None)
@given(text_strategy, ref_strategy)
def test_tagger_output_is_well_formed(text: str, ref: date | None) -> None:
    exprs = tag(text, ref)
    previous_end = 0
    for e in exprs:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= previous_end
        previous_end = e.end
        assert text[e.start:e.end] == e.text
        if e.lo is not None and e.hi is not None:
            assert e.lo <= e.hi
        for t in e.timexes:
            assert e.start <= t.start < t.end <= e.end
            assert text[t.start:t.end] == t.text
