"""The date tagger on Ukrainian and Russian, by tables of cases written from news phrasing (no
public gold corpus of Russian exists): one line per case."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.settings import Settings
from timeline_app.core.tagger import TemporalExpression, tag

REF = date(2025, 5, 6)  # a Tuesday

# (language, sentence, expression as found, TimeML value, interval start, interval end); "" = open side.
CASES = [
    ("uk", "Угоду підписали 5 травня 2025 року у Вільнюсі.", "5 травня 2025 року", "2025-05-05", "2025-05-05",
     "2025-05-05"),
    ("uk", "У березні 2021 року ціни зросли.", "березні 2021 року", "2021-03", "2021-03-01", "2021-03-31"),
    ("uk", "Війна почалася у 2022 році.", "2022 році", "2022", "2022-01-01", "2022-12-31"),
    ("uk", "Наприкінці 2024 року договір закінчився.", "Наприкінці 2024 року", "2024", "2024-09-01", "2024-12-31"),
    ("uk", "У березні Литва вийшла з конвенції.", "березні", "2025-03", "2025-03-01", "2025-03-31"),
    ("uk", "Вчора міністр заявив про це.", "Вчора", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("uk", "Минулого тижня він був у Києві.", "Минулого тижня", "2025-W18", "2025-04-28", "2025-05-04"),
    ("uk", "Минулого року кількість зменшилася.", "Минулого року", "2024", "2024-01-01", "2024-12-31"),
    ("uk", "Три роки тому почалася війна.", "Три роки тому", "2022", "2022-01-01", "2022-12-31"),
    ("uk", "Роботи триватимуть з 2026 по 2030 рік.", "з 2026 по 2030 рік", "2026/2030", "2026-01-01", "2030-12-31"),
    ("uk", "До 2030 року паркан буде збудовано.", "До 2030 року", "2030", "", "2030-12-31"),
    ("uk", "Навесні 2024 року почалися роботи.", "Навесні 2024 року", "2024-SP", "2024-03-01", "2024-05-31"),
    ("ru", "Соглашение подписали 5 мая 2025 года в Вильнюсе.", "5 мая 2025 года", "2025-05-05", "2025-05-05",
     "2025-05-05"),
    ("ru", "В марте 2021 года цены выросли.", "марте 2021 года", "2021-03", "2021-03-01", "2021-03-31"),
    ("ru", "В конце 2024 года истек договор.", "В конце 2024 года", "2024", "2024-09-01", "2024-12-31"),
    ("ru", "В марте Литва вышла из конвенции.", "марте", "2025-03", "2025-03-01", "2025-03-31"),
    ("ru", "Вчера министр заявил об этом.", "Вчера", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("ru", "На прошлой неделе он был в Москве.", "прошлой неделе", "2025-W18", "2025-04-28", "2025-05-04"),
    ("ru", "В прошлом году число снизилось.", "прошлом году", "2024", "2024-01-01", "2024-12-31"),
    ("ru", "Три года назад началась война.", "Три года назад", "2022", "2022-01-01", "2022-12-31"),
    ("ru", "Работы продлятся с 2026 по 2030 год.", "с 2026 по 2030 год", "2026/2030", "2026-01-01", "2030-12-31"),
    ("ru", "К 2030 году забор будет готов.", "К 2030 году", "2030", "", "2030-12-31"),
    ("ru", "С 2014 года полуостров оккупирован.", "С 2014 года", "2014", "2014-01-01", "2025-05-06"),
    ("ru", "Весной 2024 года начались работы.", "Весной 2024 года", "2024-SP", "2024-03-01", "2024-05-31"),
]

UNPLACED = [
    ("uk", "Переговори тривали три години.", "три години", "DURATION", "PT3H"),
    ("uk", "Битва відбулася 490 до н. е.", "490 до н. е.", "DATE", "BC0490"),
    ("ru", "Переговоры длились три часа.", "три часа", "DURATION", "PT3H"),
    ("ru", "Отчет публикуется ежегодно.", "ежегодно", "SET", "P1Y"),
]

NOT_DATES = [
    ("uk", "Армія відправила 2000 солдатів.", "2000"),
    ("ru", "Армия отправила 2000 солдат.", "2000"),
]


def _find(expressions: list[TemporalExpression], text: str) -> TemporalExpression:
    found = [e for e in expressions if e.text == text]
    assert found, f"{text!r} not found in {[e.text for e in expressions]}"
    return found[0]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def _tag(code: str, sentence: str) -> list[TemporalExpression]:
    return tag(sentence, REF, Settings(language=code, day_first=True))


@pytest.mark.parametrize(("code", "sentence", "text", "value", "lo", "hi"), CASES, ids=[c[2] for c in CASES])
def test_placed(code: str, sentence: str, text: str, value: str, lo: str, hi: str) -> None:
    e = _find(_tag(code, sentence), text)
    assert (e.value, _iso(e.lo), _iso(e.hi)) == (value, lo, hi)
    assert e.placed
    assert sentence[e.start:e.end] == e.text


@pytest.mark.parametrize(("code", "sentence", "text", "type_", "value"), UNPLACED, ids=[c[2] for c in UNPLACED])
def test_typed_not_placed(code: str, sentence: str, text: str, type_: str, value: str) -> None:
    e = _find(_tag(code, sentence), text)
    assert (e.type, e.value) == (type_, value)


@pytest.mark.parametrize(("code", "sentence", "trap"), NOT_DATES, ids=[f"{c[0]}-{c[2]}" for c in NOT_DATES])
def test_not_a_date(code: str, sentence: str, trap: str) -> None:
    at = sentence.index(trap)
    assert [e for e in _tag(code, sentence) if e.start < at + len(trap) and at < e.end] == []


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Міністерство оборони повідомило, що роботи на кордоні триватимуть кілька років, а уряд схвалив план."),
    ("ru", "Министерство обороны сообщило, что работы на границе продлятся несколько лет, а правительство "
           "одобрило план."),
])
def test_the_language_is_detected(code: str, text: str) -> None:
    from timeline_app.core.language import detect, readable

    assert detect(text) == code and readable(code)
