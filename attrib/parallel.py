"""The local parallel engine: worker processes that take raw lines and return serialised output lines.

Measured on a 2-core machine: `nlp.pipe(n_process=2)` was about 10x slower than one process, since
it pickles whole Doc objects back to the parent; workers that return the bytes to write were 1.7x
faster. Each worker builds its pipeline once, in the pool initializer.

`ProcessPoolExecutor` rather than `multiprocessing.Pool`: when a worker dies (the OOM killer, a
segfault) the executor raises BrokenProcessPool, where `Pool` waits for it forever. Work is submitted
through a window of a few chunks per process, consumed in submission order, so output keeps input
order and memory stays bounded (`Pool.imap` would read the whole input ahead).
"""

from __future__ import annotations

import gc
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from .batch import BatchOptions, FreshPipeline, Rendered, chunked, render_chunk

LINES_PER_CHUNK = 8  # tens of milliseconds of work: amortises the hand-over, keeps the workers evenly fed
CHUNKS_IN_FLIGHT_PER_PROCESS = 4

_worker_options: BatchOptions | None = None
_worker_pipeline: FreshPipeline | None = None


def _exit_with_parent() -> None:
    """Ask Linux to stop this worker when the parent dies, so a killed job leaves no orphans blocked
    on the task queue."""
    if sys.platform != "linux":
        return
    import ctypes

    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _init_worker(options: BatchOptions) -> None:
    global _worker_options, _worker_pipeline
    # Ctrl-C reaches the whole process group; the parent handles it and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    _worker_options = options
    _worker_pipeline = FreshPipeline()
    _worker_pipeline.get()


def _render_in_worker(chunk: list[tuple[int, bytes]]) -> list[Rendered]:
    return render_chunk(chunk, _worker_options, _worker_pipeline)


@contextmanager
def frozen_for_fork() -> Iterator[None]:
    """Objects moved to the permanent generation before a fork are never visited by the child's
    garbage collector, which would otherwise write to every one of them, and so copy every page
    of spaCy and the lexicons the worker inherits. The parent collects as before afterwards."""
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:  # a caller that froze objects itself keeps them frozen
            gc.unfreeze()


def render_in_pool(lines: Iterable[tuple[int, bytes]], options: BatchOptions, processes: int) -> Iterator[Rendered]:
    """Rendered lines in input order, from `processes` worker processes."""
    window = processes * CHUNKS_IN_FLIGHT_PER_PROCESS
    executor = ProcessPoolExecutor(processes, initializer=_init_worker, initargs=(options,))
    pending: deque[Future] = deque()
    chunks = chunked(lines, LINES_PER_CHUNK)
    try:
        first = next(chunks, None)
        if first is not None:
            with frozen_for_fork():  # the first submit forks the workers
                pending.append(executor.submit(_render_in_worker, first))
        for chunk in chunks:
            pending.append(executor.submit(_render_in_worker, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # On an early exit (Ctrl-C, an error) drop queued work instead of finishing it.
        executor.shutdown(wait=not pending, cancel_futures=True)
