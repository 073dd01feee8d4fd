"""A reader that aborts, runs away with memory or hangs costs only its child process, quietly."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.isolation import Child, ChildFailed

ROOT = Path(__file__).resolve().parents[2]


def aborts():
    os.abort()


def grabs_memory():
    return bytearray(8 * 1024 * 1024 * 1024)


def sleeps():
    time.sleep(30)


def test_results_and_exceptions_come_back():
    assert Child(sum, ([1, 2, 3],)).result() == 6
    with pytest.raises(ZeroDivisionError):
        Child(divmod, (1, 0)).result()


@pytest.mark.parametrize("function", [aborts, grabs_memory])
def test_a_dying_child_is_a_clear_failure(function):
    with pytest.raises(ChildFailed):
        Child(function, ()).result()


def test_a_hanging_child_is_stopped():
    with pytest.raises(ChildFailed, match="time limit"):
        Child(sleeps, ()).result(time_limit=0.2)


def parts(first_sleeps=0.0):
    yield "book"
    time.sleep(first_sleeps)
    yield "screened"
    raise ZeroDivisionError


def test_a_generators_parts_come_one_by_one_while_the_child_goes_on():
    child = Child(parts, (5.0,))
    started = time.monotonic()
    assert child.next() == "book" and time.monotonic() - started < 4  # not after the second part
    child.cancel()
    child = Child(parts, ())
    assert [child.next(), child.next()] == ["book", "screened"]
    with pytest.raises(ZeroDivisionError):
        child.next()
    with pytest.raises(ChildFailed):
        child.next()  # it has sent everything
    child.cancel()


def test_a_child_is_ready_once_a_part_has_come_or_it_has_ended():
    child = Child(parts, (5.0,))
    assert child.next() == "book" and not child.ready()  # still sleeping before the second part
    child.cancel()
    child = Child(sum, ([1, 2],))
    deadline = time.monotonic() + 10
    while not child.ready() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert child.ready() and child.next() == 3
    child.cancel()


def test_a_cancelled_child_still_exiting_is_reaped_by_the_next_childs_start():
    """cancel() does not wait for a child to finish exiting; the next start reaps it."""
    child = Child(parts, (30.0,))
    assert child.next() == "book"
    child.cancel()
    stat = Path(f"/proc/{child.pid}/stat")
    deadline = time.monotonic() + 10
    while stat.exists() and stat.read_text().split()[2] != "Z" and time.monotonic() < deadline:
        time.sleep(0.01)  # killed: exiting, not yet reaped
    Child(parts, ()).cancel()
    assert not stat.exists()


def test_the_result_of_a_generator_is_its_first_part_and_the_rest_is_stopped():
    started = time.monotonic()
    assert Child(parts, (30.0,)).result() == "book" and time.monotonic() - started < 10


def test_a_dying_child_prints_no_fatal_error_traceback():
    code = (
        "import os\nfrom core.isolation import Child, ChildFailed\ntry:\n    Child(os.abort, ()).result()\n"
        "except ChildFailed:\n    print('refused')\n"
    )
    run = subprocess.run([sys.executable, "-X", "faulthandler", "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.stdout.strip() == "refused" and "Fatal Python error" not in run.stderr


GEVENT_WORKER = """
from gevent import monkey
monkey.patch_all()
import time
import gevent
from core.isolation import Child, ChildFailed

def counts():
    return sum(range(3_000_000))

ticks = []
others = gevent.spawn(lambda: [ticks.append(gevent.sleep(0.05)) for _ in range(10)])  # other requests
print(Child(counts, ()).result(time_limit=5))
print(Child(sum, (range(10),), fresh=True).result(time_limit=10))  # a new interpreter, from a worker
try:
    Child(time.sleep, (30,)).result(time_limit=5)  # waits on the worker's loop: not something a child does
except ChildFailed as failure:
    print(failure)
others.join()
print(len(ticks))
"""


def test_a_child_of_a_gevent_worker_computes_while_the_worker_serves():
    """In a gunicorn gevent worker: the child's result (forked or fresh) comes back while the worker's
    other greenlets go on; a child that would wait on the worker's event loop (its descriptors are closed in the child)
    fails as a child, clearly, and the worker is unharmed."""
    run = subprocess.run([sys.executable, "-c", GEVENT_WORKER], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.stdout.split() == ["4499998500000", "45", "the", "child", "died", "10"], run.stderr[-2000:]


def own_peak_mb():
    with open("/proc/self/status") as status:
        return int(status.read().split("VmHWM:")[1].split()[0]) // 1024


def test_a_fresh_child_computes_as_a_forked_one_without_its_parents_memory():
    """A fresh child is a new interpreter: results and exceptions come back the same, and what the
    parent holds (here 300 MB) is not part of the child's memory."""
    held = bytearray(300 * 1024 * 1024)
    held[::4096] = b"x" * len(held[::4096])  # touched: resident
    assert Child(sum, ([1, 2, 3],), fresh=True).result() == 6
    with pytest.raises(ZeroDivisionError):
        Child(divmod, (1, 0), fresh=True).result()
    assert Child(own_peak_mb, (), fresh=True).result() < 100 < 300 <= Child(own_peak_mb, ()).result()
