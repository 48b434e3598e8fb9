"""The Dask engine: the same timeline as the local pool, read on a local cluster."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core import fusion, scale
from timeline_app.core.export import EVIDENCE_COLUMNS, TIMELINE_COLUMNS, csv_bytes, evidence_rows, timeline_rows
from timeline_app.core.loading import LoadResult, load
from timeline_app.core.pipeline import timeline_from
from timeline_app.core.settings import Settings

pytest.importorskip("distributed")

REF = date(2025, 5, 6)


def _articles(tmp_path: Path, seeds_dir: Path) -> Path:
    """The seeds and rewrites of them: enough files for several chunks, with copies to find."""
    folder = tmp_path / "archive"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for n in range(24):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        if n >= len(seeds):
            text = f"Update {n}: the story so far.\n\n" + text
        (folder / f"{n:03d}_{seeds[n % len(seeds)].name}").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01")
    return folder


def _tables(loaded: LoadResult, settings: Settings) -> tuple[bytes, bytes, list[str]]:
    timeline = timeline_from(loaded.analyses, loaded.failures, settings)
    return (csv_bytes(TIMELINE_COLUMNS, timeline_rows(timeline)), csv_bytes(EVIDENCE_COLUMNS, evidence_rows(timeline)),
            [f.reason for f in loaded.failures])


@pytest.fixture
def cluster() -> Iterator[None]:
    """The local cluster a test starts is closed after it."""
    yield
    scale.close()


def test_a_local_dask_cluster_gives_the_timeline_the_local_pool_gives(tmp_path: Path, seeds_dir: Path, cluster: None,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Read on the cluster, and fusion's blocks (small ones, so several) run there too."""
    folder = _articles(tmp_path, seeds_dir)
    pool = Settings(parallel_from=2, workers=2)
    local = _tables(load([folder], reference=REF, settings=pool), pool)
    seen: list[int] = []
    settings = Settings(parallel_from=2, workers=2, engine="dask")
    loaded = load([folder], reference=REF, settings=settings, progress=lambda done, total, name: seen.append(done))
    assert seen and seen[-1] == 25
    sent: list[int] = []
    real = scale._results
    monkeypatch.setattr(scale, "_results", lambda futures: sent.append(len(futures)) or real(futures))
    monkeypatch.setattr(fusion, "NESTED_BLOCK", 4)
    monkeypatch.setattr(fusion, "SAME_DATES_BLOCK", 20)
    assert _tables(loaded, settings) == local
    assert sent and min(sent) >= 2  # blocks went to the cluster
    assert local[2] == ["binary file, not text"]


def test_copy_detection_counts_the_same_in_blocks_on_a_cluster(tmp_path: Path, seeds_dir: Path,
                                                               cluster: None) -> None:
    from timeline_app.core.provenance import copy_prints, copy_sentences, shared_prints

    loaded = load([_articles(tmp_path, seeds_dir)], reference=REF)
    prints = [copy_prints(copy_sentences(a)) for a in loaded.analyses]
    here = sorted(shared_prints(prints, block_pairs=10**9))  # one block; below, six
    assert here and sorted(shared_prints(prints, block_pairs=5000, run=scale.runner(Settings(workers=2)))) == here


def test_an_unreachable_scheduler_is_said_plainly(tmp_path: Path, seeds_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from timeline_app.cli import main

    code = main(["export", str(seeds_dir), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                 "--no-cache", "--out", str(tmp_path / "out")])
    assert code != 0
    assert "cannot be reached" in capsys.readouterr().err
    assert not (tmp_path / "out" / "timeline.csv").exists()
