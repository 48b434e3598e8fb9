"""The tagger's data file and its code agree: every table is read, every rule has a handler and
every handler a rule, every point form a reader; nothing in the data goes unnoticed."""

from __future__ import annotations

from typing import Any

import pytest

from timeline_app.core import tagger
from timeline_app.core.tagger.lexicon import build_lexicon, read_data
from timeline_app.core.tagger.points import READERS
from timeline_app.core.tagger.registry import HANDLERS


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
    import re

    from timeline_app.core.tagger.rules.templates import PLACEHOLDERS

    data = read_data()
    handled = {r["name"] for r in data["rules"] if "template" not in r}
    templated = [r for r in data["rules"] if "template" in r]
    assert handled - set(HANDLERS) == set(), "rules without a handler"
    assert set(HANDLERS) - handled == set(), "handlers without a rule (or of a rule that has a template)"
    assert templated, "no rule states its reading in the data"
    for rule in templated:
        assert set(rule["template"]) == {"type", "kind", "granularity", "value"}, rule["name"]
        for name in re.findall(r"\{(\w+)\}", rule["template"]["value"]):
            assert name in PLACEHOLDERS and f"(?P<{name}>" in rule["pattern"], (rule["name"], name)


def test_every_point_form_has_a_reader_and_every_reader_a_form() -> None:
    forms = {f["name"] for f in read_data()["point_forms"]}
    assert forms == set(READERS)


def test_weekday_abbreviations_are_read() -> None:
    from datetime import date

    text = "They met Tues. and again Thurs, then Sat. and Fri"
    found = {e.text: e.value for e in tagger.tag(text, date(2025, 5, 6))}
    assert found == {"Tues.": "2025-05-06", "Thurs": "2025-05-01", "Sat.": "2025-05-03", "Fri": "2025-05-02"}
    assert tagger.tag("The Sun and the Sat exam; they wed.", date(2025, 5, 6)) == []


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
    assert english.title_junk == frozenset(text["titles"]["junk"])
    assert english.dateline_cues == tuple(text["dateline"]["cues"])
    assert set(text) == {"abbreviations", "lower_abbreviations", "stop_words", "titles", "dateline", "numbers"}
    assert english.decimal_mark == "." and english.number_scales["billion"] == 1e9
    places = read_language_data("en", "places")
    assert set(places) == {"countries", "groups", "distance_units"}
    assert set(english.countries.values()) <= set(places["countries"])  # every note name is a name
    assert len(set(english.countries.values())) > 190


@pytest.mark.parametrize("code", ["de", "fr", "es", "uk", "ru"])
def test_every_language_has_the_tables_english_has(code: str) -> None:
    """The same tables, lists and keys: a table a language leaves out would be read from nowhere."""
    from timeline_app.core.language import language, read_data, readable
    from timeline_app.core.tagger.lexicon import lexicon

    assert readable(code)
    ours, english = read_data(code, "tagger"), read_data("en", "tagger")
    assert set(ours) == set(english)
    assert set(ours["lists"]) == set(english["lists"])
    assert set(ours["fragments"]) <= set(english["fragments"]) | {"YEAR_WORD"}
    assert set(ours["patterns"]) == set(english["patterns"])
    text, english_text = read_data(code, "text"), read_data("en", "text")
    assert set(text) - {"ordinals_with_dot"} == set(english_text)
    assert set(text["titles"]) == set(english_text["titles"]) and set(text["dateline"]) == set(english_text["dateline"])
    assert language(code).code == code and lexicon(code).rules


#: The meanings the data maps words onto (granularities, parts of a period, kinds, tenses, the
#: weekend, the Easter computus): identifiers of the tagger, not words of a text.
MEANINGS = frozenset({"day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century",
                      "time", "start", "end", "mid", "point", "range", "before", "since", "after", "duration",
                      "set", "vague", "past", "future", "easter"})


def _data_words(data: dict[str, Any]) -> set[str]:
    """Every word the data holds as a word: the keys of word tables and the items of word lists."""
    words: set[str] = set()

    def holds_lists(node: Any) -> bool:
        return isinstance(node, list) or isinstance(node, dict) and any(holds_lists(v) for v in node.values())

    def visit(table: dict[str, Any]) -> None:
        if not holds_lists(table):  # a word table: its keys are words ("by", "the end of")
            words.update(table)
            return
        for value in table.values():
            if isinstance(value, list):
                words.update(x for x in value if isinstance(x, str))
            elif isinstance(value, dict):
                visit(value)

    visit({k: v for k, v in data.items() if k not in ("fragments", "patterns", "rules", "point_forms")})
    import re

    return {t.lower() for w in words for t in re.findall(r"[^\W\d_]+", w) if len(t) > 1}


def _code_literals(source: str) -> list[tuple[int, str]]:
    """String literals of a module that could be words of a text: not docstrings, not keys of a
    table or a match group ("m['month']", "spec.get('mod')")."""
    import ast

    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            skip.add(id(node.slice))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("get", "start", "end", "group") and node.args:
            skip.add(id(node.args[0]))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("handles", "reads"):
            skip.update(id(arg) for arg in node.args)  # names of rules and point forms
        if isinstance(node, ast.Raise):  # messages to a developer
            skip.update(id(n) for n in ast.walk(node) if isinstance(n, ast.Constant))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def test_the_tagger_code_holds_no_english_word() -> None:
    """Every word the tagger reads comes from the language's data: a literal word of the data in the
    code would be English wired in where German or French data cannot reach it."""
    import re
    from importlib import resources

    data = read_data()
    english = _data_words(data) - MEANINGS - set(data["units"])  # unit names are meanings too
    assert {"yesterday", "ago", "the", "until", "thanksgiving", "noon", "had", "ed"} <= english | {"ed"}
    found = []
    package = resources.files("timeline_app.core.tagger")
    # lexicon.py is the loader: it names the tables of the data, which is its job
    modules = [p for p in package.iterdir() if p.name.endswith(".py") and p.name != "lexicon.py"]
    modules += [p for p in package.joinpath("rules").iterdir() if p.name.endswith(".py")]
    assert len(modules) >= 10
    for module in modules:
        for line, literal in _code_literals(module.read_text(encoding="utf-8")):
            for token in re.findall(r"[^\W\d_]+", literal):
                if len(token) > 1 and not token.isupper() and token.lower() in english:
                    found.append(f"{module.name}:{line}: {literal!r}")
    assert found == [], "\n".join(found)


def test_every_field_of_the_lexicon_is_used_by_the_tagger() -> None:
    """A table the loader reads but no rule uses would be a word list that silently does nothing."""
    import dataclasses
    import re
    from importlib import resources

    from timeline_app.core.tagger.lexicon import Lexicon

    package = resources.files("timeline_app.core.tagger")
    code = "\n".join(p.read_text(encoding="utf-8") for folder in (package, package.joinpath("rules"))
                     for p in folder.iterdir() if p.name.endswith(".py") and p.name != "lexicon.py")
    code += "\n".join(re.findall(r"self\.\w+", package.joinpath("lexicon.py").read_text(encoding="utf-8")))
    unused = [f.name for f in dataclasses.fields(Lexicon) if not re.search(rf"\.{f.name}\b", code)]
    assert unused == []
    grammar = read_data()["tense"]
    assert [k for k in grammar if f'"{k}"' not in code] == []
