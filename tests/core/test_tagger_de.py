"""The date tagger on German, by tables of cases written from news phrasing: one line per case."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.settings import Settings
from timeline_app.core.tagger import TemporalExpression, tag

REF = date(2025, 5, 6)  # a Tuesday
GERMAN = Settings(language="de", day_first=True)

# (sentence, expression as found, TimeML value, interval start, interval end); "" = open side.
CASES = [
    # absolute dates
    ("Der Vertrag wurde am 5. Mai 2025 unterzeichnet.", "5. Mai 2025", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Die Sitzung am 28. September 2014 verlief ruhig.", "28. September 2014", "2014-09-28", "2014-09-28",
     "2014-09-28"),
    ("Am Montag, dem 5. Mai 2025, billigte die Regierung den Plan.", "Montag, dem 5. Mai 2025", "2025-05-05",
     "2025-05-05", "2025-05-05"),
    ("Das Ministerium teilte am 06.05.2025 mit, ...", "06.05.2025", "2025-05-06", "2025-05-06", "2025-05-06"),
    ("Die Preise stiegen im März 2021.", "März 2021", "2021-03", "2021-03-01", "2021-03-31"),
    ("Der Krieg begann im Jahr 2022.", "Jahr 2022", "2022", "2022-01-01", "2022-12-31"),
    ("In den 1990er Jahren war das anders.", "1990er Jahren", "199", "1990-01-01", "1999-12-31"),
    ("Im Sommer 2024 wuchs die Produktion.", "Sommer 2024", "2024-SU", "2024-06-01", "2024-08-31"),
    ("Der Umsatz fiel im dritten Quartal 2024.", "dritten Quartal 2024", "2024-Q3", "2024-07-01", "2024-09-30"),
    ("Das Gesetz trat im Dezember 1999 in Kraft.", "Dezember 1999", "1999-12", "1999-12-01", "1999-12-31"),
    ("Ende 2024 lief der Vertrag aus.", "Ende 2024", "2024", "2024-09-01", "2024-12-31"),
    ("Anfang Mai 2024 begannen die Arbeiten.", "Anfang Mai 2024", "2024-05", "2024-05-01", "2024-05-10"),
    ("Im 18. Jahrhundert blühte der Handel.", "18. Jahrhundert", "17", "1700-01-01", "1799-12-31"),
    # year-less and relative dates, from the publication date
    ("Im März trat Litauen aus dem Abkommen aus.", "März", "2025-03", "2025-03-01", "2025-03-31"),
    ("Am 5. Mai billigte die Regierung den Plan.", "5. Mai", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Gestern sagte der Minister, die Lage sei ruhig.", "Gestern", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Die Ergebnisse sollen morgen vorliegen.", "morgen", "2025-05-07", "2025-05-07", "2025-05-07"),
    ("Letzte Woche traf er den Kanzler.", "Letzte Woche", "2025-W18", "2025-04-28", "2025-05-04"),
    ("Im vergangenen Jahr sank die Zahl.", "vergangenen Jahr", "2024", "2024-01-01", "2024-12-31"),
    ("Im nächsten Monat beginnt der Bau.", "nächsten Monat", "2025-06", "2025-06-01", "2025-06-30"),
    ("Vor drei Jahren begann der Krieg.", "Vor drei Jahren", "2022", "2022-01-01", "2022-12-31"),
    ("Ende des Jahres soll der Zaun stehen.", "Ende des Jahres", "2025", "2025-09-02", "2025-12-31"),
    # ranges and open bounds
    ("Die Arbeiten sollen von 2026 bis 2030 dauern.", "von 2026 bis 2030", "2026/2030", "2026-01-01",
     "2030-12-31"),
    ("Bis 2030 soll die Anlage fertig sein.", "Bis 2030", "2030", "", "2030-12-31"),
    ("Seit 2014 ist die Halbinsel besetzt.", "Seit 2014", "2014", "2014-01-01", "2025-05-06"),
    ("Die Messe findet vom 12. bis 15. Mai statt.", "vom 12. bis 15. Mai", "2025-05-12/2025-05-15", "2025-05-12",
     "2025-05-15"),
    # times and history
    ("Die Explosion ereignete sich am 28. September 2014 um 14:30 Uhr.", "28. September 2014 um 14:30 Uhr",
     "2014-09-28T14:30", "2014-09-28", "2014-09-28"),
]

# (sentence, expression as found, type, value): typed, not placed on a timeline.
UNPLACED = [
    ("Die Verhandlungen dauerten drei Stunden.", "drei Stunden", "DURATION", "PT3H"),
    ("Die Regierung will das in den nächsten zehn Jahren ändern.", "in den nächsten zehn Jahren", "DURATION",
     "P10Y"),
    ("Die Schlacht bei Marathon fand 490 v. Chr. statt.", "490 v. Chr.", "DATE", "BC0490"),
    ("Die Zahl steigt jährlich.", "jährlich", "SET", "P1Y"),
]

# (sentence, words that are no date)
NOT_DATES = [
    ("So wurde es beschlossen, und so bleibt es.", "So"),
    ("Er sprach mit August Bebel über die Partei.", "August"),
    ("Die Armee schickte 2000 Soldaten.", "2000"),
]


def _find(expressions: list[TemporalExpression], text: str) -> TemporalExpression:
    found = [e for e in expressions if e.text == text]
    assert found, f"{text!r} not found in {[e.text for e in expressions]}"
    return found[0]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


@pytest.mark.parametrize(("sentence", "text", "value", "lo", "hi"), CASES, ids=[c[1] for c in CASES])
def test_placed(sentence: str, text: str, value: str, lo: str, hi: str) -> None:
    e = _find(tag(sentence, REF, GERMAN), text)
    assert (e.value, _iso(e.lo), _iso(e.hi)) == (value, lo, hi)
    assert e.placed
    assert sentence[e.start:e.end] == e.text


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), UNPLACED, ids=[c[1] for c in UNPLACED])
def test_typed_not_placed(sentence: str, text: str, type_: str, value: str) -> None:
    e = _find(tag(sentence, REF, GERMAN), text)
    assert (e.type, e.value) == (type_, value)


@pytest.mark.parametrize(("sentence", "trap"), NOT_DATES, ids=[c[1] for c in NOT_DATES])
def test_not_a_date(sentence: str, trap: str) -> None:
    at = sentence.index(trap)
    overlapping = [e for e in tag(sentence, REF, GERMAN) if e.start < at + len(trap) and at < e.end]
    assert overlapping == []


def test_a_history_told_in_german_keeps_its_own_years() -> None:
    text = ("Am 1. September 1939 überfiel Deutschland Polen. Zwei Tage später erklärten Großbritannien und "
            "Frankreich den Krieg. Im Juni 1940 kapitulierte Frankreich. Am 22. Juni begann der Angriff auf die "
            "Sowjetunion. Im Winter 1941 stockte der Vormarsch. Ende des Jahres 1942 wendete sich das Blatt; "
            "am 31. Januar 1943 kapitulierte die 6. Armee. Im Mai 1945 endete der Krieg. Bis heute erinnert ein "
            "Denkmal daran.")
    values = {e.text: e.value for e in tag(text, date(2011, 2, 16), GERMAN)}
    assert values["1. September 1939"] == "1939-09-01"
    assert values["Zwei Tage später"] == "1939-09-03"
    assert values["22. Juni"] == "1940-06-22"  # the story's year, not the download date's
    assert values["Ende des Jahres 1942"] == "1942"
    assert values["heute"] == "PRESENT_REF"  # a history's "today" is the present, no day of it
