"""What reading a file gave, kept by its content: a second load reads only what changed."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core import loading
from timeline_app.core.cache import ReadCache, default_folder
from timeline_app.core.loading import load
from timeline_app.core.settings import Settings

REF = date(2025, 5, 6)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read (not taken from the cache)."""
    read: list[str] = []
    real = loading.read_file

    def reading(path: Path, *args: object) -> object:
        read.append(path.name)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "read_file", reading)
    return read


def _folder(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in sorted(seeds_dir.glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def _seen(result: loading.LoadResult) -> list[tuple[str, list[str], int]]:
    return [(a.article.name, [e.value for e in a.expressions], len(a.reading.events if a.reading else []))
            for a in result.analyses]


def test_a_second_load_reads_nothing_and_gives_the_same(tmp_path: Path, seeds_dir: Path, counted: list[str]) -> None:
    folder = _folder(tmp_path, seeds_dir)
    settings = Settings(cache_folder=str(tmp_path / "cache"))
    first = load([folder], reference=REF, settings=settings)
    assert len(counted) == 5
    counted.clear()
    second = load([folder], reference=REF, settings=settings)
    assert counted == [] and _seen(second) == _seen(first)
    again, before = second.analyses[0], first.analyses[0]
    at = again.expressions[0].start
    assert again.sentences.at(at) == before.sentences.at(at)  # split again where asked for


@pytest.mark.parametrize("change", ["content", "reference", "date", "settings"])
def test_what_the_reading_depends_on_makes_it_read_again(change: str, tmp_path: Path, seeds_dir: Path,
                                                         counted: list[str]) -> None:
    folder = _folder(tmp_path, seeds_dir)
    one = sorted(folder.glob("*.txt"))[0]
    settings = Settings(cache_folder=str(tmp_path / "cache"))
    load([folder], reference=REF, settings=settings)
    counted.clear()
    reference, dates = REF, {}
    if change == "content":
        one.write_text(one.read_text(encoding="utf-8") + "\nIt ends on June 1.", encoding="utf-8")
    elif change == "reference":
        reference = date(2024, 1, 1)
    elif change == "date":
        dates = {one.name: date(2025, 1, 2)}
    else:
        settings = Settings(cache_folder=settings.cache_folder, day_first=True)
    load([folder], reference=reference, dates=dates, settings=settings)
    assert counted == ([one.name] if change in ("content", "date") else sorted(p.name for p in folder.glob("*.txt")))


def test_a_file_that_failed_is_read_again(tmp_path: Path, counted: list[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    settings = Settings(cache_folder=str(tmp_path / "cache"))
    for _ in range(2):
        result = load([tmp_path / "bad.txt"], settings=settings)
        assert [f.reason for f in result.failures] == ["binary file, not text"]
    assert counted == ["bad.txt", "bad.txt"]


def test_a_file_part_of_which_failed_is_read_again_and_says_so_again(tmp_path: Path, seeds_dir: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.core.article import ReadFailure

    real = loading.read_file
    reads: list[str] = []

    def mail(path: Path, *args: object) -> list[object]:  # a message read, its attachment not
        reads.append(path.name)
        return [*real(path, *args), ReadFailure(f"{path}#report.pdf", "a damaged PDF")]  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "read_file", mail)
    folder = _folder(tmp_path, seeds_dir)
    one = sorted(folder.glob("*.txt"))[0]
    settings = Settings(cache_folder=str(tmp_path / "cache"))
    for _ in range(2):
        result = load([one], reference=REF, settings=settings)
        assert [f.reason for f in result.failures] == ["a damaged PDF"] and len(result.analyses) == 1
    assert reads == [one.name, one.name]


def test_a_damaged_or_unwritable_cache_only_means_reading_again(tmp_path: Path, seeds_dir: Path,
                                                                counted: list[str]) -> None:
    folder = _folder(tmp_path, seeds_dir)
    cache = tmp_path / "cache"
    settings = Settings(cache_folder=str(cache))
    first = load([folder], reference=REF, settings=settings)
    for entry in cache.glob("*/*.pickle"):
        entry.write_bytes(b"not a pickle")
    counted.clear()
    assert _seen(load([folder], reference=REF, settings=settings)) == _seen(first) and len(counted) == 5
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    assert _seen(load([folder], reference=REF, settings=Settings(cache_folder=str(blocked)))) == _seen(first)


def test_the_cache_is_trimmed_oldest_use_first(tmp_path: Path) -> None:
    kept = ReadCache(tmp_path)
    for n, key in enumerate(["aa1", "bb2", "cc3"]):
        kept.put(key, "x" * 1000)
        os.utime(kept._file(key), (1000 + n, 1000 + n))
    assert kept.get("aa1") == "x" * 1000  # used now: the newest
    kept.trim(max_bytes=2500)
    assert kept.get("bb2") is None and kept.get("aa1") is not None and kept.get("cc3") is not None


@pytest.mark.parametrize(("value", "expected"), [("off", None), ("", None), ("/somewhere/else", "/somewhere/else")])
def test_the_cache_folder_can_be_named_or_turned_off(value: str, expected: str | None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_APP_CACHE", value)
    assert default_folder() == (Path(expected) if expected else None)


def test_the_command_line_keeps_readings_unless_told_not_to(tmp_path: Path, seeds_dir: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.cli import main

    monkeypatch.setenv("TIMELINE_APP_CACHE", str(tmp_path / "cache"))
    args = ["export", str(seeds_dir), "--reference-date", "2025-05-06", "--out", str(tmp_path / "out")]
    assert main([*args, "--no-cache"]) == 0 and not (tmp_path / "cache").exists()
    assert main(args) == 0 and len(list((tmp_path / "cache").glob("*/*.pickle"))) == 5
    assert main(args) == 0
