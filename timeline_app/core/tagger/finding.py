"""Finding: every rule runs near the words it needs, the longest candidate wins where they overlap,
and the discourse resolves what depends on earlier dates."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import replace
from datetime import date

from timeline_app.core.budget import check
from timeline_app.core.casefold import lower_keeping_offsets
from timeline_app.core.settings import Settings
from timeline_app.core.tagger import rules as _rules  # noqa: F401  (the handlers register themselves)
from timeline_app.core.tagger.context import is_post
from timeline_app.core.tagger.discourse import resolve_discourse
from timeline_app.core.tagger.lexicon import Lexicon, lexicon
from timeline_app.core.tagger.prefilter import Prefilter
from timeline_app.core.tagger.records import Context, TemporalExpression
from timeline_app.core.tagger.registry import HANDLERS
from timeline_app.core.tagger.rules.templates import templated
from timeline_app.core.wordfinder import whole_words

#: How far around an anchor word an expression may reach ("no later than the end of ... 2030").
_REACH = 48


def tag(text: str, reference: date | None = None, settings: Settings | None = None) -> list[TemporalExpression]:
    """All temporal expressions of ``text``, in order, anchored on ``reference`` when given.

    Without a reference date, relative expressions ("Monday", "this year") are still found but
    stay unresolved (``XXXX`` values, no interval), so nothing is silently anchored on today.
    """
    settings = settings or Settings()
    ctx = Context(text, reference, lexicon(settings.language), settings)
    candidates: list[tuple[int, int, int, TemporalExpression]] = []
    lowered = lower_keeping_offsets(text)
    segments = _segments(text, lowered, ctx.lex)
    stretches = [lowered[start:end] for start, end in segments]
    # the stretches are all a rule can see: look for its words there, not in the whole text
    near_chars = sum(end - start for start, end in segments)
    near = "\x00".join(stretches) if near_chars < len(text) else lowered
    post = is_post(ctx)
    first_pass = _first_pass(ctx.lex, near_chars)
    # the stretches each rule can match in, found for all rules at once in linear time
    possible: dict[int, list[int]] | None = None
    if first_pass is not None:
        possible = defaultdict(list)
        for n, (start, end) in enumerate(segments):
            for i in first_pass.matching(text[start:end]):
                possible[i].append(n)
    for i, rule in enumerate(ctx.lex.rules):
        check()
        if rule.posts_only and not post:
            continue
        places = range(len(segments)) if possible is None else possible.get(i, [])
        if rule.requires and places:  # only the stretches that hold one of the rule's words
            words = [word for word in rule.requires if word in near]
            places = [n for n in places if any(word in stretches[n] for word in words)] if words else []
        if not places:
            continue
        spans = [segments[n] for n in places]
        handler = HANDLERS[rule.name] if rule.template is None else templated(rule.template)
        matches = (m for start, end in spans for m in rule.regex.finditer(text, start, end))
        for n, m in enumerate(matches, 1):
            if n & 255 == 0:
                check()
            try:
                expr = handler(m, ctx)
            except (ValueError, OverflowError, KeyError):
                expr = None  # an impossible date such as "February 30, 2025" is not a date
            if expr is not None:
                candidates.append((-(expr.end - expr.start), rule.priority, expr.start, replace(expr, rule=rule.name)))
    return resolve_discourse(_longest_first(candidates), ctx)


#: The first pass (RE2) is used once a process has tagged this many characters near anchor words
#: (some 40 articles): building it and its automaton costs about 0.1 s, more than it saves on a few
#: articles. What is found is the same either way.
FIRST_PASS_FROM = 100_000
_tagged: dict[int, int] = {}


def _first_pass(lex: Lexicon, chars: int) -> Prefilter | None:
    done = _tagged[id(lex)] = _tagged.get(id(lex), 0) + chars
    return lex.first_pass if done >= FIRST_PASS_FROM else None


def _longest_first(candidates: list[tuple[int, int, int, TemporalExpression]]) -> list[TemporalExpression]:
    """Longest first; a candidate overlapping one already taken loses (among equal lengths, the
    earlier rule wins). The taken spans never overlap, so their starts and ends, kept sorted, find a
    clash in log time (a page of thousands of dates)."""
    candidates.sort(key=lambda c: c[:3])
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[TemporalExpression] = []
    for _, _, _, expr in candidates:
        i = bisect.bisect_left(starts, expr.end)  # taken spans starting before this one ends
        if i and ends[i - 1] > expr.start:
            continue
        starts.insert(i, expr.start)
        ends.insert(i, expr.end)
        chosen.append(expr)
    chosen.sort(key=lambda e: e.start)
    return chosen


def _segments(text: str, low: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Stretches of text near anchor words (digits, months, units...): the only places rules can match.

    Running the patterns on these alone, instead of the whole text, is what makes tagging fast.
    ``low`` is ``text`` lower-cased with its offsets kept.
    """
    hits = [(m.start(), m.end()) for m in lex.patterns["digits"].finditer(text)]
    # every anchor word at once, in C (Aho-Corasick), whole words only
    hits += [(i, j) for i, j, _ in whole_words(lex.anchor_finder, low, str.isalpha)]
    hits.sort()
    out: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - _REACH), min(len(text), hit_end + _REACH)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
