"""The tagger's language data: one loader for ``resources/<language>/tagger.toml``.

Word lists become regex alternations and ``{NAME}`` placeholders in the patterns are expanded here,
so that adding a phrase is a data change, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from timeline_app.core.language import DEFAULT
from timeline_app.core.language import read_data as read_language_data
from timeline_app.core.tagger.patterns import (
    NAMED_GROUP,
    alternation,
    expand,
    group_names,
    month_fragment,
    weekday_fragment,
    with_groups,
)
from timeline_app.core.tagger.prefilter import Prefilter, prefilter
from timeline_app.core.wordfinder import automaton


@dataclass(frozen=True)
class Rule:
    """One compiled pattern and the name of the handler that reads its matches.

    ``requires``: lower-case strings of which a text must hold one for the rule to be tried at all.
    ``template``: for a rule that states its reading in the data (type, kind, granularity and a
    value such as ``"XXXX-WXX-{weekday}"``), that reading; such a rule needs no handler.
    ``posts_only``: tried only on a short post (see :func:`timeline_app.core.tagger.context.is_post`).
    """

    name: str
    regex: re.Pattern[str]
    priority: int
    requires: tuple[str, ...] = ()
    template: tuple[tuple[str, str], ...] | None = None
    posts_only: bool = False


@dataclass(frozen=True)
class Unit:
    """A calendar or clock unit as a word names it: its name, TimeML symbol and size ("fortnight": 2 weeks)."""

    name: str
    symbol: str
    factor: int
    time: bool
    plural: bool
    #: a short form ("hr", "mins"): a unit only after a number
    abbreviation: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Everything the tagger knows about one language, loaded from its data file."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_name_followers: tuple[str, ...]
    seasons: dict[str, str]
    ambiguous_seasons: frozenset[str]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    relative_shifts: dict[str, int]
    weekend_words: frozenset[str]
    day_words: dict[str, int]
    day_word_parts: dict[str, str]
    generic_day_words: frozenset[str]
    day_parts: dict[str, str]
    bound_cues: dict[str, dict[str, str | bool]]
    date_cues: frozenset[str]
    period_modifiers: dict[str, dict[str, str | bool]]
    #: "earlier", "later": the part of a period before or after the reference date, else this modifier's part
    relative_modifiers: dict[str, str]
    duration_directions: dict[str, int]
    anaphoric_directions: frozenset[str]
    period_prepositions: frozenset[str]
    ago_words: dict[str, dict[str, int | bool]]
    over_leads: dict[str, dict[str, str | bool]]
    duration_followers: frozenset[str]
    plain_duration_before: frozenset[str]
    quarter_numbers: dict[str, int]
    halves: dict[str, int]
    decade_words: dict[str, int]
    clock_words: dict[str, str]
    time_cues_before: frozenset[str]
    time_zones: frozenset[str]
    #: zone words that say a time is in UTC (its value ends in Z)
    utc_zones: frozenset[str]
    quarter_reference: dict[str, dict[str, int | bool]]
    period_words: frozenset[str]
    year_reference_shifts: dict[str, int]
    vague: dict[str, str]
    vague_counting_back: frozenset[str]
    vague_prepositions: frozenset[str]
    today_generic_before: frozenset[str]
    #: a part of the day before these is part of a name or a thing ("the morning show"), after these a greeting
    day_part_not_before: frozenset[str]
    day_part_not_after: frozenset[str]
    sets: dict[str, str]
    set_before: frozenset[str]
    #: holiday name (lower case) -> "MM-DD", "MM:N:WEEKDAY" (N = -1: the last one) or "easter+DAYS"
    holidays: dict[str, str]
    #: "nineteen hundred", "two thousand and one": words that multiply the number before them, and joiners
    year_multipliers: dict[str, int]
    year_joiners: frozenset[str]
    future_markers: frozenset[str]
    past_markers: frozenset[str]
    not_past_ed: frozenset[str]
    determiners: frozenset[str]
    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    genitive: frozenset[str]
    weekend_ahead_before: frozenset[str]
    possessive_endings: tuple[str, ...]
    #: cue word -> (the words after it, DET for any determiner; the tense they give, None for none)
    tense_phrases: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]]
    #: the grammar words of tense: auxiliaries, the infinitive marker, endings of past and future forms
    tense: dict[str, frozenset[str]]
    abbreviations: frozenset[str]
    future_adjectives: frozenset[str]
    future_prepositions: frozenset[str]
    one_day_future: frozenset[str]
    some_day_counts: frozenset[str]
    future_phrases: tuple[tuple[str, ...], ...]  # words of each phrase, nearest the date first
    number_prefixes: frozenset[str]
    quantity_followers: frozenset[str]
    age_words: frozenset[str]
    #: before a clock time with seconds, these make it a length of time ("finished in 3:07:35")
    elapsed_before: frozenset[str]
    #: a season word before these is a season of the story ("the Spring Offensive")
    season_nouns: frozenset[str]
    #: vague words that are times only in a short post ("what is my future?")
    post_only_vague: frozenset[str]
    #: a unit word with no count is no length of time after these ("the final day") or before these
    #: ("the first day of the war", "days later")
    unit_not_after: frozenset[str]
    unit_not_before: frozenset[str]
    #: after a length of time, a page's reading time ("2 min read"): no time the text tells of
    reading_time_words: frozenset[str]
    plural_suffixes: tuple[str, ...]
    more_than: frozenset[str]
    vague_reference_counts: frozenset[str]
    rules: tuple[Rule, ...]
    point_forms: tuple[Rule, ...]
    #: Words (lower case) of which every temporal expression without a digit holds one: rules only run near them.
    anchors: frozenset[str]
    #: Extra compiled patterns used inside handlers, by name (the [patterns] table of the data file).
    patterns: dict[str, re.Pattern[str]]

    @cached_property
    def anchor_finder(self) -> Any:
        """The anchor words, to be found in one pass over a text (:func:`wordfinder.whole_words`)."""
        return automaton(self.anchors)

    @cached_property
    def first_pass(self) -> Prefilter | None:
        """Which rules can match where, all rules at once (built on first use: about 0.1 s)."""
        return prefilter([rule.regex for rule in self.rules])

    def month(self, word: str) -> int | None:
        """Month number of a month name or abbreviation (any case, trailing dot ignored)."""
        w = word.lower().rstrip(".")
        return self.months.get(w) or self.month_abbreviations.get(w)

    def unit(self, word: str) -> Unit:
        """The unit a word names ("weeks": the week, plural)."""
        return self.units[word.lower()]

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


def group_contract(data: dict[str, Any]) -> dict[str, list[str]]:
    """The named groups of each rule and point form of a language's data, by its name."""
    return {spec["name"]: group_names(spec["pattern"]) for spec in [*data["point_forms"], *data["rules"]]}


def build_lexicon(data: dict[str, Any], contract: dict[str, list[str]] | None = None) -> Lexicon:
    """Build a :class:`Lexicon` from the parsed data file (also used by tests with small data).

    ``contract``: the groups each rule's handler reads (:func:`group_contract` of the default
    language); a rule of this language that lacks some gets them as groups that never match.
    """
    if contract is not None:
        unknown = [spec["name"] for spec in data["rules"] if spec["name"] not in contract]
        if unknown:
            raise ValueError(f"rules with no handler in the default language: {unknown}")

    def pattern(spec: dict[str, Any]) -> str:
        return spec["pattern"] if contract is None else with_groups(spec["pattern"], contract.get(spec["name"], []))

    units: dict[str, Unit] = {}
    for name, spec in data["units"].items():
        forms = ((spec["words"], False, False), (spec["plurals"], True, False),
                 (spec.get("short", []), False, True), (spec.get("short_plurals", []), True, True))
        for words, plural, short in forms:
            for word in words:
                units[word] = Unit(name, spec["symbol"], int(spec.get("factor", 1)), bool(spec.get("time", False)),
                                   plural, short)
    lists = data["lists"]
    word_fragments = {
        "MONTH": month_fragment(data["months"], data["month_abbreviations"], lists["ambiguous_months"]),
        "WEEKDAY": weekday_fragment(data["weekdays"], data["weekday_abbreviations"],
                                     data["weekday_abbreviations_with_dot"]),
        # after "this", "next", "every": "sat" and "wed" are weekdays without their dot too
        "CUED_WEEKDAY": "(?:{WEEKDAY}|(?i:" + alternation(list(data["weekday_abbreviations_with_dot"]), cased=False)
                        + r")(?!\w))",
        "SEASON": "(?i:" + alternation(list(data["seasons"]), cased=False) + ")",
        "NUMBER": "(?i:" + alternation(list(data["numbers"]), cased=False) + ")",
        "VAGUE_NUMBER": "(?i:" + alternation(list(lists["vague_numbers"]), cased=False) + ")",
        "ORDINAL": alternation(list(data["ordinals"]), cased=False),
        "UNIT": alternation(list(units), cased=False),
        "DIRECTION": alternation(list(data["duration_directions"]), cased=False),
        "DAYWORD": alternation(list(data["day_words"]), cased=False),
        "DAYPART": alternation(list(data["day_parts"]), cased=False),
        "BOUND_CUE": "(?i:" + alternation(list(data["bound_cues"]), cased=False) + ")",
        "PERIOD_MODIFIER": "(?i:" + alternation(list(data["period_modifiers"]), cased=False) + ")",
        "AGO": "(?i:" + alternation(list(data["ago_words"]), cased=False) + ")",
        "OVER": "(?i:" + alternation(list(data["over_leads"]), cased=False) + ")",
        "QUARTER_NUMBER": "(?i:" + alternation(list(data["quarter_numbers"]), cased=False) + ")",
        "HALF": "(?i:" + alternation(list(data["halves"]), cased=False) + ")",
        "DECADE_WORD": "(?i:" + alternation(list(data["decade_words"]), cased=False) + ")",
        "CLOCK_WORD": "(?i:" + alternation(list(data["clock_words"]), cased=False) + ")",
        "QUARTER_REFERENCE": "(?i:" + alternation(list(data["quarter_reference"]), cased=False) + ")",
        "AMOUNT_WORD": "(?i:" + alternation(list(lists["amount_words"]), cased=False) + ")",
        "LARGE_NUMBER": "(?i:" + alternation(list(lists["large_numbers"]), cased=False) + ")",
        "SET": alternation(list(data["sets"]), cased=False),
        "VAGUE": alternation(list(data["vague"]), cased=False),
        # written as in the data file ("Thanksgiving Day") or in capitals
        "HOLIDAY": alternation(list(data["holidays"]) + [h.upper() for h in data["holidays"]], cased=False),
    }
    fragments = {**data["fragments"], **word_fragments}
    point_patterns = [(spec["name"], expand(pattern(spec), fragments)) for spec in data["point_forms"]]
    fragments["POINT"] = "(?:" + "|".join(NAMED_GROUP.sub("(?:", p) for _, p in point_patterns) + ")"
    begin, end = expand("{B}", fragments), expand("{E}", fragments)
    rules = tuple(
        Rule(
            name=spec["name"],
            regex=re.compile(begin + "(?:" + expand(pattern(spec), fragments) + ")" + end),
            priority=i,
            requires=tuple(spec.get("requires", ())),
            template=tuple(sorted(spec["template"].items())) if "template" in spec else None,
            posts_only=bool(spec.get("posts_only", False)),
        )
        for i, spec in enumerate(data["rules"])
    )
    lower = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    lowered = lambda table: {k.lower(): v for k, v in table.items()}  # noqa: E731
    return Lexicon(
        months=lowered(data["months"]),
        month_abbreviations=lowered(data["month_abbreviations"]),
        ambiguous_months=lower(lists["ambiguous_months"]),
        weekdays=lowered(data["weekday_abbreviations_with_dot"] | data["weekday_abbreviations"] | data["weekdays"]),
        weekday_name_followers=tuple(lists["weekday_name_followers"]),
        seasons=lowered(data["seasons"]),
        ambiguous_seasons=lower(lists["ambiguous_seasons"]),
        numbers=lowered(data["numbers"]),
        vague_numbers=lower(lists["vague_numbers"]),
        ordinals=lowered(data["ordinals"]),
        units=units,
        relative_shifts=lowered(data["relative_shifts"]),
        weekend_words=lower(lists["weekend_words"]),
        day_words=lowered(data["day_words"]),
        day_word_parts=lowered(data["day_word_parts"]),
        generic_day_words=lower(lists["generic_day_words"]),
        day_parts=lowered(data["day_parts"]),
        bound_cues=lowered(data["bound_cues"]),
        date_cues=lower(lists["date_cues"]),
        period_modifiers=lowered(data["period_modifiers"]),
        relative_modifiers=lowered(data["relative_modifiers"]),
        duration_directions=lowered(data["duration_directions"]),
        anaphoric_directions=lower(lists["anaphoric_directions"]),
        period_prepositions=lower(lists["period_prepositions"]),
        ago_words=lowered(data["ago_words"]),
        over_leads=lowered(data["over_leads"]),
        duration_followers=lower(lists["duration_followers"]),
        plain_duration_before=lower(lists["plain_duration_before"]),
        quarter_numbers=lowered(data["quarter_numbers"]),
        halves=lowered(data["halves"]),
        decade_words=lowered(data["decade_words"]),
        clock_words=lowered(data["clock_words"]),
        time_cues_before=lower(lists["time_cues_before"]),
        time_zones=lower(lists["time_zones"]),
        utc_zones=lower(lists["utc_zones"]),
        quarter_reference=lowered(data["quarter_reference"]),
        period_words=lower(lists["period_words"]),
        year_reference_shifts=lowered(data["year_reference_shifts"]),
        vague=lowered(data["vague"]),
        vague_counting_back=lower(lists["vague_counting_back"]),
        vague_prepositions=lower(lists["vague_prepositions"]),
        today_generic_before=lower(lists["today_generic_before"]),
        day_part_not_before=lower(lists["day_part_not_before"]),
        day_part_not_after=lower(lists["day_part_not_after"]),
        sets=lowered(data["sets"]),
        set_before=lower(lists["set_before"]),
        holidays=lowered(data["holidays"]),
        year_multipliers=lowered(data["spelled_years"]["multipliers"]),
        year_joiners=lower(data["spelled_years"]["joiners"]),
        future_markers=lower(lists["future_markers"]),
        past_markers=lower(lists["past_markers"]),
        not_past_ed=lower(lists["not_past_ed"]),
        determiners=lower(lists["determiners"]),
        definite_articles=lower(lists["definite_articles"]),
        indefinite_articles=lower(lists["indefinite_articles"]),
        genitive=lower(lists["genitive"]),
        weekend_ahead_before=lower(lists["weekend_ahead_before"]),
        possessive_endings=tuple(lists["possessive_endings"]),
        tense_phrases=_tense_phrases(data["tense_phrases"]),
        tense={name: lower(words) for name, words in data["tense"].items()},
        abbreviations=lower(lists["abbreviations"]),
        future_adjectives=lower(lists["future_adjectives"]),
        future_prepositions=lower(lists["future_prepositions"]),
        one_day_future=lower(lists["one_day_future"]),
        some_day_counts=lower(lists["some_day_counts"]),
        future_phrases=tuple(tuple(p.lower().split()[::-1]) for p in lists["future_phrases"]),
        number_prefixes=lower(lists["number_prefixes"]),
        quantity_followers=lower(lists["quantity_followers"]),
        age_words=lower(lists["age_words"]),
        elapsed_before=lower(lists["elapsed_before"]),
        season_nouns=lower(lists["season_nouns"]),
        post_only_vague=lower(lists["post_only_vague"]),
        unit_not_after=lower(lists["unit_not_after"]),
        unit_not_before=lower(lists["unit_not_before"]) | {phrase.split()[0] for phrase in data["ago_words"]},
        reading_time_words=lower(lists["reading_time_words"]),
        plural_suffixes=tuple(lists["plural_suffixes"]),
        more_than=lower(lists["more_than"]),
        vague_reference_counts=lower(lists["vague_reference_counts"]),
        rules=rules,
        point_forms=tuple(Rule(name, re.compile(p), i) for i, (name, p) in enumerate(point_patterns)),
        anchors=_anchor_words(data, units),
        patterns={name: re.compile(expand(p, fragments)) for name, p in data["patterns"].items()},
    )


def _tense_phrases(table: dict[str, str]) -> dict[str, tuple[tuple[tuple[str, ...], str | None], ...]]:
    out: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
    for phrase, tense in table.items():
        first, *rest = phrase.split()
        out.setdefault(first.lower(), []).append((tuple(w if w == "DET" else w.lower() for w in rest), tense or None))
    return {word: tuple(phrases) for word, phrases in out.items()}


def _anchor_words(data: dict[str, Any], units: dict[str, Unit]) -> frozenset[str]:
    """Any word of the lists (months, weekdays, units, day words, vague and set phrases...)."""
    words: set[str] = set()
    for table in ("months", "month_abbreviations", "weekdays", "weekday_abbreviations",
                  "weekday_abbreviations_with_dot", "seasons", "day_words", "day_parts", "clock_words",
                  "decade_words"):
        words.update(w.lower() for w in data[table])
    common = {w.lower() for w in data["anchors"]["common"]}
    phrases: set[str] = set()
    for table in ("vague", "sets"):  # the temporal word of a phrase is its last ("these days", "right now")
        for phrase in data[table]:
            last = phrase.lower().split()[-1]
            if last in common:  # too frequent to anchor on alone ("in the past"): its last two words do
                phrases.add(" ".join(phrase.lower().split()[-2:]))
            else:
                words.add(last)
    words.update(units)
    words.update(w.lower() for w in data["anchors"]["words"])
    phrases.update(h.lower() for h in data["holidays"])
    return frozenset((words - common) | phrases)


def read_data(code: str = DEFAULT) -> dict[str, Any]:
    """The tagger's data of a language (``resources/<code>/tagger.toml``), parsed."""
    return read_language_data(code, "tagger")


@cache
def lexicon(code: str = DEFAULT) -> Lexicon:
    """The tagger's lexicon of a language, loaded and compiled once per process."""
    return build_lexicon(read_data(code), None if code == DEFAULT else _default_contract())


@cache
def _default_contract() -> dict[str, list[str]]:
    """The groups the default language's rules give their readers: parsed once, for every other language."""
    return group_contract(read_data(DEFAULT))


def english() -> Lexicon:
    """The English lexicon."""
    return lexicon("en")
