"""The committed state's reader answers a request only with a read that started after it asked,
and one read answers everyone who asked before it started."""

import threading

from catalogue.postgres import StateReader


class Reads:
    """A stand-in for the server: each read returns its number once ``go`` lets it finish."""

    def __init__(self):
        self.started, self.go = [], {}

    def __call__(self):
        number = len(self.started) + 1
        self.go[number] = threading.Event()
        self.started.append(number)
        self.go[number].wait(5)
        return f"state {number}"


def asked(reader, answers):
    thread = threading.Thread(target=lambda: answers.append(reader.read()))
    thread.start()
    return thread


def wait_for(condition):
    for _ in range(500):
        if condition():
            return
        threading.Event().wait(0.01)
    raise AssertionError("never happened")


def test_a_read_running_when_a_request_asks_does_not_answer_it_the_next_one_answers_all_waiting(monkeypatch):
    reader, reads = StateReader(engine=None), Reads()
    monkeypatch.setattr(reader, "_read", reads)
    first, later = [], []
    threads = [asked(reader, first)]
    wait_for(lambda: reads.started == [1])
    threads += [asked(reader, later), asked(reader, later)]  # they ask while read 1 runs
    reads.go[1].set()
    wait_for(lambda: reads.started == [1, 2])
    reads.go[2].set()
    for thread in threads:
        thread.join(5)
    assert first == ["state 1"] and later == ["state 2", "state 2"] and reads.started == [1, 2]


def test_a_failed_read_answers_none_so_everything_is_read_afresh(monkeypatch):
    reader = StateReader(engine=None)
    monkeypatch.setattr(reader, "_read", lambda: None)
    assert reader.read() is None
