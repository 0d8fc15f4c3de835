"""Checking the chains of a file with the project's one step checker.

:func:`check_file` reads a file (:func:`proofs.reader.chains.read_file`), sends
every chain through :func:`proofs.prover.check_derivation` -- the same checker
that runs the lecture's built-in proofs -- and gathers one verdict per step:
the worst verdict over general n and the concrete n checked, with the first
counterexample found.  Nothing here decides a step.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from contextlib import contextmanager

try:
    import resource
except ImportError:  # not on every platform; then chains run without a memory limit
    resource = None

from ..prover import check_derivation
from ..verdict import UNDECIDED, ChainResult, FileResult, StepResult, Verdict, worst
from .chains import ChainSource, read_file
from .errors import LatexError

__all__ = ["StepReport", "ChainReport", "FileReport", "check_file", "check_chain", "bounded_memory",
           "N_VALUES", "TIME_LIMIT", "FILE_TIME_LIMIT", "MEMORY_LIMIT"]

#: The numbers of classes every chain is checked for: general n, then 2, 3, 4.
N_VALUES = (None, 2, 3, 4)
#: Seconds allowed for one chain before its unfinished steps are left undecided.
TIME_LIMIT = 60.0
#: Seconds allowed for a whole file; the chains not checked by then are undecided.
FILE_TIME_LIMIT = 300.0
#: Bytes of address space one chain may add while it is checked (1 GiB).
MEMORY_LIMIT = 1 << 30


#: A file's results are the project's one result model (:mod:`proofs.verdict`), under the names
#: this package has always given them.
StepReport = StepResult
ChainReport = ChainResult
FileReport = FileResult


class _OutOfTime(BaseException):
    """The alarm of :class:`_deadline`; a BaseException, so that no ``except Exception`` swallows it."""


def check_file(path, n_values=N_VALUES, assume_lecture=True, time_limit=TIME_LIMIT, seed=0,
               file_time_limit=FILE_TIME_LIMIT, memory_limit=MEMORY_LIMIT) -> FileReport:
    """Read the file at ``path`` and check each of its chains; never raises on bad input.

    ``n_values`` are passed to :func:`proofs.prover.check_derivation`;
    ``assume_lecture`` adds the lecture's standing hypothesis sum_j y_j = 1 to
    every chain.  Limits (main thread only for the times): ``time_limit``
    seconds per chain and ``file_time_limit`` seconds for the whole file, after
    which the chains not yet finished are undecided; ``memory_limit`` bytes of
    address space per chain (``None`` or 0: no limit), beyond which the chain
    is undecided.  Each undecided chain's message names the limit it reached.
    """
    started = time.monotonic()
    try:
        with _deadline(file_time_limit):
            reading = read_file(path, assume_lecture=assume_lecture)
    except _OutOfTime:
        return FileReport(str(path), errors=[LatexError(
            f"reading the file took longer than the file time limit of {file_time_limit:g} s "
            "(--file-time-limit)", str(path))])
    report = FileReport(reading.path, notes=list(reading.notes), errors=list(reading.errors),
                        blocks_read=reading.blocks_read, blocks_unread=reading.blocks_unread)
    if not reading.chains and not reading.errors:
        report.errors.append(LatexError(
            "nothing to check: no chain of relations (=, <, >, \\le, \\ge) was read; a derivation goes in "
            "$$...$$, \\[...\\] or an align or equation environment", reading.path))
    for derivation, source in reading.chains:
        left = None if not file_time_limit else file_time_limit - (time.monotonic() - started)
        if left is not None and left <= 0:
            report.chains.append(_undecided(derivation, source, "not checked: the file time limit of "
                                            f"{file_time_limit:g} s was reached (--file-time-limit)"))
            continue
        limit, which = time_limit, f"the time limit of {time_limit:g} s per chain (--time-limit)"
        if left is not None and (not time_limit or left < time_limit):
            limit, which = left, f"the file time limit of {file_time_limit:g} s (--file-time-limit)"
        report.chains.append(check_chain(derivation, source, n_values, limit, seed,
                                         memory_limit=memory_limit, limit_name=which))
    return report


def check_chain(derivation, source: ChainSource, n_values=N_VALUES, time_limit=TIME_LIMIT, seed=0,
                memory_limit=MEMORY_LIMIT, limit_name=None) -> ChainReport:
    """One chain through the step checker, its parts merged into one verdict per step.

    The chain is checked under ``time_limit`` seconds and ``memory_limit``
    bytes of address space more than the process uses when it starts (see
    :func:`memory_limit`); a chain that exceeds either is undecided, and its
    message names the limit.
    """
    which = limit_name or f"the time limit of {time_limit:g} s per chain (--time-limit)"
    try:
        with _deadline(time_limit), bounded_memory(memory_limit):
            parts = check_derivation(derivation, n_values, seed=seed)
    except _OutOfTime:
        return _undecided(derivation, source, f"not finished within {which}")
    except MemoryError:
        gc.collect()
        return _undecided(derivation, source, "not finished within the memory limit of "
                          f"{_size_text(memory_limit)} per chain (--memory-limit)")
    except RecursionError:
        return _undecided(derivation, source, "the checker gave up: the expressions are nested too deeply; "
                          "split the step into smaller ones")
    except Exception as exc:  # noqa: BLE001 -- any failure deep in SymPy on untrusted input
        # A formula can reach corners of SymPy that fail; the chain is then
        # left undecided, with the reason, instead of stopping the whole run.
        return _undecided(derivation, source, f"the checker failed: {type(exc).__name__}: {exc}")
    steps = []
    exprs = derivation.expressions
    for k, where in enumerate(source.steps, start=1):
        results = [s for part in parts for s in part.steps if s.index == k]
        verdict = worst(r.verdict for r in results) if results else Verdict(UNDECIDED)
        cx = next((r.counterexample for r in results if r.counterexample is not None), None)
        # Why a step is undecided (the first reason given for one n), or that the veto refuted a "proved".
        detail = next((r.method for r in results if r.verdict.kind == UNDECIDED), "")
        detail = next((r.internal_error for r in results if r.internal_error), detail)
        steps.append(StepResult(index=k, lhs=exprs[k - 1], rhs=exprs[k], relation=where.relation,
                                justification="as-written", verdict=verdict, counterexample=cx,
                                line=where.line, column=where.column, lhs_latex=where.lhs, rhs_latex=where.rhs,
                                results=results, detail=detail,
                                checked_points=sum(r.checked_points for r in results),
                                internal_error=next((r.internal_error for r in results if r.internal_error), "")))
    return ChainReport(derivation, source, steps, parts)


def _size_text(size):
    """``1 GiB``, ``512 MiB``: a byte count as people write it."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            value = size / scale
            return f"{value:g} {unit}" if value != int(value) else f"{int(value)} {unit}"
    return f"{size} bytes"


def _address_space():
    """The bytes of address space the process uses now (from /proc/self/statm), or None."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            pages = int(handle.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextmanager
def bounded_memory(limit):
    """Allow at most ``limit`` more bytes of address space inside the ``with`` block.

    Sets ``RLIMIT_AS`` to the current use plus ``limit`` (never above a limit
    already in force) and restores it afterwards; an allocation beyond it
    raises ``MemoryError``.  Where the address space cannot be read or limited
    (no /proc, no ``resource``), the block runs without a limit.
    """
    current = _address_space() if limit else None
    if resource is None or current is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = current + int(limit)
    for bound in (soft, hard):
        if bound != resource.RLIM_INFINITY:
            want = min(want, bound)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _undecided(derivation, source, detail):
    exprs = derivation.expressions
    steps = [StepResult(index=k, lhs=exprs[k - 1], rhs=exprs[k], relation=w.relation, justification="as-written",
                        verdict=Verdict(UNDECIDED), line=w.line, column=w.column, lhs_latex=w.lhs,
                        rhs_latex=w.rhs, detail=detail)
             for k, w in enumerate(source.steps, start=1)]
    return ChainReport(derivation, source, steps)


class _deadline:
    """Raise _OutOfTime after ``seconds`` of wall time (a no-op outside the main thread)."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.armed = False

    def __enter__(self):
        if (self.seconds and hasattr(signal, "setitimer")
                and threading.current_thread() is threading.main_thread()):
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def _fire(self, signum, frame):
        raise _OutOfTime()

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False
