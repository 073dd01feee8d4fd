"""The schema is made by the migrations only, they match the models, and the database itself
refuses what the vocabularies do not know."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError

from catalogue.extensions import db
from catalogue.models import Campaign, Catalogue, Item, Publication, PublishedItem, Scheme, Submission
from catalogue.models.publication import include_object
from catalogue.services.catalogues import items, workflow
from catalogue.services.publishing import search
from tests.factories import CONTACT, add_items, approved, item_data, publish


def test_models_and_migrations_agree():
    with db.engine.connect() as connection:
        opts = {"compare_type": True, "include_object": include_object}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, db.metadata) == []


def test_the_database_refuses_an_unknown_catalogue_status(world, before_deadline):
    catalogue = items.add_item(
        world.clerk, world.campaign, world.civil, data=item_data(), now=before_deadline
    ).catalogue
    with pytest.raises(IntegrityError), db.session.begin_nested():
        db.session.execute(update(Catalogue).where(Catalogue.id == catalogue.id).values(status="published"))


@pytest.mark.committed
def test_the_status_check_goes_down_and_up_with_data_in_place(world, before_deadline):
    """On SQLite the table is rebuilt to add the check: the rows, and those that refer to them, stay."""
    items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=before_deadline)
    db.session.commit()
    db.session.remove()
    downgrade(revision="0003")
    upgrade()
    assert db.session.scalar(select(func.count()).select_from(Item)) == 1
    assert db.session.scalar(select(Catalogue.status)) == "draft"


@pytest.mark.committed
def test_a_database_of_the_landed_schema_upgrades_with_its_data(app):
    """Revision 0003 is what the product ran before campaigns had owners and publications snapshots."""
    db.session.remove()
    downgrade(revision="0003")
    with db.engine.begin() as connection:
        province = connection.execute(text("SELECT id, name FROM region WHERE code = '530000'")).one()
        scheme = connection.execute(text("SELECT id FROM scheme WHERE code = '2014'")).scalar()
        connection.execute(
            text(
                "INSERT INTO campaign (code, name, notice_number, scheme_id, created_at) "
                "VALUES ('2017', '2017年度', '', :scheme, '2016-12-01 02:00:00')"
            ),
            {"scheme": scheme},
        )
        campaign = connection.execute(text("SELECT id FROM campaign WHERE code = '2017'")).scalar()
        connection.execute(
            text(
                "INSERT INTO publication (region_id, campaign_id, version, title, document_number, effective_date, "
                "published_at, superseded, note, item_count, department_count) VALUES (:region, :campaign, 1, '目录', "
                "'云财综〔2017〕100号', '2017-09-01', '2017-08-15 02:00:00', :false, '', 0, 0)"
            ),
            {"region": province.id, "campaign": campaign, "false": False},
        )
        connection.execute(
            text(
                "INSERT INTO published_item (publication_id, number, department_code, department_name, code, "
                "level1_code, level1_name, level2, level3, level4, description, remarks) SELECT id, 1, '530000007', "
                "'云南省民政厅', 'A06001', 'A', '基本公共服务', '养老服务', '居家和社区养老服务', '', '', '' "
                "FROM publication"
            )
        )
    upgrade()
    campaign = db.session.scalar(select(Campaign))
    publication = db.session.scalar(select(Publication))
    assert campaign.region.code == "530000"
    assert (publication.region_name, publication.campaign_code, publication.tier) == (province.name, "2017", "province")
    assert (publication.department_code, publication.department_name) == ("", "")  # the region's list (0010)
    item = db.session.scalar(select(PublishedItem))
    assert publication.in_search and "养老" in item.search_grams.split()  # searched, by its words (0015)
    schemes = db.session.scalars(select(Scheme)).all()
    assert schemes and all(not s.is_edition and all(n.code for n in s.nodes) for s in schemes)  # official (0008)


@pytest.mark.committed
def test_submissions_kept_before_0021_are_seen_when_a_review_or_decision_followed(world, before_deadline):
    """One returned (seen), one withdrawn before anyone looked (unseen), the latest under review (seen)."""
    catalogue = add_items(world.clerk, world.campaign, world.civil, 1, before_deadline)[0].catalogue

    def submit():
        workflow.submit(
            world.clerk,
            world.campaign,
            world.civil,
            contact=CONTACT,
            expected_version=catalogue.version,
            now=before_deadline,
        )

    submit()
    workflow.return_catalogue(world.finance, catalogue, now=before_deadline, comment="请修改")
    submit()
    workflow.withdraw(world.clerk, catalogue, now=before_deadline)
    submit()
    workflow.begin_review(world.finance, catalogue, now=before_deadline)
    db.session.commit()
    db.session.remove()
    downgrade(revision="0020")
    upgrade()
    seen = db.session.execute(select(Submission.number, Submission.seen_at).order_by(Submission.number)).all()
    assert [(number, at is not None) for number, at in seen] == [(1, True), (2, False), (3, True)]


@pytest.mark.committed
def test_items_published_before_0029_are_searched_by_their_codes_beginnings(world, before_deadline):
    """Before 0029 a code was one search word; the migration gives every published item its words
    again, the code's beginnings among them, and the search finds the item by one."""
    approved(world, world.clerk, world.civil, 1, before_deadline)
    publish(world, effective=before_deadline.date(), now=before_deadline)
    code = db.session.scalar(select(PublishedItem.code))
    db.session.remove()
    downgrade(revision="0028")
    with db.engine.begin() as connection:
        connection.execute(update(PublishedItem).values(search_grams=code.lower()))  # a code was one word
    upgrade()
    assert code[:3].lower() in db.session.scalar(select(PublishedItem.search_grams)).split()
    assert [row.code for row in search.search(q=code[:3]).rows] == [code]
