"""Where the steps across articles run their independent blocks of work.

Copy detection counts the word pairs articles share a block of articles at a time; fusion looks
for the finer points a block of coarser points hold. Each block is a pure function of what every
block shares and of its own part, so the blocks can run anywhere. A :data:`Runner` runs them and
gives back their results in order: :func:`here` one after another in this process (the default);
``core/scale.py`` makes one that sends them to the workers of a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

#: run(work, shared, blocks): ``work(shared, block)`` for each block, the results in order
Runner = Callable[[Callable[[Any, Any], Any], Any, Sequence[Any]], Iterable[Any]]


def here(work: Callable[[Any, Any], Any], shared: Any, blocks: Sequence[Any]) -> Iterator[Any]:
    """Each block in this process, one after another."""
    return (work(shared, block) for block in blocks)
