"""CSV and JSON export."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.article import DATE_REFERENCE, Article
from timeline_app.core.export import EVIDENCE_COLUMNS, TIMELINE_COLUMNS, export
from timeline_app.core.files import WriteError, write_file
from timeline_app.core.pipeline import build_timeline


def _timeline(text: str):  # noqa: ANN202
    return build_timeline([Article("a.txt", "a.txt", "A", text, date(2025, 5, 6), DATE_REFERENCE)])


def test_export_writes_three_files_with_the_contract_columns(tmp_path: Path) -> None:
    paths = export(_timeline("Café owners met on March 18. Spending rises from 2026 to 2030."), tmp_path)
    assert [p.name for p in paths] == ["timeline.csv", "evidence.csv", "timeline.json"]
    rows = list(csv.DictReader((tmp_path / "timeline.csv").open(encoding="utf-8", newline="")))
    assert list(rows[0]) == TIMELINE_COLUMNS
    assert (rows[0]["start"], rows[0]["end"], rows[0]["n_sources"], rows[0]["sources"]) == (
        "2025-03-18", "2025-03-18", "1", "a.txt")
    evidence = list(csv.DictReader((tmp_path / "evidence.csv").open(encoding="utf-8", newline="")))
    assert list(evidence[0]) == EVIDENCE_COLUMNS
    assert evidence[0]["sentence"] == "Café owners met on March 18."
    doc = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert doc["schema_version"] == 3 and len(doc["events"]) == 2
    assert doc["events"][1]["evidence"][0]["date_text"] == "from 2026 to 2030"


def test_timeline_json_written_in_pieces_is_the_document_and_names_its_tables(tmp_path: Path) -> None:
    from timeline_app.core.export import check_export, json_bytes, timeline_document

    timeline = _timeline("Café owners met on March 18. Spending rises from 2026 to 2030. In caf\udce9.txt too.")
    export(timeline, tmp_path)
    written = json.loads((tmp_path / "timeline.json").read_bytes())
    assert {k: v for k, v in written.items() if k != "files"} == json.loads(json_bytes(timeline_document(timeline)))
    assert list(written) == ["schema", "schema_version", "app_version", "articles", "failures", "copies", "events",
                             "excluded", "files"]
    assert check_export(tmp_path) == []


def test_text_the_fast_writer_refuses_is_written_with_its_timexes_as_fields() -> None:
    from timeline_app.core.export import json_bytes
    from timeline_app.core.tagger.records import Timex

    timex = Timex(0, 8, "March 18", "DATE", "2025-03-18")
    for name in ("cafe.txt", "caf\udce9.txt"):  # orjson writes the first; Python's encoder the second
        doc = json.loads(json_bytes({"name": name, "timexes": (timex,)}))
        assert doc["timexes"] == [{"start": 0, "end": 8, "text": "March 18", "type": "DATE", "value": "2025-03-18",
                                   "mod": None}]


def test_a_file_given_in_pieces_is_written_whole_and_checked_joined(tmp_path: Path) -> None:
    from timeline_app.core.files import write_files

    seen: list[bytes] = []
    target = tmp_path / "doc.json"
    write_files({target: [b"{", b'"a":', b"1}"]}, {target: lambda tmp, data: seen.append(data)})
    assert target.read_bytes() == b'{"a":1}' and seen == [b'{"a":1}']


def test_open_start_is_an_empty_cell(tmp_path: Path) -> None:
    export(_timeline("Russia may attack by 2030."), tmp_path)
    row = next(csv.DictReader((tmp_path / "timeline.csv").open(encoding="utf-8", newline="")))
    assert (row["start"], row["end"]) == ("", "2030-12-31")


@pytest.mark.parametrize("lead", ["=", "+", "-", "@"])
def test_formula_cells_are_neutralized(tmp_path: Path, lead: str) -> None:
    export(_timeline(f"{lead}HYPERLINK(\"x\") was filed on March 18."), tmp_path)
    rows = list(csv.DictReader((tmp_path / "evidence.csv").open(encoding="utf-8", newline="")))
    assert rows[0]["sentence"].startswith("'" + lead)


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "timeline.csv"
    target.write_text("previous", encoding="utf-8")

    def explode(tmp: Path, data: bytes) -> None:
        raise WriteError(0, "not complete")

    with pytest.raises(WriteError):
        write_file(target, b"half", explode)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.csv"]


def test_exported_files_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        export(_timeline("It began on March 18."), tmp_path)
    finally:
        os.umask(old)
    assert (tmp_path / "timeline.csv").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("cell", ["\uff1dcmd()", "\uff0b1", "\uff0d1", "\u200b=1+1", "\ufeff=HYPERLINK(1)",
                                  "\u00a0@SUM(A1)", "\u2060+1"])
def test_look_alike_formula_starts_are_neutralized(cell: str) -> None:
    from timeline_app.core.export import neutralize

    assert neutralize(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Monday", "2025-03-18", "\u200bMonday", "«quoted»", "50%"])
def test_ordinary_cells_are_left_alone(cell: str) -> None:
    from timeline_app.core.export import neutralize

    assert neutralize(cell) == cell


def test_a_killed_export_leaves_a_set_that_says_whether_it_is_whole(tmp_path: Path) -> None:
    """kill -9 at random moments: a later export is whole, leaves no temporary file, and
    check_export tells a mixed set from a whole one."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    from timeline_app.core.export import check_export

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    out = tmp_path / "out"
    command = [sys.executable, "-m", "timeline_app", "export", str(seeds), "--reference-date", "2025-05-06",
               "--out", str(out)]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    assert check_export(out) == []
    rnd = random.Random(3)
    for _ in range(4):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.5, 2.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        problems = check_export(out)
        assert all("is not the one written" in p for p in problems), problems
    (out / "timeline.csv").write_text("tampered", encoding="utf-8")
    assert check_export(out) == ["timeline.csv is not the one written with timeline.json"]
    for leftover in out.glob(".tl-*.tmp"):
        os.utime(leftover, (time.time() - 10, time.time() - 10))
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    assert check_export(out) == []
    assert list(out.glob(".tl-*.tmp")) == []
