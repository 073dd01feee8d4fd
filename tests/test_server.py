"""The shipped gunicorn configuration: it starts, serves, and keeps serving while clients are slow."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url, timeout):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, time.monotonic() - started


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/server.sqlite", "SECRET_KEY": "server-test"}
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "-c",
            "python:catalogue.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "catalogue:create_app()",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            answers(url + "/login", 1)
            break
        except OSError:
            time.sleep(0.1)
    yield url, port
    process.terminate()
    process.wait(timeout=30)


def test_slow_clients_do_not_stall_the_server(gunicorn):
    url, port = gunicorn
    slow = []
    for _ in range(4):  # two per worker: with synchronous workers (--threads 1) two already stall everything
        connection = socket.create_connection(("127.0.0.1", port))
        connection.sendall(
            b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 1000\r\n\r\nusername=a"  # ...and the rest of the body never comes
        )
        slow.append(connection)
    try:
        for _ in range(5):
            status, took = answers(url + "/login", 5)
            assert status == 200 and took < 2
    finally:
        for connection in slow:
            connection.close()
