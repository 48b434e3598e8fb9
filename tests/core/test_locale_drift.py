"""The month and weekday tables of each language cover every full name dateparser's locale data
knows (its abbreviations are reviewed by hand: many are words). scripts/locale_words.py prints them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from timeline_app.core.tagger.lexicon import lexicon

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "locale_words.py"


def _names():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("locale_words", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.names


@pytest.mark.parametrize("code", ["de", "fr", "es", "uk", "ru"])
def test_every_full_name_dateparser_knows_is_in_the_tables(code: str) -> None:
    lx = lexicon(code)
    found = {"months": lx.month, "weekdays": lx.weekdays.get}
    missing = [(table, word) for table, rows in _names()(code).items() for word, number, full in rows
               if full and found[table](word) != number]
    assert missing == []
