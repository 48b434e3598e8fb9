"""Rule handlers register themselves here under the names of the rules they read.

A rule in ``tagger.toml`` names its handler; ``@handles("range_from_to")`` above a function is all
it takes to add one. A test checks that every rule has a handler and every handler a rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline_app.core.tagger.records import Context, TemporalExpression

#: Turns a rule's match into an expression, or None when the match is not one.
Handler = Callable[[re.Match[str], Context], TemporalExpression | None]

HANDLERS: dict[str, Handler] = {}


def handles(*rules: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of these rules."""

    def register(handler: Handler) -> Handler:
        for rule in rules:
            if rule in HANDLERS:
                raise ValueError(f"rule {rule!r} has two handlers")
            HANDLERS[rule] = handler
        return handler

    return register
