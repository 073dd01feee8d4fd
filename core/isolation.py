"""Work in a forked child process that cannot take the server down with it, nor outlive it.

- Parsing untrusted bytes: a crash, an abort or a runaway allocation in native code costs the
  child, never the server process (fuzzing found damaged .xls files on which calamine asks for
  terabytes and aborts, which no ``except`` can catch).
- Using the second core: a publication's largest file is written while the parent writes the rest.

The child's first act is to close every descriptor it inherited but its result pipe and the standard
streams: the client's connection and the database's socket stay the parent's alone, so the child
never holds them open, never runs inside the parent's transaction, and when the parent dies the
client and the database see it at once (the database then rolls back and releases its locks). The
kernel kills the child when its parent dies (``PR_SET_PDEATHSIG``): a worker killed mid-request
(``kill -9``, the OOM killer, gunicorn's timeout) leaves nothing behind.

Forking keeps a child cheap (no pickling, the parent's modules already loaded): an import preview
or a publication pays about a millisecond for it. But a forked child starts as large as its parent;
where that matters (a publication of tens of thousands of items, whose parent holds them all) the
child is ``fresh``: a new interpreter (multiprocessing's spawn) sent the function and its arguments,
which imports only what the function needs (and, as multiprocessing requires, the program's main
module: it must start its work under ``if __name__ == "__main__"``), for about a third of a second.

In a gevent worker (the server's) the child inherits the worker's event loop, whose descriptors it
has just closed: the work a child does (parsing, writing files) never waits on it. Work that would
wait there (a patched sleep or socket) aborts the child, which the parent reports as ChildFailed.
"""

import ctypes
import faulthandler
import gc
import multiprocessing
import os
import pickle
import resource
import signal
import types

MEMORY_HEADROOM = 1024 * 1024 * 1024  # what the child may allocate beyond what it inherits
TIME_LIMIT = 60  # seconds
PR_SET_PDEATHSIG = 1

_context = multiprocessing.get_context("fork")
_fresh = multiprocessing.get_context("spawn")


class ChildFailed(Exception):
    """The child died, ran out of memory or time: the work could not be done safely."""


def _close_inherited(keep):
    """Close every inherited descriptor but ``keep`` and the standard streams."""
    os.closerange(3, keep)
    os.closerange(keep + 1, os.sysconf("SC_OPEN_MAX"))


def _die_with_parent():
    """Ask the kernel to kill this process when its parent exits."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return  # not Linux: the time limit still bounds the child
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _virtual_size():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(connection, function, args, memory_limit):
    _close_inherited(connection.fileno())
    _die_with_parent()
    # A child that dies is an expected outcome, reported to the parent as ChildFailed: it must not
    # print a fatal-error traceback (pytest and ``python -X faulthandler`` enable faulthandler).
    faulthandler.disable()
    gc.disable()  # short-lived: collections would only cost time
    if memory_limit:
        try:
            limit = _virtual_size() + MEMORY_HEADROOM
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (OSError, ValueError):
            pass  # no /proc or no limit allowed: still isolated, just unbounded
    try:
        value = function(*args)
        if isinstance(value, types.GeneratorType):  # each part as soon as it is ready
            for part in value:
                connection.send(("ok", part))
        else:
            connection.send(("ok", value))
    except MemoryError:
        connection.send(("raised", None))
    except BaseException as error:  # noqa: BLE001 - everything must reach the parent as data
        connection.send(("raised", error if _picklable(error) else None))
    finally:
        connection.close()


def _picklable(error):
    try:
        pickle.dumps(error)
        return True
    except Exception:  # noqa: BLE001
        return False


class Child:
    """A started child computing ``function(*args)``; ``result()`` waits for it (``next()`` for each
    part of a generator, and ``cancel()`` after the last one wanted). A ``fresh`` child
    is a new interpreter: ``function`` must be importable by name, its arguments picklable."""

    def __init__(self, function, args, memory_limit=True, fresh=False):
        context = _fresh if fresh else _context
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(sender, function, args, memory_limit), daemon=True)
        self._process.start()
        sender.close()

    @property
    def pid(self):
        return self._process.pid

    def cancel(self):
        """Stop the child if it still runs (its result, or the rest of it, is no longer wanted), and
        reap it if it has exited.

        Performance: a child that has sent its last part is still exiting for 5 to 10 ms, while the
        kernel frees the memory it read a workbook in; the caller does not wait for that (it was 4%
        of an import preview). Such a child is reaped by the next child's start (multiprocessing
        reaps its finished children then) or at the process's exit: at most one per process."""
        self._receiver.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=0)

    def result(self, time_limit=TIME_LIMIT):
        """The child's return value or the exception it raised; ChildFailed if it died or overran.
        The child is reaped: of a generator, only the first part is taken."""
        try:
            return self.next(time_limit)
        finally:
            self.cancel()

    def ready(self):
        """Whether ``next`` would answer at once: a part has come, or the child has ended."""
        return self._receiver.poll(0)

    def next(self, time_limit=TIME_LIMIT):
        """The next value the child sends, leaving it running: a function that returns a generator
        sends each part as it is ready, and the parent works on one while the child computes the
        next. ChildFailed if it died, overran or has sent everything; ``cancel`` when done."""
        try:
            if not self._receiver.poll(time_limit):
                raise ChildFailed("time limit")
            status, value = self._receiver.recv()
        except (EOFError, OSError) as error:
            raise ChildFailed("the child died") from error
        if status == "raised":
            if value is None:
                raise ChildFailed("the child failed")
            raise value
        return value
