"""Worker processes for ``extract --workers N``: one task per worker at a time, results as they finish.

Each worker is a process of its own that builds the spaCy pipeline once (on its first document)
and sends back only the task's compact result (the rendered JSON bytes or a one-line reason),
never a Doc. The pool is made for the batch job's guarantees:

- at most one task per worker is in flight, and tasks are drawn lazily from the iterable, so
  memory does not grow with the number of documents;
- a worker that dies (killed, out of memory, a crash in C code) fails only the task it was
  running; a new worker takes its place and the batch goes on;
- a worker that overruns ``hard_timeout`` (its own SIGALRM limit could not interrupt it, e.g. in
  a long C call) is killed, and its task fails the same way.

Workers are forked where the platform allows it (Linux): they start at once and share the
parent's loaded modules; elsewhere they are spawned.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


# File descriptors a forked worker must not keep: the run's lock (or a killed run's workers would
# hold it) and the parent's ends of the other workers' pipes.
_CLOSE_IN_CHILD: set[int] = set()


def _close_inherited() -> None:
    for fd in list(_CLOSE_IN_CHILD):
        with suppress(OSError):
            os.close(fd)
    _CLOSE_IN_CHILD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited)


@contextmanager
def private_fd(fd: int) -> Iterator[None]:
    """While the block runs, worker processes forked from this one close ``fd`` at once."""
    _CLOSE_IN_CHILD.add(fd)
    try:
        yield
    finally:
        _CLOSE_IN_CHILD.discard(fd)


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the parent dies (even by SIGKILL)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl
        os._exit(1)


def _context() -> Any:  # a multiprocessing context; typeshed has no one type with Process and Pipe
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _serve(fn: Callable[[T], R], conn: Connection) -> None:
    """A worker's loop: a task in, its result out, until the parent closes the pipe or sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if sys.platform.startswith("linux"):
        _die_with_parent()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(fn(task))


@dataclass
class _Worker(Generic[T]):
    process: BaseProcess
    conn: Connection
    task: T | None = None
    started: float = 0.0
    deadline: float = float("inf")  # when the task overruns its hard limit


def death_reason(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process died ({name})"
    return f"worker process died (exit status {code})"


class Pool(Generic[T, R]):
    """``workers`` processes running ``fn``; ``map_unordered`` yields ``(task, result)`` pairs.

    When a task's worker dies or overruns, ``on_lost(task, reason)`` makes its result instead.
    """

    def __init__(self, fn: Callable[[T], R], workers: int, on_lost: Callable[[T, str], R],
                 hard_timeout: float | None = None, limit: Callable[[T], bool] | None = None) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.fn = fn
        self.size = workers
        self.on_lost = on_lost
        self.hard_timeout = hard_timeout
        # Which tasks the hard limit applies to (default: all); a task made of many documents has none.
        self.limited = limit or (lambda _task: True)
        self.ctx = _context()
        self.workers: list[_Worker[T]] = []

    def _start(self) -> _Worker[T]:
        parent, child = self.ctx.Pipe(duplex=True)
        _CLOSE_IN_CHILD.add(parent.fileno())
        process = self.ctx.Process(target=_serve, args=(self.fn, child), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker[T], kill: bool = False) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        else:
            with suppress(OSError):
                worker.conn.send(None)
        self._reap(worker, kill)

    def _reap(self, worker: _Worker[T], kill: bool) -> None:
        worker.process.join(timeout=None if kill else 5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        _CLOSE_IN_CHILD.discard(worker.conn.fileno())
        worker.conn.close()

    def __enter__(self) -> Pool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        # Every idle worker is told to stop before any is waited for: they exit side by side.
        for worker in self.workers:
            if worker.task is None:
                with suppress(OSError):
                    worker.conn.send(None)
        for worker in self.workers:
            if worker.task is None:
                self._reap(worker, kill=False)
            else:
                self._stop(worker, kill=True)
        self.workers = []

    def map_unordered(self, tasks: Iterable[T]) -> Iterator[tuple[T, R]]:
        pending = iter(tasks)
        exhausted = False

        def feed(worker: _Worker[T]) -> None:
            """The worker's next task, sent before the last result is handed on, so that the
            worker computes while the caller writes that result."""
            nonlocal exhausted
            if exhausted:
                return
            task = next(pending, None)
            if task is None:
                exhausted = True
                return
            worker.task, worker.started = task, time.monotonic()
            hard = self.hard_timeout if self.limited(task) else None
            worker.deadline = worker.started + hard if hard is not None else float("inf")
            worker.conn.send(task)

        while len(self.workers) < self.size:
            self.workers.append(self._start())
        for worker in self.workers:
            feed(worker)
        while True:
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                return
            timeout = None
            first = min(w.deadline for w in busy)
            if first != float("inf"):
                timeout = max(0.0, first - time.monotonic())
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
            now = time.monotonic()
            for i, worker in enumerate(self.workers):
                task = worker.task
                if task is None:
                    continue
                lost: str | None = None
                if worker.conn in ready:
                    try:
                        result: R = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(timeout=5)
                        lost = death_reason(worker.process)
                    else:
                        worker.task = None
                        feed(worker)
                        yield task, result
                        continue
                elif worker.process.sentinel in ready:
                    worker.process.join(timeout=5)
                    lost = death_reason(worker.process)
                elif now >= worker.deadline:
                    lost = "timed out"
                if lost is None:
                    continue
                worker.task = None
                self._stop(worker, kill=True)
                self.workers[i] = self._start()
                feed(self.workers[i])
                yield task, self.on_lost(task, lost)


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def dask_map(address: str, fn: Callable[[T], R], tasks: Iterable[T], on_lost: Callable[[T, str], R],
             in_flight: int | None = None) -> Iterator[tuple[T, R]]:
    """``fn`` over ``tasks`` on the Dask cluster at ``address``; ``(task, result)`` as they finish.

    Tasks are submitted lazily, at most ``in_flight`` at a time (default: twice the cluster's
    threads), so neither the client nor the scheduler holds the whole batch. A task that raised
    on the cluster (e.g. ``KilledWorker`` after its workers died) gets ``on_lost``'s result.
    """
    from distributed import Client, as_completed

    with Client(address, set_as_default=False) as client:  # type: ignore[no-untyped-call]
        threads = sum(client.nthreads().values()) or 1
        limit = in_flight or max(4, 2 * threads)
        pending = iter(tasks)
        running: dict[Any, T] = {}
        finished = as_completed(loop=client.loop)  # type: ignore[no-untyped-call]

        def submit(count: int) -> None:
            for task in itertools.islice(pending, count):
                future = client.submit(fn, task, pure=False)
                running[future] = task
                finished.add(future)  # type: ignore[no-untyped-call]

        submit(limit)
        for future in finished:
            task = running.pop(future)
            try:
                result: R = future.result()
            except Exception as exc:
                detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                result = on_lost(task, f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__)
            future.release()
            submit(1)
            yield task, result
