"""Gunicorn's settings for this application: ``gunicorn -c python:catalogue.gunicorn_conf 'catalogue:create_app()'``.

Workers are gevent's: each connection is a greenlet, so a client slow to send its request or to
read the answer holds a few kilobytes, not a worker or a thread. With synchronous workers two slow
clients stalled a two-worker server; with threads (2 x 8), 16 connections that sent half a request
took it offline for as long as they waited. psycopg, Redis, SMTP and the pipes to the child
processes (core.isolation) all wait through gevent's patched sockets and selectors. A reverse proxy
in front buffers requests and responses too (docs/deploy.md). Every value can be overridden on the
command line or with GUNICORN_CMD_ARGS.
"""

import os
import re
import signal
import sys

from catalogue.config import production_problem

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gevent"
worker_connections = int(os.environ.get("GUNICORN_CONNECTIONS", "1000"))  # open connections per worker
# A request may wait up to 60 s for the child process that reads a workbook (core.isolation); the
# worker must not be killed as unresponsive before that limit is reached.
timeout = 120
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then, each after its requests finish; rarely, since a replaced worker
# starts with empty caches (pages, files, figures): at 5,000 a load test at 2,000 requests/s replaced
# them every few seconds (26 times in 4 minutes). The caches are bounded, so memory does not grow.
max_requests = 1_000_000
max_requests_jitter = 100_000
accesslog = None  # the application logs each request itself, with its id and user (catalogue/observability.py)
errorlog = "-"


def on_starting(server):
    """In the master, before any worker: a configuration the application would refuse stops gunicorn
    with its one-line reason and status 1 (a worker that exits at start would only be restarted, three
    times a second, while systemd believes the service runs); and each instance gets a control
    socket of its own."""
    problem = production_problem()
    if problem:
        raise SystemExit(f"catalogue: {problem}")
    setting = server.cfg.settings["control_socket"]
    if setting.value == setting.default:
        server.cfg.set("control_socket", instance_control_socket(server.cfg.bind, os.environ))


def post_fork(server, worker):
    """In a new worker, at once: a stop asked for while it boots (gevent's patching comes before the
    worker sets its own signal handlers) is kept, not lost to the handler copied from the master,
    which left such a worker running until the graceful timeout killed it."""
    signal.signal(signal.SIGTERM, worker.handle_exit)


def worker_exit(server, worker):
    """At a worker's very end, gevent's known clean-up noise is not printed (``Exception ignored in:
    _removeHandlerRef``, a traceback per worker stopped: gevent issue 2148); anything else still is."""
    previous = sys.unraisablehook

    def hook(unraisable):
        if getattr(unraisable.object, "__name__", "") != "_removeHandlerRef":
            previous(unraisable)

    sys.unraisablehook = hook


def instance_control_socket(binds, environ) -> str:
    """systemd's RuntimeDirectory= when there is one, else a name made of the addresses it serves, so
    two instances of one user never share (and fight over) the default ``~/.gunicorn/gunicorn.ctl``."""
    if environ.get("RUNTIME_DIRECTORY"):
        return os.path.join(environ["RUNTIME_DIRECTORY"].split(":")[0], "gunicorn.ctl")
    name = "_".join(re.sub(r"[^0-9A-Za-z.-]+", "-", bind).strip("-") for bind in binds)
    return os.path.join(os.path.expanduser("~"), ".gunicorn", f"catalogue-{name}.ctl")
