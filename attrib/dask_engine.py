"""The distributed engine (`attrib batch --engine dask`, extra `attrib[dask]`).

The client reads the inputs and sends partitions of raw lines to the workers; each returns the
partition's serialised output lines, which the client writes in input order. Workers never open the
input or output files, so they need no shared file system, and reading, numbering, `--resume` and
writing are the local engine's own code: the output is identical byte for byte. Without
`--scheduler` the job runs on a `LocalCluster` with one single-threaded worker process per core.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from distributed import Client, Future, LocalCluster

from .batch import BatchJobError, BatchOptions, FreshPipeline, Rendered, chunked, render_chunk

LINES_PER_PARTITION = 64  # a quarter of a second of work or more: dwarfs the per-task cost of the scheduler
PARTITIONS_IN_FLIGHT_PER_THREAD = 2

# One pipeline per worker thread: a pipeline is not meant to be shared between threads, and a worker
# keeps its threads, so each builds its pipeline once.
_thread_state = threading.local()


def _thread_pipeline() -> FreshPipeline:
    if not hasattr(_thread_state, "pipeline"):
        _thread_state.pipeline = FreshPipeline()
    return _thread_state.pipeline


def render_partition(partition: list[tuple[int, bytes]], options: BatchOptions) -> list[Rendered]:
    return render_chunk(partition, options, _thread_pipeline())


@contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a new local cluster that lives as long as it."""
    if scheduler is not None:
        try:
            client = Client(scheduler)
        except OSError as err:  # refused, or no answer within distributed.comm.timeouts.connect
            raise BatchJobError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
        with client:
            yield client
        return
    with _workers_ignore_ctrl_c():
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:
        yield client


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Processes started meanwhile inherit an ignored SIGINT: Ctrl-C reaches the whole process group,
    and the client alone should handle it (and shut the cluster down) instead of every worker
    printing a traceback."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def render_on_dask(lines: Iterable[tuple[int, bytes]], options: BatchOptions, scheduler: str | None,
                   workers: int) -> Iterator[Rendered]:
    """Rendered lines in input order, computed on a Dask cluster."""
    with connect(scheduler, workers) as client:
        threads = sum(client.nthreads().values()) or 1
        window = threads * PARTITIONS_IN_FLIGHT_PER_THREAD
        pending: deque[Future] = deque()
        try:
            for partition in chunked(lines, LINES_PER_PARTITION):
                # pure=False: line numbers make every partition unique, so hashing one for a key is waste.
                pending.append(client.submit(render_partition, partition, options, pure=False))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            client.cancel(list(pending))
