"""The date tagger on Spanish, by tables of cases written from news phrasing: one line per case."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.settings import Settings
from timeline_app.core.tagger import TemporalExpression, tag

REF = date(2025, 5, 6)  # a Tuesday
SPANISH = Settings(language="es", day_first=True)

# (sentence, expression as found, TimeML value, interval start, interval end); "" = open side.
CASES = [
    ("El tratado se firmó el 5 de mayo de 2025 en Vilna.", "5 de mayo de 2025", "2025-05-05", "2025-05-05",
     "2025-05-05"),
    ("La empresa cerró el 13 de junio del 2005.", "13 de junio del 2005", "2005-06-13", "2005-06-13", "2005-06-13"),
    ("Los precios subieron en marzo de 2021.", "marzo de 2021", "2021-03", "2021-03-01", "2021-03-31"),
    ("La guerra empezó en 2022.", "2022", "2022", "2022-01-01", "2022-12-31"),
    ("A finales de 2024 venció el contrato.", "A finales de 2024", "2024", "2024-09-01", "2024-12-31"),
    ("En marzo, Lituania abandonó la convención.", "marzo", "2025-03", "2025-03-01", "2025-03-31"),
    ("El 1 de junio la bolsa cayó.", "1 de junio", "2025-06-01", "2025-06-01", "2025-06-01"),
    ("El lunes el gobierno aprobó el plan.", "lunes", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Ayer el ministro habló.", "Ayer", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Hoy la bolsa abrió en alza.", "Hoy", "2025-05-06", "2025-05-06", "2025-05-06"),
    ("Mañana se publicarán los resultados.", "Mañana", "2025-05-07", "2025-05-07", "2025-05-07"),
    ("La semana pasada estuvo en Madrid.", "La semana pasada", "2025-W18", "2025-04-28", "2025-05-04"),
    ("El año pasado la cifra bajó.", "El año pasado", "2024", "2024-01-01", "2024-12-31"),
    ("El próximo año empiezan las obras.", "El próximo año", "2026", "2026-01-01", "2026-12-31"),
    ("Este año el crecimiento se frena.", "Este año", "2025", "2025-01-01", "2025-12-31"),
    ("Hace cuatro años empezó la guerra.", "Hace cuatro años", "2021", "2021-01-01", "2021-12-31"),
    ("Las obras durarán de 2026 a 2030.", "de 2026 a 2030", "2026/2030", "2026-01-01", "2030-12-31"),
    ("Para 2030 la valla estará terminada.", "Para 2030", "2030", "", "2030-12-31"),
    ("Desde 2014 la península está ocupada.", "Desde 2014", "2014", "2014-01-01", "2025-05-06"),
    ("A principios de año la bolsa cayó.", "A principios de año", "2025", "2025-01-01", "2025-05-01"),
    ("Las ventas del fin de semana crecieron un 5%.", "del fin de semana", "2025-W18-WE", "2025-05-03",
     "2025-05-04"),
    ("Hace unas horas cayó la bolsa.", "Hace unas horas", "2025-05-06", "2025-05-06", "2025-05-06"),
    # a headline's last word is no weekday of the dateline below it
    ("Los mercados seguirán cerrados hasta el viernes\n18 de septiembre de 2008\nEl gobierno...",
     "18 de septiembre de 2008", "2008-09-18", "2008-09-18", "2008-09-18"),
]

UNPLACED = [
    ("Las negociaciones duraron tres horas.", "tres horas", "DURATION", "PT3H"),
    ("Gobernó durante cuatro años.", "cuatro años", "DURATION", "P4Y"),
    ("Un informe anual lo confirma.", "anual", "SET", "P1Y"),
    ("El índice cerró a las 14:58 UTC.", "las 14:58 UTC", "TIME", "2025-05-06T14:58Z"),
    ("El consejo actual lo rechaza.", "actual", "DATE", "PRESENT_REF"),
    ("La historia reciente lo muestra.", "reciente", "DATE", "PAST_REF"),
]

NOT_DATES = [
    ("Trabajó por la mañana en la oficina.", "mañana"),
    ("El ejército envió 2000 soldados.", "2000"),
    ("Navegaron por el mar Negro.", "mar"),
]


def _find(expressions: list[TemporalExpression], text: str) -> TemporalExpression:
    found = [e for e in expressions if e.text == text]
    assert found, f"{text!r} not found in {[e.text for e in expressions]}"
    return found[0]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


@pytest.mark.parametrize(("sentence", "text", "value", "lo", "hi"), CASES, ids=[c[1] for c in CASES])
def test_placed(sentence: str, text: str, value: str, lo: str, hi: str) -> None:
    e = _find(tag(sentence, REF, SPANISH), text)
    assert (e.value, _iso(e.lo), _iso(e.hi)) == (value, lo, hi)
    assert e.placed
    assert sentence[e.start:e.end] == e.text


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), UNPLACED, ids=[c[1] for c in UNPLACED])
def test_typed_not_placed(sentence: str, text: str, type_: str, value: str) -> None:
    e = _find(tag(sentence, REF, SPANISH), text)
    assert (e.type, e.value) == (type_, value)


@pytest.mark.parametrize(("sentence", "trap"), NOT_DATES, ids=[c[1] for c in NOT_DATES])
def test_not_a_date(sentence: str, trap: str) -> None:
    at = sentence.index(trap)
    overlapping = [e for e in tag(sentence, REF, SPANISH) if e.start < at + len(trap) and at < e.end
                   and e.type != "TIME"]  # "por la mañana" is the morning: a time, never tomorrow
    assert overlapping == []
