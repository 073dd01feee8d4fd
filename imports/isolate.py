"""Run a parser on untrusted bytes in a child process, so that a crash, an abort or a runaway
allocation in native code costs that child, never the server process.

Found by fuzzing: on some damaged .xls files calamine asks for terabytes and aborts, which no
``except`` can catch.
"""
import multiprocessing
import os
import resource

MEMORY_HEADROOM = 1024 * 1024 * 1024   # what the child may allocate beyond what it inherits
TIME_LIMIT = 60                        # seconds


class ChildFailed(Exception):
    """The child died, ran out of memory or time: the input cannot be read safely."""


def _virtual_size():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(connection, function, args):
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
    import pickle

    try:
        pickle.dumps(error)
        return True
    except Exception:  # noqa: BLE001
        return False


def run_isolated(function, *args, time_limit=TIME_LIMIT):
    """``function(*args)`` in a forked child; its return value, or the exception it raised.

    Raises ChildFailed when the child dies or exceeds the time limit.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(time_limit):
            raise ChildFailed("time limit")
        status, value = receiver.recv()
    except (EOFError, OSError) as error:
        raise ChildFailed("the reader died") from error
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if status == "raised":
        if value is None:
            raise ChildFailed("the reader failed")
        raise value
    return value
