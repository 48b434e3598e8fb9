"""The date tagger in German, French, Spanish, Ukrainian and Russian, by tables of cases written
from news phrasing (no public gold corpus of Russian exists): one line per case, its language first."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.settings import Settings
from timeline_app.core.tagger import TemporalExpression, tag

REF = date(2025, 5, 6)  # a Tuesday

# (language, sentence, expression as found, TimeML value, interval start, interval end); "" = open side.
CASES = [
    # German
    # absolute dates
    ("de", "Der Vertrag wurde am 5. Mai 2025 unterzeichnet.", "5. Mai 2025", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("de", "Die Sitzung am 28. September 2014 verlief ruhig.", "28. September 2014", "2014-09-28", "2014-09-28",
     "2014-09-28"),
    ("de", "Am Montag, dem 5. Mai 2025, billigte die Regierung den Plan.", "Montag, dem 5. Mai 2025", "2025-05-05",
     "2025-05-05", "2025-05-05"),
    ("de", "Das Ministerium teilte am 06.05.2025 mit, ...", "06.05.2025", "2025-05-06", "2025-05-06", "2025-05-06"),
    ("de", "Die Preise stiegen im März 2021.", "März 2021", "2021-03", "2021-03-01", "2021-03-31"),
    ("de", "Der Krieg begann im Jahr 2022.", "Jahr 2022", "2022", "2022-01-01", "2022-12-31"),
    ("de", "In den 1990er Jahren war das anders.", "1990er Jahren", "199", "1990-01-01", "1999-12-31"),
    ("de", "Im Sommer 2024 wuchs die Produktion.", "Sommer 2024", "2024-SU", "2024-06-01", "2024-08-31"),
    ("de", "Der Umsatz fiel im dritten Quartal 2024.", "dritten Quartal 2024", "2024-Q3", "2024-07-01", "2024-09-30"),
    ("de", "Das Gesetz trat im Dezember 1999 in Kraft.", "Dezember 1999", "1999-12", "1999-12-01", "1999-12-31"),
    ("de", "Ende 2024 lief der Vertrag aus.", "Ende 2024", "2024", "2024-09-01", "2024-12-31"),
    ("de", "Anfang Mai 2024 begannen die Arbeiten.", "Anfang Mai 2024", "2024-05", "2024-05-01", "2024-05-10"),
    ("de", "Im 18. Jahrhundert blühte der Handel.", "18. Jahrhundert", "17", "1700-01-01", "1799-12-31"),
    # year-less and relative dates, from the publication date
    ("de", "Im März trat Litauen aus dem Abkommen aus.", "März", "2025-03", "2025-03-01", "2025-03-31"),
    ("de", "Am 5. Mai billigte die Regierung den Plan.", "5. Mai", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("de", "Gestern sagte der Minister, die Lage sei ruhig.", "Gestern", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("de", "Die Ergebnisse sollen morgen vorliegen.", "morgen", "2025-05-07", "2025-05-07", "2025-05-07"),
    ("de", "Letzte Woche traf er den Kanzler.", "Letzte Woche", "2025-W18", "2025-04-28", "2025-05-04"),
    ("de", "Im vergangenen Jahr sank die Zahl.", "vergangenen Jahr", "2024", "2024-01-01", "2024-12-31"),
    ("de", "Im nächsten Monat beginnt der Bau.", "nächsten Monat", "2025-06", "2025-06-01", "2025-06-30"),
    ("de", "Vor drei Jahren begann der Krieg.", "Vor drei Jahren", "2022", "2022-01-01", "2022-12-31"),
    ("de", "Ende des Jahres soll der Zaun stehen.", "Ende des Jahres", "2025", "2025-09-02", "2025-12-31"),
    # ranges and open bounds
    ("de", "Die Arbeiten sollen von 2026 bis 2030 dauern.", "von 2026 bis 2030", "2026/2030", "2026-01-01",
     "2030-12-31"),
    ("de", "Bis 2030 soll die Anlage fertig sein.", "Bis 2030", "2030", "", "2030-12-31"),
    ("de", "Seit 2014 ist die Halbinsel besetzt.", "Seit 2014", "2014", "2014-01-01", "2025-05-06"),
    ("de", "Die Messe findet vom 12. bis 15. Mai statt.", "vom 12. bis 15. Mai", "2025-05-12/2025-05-15", "2025-05-12",
     "2025-05-15"),
    # times and history
    ("de", "Die Explosion ereignete sich am 28. September 2014 um 14:30 Uhr.", "28. September 2014 um 14:30 Uhr",
     "2014-09-28T14:30", "2014-09-28", "2014-09-28"),
    # French
    ("fr", "Le traité a été signé le 5 mai 2025 à Vilnius.", "5 mai 2025", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("fr", "Il est né le mardi 1er juin 1999.", "mardi 1er juin 1999", "1999-06-01", "1999-06-01", "1999-06-01"),
    ("fr", "Le ministère a annoncé le 06.05.2025 que ...", "06.05.2025", "2025-05-06", "2025-05-06", "2025-05-06"),
    ("fr", "Les prix ont augmenté en mars 2021.", "mars 2021", "2021-03", "2021-03-01", "2021-03-31"),
    ("fr", "La guerre a commencé en 2022.", "2022", "2022", "2022-01-01", "2022-12-31"),
    ("fr", "Fin 2024, le contrat a expiré.", "Fin 2024", "2024", "2024-09-01", "2024-12-31"),
    ("fr", "En mars, la Lituanie a quitté la convention.", "mars", "2025-03", "2025-03-01", "2025-03-31"),
    ("fr", "Lundi, le gouvernement a approuvé le plan.", "Lundi", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("fr", "Hier, le ministre a parlé.", "Hier", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("fr", "Les résultats seront publiés demain.", "demain", "2025-05-07", "2025-05-07", "2025-05-07"),
    ("fr", "La semaine dernière, il était à Paris.", "La semaine dernière", "2025-W18", "2025-04-28", "2025-05-04"),
    ("fr", "L'année dernière, le nombre a baissé.", "L'année dernière", "2024", "2024-01-01", "2024-12-31"),
    ("fr", "Le mois prochain, les travaux commencent.", "Le mois prochain", "2025-06", "2025-06-01", "2025-06-30"),
    ("fr", "Cette année, la croissance ralentit.", "Cette année", "2025", "2025-01-01", "2025-12-31"),
    ("fr", "Il y a trois ans, la guerre a commencé.", "Il y a trois ans", "2022", "2022-01-01", "2022-12-31"),
    ("fr", "Les travaux dureront de 2026 à 2030.", "de 2026 à 2030", "2026/2030", "2026-01-01", "2030-12-31"),
    ("fr", "D'ici 2030, la clôture sera achevée.", "D'ici 2030", "2030", "", "2030-12-31"),
    ("fr", "Depuis 2014, la péninsule est occupée.", "Depuis 2014", "2014", "2014-01-01", "2025-05-06"),
    ("fr", "Hier soir, le président a parlé.", "Hier soir", "2025-05-05TEV", "2025-05-05", "2025-05-05"),
    # a weekday named again with no tense of its own is the one just named
    ("fr", "Dimanche, la fête aura lieu au village. Dimanche soir, le comité vous invite au bal.", "Dimanche soir",
     "2025-05-11TEV", "2025-05-11", "2025-05-11"),
    # Spanish
    ("es", "El tratado se firmó el 5 de mayo de 2025 en Vilna.", "5 de mayo de 2025", "2025-05-05", "2025-05-05",
     "2025-05-05"),
    ("es", "La empresa cerró el 13 de junio del 2005.", "13 de junio del 2005", "2005-06-13", "2005-06-13",
     "2005-06-13"),
    ("es", "Los precios subieron en marzo de 2021.", "marzo de 2021", "2021-03", "2021-03-01", "2021-03-31"),
    ("es", "La guerra empezó en 2022.", "2022", "2022", "2022-01-01", "2022-12-31"),
    ("es", "A finales de 2024 venció el contrato.", "A finales de 2024", "2024", "2024-09-01", "2024-12-31"),
    ("es", "En marzo, Lituania abandonó la convención.", "marzo", "2025-03", "2025-03-01", "2025-03-31"),
    ("es", "El 1 de junio la bolsa cayó.", "1 de junio", "2025-06-01", "2025-06-01", "2025-06-01"),
    ("es", "El lunes el gobierno aprobó el plan.", "lunes", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("es", "Ayer el ministro habló.", "Ayer", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("es", "Hoy la bolsa abrió en alza.", "Hoy", "2025-05-06", "2025-05-06", "2025-05-06"),
    ("es", "Mañana se publicarán los resultados.", "Mañana", "2025-05-07", "2025-05-07", "2025-05-07"),
    ("es", "La semana pasada estuvo en Madrid.", "La semana pasada", "2025-W18", "2025-04-28", "2025-05-04"),
    ("es", "El año pasado la cifra bajó.", "El año pasado", "2024", "2024-01-01", "2024-12-31"),
    ("es", "El próximo año empiezan las obras.", "El próximo año", "2026", "2026-01-01", "2026-12-31"),
    ("es", "Este año el crecimiento se frena.", "Este año", "2025", "2025-01-01", "2025-12-31"),
    ("es", "Hace cuatro años empezó la guerra.", "Hace cuatro años", "2021", "2021-01-01", "2021-12-31"),
    ("es", "Las obras durarán de 2026 a 2030.", "de 2026 a 2030", "2026/2030", "2026-01-01", "2030-12-31"),
    ("es", "Para 2030 la valla estará terminada.", "Para 2030", "2030", "", "2030-12-31"),
    ("es", "Desde 2014 la península está ocupada.", "Desde 2014", "2014", "2014-01-01", "2025-05-06"),
    ("es", "A principios de año la bolsa cayó.", "A principios de año", "2025", "2025-01-01", "2025-05-01"),
    ("es", "Las ventas del fin de semana crecieron un 5%.", "del fin de semana", "2025-W18-WE", "2025-05-03",
     "2025-05-04"),
    ("es", "Hace unas horas cayó la bolsa.", "Hace unas horas", "2025-05-06", "2025-05-06", "2025-05-06"),
    # a headline's last word is no weekday of the dateline below it
    ("es", "Los mercados seguirán cerrados hasta el viernes\n18 de septiembre de 2008\nEl gobierno...",
     "18 de septiembre de 2008", "2008-09-18", "2008-09-18", "2008-09-18"),
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

# (language, sentence, expression as found, type, value): typed, not placed on a timeline.
UNPLACED = [
    # German
    ("de", "Die Verhandlungen dauerten drei Stunden.", "drei Stunden", "DURATION", "PT3H"),
    ("de", "Die Regierung will das in den nächsten zehn Jahren ändern.", "in den nächsten zehn Jahren", "DURATION",
     "P10Y"),
    ("de", "Die Schlacht bei Marathon fand 490 v. Chr. statt.", "490 v. Chr.", "DATE", "BC0490"),
    ("de", "Die Zahl steigt jährlich.", "jährlich", "SET", "P1Y"),
    # French
    ("fr", "Les négociations ont duré trois heures.", "trois heures", "DURATION", "PT3H"),
    ("fr", "Il a régné pendant dix ans.", "dix ans", "DURATION", "P10Y"),
    ("fr", "Le festival a lieu chaque année.", "chaque année", "SET", "P1Y"),
    ("fr", "Le marché se tient tous les jeudis.", "tous les jeudis", "SET", "XXXX-WXX-4"),
    ("fr", "Le régime actuel tient bon.", "actuel", "DATE", "PRESENT_REF"),
    # Spanish
    ("es", "Las negociaciones duraron tres horas.", "tres horas", "DURATION", "PT3H"),
    ("es", "Gobernó durante cuatro años.", "cuatro años", "DURATION", "P4Y"),
    ("es", "Un informe anual lo confirma.", "anual", "SET", "P1Y"),
    ("es", "El índice cerró a las 14:58 UTC.", "las 14:58 UTC", "TIME", "2025-05-06T14:58Z"),
    ("es", "El consejo actual lo rechaza.", "actual", "DATE", "PRESENT_REF"),
    ("es", "La historia reciente lo muestra.", "reciente", "DATE", "PAST_REF"),
    ("uk", "Переговори тривали три години.", "три години", "DURATION", "PT3H"),
    ("uk", "Битва відбулася 490 до н. е.", "490 до н. е.", "DATE", "BC0490"),
    ("ru", "Переговоры длились три часа.", "три часа", "DURATION", "PT3H"),
    ("ru", "Отчет публикуется ежегодно.", "ежегодно", "SET", "P1Y"),
]

# (language, sentence, words that are no date)
NOT_DATES = [
    # German
    ("de", "So wurde es beschlossen, und so bleibt es.", "So"),
    ("de", "Er sprach mit August Bebel über die Partei.", "August"),
    ("de", "Die Armee schickte 2000 Soldaten.", "2000"),
    # French
    ("fr", "Le budget a été voté sans débat.", "été"),
    ("fr", "L'armée a envoyé 2000 soldats.", "2000"),
    # Spanish
    ("es", "El ejército envió 2000 soldados.", "2000"),
    ("es", "Navegaron por el mar Negro.", "mar"),
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


@pytest.mark.parametrize(("code", "sentence", "text", "value", "lo", "hi"), CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_placed(code: str, sentence: str, text: str, value: str, lo: str, hi: str) -> None:
    e = _find(_tag(code, sentence), text)
    assert (e.value, _iso(e.lo), _iso(e.hi)) == (value, lo, hi)
    assert e.placed
    assert sentence[e.start:e.end] == e.text


@pytest.mark.parametrize(("code", "sentence", "text", "type_", "value"), UNPLACED,
                         ids=[f"{c[0]}-{c[2]}" for c in UNPLACED])
def test_typed_not_placed(code: str, sentence: str, text: str, type_: str, value: str) -> None:
    e = _find(_tag(code, sentence), text)
    assert (e.type, e.value) == (type_, value)


def _overlapping(code: str, sentence: str, trap: str) -> list[TemporalExpression]:
    at = sentence.index(trap)
    return [e for e in _tag(code, sentence) if e.start < at + len(trap) and at < e.end]


@pytest.mark.parametrize(("code", "sentence", "trap"), NOT_DATES, ids=[f"{c[0]}-{c[2]}" for c in NOT_DATES])
def test_not_a_date(code: str, sentence: str, trap: str) -> None:
    assert _overlapping(code, sentence, trap) == []


def test_por_la_manana_is_the_morning_never_tomorrow() -> None:
    assert [e for e in _overlapping("es", "Trabajó por la mañana en la oficina.", "mañana") if e.type != "TIME"] == []


def test_a_history_told_in_german_keeps_its_own_years() -> None:
    text = ("Am 1. September 1939 überfiel Deutschland Polen. Zwei Tage später erklärten Großbritannien und "
            "Frankreich den Krieg. Im Juni 1940 kapitulierte Frankreich. Am 22. Juni begann der Angriff auf die "
            "Sowjetunion. Im Winter 1941 stockte der Vormarsch. Ende des Jahres 1942 wendete sich das Blatt; "
            "am 31. Januar 1943 kapitulierte die 6. Armee. Im Mai 1945 endete der Krieg. Bis heute erinnert ein "
            "Denkmal daran.")
    values = {e.text: e.value for e in tag(text, date(2011, 2, 16), Settings(language="de", day_first=True))}
    assert values["1. September 1939"] == "1939-09-01"
    assert values["Zwei Tage später"] == "1939-09-03"
    assert values["22. Juni"] == "1940-06-22"  # the story's year, not the download date's
    assert values["Ende des Jahres 1942"] == "1942"
    assert values["heute"] == "PRESENT_REF"  # a history's "today" is the present, no day of it


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Міністерство оборони повідомило, що роботи на кордоні триватимуть кілька років, а уряд схвалив план."),
    ("ru", "Министерство обороны сообщило, что работы на границе продлятся несколько лет, а правительство "
           "одобрило план."),
])
def test_the_language_is_detected(code: str, text: str) -> None:
    from timeline_app.core.language import detect, readable

    assert detect(text) == code and readable(code)
