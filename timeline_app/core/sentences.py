"""Sentence boundaries with character offsets into the article text.

syntok does the splitting where it is hard (it keeps offsets, knows "U.S." and "Jan.", and joins
hard-wrapped lines); a stretch whose every possible end is a clear one ("...word. The") is cut
without it, several times faster and to the same sentences. A pre-pass first cuts the text where a
line break really ends a unit: blank lines, indented or bulleted lines, and short unpunctuated
lines such as headlines.

>>> [s.text for s in split_sentences("Big News\\n\\nThe U.S. said Monday it will act. It did.")]
['Big News', 'The U.S. said Monday it will act.', 'It did.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from timeline_app.core.budget import check
from timeline_app.core.language import DEFAULT, Language, language

_BLANK = re.compile(r"\n[ \t]*\n\s*")
_BULLET = re.compile(r"[ \t]+\S|[•·▪◦*‣–—-][ \t]|\d{1,2}[.)][ \t]")
_TERMINAL = (".", "!", "?", ":", ";", "\u201d", '"', ")", "'")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text`` is the cleaned form (white space folded, line-end hyphens joined)."""

    start: int
    end: int
    text: str


def clean(raw: str) -> str:
    """Fold white space and rejoin words hyphenated across a line break ("anti-\\ntank")."""
    if "\n" in raw and "-" in raw:
        raw = _HYPHEN_BREAK.sub("-", raw)
    return " ".join(raw.split())  # str.split's white space is re's \s


_HYPHEN_BREAK = re.compile(r"-[ \t]*\n[ \t]*(?=[a-z])")


def _segments(text: str) -> list[tuple[int, int]]:
    """Spans of text between hard breaks."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for block_end, next_start in [(m.start(), m.end()) for m in _BLANK.finditer(text)] + [(len(text), len(text))]:
        block = text[pos:block_end]
        lines = block.split("\n")
        widest = max((len(ln.strip()) for ln in lines), default=0)
        offset = pos
        seg_start = pos
        for i, line in enumerate(lines[:-1]):
            nxt = lines[i + 1]
            offset += len(line) + 1
            stripped = line.strip()
            next_stripped = nxt.lstrip()
            hard = bool(_BULLET.match(nxt)) or not stripped
            if not hard and stripped and next_stripped[:1].isupper() and not stripped.endswith(_TERMINAL + (",", "-")):
                hard = len(stripped) < 0.75 * widest or len(stripped) < 40
            if hard:
                spans.append((seg_start, offset - 1))
                seg_start = offset
        spans.append((seg_start, block_end))
        pos = next_start
    return [(s, e) for s, e in spans if text[s:e].strip()]


#: a possible sentence end inside a stretch of text: terminals, closing quotes or brackets, a space
_TERMINAL_RUN = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
#: what must follow a clear sentence end: a capital, perhaps after an opening quote or bracket
_CLEAR_NEXT = re.compile(r"\s+(?:[\"“‘(\[]|``)?([^\W\d_])")
#: the first letter after a possible end
_NEXT_LETTER = re.compile(r"\s+([^\W\d_])")
#: the word right after a possible end, perhaps after an opening quote (then it starts no sentence
#: for syntok)
_NEXT_WORD = re.compile(r"\s+(?P<quote>[\"“‘]|``)?([^\W\d_][^\W\d_'’-]*)")
#: a number right after a possible end
_DIGIT_NEXT = re.compile(r"\s+\d")
#: a lower-case word of two letters or more right before a full stop
_LOWER_WORD = re.compile(r"(?<![\w.'’-])[^\W\d_A-Z]{2,}$")
#: a word with a capital (or words joined by dots: "U.S", "p.m") right before a full stop
_WORD_BEFORE_STOP = re.compile(r"(?<![\w.'’-])(?:[^\W\d_]+(?:\.[^\W\d_]+)*|\d(?:[\d,.]*\d)?%?)$")
#: the longest lower-case word looked for before a full stop
_WORD_REACH = 48
#: a year, or a numeric date ending in one, right before a full stop: "on 12.06.2025. Latvia's" ends
#: there (a day number alone does not: "am 5. Mai" is a date in German)
_YEAR_BEFORE = re.compile(r"(?<![\w.])(?:\d{1,2}[./-]\d{1,2}[./-])?\d{4}$")
#: inside a sentence as syntok cuts it, a full stop after such a year followed by a capital
_AFTER_YEAR = re.compile(r"(?<![\w.])(?:\d{1,2}[./-]\d{1,2}[./-])?\d{4}\.(\s+)(?=[\"“‘(\[]?[A-Z])")


@cache
def _syntok_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """syntok's own abbreviations, sentence starters and Roman numerals: a full stop after a word is
    judged here as syntok would judge it."""
    try:
        from syntok._segmentation_states import State

        return frozenset(State.abbreviations), frozenset(State.starters), frozenset(State.roman_numerals)
    except (ImportError, AttributeError):  # another syntok: every such stop is left to it
        return frozenset(), frozenset(), frozenset()


def _ends_after_word(segment: str, stop: int, after: int, lang: Language) -> bool | None:
    """Does the full stop at ``stop``, after a word with a capital ("Smith.", "Mr.", "U.S."), end a
    sentence, the next word starting at ``after``? None: unclear, syntok decides.

    The judgement is syntok's, where it is plain: a sentence starter ("The", "It") after it ends the
    sentence; otherwise an abbreviation ("Mr.", ours or syntok's) or a word with dots inside ("U.S.")
    does not, and any other word does. A single letter ("J. Smith") or a Roman numeral is unclear.
    """
    word = _WORD_BEFORE_STOP.search(segment, max(0, stop - _WORD_REACH), stop)
    following = _NEXT_WORD.match(segment, after)
    if word is None or following is None:
        return None
    token = word.group()
    abbreviations, starters, roman = _syntok_words()
    if token[0].isdigit():  # "rose 5%. The", "on May 14. It"; "1. Control of...", a list's item, is unclear
        listed = not segment[:word.start()].strip()
        return None if listed or lang.ordinals_with_dot or following.group(2).lower() in lang.abbreviations else True
    if not abbreviations or len(token) == 1 or token.upper() in roman:
        return None
    if following.group("quote") is None and following.group(2) in starters:
        return True
    return not ("." in token or token in abbreviations or token.lower() in lang.abbreviations)


def _sentence_pieces(segment: str, lang: Language) -> list[tuple[int, int, bool]]:
    """``segment`` cut where a sentence clearly ends ("...word. The", "...Smith. The"): each piece's
    start, end, and whether it holds an end that is not clear ("J. Smith", "...", "in 1998. 2005",
    a full stop in brackets), which syntok then decides within that piece alone."""
    pieces: list[tuple[int, int, bool]] = []
    start = 0
    unclear = False
    body = len(segment.rstrip())
    for m in _TERMINAL_RUN.finditer(segment, 0, body):
        if m.end() >= body:
            break
        verdict = _ends_here(segment, m, lang)
        if verdict is None:
            unclear = True
        elif verdict:
            pieces.append((start, m.end(), unclear))
            start, unclear = m.end(), False
    pieces.append((start, body, unclear))
    return pieces


def _ends_here(segment: str, m: re.Match[str], lang: Language) -> bool | None:
    """Does the possible end ``m`` end a sentence? None: it is not clear, syntok decides."""
    term = m.group()
    if term == "." and (nxt := _NEXT_LETTER.match(segment, m.end())) and nxt.group(1).islower():
        return False  # "5 p.m. yesterday", "the U.S. and", "e.g. the": a lower-case word goes on the sentence
    capital = _CLEAR_NEXT.match(segment, m.end())
    if capital is None and term == "." and _DIGIT_NEXT.match(segment, m.end()) and (
            before := _WORD_BEFORE_STOP.search(segment, max(0, m.start() - 8), m.start())) and \
            before.group().lower() in lang.abbreviations:
        return False  # "on Aug. 7", "No. 5": an abbreviation goes on to its number
    if capital is None or not capital.group(1).isupper() or term.startswith("..") or term.startswith("…"):
        return None
    opened = segment.rfind("(", 0, m.start())
    if opened >= 0 and segment.find(")", opened, m.start()) < 0:
        return None  # inside brackets, where syntok cuts nothing: "(ком. Лінь Бяо)", "(engl. USS Turner)"
    if term[0] == ".":
        # only the last few characters: searching from 0 at every full stop was quadratic
        word = _LOWER_WORD.search(segment, max(0, m.start() - _WORD_REACH), m.start())
        if word is None:
            if _YEAR_BEFORE.search(segment, max(0, m.start() - 12), m.start()):
                return True
            return _ends_after_word(segment, m.start(), m.end(), lang)
        if word.group() in lang.lower_abbreviations:
            return None
    elif len(term.rstrip("\"'”’)]")) > 1:
        return None  # "?!"
    return True


def _split_segment(text: str, seg_start: int, seg_end: int, lang: Language) -> list[Sentence]:
    """The sentences of one stretch between hard breaks: cut at its clear ends without syntok (the
    common case: the same sentences, several times faster), syntok reading only the pieces between
    two clear ends that hold an unclear one."""
    out: list[Sentence] = []
    for start, end, unclear in _sentence_pieces(text[seg_start:seg_end], lang):
        if unclear:
            out += _syntok_split(text, seg_start + start, seg_start + end)
            continue
        piece = text[seg_start + start:seg_start + end]
        s = seg_start + start + len(piece) - len(piece.lstrip())
        e = seg_start + end
        if e > s:
            out.append(Sentence(s, e, clean(text[s:e])))
    return _join_ordinals(out, text, lang) if lang.ordinals_with_dot else out


def _syntok_split(text: str, start: int, end: int) -> list[Sentence]:
    from syntok import segmenter

    out: list[Sentence] = []
    for piece_start, piece_end in _pieces(text, start, end):
        check()
        segment = text[piece_start:piece_end].replace("\n", " ")  # same length: offsets stay valid
        for paragraph in segmenter.analyze(segment):
            for sentence in paragraph:
                tokens = list(sentence)
                if not tokens:
                    continue
                s = piece_start + tokens[0].offset
                e = piece_start + tokens[-1].offset + len(tokens[-1].value)
                for cut in _AFTER_YEAR.finditer(text, s, e):  # syntok keeps "2025. Latvia's" together
                    out.append(Sentence(s, cut.start(1), clean(text[s:cut.start(1)])))
                    s = cut.end(1)
                out.append(Sentence(s, e, clean(text[s:e])))
    return out


#: a sentence that seems to end on a day or an ordinal with its dot ("am 18.", "die 6.")
_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.$")


def _join_ordinals(sentences: list[Sentence], text: str, lang: Language) -> list[Sentence]:
    """Join what was cut after an ordinal's dot in a language that writes one ("am 18. März")."""
    out: list[Sentence] = []
    for sentence in sentences:
        if out and _ORDINAL_END.search(out[-1].text) and sentence.text[:1].isupper():
            start = out[-1].start
            out[-1] = Sentence(start, sentence.end, clean(text[start:sentence.end]))
        else:
            out.append(sentence)
    return out


#: syntok reads a stretch of text in one call: a longer one is given to it in pieces of about this
#: size, cut where a sentence clearly ends (or at a space), so the time budget is checked between
_PIECE = 20_000


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= _PIECE:
        return [(start, end)]
    out = []
    pos = start
    while end - pos > _PIECE:
        cut = None
        for m in _ROUGH_CUT.finditer(text, pos + _PIECE // 2, pos + _PIECE):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", pos + _PIECE // 2, pos + _PIECE)
            cut = space + 1 if space > 0 else pos + _PIECE
        out.append((pos, cut))
        pos = cut
    out.append((pos, end))
    return out


#: where a rough split may cut: after a terminal, before a capital (the pattern starts with the
#: terminal, so the engine skips ahead to one; the word before it is read apart)
_ROUGH_CUT = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")
_WORD_BEFORE = re.compile(r"\S{0,40}$")


def _rough_split(text: str, lang: Language) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _ROUGH_CUT.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        word = (before.group() if before else "").lstrip("\"'“‘(")
        if len(word) <= 1 or "." in word or word.lower() in lang.abbreviations:
            continue  # "J. Smith", "U.S. Army", "Mr. Smith"
        pieces.append(text[start:m.end()])
        start = m.end()
    pieces.append(text[start:])
    return [clean(p) for p in pieces if p.strip()]


class Sentences:
    """The sentences of a text, split only where asked for, one stretch between hard breaks at a time.

    Splitting (syntok, pure Python) is the costliest step of reading an article, and a timeline
    needs only the sentences that hold a date; iterating splits everything. The result is the same
    as :func:`split_sentences` wherever it is asked for. ``lang`` is the code of the text's language
    (its abbreviations).
    """

    def __init__(self, text: str, lang: str = DEFAULT) -> None:
        self.text = text
        self.language = language(lang)
        self._index: tuple[list[tuple[int, int]], list[int]] | None = None  # stretches, their starts
        self._split: dict[int, tuple[list[Sentence], list[int]]] = {}  # paragraph -> sentences, their starts

    def __getstate__(self) -> tuple[str, str]:
        """Sent between processes as the text and its language only: what was split is split again
        where it is asked for (the reader process already gave the timeline what it needed)."""
        return self.text, self.language.code

    def __setstate__(self, state: tuple[str, str]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    @property
    def _spans(self) -> list[tuple[int, int]]:
        return self._stretches()[0]

    def _stretches(self) -> tuple[list[tuple[int, int]], list[int]]:
        if self._index is None:
            spans = _segments(self.text)
            self._index = spans, [start for start, _ in spans]
        return self._index

    def _segment(self, i: int) -> tuple[list[Sentence], list[int]]:
        done = self._split.get(i)
        if done is None:
            check()
            found = _split_segment(self.text, *self._spans[i], self.language)
            done = self._split[i] = (found, [s.start for s in found])
        return done

    def at(self, offset: int) -> Sentence | None:
        """The sentence that holds the character at ``offset``, or None (between sentences)."""
        spans, starts = self._stretches()
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset >= spans[i][1]:
            return None
        found, sentence_starts = self._segment(i)
        j = bisect.bisect_right(sentence_starts, offset) - 1
        return found[j] if j >= 0 and offset < found[j].end else None

    def __iter__(self) -> Iterator[Sentence]:
        for i in range(len(self._spans)):
            yield from self._segment(i)[0]

    def __len__(self) -> int:
        return sum(len(self._segment(i)[0]) for i in range(len(self._spans)))

    def rough(self) -> list[str]:
        """Every sentence, cut quickly and sometimes wrongly ("Mr. | Smith"): enough to compare two
        articles sentence by sentence, as long as both are cut the same way. Not kept: its one
        reader (copy detection) keeps what it makes of it."""
        return [piece for start, end in self._spans for piece in _rough_split(self.text[start:end], self.language)]


def split_sentences(text: str, lang: str = DEFAULT) -> list[Sentence]:
    """All sentences of ``text`` in order, with offsets into ``text``."""
    return list(Sentences(text, lang))
