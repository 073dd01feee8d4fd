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

def naps():
    time.sleep(0.3)  # patched: it waits on the child's event loop
    return "rested"

ticks = []
server = gevent.spawn(lambda: [ticks.append(gevent.sleep(0.05)) for _ in range(30)])  # other requests
print(Child(naps, ()).result(time_limit=5))
try:
    Child(time.sleep, (30,)).result(time_limit=0.5)
except ChildFailed as failure:
    print(failure)
server.join()
print(len(ticks))
"""


def test_a_child_of_a_gevent_worker_waits_on_a_loop_of_its_own():
    """In a gunicorn gevent worker the child inherits the worker's event loop: it must not run it
    (its descriptors are closed in the child), and the worker's other greenlets go on meanwhile."""
    run = subprocess.run([sys.executable, "-c", GEVENT_WORKER], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.stdout.split() == ["rested", "time", "limit", "30"], run.stderr[-2000:]
