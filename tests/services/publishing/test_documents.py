"""The files of a publication, as its writer's children write them."""

from datetime import date

from catalogue.services.publishing import documents
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import approved
from tests.services.publishing.test_publications import publish

NOW = shanghai(date(2017, 7, 10), 10)


def test_fresh_children_write_the_files_forked_children_write(world, monkeypatch):
    """A large publication's workbook and PDFs come from new interpreters (Writer.FRESH_FROM): the
    bytes are those a forked child writes."""
    approved(world, world.clerk, world.civil, 3, NOW)
    approved(world, world.other_clerk, world.education, 2, NOW, prefix="A0102")
    publication = publish(world)
    meta, items = publishing.metadata(publication), publishing.published_items(publication)
    monkeypatch.setattr(documents.Writer, "FRESH_FROM", 0)
    fresh = documents.Writer(meta, items)
    monkeypatch.setattr(documents.Writer, "FRESH_FROM", 10**9)
    forked = documents.Writer(meta, items)
    assert fresh.children["xlsx"].result() == forked.children["xlsx"].result()
    pdfs = fresh.children["pdf"].result()
    assert pdfs == forked.children["pdf"].result() and len(pdfs) == 3 and pdfs[0].startswith(b"%PDF")
