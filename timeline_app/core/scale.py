"""Reading an archive on a Dask cluster (the optional ``scale`` extra: ``pip install 'timeline-app[scale]'``).

The per-article step (read, sentences, dates, the article's own events) is a pure function of a
file; here its chunks are a ``dask.bag`` mapped on the cluster's workers, each chunk's result sent
back as soon as it is done, so that progress and cancelling work as with the local pool. Without
``scheduler`` a local cluster of ``workers`` processes is started for the load and closed after;
with one (``tcp://host:8786``), its workers read the files by their paths, so they must see the
same files (a shared folder) and have this application installed.

The steps across articles run where the load was started, on what the workers sent back; their
independent blocks (copy detection's counting; fusion's comparisons of events of the same dates,
and its search for the finer points each coarser point holds) are sent to the same workers by
:func:`runner`. One client, and its local cluster, is
made once a process and closed when it ends (or by :func:`close`).
"""

from __future__ import annotations

import atexit
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.core.blocks import Runner, here
from timeline_app.core.budget import check
from timeline_app.core.loading import Chunk, ChunkDone, _read_and_analyse, worker_count
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


#: the clients made in this process, by scheduler (empty: a local cluster) and number of workers,
#: each with the local cluster it runs on (None on a scheduler)
_clients: dict[tuple[str, int], tuple[Any, Any]] = {}


def _client(settings: Settings, workers: int) -> Any:
    """The client of the settings' scheduler, or of a local cluster of ``workers`` processes, made
    on first use. Raises :class:`EngineError` when none can be had."""
    if not available():
        raise EngineError(NEEDS)
    key = (settings.scheduler, workers)
    if key in _clients and _clients[key][0].status == "running":
        return _clients[key][0]
    from distributed import Client, LocalCluster

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
    if not _clients:
        atexit.register(close)
    _clients[key] = (client, cluster)
    return client


def close() -> None:
    """Close the clients this process made, and their local clusters."""
    for client, cluster in _clients.values():
        client.close()
        if cluster is not None:
            cluster.close()
    _clients.clear()


def runner(settings: Settings) -> Runner:
    """A :data:`~timeline_app.core.blocks.Runner` that sends the blocks to the cluster's workers (what
    every block shares once to each worker), or runs a single block here."""
    if not available():
        raise EngineError(NEEDS)

    def run(work: Callable[[Any, Any], Any], shared: Any, blocks: Sequence[Any]) -> Iterator[Any]:
        if len(blocks) < 2:
            return here(work, shared, blocks)
        client = _client(settings, worker_count(settings))
        data = client.scatter(shared, broadcast=True)
        futures = client.map(work, [data] * len(blocks), list(blocks), pure=False)
        return _results(futures)

    return run


def _results(futures: list[Any]) -> Iterator[Any]:
    for future in futures:
        check()  # a cancelled load stops waiting (the futures it drops are cancelled)
        yield future.result()


def read_on_dask(chunks: list[list[Path]], reference: date | None, dates: dict[str, date], settings: Settings,
                 workers: int, chunk_done: ChunkDone, cancelled: Callable[[], bool] | None) -> bool:
    """The chunks read on a Dask cluster; True when the load was cancelled. Raises
    :class:`EngineError` when no cluster can be had."""
    import dask.bag as db
    from distributed import as_completed

    client = _client(settings, workers)
    stopped = False
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
    return stopped
