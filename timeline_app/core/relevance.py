"""Page furniture (sign-ups, news feeds, related links) in an article's text, by line and block.

>>> text = "Story on May 5.\\nRelated article: Other news\\nMore.\\n\\nNews Feed\\n\\nOther on May 5."
>>> [text[s:e] for s, e, _ in furniture(text)]
['Related article: Other news', 'News Feed\\n\\nOther on May 5.']
"""

from __future__ import annotations

import re
from functools import cache

from timeline_app.core.language import DEFAULT, read_data

Span = tuple[int, int, str]
#: "— Jane Doe (@jdoe) May 2, 2020": the signature line of an embedded post.
_SIGNATURE = re.compile(r"\(@\w+\)")
#: A section header that trails off: "You may also like...", "More from the desk…".
_TRAILING = re.compile(r"(?:\.\.\.|…)$")
#: A short line (at most this many words) with a "©" is a copyright notice, wherever the sign stands.
SHORT_LINE = 12


@cache
def _data(code: str) -> dict[str, list[str]]:
    data = read_data(code, "furniture")
    return {k: [x.lower() for x in v] for k, v in data.items()}


def furniture(text: str, lang: str = DEFAULT) -> list[Span]:
    """Spans of ``text`` that are page furniture, each with the reason, in order (the phrases of
    the language ``lang``)."""
    data = _data(lang)
    headers, prefixes, phrases = set(data["section_headers"]), tuple(data["line_prefixes"]), data["phrases"]
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        key = " ".join(line.lower().split()).rstrip(":")
        if not key:
            continue
        words = len(key.split())
        if key in headers or (_TRAILING.search(key) and words <= 6 and spans_body(text, start)):
            spans.append((start + len(line) - len(line.lstrip()), len(text), f"page section \"{line.strip()}\""))
            break
        if key.startswith(prefixes):
            spans.append((start, end, f"page furniture (\"{line.strip()[:40]}\")"))
        elif any(p in key for p in phrases):
            spans.append((start, end, "page furniture (sign-up, cookie or byline text)"))
        elif _SIGNATURE.search(line):
            spans.append((start, end, "page furniture (an embedded post's signature)"))
        elif "©" in key and words <= SHORT_LINE:
            spans.append((start, end, "page furniture (copyright notice)"))
    return spans


def spans_body(text: str, pos: int) -> bool:
    """Is ``pos`` past the first third of the text? A trailing "You may also like..." there heads
    a list of other stories; near the top it may be the article's own teaser."""
    return pos > len(text) / 3


def reason_at(spans: list[Span], start: int, end: int) -> str | None:
    """The furniture reason covering ``[start, end)``, if any."""
    for s, e, why in spans:
        if s <= start and end <= e + 1:
            return why
    return None
