"""Reading an archive on a Dask cluster (the optional ``scale`` extra: ``pip install 'timeline-app[scale]'``).

The per-article step (read, sentences, dates, the article's own events) is a pure function of a
file; here its chunks are a ``dask.bag`` mapped on the cluster's workers, each chunk's result sent
back as soon as it is done, so that progress and cancelling work as with the local pool. Without
``scheduler`` a local cluster of ``workers`` processes is started for the load and closed after;
with one (``tcp://host:8786``), its workers read the files by their paths, so they must see the
same files (a shared folder) and have this application installed.

The steps across articles (publication dates from the other articles, fusion, copies) run where
the load was started, on what the workers sent back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.core.loading import Chunk, ChunkDone, _read_and_analyse
from timeline_app.core.settings import Settings

#: what to say when the extra is missing
NEEDS = "the Dask engine needs the scale extra: pip install 'timeline-app[scale]'"


class EngineError(RuntimeError):
    """The cluster cannot be used (the extra is missing, the scheduler cannot be reached)."""


def available() -> bool:
    """Is the scale extra installed?"""
    from importlib.util import find_spec

    return find_spec("dask") is not None and find_spec("distributed") is not None


def _read_partition(paths: list[str], reference: date | None, dates: dict[str, date],
                    settings: Settings) -> list[Chunk]:
    """One partition of the bag: its files read and analysed, as one chunk."""
    return [_read_and_analyse([Path(p) for p in paths], reference, dates, settings)]


def read_on_dask(chunks: list[list[Path]], reference: date | None, dates: dict[str, date], settings: Settings,
                 workers: int, chunk_done: ChunkDone, cancelled: Callable[[], bool] | None) -> bool:
    """The chunks read on a Dask cluster; True when the load was cancelled. Raises
    :class:`EngineError` when no cluster can be had."""
    if not available():
        raise EngineError(NEEDS)
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed

    cluster: Any = None
    try:
        if settings.scheduler:
            client = Client(settings.scheduler, timeout="5s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"the Dask scheduler {settings.scheduler or '(local)'} cannot be reached: {e}") from None
    stopped = False
    try:
        # one partition per chunk: the files in the same groups as the local pool reads them
        bag = db.from_sequence([[str(p) for p in chunk] for chunk in chunks], npartitions=len(chunks))
        parts = bag.map_partitions(lambda part: _read_partition(part[0], reference, dates, settings)).to_delayed()
        futures = client.compute(parts)
        number = {future.key: i for i, future in enumerate(futures)}
        try:
            for future in as_completed(futures):
                chunk_done(number[future.key], future.result()[0])
                if cancelled is not None and cancelled():
                    stopped = True
                    client.cancel(futures)
                    break
        except Exception:  # noqa: BLE001 - a worker lost mid-way: the chunks it did not send are read here
            client.cancel(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return stopped
