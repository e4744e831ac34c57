"""The per-document time limit (``--timeout``), in the main thread or in any other."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import TypeVar

from pipeline.types import PipelineError

T = TypeVar("T")


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` in a stage swallows it."""


def with_timeout(seconds: float, fn: Callable[[], T]) -> T:
    """``fn()``, or PipelineError when it runs longer than ``seconds``.

    In the main thread a SIGALRM timer interrupts it; in another thread (a Dask worker's task) a
    timer thread raises the same exception in it. Either way the interruption lands between two
    Python bytecodes, so it is the same limit.
    """
    if seconds <= 0:
        return fn()
    try:
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            return _alarm_timeout(seconds, fn)
        return _thread_timeout(seconds, fn)
    except _Timeout:
        raise PipelineError(f"timed out after {seconds:g} s (--timeout)") from None


def _alarm_timeout(seconds: float, fn: Callable[[], T]) -> T:
    armed = True

    def alarm(_signum: int, _frame: FrameType | None) -> None:
        if armed:
            raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return fn()
        finally:
            armed = False  # from here on a late alarm is ignored
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def _thread_timeout(seconds: float, fn: Callable[[], T]) -> T:
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(_Timeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        return fn()
    finally:
        with lock:
            state["armed"] = False
            if state["fired"]:  # raised already, or still pending: clear it so it cannot land later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
        timer.cancel()
        if state["fired"]:
            raise _Timeout
