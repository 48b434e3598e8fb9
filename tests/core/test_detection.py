"""Each article's language is detected (py3langid, offline); one the tagger cannot read keeps its
numeric dates and years, and no word of it is read as English."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.article import read_article
from timeline_app.core.language import detect, readable
from timeline_app.core.pipeline import build_timeline
from timeline_app.core.settings import Settings

GERMAN = ("Litauen will seine Grenze zu Russland und Belarus verminen. Das Verteidigungsministerium teilte am "
          "06.05.2025 mit, die Arbeiten sollten von 2026 bis 2030 dauern. Am Montag, dem 5. Mai, hatte die "
          "Regierung den Plan gebilligt; im März war Litauen aus dem Ottawa-Abkommen ausgetreten.")
POLISH = ("Litwa zamierza zaminować granicę z Rosją i Białorusią. Ministerstwo Obrony poinformowało 06.05.2025, "
          "że prace potrwają od 2026 do 2030 roku. W poniedziałek, 5 maja, rząd zatwierdził plan; w marcu Litwa "
          "wystąpiła z konwencji ottawskiej.")
ENGLISH = "Lithuania said on Monday that it will mine its border with Russia and Belarus from 2026 to 2030."


@pytest.mark.parametrize(("text", "code"), [
    (GERMAN, "de"),
    (POLISH, "pl"),
    (ENGLISH, "en"),
    ("Le ministère a annoncé lundi que la frontière serait minée de 2026 à 2030, selon le gouvernement.", "fr"),
    ("so tired tdy lol", "en"),  # too short to be sure: the run's language
])
def test_detect(text: str, code: str) -> None:
    assert detect(text) == code


def test_an_article_in_a_language_not_read_keeps_its_numbers_only(tmp_path: Path) -> None:
    (tmp_path / "pl.txt").write_text("Litwa zaminuje granicę\n\n" + POLISH, encoding="utf-8")
    article = read_article(tmp_path / "pl.txt", reference=date(2025, 5, 7))
    assert article.language == "pl" and not readable("pl")
    timeline = build_timeline([article])
    placed = {e.date_text for e in timeline.events}
    assert "06.05.2025" in placed and any("2026" in t for t in placed)
    assert all(not any(c.isalpha() for c in t) for t in placed)  # no Polish word read as if it were English
    day = next(e for e in timeline.events if e.date_text == "06.05.2025")
    assert day.start == date(2025, 5, 6)  # day first, as most languages but US English write it


def test_a_german_article_is_read_in_german(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text("Litauen vermint Grenze\n\n" + GERMAN, encoding="utf-8")
    article = read_article(tmp_path / "de.txt", reference=date(2025, 5, 7))
    assert article.language == "de" and readable("de")
    events = {e.date_text: (e.start, e.end) for e in build_timeline([article]).events}
    assert events["06.05.2025"] == (date(2025, 5, 6), date(2025, 5, 6))
    assert events["Montag, dem 5. Mai"] == (date(2025, 5, 5), date(2025, 5, 5))
    assert events["von 2026 bis 2030"] == (date(2026, 1, 1), date(2030, 12, 31))  # one span, not two events
    assert events["März"] == (date(2025, 3, 1), date(2025, 3, 31))


def test_the_researcher_s_language_wins(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    settings = Settings(file_languages=(("a.txt", "fr"),))
    assert read_article(tmp_path / "a.txt", settings=settings).language == "fr"
    assert read_article(tmp_path / "a.txt").language == "en"


def test_timex_reads_a_file_in_its_own_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline_app.cli import main

    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    assert main(["timex", "--reference-date", "2025-05-07", str(tmp_path / "de.txt")]) == 0
    out = capsys.readouterr().out
    assert '"2025-05-06"' in out and '"2025-05-05"' in out  # "Montag, dem 5. Mai": read as German
    (tmp_path / "pl.txt").write_text(POLISH, encoding="utf-8")
    assert main(["timex", "--reference-date", "2025-05-07", str(tmp_path / "pl.txt")]) == 0
    out = capsys.readouterr().out
    assert '"2025-05-06"' in out and "poniedziałek" not in out
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    assert main(["timex", "--reference-date", "2025-05-07", str(tmp_path / "en.txt")]) == 0
    assert '"Monday"' in capsys.readouterr().out
    assert main(["timex", "--reference-date", "2025-05-07", "--lang", "pl", str(tmp_path / "en.txt")]) == 0
    assert '"Monday"' not in capsys.readouterr().out  # told Polish: its words are not read as English


def test_a_language_set_by_the_researcher_is_undone_and_kept_by_the_project(tmp_path: Path) -> None:
    from timeline_app.core import project as proj
    from timeline_app.core.loading import load
    from timeline_app.core.pipeline import read_timeline
    from timeline_app.core.workspace import Workspace

    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    ws = Workspace()
    ws.add(load([tmp_path], reference=date(2025, 5, 7)).analyses)
    assert any(e.date_text == "Monday" for e in ws.timeline.events)
    ws.set_language("a.txt", "de")  # told German: "Monday" is no German word read as English
    assert ws.article("a.txt").language == "de" and not any(e.date_text == "Monday" for e in ws.timeline.events)
    ws.undo()
    assert ws.article("a.txt").language == "en" and any(e.date_text == "Monday" for e in ws.timeline.events)
    ws.redo()
    path = tmp_path / "p.timeline.json"
    proj.save(proj.project_from_workspace(ws, date(2025, 5, 7)), path)
    opened = proj.open_project(path, lambda outside: True)
    assert opened.sources.curation.languages == {"a.txt": "de"}
    timeline = read_timeline(opened.sources)
    assert not any(e.date_text == "Monday" for e in timeline.events)
    again = Workspace()
    again.add(load(opened.sources.paths, reference=date(2025, 5, 7)).analyses)
    again.set_curation(opened.sources.curation)
    assert again.article("a.txt").language == "de"


def test_a_statement_quoted_in_another_language_is_read_in_it() -> None:
    from timeline_app.core.language import foreign_passages
    from timeline_app.core.timeline import tag_in_language

    text = ("Lithuania will mine its border with Russia, officials said on Monday.\n\n"
            "The ministry quoted the German defence minister:\n\n"
            "„Die Bundeswehr wird ab dem 1. Juli 2025 eine Brigade in Litauen stationieren, und bis Ende 2027 "
            "soll sie vollständig einsatzbereit sein“, sagte der Minister am Dienstag.\n\n"
            "The first soldiers arrived in April.")
    assert [code for _, _, code in foreign_passages(text, "en")] == ["de"]
    found = {e.text: e.value for e in tag_in_language(text, date(2025, 5, 7), "en", Settings())}
    assert found == {"Monday": "2025-05-05", "ab dem 1. Juli 2025": "2025-07-01", "bis Ende 2027": "2027",
                     "Dienstag": "2025-05-06", "April": "2025-04"}
    assert foreign_passages("Im so tired right now that i wonder how am i gonna handle school tomorrow", "en") == []
