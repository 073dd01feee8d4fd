"""Instructions per request, counted under valgrind: nearly the same figure from one run to the next.

The throughput ratios of check_bench.py and pages_bench.py move by a fifth between runs on a shared
machine (its neighbours come and go), too much to tell a change of a few per cent. What a request
costs in instructions does not move: each case serves its requests through the WSGI callable in a
process of its own under callgrind, once with WARM_UP requests and once with WARM_UP + REQUESTS,
and the difference divided by REQUESTS is one request's cost, start-up and warm-up left out.

- hello: a bare Flask "hello" (bench/hello_app.py), the least a Flask request costs.
- nothing: the application's anonymous page that does nothing (bench/logged_in_app.py): what every
  request of the application costs before its page's own work (the hooks, session, log line).
- catalogue_check: GET /api/v1/catalogue-check on check_bench.py's published province, the
  questions changing with each request as that bench's do.

Printed: each case's instructions per request, and hello's against each (the ratio a throughput
bench would find if the server cost nothing). Three runs agree within 2% (what is done once a
second of the clock weighs a little more or less as valgrind runs faster or slower). Measured
2026-12-07: hello 0.331M, nothing 0.962M, catalogue_check 1.623M. Before that day's lighter hooks
(catalogue/observability.py, catalogue/security.py), counted the same way over 1,000 other
requests: nothing 1.26M -> 0.95M, catalogue_check 1.89M -> 1.62M. With Flask's synchronous form of
each hook kept (catalogue/transaction.py, later that day): nothing 0.919M, catalogue_check 1.562M.
With the locale chosen from one look at the request, and no HTTP error raised and caught for an
address without ``lang`` (catalogue/i18n.py, 2026-12-07, later still): catalogue_check 1.528M;
with the translations found from the locale in one dictionary (i18n.LocaleDomain): 1.503M. With no
session hook for the API (security.IMPERSONAL) and its line handled without looking up the caller:
1.471M; without ``Vary: Cookie`` on its answers: 1.430M (nothing: 0.914M; 2026-12-07, later again).
What the check's 1.427M holds, measured by taking one thing away (2026-12-08): without the request's
log line 1.269M; without its sentence (``message``) 1.247M, of which choosing the request's locale is
0.10M and translating and filling the sentence 0.08M. Python's logging switches for threads and
processes (``logging.logThreads`` …) change nothing measurable (1.427M). A ratio of 0.5 under load
asks for about 1.19M: both the line and the translated sentence gone, not less. On 2026-12-08 (later):
the check's sentence names Accept-Language in ``Vary`` (a shared cache kept one language's answer for
all), 1.430M -> 1.450M; nothing a request lacks (a cookie, Accept-Language, an ETag, If-None-Match) is
looked for by an exception raised and caught any more: 1.450M -> 1.387M (nothing 0.926M -> 0.915M);
nor is a Vary a response lacks (security.vary_on): nothing 0.915M -> 0.883M, the check unchanged; nor
the Content-Type of a page made without headers (catalogue/responses.py): nothing 0.883M -> 0.873M.
That day's check bench put 0.5 at about 1.34M; a few hours later, when hello ran faster (9,000 requests/s),
it put 0.5 at about 1.12M: the API's JSON and the request's line by orjson, the line written straight
to its handler, no user looked up for an open-data line, no cookies parsed for a request without any,
no exceptions for Flask-Babel's context, no moment worked out for a department that filed no
request, the proxies looked through once: nothing 0.873M -> 0.786M, catalogue_check 1.389M -> 1.060M.

The runs must not overlap: two processes reading the same SQLite file at once change what the last
one to close it does (SQLite checkpoints its write-ahead log then), tens of millions of instructions
that fall on one side of the difference or the other.

Run: make bench (needs valgrind: apt-get install valgrind).
"""

import io
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARM_UP, REQUESTS = 100, 300
CASES = ("hello", "nothing", "catalogue_check")


def question(n: int) -> str:
    """The catalogue check's n-th question, as check_bench.py's load script asks them."""
    letter = "ABCDEF"[n % 6]
    code = f"{letter}{n % 250 // 10:02d}{n % 250 + (300 if n % 7 == 0 else 0):03d}"
    return f"department=530000{n % 81:03d}&code={code}&date=2018-{n % 12 + 1:02d}-{n % 28 + 1:02d}"


def serve(case: str, count: int) -> None:
    """In the measured process: ``count`` requests of ``case`` through the WSGI callable."""
    if case == "hello":
        from bench.hello_app import app

        path = "/hello"
    else:
        from bench.logged_in_app import app

        path = "/bench/nothing" if case == "nothing" else "/api/v1/catalogue-check"
    for handler in logging.getLogger().handlers:  # the lines are written, to nowhere
        handler.stream = open(os.devnull, "w")  # noqa: SIM115  # the process's life
    answers = []
    for n in range(count):
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": question(n) if case == "catalogue_check" else "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "HTTP_USER_AGENT": "bench",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        b"".join(app(environ, lambda status, headers, exc_info=None: answers.append(status)))
    if set(answers) - {"200 OK"}:
        raise SystemExit(f"{case}: {sorted(set(answers))}")


def instructions(case: str, count: int, env: dict) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, case]
    done = subprocess.run([*command, str(count)], env=env, cwd=ROOT, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or found is None:
        raise RuntimeError(f"{case}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main():
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed: apt-get install valgrind")
    import check_bench

    with tempfile.TemporaryDirectory() as folder:
        database, publication = check_bench.published_province(folder)
        env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "bench", "BENCH_PUBLICATION": str(publication)}
        # what is published is read again once a second of the clock (GENERATION_MAX_AGE): under valgrind a
        # second holds a hundred requests, not thousands, and how many depends on the machine's speed
        env["GENERATION_MAX_AGE"] = "86400"
        env["PYTHONHASHSEED"] = "0"  # sets and dictionaries laid out alike in every run
        cost = {
            case: (instructions(case, WARM_UP + REQUESTS, env) - instructions(case, WARM_UP, env)) / REQUESTS
            for case in CASES
        }
    print(f"instructions per request ({REQUESTS} after {WARM_UP} to warm up):")
    print(f"hello = {cost['hello'] / 1e6:.3f}M")
    for case in CASES[1:]:
        print(f"{case} = {cost[case] / 1e6:.3f}M  hello_vs_{case} = {cost['hello'] / cost[case]:.3f}")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        serve(sys.argv[1], int(sys.argv[2]))
    else:
        main()
