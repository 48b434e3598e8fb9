"""The Qt-free model behind the window: loading, re-anchoring, one selection."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.loading import load
from timeline_app.core.workspace import Workspace

REF = date(2025, 5, 6)


def _workspace(seeds_dir: Path) -> Workspace:
    result = load([seeds_dir], reference=REF)
    ws = Workspace()
    ws.add(result.analyses, result.failures)
    return ws


def test_load_reports_progress_and_can_be_cancelled(seeds_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = load([seeds_dir], reference=REF, progress=lambda done, total, name: seen.append((done, total)))
    assert len(result.analyses) == 5 and not result.cancelled
    assert seen == [(i, 5) for i in range(1, 6)]  # one step per file read and analysed
    stopped = load([seeds_dir], reference=REF, cancelled=lambda: True)
    assert stopped.cancelled and stopped.analyses == []


def test_editing_a_publication_date_reanchors_that_article_only(seeds_dir: Path) -> None:
    ws = _workspace(seeds_dir)
    changes: list[int] = []
    ws.timeline_changed.connect(lambda: changes.append(1))
    name = "000_a9b5a5e0ed6f1e90.txt"
    monday = [e for e in ws.timeline.events if e.date_text == "Monday" and name in e.documents][0]
    assert monday.start == date(2025, 5, 5)
    ws.set_publication_date(name, date(2024, 1, 10))
    monday = [e for e in ws.timeline.events if e.date_text == "Monday" and name in e.documents][0]
    assert monday.start == date(2024, 1, 8)
    other = [e for e in ws.timeline.events if e.date_text == "Monday" and name not in e.documents][0]
    assert other.start == date(2025, 5, 5)
    assert changes == [1]
    assert ws.article(name).date_source == "given"


def test_selection_is_one_and_follows_its_mention_across_rebuilds(seeds_dir: Path) -> None:
    ws = _workspace(seeds_dir)
    seen: list[object] = []
    ws.selection_changed.connect(seen.append)
    target = [e for e in ws.timeline.events if e.date_text == "March 18"][0]
    ws.select(target.id)
    assert ws.selected == target.id and seen == [target.id]
    ws.select(target.id)
    assert seen == [target.id]  # no change, no signal
    ws.set_publication_date("000_a9b5a5e0ed6f1e90.txt", date(2020, 1, 1))  # moves events, ids shift
    assert ws.event(ws.selected).date_text == "March 18"
    ws.select("nope")
    assert ws.selected is None and seen[-1] is None


def test_event_at_an_offset_of_an_article(seeds_dir: Path) -> None:
    ws = _workspace(seeds_dir)
    doc = "004_d5d4d442800e1846.txt"
    text = ws.article(doc).text
    at = text.index("March 18")
    event = ws.event(ws.event_at(doc, at))
    assert event is not None and event.date_text == "March 18"
    sentence_only = text.index("Estonia, Latvia, and Poland declared")
    assert ws.event_at(doc, sentence_only) == event.id
    assert ws.event_at(doc, text.index("Editors' Picks")) is None


def test_same_file_name_in_two_folders_stays_two_documents(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(f"In 2021 {folder} happened.", encoding="utf-8")
    result = load([tmp_path], reference=REF)
    assert sorted(a.article.name for a in result.analyses) == ["a/index.txt", "b/index.txt"]
    ws = Workspace()
    ws.add(result.analyses)
    assert sorted(d for e in ws.timeline.events for d in e.documents) == ["a/index.txt", "b/index.txt"]


def test_parallel_load_gives_what_the_sequential_one_gives(seeds_dir: Path, tmp_path: Path) -> None:
    from timeline_app.core.settings import Settings

    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    for p in seeds_dir.glob("*.txt"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    sequential = load([tmp_path], reference=REF)
    seen: list[int] = []
    parallel = load([tmp_path], reference=REF, settings=Settings(parallel_from=2, workers=2),
                    progress=lambda done, total, name: seen.append(done))
    assert [a.article.name for a in parallel.analyses] == [a.article.name for a in sequential.analyses]
    assert [len(a.expressions) for a in parallel.analyses] == [len(a.expressions) for a in sequential.analyses]
    assert [f.reason for f in parallel.failures] == [f.reason for f in sequential.failures]
    assert seen and seen[-1] == 6
    stopped = load([tmp_path], reference=REF, settings=Settings(parallel_from=2, workers=2), cancelled=lambda: True)
    assert stopped.cancelled and len(stopped.analyses) < 5


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_each_way_of_starting_readers_reads_the_same(method: str, seeds_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from timeline_app.core import loading
    from timeline_app.core.settings import Settings

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available on this platform")
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["timeline_app.core.preload"])
    monkeypatch.setattr(loading, "_process_context", lambda language: context)
    sequential = load([seeds_dir], reference=REF)
    parallel = load([seeds_dir], reference=REF, settings=Settings(parallel_from=2, workers=2))
    assert [(a.article.name, [e.value for e in a.expressions]) for a in parallel.analyses] == \
        [(a.article.name, [e.value for e in a.expressions]) for a in sequential.analyses]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux counts a process's native threads")
def test_readers_are_forked_only_from_a_process_running_one_thread() -> None:
    import subprocess
    import threading

    from timeline_app.core.loading import _process_context

    code = "from timeline_app.core.loading import _process_context; print(_process_context('en').get_start_method())"
    alone = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert alone.stdout.strip() == "fork"
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert _process_context("en").get_start_method() == "forkserver"  # a thread runs beside this one
    finally:
        stop.set()
        other.join()


def test_a_load_goes_on_in_this_process_when_no_process_can_start(seeds_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    from timeline_app.core.settings import Settings

    class NoProcesses:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("no /dev/shm here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoProcesses)
    seen: list[int] = []
    loaded = load([seeds_dir], reference=REF, settings=Settings(parallel_from=2, workers=2),
                  progress=lambda done, total, name: seen.append(done))
    assert len(loaded.analyses) == 5 and not loaded.failures and seen[-1] == 5


def test_prepare_changes_nothing_and_commit_shows_it(seeds_dir: Path) -> None:
    result = load([seeds_dir], reference=REF)
    ws = Workspace()
    changes: list[int] = []
    ws.timeline_changed.connect(lambda: changes.append(1))
    pending = ws.prepare(result.analyses, result.failures)  # what a loading thread runs
    assert ws.timeline.events == [] and ws.articles == [] and changes == []
    ws.commit(pending)
    assert len(ws.articles) == 5 and len(ws.timeline.events) == 9 and changes == [1]


def test_a_prepared_add_made_stale_by_an_edit_is_made_again(seeds_dir: Path, tmp_path: Path) -> None:
    ws = _workspace(seeds_dir)
    (tmp_path / "extra.txt").write_text("Officials met on March 3 to discuss the border fence.", encoding="utf-8")
    extra = load([tmp_path], reference=REF)
    pending = ws.prepare(extra.analyses)
    ws.set_publication_date("000_a9b5a5e0ed6f1e90.txt", date(2024, 1, 10))  # meanwhile, in the window
    ws.commit(pending)
    assert len(ws.articles) == 6
    assert ws.article("000_a9b5a5e0ed6f1e90.txt").published == date(2024, 1, 10)  # the edit is kept


def test_an_article_renamed_for_a_clash_keeps_its_page_furniture(seeds_dir: Path, tmp_path: Path) -> None:
    ws = _workspace(seeds_dir)
    other = tmp_path / "other"
    other.mkdir()
    boilerplate = seeds_dir / "004_d5d4d442800e1846.txt"  # with a news-feed box
    (other / boilerplate.name).write_text(boilerplate.read_text(encoding="utf-8"), encoding="utf-8")
    before = len(ws.timeline.excluded)
    ws.add(load([other], reference=REF).analyses)
    assert len(ws.timeline.excluded) == 2 * before > 0


def test_an_edit_made_while_an_add_is_prepared_is_kept(seeds_dir: Path, tmp_path: Path) -> None:
    from timeline_app.core.commands import EditTitle
    from timeline_app.core.curation import key_of

    ws = _workspace(seeds_dir)
    (tmp_path / "extra.txt").write_text("Officials met on March 3 to discuss the border fence.", encoding="utf-8")
    pending = ws.prepare(load([tmp_path], reference=REF).analyses)  # finished with the edits of that moment
    monday = next(e for e in ws.timeline.events if e.date_text == "Monday")
    ws.run(EditTitle(key_of(monday), "Renamed while loading"))  # meanwhile, in the window
    ws.commit(pending)
    assert "Renamed while loading" in [e.title for e in ws.timeline.events]
    assert len(ws.articles) == 6
