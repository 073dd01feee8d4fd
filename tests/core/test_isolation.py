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
