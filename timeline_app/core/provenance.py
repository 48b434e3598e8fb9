"""How well an event is supported: copies that are not confirmations, and facts that disagree."""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple
from zlib import crc32

from rapidfuzz import fuzz

from timeline_app.core.blocks import Runner, here
from timeline_app.core.budget import check
from timeline_app.core.event import Event
from timeline_app.core.language import language
from timeline_app.core.stems import stems
from timeline_app.core.wordfinder import automaton, whole_words

if TYPE_CHECKING:
    from timeline_app.core.tagger.prefilter import Prefilter
    from timeline_app.core.timeline import ArticleAnalysis

#: share of the shorter article's sentences found, in order, in the other: above it, one copies the other
COPY_ALIGNMENT = 0.7


def copy_sentences(analysis: ArticleAnalysis) -> list[str]:
    """An article's sentences as copy detection compares them: rough cuts, stemmed, the short left out."""
    lang = analysis.article.language
    return [" ".join(w) for s in analysis.sentences.rough() if len(w := stems(s, lang=lang)) >= 6]


def alignment(a: list[str], b: list[str], cutoff: float = 60.0, needed: float = 0.0) -> float:
    """Share of the sentences of ``a`` that have a close match in ``b``, in the same order.

    With ``needed``, only whether the share reaches it is worked out: the comparing stops once it
    does, or once the sentences left could no longer bring it there (then a share below ``needed``).
    """
    if not a or not b:
        return 0.0
    shortest = min(len(a), len(b))
    exact = {t: j for j, t in reversed(list(enumerate(b)))}
    tails: list[int] = []  # longest increasing run of matched positions so far: the order is kept
    for n, s in enumerate(a):
        if needed and (len(tails) >= needed * shortest or len(tails) + len(a) - n < needed * shortest):
            break  # reached, or out of reach: each sentence left lengthens the run by one at most
        if s in exact:  # a copied sentence: no need for fuzzy matching
            best_j = exact[s]
        else:
            best, best_j = cutoff, -1
            for j, t in enumerate(b):
                score = fuzz.token_sort_ratio(s, t, score_cutoff=best)
                if score >= best:
                    best, best_j = score, j
            if best_j < 0:
                continue
        k = bisect.bisect_left(tails, best_j)
        tails[k:k + 1] = [best_j]
    return len(tails) / shortest


def copy_prints(sentences: Sequence[str]) -> bytes:
    """The words of an article's :func:`copy_sentences`, each hashed to 4 bytes: from them copy
    detection makes the word pairs two articles share (:func:`shared_prints`). The hash is the same
    in every process (``zlib.crc32``), so prints made on reader processes, another machine or a past
    run (the cache) can be compared."""
    return array("I", map(crc32, " ".join(sentences).encode("utf-8", "surrogatepass").split())).tobytes()


#: an odd constant that spreads a word's hash over the pair's
_MIX = 0x9E3779B1
#: a word pair shared by more articles than this is a stock phrase: it links no two of them
_STOCK_PHRASE = 50
#: pairs of articles counted at once: bounded memory (8 bytes a pair) however many articles
_BLOCK_PAIRS = 4_000_000


def shared_prints(prints: Sequence[bytes], block_pairs: int = _BLOCK_PAIRS,
                  run: Runner = here) -> Iterator[tuple[int, int, int]]:
    """Pairs of articles (by their place in ``prints``, each a :func:`copy_prints`) that share enough
    word pairs to be compared for copying: (how many they share, a, b), a < b.

    A copy shares a good part of its word pairs; unrelated stories share a few stock phrases. The
    counting is numpy's: every word pair's articles are found by sorting all the pairs once, and the
    pairs of articles holding one are counted a block of first articles at a time, so memory stays
    bounded however large the set. The blocks are independent of each other: ``run`` runs them
    (here, or on a cluster).
    """
    n = len(prints)
    if n < 2:
        return
    import numpy as np

    arrays = [np.frombuffer(p, dtype=np.uint32) for p in prints]
    words = np.concatenate(arrays).astype(np.uint64)
    owners = np.repeat(np.arange(n, dtype=np.uint64), [len(a) for a in arrays])
    within = owners[1:] == owners[:-1]  # no pair across two articles
    pairs = ((words[:-1] * np.uint64(_MIX) + words[1:]) & np.uint64(0xFFFFFFFF))[within]
    # each article's distinct pairs, sorted by article: (article, pair) as one number
    held = np.unique((owners[:-1][within] << np.uint64(32)) | pairs)
    holders, values = (held >> np.uint64(32)).astype(np.int64), held & np.uint64(0xFFFFFFFF)
    sizes = np.bincount(holders, minlength=n)
    order = np.argsort(values, kind="stable")  # stable: a word pair's holders stay in ascending order
    values, holders = values[order], holders[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    lengths = np.diff(np.r_[starts, len(values)])
    shared = (lengths > 1) & (lengths <= _STOCK_PHRASE)
    starts, lengths = starts[shared], lengths[shared]
    total = int((lengths * (lengths - 1) // 2).sum())
    blocks = max(1, -(-total // block_pairs))
    groups = []  # the word pairs held by k articles, as rows of their holders; and k's pairs of columns
    for k in np.unique(lengths).tolist():
        rows = holders[starts[lengths == k][:, None] + np.arange(k)]
        groups.append((rows, *np.triu_indices(k, 1)))
    if not groups:
        return
    for found in run(_count_block, (groups, sizes, n, blocks), range(blocks)):
        yield from found


def _count_block(shared: tuple[list[Any], Any, int, int], block: int) -> list[tuple[int, int, int]]:
    """One block of :func:`shared_prints`: the pairs of articles whose first is ``block`` modulo the
    number of blocks, with enough word pairs in common."""
    import numpy as np

    check()
    groups, sizes, n, blocks = shared
    keys = []
    for rows, i, j in groups:
        a, b = rows[:, i].ravel(), rows[:, j].ravel()
        if blocks > 1:
            mine = a % blocks == block
            a, b = a[mine], b[mine]
        keys.append(a * n + b)
    pair, count = np.unique(np.concatenate(keys), return_counts=True)
    a, b = pair // n, pair % n
    enough = (count >= 5) & (count >= 0.15 * np.minimum(sizes[a], sizes[b]))
    return list(zip(count[enough].tolist(), a[enough].tolist(), b[enough].tolist()))


def copies(analyses: Sequence[ArticleAnalysis], compared: Mapping[str, list[str]] | None = None,
           prints: Mapping[str, bytes] | None = None, run: Runner = here) -> dict[str, str]:
    """Articles that copy or lightly rewrite another: {copy name: original name}.

    The original is the earliest published one (then the one listed first); a copy of a copy points
    at it too. Candidate pairs must share several word pairs (:func:`shared_prints`), so most pairs
    of a large set are never compared, and articles already known to copy one another are not
    aligned again. ``compared`` and ``prints``: the articles' :func:`copy_sentences` and
    :func:`copy_prints` where already made, by name. ``run`` runs the blocks of the count.
    """
    known = compared or {}
    sents = {a.article.name: known[a.article.name] if a.article.name in known else copy_sentences(a)
             for a in analyses}
    order = {a.article.name: (a.article.published or date.max, i) for i, a in enumerate(analyses)}
    group = {name: name for name in sents}  # articles known to copy one another, by union-find

    def root(name: str) -> str:
        while group[name] != name:
            group[name] = group[group[name]]
            name = group[name]
        return name

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:  # the root of a set is its earliest article
            group[max(ra, rb, key=order.__getitem__)] = min(ra, rb, key=order.__getitem__)

    # The same text word for word is a copy without comparison; one of them stands for all below.
    first: dict[tuple[str, ...], str] = {}
    for name, ss in sents.items():
        if ss:
            join(first.setdefault(tuple(ss), name), name)
    names = list(first.values())
    made = prints or {}
    candidates = [(count, min(names[a], names[b]), max(names[a], names[b]))
                  for count, a, b in shared_prints([made[x] if x in made else copy_prints(sents[x]) for x in names],
                                                   run=run)]
    # most shared first: a set of copies is joined by its closest pairs, and the rest are never aligned
    for _, a, b in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        check()
        if root(a) == root(b):
            continue
        if all(alignment(x, y, needed=COPY_ALIGNMENT) >= COPY_ALIGNMENT
               for x, y in ((sents[a], sents[b]), (sents[b], sents[a]))):
            join(a, b)
    # every copy points at the first original: the earliest published (then the first listed) of its set
    return {name: r for name in sents if (r := root(name)) != name}


def independent_sources(event: Event, copy_of: dict[str, str]) -> int:
    """Supporting articles, counting an article and its copies once."""
    return len({copy_of.get(doc, doc) for doc in event.documents})


# ---------------------------------------------------------------------------------------------
# Facts that differ between sources

class _Places(NamedTuple):
    """Country names, groups and distance units of the language, compiled."""

    #: every way of writing a country's name -> the country
    canonical: dict[str, str]
    groups: list[tuple[re.Pattern[str], tuple[str, ...]]]
    measure: re.Pattern[str]
    km: dict[str, float]


@cache
def _places() -> _Places:
    lang = language()
    units = sorted(lang.distance_units, key=len, reverse=True)
    return _Places(
        lang.countries,
        [(re.compile("|".join(phrases)), members) for phrases, members in lang.country_groups],
        # a number starts where digits start, read possessively: a long run of digits is read once
        re.compile(r"(?<![\d.,])(?P<num>\d++(?:[.,]\d++)?)\s*+(?:-\s*+)?(?P<unit>"
                   + "|".join(re.escape(u) for u in units) + r")\b", re.IGNORECASE),
        {k.lower(): v for k, v in lang.distance_units.items()},
    )


def countries_named(sentence: str) -> frozenset[str]:
    """The countries a sentence names, a group ("the Baltic states") as its members.

    Every name is found in one pass (Aho-Corasick); as the names' pattern reads them, a name counts
    as a whole word, the longest at a place, and names do not overlap ("South Sudan" is not also
    "Sudan"). A group's pattern runs only where the first pass says it can match.
    """
    places = _places()
    names: set[str] = set()
    taken = 0
    for start, end, name in sorted(_names_in(sentence), key=lambda hit: (hit[0], hit[0] - hit[1])):
        if start >= taken:
            names.add(places.canonical[name])
            taken = end
    if places.groups:
        possible = _groups_first_pass()
        for i in possible.matching(sentence) if possible is not None else range(len(places.groups)):
            pattern, members = places.groups[i]
            if pattern.search(sentence):
                names.update(members)
    return frozenset(names)


def _names_in(sentence: str) -> list[tuple[int, int, str]]:
    """Every country name in ``sentence`` standing as a whole word: (start, end, name)."""
    return list(whole_words(_country_finder(), sentence, _word_char))


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\b`` reads as a word's character


@cache
def _country_finder() -> Any:
    return automaton(_places().canonical)


@cache
def _groups_first_pass() -> Prefilter | None:
    from timeline_app.core.tagger.prefilter import prefilter

    return prefilter([pattern for pattern, _ in _places().groups])


def conflicts(event: Event, named: Mapping[tuple[str, int], frozenset[str]] | None = None) -> list[str]:
    """Facts the supporting sentences disagree on: which countries take part; distances. ``named``:
    the countries of sentences already read, by document and the sentence's start."""
    notes: list[str] = []
    if len({ev.document for ev in event.evidence}) < 2:
        return notes  # one source cannot disagree with itself
    by_doc: dict[str, frozenset[str]] = {}
    known = named or {}
    for ev in event.evidence:
        found = known.get((ev.document, ev.sentence_start))
        by_doc[ev.document] = by_doc.get(ev.document, frozenset()) | (
            countries_named(ev.sentence) if found is None else found)
    # only lists of three or more countries (who takes part), not places mentioned in passing
    by_doc = {d: names for d, names in by_doc.items() if len(names) >= 3}
    if len(by_doc) >= 2:
        every = frozenset.union(*by_doc.values())
        for country in sorted(every):
            missing = [d for d, names in by_doc.items() if country not in names]
            having = [d for d, names in by_doc.items() if country in names]
            if missing:
                notes.append(f"{country}: named by {', '.join(having)}; not by {', '.join(missing)}")
    distances: dict[str, float] = {}
    places = _places()
    for ev in event.evidence:
        for m in places.measure.finditer(ev.sentence):
            distances.setdefault(ev.document, float(m["num"].replace(",", "")) * places.km[m["unit"].lower()])
    if len(distances) >= 2:
        lo, hi = min(distances.values()), max(distances.values())
        if hi > lo * 1.1:
            notes.append("distance: " + "; ".join(f"{d} {km:.0f} km" for d, km in distances.items()))
    return notes
