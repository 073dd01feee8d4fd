"""Work in a forked child process.

- Parsing untrusted bytes: a crash, an abort or a runaway allocation in native code costs the
  child, never the server process (fuzzing found damaged .xls files on which calamine asks for
  terabytes and aborts, which no ``except`` can catch).
- Using the second core: a publication's largest file is written while the parent writes the rest.
"""

import faulthandler
import multiprocessing
import os
import pickle
import resource

MEMORY_HEADROOM = 1024 * 1024 * 1024  # what the child may allocate beyond what it inherits
TIME_LIMIT = 60  # seconds


class ChildFailed(Exception):
    """The child died, ran out of memory or time: the input cannot be read safely."""


def _virtual_size():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(connection, function, args, memory_limit):
    # A child that dies is an expected outcome, reported to the parent as ChildFailed: it must not
    # print a fatal-error traceback (pytest and ``python -X faulthandler`` enable faulthandler).
    faulthandler.disable()
    if memory_limit:
        try:
            limit = _virtual_size() + MEMORY_HEADROOM
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (OSError, ValueError):
            pass  # no /proc or no limit allowed: still isolated, just unbounded
    try:
        connection.send(("ok", function(*args)))
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
    """A started child computing ``function(*args)``; ``result()`` waits for it."""

    def __init__(self, function, args, memory_limit=True):
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(sender, function, args, memory_limit), daemon=True)
        self._process.start()
        sender.close()

    def result(self, time_limit=TIME_LIMIT):
        """The child's return value or the exception it raised; ChildFailed if it died or overran."""
        try:
            if not self._receiver.poll(time_limit):
                raise ChildFailed("time limit")
            status, value = self._receiver.recv()
        except (EOFError, OSError) as error:
            raise ChildFailed("the child died") from error
        finally:
            self._receiver.close()
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
        if status == "raised":
            if value is None:
                raise ChildFailed("the child failed")
            raise value
        return value
