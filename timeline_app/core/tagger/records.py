"""The tagger's records: what it finds (:class:`TemporalExpression` and its TIMEX3s), the point a
form reads before any cue applies, and the context every handler reads from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from timeline_app.core.settings import Settings
from timeline_app.core.tagger.lexicon import Lexicon

# Expression kinds: where an expression sits on the timeline.
POINT, RANGE, BEFORE, SINCE, AFTER = "point", "range", "before", "since", "after"
DURATION, SET, VAGUE, TIME = "duration", "set", "vague", "time"
#: Tenses of a clause, as the context reads them (None when it has no cue).
PAST, FUTURE = "past", "future"


@dataclass(frozen=True, slots=True)
class Timex:
    """One TimeML TIMEX3: span into the text, type (DATE, TIME, DURATION, SET), value, modifier."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A temporal expression with its cue words ("by 2030", "from 2026 to 2030") and its interval.

    ``lo``/``hi`` bound the interval on the calendar (``None`` for an open side or when the
    expression cannot be placed); ``placed`` says whether it belongs on the timeline.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str
    kind: str
    lo: date | None
    hi: date | None
    mod: str | None = None
    anchored: bool = False
    placed: bool = False
    timexes: tuple[Timex, ...] = ()
    rule: str = ""

    @property
    def unresolved(self) -> bool:
        """Relative to a publication date that is not known, so it has no place yet."""
        return "X" in self.value and self.type in ("DATE", "TIME") and self.kind != VAGUE


@dataclass(frozen=True)
class Point:
    """A date read from a point form, before any cue or modifier is applied."""

    lo: date | None
    hi: date | None
    value: str
    granularity: str
    anchored: bool = False
    form: str = ""
    #: where the words it was read from end, when the reader took some after the form ("February this year")
    through: int | None = None
    #: a weekday whose clause has no tense cue: the same day as that weekday named just before
    untensed: bool = False


#: Places an expression from the last date and the last quarter the text mentioned before it (or None).
Resolver = Callable[["TemporalExpression", "TemporalExpression | None", "TemporalExpression | None", "date | None"],
                    "TemporalExpression | None"]


@dataclass
class Context:
    """One text being tagged: its reference date, its language's lexicon and the settings."""

    text: str
    ref: date | None
    lex: Lexicon
    settings: Settings
    #: expressions placed from the story's own last dates, resolved in text order after the finding
    deferred: dict[tuple[int, int], Resolver] = field(default_factory=dict)
    #: deferred expressions that, once placed, name the story's quarter ("the quarter ended July 31")
    names_quarter: set[tuple[int, int]] = field(default_factory=set)
    #: where the text states a year ("in 1940", "June 1941"), and which: found once, when first asked
    years: list[tuple[int, int]] | None = None
    #: whether the text tells a story away from its reference date (a history), decided once: then
    #: year-less dates take the year the text last stated, else the reference date's, as news
    narrative: bool | None = None
    #: where a year-less date was read in such a text: the discourse gives it the year the story is
    #: at there, from the dates found before it
    narrated: set[int] = field(default_factory=set)
