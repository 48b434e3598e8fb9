"""Events on the timeline and the sentences that support them.

>>> make_title("In January, Lithuania announced plans to raise its defense spending to between 5% and 6% "
...            "of GDP annually from 2026 to 2030.", (3, 10))
'Lithuania announced plans to raise its defense spending'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from timeline_app.core import periods
from timeline_app.core.language import DEFAULT, language


@dataclass(frozen=True)
class _TitleCuts:
    """A language's title words, compiled."""

    #: where a title may end: before these, the rest of a sentence is detail
    cuts: re.Pattern[str]
    #: ", along with Latvia, Estonia and Poland, " and the like: an aside inside the main clause
    aside: re.Pattern[str]
    #: "In a related development, ": a lead-in before the subject
    lead_in: re.Pattern[str]
    #: "In January, ": a sentence's opening date phrase, before its comma
    date_opening: re.Pattern[str]
    #: a word that joins a clause to the one before it ("and", "which"), at the start of a clause
    joiner: re.Pattern[str]
    weak_ends: frozenset[str]


def _either(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _title_cuts(code: str) -> _TitleCuts:
    lang = language(code)
    words = lang.title_words
    between, joiners = _either(words["cuts_between_clauses"]), _either(words["list_joiners"])
    return _TitleCuts(
        cuts=re.compile(rf",\s|\s[—–]\s|;\s|:\s|\s\((?!\S{{1,4}}\))|(?<![\d%])\s(?:{between})\s"
                        rf"|\s(?:{_either(words['cuts'])})\s"),
        aside=re.compile(rf",\s(?:{_either(words['asides'])})\s[^,;]*(?:,\s(?:(?:{joiners})\s)?[A-Z][^,;]*)*,\s(?=[a-z])"),
        lead_in=re.compile(rf"^(?:{_either(words['lead_ins'])})\b[^,]{{0,30}},\s(?=[A-Z])"),
        date_opening=re.compile(rf"(?i)\s*(?:(?:{_either(words['date_openings'])})\s+)?"),
        joiner=re.compile(rf"(?i)\s*(?:{between}|{_either(words['cuts'])})\s+"),
        weak_ends=lang.weak_title_ends,
    )


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of an article that supports an event, and the date expression it contains."""

    document: str
    sentence_start: int
    sentence_end: int
    sentence: str
    date_start: int
    date_end: int
    date_text: str
    value: str
    #: this mention's own reading of its date (an event may be more precise than some mentions)
    start: date | None = None
    end: date | None = None
    granularity: str = ""
    kind: str = ""
    #: the code of the article's language (its stop words and title words)
    language: str = DEFAULT


@dataclass
class Event:
    """One event: its place on the calendar, a readable title and every supporting sentence."""

    id: str
    start: date | None
    end: date | None
    granularity: str
    kind: str
    value: str
    date_text: str
    title: str
    evidence: list[Evidence] = field(default_factory=list)
    #: why the event is kept off the timeline (page furniture, hidden by the user), or None
    excluded: str | None = None
    #: supporting articles, an article and its copies counted once
    independent: int = 0
    #: facts the supporting sentences disagree on
    conflicts: list[str] = field(default_factory=list)
    #: set by the researcher
    starred: bool = False
    note: str = ""
    manual: bool = False
    edited: bool = False
    #: how much a briefing needs the event (core/salience.py): higher first
    salience: float = 0.0
    #: one of the key events a briefing shows
    key: bool = False

    @property
    def documents(self) -> list[str]:
        """Supporting documents, each once, in order of first citation."""
        return list(dict.fromkeys(e.document for e in self.evidence))

    @property
    def placed(self) -> bool:
        return self.start is not None or self.end is not None

    def sort_key(self) -> tuple[date, int, int]:
        """Chronological; finer dates before coarser ones that start on the same day."""
        first = self.start or self.end or date.max
        length = ((self.end or date.max) - (self.start or date.min)).days
        return first, periods.rank(self.granularity), length


def support_text(e: Event) -> str:
    """"3 sources, 2 independent ⚠": how well an event is supported, at a glance."""
    if e.manual:
        return "added by hand"
    n = len(e.documents)
    text = f"{n} source{'s' if n != 1 else ''}"
    if e.independent and e.independent < n:
        text += f", {e.independent} independent"
    return text + (" ⚠" if e.conflicts else "")


def format_span(start: date | None, end: date | None) -> str:
    """A date interval as a person reads it: whole months and years are written as such.

    >>> format_span(date(2025, 1, 1), date(2025, 1, 31)), format_span(date(2026, 1, 1), date(2030, 12, 31))
    ('2025-01', '2026 – 2030')
    >>> format_span(None, date(2030, 12, 31)), format_span(date(2025, 3, 18), date(2025, 3, 18))
    ('… – 2030', '2025-03-18')
    """
    if start is None and end is None:
        return "unresolved"
    if start is not None and end is not None:
        if start == end:
            return start.isoformat()
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return str(start.year) if start.year == end.year else f"{start.year} – {end.year}"
        if start.day == 1 and end == periods.month(end.year, end.month)[1]:
            a, b = f"{start.year:04d}-{start.month:02d}", f"{end.year:04d}-{end.month:02d}"
            return a if a == b else f"{a} – {b}"
        return f"{start.isoformat()} – {end.isoformat()}"

    def bound(d: date, first: bool) -> str:
        if (d.month, d.day) == ((1, 1) if first else (12, 31)):
            return str(d.year)
        if d.day == 1 if first else d == periods.month(d.year, d.month)[1]:
            return f"{d.year:04d}-{d.month:02d}"
        return d.isoformat()

    return f"{bound(start, True)} – …" if start is not None else f"… – {bound(end, False)}"  # type: ignore[arg-type]


def make_title(sentence: str, date_span: tuple[int, int] | None = None, max_len: int = 90,
               lang: str = DEFAULT, others: Sequence[str] = ()) -> str:
    """A short headline drawn from a sentence: leading date phrase and asides dropped, cut at a clause.

    ``date_span`` is the date expression's span within ``sentence``; a sentence that opens with it
    ("In January, ...") loses that opening. ``lang`` is the code of the sentence's language.
    ``others`` are the other dates the sentence gives: a title that would open on one of them
    ("...a cabinet meeting on the 18th of March, and on the 5th of May...") comes from the clause
    that holds the event's own date instead. A later date stays: it is often what the event is
    about ("said Monday it will spend 1.1 billion euros over the next decade").

    >>> make_title("The plan was approved at a cabinet meeting on the 18th of March, and on the 5th of May "
    ...            "the ministry opened the tender for the border fence.", (72, 86), others=["the 18th of March"])
    'On the 5th of May the ministry opened the tender for the border fence'
    """
    title = _title(sentence, date_span, max_len, lang)
    clash = [o for o in others if o and o in title]
    if not clash or date_span is None:
        return title
    ds, de = date_span
    spans = [(i, i + len(o)) for o in clash if (i := _find_apart(sentence, o, date_span)) >= 0]
    before = [e for s, e in spans if e <= ds]
    if not before:
        return title
    cuts = _title_cuts(lang).cuts
    starts = [m.end() for m in cuts.finditer(sentence, max(before), ds)]  # after the earlier date's clause
    if not starts:  # "...begin in Q3 2025 and should be...": the earlier date ends its clause
        joined = _title_cuts(lang).joiner.match(sentence, max(before), ds)
        if joined is None:
            return title
        starts = [joined.start()]
    start = starts[-1]
    joiner = _title_cuts(lang).joiner.match(sentence, start, ds)  # ", and on the 5th": not "And on"
    start = joiner.end() if joiner else start
    own = _title(sentence[start:], (ds - start, de - start), max_len, lang)
    if len(own) < 12:
        return title
    if _title_cuts(lang).date_opening.fullmatch(sentence, start, ds):
        return own  # the clause opens on its date: its subject follows ("on the 5th of May the ministry...")
    subject = _subject(sentence[:min(s for s, _ in spans)], sentence[start:], lang)
    return f"{subject} … {own[:1].lower()}{own[1:]}" if subject else own


def _subject(head: str, clause: str, lang: str) -> str:
    """The sentence's subject, for a later clause that has none of its own ("... and should be
    completed by mid-2027"); empty when the clause has one or the subject is not clear."""
    words = language(lang).title_words
    first = clause.split(None, 1)[0].lower() if clause.split() else ""
    if not first or clause[:1].isupper() or first in words["clause_subjects"] or first[:1].isdigit():
        return ""
    tokens = head.split()
    ends = set(words["subject_ends"])
    for i, token in enumerate(tokens[:8]):
        if token.lower().strip(",;:") in ends:
            return " ".join(tokens[:i]) if i else ""
    return ""


def _find_apart(sentence: str, text: str, span: tuple[int, int]) -> int:
    """Where ``text`` occurs in ``sentence`` outside ``span``, or -1."""
    i = sentence.find(text)
    while i >= 0 and span[0] < i + len(text) and i < span[1]:
        i = sentence.find(text, i + 1)
    return i


def _title(sentence: str, date_span: tuple[int, int] | None, max_len: int, lang: str) -> str:
    words = _title_cuts(lang)
    s = sentence.strip().lstrip("•·▪*-–— \t").strip()
    lead = len(sentence) - len(sentence.lstrip("•·▪*-–— \t"))
    if date_span is not None:
        ds, de = date_span[0] - lead, date_span[1] - lead
        opening = s[:ds]
        if ds >= 0 and words.date_opening.fullmatch(opening) and re.match(r"\s*,\s", s[de:]):
            s = re.sub(r"^\s*,\s*", "", s[de:])
            s = s[:1].upper() + s[1:]
    s = re.sub(r"\s*\((?:[^()]{1,40})\)", "", s)  # asides: "($1.2 billion)"
    s = words.lead_in.sub("", s)
    aside = words.aside.search(s)
    if aside is not None and len(s[: aside.start()].split()) <= 4:  # right after the subject only
        s = s[: aside.start()] + " " + s[aside.end():]
    s = s[:1].upper() + s[1:]
    s = re.sub(r"\s+", " ", s).strip().rstrip(".").strip()
    if len(s) <= max_len:
        return _balance_quotes(s)
    cuts = [m.start() for m in words.cuts.finditer(s) if 30 <= m.start() <= max_len]
    for cut in reversed(cuts):
        head = s[:cut].rstrip(" ,;:—–")
        last = head.rsplit(" ", 1)[-1].lower()
        if last not in words.weak_ends:
            return _balance_quotes(head)
    head = s[: max_len - 1].rsplit(" ", 1)[0]
    kept = head.split(" ")
    while len(kept) > 3 and kept[-1].lower().strip(",;:") in words.weak_ends:
        kept.pop()
    return _balance_quotes(" ".join(kept).rstrip(" ,;:—–")) + "…"


def _balance_quotes(s: str) -> str:
    """Drop an opening quote whose closing one was cut away."""
    if s.count('"') % 2 == 1 or s.count("“") > s.count("”"):
        i = min((s.find(q) for q in ('"', "“") if q in s), default=-1)
        if i >= 0:
            s = (s[:i] + s[i + 1:]).replace("  ", " ").strip()
    return s
