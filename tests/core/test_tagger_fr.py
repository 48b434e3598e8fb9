"""The date tagger on French, by tables of cases written from news phrasing: one line per case."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.settings import Settings
from timeline_app.core.tagger import TemporalExpression, tag

REF = date(2025, 5, 6)  # a Tuesday
FRENCH = Settings(language="fr", day_first=True)

# (sentence, expression as found, TimeML value, interval start, interval end); "" = open side.
CASES = [
    ("Le traité a été signé le 5 mai 2025 à Vilnius.", "5 mai 2025", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Il est né le mardi 1er juin 1999.", "mardi 1er juin 1999", "1999-06-01", "1999-06-01", "1999-06-01"),
    ("Le ministère a annoncé le 06.05.2025 que ...", "06.05.2025", "2025-05-06", "2025-05-06", "2025-05-06"),
    ("Les prix ont augmenté en mars 2021.", "mars 2021", "2021-03", "2021-03-01", "2021-03-31"),
    ("La guerre a commencé en 2022.", "2022", "2022", "2022-01-01", "2022-12-31"),
    ("Fin 2024, le contrat a expiré.", "Fin 2024", "2024", "2024-09-01", "2024-12-31"),
    ("En mars, la Lituanie a quitté la convention.", "mars", "2025-03", "2025-03-01", "2025-03-31"),
    ("Lundi, le gouvernement a approuvé le plan.", "Lundi", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Hier, le ministre a parlé.", "Hier", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Les résultats seront publiés demain.", "demain", "2025-05-07", "2025-05-07", "2025-05-07"),
    ("La semaine dernière, il était à Paris.", "La semaine dernière", "2025-W18", "2025-04-28", "2025-05-04"),
    ("L'année dernière, le nombre a baissé.", "L'année dernière", "2024", "2024-01-01", "2024-12-31"),
    ("Le mois prochain, les travaux commencent.", "Le mois prochain", "2025-06", "2025-06-01", "2025-06-30"),
    ("Cette année, la croissance ralentit.", "Cette année", "2025", "2025-01-01", "2025-12-31"),
    ("Il y a trois ans, la guerre a commencé.", "Il y a trois ans", "2022", "2022-01-01", "2022-12-31"),
    ("Les travaux dureront de 2026 à 2030.", "de 2026 à 2030", "2026/2030", "2026-01-01", "2030-12-31"),
    ("D'ici 2030, la clôture sera achevée.", "D'ici 2030", "2030", "", "2030-12-31"),
    ("Depuis 2014, la péninsule est occupée.", "Depuis 2014", "2014", "2014-01-01", "2025-05-06"),
    ("Hier soir, le président a parlé.", "Hier soir", "2025-05-05TEV", "2025-05-05", "2025-05-05"),
    # a weekday named again with no tense of its own is the one just named
    ("Dimanche, la fête aura lieu au village. Dimanche soir, le comité vous invite au bal.", "Dimanche soir",
     "2025-05-11TEV", "2025-05-11", "2025-05-11"),
]

UNPLACED = [
    ("Les négociations ont duré trois heures.", "trois heures", "DURATION", "PT3H"),
    ("Il a régné pendant dix ans.", "dix ans", "DURATION", "P10Y"),
    ("Le festival a lieu chaque année.", "chaque année", "SET", "P1Y"),
    ("Le marché se tient tous les jeudis.", "tous les jeudis", "SET", "XXXX-WXX-4"),
    ("Le régime actuel tient bon.", "actuel", "DATE", "PRESENT_REF"),
]

NOT_DATES = [
    ("Le budget a été voté sans débat.", "été"),
    ("L'armée a envoyé 2000 soldats.", "2000"),
]


def _find(expressions: list[TemporalExpression], text: str) -> TemporalExpression:
    found = [e for e in expressions if e.text == text]
    assert found, f"{text!r} not found in {[e.text for e in expressions]}"
    return found[0]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


@pytest.mark.parametrize(("sentence", "text", "value", "lo", "hi"), CASES, ids=[c[1] for c in CASES])
def test_placed(sentence: str, text: str, value: str, lo: str, hi: str) -> None:
    e = _find(tag(sentence, REF, FRENCH), text)
    assert (e.value, _iso(e.lo), _iso(e.hi)) == (value, lo, hi)
    assert e.placed
    assert sentence[e.start:e.end] == e.text


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), UNPLACED, ids=[c[1] for c in UNPLACED])
def test_typed_not_placed(sentence: str, text: str, type_: str, value: str) -> None:
    e = _find(tag(sentence, REF, FRENCH), text)
    assert (e.type, e.value) == (type_, value)


@pytest.mark.parametrize(("sentence", "trap"), NOT_DATES, ids=[c[1] for c in NOT_DATES])
def test_not_a_date(sentence: str, trap: str) -> None:
    at = sentence.index(trap)
    overlapping = [e for e in tag(sentence, REF, FRENCH) if e.start < at + len(trap) and at < e.end]
    assert overlapping == []
