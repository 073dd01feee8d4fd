"""The catalogue check budget and payment systems call, under load.

- catalogue_check_vs_hello: requests per second of GET /api/v1/catalogue-check (a department of a
  published province of 81 x 250 items, codes in and out of its catalogue, several days) against a
  bare Flask "hello" route, both under gunicorn with the same workers (target 0.5 or above), the
  medians of five rounds. Measured 2026-12-07: 0.36 (hello at 8,163 requests/s), and 0.48 a few hours
  later with one look at the request for the locale (hello at 4,890 requests/s: the machine's day
  moves the ratio more than the change did, 2% of the instructions, bench/instructions_bench.py).
  The next evening, on a new machine: 0.47 (hello at 6,962 requests/s), and 0.47 then 0.44 with 5%
  fewer instructions (hello at 7,004 and 7,553: the check rose from 3,245 to 3,328 requests/s).
  On 2026-12-08, the same code about twenty minutes apart: 0.44 (2,974 against 6,691) and 0.57 (3,510
  against 6,156); hello's rounds ran from 3,630 to 7,505 requests/s; that night 0.39 (2,650 against
  6,727) and, with hello's rounds steady, 0.48 (3,524 against 7,335) at 1.430M instructions a check,
  then 0.47 (3,374 against 7,127) at 1.387M. Later that morning, at 1.283M: 0.45 (4,123 against 9,070: a
  faster day for hello); at 1.120M 0.48 and 0.50; at 1.065M 0.51, 0.51, 0.54 and 0.53 alone (4,543 to
  4,643 against 8,613 to 9,151), and 0.49 in ``make bench`` right after the search bench's million items
  (4,327 against 8,743). The instructions a request costs (bench/instructions_bench.py) are what tells
  a change.

Run: make bench (needs wrk: apt-get install wrk).
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import publish_bench as base
from flask_migrate import upgrade

from bench.goals import report
from catalogue import create_app
from catalogue.extensions import db
from catalogue.services.publishing import publications

ROUNDS = 5
LUA = """
-- Each request asks another question: a code in or out of the catalogue, on another day. (The
-- hello side is loaded by the same script, so the load generator costs both sides the same.)
local n = 0
request = function()
  n = n + 1
  local department = string.format("530000%03d", n % 81)
  local letter = ({"A", "B", "C", "D", "E", "F"})[n % 6 + 1]
  local code = string.format("%s%02d%03d", letter, math.floor((n % 250) / 10), n % 250 + (n % 7 == 0 and 300 or 0))
  local day = string.format("2018-%02d-%02d", n % 12 + 1, n % 28 + 1)
  return wrk.format("GET", PATH .. "?department=" .. department .. "&code=" .. code .. "&date=" .. day)
end
"""


def seed(app):
    with app.test_request_context():
        region, campaign, finance = base.seed()
        publication = publications.publish(
            finance,
            region,
            campaign,
            title=None,
            document_number="云财综〔2017〕1号",
            effective_date=date(2017, 9, 1),
            now=datetime.now(UTC),
        )
        db.session.commit()
        return publication.id


def published_province(folder) -> tuple[str, int]:
    """A SQLite database in ``folder`` holding the published province the check is asked about: its
    address and the publication's id."""
    database = f"sqlite:///{folder}/bench.sqlite"
    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
    return database, seed(app)


def requests_per_second(url, script=None):
    command = ["wrk", "-t2", f"-c{base.CONNECTIONS}", f"-d{base.DURATION}s"]
    if script:
        command += ["-s", script]
    subprocess.run([*command[:3], "-d1s", *command[4:], url], capture_output=True, check=True)  # warm up
    done = subprocess.run([*command, url], capture_output=True, text=True, check=True)
    output = done.stdout
    if done.stderr:  # a script wrk could not run: it then loads the bare URL instead, silently
        raise RuntimeError(f"wrk could not run {script}:\n{done.stderr}")
    if "Non-2xx" in output:
        raise RuntimeError(f"errors while loading {url}:\n{output}")
    return float(next(line for line in output.splitlines() if line.startswith("Requests/sec")).split()[1])


def serve_and_load(module, env, url, script=None):
    process, port = base.serve(module, env)
    try:
        return requests_per_second(url.format(port=port), script)
    finally:
        process.terminate()
        process.wait(timeout=10)


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as folder:
        database, publication_id = published_province(folder)
        script = Path(folder) / "questions.lua"
        script.write_text('PATH = "/api/v1/catalogue-check"\n' + LUA)
        hello_script = Path(folder) / "hello.lua"
        hello_script.write_text('PATH = "/hello"\n' + LUA)
        env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "bench", "BENCH_PUBLICATION": str(publication_id)}
        # This machine's neighbours come and go: each side is measured five times, alternately, and
        # the ratio is of the medians (the best run flattered it: 0.60 where the median was 0.36).
        check, hello = [], []
        for _round in range(ROUNDS):
            check.append(serve_and_load("wsgi:app", env, "http://127.0.0.1:{port}/", str(script)))
            hello.append(serve_and_load("bench.bare_app:app", env, "http://127.0.0.1:{port}/", str(hello_script)))
    print("rounds", check, hello)
    check, hello = statistics.median(check), statistics.median(hello)
    print(f"catalogue_check_rps = {check:.0f}  hello_rps = {hello:.0f}")
    report("catalogue_check_vs_hello", check / hello, at_least=0.5)


if __name__ == "__main__":
    main()
