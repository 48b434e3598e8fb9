"""A first pass in linear time: which rules can match in which stretch of text.

Python's ``re`` tries a rule's whole pattern at every position of a stretch; a pattern with a large
alternation of month and unit names costs hundreds of nanoseconds a character even where nothing
matches. RE2 (google-re2) runs every rule at once as one automaton, in time linear in the text, and
says which rules match somewhere in a stretch: ``re`` then runs only those rules, on only those
stretches, and finds exactly what it found before.

RE2 knows no look-around, back-references or possessive repeats, so each rule is given to it as a
pattern that matches *at least* what the rule matches (:func:`superset`): look-arounds and anchors
are left out, a back-reference matches anything, ``\\w``, ``\\d`` and ``\\s`` are read with Unicode
classes as ``re`` reads them. A rule RE2 cannot take runs everywhere, as without the first pass;
without google-re2 there is no first pass at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: Python's ``\w``, ``\d``, ``\s`` (Unicode) in RE2's syntax, inside a character class
_CLASS = {
    sre.CATEGORY_WORD: r"\pL\pN_",
    sre.CATEGORY_DIGIT: r"\pN",  # any number: more than the decimal digits
    sre.CATEGORY_SPACE: r"\s\p{Z}\x{85}\x{0b}\x{1c}-\x{1f}",
    # the complements, as supersets: a non-letter, any character, anything but an ASCII space
    sre.CATEGORY_NOT_WORD: r"\PL",
    sre.CATEGORY_NOT_DIGIT: r"\x{0}-\x{10ffff}",
    sre.CATEGORY_NOT_SPACE: r"\S",
}
_ANY = r"(?s:.)"


class Inexpressible(Exception):
    """A pattern RE2 cannot take, even loosened."""


def _char(code: int) -> str:
    c = chr(code)
    return c if c.isascii() and c.isalnum() else f"\\x{{{code:x}}}"


def _in(items: list[tuple[Any, Any]]) -> str:
    negated = bool(items) and items[0][0] is sre.NEGATE
    parts = []
    for op, av in items[1:] if negated else items:
        if op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CLASS:
            if negated:
                return _ANY  # the complement of a loosened class would be narrower: take anything
            parts.append(_CLASS[av])
        else:
            raise Inexpressible(f"class item {op}")
    return ("[^" if negated else "[") + "".join(parts) + "]"


def _emit(items: Any) -> str:
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(_char(av))
        elif op is sre.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is sre.ANY:
            out.append(_ANY)
        elif op is sre.IN:
            out.append(_in(av))
        elif op is sre.CATEGORY:
            out.append(_in([(op, av)]))
        elif op is sre.BRANCH:
            out.append("(?:" + "|".join(_emit(branch) for branch in av[1]) + ")")
        elif op is sre.SUBPATTERN:
            _group, add, remove, pattern = av
            flags = ("i" if add & sre.SRE_FLAG_IGNORECASE else "") + ("-i" if remove & sre.SRE_FLAG_IGNORECASE else "")
            out.append(f"(?{flags}:" + _emit(pattern) + ")")
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, pattern = av
            if high is sre.MAXREPEAT:
                count = "*" if low == 0 else "+" if low == 1 else f"{{{low},}}"
            else:
                if high > 1000:
                    raise Inexpressible("a repeat RE2 cannot count")
                count = f"{{{low},{high}}}"
            out.append("(?:" + _emit(pattern) + ")" + count)
        elif op is sre.ATOMIC_GROUP:
            out.append("(?:" + _emit(av) + ")")
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # looking around only narrows what matches
        elif op is sre.GROUPREF:
            out.append(_ANY + "*")  # what the group matched: anything
        elif op is sre.GROUPREF_EXISTS:  # either branch, whether the group matched or not
            _group, yes, no = av
            out.append("(?:" + _emit(yes) + "|" + (_emit(no) if no is not None else "") + ")")
        else:
            raise Inexpressible(f"{op}")
    return "".join(out)


def superset(pattern: re.Pattern[str]) -> str:
    """``pattern`` loosened into RE2's syntax: it matches wherever ``pattern`` matches (and perhaps
    elsewhere). Raises :class:`Inexpressible` for what RE2 cannot take."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags & ~sre.SRE_FLAG_UNICODE)
    flags = "(?i)" if pattern.flags & re.IGNORECASE else ""
    return flags + _emit(parsed)


class Prefilter:
    """Which of ``patterns`` can match in a stretch of text, all found in one linear pass."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        import re2

        options = re2.Options()
        options.max_mem = 64 << 20  # the automaton of all rules at once
        options.log_errors = False
        self._set = re2.Set.SearchSet(options)
        self._index: list[int] = []  # the set's pattern number -> the rule's
        #: rules RE2 cannot take: they may match anywhere
        self.always = frozenset(i for i, p in enumerate(patterns) if not self._add(i, p))
        self._all = frozenset(range(len(patterns)))
        self._set.Compile()

    def _add(self, i: int, pattern: re.Pattern[str]) -> bool:
        import re2

        try:
            self._set.Add(superset(pattern))
        except (Inexpressible, re2.error):
            return False
        self._index.append(i)
        return True

    def matching(self, stretch: str) -> frozenset[int]:
        """The rules that may match in ``stretch`` (those RE2 could not take among them); all of them
        for a text RE2 cannot be given (a lone surrogate, from a file name's undecodable byte)."""
        try:
            found = self._set.Match(stretch)
        except UnicodeEncodeError:
            return self._all
        return self.always.union(self._index[n] for n in found) if found else self.always


def prefilter(patterns: Sequence[re.Pattern[str]]) -> Prefilter | None:
    """The first pass over ``patterns``, or None where google-re2 is missing or fails to build it."""
    try:
        return Prefilter(patterns)
    except Exception:  # noqa: BLE001 - no first pass is slower, never wrong
        return None
