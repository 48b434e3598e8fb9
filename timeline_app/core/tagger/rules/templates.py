"""Rules that state their reading in the data: a type, a kind, a granularity and a value template
such as ``"XXXX-WXX-{weekday}"``, whose placeholders read a group of the match through its table."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from timeline_app.core.tagger.lexicon import Lexicon
from timeline_app.core.tagger.records import Context, TemporalExpression
from timeline_app.core.tagger.registry import Handler
from timeline_app.core.tagger.values import expression

_PLACEHOLDER = re.compile(r"\{(\w+)\}")

#: What each placeholder reads: the group of the same name, through its table.
PLACEHOLDERS: dict[str, Callable[[Lexicon, str], str]] = {
    "weekday": lambda lex, text: str(lex.weekdays[text.lower().rstrip(".")]),
    "month": lambda lex, text: f"{lex.month(text) or 0:02d}",
    "season": lambda lex, text: lex.seasons[text.lower()],
    "set": lambda lex, text: lex.sets[" ".join(text.lower().split())],
}


@cache
def templated(items: tuple[tuple[str, str], ...]) -> Handler:
    """The handler of a rule with this template (made once per template)."""
    template = dict(items)

    def handle(m: re.Match[str], ctx: Context) -> TemporalExpression | None:
        value = _PLACEHOLDER.sub(lambda g: PLACEHOLDERS[g[1]](ctx.lex, m[g[1]]), template["value"])
        return expression(m, ctx, template["type"], value, template["granularity"], template["kind"], None, None,
                          placed=False)

    return handle
