"""Many words found in one pass over a text (Aho-Corasick, pyahocorasick), whole words only."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any


def automaton(words: Iterable[str]) -> Any:
    """A finder of ``words`` for :func:`whole_words` (built once, used for many texts)."""
    import ahocorasick

    finder = ahocorasick.Automaton()
    for word in words:
        finder.add_word(word, word)
    finder.make_automaton()
    return finder


def whole_words(finder: Any, text: str, word_char: Callable[[str], bool]) -> Iterator[tuple[int, int, str]]:
    """Every word of ``finder`` in ``text`` that stands as a whole word (no ``word_char`` on either
    side): (start, end, word), by end."""
    n = len(text)
    for last, word in finder.iter(text):
        start, end = last - len(word) + 1, last + 1
        if (start == 0 or not word_char(text[start - 1])) and (end == n or not word_char(text[end])):
            yield start, end, word
