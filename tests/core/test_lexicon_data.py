"""The tagger's data file and its code agree: every table is read, every rule has a handler and
every handler a rule, every point form a reader; nothing in the data goes unnoticed."""

from __future__ import annotations

from typing import Any

from timeline_app.core import temporal
from timeline_app.core.lexicon import build_lexicon, read_data


class _Tracking(dict):  # type: ignore[type-arg]
    """A dict that remembers which keys were read, and hands out tracking copies of its tables."""

    def __init__(self, data: dict[str, Any], seen: set[str], prefix: str = "") -> None:
        super().__init__(data)
        self.seen, self.prefix = seen, prefix

    def _wrap(self, key: str, value: Any) -> Any:
        self.seen.add(self.prefix + key)
        return _Tracking(value, self.seen, f"{self.prefix}{key}.") if isinstance(value, dict) else value

    def __getitem__(self, key: str) -> Any:
        return self._wrap(key, super().__getitem__(key))

    def get(self, key: str, default: Any = None) -> Any:
        return self._wrap(key, super().get(key, default)) if key in self else default


def test_every_table_and_list_of_the_data_file_is_read() -> None:
    data = read_data()
    seen: set[str] = set()
    build_lexicon(_Tracking(data, seen))
    tables = {k for k, v in data.items() if k != "lists"} | {f"lists.{k}" for k in data["lists"]}
    assert tables - seen == set(), "tables in tagger.toml that no code reads"


def test_every_rule_has_a_handler_and_every_handler_a_rule() -> None:
    data = read_data()
    rules = {r["name"] for r in data["rules"]}
    assert rules - set(temporal._HANDLERS) == set(), "rules without a handler"
    assert set(temporal._HANDLERS) - rules == set(), "handlers without a rule"


def test_every_point_form_has_a_reader_and_every_reader_a_form() -> None:
    forms = {f["name"] for f in read_data()["point_forms"]}
    assert forms == set(temporal._POINT_READERS)


def test_weekday_abbreviations_are_read() -> None:
    from datetime import date

    text = "They met Tues. and again Thurs, then Sat. and Fri"
    found = {e.text: e.value for e in temporal.tag(text, date(2025, 5, 6))}
    assert found == {"Tues.": "2025-05-06", "Thurs": "2025-05-01", "Sat.": "2025-05-03", "Fri": "2025-05-02"}
    assert temporal.tag("The Sun and the Sat exam; they wed.", date(2025, 5, 6)) == []


def test_a_language_folder_holds_every_file_and_each_word_list_is_read() -> None:
    from importlib import resources

    from timeline_app.core.language import language
    from timeline_app.core.language import read_data as read_language_data

    folder = resources.files("timeline_app.resources").joinpath("en")
    assert {p.name for p in folder.iterdir() if p.name.endswith(".toml")} == {"tagger.toml", "furniture.toml",
                                                                              "text.toml", "places.toml"}
    text = read_language_data("en", "text")
    english = language("en")
    assert english.abbreviations == frozenset(text["abbreviations"])
    assert english.stop_words == frozenset(text["stop_words"])
    assert english.weak_title_ends == frozenset(text["titles"]["weak_ends"])
    assert set(text) == {"abbreviations", "lower_abbreviations", "stop_words", "titles"}
    places = read_language_data("en", "places")
    assert set(places) == {"countries", "groups", "distance_units"}
    assert set(english.countries.values()) <= set(places["countries"])  # every note name is a name
    assert len(set(english.countries.values())) > 190
