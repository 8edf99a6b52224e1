"""The bounds on the web view's heavy work: how many forked workers (SPARQL queries,
article extractions) run at once, how long a request waits for one, and how much
memory each may take.

Why a cap: each worker is a process, and a process per request lets a handful of
heavy queries take the machine's memory (eight at once took the server to 2.6 GB).
The cap is a semaphore shared by the server's threads, so it bounds one server
process; a request that finds no free worker within a short wait is answered 503
with Retry-After rather than queued without end.

Why the memory limit is a growth: a forked worker starts as a copy of the server
(its store, caches and language model, shared copy-on-write), so its size at birth
is the server's. The worker sets RLIMIT_DATA to what it inherited plus its budget;
past it an allocation fails, pyoxigraph aborts the worker (Rust cannot unwind an
allocation failure) or Python raises MemoryError, and the request gets a clear error.
"""

import faulthandler
import math
import multiprocessing
import os
import resource
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from graph.errors import CanonError

MB = 1024 * 1024
# The defaults suit a 2-core machine: two workers use both cores. A query's worker
# needs tens of MB for an answer at the size limit; reading an article needs about
# 3.3 GB per MB of prose at its peak (400 MB at 0.1 MB, 830 MB at 0.25 MB, 1.7 GB
# at 0.5 MB), so 1 GB reads articles of up to about 0.3 MB: a synopsis is 5-50 KB.
DEFAULTS = {"WORKERS": 2, "WORKER_WAIT": 2.0, "WORKER_MEMORY_MB": 512,
            "UPLOAD_MEMORY_MB": 1024}
# Environment variables read by create_app: the config key each sets, and its type.
ENVIRONMENT = {
    "CANON_WORKERS": ("WORKERS", int),
    "CANON_WORKER_WAIT": ("WORKER_WAIT", float),
    "CANON_WORKER_MEMORY_MB": ("WORKER_MEMORY_MB", int),
    "CANON_UPLOAD_MEMORY_MB": ("UPLOAD_MEMORY_MB", int),
    "CANON_SPARQL_TIMEOUT": ("SPARQL_TIMEOUT", float),
    "CANON_UPLOAD_TIMEOUT": ("UPLOAD_TIMEOUT", float),
}


class Busy(CanonError):
    """Every worker was taken for the whole wait; ``retry_after`` is in seconds."""

    def __init__(self, message, retry_after):
        self.retry_after = retry_after
        super().__init__(message)


class WorkerTimeout(CanonError):
    """A worker still running when its time was up (it was killed)."""


class WorkerMemory(CanonError):
    """A worker that went past its memory limit."""


class WorkerDied(CanonError):
    """A worker that stopped without an answer for another reason."""


@dataclass
class Workers:
    """The cap on concurrent workers of one app: at most ``count`` at once, a wait of
    at most ``wait`` seconds for a free one, ``memory_mb`` of growth each unless a
    run says otherwise."""

    count: int
    wait: float
    memory_mb: int

    def __post_init__(self):
        self._slots = threading.BoundedSemaphore(self.count)

    @contextmanager
    def slot(self, retry_after):
        """Hold one worker slot for the ``with`` block. Raises Busy, saying how many
        workers run and to retry after ``retry_after`` seconds, when none frees up
        within the wait."""
        if not self._slots.acquire(timeout=self.wait):
            raise Busy(f"all {self.count} workers of this server are busy (waited "
                       f"{self.wait:g} s): retry in {retry_after} s", retry_after)
        try:
            yield
        finally:
            self._slots.release()

    def run(self, function, args, *, timeout, retry_after=None, memory_mb=None):
        """Return ``function(*args)`` computed in a forked worker, once a slot is free,
        under ``memory_mb`` (by default this cap's memory limit) and killed after
        ``timeout`` seconds.

        Raises Busy (no slot within the wait; Retry-After is ``retry_after``, by
        default the timeout, by which a running worker ends), WorkerTimeout,
        WorkerMemory, or WorkerDied."""
        wait_hint = retry_after or max(1, math.ceil(timeout))
        with self.slot(wait_hint):
            return run_forked(function, args, timeout=timeout,
                              memory_mb=memory_mb or self.memory_mb)


def _vm_data():
    """Return this process's data segment size in bytes (VmData, which RLIMIT_DATA bounds)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    raise OSError("/proc/self/status has no VmData line")


def limit_memory(memory_mb):
    """Set this process's RLIMIT_DATA to its present data size plus ``memory_mb`` MB;
    return the limit in bytes."""
    limit = _vm_data() + memory_mb * MB
    hard = resource.getrlimit(resource.RLIMIT_DATA)[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    return limit


def _work(sender, function, args, memory_mb):
    """Run in the worker: send back ("ok", value) or ("memory", None)."""
    # A failed allocation in Rust prints a backtrace when this is 1, and aborts, which
    # faulthandler (when the server enabled it) follows with every thread's stack:
    # the one line Rust prints first is enough.
    os.environ["RUST_BACKTRACE"] = "0"
    faulthandler.disable()
    try:
        limit_memory(memory_mb)
        sender.send(("ok", function(*args)))
    except MemoryError:
        sender.send(("memory", None))
    finally:
        sender.close()


def run_forked(function, args, *, timeout, memory_mb):
    """Return ``function(*args)`` computed in a forked worker whose data may grow by
    ``memory_mb`` MB and which is killed after ``timeout`` seconds; the worker is
    always reaped before this returns.

    Raises WorkerTimeout, WorkerMemory (MemoryError in the worker, or the abort a
    failed allocation causes in pyoxigraph) or WorkerDied."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(sender, function, args, memory_mb),
                             daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise WorkerTimeout(f"was still running after {timeout:g} s, this server's limit")
        status, value = receiver.recv()
    except EOFError:
        worker.join()
        status = "memory" if worker.exitcode == -signal.SIGABRT else "died"
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    if status == "memory":
        raise WorkerMemory(f"needed more than {memory_mb} MB, this server's limit per worker")
    if status == "died":
        raise WorkerDied(f"stopped without an answer (its worker's exit code: "
                         f"{worker.exitcode})")
    return value


def workers_from(config):
    """Return the Workers an app's config sets: WORKERS, WORKER_WAIT, WORKER_MEMORY_MB."""
    return Workers(config["WORKERS"], config["WORKER_WAIT"], config["WORKER_MEMORY_MB"])


def from_environment(environ):
    """Return the config keys of ENVIRONMENT set in ``environ``, as numbers.

    Raises CanonError naming the variable for a value that is not a number above 0."""
    config = {}
    for variable, (key, kind) in ENVIRONMENT.items():
        text = environ.get(variable)
        if text is None:
            continue
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if not value > 0:
            whole = "a whole number" if kind is int else "a number"
            raise CanonError(f"${variable} is {text!r}: give {whole} above 0")
        config[key] = value
    return config
