"""One event per happening; copies; conflicting facts; page furniture."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.article import DATE_REFERENCE, Article
from timeline_app.core.event import Event, Evidence
from timeline_app.core.fusion import fuse
from timeline_app.core.loading import load
from timeline_app.core.pipeline import build_timeline, timeline_from
from timeline_app.core.provenance import alignment, conflicts
from timeline_app.core.relevance import furniture
from timeline_app.core.wordsets import WordSets

REF = date(2025, 5, 6)


def _article(name: str, text: str, published: date = REF) -> Article:
    return Article(name, name, name, text, published, DATE_REFERENCE)


def _dates(tl) -> list[tuple[str, tuple[str, ...]]]:  # noqa: ANN001
    return [(e.date_text, tuple(e.documents)) for e in tl.events]


# (article a, article b, fused?) — same or nested dates; similar or different content
PAIRS = [
    ("In January, Lithuania announced plans to raise defense spending to 6% of GDP.",
     "In January, Vilnius announced plans to raise its defense spending to 6% of GDP.", True),
    ("On March 18, Lithuania, Estonia, Latvia and Poland declared their intent to leave the Ottawa Convention.",
     "This year, Lithuania and Poland announced their intention to withdraw from the Ottawa Convention.", True),
    ("Lithuania said Monday it will spend 1.1 billion euros on border defenses.",
     "A novel about Soviet dissidents won a Pulitzer Prize on May 5.", False),
    ("In January, Lithuania announced plans to raise defense spending.",
     "In January, a storm closed the port of Klaipeda for three days.", False),
    ("In 2022 Russia launched its full-scale invasion of Ukraine.",
     "In 2023 Russia launched its full-scale invasion of Ukraine.", False),
    ("The plan covers spending from 2026 to 2030, at 5% of GDP a year.",
     "Spending will reach 5% of GDP annually between 2026 and 2030.", True),
]


@pytest.mark.parametrize(("a", "b", "fused"), PAIRS, ids=[str(i) for i in range(len(PAIRS))])
def test_fusion_pairs(a: str, b: str, fused: bool) -> None:
    tl = build_timeline([_article("a.txt", a), _article("b.txt", b)])
    together = [e for e in tl.events if len(e.documents) == 2]
    assert bool(together) == fused, _dates(tl)


# (English sentence, sentence in another language, its language, fused?): the names and amounts decide
CROSS_LANGUAGE = [
    ("The Seimas approved 1.1 billion euros for the work on March 18, President Gitanas Nausėda said.",
     "Der Seimas billigte am 18. März 1,1 Milliarden Euro für die Arbeiten, sagte Präsident Gitanas Nausėda.",
     "de", True),
    ("The Seimas approved 1.1 billion euros for the work on March 18, President Gitanas Nausėda said.",
     "Le 18 mars, le Seimas a approuvé 1,1 milliard d'euros pour les travaux, a déclaré Gitanas Nausėda.",
     "fr", True),
    ("The Seimas approved 1.1 billion euros for the work on March 18, President Gitanas Nausėda said.",
     "El 18 de marzo el Seimas aprobó 1.100 millones de euros para las obras, dijo Gitanas Nausėda.",
     "es", True),
    ("The Seimas approved 1.1 billion euros for the work on March 18, President Gitanas Nausėda said.",
     "Сейм одобрил 18 марта 1,1 миллиарда евро на эти работы, заявил президент Гитанас Науседа.",
     "ru", True),  # a name in two scripts agrees
    ("The Seimas approved 1.1 billion euros for the work on March 18, President Gitanas Nausėda said.",
     "Am 18. März gewann Borussia Dortmund 3:1 gegen Bayern München vor 81.000 Zuschauern.", "de", False),
    ("The Seimas approved 1.1 billion euros for the work on March 18, President Gitanas Nausėda said.",
     "Der Seimas billigte am 18. März 2,5 Milliarden Euro für Schulen, sagte Ministerin Rasa Budbergytė.",
     "de", False),
]


@pytest.mark.parametrize(("en", "other", "code", "fused"), CROSS_LANGUAGE,
                         ids=[str(i) for i in range(len(CROSS_LANGUAGE))])
def test_the_same_happening_fuses_across_languages(en: str, other: str, code: str, fused: bool) -> None:
    from dataclasses import replace

    tl = build_timeline([_article("en.txt", en), replace(_article("other.txt", other), language=code, day_first=True)])
    together = [e for e in tl.events if len(e.documents) == 2]
    assert bool(together) == fused, _dates(tl)
    if fused:
        assert together[0].title.startswith("The Seimas")  # the run's language gives the title


def test_two_articles_telling_one_story_in_two_languages_fuse_its_spans() -> None:
    """Once a happening ties the two articles, the same span of years is the same happening too, even
    with no name or amount in common; a span in an article that shares nothing else stays apart."""
    from dataclasses import replace

    en = ("The Seimas approved 1.1 billion euros for the work on March 18, President Gitanas Nausėda said. "
          "The work will run from 2026 to 2030.")
    de = ("Der Seimas billigte am 18. März 1,1 Milliarden Euro für die Arbeiten, sagte Präsident Gitanas Nausėda. "
          "Die Arbeiten sollen von 2026 bis 2030 dauern.")
    other = "Die Renovierung des Bahnhofs soll von 2026 bis 2030 dauern."
    german = {"day_first": True, "language": "de"}
    tl = build_timeline([_article("en.txt", en), replace(_article("de.txt", de), **german),
                         replace(_article("other.txt", other), **german)])
    spans = sorted((e.date_text, tuple(sorted(e.documents))) for e in tl.events if e.kind == "range")
    assert spans == [("from 2026 to 2030", ("de.txt", "en.txt")), ("von 2026 bis 2030", ("other.txt",))]


def test_fused_event_takes_the_most_specific_date_and_cites_everything() -> None:
    tl = build_timeline([
        _article("a.txt", "Lithuania announced plans this year to withdraw from the Ottawa Convention on landmines."),
        _article("b.txt",
                 "On March 18, Lithuania declared its intent to withdraw from the Ottawa Convention on mines."),
    ])
    [event] = tl.events
    assert (event.start, event.end, event.granularity) == (date(2025, 3, 18), date(2025, 3, 18), "day")
    assert {ev.date_text for ev in event.evidence} == {"this year", "March 18"}


def test_anchored_durations_of_articles_a_day_apart_fuse() -> None:
    tl = build_timeline([
        _article("a.txt", "Lithuania will spend 1.1 billion euros over the next decade on its border.",
                 date(2025, 5, 5)),
        _article("b.txt", "Lithuania will invest 1.1 billion euros over the next decade on border defenses."),
    ])
    assert len(tl.events) == 1 and len(tl.events[0].evidence) == 2


def test_seeds_give_one_event_per_happening(seeds_dir: Path) -> None:
    tl = timeline_from(load([seeds_dir], reference=REF).analyses)
    assert len(tl.events) == 9
    assert tl.copies == {"002_04602f35b3b6d311.txt": "000_a9b5a5e0ed6f1e90.txt"}
    monday = next(e for e in tl.events if e.start == date(2025, 5, 5))
    assert (len(monday.documents), monday.independent) == (3, 2)  # 002 copies 000: one confirmation
    ottawa = next(e for e in tl.events if e.start == date(2025, 3, 18))
    assert ottawa.conflicts == ["Finland: named by 000_a9b5a5e0ed6f1e90.txt, 001_724430eba241dc41.txt, "
                                "002_04602f35b3b6d311.txt; not by 004_d5d4d442800e1846.txt"]
    assert tl.excluded and all("News Feed" in e.excluded for e in tl.excluded)
    assert any(e.date_text == "May 5" and "Pulitzer" in e.evidence[0].sentence for e in tl.excluded)


def test_alignment_measures_kept_sentences_in_order() -> None:
    a = ["lithua spend billio border", "mines bulk fundin earmar", "baltic states target russia", "ottawa treaty"]
    assert alignment(a, list(a)) == 1.0
    assert alignment(a, list(reversed(a))) == 0.25
    assert alignment(a, ["weather rain today cold", "footba match result"]) == 0.0


SENTENCES_OF_A_STORY = ["lithuania mine border russia belarus", "ministry spend billion euro border",
                        "lithuania lay mine border belarus", "museum vilnius reopen repair roof",
                        "weather rain today cold", "ministry border block slow hostile state"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES_OF_A_STORY), max_size=8),
       st.lists(st.sampled_from(SENTENCES_OF_A_STORY), max_size=8), st.sampled_from([0.3, 0.5, 0.7, 1.0]))
def test_alignment_stopped_early_tells_what_the_whole_alignment_tells(a: list[str], b: list[str],
                                                                     needed: float) -> None:
    """Stopping once the share is reached, or out of reach, decides as the whole alignment does."""
    assert (alignment(a, b, needed=needed) >= needed) == (alignment(a, b) >= needed)


def test_distance_in_km_and_miles_disagree() -> None:
    from timeline_app.core.event import Event, Evidence

    def ev(doc: str, sentence: str) -> Evidence:
        return Evidence(doc, 0, len(sentence), sentence, 0, 4, "2025", "2025")

    e = Event("e1", REF, REF, "day", "point", "2025", "2025", "t", [
        ev("a.txt", "The corridor is about 70 kilometers long."), ev("b.txt", "The corridor is a 65-mile strip.")])
    assert conflicts(e) == ["distance: a.txt 70 km; b.txt 105 km"]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # another name of the same country is no disagreement
    ("Britain, France, Germany and Italy signed on Monday.", "The United Kingdom, France, Germany and Italy signed.",
     []),
    # a group stands for its members
    ("Lithuania, along with the other Baltic states and Poland, left the treaty.",
     "Lithuania, Latvia, Estonia and Poland left the treaty.", []),
    ("The Nordic countries and Poland signed on Monday.", "Denmark, Finland, Norway and Poland signed on Monday.",
     ["Iceland: named by a.txt; not by b.txt", "Sweden: named by a.txt; not by b.txt"]),
    # countries beyond any one story
    ("Brazil, Argentina and Chile agreed on Monday.", "Brazil, Argentina, Chile and Peru agreed on Monday.",
     ["Peru: named by b.txt; not by a.txt"]),
])
def test_which_countries_take_part(a: str, b: str, expected: list[str]) -> None:
    from timeline_app.core.event import Event, Evidence

    def ev(doc: str, sentence: str) -> Evidence:
        return Evidence(doc, 0, len(sentence), sentence, 0, 4, "2025", "2025")

    e = Event("e1", REF, REF, "day", "point", "2025", "2025", "t", [ev("a.txt", a), ev("b.txt", b)])
    assert conflicts(e) == expected


@pytest.mark.parametrize(("text", "kept_out"), [
    ("Story.\nRelated posts\n\nOther story on May 5.", "Other story on May 5."),
    ("Story.\nThis website uses cookies to improve your experience.", "uses cookies"),
    ("Story.\nRelated article: Critic flees Russia", "Critic flees Russia"),
    ("Story.\n\nEditors' Picks\n\nA story on March 3.", "A story on March 3."),
])
def test_furniture(text: str, kept_out: str) -> None:
    at = text.index(kept_out)
    assert any(s <= at and at + len(kept_out) <= e for s, e, _ in furniture(text))
    assert not any(s <= 0 < e for s, e, _ in furniture(text))  # the story itself stays


def test_a_missing_publication_date_is_inferred_from_another_article(seeds_dir: Path) -> None:
    from timeline_app.core.article import read_article
    from timeline_app.core.inference import infer_publication_dates
    from timeline_app.core.timeline import analyze

    analyses = [analyze(read_article(seeds_dir / name)) for name in
                ("000_a9b5a5e0ed6f1e90.txt", "004_d5d4d442800e1846.txt")]
    assert analyses[0].article.published is None
    inferred = infer_publication_dates(analyses)[0].article
    assert (inferred.published, inferred.date_source) == (date(2025, 5, 5), "inferred")
    assert "004_d5d4d442800e1846.txt" in inferred.date_note


def test_nothing_is_inferred_from_unrelated_articles(tmp_path: Path) -> None:
    from timeline_app.core.inference import infer_publication_dates
    from timeline_app.core.timeline import analyze

    undated = Article("a.txt", "a.txt", "A", "The museum reopened on Monday after repairs.", None, "unknown")
    dated = _article("b.txt", "Lithuania said on May 5 that it will mine its border.")
    out = infer_publication_dates([analyze(undated), analyze(dated)])
    assert out[0].article.published is None


MINES = "Lithuania said it will lay anti-tank mines along its border with Russia and Belarus"
OTHER = "The museum in Vilnius reopened after two years of repairs to its roof and halls"


@pytest.mark.parametrize(("undated", "dated", "expected"), [
    # the report its sentence is most like gives the day, wherever it is listed
    ("On Monday, " + MINES + ".", [(date(2025, 5, 5), "On Monday " + OTHER + "."),
                                   (date(2025, 5, 12), "On Monday " + MINES + ".")], date(2025, 5, 12)),
    # two reports alike: the first listed
    ("On Monday, " + MINES + ".", [(date(2025, 5, 12), "On Monday " + MINES + "."),
                                   (date(2025, 5, 5), "On Monday " + MINES + ".")], date(2025, 5, 12)),
    # a month and day: only reports of that day count
    ("On May 5, " + MINES + ".", [(date(2025, 5, 6), "On May 6 " + MINES + "."),
                                  (date(2025, 5, 5), "On May 5 " + MINES + " soon.")], date(2025, 5, 5)),
    # a weekday reported by none
    ("On Friday, " + MINES + ".", [(date(2025, 5, 5), "On Monday " + MINES + ".")], None),
])
def test_an_undated_article_takes_the_day_of_the_report_most_like_it(
        undated: str, dated: list[tuple[date, str]], expected: date | None) -> None:
    from timeline_app.core.inference import infer_publication_dates
    from timeline_app.core.timeline import analyze

    articles = [Article("u.txt", "u.txt", "U", undated, None, "unknown")]
    articles += [Article(f"d{n}.txt", f"d{n}.txt", "D", text, day, DATE_REFERENCE)
                 for n, (day, text) in enumerate(dated)]
    out = infer_publication_dates([analyze(a) for a in articles])
    assert out[0].article.published == expected


@pytest.mark.parametrize("text", [
    "Lithuania said on Monday it will mine its border. Yesterday the ministry agreed, and next week it votes.",
    "Menu Home News\nLithuania said on Monday it will mine its border.\nShare this article Follow us",
])
def test_reading_again_with_another_date_keeps_the_sentences_and_gives_what_a_fresh_reading_gives(text: str) -> None:
    from dataclasses import replace

    from timeline_app.core.timeline import analyze

    undated = analyze(Article("u.txt", "u.txt", "U", text, None, "unknown"))
    dated = replace(undated.article, published=date(2025, 5, 7))
    again, fresh = analyze(dated, same_text=undated), analyze(dated)
    assert again.sentences is undated.sentences and again.furniture == fresh.furniture
    assert [(e.start, e.value) for e in again.expressions] == [(e.start, e.value) for e in fresh.expressions]
    assert again.reading is not None and fresh.reading is not None
    assert again.reading.events == fresh.reading.events and again.reading.contents == fresh.reading.contents
    other = analyze(replace(dated, text=text.upper()), same_text=undated)  # another text: read afresh
    assert other.sentences is not undated.sentences


STORY = ("Lithuania said Monday that it will spend 1.1 billion euros over the next decade to fortify its border "
         "with Russia and Belarus. The ministry said the new spending would block and slow down hostile states. "
         "Around 800 million euros of the total would go toward anti-tank mines and other barriers. "
         "The country also plans to bolster defenses around the Suwalki Gap, a critical stretch of land. ")
REWRITE = STORY.replace("critical stretch of land", "vital strip of land").replace("hostile states", "enemy states")


@pytest.mark.parametrize(("texts", "expected"), [
    # word-for-word copies, listed latest first: all point at the earliest published
    ([(STORY, 3), (STORY, 2), (STORY, 1)], {"a0": "a2", "a1": "a2"}),
    # a light rewrite of a copy points at the first original too
    ([(STORY, 1), (STORY, 2), (REWRITE, 3)], {"a1": "a0", "a2": "a0"}),
    # the same day: the first listed is the original
    ([(REWRITE, 5), (STORY, 5)], {"a1": "a0"}),
    # an unrelated article is nobody's copy
    ([(STORY, 1), ("A novel about Soviet dissidents won a Pulitzer Prize on May 5, the jury said in "
                   "New York. The author thanked her translators and her publisher in a short speech.", 1)], {}),
])
def test_copies_point_at_the_earliest_original(texts: list[tuple[str, int]], expected: dict[str, str]) -> None:
    articles = [_article(f"a{i}", text, date(2025, 5, day)) for i, (text, day) in enumerate(texts)]
    assert build_timeline(articles).copies == expected


def _words(seed: int, n: int) -> list[str]:
    import random

    rng = random.Random(seed)
    return [f"w{rng.randrange(400)}" for _ in range(n)]


@pytest.mark.parametrize("block_pairs", [1, 7, 100, 4_000_000])
def test_shared_word_pairs_are_counted_the_same_in_any_number_of_blocks(block_pairs: int) -> None:
    """Articles that share runs of words, one an excerpt of another, and unrelated ones: whatever the
    blocks the pairs are counted in, the same pairs come out, with the counts a plain count gives."""
    from collections import Counter

    from timeline_app.core.provenance import copy_prints, shared_prints

    base = _words(1, 300)
    texts = [base, base[:80], base[40:200] + _words(2, 60), _words(3, 300), _words(4, 20), base[::-1], []]
    sentences = [[" ".join(t[i:i + 10]) for i in range(0, len(t), 10)] for t in texts]
    pairs = [set(zip(" ".join(s).split(), " ".join(s).split()[1:])) for s in sentences]
    plain = Counter()
    for i, a in enumerate(pairs):
        for j in range(i + 1, len(pairs)):
            plain[(i, j)] = len(a & pairs[j])
    expected = sorted((c, i, j) for (i, j), c in plain.items()
                      if c >= 5 and c >= 0.15 * min(len(pairs[i]), len(pairs[j])))
    assert (0, 1) in {(i, j) for _, i, j in expected} and (0, 3) not in {(i, j) for _, i, j in expected}
    got = sorted(shared_prints([copy_prints(s) for s in sentences], block_pairs=block_pairs))
    assert got == expected


def test_word_pair_prints_are_the_same_in_every_process() -> None:
    """Prints made on reader processes, on another machine or in the cache are compared with those
    made here: they must not depend on the process's string hashing."""
    import os
    import subprocess
    import sys
    from array import array

    from timeline_app.core.provenance import copy_prints

    sentences = ["lithua announ plans withdr mine border", "minist said spendi would block hostil states"]
    code = ("import sys; from timeline_app.core.provenance import copy_prints; "
            f"sys.stdout.write(copy_prints({sentences!r}).hex())")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=dict(os.environ, PYTHONHASHSEED=seed)).stdout
        assert sorted(array("I", bytes.fromhex(out))) == sorted(array("I", copy_prints(sentences)))


def test_copies_found_from_prints_made_elsewhere_are_the_copies_found_here() -> None:
    from timeline_app.core.provenance import copies, copy_prints, copy_sentences
    from timeline_app.core.timeline import analyze

    texts = [(STORY, 3), (REWRITE, 1), ("A novel about Soviet dissidents won a Pulitzer Prize on May 5, the jury said "
                                        "in New York. The author thanked her translators and her publisher.", 2)]
    analyses = [analyze(_article(f"a{i}", text, date(2025, 5, day))) for i, (text, day) in enumerate(texts)]
    compared = {a.article.name: copy_sentences(a) for a in analyses}
    prints = {name: copy_prints(s) for name, s in compared.items()}
    assert copies(analyses) == copies(analyses, compared, prints) == {"a0": "a1"}


@pytest.mark.parametrize("forms", [("Monday", "May 5", "05/05/2025", "the 5th of May")])
def test_one_happening_whatever_the_form_of_its_date(tmp_path: Path, forms: tuple[str, ...]) -> None:
    """The same approval dated four ways in four articles is one event."""
    from datetime import date

    from timeline_app.core.pipeline import Sources, read_timeline

    sentences = ["The cabinet approved the new drone procurement programme on {}, officials said.",
                 "Ministers signed off on {} on buying a fleet of drones under the procurement programme.",
                 "On {} the government gave the green light to the drone procurement plan.",
                 "{} saw approval of the drone acquisition programme by the cabinet."]
    for i, (form, sentence) in enumerate(zip(forms, sentences)):
        text = sentence.format(form)
        (tmp_path / f"{i}.txt").write_text(f"Drones\n\n{text[:1].upper()}{text[1:]}\n", encoding="utf-8")
    timeline = read_timeline(Sources([str(tmp_path)], reference=date(2025, 5, 6)))
    days = [e for e in timeline.events if e.start == e.end == date(2025, 5, 5)]
    assert len(days) == 1 and len(days[0].documents) == 4


@pytest.mark.parametrize(("sentence", "named"), [
    ("Lithuania, Latvia and Estonia agreed.", {"Lithuania", "Latvia", "Estonia"}),
    ("South Sudan and Sudan signed.", {"South Sudan", "Sudan"}),  # the longest name at a place
    ("Leaders of South Sudan met.", {"South Sudan"}),  # not also "Sudan"
    ("XIran and Iraq_ are no names; Iran's is.", {"Iran"}),  # whole words only
    ("the Baltic states said", {"Lithuania", "Latvia", "Estonia"}),  # a group as its members
    ("Baltic statesmen met.", set()),
    ("Nothing here.", set()),
])
def test_the_countries_a_sentence_names(sentence: str, named: set[str]) -> None:
    from timeline_app.core.provenance import countries_named

    assert countries_named(sentence) == named


def _points(seed: int) -> list[Event]:
    """Points of a year (years, months, days) from six articles, their sentences drawn from a few
    words, so that many share some words and some tie."""
    rng = random.Random(seed)
    words = "oil spill gulf coast bp well cap leak relief drill storm port beach fish ban fine court".split()
    events = []
    for n in range(160):
        kind = rng.choice(["year", "month", "day", "day"])
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        start = {"year": date(2010, 1, 1), "month": date(2010, month, 1), "day": date(2010, month, day)}[kind]
        end = {"year": date(2010, 12, 31), "month": date(2010, month, 28), "day": start}[kind]
        doc = f"{rng.randint(1, 6)}.txt"
        sentences = [" ".join(rng.sample(words, rng.randint(2, 7))) for _ in range(rng.randint(1, 2))]
        evidence = [Evidence(doc, 0, len(s), s, 0, 0, "", "") for s in sentences]
        events.append(Event(str(n), start, end, kind, "point", "", "", sentences[0], evidence))
    return events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pairs_left_uncompared_by_their_bounds_change_no_event(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Coarser points find the finer point they hold among sentences compared only where their
    bounds allow: the events are those of comparing every pair."""
    events = _points(seed)
    contents = [[ev.sentence for ev in e.evidence] for e in events]

    def fused() -> list[tuple[str, ...]]:
        return sorted(tuple(sorted(ev.document + ev.sentence for ev in e.evidence)) for e in
                      fuse(events, contents=contents))

    bounded = fused()
    monkeypatch.setattr(WordSets, "bounds", lambda self, rows, columns: (
        np.zeros((len(rows), len(columns))), np.full((len(rows), len(columns)), 100.0)))
    assert bounded == fused()
    assert len(bounded) < len(events)  # some nest


def _same_days(seed: int) -> list[Event]:
    """Events of three days from ten articles in two languages, their sentences drawn from a few
    words (and names and amounts, which decide across languages)."""
    rng = random.Random(seed)
    words = "oil spill gulf coast bp well cap leak relief drill storm port beach fish ban fine court".split()
    names = ["Hayward", "Obama", "Louisiana", "$20 billion", "Transocean", "Halliburton"]
    events = []
    for n in range(120):
        day = date(2010, 6, rng.choice([14, 15, 16]))
        lang = rng.choice(["en", "en", "de"])
        sentence = " ".join(rng.sample(words, rng.randint(1, 6)) + rng.sample(names, rng.randint(0, 3)))
        evidence = [Evidence(f"{rng.randint(1, 10)}.txt", 0, len(sentence), sentence, 0, 0, "", "", language=lang)]
        events.append(Event(str(n), day, day, "day", "point", "", "", sentence, evidence))
    return events


@pytest.mark.parametrize(("seed", "setting", "value"), [
    (1, "PAIRS_COUNTED_FROM", 2), (2, "PAIRS_COUNTED_FROM", 2), (3, "PAIRS_COUNTED_FROM", 2),
    (1, "SAME_DATES_BLOCK", 1), (2, "SAME_DATES_BLOCK", 1),
])
def test_how_events_of_the_same_dates_are_counted_and_blocked_changes_no_event(
        seed: int, setting: str, value: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Events of the same dates are compared where they share two words or no language: counted
    pair by pair among a few, at once among many; a bucket of dates at a time, or several. The same
    events either way."""
    from timeline_app.core import fusion

    events = _same_days(seed)

    def fused() -> list[tuple[str, ...]]:
        return sorted(tuple(sorted(ev.document + ev.sentence for ev in e.evidence)) for e in fuse(events))

    monkeypatch.setattr(fusion, "PAIRS_COUNTED_FROM", 10**9)
    usual = fused()
    monkeypatch.setattr(fusion, setting, value)
    assert fused() == usual
    assert len(usual) < len(events)


@pytest.mark.parametrize("step", ["fusion", "copies", "machine reading"])
def test_steps_across_articles_stop_when_the_load_is_cancelled(step: str, seeds_dir: Path) -> None:
    from timeline_app.core.budget import Stopped, time_budget
    from timeline_app.core.provenance import copies
    from timeline_app.core.timeline import machine_reading

    analyses = load([seeds_dir], reference=REF).analyses
    run = {"fusion": lambda: fuse(_points(1)), "copies": lambda: copies(analyses),
           "machine reading": lambda: machine_reading(analyses)}[step]
    run()  # not cancelled: runs to the end
    with time_budget(None, cancelled=lambda: True), pytest.raises(Stopped):
        run()
