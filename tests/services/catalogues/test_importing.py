"""Applying an import: the same gate as the form, all or nothing, only what was previewed."""

import hashlib
from datetime import date

import pytest

from catalogue.errors import DeadlinePassed, NotEditable, NotFound, Refused
from catalogue.extensions import db
from catalogue.models import AuditEvent, Item
from catalogue.services.catalogues import importing as imports
from catalogue.services.catalogues import workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items
from tests.imports.builders import HEADER, ROWS, xlsx

NOW = shanghai(date(2017, 7, 1), 10)
FILE = xlsx([HEADER, *ROWS])
DIGEST = hashlib.sha256(FILE).hexdigest()


def apply(world, content=FILE, version=0, mode="update", now=NOW, digest=None, plan_digest=None, confirm="all"):
    """Apply as the page does: with what the preview of ``mode`` showed, and its removals confirmed."""
    shown, _version = imports.preview(world.clerk, world.campaign, world.civil, content=content, mode=mode)
    return imports.apply(
        world.clerk,
        world.campaign,
        world.civil,
        content=content,
        expected_sha256=digest or hashlib.sha256(content).hexdigest(),
        expected_version=version,
        expected_digest=plan_digest or shown.digest,
        mode=mode,
        sheet=None,
        confirm_removed=len(shown.removed) if confirm == "all" else confirm,
        now=now,
    )


def codes(world):
    return [i.code for i in db.session.scalars(db.select(Item).order_by(Item.position))]


def test_apply_adds_the_rows_and_audits_them(world):
    apply(world)
    db.session.commit()
    assert codes(world) == ["A0101001", "A0101002", "B0101001"]
    actions = [e.action for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["create", "add_item", "add_item", "add_item", "import"]


def test_the_same_file_twice_is_no_change(world):
    apply(world)
    db.session.commit()
    plan, version = imports.preview(world.clerk, world.campaign, world.civil, content=FILE)
    assert not plan.has_changes and plan.totals["unchanged"] == 3
    with pytest.raises(Refused, match="No changes"):
        apply(world, version=version)


def test_changes_are_shown_old_to_new(world):
    apply(world)
    db.session.commit()
    changed = xlsx([HEADER, ["A0101001", "基本公共服务", "社会救助", "新名称", None, "核查服务", None], *ROWS[1:]])
    plan, _ = imports.preview(world.clerk, world.campaign, world.civil, content=changed)
    assert plan.rows[0].status == "changed" and plan.rows[0].changes == {
        "level3": ("困难群众救助对象核查服务", "新名称")
    }


def test_replace_removes_what_the_file_does_not_list(world):
    add_items(world.clerk, world.campaign, world.civil, 2, NOW)  # A0101001, A0101002 under other names
    catalogue_version = db.session.scalar(db.select(Item)).catalogue.version
    plan = apply(world, xlsx([HEADER, ROWS[2]]), version=catalogue_version, mode="replace")
    db.session.commit()
    assert plan.totals["removed"] == 2 and codes(world) == ["B0101001"]


def test_a_replace_needs_the_number_of_its_removals(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    for confirm in (None, "", "2", "一"):
        with pytest.raises(Refused, match="removes 1 items: type 1 to confirm"):
            apply(world, xlsx([HEADER, ROWS[2]]), version=item.catalogue.version, mode="replace", confirm=confirm)
    assert codes(world) == ["A0101001"]


def test_applying_another_mode_than_the_preview_showed_is_refused(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    shown, version = imports.preview(world.clerk, world.campaign, world.civil, content=FILE, mode="update")
    with pytest.raises(Refused, match="not what the preview showed"):
        apply(world, version=version, mode="replace", plan_digest=shown.digest, confirm=1)
    assert codes(world) == ["A0101001"]


def test_add_and_update_keeps_what_the_file_does_not_list(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    apply(world, xlsx([HEADER, ROWS[2]]), version=item.catalogue.version)
    assert codes(world) == ["A0101001", "B0101001"]


def test_a_file_with_errors_is_refused_and_nothing_is_written(world):
    bad = xlsx([HEADER, *ROWS, ["Z01", "不存在", "x", "y"]])
    with pytest.raises(Refused, match="errors"):
        apply(world, bad)
    db.session.rollback()
    assert codes(world) == []


def test_a_catalogue_changed_since_the_preview_asks_to_preview_again(world):
    plan, version = imports.preview(world.clerk, world.campaign, world.civil, content=FILE)
    add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    with pytest.raises(Refused, match="changed since the preview"):
        apply(world, version=version)


def test_a_different_file_asks_to_preview_again(world):
    with pytest.raises(Refused, match="not the file"):
        apply(world, digest="0" * 64)


def test_the_deadline_applies(world):
    with pytest.raises(DeadlinePassed):
        apply(world, now=shanghai(date(2017, 8, 1)))


def test_a_submitted_catalogue_cannot_be_imported_into(world):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=item.catalogue.version, now=NOW
    )
    with pytest.raises(NotEditable):
        apply(world, version=item.catalogue.version)


def test_another_departments_clerk_cannot_import(world):
    with pytest.raises(NotFound):
        imports.preview(world.other_clerk, world.campaign, world.civil, content=FILE)
    with pytest.raises(NotFound):
        imports.apply(
            world.other_clerk,
            world.campaign,
            world.civil,
            content=FILE,
            expected_sha256=DIGEST,
            expected_version=0,
            expected_digest="0" * 64,
            mode="update",
            sheet=None,
            confirm_removed=None,
            now=NOW,
        )


def test_uploads_are_private_to_their_owner(world):
    upload = imports.store_upload(world.clerk, world.campaign, world.civil, filename="a.xlsx", content=FILE, now=NOW)
    assert imports.get_upload(world.clerk, upload.id) is upload
    with pytest.raises(NotFound):
        imports.get_upload(world.other_clerk, upload.id)


def test_control_characters_in_the_file_name_are_dropped(world):
    upload = imports.store_upload(
        world.clerk, world.campaign, world.civil, filename="目录\x00.xlsx", content=FILE, now=NOW
    )
    db.session.commit()
    assert upload.filename == "目录.xlsx"


def _without(columns, rows=ROWS):
    """The test file without the named columns."""
    keep = [index for index, heading in enumerate(HEADER) if heading not in columns]
    return xlsx([[HEADER[i] for i in keep], *[[row[i] for i in keep] for row in rows]])


def test_a_column_the_file_lacks_leaves_that_field_as_it_is(world):
    apply(world)
    db.session.commit()
    item = db.session.scalar(db.select(Item).where(Item.code == "B0101001"))
    item.remarks = "手工填写的备注"
    db.session.commit()
    renamed = [[*row[:3], row[3] + "（修订）", *row[4:]] if row[0] == "B0101001" else row for row in ROWS]
    content = _without(("备注",), renamed)
    plan, version = imports.preview(world.clerk, world.campaign, world.civil, content=content)
    (changed,) = [row for row in plan.rows if row.status == "changed"]
    assert "remarks" not in changed.changes and changed.data["remarks"] == "手工填写的备注"
    assert [note.message for note in plan.absent] == ["No column for Remarks: the items the file updates keep theirs."]
    apply(world, content=content, version=version)
    assert item.remarks == "手工填写的备注" and item.level3.endswith("（修订）")


def test_a_replace_empties_what_the_file_lacks_and_says_so(world):
    apply(world)
    db.session.commit()
    plan, _version = imports.preview(
        world.clerk, world.campaign, world.civil, content=_without(("备注",)), mode="replace"
    )
    (changed,) = [row for row in plan.rows if row.status == "changed"]
    assert changed.changes == {"remarks": ("试点", "")} and changed.cleared == ["remarks"]
    assert "replacing empties them" in str(plan.absent[0].message)


def test_an_empty_cell_of_a_column_the_file_has_is_a_change_named_cleared(world):
    apply(world)
    db.session.commit()
    rows = [[*row[:6], None] if row[0] == "B0101001" else row for row in ROWS]
    plan, _version = imports.preview(world.clerk, world.campaign, world.civil, content=xlsx([HEADER, *rows]))
    (changed,) = [row for row in plan.rows if row.status == "changed"]
    assert changed.cleared == ["remarks"] and plan.absent == []
