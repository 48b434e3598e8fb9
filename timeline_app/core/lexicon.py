"""The tagger's language data: one loader for ``resources/<language>/tagger.toml``.

Word lists become regex alternations and ``{NAME}`` placeholders in the patterns are expanded here,
so that adding a phrase is a data change, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline_app.core.language import DEFAULT
from timeline_app.core.language import read_data as read_language_data

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Rule:
    """One compiled pattern and the name of the handler that reads its matches.

    ``requires``: lower-case strings of which a text must hold one for the rule to be tried at all.
    """

    name: str
    regex: re.Pattern[str]
    priority: int
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """Everything the tagger knows about one language, loaded from its data file."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_name_followers: tuple[str, ...]
    seasons: dict[str, str]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, str, int, bool]]  # word -> (unit name, symbol, factor, time unit)
    relative_shifts: dict[str, int]
    day_words: dict[str, int]
    day_parts: dict[str, str]
    bound_cues: dict[str, dict[str, str]]
    date_cues: frozenset[str]
    period_modifiers: dict[str, dict[str, str]]
    duration_directions: dict[str, int]
    vague: dict[str, str]
    today_generic_before: frozenset[str]
    sets: dict[str, str]
    #: holiday name (lower case) -> "MM-DD", "MM:N:WEEKDAY" (N = -1: the last one) or "easter+DAYS"
    holidays: dict[str, str]
    future_markers: frozenset[str]
    past_markers: frozenset[str]
    not_past_ed: frozenset[str]
    determiners: frozenset[str]
    #: cue word -> (the words after it, DET for any determiner; the tense they give, None for none)
    tense_phrases: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]]
    abbreviations: frozenset[str]
    future_adjectives: frozenset[str]
    future_prepositions: frozenset[str]
    one_day_future: frozenset[str]
    future_phrases: tuple[tuple[str, ...], ...]  # words of each phrase, nearest the date first
    number_prefixes: frozenset[str]
    quantity_followers: frozenset[str]
    title_junk: frozenset[str]
    dateline_cues: tuple[str, ...]
    rules: tuple[Rule, ...]
    point_forms: tuple[Rule, ...]
    #: Words (lower case) of which every temporal expression without a digit holds one: rules only run near them.
    anchors: frozenset[str]
    #: Extra compiled patterns used inside handlers, by name (the [patterns] table of the data file).
    patterns: dict[str, re.Pattern[str]]

    def month(self, word: str) -> int | None:
        """Month number of a month name or abbreviation (any case, trailing dot ignored)."""
        w = word.lower().rstrip(".")
        return self.months.get(w) or self.month_abbreviations.get(w)

    def number(self, word: str) -> int | None:
        """Value of a count written in digits or words ("12", "ten", "twenty-five", "a")."""
        w = re.sub(r"\s+", " ", word.strip().lower())
        if w.isdigit():
            return int(w)
        if w in self.numbers:
            return self.numbers[w]
        parts = re.split(r"[ -]", w)
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            tens, units = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens % 10 == 0 and 20 <= tens <= 90 and 1 <= units <= 9:
                return tens + units
        return None


def _alternation(words: list[str], cased: bool) -> str:
    """A regex alternation of words, longest first; ``cased`` adds Title and UPPER forms only."""
    forms: set[str] = set()
    for w in words:
        if cased:
            forms.update({w[:1].upper() + w[1:], w.upper()})
        else:
            forms.add(w)
    escaped = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=lambda f: (-len(f), f))]
    return "(?:" + "|".join(escaped) + ")"


def _month_fragment(months: dict[str, int], abbreviations: dict[str, int]) -> str:
    full = _alternation(list(months), cased=True)
    abbr = _alternation(list(abbreviations), cased=True)
    # An abbreviation may carry a dot; a full name must not run on into a longer word.
    return rf"(?:{full}(?![\w])|{abbr}(?:\.|(?![\w])))"


def _weekday_fragment(days: dict[str, int], abbreviations: dict[str, int], dotted: dict[str, int]) -> str:
    full = _alternation(list(days), cased=True)
    abbr = _alternation(list(abbreviations), cased=True)
    with_dot = _alternation(list(dotted), cased=True)
    return rf"(?:{full}(?![\w])|{abbr}(?:\.|(?![\w]))|{with_dot}\.)"


def _expand(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    if depth > 10:
        raise ValueError(f"placeholders nest too deep in {pattern[:60]!r}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise KeyError(f"unknown placeholder {{{name}}}")
        return _expand(fragments[name], fragments, depth + 1)

    return _PLACEHOLDER.sub(sub, pattern)


def build_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build a :class:`Lexicon` from the parsed data file (also used by tests with small data)."""
    units: dict[str, tuple[str, str, int, bool]] = {}
    for name, spec in data["units"].items():
        for word in spec["words"]:
            units[word] = (name, spec["symbol"], int(spec.get("factor", 1)), bool(spec.get("time", False)))
    word_fragments = {
        "MONTH": _month_fragment(data["months"], data["month_abbreviations"]),
        "WEEKDAY": _weekday_fragment(data["weekdays"], data["weekday_abbreviations"],
                                     data["weekday_abbreviations_with_dot"]),
        "SEASON": "(?i:" + _alternation(list(data["seasons"]), cased=False) + ")",
        "NUMBER": "(?i:" + _alternation(list(data["numbers"]), cased=False) + ")",
        "VAGUE_NUMBER": "(?i:" + _alternation(list(data["lists"]["vague_numbers"]), cased=False) + ")",
        "ORDINAL": _alternation(list(data["ordinals"]), cased=False),
        "UNIT": _alternation(list(units), cased=False),
        "DIRECTION": _alternation(list(data["duration_directions"]), cased=False),
        "DAYWORD": _alternation(list(data["day_words"]), cased=False),
        "DAYPART": _alternation(list(data["day_parts"]), cased=False),
        "BOUND_CUE": "(?i:" + _alternation(list(data["bound_cues"]), cased=False) + ")",
        "PERIOD_MODIFIER": "(?i:" + _alternation(list(data["period_modifiers"]), cased=False) + ")",
        "SET": _alternation(list(data["sets"]), cased=False),
        "VAGUE": _alternation(list(data["vague"]), cased=False),
        # written as in the data file ("Thanksgiving Day") or in capitals
        "HOLIDAY": _alternation(list(data["holidays"]) + [h.upper() for h in data["holidays"]], cased=False),
    }
    fragments = {**data["fragments"], **word_fragments}
    point_patterns = [(spec["name"], _expand(spec["pattern"], fragments)) for spec in data["point_forms"]]
    fragments["POINT"] = "(?:" + "|".join(_NAMED_GROUP.sub("(?:", p) for _, p in point_patterns) + ")"
    begin, end = _expand("{B}", fragments), _expand("{E}", fragments)
    rules = tuple(
        Rule(
            name=spec["name"],
            regex=re.compile(begin + "(?:" + _expand(spec["pattern"], fragments) + ")" + end),
            priority=i,
            requires=tuple(spec.get("requires", ())),
        )
        for i, spec in enumerate(data["rules"])
    )
    lower = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return Lexicon(
        months={k.lower(): v for k, v in data["months"].items()},
        month_abbreviations={k.lower(): v for k, v in data["month_abbreviations"].items()},
        ambiguous_months=lower(data["lists"]["ambiguous_months"]),
        weekdays={k.lower(): v for k, v in (data["weekday_abbreviations_with_dot"] | data["weekday_abbreviations"]
                                            | data["weekdays"]).items()},
        weekday_name_followers=tuple(data["lists"]["weekday_name_followers"]),
        seasons={k.lower(): v for k, v in data["seasons"].items()},
        numbers={k.lower(): v for k, v in data["numbers"].items()},
        vague_numbers=lower(data["lists"]["vague_numbers"]),
        ordinals={k.lower(): v for k, v in data["ordinals"].items()},
        units=units,
        relative_shifts=dict(data["relative_shifts"]),
        day_words=dict(data["day_words"]),
        day_parts=dict(data["day_parts"]),
        bound_cues=dict(data["bound_cues"]),
        date_cues=lower(data["lists"]["date_cues"]),
        period_modifiers=dict(data["period_modifiers"]),
        duration_directions=dict(data["duration_directions"]),
        vague=dict(data["vague"]),
        today_generic_before=lower(data["lists"]["today_generic_before"]),
        sets=dict(data["sets"]),
        holidays={k.lower(): v for k, v in data["holidays"].items()},
        future_markers=lower(data["lists"]["future_markers"]),
        past_markers=lower(data["lists"]["past_markers"]),
        not_past_ed=lower(data["lists"]["not_past_ed"]),
        determiners=lower(data["lists"]["determiners"]),
        tense_phrases=_tense_phrases(data["tense_phrases"]),
        abbreviations=lower(data["lists"]["abbreviations"]),
        future_adjectives=lower(data["lists"]["future_adjectives"]),
        future_prepositions=lower(data["lists"]["future_prepositions"]),
        one_day_future=lower(data["lists"]["one_day_future"]),
        future_phrases=tuple(tuple(p.lower().split()[::-1]) for p in data["lists"]["future_phrases"]),
        number_prefixes=lower(data["lists"]["number_prefixes"]),
        quantity_followers=lower(data["lists"]["quantity_followers"]),
        title_junk=lower(data["lists"]["title_junk"]),
        dateline_cues=tuple(data["lists"]["dateline_cues"]),
        rules=rules,
        point_forms=tuple(Rule(name, re.compile(p), i) for i, (name, p) in enumerate(point_patterns)),
        anchors=_anchor_words(data, units),
        patterns={name: re.compile(_expand(p, fragments)) for name, p in data.get("patterns", {}).items()},
    )


def _tense_phrases(table: dict[str, str]) -> dict[str, tuple[tuple[tuple[str, ...], str | None], ...]]:
    out: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
    for phrase, tense in table.items():
        first, *rest = phrase.split()
        out.setdefault(first.lower(), []).append((tuple(w if w == "DET" else w.lower() for w in rest), tense or None))
    return {word: tuple(phrases) for word, phrases in out.items()}


def _anchor_words(data: dict[str, Any], units: dict[str, tuple[str, str, int, bool]]) -> frozenset[str]:
    """Any word of the lists (months, weekdays, units, day words, vague and set phrases...)."""
    words: set[str] = set()
    for table in ("months", "month_abbreviations", "weekdays", "weekday_abbreviations",
                  "weekday_abbreviations_with_dot", "seasons", "day_words", "day_parts"):
        words.update(w.lower() for w in data[table])
    common = {"the", "a", "an", "in", "of", "at", "to", "and", "for", "per", "each", "every", "this", "last", "next",
              "past", "recent", "coming"}
    phrases: set[str] = set()
    for table in ("vague", "sets"):  # the temporal word of a phrase is its last ("these days", "right now")
        for phrase in data[table]:
            last = re.findall(r"[a-z]+", phrase.lower())[-1]
            if last in common:  # too frequent to anchor on alone ("in the past"): its last two words do
                phrases.add(" ".join(phrase.lower().split()[-2:]))
            else:
                words.add(last)
    words.update(units)
    phrases.update(h.lower() for h in data["holidays"])
    words.update({"century", "centuries", "fiscal", "quarter", "period", "half", "twenties", "thirties", "forties",
                  "fifties", "sixties", "seventies", "eighties", "nineties", "ago", "weekend", "weekends", "nineteen",
                  "eighteen", "thousand"})
    return frozenset((words - common) | phrases)


def read_data(code: str = DEFAULT) -> dict[str, Any]:
    """The tagger's data of a language (``resources/<code>/tagger.toml``), parsed."""
    return read_language_data(code, "tagger")


@cache
def lexicon(code: str = DEFAULT) -> Lexicon:
    """The tagger's lexicon of a language, loaded and compiled once per process."""
    return build_lexicon(read_data(code))


def english() -> Lexicon:
    """The English lexicon."""
    return lexicon("en")
