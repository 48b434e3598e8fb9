"""Print the month and weekday names dateparser's locale data knows for a language, as lines of
``resources/<code>/tagger.toml`` tables, marking those the tables lack.

    python scripts/locale_words.py de

dateparser (BSD) seeds the word lists; each line is reviewed by hand before it goes in, since many
abbreviations are words of their own ("mit", "die", "mar"). tests/core/test_locale_drift.py fails
when dateparser knows a full name the tables lack.
"""

from __future__ import annotations

import importlib
import sys

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def names(code: str) -> dict[str, list[tuple[str, int, bool]]]:
    """``{"months": [(word, number, full)], "weekdays": [...]}`` from dateparser's data for ``code``;
    ``full`` is False for an abbreviation: shorter than five letters, or the start of another name of
    the same month or day ("берез" before "березень"); a short full name ("mai", "juin") is reviewed by hand."""
    info = importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
    out: dict[str, list[tuple[str, int, bool]]] = {}
    for table, keys in (("months", MONTHS), ("weekdays", WEEKDAYS)):
        rows = []
        for number, key in enumerate(keys, 1):
            words = sorted({w.lower().rstrip(".") for w in info.get(key, [])})
            for w in words:
                rows.append((w, number, len(w) >= 5 and not any(o != w and o.startswith(w) for o in words)))
        out[table] = rows
    return out


def main(code: str) -> None:
    from timeline_app.core.tagger.lexicon import lexicon

    lx = lexicon(code)
    known = {"months": lambda w: lx.month(w), "weekdays": lambda w: lx.weekdays.get(w)}
    for table, rows in names(code).items():
        print(f"[{table}]")
        for word, number, full in rows:
            mark = "" if known[table](word) == number else "  # not in the tables" + ("" if full else ", abbreviation")
            print(f'"{word}" = {number}{mark}')
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "de")
