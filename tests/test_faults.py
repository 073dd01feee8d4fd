"""A publishing process killed at any moment (kill -9, the OOM killer, gunicorn's timeout) leaves
nothing behind: no child process, no transaction holding locks, no half-written publication, and
the next publish works at once. A child killed under a live parent is a clear refusal."""

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select, text

from catalogue.clock import now
from catalogue.errors import Unavailable
from catalogue.extensions import db
from catalogue.models import Campaign, Publication, PublicationFile, PublishedItem, Region, User
from catalogue.services.publishing import publications as publishing
from catalogue.transaction import unit_of_work
from tests.conftest import shanghai
from tests.factories import approved, fetch

ROOT = Path(__file__).resolve().parent.parent
APPROVED_AT = shanghai(date(2017, 7, 1))

# Publishes as the finance office would, and stops for good at the moment named by argv[2]:
# "locked" (its transaction holds the publish lock), "child" (the child writing the consolidated
# workbook runs), "files" (items inserted, files being stored), "commit" (everything written, not
# yet committed).
PUBLISHER = """
import sys, time
from datetime import date
from sqlalchemy import select
from catalogue import create_app
from catalogue.clock import now
from catalogue.extensions import db
from catalogue.models import Campaign, Region, User
from catalogue.services.publishing import documents as publication_files
from catalogue.services.publishing import publications as publishing
from exports import publication as files

url, moment = sys.argv[1], sys.argv[2]

def stop(name):
    if name == moment:
        print("AT", name, flush=True)
        time.sleep(120)

def patched(function, name):
    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        stop(name)
        return result
    return wrapper

writer = files.xlsx_publication
def slow_writer(*args):
    stop("child")  # in the child: it stays alive while the parent is killed
    return writer(*args)

publishing._one_publisher_at_a_time = patched(publishing._one_publisher_at_a_time, "locked")
files.xlsx_publication = slow_writer
store = publication_files.Writer.store
def slow_store(self, publication, meta):
    stop("files")
    return store(self, publication, meta)
publication_files.Writer.store = slow_store

app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "fault"})
with app.app_context():
    finance = db.session.scalar(select(User).where(User.username == "finance-530000"))
    region = db.session.scalar(select(Region).where(Region.code == "530000"))
    campaign = db.session.scalar(select(Campaign).where(Campaign.code == "2017"))
    if moment == "child":
        import threading
        threading.Timer(0.5, lambda: print("AT child", flush=True)).start()
    publishing.publish(finance, region, campaign, title=None, document_number="云财综〔2017〕100号",
                       effective_date=date(2017, 9, 1), now=now())
    stop("commit")
    db.session.commit()
"""


def counts():
    db.session.expire_all()
    return [
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Publication, PublishedItem, PublicationFile)
    ]


def processes_marked(marker):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue
            if marker.encode() in environ:
                found.append(int(entry.name))
    return found


def eventually(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def idle_in_transaction():
    if db.engine.dialect.name != "postgresql":
        return 0
    with db.engine.connect() as connection:
        return connection.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()"
            )
        )


@pytest.mark.committed
@pytest.mark.parametrize("moment", ["locked", "child", "files", "commit"])
def test_a_publisher_killed_at_any_moment_leaves_nothing_behind(app, world, moment):
    approved(world, world.clerk, world.civil, 30, APPROVED_AT)
    approved(world, world.other_clerk, world.education, 30, APPROVED_AT, prefix="A0102")
    before = counts()
    db.session.remove()
    marker = f"CATALOGUE_FAULT_TEST={uuid.uuid4()}"
    url = db.engine.url.render_as_string(hide_password=False)
    publisher = subprocess.Popen(
        [sys.executable, "-c", PUBLISHER, url, moment],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, marker.split("=")[0]: marker.split("=")[1]},
    )
    try:
        line = publisher.stdout.readline()
        assert line.strip() == f"AT {moment}", line or publisher.stderr.read()
        if moment == "child":
            # the publisher and the workbook's child, both alive (the PDFs' child may have finished)
            assert len(processes_marked(marker)) in (2, 3)
        os.kill(publisher.pid, signal.SIGKILL)
        publisher.wait(timeout=10)
    finally:
        publisher.kill()
    assert eventually(lambda: not processes_marked(marker)), "a child survived its parent"
    assert eventually(lambda: idle_in_transaction() == 0), "a transaction stayed open"
    assert counts() == before
    started = time.monotonic()
    with unit_of_work():
        publication = publishing.publish(
            fetch(User, username="finance-530000"),
            fetch(Region, code="530000"),
            fetch(Campaign, code="2017"),
            title=None,
            document_number="云财综〔2017〕100号",
            effective_date=date(2017, 9, 1),
            now=now(),
        )
    assert publication.version == 1 and time.monotonic() - started < 5


def crashes(*_args):
    os.abort()


def test_a_child_that_dies_is_a_clear_refusal_and_writes_nothing(world, monkeypatch):
    approved(world, world.clerk, world.civil, 3, APPROVED_AT)
    monkeypatch.setattr(publishing.files, "xlsx_publication", crashes)
    with pytest.raises(Unavailable) as refusal:
        publishing.publish(
            world.finance,
            world.province,
            world.campaign,
            title=None,
            document_number="云财综〔2017〕100号",
            effective_date=date(2017, 9, 1),
            now=shanghai(date(2017, 8, 15)),
        )
    db.session.rollback()
    with force_locale("en"):
        assert refusal.value.status_code == 503 and "nothing was published" in str(refusal.value.message)
    assert counts() == [0, 0, 0]
