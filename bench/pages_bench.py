"""The pages people work in, and the API search, under load on PostgreSQL, against a bare "hello".

- api_search_vs_hello: /api/v1/items for words, codes and one character, in turn (target 0.25 or above).
- clerk_catalogue_vs_hello: a clerk's catalogue page of 300 items (target 0.25 or above).
- finance_progress_vs_hello: the province finance office's progress page of a campaign whose region
  has 500 more departments, each with a catalogue (target 0.15 or above).
- clerk_catalogue_vs_same_bytes: the clerk's page against bare bytes as many as it has, served the
  same way: how far the page is from the most a page of its weight could do.
- logged_in_floor_vs_hello: a logged-in page that does nothing but answer (bench/logged_in_app.py):
  the most any page a person logs in for can do here, whatever it shows.

What held the logged-in pages back was the statements each request sent, not the pages: with the
user and the clerk page's stamp served from memory in an experiment that let them go stale, the floor
rose from 0.175 to 0.42 of hello and the clerk's page from 0.098 to 0.285 (2026-12-07). They are now
kept while nothing is committed (catalogue/services/kernel/kept.py): each request asks PostgreSQL for
its committed state, one read on a connection of its own answering every request that asked before it
started, and is served what its process read under the same state. Never stale, on any host. Measured
on 2026-12-07 (medians of three rounds): the floor 0.175 -> 0.246 of hello, the clerk's page 0.098 ->
0.171, the progress page 0.086 -> 0.175. What remains between them and the experiment is that one
question and the merging of the kept user into each request's session. Then every request's own
work was made lighter (the request's log line, the session cookie kept read, the hooks reading the
request once: catalogue/observability.py, catalogue/security.py), a fifth fewer instructions for a
page that does nothing: the floor 0.246 -> 0.304, the clerk's page 0.171 -> 0.205, the progress page
0.175 -> 0.203 (2026-12-07, medians of three rounds). With Flask's synchronous form of each hook kept
and the session's CSRF token kept for the second it was signed in (catalogue/transaction.py,
catalogue/security.py::csrf_token): the floor 0.323, the clerk's page 0.233, the progress page 0.233
(later on 2026-12-07, medians of three rounds). The same code a few hours on, when this machine served
hello at 4,349 requests/s instead of 7,437: the floor 0.449, the clerk's page 0.287, the progress page
0.320, the API search 0.582. The ratios move with the machine's day more than with any change
measured here; bench/instructions_bench.py's counts do not. On 2026-12-08, with hello at 8,400-9,100
requests/s: the clerk's page 0.211 (1,772 requests/s), and 0.194 with the code of the day before
(85fd644: 1,772 requests/s too) in the same hour; the floor 0.301 and 0.281. In the clerk's page, as
py-spy samples a worker: the committed state asked of PostgreSQL 27%, the kept user merged into the
request's session 10%, the page's own work 12%, flask-login's session protection 3%.

The demo data (seed-demo) is loaded into a fresh database ``bench_pages`` (BENCH_DATABASE_URL to choose
another) and the bench adds the 300 items and the 500 departments. Each side runs under gunicorn with
the application's own settings (gevent workers); wrk loads it with 16 connections; every ratio is the
median of ROUNDS rounds, each side measured alternately.

Run: make bench (needs PostgreSQL on 127.0.0.1:5432 and wrk).
"""

import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg
import publish_bench as base
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bench.goals import report
from catalogue import create_app
from catalogue.extensions import db
from catalogue.models import Campaign, Catalogue, Department, Item, Region

SERVER = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/bench_pages")
ROUNDS, CONNECTIONS = 3, 16
CLERK, FINANCE, PASSWORD = "clerk-530000007", "finance-530000", "demo"
CAMPAIGN = "2027"
SEARCHES = ("养老", "养老服务", "法律援助", "A01", "A0201", "医", "培训", "B")
LUA = """
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", PATHS[n % #PATHS + 1], HEADERS)
end
"""


def fresh_database(url):
    target = make_url(url)
    admin = target.set(database="postgres").render_as_string(hide_password=False).replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{target.database}"')


def flask(*args, env):
    subprocess.run([str(Path(sys.executable).parent / "flask"), "--app", "catalogue", *args], env=env, check=True,
                   capture_output=True)  # fmt: skip


def seed(env):
    """The demo, a clerk's catalogue grown to 300 items and 500 more departments of the province."""
    flask("init-db", env=env)
    flask("seed-demo", env=env)
    app = create_app({"SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"], "SECRET_KEY": "bench", "LOG_JSON": False})
    with app.test_request_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.code == CAMPAIGN))
        clerk_department = db.session.scalar(select(Department).where(Department.code == CLERK.split("-")[1]))
        mine = (Catalogue.campaign_id == campaign.id, Catalogue.department_id == clerk_department.id)
        catalogue = db.session.scalar(select(Catalogue).where(*mine))
        template = db.session.scalars(select(Item).where(Item.catalogue_id == catalogue.id)).first()
        have = db.session.scalar(select(db.func.count(Item.id)).where(Item.catalogue_id == catalogue.id))
        for number in range(have + 1, 301):
            db.session.add(
                Item(
                    catalogue=catalogue,
                    code=f"{template.code[:5]}{number + 100:03d}",
                    level1=template.level1,
                    level2=template.level2,
                    position=number,
                    level3=f"{template.level3}（第{number}项）",
                    description=f"由社会力量承担的第{number}项服务，按合同购买。",
                )
            )
        province = db.session.scalar(select(Region).where(Region.code == "530000"))
        for number in range(500):
            department = Department(region=province, code=f"53009{number:04d}", name=f"云南省测试第{number}厅")
            db.session.add(department)
            db.session.add(Catalogue(campaign=campaign, department=department))
        db.session.commit()  # the items are written directly: the item rules are not what this measures


def logged_in(port, username):
    """The session cookie of ``username`` logged in through the form, as a browser would."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/login", headers={"User-Agent": "bench"})
    page = connection.getresponse()
    body = page.read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', body).group(1)
    cookie = session_cookie(page)
    form = f"csrf_token={token}&username={username}&password={PASSWORD}"
    headers = {"Cookie": cookie, "User-Agent": "bench", "Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/login", body=form, headers=headers)
    answer = connection.getresponse()
    answer.read()
    if answer.status != 302:
        raise RuntimeError(f"{username} could not log in: {answer.status}")
    return session_cookie(answer)


def visited(port, path, cookie):
    """The session's cookie after a visit to ``path``, as a browser keeps it: the first page with a
    form puts the session's CSRF secret in it (log-in starts a new session without one), and a load
    generator that kept sending the older cookie would have every request make a new secret and set
    the cookie again, which no browser does."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Cookie": cookie, "User-Agent": "bench"})
    answer = connection.getresponse()
    answer.read()
    if answer.status != 200:
        raise RuntimeError(f"{path}: {answer.status}")
    cookies = [value for name, value in answer.getheaders() if name.lower() == "set-cookie"]
    return session_cookie(answer) if cookies else cookie


def session_cookie(response):
    """The session's cookie (name=value) among those the response sets."""
    cookies = [value.split(";")[0] for name, value in response.getheaders() if name.lower() == "set-cookie"]
    return next(cookie for cookie in cookies if cookie.split("=")[0].endswith("session"))


def page_size(port, path, cookie):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Cookie": cookie, "User-Agent": "bench"})
    return len(connection.getresponse().read())


def script(folder, name, paths, cookie=""):
    headers = '{["User-Agent"] = "bench"' + (f', ["Cookie"] = "{cookie}"' if cookie else "") + "}"
    lua = "PATHS = {" + ", ".join(f'"{path}"' for path in paths) + "}\nHEADERS = " + headers + "\n" + LUA
    path = Path(folder) / f"{name}.lua"
    path.write_text(lua)
    return str(path)


def load(port, lua):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{base.DURATION}s", "-s", lua, f"http://127.0.0.1:{port}/"]
    subprocess.run([*command[:3], "-d1s", *command[4:]], capture_output=True)  # warm up
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode or done.stderr or "Non-2xx" in done.stdout:
        raise RuntimeError(f"{lua}:\n{done.stdout}\n{done.stderr}")
    return float(next(line for line in done.stdout.splitlines() if line.startswith("Requests/sec")).split()[1])


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    fresh_database(SERVER)
    env = {**os.environ, "DATABASE_URL": SERVER, "SECRET_KEY": "bench", "LOG_LEVEL": "WARNING"}
    seed(env)
    results: dict[str, list[float]] = {name: [] for name in ("api", "clerk", "progress", "floor", "hello", "bytes")}
    with tempfile.TemporaryDirectory() as folder:
        searches = [f"/api/v1/items?q={quote(q)}" for q in SEARCHES]
        hello_paths = ["/hello"]
        for _round in range(ROUNDS):
            process, port = base.serve("bench.logged_in_app:app", env)  # the application and one bare page
            try:
                clerk_page = f"/department/campaigns/{CAMPAIGN}"
                progress_page = f"/finance/campaigns/{CAMPAIGN}/progress"
                cookie = visited(port, clerk_page, logged_in(port, CLERK))
                clerk = script(folder, "clerk", [clerk_page], cookie)
                env["BENCH_PAGE_BYTES"] = str(page_size(port, clerk_page, cookie))
                progress_cookie = visited(port, progress_page, logged_in(port, FINANCE))
                progress = script(folder, "progress", [progress_page], progress_cookie)
                results["api"].append(load(port, script(folder, "api", searches)))
                results["clerk"].append(load(port, clerk))
                results["progress"].append(load(port, progress))
                results["floor"].append(load(port, script(folder, "floor", ["/bench/logged-in"], cookie)))
            finally:
                process.terminate()
                process.wait(timeout=30)
            process, port = base.serve("bench.hello_app:app", env)
            try:
                results["hello"].append(load(port, script(folder, "hello", hello_paths)))
                results["bytes"].append(load(port, script(folder, "bytes", ["/page-bytes"])))
            finally:
                process.terminate()
                process.wait(timeout=30)
    median = {name: statistics.median(rounds) for name, rounds in results.items()}
    print("rounds (requests/s):", {name: [round(r) for r in rounds] for name, rounds in results.items()})
    print(f"hello_rps = {median['hello']:.0f}")
    for name, key, goal in (
        ("api_search_vs_hello", "api", 0.25),
        ("clerk_catalogue_vs_hello", "clerk", 0.25),
        ("finance_progress_vs_hello", "progress", 0.15),
        ("logged_in_floor_vs_hello", "floor", None),
    ):
        ratio, said = median[key] / median["hello"], f"({median[key]:.0f} requests/s)"
        if goal is None:
            print(f"{name} = {ratio:.3f}  {said}")
        else:
            report(name, ratio, digits=3, note=said, at_least=goal)
    print(
        f"clerk_catalogue_vs_same_bytes = {median['clerk'] / median['bytes']:.3f} (the page's {env['BENCH_PAGE_BYTES']}"
        f" bytes served bare: {median['bytes']:.0f} requests/s, {median['bytes'] / median['hello']:.3f} of hello)"
    )


if __name__ == "__main__":
    main()
