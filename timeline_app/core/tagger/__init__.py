"""Find temporal expressions in running text and place them on the calendar.

The finding is rule-based: the patterns in ``resources/<language>/tagger.toml`` propose candidate
spans, the longest candidate wins where they overlap, and a handler per rule normalizes its match
against the reference (publication) date. Each result carries both the TimeML reading (type and
value of each TIMEX3 inside it) and the calendar interval the timeline needs.

The package, by concern: ``lexicon`` compiles a language's data; ``records`` holds what is found;
``context`` reads the words around a date (sentence, tense, cues); ``values`` computes TimeML
values and periods; ``points`` reads the point forms ("May 5, 2025", "Monday") and relative
periods; ``rules/`` holds the handlers, one module per family, each registered by name with
``@handles``; ``discourse`` places what depends on earlier dates; ``finding`` runs it all.

>>> from datetime import date
>>> [(e.text, e.value, str(e.lo), str(e.hi)) for e in tag("From 2026 to 2030, and by May 5.", date(2025, 5, 6))]
[('From 2026 to 2030', '2026/2030', '2026-01-01', '2030-12-31'), ('by May 5', '2025-05-05', 'None', '2025-05-05')]
"""

from timeline_app.core.tagger.finding import tag
from timeline_app.core.tagger.records import (
    AFTER,
    BEFORE,
    DURATION,
    POINT,
    RANGE,
    SET,
    SINCE,
    TIME,
    VAGUE,
    TemporalExpression,
    Timex,
)
from timeline_app.core.tagger.values import holiday_date

__all__ = ["AFTER", "BEFORE", "DURATION", "POINT", "RANGE", "SET", "SINCE", "TIME", "VAGUE", "TemporalExpression",
           "Timex", "holiday_date", "tag"]
