"""One event per happening: mentions of the same thing across articles become one event.

Two events are the same happening when their dates agree (the same interval, or one inside the
other: "this year" holds "March 18") and their sentences say much the same thing. Candidates are
blocked by date, so the cost stays near-linear in the number of events. Sentences in two languages
cannot be compared word by word: there the names and amounts they share decide ("1,1 Milliarden
Euro" is "1.1 billion euros").
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from timeline_app.core import periods
from timeline_app.core.blocks import Runner, here
from timeline_app.core.budget import check
from timeline_app.core.event import Event, Evidence
from timeline_app.core.likeness import anchors, content
from timeline_app.core.wordsets import WordSets, ranges

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: How many names and amounts two sentences in different languages must share to tell the same happening.
CROSS_LANGUAGE_ANCHORS = 2
#: From how many events of the same dates on, the words they share are counted in numpy, not pair by pair.
PAIRS_COUNTED_FROM = 32
class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _tolerance(e: Event) -> timedelta:
    """How far two readings of the same interval may differ: anchored durations ("over the next
    decade") move with each article's publication date."""
    if e.kind == "range" and e.value.startswith("P") and e.start and e.end:
        return max(timedelta(days=7), (e.end - e.start) / 100)
    return timedelta(0)


def _key(e: Event) -> tuple[object, ...]:
    return (e.kind, e.start, e.end)


def fuse(events: Sequence[Event], same_threshold: float = 55.0, nested_threshold: float = 65.0,
         title_language: str | None = None, contents: Sequence[list[str]] | None = None,
         run: Runner = here) -> list[Event]:
    """Merge events that report the same happening; each result cites every supporting sentence.
    A merged event reported in several languages takes its title from one in ``title_language``
    (the run's) where it can. ``contents``: each event's :func:`content` of its sentences, where
    already made. ``run`` runs the independent blocks of the comparisons (here, or on a cluster):
    events of the same dates, a few dates at a time, and the search for the finer points a few
    hundred coarser points hold."""
    n = len(events)
    if n < 2:
        return list(events)
    texts = list(contents) if contents is not None else [[content(ev) for ev in e.evidence] for e in events]
    docs = [frozenset(e.documents) for e in events]
    languages = [frozenset(ev.language for ev in e.evidence) for e in events]
    uf = _UnionFind(n)
    # 0. Repeats (copied articles): the same dates and the same words in another article are the same
    #    event at once. Only one of them takes part in the comparisons below, which keeps them near-linear;
    #    only those have their words as a set (one word, one string: a large load holds many sets).
    first: dict[tuple[object, ...], int] = {}
    reps: list[int] = []
    words: dict[int, frozenset[str]] = {}
    for i, e in enumerate(events):
        j = first.setdefault((_key(e), tuple(texts[i])), i)
        if j != i and len(words[j]) >= 2 and docs[i] != docs[j]:  # the same texts: the same words
            uf.union(j, i)
            docs[j] |= docs[i]
        else:
            reps.append(i)
            words[i] = frozenset(map(sys.intern, " ".join(texts[i]).split()))
    # 1. The same dates: blocked by kind and dates; anchored durations, which match within a
    #    tolerance, by kind and start year.
    buckets: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i in reps:
        e = events[i]
        if e.start is None and e.end is None:
            continue
        anchor = e.start or e.end
        buckets[_key(e) if _tolerance(e) == timedelta(0) else (e.kind, anchor.year)].append(i)  # type: ignore[union-attr]
    same = _SameDates(events, texts, words, docs, languages, same_threshold)
    for found in run(_same_dates_in, same, _blocks_of(list(buckets.values()))):
        for i, j in found:
            uf.union(i, j)
    # 1b. Two articles in two languages that already share a happening tell the same story: there the
    #     same day, or the same span of years, is the same happening even with no name or amount in
    #     common ("von 2026 bis 2030" / "from 2026 to 2030").
    linked = _story_pairs(uf, reps, docs, languages)
    for members in buckets.values() if linked else ():
        check()
        for a_pos, i in enumerate(members):
            for j in members[a_pos + 1:]:
                ei, ej = events[i], events[j]
                if (languages[i].isdisjoint(languages[j]) and uf.find(i) != uf.find(j)
                        and (ei.kind == "range" or ei.granularity == "day") and _dates_match(ei, ej, timedelta(0))
                        and any(frozenset((a, b)) in linked for a in docs[i] for b in docs[j])):
                    uf.union(i, j)
    # 2. A coarser point holds a finer one ("this year" / "March 18"): attach it to its best match.
    for i, j in _nested(events, reps, texts, words, docs, nested_threshold, run):
        uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return [_merged([events[i] for i in members], title_language) for members in groups.values()]


@dataclass
class _SameDates:
    """What every block of events of the same dates shares: the events, their sentences' contents,
    words, articles and languages (by event), and the threshold of their sentences' likeness."""

    events: Sequence[Event]
    texts: list[list[str]]
    words: dict[int, frozenset[str]]
    docs: list[frozenset[str]]
    languages: list[frozenset[str]]
    threshold: float
    named: dict[int, frozenset[str]] = field(default_factory=dict)

    def similar(self, i: int, j: int) -> bool:
        """Do events i and j, of the same dates, report the same happening?"""
        if self.docs[i] == self.docs[j] and len(self.docs[i]) == 1:
            return False  # both from one article alone: already merged where they should be
        if self.languages[i].isdisjoint(self.languages[j]):  # no language in common: names and amounts decide
            return len(self.named_in(i) & self.named_in(j)) >= CROSS_LANGUAGE_ANCHORS
        if len(self.words[i] & self.words[j]) < 2:
            return False  # nothing in common worth a fuzzy comparison
        return any(fuzz.token_set_ratio(a, b, score_cutoff=self.threshold)
                   for a in self.texts[i] for b in self.texts[j] if a and b)

    def named_in(self, i: int) -> frozenset[str]:
        if i not in self.named:
            self.named[i] = frozenset().union(*(anchors(ev) for ev in self.events[i].evidence))
        return self.named[i]


#: pairs of events of the same dates looked at in one block (one task on a cluster)
SAME_DATES_BLOCK = 250_000


def _blocks_of(buckets: list[list[int]]) -> list[list[list[int]]]:
    """The buckets of events of the same dates in blocks of about :data:`SAME_DATES_BLOCK` pairs."""
    blocks: list[list[list[int]]] = [[]]
    pairs = 0
    for members in buckets:
        if blocks[-1] and pairs + len(members) ** 2 // 2 > SAME_DATES_BLOCK:
            blocks.append([])
            pairs = 0
        blocks[-1].append(members)
        pairs += len(members) ** 2 // 2
    return blocks


def _same_dates_in(same: _SameDates, block: list[list[int]]) -> list[tuple[int, int]]:
    """The events of each bucket (of the same dates, or of anchored durations within their
    tolerance) that report the same happening: pairs joining them, by event. A pair already joined
    through others is not compared."""
    found = []
    for members in block:
        local = _UnionFind(len(members))
        position = {i: a for a, i in enumerate(members)}
        for i, later in _pairs(members, same.words, same.languages):
            check()  # a load cancelled while its events are fused stops here
            ei = same.events[i]
            tol = _tolerance(ei)
            for j in later:
                if (_dates_match(ei, same.events[j], tol) and local.find(position[i]) != local.find(position[j])
                        and same.similar(i, j)):
                    local.union(position[i], position[j])
                    found.append((i, j))
    return found


def _pairs(members: list[int], words: dict[int, frozenset[str]],
           languages: list[frozenset[str]]) -> Iterator[tuple[int, list[int]]]:
    """Each event of a bucket with the later ones it may be the same happening as: those sharing two
    words at least, or no language (there names and amounts decide). Among many, the words in common
    are counted with numpy from each word's events, not pair by pair."""
    if len(members) < PAIRS_COUNTED_FROM:
        yield from ((i, members[a_pos + 1:]) for a_pos, i in enumerate(members))
        return
    import numpy as np

    held = _holders(members, words, least=2)  # a word only one holds joins no pair
    codes: dict[frozenset[str], int] = {}
    code = np.array([codes.setdefault(languages[i], len(codes)) for i in members])
    apart = np.array([[a.isdisjoint(b) for b in codes] for a in codes]) if len(codes) > 1 else None
    for a_pos, i in enumerate(members):
        mine = [held[word] for word in words[i] if word in held]
        shared = np.bincount(np.concatenate(mine), minlength=len(members))[a_pos + 1:] if mine else \
            np.zeros(len(members) - a_pos - 1, dtype=np.int64)
        may = shared >= 2
        if apart is not None:
            may |= apart[code[a_pos]][code[a_pos + 1:]]
        yield i, [members[b] for b in (np.flatnonzero(may) + a_pos + 1).tolist()]


def _holders(members: Sequence[int], words: dict[int, frozenset[str]],
             least: int = 1) -> dict[str, npt.NDArray[np.int64]]:
    """Each word's holders among ``members`` (the events of ``words``), as their positions in
    ``members``, ascending; a word held by fewer than ``least`` left out."""
    import numpy as np

    holding: dict[str, list[int]] = defaultdict(list)
    for position, i in enumerate(members):
        for word in words[i]:
            holding[word].append(position)
    return {word: np.array(ks, dtype=np.int64) for word, ks in holding.items() if len(ks) >= least}


def _nested(events: Sequence[Event], reps: list[int], texts: list[list[str]], words: dict[int, frozenset[str]],
            docs: list[frozenset[str]], threshold: float, run: Runner) -> Iterator[tuple[int, int]]:
    """Each coarser point ("this year") with the finer point inside it ("March 18") its sentences say
    the most like (``threshold`` at least): (coarser, finer).

    A finer point is one of shorter span whose dates lie inside, from another article, sharing two
    words at least; among those of the best score the latest listed. A year of a large collection
    holds thousands of points: the candidates are found for each coarser point with numpy (the
    points sorted by start, each word's points as an array), and of their sentences only those whose
    :class:`WordSets` bounds may reach the best score are compared, in C.
    """
    points = sorted((i for i in reps if events[i].kind == "point" and events[i].start and events[i].end),
                    key=lambda i: events[i].start)  # type: ignore[arg-type, return-value]
    sources = {docs[i] for i in points}
    if len(sources) < 2 and all(len(d) == 1 for d in sources):
        return  # the points of one article: merged already (and numpy is not imported for one file)
    import numpy as np

    # the one article a point comes from (a number), -1 for several: one article's points are merged already
    numbers: dict[str, int] = {}
    # the points' sentences, one after another: those of points[k] are strings[first[k]:first[k] + count[k]]
    strings = [b for i in points for b in texts[i] if b]
    count = np.array([sum(1 for b in texts[i] if b) for i in points], dtype=np.int64)
    nesting = _Nesting(
        starts=np.array([events[i].start.toordinal() for i in points], dtype=np.int64),  # type: ignore[union-attr]
        ends=np.array([events[i].end.toordinal() for i in points], dtype=np.int64),  # type: ignore[union-attr]
        spans=np.array([_span(events[i]) for i in points], dtype=np.int64),
        single=np.array([numbers.setdefault(next(iter(docs[i])), len(numbers)) if len(docs[i]) == 1 else -1
                         for i in points], dtype=np.int64),
        words=[tuple(words[i]) for i in points],
        held=_holders(points, words),
        strings=strings, first=np.cumsum(count) - count, count=count, sets=WordSets(strings), threshold=threshold)
    blocks = [range(k, min(k + NESTED_BLOCK, len(points))) for k in range(0, len(points), NESTED_BLOCK)]
    for found in run(_nested_in, nesting, blocks):
        yield from ((points[k], points[m]) for k, m in found)


#: coarser points looked at in one block (one task on a cluster)
NESTED_BLOCK = 512


@dataclass
class _Nesting:
    """What every block of :func:`_nested` shares: the points sorted by start, as arrays (start and
    end as day numbers, span in days, the one article each comes from or -1), their words and which
    points hold each word, their sentences one after another (``first``, ``count``) with their
    :class:`WordSets`."""

    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]
    spans: npt.NDArray[np.int64]
    single: npt.NDArray[np.int64]
    words: list[tuple[str, ...]]
    held: dict[str, npt.NDArray[np.int64]]
    strings: list[str]
    first: npt.NDArray[np.int64]
    count: npt.NDArray[np.int64]
    sets: WordSets
    threshold: float


def _nested_in(p: _Nesting, block: range) -> list[tuple[int, int]]:
    """The coarser points of ``block`` (positions among the sorted points) with the finer point each
    holds that its sentences say the most like: (coarser, finer), by position."""
    import numpy as np
    from rapidfuzz import process

    found = []
    for k in block:
        check()
        if p.spans[k] == 0:
            continue  # a day holds nothing finer
        lo = int(np.searchsorted(p.starts, p.starts[k], "left"))
        hi = int(np.searchsorted(p.starts, p.ends[k], "right"))
        if hi - lo < 2 or not p.words[k]:
            continue  # nothing inside but itself
        inside = [ks[np.searchsorted(ks, lo):np.searchsorted(ks, hi)] for ks in map(p.held.__getitem__, p.words[k])]
        shared = np.bincount(np.concatenate(inside) - lo, minlength=hi - lo)  # words in common
        fit = (shared >= 2) & (p.spans[lo:hi] < p.spans[k]) & (p.ends[lo:hi] <= p.ends[k])
        if p.single[k] >= 0:
            fit &= p.single[lo:hi] != p.single[k]
        chosen = np.flatnonzero(fit) + lo
        mine = np.arange(p.first[k], p.first[k] + p.count[k])
        theirs, of = ranges(p.first[chosen], p.count[chosen])  # their sentences, and the candidate each is of
        if not len(mine) or not len(theirs):
            continue
        # only the pairs that may reach the best score are compared: the others are below what some
        # pair's lower bound already reaches, or below the threshold
        lower, upper = p.sets.bounds(mine, theirs)
        rows, cols = np.nonzero(upper >= max(p.threshold, float(lower.max())) - 1e-6)
        if not len(rows):
            continue
        scores = process.cpdist([p.strings[g] for g in mine[rows]], [p.strings[g] for g in theirs[cols]],
                                scorer=fuzz.token_set_ratio, score_cutoff=p.threshold, dtype=np.float64,
                                workers=-1 if len(rows) >= 4096 else 1)
        best = np.zeros(len(chosen))
        np.maximum.at(best, of[cols], scores)
        if best.max() >= p.threshold:
            found.append((k, int(chosen[len(best) - 1 - int(best[::-1].argmax())])))
    return found


def _story_pairs(uf: _UnionFind, reps: list[int], docs: list[frozenset[str]],
                 languages: list[frozenset[str]]) -> set[frozenset[str]]:
    """Pairs of articles in different languages that some fused event already cites together."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in reps:
        groups[uf.find(i)].append(i)
    pairs: set[frozenset[str]] = set()
    for members in groups.values():
        for a_pos, i in enumerate(members):
            for j in members[a_pos + 1:]:
                if languages[i].isdisjoint(languages[j]):
                    pairs.update(frozenset((a, b)) for a in docs[i] for b in docs[j] if a != b)
    return pairs


def _span(e: Event) -> int:
    return ((e.end or date.max) - (e.start or date.min)).days


def _dates_match(a: Event, b: Event, tol: timedelta) -> bool:
    if a.kind != b.kind:
        return False
    for x, y in ((a.start, b.start), (a.end, b.end)):
        if (x is None) != (y is None):
            return False
        if x is not None and abs(x - y) > tol:  # type: ignore[operator]
            return False
    return True


def _merged(members: list[Event], title_language: str | None = None) -> Event:
    """One event from several: the most specific date its evidence supports, the clearest title."""
    if len(members) == 1:
        return members[0]
    # most specific: the finest granularity, then the shortest interval, then the most supported
    counts: dict[tuple[object, ...], int] = defaultdict(int)
    for m in members:
        counts[_key(m)] += len(m.evidence)
    best = min(members, key=lambda m: (periods.rank(m.granularity), _span(m), -counts[_key(m)],
                                       m.evidence[0].language != title_language))
    titled = [m for m in members if _key(m) == _key(best)]
    # the clearest title: whole (not cut), of a readable length, the most informative
    in_language = [m for m in members if m.evidence[0].language == title_language]
    title_source = min(titled if not in_language or any(m in in_language for m in titled) else in_language,
                       key=lambda m: (m.evidence[0].language != title_language, m.title.endswith("…"),
                                      not 30 <= len(m.title) <= 90, -len(m.title)))
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for m in sorted(members, key=lambda m: (m is not best, m.evidence[0].document)):
        for ev in m.evidence:
            k = (ev.document, ev.date_start, ev.date_end)
            if k not in seen:
                seen.add(k)
                evidence.append(ev)
    return Event(id="", start=best.start, end=best.end, granularity=best.granularity, kind=best.kind,
                 value=best.value, date_text=best.date_text, title=title_source.title, evidence=evidence)
