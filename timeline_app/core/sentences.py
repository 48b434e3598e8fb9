"""Sentence boundaries with character offsets into the article text.

syntok does the splitting (it keeps offsets, knows "U.S." and "Jan.", and joins hard-wrapped
lines); a pre-pass first cuts the text where a line break really ends a unit: blank lines,
indented or bulleted lines, and short unpunctuated lines such as headlines.

>>> [s.text for s in split_sentences("Big News\\n\\nThe U.S. said Monday it will act. It did.")]
['Big News', 'The U.S. said Monday it will act.', 'It did.']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

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
    raw = re.sub(r"-[ \t]*\n[ \t]*(?=[a-z])", "-", raw)
    return re.sub(r"\s+", " ", raw).strip()


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


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, with offsets into ``text``."""
    from syntok import segmenter

    out: list[Sentence] = []
    for seg_start, seg_end in _segments(text):
        segment = text[seg_start:seg_end].replace("\n", " ")  # same length: offsets stay valid
        for paragraph in segmenter.analyze(segment):
            for sentence in paragraph:
                tokens = list(sentence)
                if not tokens:
                    continue
                s = seg_start + tokens[0].offset
                e = seg_start + tokens[-1].offset + len(tokens[-1].value)
                out.append(Sentence(s, e, clean(text[s:e])))
    return out


class SentenceIndex:
    """Finds the sentence that holds a character offset."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None
