"""Publication speed, download and page throughput, each against a bare baseline in the same run.

- publish_vs_openpyxl_dump: publishing 81 departments x 250 items (20,250) with all its files (xlsx,
  csv, json and PDF, of the list and of each department), against a bare openpyxl write-only dump of
  the same rows into one sheet (target 4.0 or below); peak memory of the publishing process is
  printed too (target under 300 MB), and how long the PDFs alone take (pdf_seconds). Both are timed
  in a process of their own whose main program is a line, as a worker's or ``flask publish``'s is
  (``publish_apart``).
- large: publishing 81 x 620 items (50,220) once with ``flask publish``: the seconds (the command's
  start included), that process's peak memory and the peak of the children writing the consolidated
  workbook and the PDFs (goal under 300 MB), and the seconds per item against the 20,250 items' (1.0
  is linear; goal 1.15 or below).
- download_vs_bare_bytes: requests per second for the public download of the consolidated xlsx against
  a bare Flask route returning the same bytes from memory, both under gunicorn with the same workers
  (target 0.8 or above).
- items_page_vs_hello: requests per second for the first public items page of that publication against
  a bare Flask "hello" route served the same way (target 0.25 or above).

Run: make bench (needs wrk: apt-get install wrk).
"""

import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade
from openpyxl import Workbook

from bench.goals import report
from catalogue import create_app
from catalogue.extensions import db
from catalogue.models import Campaign, Catalogue, Department, Item, TierDeadline, User
from catalogue.services.kernel import reference
from catalogue.services.publishing import documents, publications
from exports import pdf

DEPARTMENTS, PER_DEPARTMENT, REPEAT = 81, 250, 3
LARGE_PER_DEPARTMENT = 620  # 81 x 620 = 50,220 items, published once in a process of its own
# linear in items: the large publication's seconds per item within a seventh of the smaller one's (the
# command's start, a second or so, weighs on the large run alone)
LINEAR = 1.15
WORKERS, DURATION, CONNECTIONS = 2, 5, 8
LOAD_ROUNDS = 3
DEPLOYED = "python:catalogue.gunicorn_conf"


def seed(per_department=PER_DEPARTMENT):
    regions = reference.load_regions()
    schemes = reference.load_schemes()
    nodes = {node.code: node for node in schemes["2014"].nodes}
    campaign = Campaign(
        code="2017", name="2017年度政府购买服务指导性目录编制", scheme=schemes["2014"], region=regions["530000"]
    )
    campaign.deadlines = [
        TierDeadline(tier="province", due_date=date(2017, 7, 31)),
        TierDeadline(tier="prefecture", due_date=date(2018, 3, 31)),
    ]
    finance = User(username="finance", role="finance", region=regions["530000"], password_hash="x")
    db.session.add_all([campaign, finance])
    for d in range(DEPARTMENTS):
        department = Department(code=f"530000{d:03d}", name=f"云南省第{d}厅", region=regions["530000"])
        catalogue = Catalogue(campaign=campaign, department=department, status="approved")
        db.session.add_all([department, catalogue])
        db.session.flush()
        db.session.execute(
            Item.__table__.insert(),
            [
                {
                    "catalogue_id": catalogue.id,
                    "code": f"{'ABCDEF'[n % 6]}{n // 10:02d}{n:03d}",
                    "level1_id": nodes["ABCDEF"[n % 6]].id,
                    "level2": f"二级目录{n // 10}",
                    "level3": f"第{d}厅服务事项{n}",
                    "level4": "",
                    "description": f"由社会力量承担的第{n}项服务，按规定程序购买，明确服务标准和绩效目标。",
                    "remarks": "",
                    "position": n,
                    "version": 1,
                    "updated_at": datetime.now(UTC),
                }
                for n in range(per_department)
            ],
        )
    db.session.commit()
    return regions["530000"], campaign, finance


def bare_dump(rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("dump")
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def publish(region, campaign, finance, attempt):
    publication = publications.publish(
        finance,
        region,
        campaign,
        title=None,
        document_number=f"云财综〔2017〕{attempt}号",
        effective_date=date(2017, 9, 1 + attempt),  # a correction: the same items are refused
        now=datetime.now(UTC),
    )
    db.session.commit()
    return publication


def measure_publish(app):
    with app.test_request_context():
        region, campaign, finance = seed()
        items = publications.consolidation(finance, region, campaign, now=datetime.now(UTC)).items
        rows = [
            [
                n,
                i["department_name"],
                i["code"],
                i["level1_name"],
                i["level2"],
                i["level3"],
                i["level4"],
                i["description"],
                i["remarks"],
            ]
            for n, i in enumerate(items, start=1)
        ]
        publish_times, dump_times, publication = [], [], None
        for attempt in range(REPEAT):
            start = time.perf_counter()
            publication = publish(region, campaign, finance, attempt)
            publish_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare_dump(rows)
            dump_times.append(time.perf_counter() - start)
        pdf_times = []
        meta = publications.metadata(publication)
        departments = documents.by_department(publications.published_items(publication))
        for _attempt in range(REPEAT):
            start = time.perf_counter()
            pdf.publication_pdfs(meta, departments)
            pdf_times.append(time.perf_counter() - start)
        return (
            statistics.median(publish_times),
            statistics.median(dump_times),
            statistics.median(pdf_times),
            publication.id,
        )


class Peaks:
    """The peak resident memory (VmHWM) of a process and of its children while the block runs, read
    from /proc every few milliseconds. Not ru_maxrss: on Linux a child that executes a new program
    keeps, as its own maximum, the size of the parent it was forked from."""

    def __init__(self, pid):
        self.pid, self.own_kb, self.children_kb, self._stop = str(pid), 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_exc):
        self._stop.set()
        self._thread.join()

    def _watch(self):
        while not self._stop.wait(0.01):
            for status in Path("/proc").glob("[0-9]*/status"):
                try:
                    fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
                    peak = int(fields["VmHWM"].split()[0])
                except (OSError, ValueError, KeyError):
                    continue  # gone meanwhile, or a kernel thread
                if status.parent.name == self.pid:
                    self.own_kb = max(self.own_kb, peak)
                elif fields["PPid"].strip() == self.pid:
                    self.children_kb = max(self.children_kb, peak)


def measure_large():
    """Publish 50,220 items once as a finance office's administrator would from the command line
    (``flask publish``: the product's own entry, so the children import what they would in service).
    Returns the seconds, that process's peak memory and the peak of the children writing the
    consolidated workbook and the PDFs."""
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{folder}/large.sqlite"
        app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "bench"})
        with app.app_context():
            upgrade()
            seed(LARGE_PER_DEPARTMENT)
        flask = str(Path(sys.executable).parent / "flask")
        command = [flask, "--app", "wsgi", "publish", "--region", "530000", "--campaign", "2017"]
        command += ["--document-number", "云财综〔2017〕1号", "--effective-date", "2017-09-01"]
        env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "bench"}
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with Peaks(process.pid) as peaks:
            output, errors = process.communicate()
        seconds = time.perf_counter() - start
        if process.returncode or b"id=" not in output:
            raise RuntimeError(f"flask publish failed:\n{errors.decode()}")
    return {"seconds": seconds, "peak_mb": peaks.own_kb / 1024, "child_peak_mb": peaks.children_kb / 1024}


def publish_apart(database) -> dict:
    """``measure_publish`` in a process started with ``python -c``, as the product's publishes run.
    A publication of 10,000 items or more is written by fresh children, which import the program's
    main module (multiprocessing's spawn): a gunicorn worker's or ``flask publish``'s is a few lines,
    where this script's imports the whole application, about 2 s of each child's start that no
    publish in service pays (2026-12-08, medians of three publishes: 10.5 and 11.1 s from this
    script, 8.4 and 9.3 s apart; the children's peak 202 MB from this script, 131 MB apart)."""
    code = "import json, sys\nfrom bench import publish_bench as b\nprint(json.dumps(b.publish_here(sys.argv[1])))"
    done = subprocess.run([sys.executable, "-c", code, database], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the publish could not be measured:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def publish_here(database) -> dict:
    """In the process ``publish_apart`` starts: the figures of ``measure_publish`` and its peaks."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "bench"})
    with Peaks(os.getpid()) as peaks:
        publish_time, dump_time, pdf_time, publication_id = measure_publish(app)
    return {
        "publish": publish_time,
        "dump": dump_time,
        "pdf": pdf_time,
        "publication": publication_id,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_peak_mb": peaks.children_kb / 1024,
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(module, env):
    port = free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen(
        # as deployed: the application's gunicorn settings (gevent workers, keep-alive), the same for every side
        [gunicorn, "-c", DEPLOYED, "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
        + [module],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{module} did not start")


def requests_per_second(url):
    subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", "-d1s", url], capture_output=True, check=True)  # warm up
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", url], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("Requests/sec"))
    if "Non-2xx" in output:
        raise RuntimeError(f"errors while loading {url}:\n{output}")
    return float(line.split()[1])


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed for the throughput ratios: apt-get install wrk")
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{folder}/bench.sqlite"
        app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "bench"})
        with app.app_context():
            upgrade()
        small = publish_apart(database)
        publish_time, dump_time, pdf_time = small["publish"], small["dump"], small["pdf"]
        publication_id, peak_mb, child_peak_mb = small["publication"], small["peak_mb"], small["child_peak_mb"]
        large = measure_large()
        env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "bench", "BENCH_PUBLICATION": str(publication_id)}
        rounds: dict[str, list[float]] = {}
        for _round in range(LOAD_ROUNDS):  # each side in turn, the medians compared
            for module, paths in (
                (
                    "wsgi:app",
                    {
                        "download": f"/publications/{publication_id}/download/xlsx",
                        "page": f"/publications/{publication_id}",
                    },
                ),
                ("bench.bare_app:app", {"bare": "/bytes", "hello": "/hello"}),
            ):
                process, port = serve(module, env)
                try:
                    for name, path in paths.items():
                        rounds.setdefault(name, []).append(requests_per_second(f"http://127.0.0.1:{port}{path}"))
                finally:
                    process.terminate()
                    process.wait(timeout=30)
        results = {name: statistics.median(measured) for name, measured in rounds.items()}
        print("rounds (requests/s):", {name: [round(r) for r in measured] for name, measured in rounds.items()})
    print(f"items={DEPARTMENTS * PER_DEPARTMENT} departments={DEPARTMENTS} (median of {REPEAT})")
    print(f"publish_seconds = {publish_time:.2f}  openpyxl_dump_seconds = {dump_time:.2f}")
    report("publish_vs_openpyxl_dump", publish_time / dump_time, at_most=4.0)
    print(f"pdf_seconds = {pdf_time:.2f} (the list's PDF and the 81 departments', alone, in one process)")
    report(
        "peak_memory_mb",
        peak_mb,
        digits=0,
        note=f"(the children writing the workbook and the PDFs: {child_peak_mb:.0f})",
        below=300,
    )
    items, large_items = DEPARTMENTS * PER_DEPARTMENT, DEPARTMENTS * LARGE_PER_DEPARTMENT
    print(f"large: items={large_items} publish_seconds = {large['seconds']:.2f}", end=" ")
    print(f"peak_memory_mb = {large['peak_mb']:.0f}")
    report("large_writer_peak_memory_mb", large["child_peak_mb"], digits=0, below=300)
    linearity = (large["seconds"] / large_items) / (publish_time / items)
    report("publish_seconds_per_item_large_vs_small", linearity, note="(1.0 is linear)", at_most=LINEAR)
    print(f"download_rps = {results['download']:.0f}  bare_bytes_rps = {results['bare']:.0f}")
    report("download_vs_bare_bytes", results["download"] / results["bare"], at_least=0.8)
    print(f"items_page_rps = {results['page']:.0f}  hello_rps = {results['hello']:.0f}")
    report("items_page_vs_hello", results["page"] / results["hello"], at_least=0.25)


if __name__ == "__main__":
    main()
