"""A reader that aborts, runs away with memory or hangs costs only its child process."""
import os

import pytest

from catalogue.isolation import ChildFailed, run_isolated


def aborts():
    os.abort()


def grabs_memory():
    return bytearray(8 * 1024 * 1024 * 1024)


def sleeps():
    import time

    time.sleep(30)


def test_results_and_exceptions_come_back():
    assert run_isolated(sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        run_isolated(divmod, 1, 0)


@pytest.mark.parametrize("function", [aborts, grabs_memory])
def test_a_dying_child_is_a_clear_failure(function):
    with pytest.raises(ChildFailed):
        run_isolated(function)


def test_a_hanging_child_is_stopped():
    with pytest.raises(ChildFailed, match="time limit"):
        run_isolated(sleeps, time_limit=0.5)
