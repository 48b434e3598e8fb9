"""What the words around a date say: the sentence it sits in, the tense of its clause, whether a cue
word makes a bare number a date. Every word comes from the language's lexicon."""

from __future__ import annotations

import re

from timeline_app.core.tagger.records import FUTURE, PAST, Context

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")
_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")
_LAST_TOKEN = re.compile(r"(?:[^\W\d_]|\.)+$")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)(?:['’]s)?\s+$")


def ends_sentence(ctx: Context, text: str, m: re.Match[str]) -> bool:
    """Does this "." (or "!", "?", blank line) end a sentence, not an abbreviation ("a.m.", "Gen.")?"""
    if text[m.start()] != ".":
        return True
    word = _LAST_TOKEN.search(text, max(0, m.start() - 20), m.start())  # abbreviations are short
    if word is None:
        return True
    token = word.group(0).lower()
    return not (len(token) == 1 or token in ctx.lex.abbreviations)


def words_before(ctx: Context, pos: int, n: int = 3) -> list[str]:
    """Up to ``n`` lower-cased words before ``pos`` within the same sentence, nearest first."""
    left = ctx.text[max(0, pos - 80):pos]
    cut = max((m.end() for m in _SENTENCE_END.finditer(left) if ends_sentence(ctx, left, m)), default=0)
    return [w.lower() for w in _WORD.findall(left[cut:])][::-1][:n]


def words_after(ctx: Context, pos: int, n: int = 3) -> list[str]:
    """Up to ``n`` lower-cased words after ``pos`` within the same sentence, nearest first."""
    right = ctx.text[pos:pos + 80]
    m = next((m for m in _SENTENCE_END.finditer(right) if ends_sentence(ctx, right, m)), None)
    return [w.lower() for w in _WORD.findall(right[: m.start() + 1 if m else None])][:n]


#: A text this short is a post ("what a day!", "long weekend ahead", "party on 17th June"): a unit
#: word with no count is the time written about, and a year-less date with no tense cue is to come
#: (31 of 32 such dates in the tweets measured), where news reports what has happened.
POST_LENGTH = 400


def is_post(ctx: Context) -> bool:
    return len(ctx.text) <= POST_LENGTH


def date_tense(ctx: Context, start: int, end: int) -> tuple[str | None, bool]:
    """The tense that picks the year of a year-less date (:func:`tense_cue`); with no cue, a post
    looks ahead."""
    found = tense_cue(ctx, start, end)
    return (FUTURE, False) if found[0] is None and is_post(ctx) else found


def tense(ctx: Context, start: int, end: int) -> str | None:
    """``past``, ``future`` or ``None``: the tense of the clause around a date, from cue words."""
    return tense_cue(ctx, start, end)[0]


def tense_cue(ctx: Context, start: int, end: int) -> tuple[str | None, bool]:
    """The tense of the clause around a date, and whether the cue is strong: a verb next to the date
    ("began in February", "would be paid in January"), not a word further off or one that looks
    ahead of its verb ("extended to Nov. 20")."""
    lex = ctx.lex
    grammar = lex.tense

    def is_future(word: str) -> bool:
        return word in lex.future_markers or word.endswith(tuple(grammar["future_suffixes"]))

    def judge(word: str, prev: list[str], following: list[str]) -> str | None:
        """The tense ``word`` tells; ``prev`` are the words before it, ``following`` after it, nearest first."""
        for rest, verdict in lex.tense_phrases.get(word, ()):  # "next to", "due to its", "set to"
            if len(following) >= len(rest) and all(
                    f in lex.determiners if w == "DET" else f == w for w, f in zip(rest, following)):
                return verdict
        after_determiner = bool(prev) and (prev[0] in lex.determiners or (
            len(prev) > 1 and prev[1] in lex.determiners and (
                prev[0].endswith(tuple(grammar["adverb_suffixes"])) or prev[0] in grammar["adverbs"])))
        if after_determiner:  # "the plan", "a still unspecified date": a noun or an adjective
            return FUTURE if word in lex.future_adjectives else None
        if is_future(word):
            return FUTURE
        if word in lex.past_markers or (word.endswith(tuple(grammar["past_suffixes"])) and len(word) > 4
                                        and word not in lex.not_past_ed):
            return PAST
        return None

    # The nearest marker before the date decides; a participle after a future auxiliary ("will be
    # held", "would still be held", "expect it to be completed") is future, after a perfect one
    # ("had been scheduled") past. A cue is strong when it is near and no "to" stands between it and
    # the date: "extended to Nov. 20" and "set to expire Nov. 6" look ahead of their verb.
    def after_cue() -> tuple[str, int] | None:
        """The first cue after the date, and how many words away."""
        after = words_after(ctx, end, 6)
        for i, word in enumerate(after):
            if verdict := judge(word, after[i - 1::-1] if i else [], after[i + 1:]):
                return verdict, i
        return None

    before = words_before(ctx, start, 12)
    if any(tuple(before[:len(p)]) == p for p in lex.future_phrases):
        return FUTURE, True
    if len(before) == 1 and before[0] in lex.future_prepositions and (cue := after_cue()):
        return cue[0], False  # "Until Thursday, they had not called him a suspect": the clause that follows tells
    participle = grammar["participle_auxiliaries"]
    for i, word in enumerate(before):
        verdict = judge(word, before[i + 1:], before[i - 1::-1] if i else [])
        if verdict is None:
            continue
        strong = i <= 3 and not grammar["infinitive"].intersection(before[:i])
        chain = before[i + 1:i + 5]
        if chain and (chain[0] in participle or (len(chain) > 1 and chain[1] in participle)):
            for aux in chain:
                if aux in grammar["past_auxiliaries"]:
                    return PAST, strong
                if aux in grammar["infinitive"] or is_future(aux):
                    return FUTURE, strong
        if verdict == PAST and not strong and before[0] in grammar["open_end_prepositions"]:
            return FUTURE, False  # "extended loans through January": the end lies ahead of the verb
        return verdict, strong
    if cue := after_cue():
        return cue[0], cue[1] <= 1
    if before and before[0] in lex.future_prepositions:  # "pay down the loan by February"
        return FUTURE, False
    return None, False


def after_a_name(ctx: Context, pos: int) -> bool:
    """Does a capitalised word that starts no sentence stand right before ``pos`` (not an article,
    and not in a run of capitals: "RAINY DAY")?"""
    word = _WORD_BEFORE.search(ctx.text, max(0, pos - 30), pos)
    if word is None or not word.group(1)[:1].isupper() or word.group(1).lower() in ctx.lex.determiners:
        return False
    if word.group(1).isupper() and len(word.group(1)) > 1 and ctx.text[pos:pos + 2].isupper():
        return False
    left = ctx.text[:pos - len(word.group(0))].rstrip()
    return bool(left) and left[-1] not in ".!?:\n\"'"


def previous_word_start(ctx: Context, pos: int) -> int:
    """Where the word right before ``pos`` starts (``pos`` when there is none)."""
    word = _WORD_BEFORE.search(ctx.text, max(0, pos - 30), pos)
    return pos if word is None else word.start()


def has_cue(ctx: Context, pos: int) -> bool:
    """Does a date cue ("in", "since", "as of") stand right before ``pos``?"""
    before = words_before(ctx, pos, 3)
    if not before:
        return False
    if before[0] in ctx.lex.date_cues:
        return True
    return len(before) > 1 and f"{before[1]} {before[0]}" in ctx.lex.date_cues


def year_ok(ctx: Context, y: int, start: int, end: int, cued: bool) -> bool:
    """Is a bare four-digit number a year here? Not a count ("2030 troops") or a name ("Article 2022")."""
    s = ctx.settings
    low, high = (s.cued_year_min, s.cued_year_max) if cued else (s.bare_year_min, s.bare_year_max)
    if not low <= y <= high:
        return False
    before = words_before(ctx, start, 2)
    bracketed = ctx.text[max(0, start - 1):start] == "("  # "the rule (1976-1990)": no "Rule 1976"
    if before and not bracketed and (before[0] in ctx.lex.number_prefixes
                                     or " ".join(before[1::-1]) in ctx.lex.number_prefixes):
        return False
    if ctx.text[max(0, start - 2):start].strip().endswith(("#", "№")):
        return False
    after = words_after(ctx, end, 1)
    follows = ctx.text[end:end + 2]
    # "2030 troops" is a count; "in 1919: troops" and "1919, troops" are not
    return not (after and after[0] in ctx.lex.quantity_followers and not follows.startswith((",", ".", ";", ":", ")")))


def is_amount_before(ctx: Context, pos: int) -> bool:
    """Does an amount stand right before ``pos`` ("$1.76 a year", "four flights a week": a rate)?"""
    window = ctx.text[max(0, pos - 40):pos]
    found = ctx.lex.patterns["amount_before"].search(window)
    year_like = found is not None and re.fullmatch(r"(?:1[89]|20)\d\d\s*", found.group()) is not None and \
        not window[:found.start()].endswith(("$", "€", "£", "¥"))
    if found and not year_like:  # "in 2020 a year of war": a year, not an amount
        return True
    words = words_before(ctx, pos, 2)  # "four flights"
    return len(words) == 2 and words[0].endswith(ctx.lex.plural_suffixes) and words[1] in ctx.lex.numbers \
        and words[1] not in ctx.lex.indefinite_articles
