"""How a language's word lists become regex text: alternations of its words, the month and weekday
fragments, and ``{NAME}`` placeholders expanded (the lexicon compiles what these build)."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def alternation(words: list[str], cased: bool) -> str:
    """A regex alternation of words, longest first; ``cased`` adds Title and UPPER forms only."""
    forms: set[str] = set()
    for w in words:
        if cased:
            forms.update({w[:1].upper() + w[1:], w.upper()})
        else:
            forms.add(w)
    escaped = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=lambda f: (-len(f), f))]
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!)"  # no words: matches nothing, not ""


def month_fragment(months: dict[str, int], abbreviations: dict[str, int], ambiguous: list[str]) -> str:
    """Month names: in lower case too where no other word is spelt so ("november", not "may")."""
    full = alternation([m for m in months if m in ambiguous], cased=True) + "|(?i:" + \
        alternation([m for m in months if m not in ambiguous], cased=False) + ")"
    full = f"(?:{full})"
    abbr = alternation(list(abbreviations), cased=True)
    # An abbreviation may carry a dot; a full name must not run on into a longer word.
    return rf"(?:{full}(?![\w])|{abbr}(?:\.|(?![\w])))"


def weekday_fragment(days: dict[str, int], abbreviations: dict[str, int], dotted: dict[str, int]) -> str:
    """Weekday names in any case ("friday" is no other word), their abbreviations, and the ones
    that are also words ("sat", "wed") only with a dot."""
    full = "(?i:" + alternation(list(days), cased=False) + ")"
    abbr = "(?i:" + alternation(list(abbreviations), cased=False) + ")"
    with_dot = alternation(list(dotted), cased=True)
    return rf"(?:{full}(?![\w])|{abbr}(?:\.|(?![\w]))|{with_dot}\.)"


def expand(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    if depth > 10:
        raise ValueError(f"placeholders nest too deep in {pattern[:60]!r}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise KeyError(f"unknown placeholder {{{name}}}")
        return expand(fragments[name], fragments, depth + 1)

    return PLACEHOLDER.sub(sub, pattern)


def group_names(pattern: str) -> list[str]:
    return [g[4:-1] for g in NAMED_GROUP.findall(pattern)]


def with_groups(pattern: str, names: list[str]) -> str:
    """``pattern`` with the named groups it lacks added as groups that never match: a rule's handler
    reads every group the default language's pattern for it has, and another language may say
    less ("Ende 2025" has no "the")."""
    missing = [n for n in dict.fromkeys(names) if n not in group_names(pattern)]
    return pattern if not missing else f"(?:{pattern})(?:(?!)" + "".join(f"(?P<{n}>)" for n in missing) + ")?"
