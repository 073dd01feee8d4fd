"""Import preview speed against a plain openpyxl read of the same file, in the same run.

Builds a 5,000-row .xlsx catalogue, plans it against a catalogue of 2,500 existing items
(read, map, validate, account for every row, plan: the whole preview a clerk waits for) and
times a bare openpyxl read-only pass over the same file. Then the same for 5,000 rows split over
two sheets under a header of two rows with merged headings (and a title row), against openpyxl
reading both sheets. Prints import_preview_vs_openpyxl_read and
multi_sheet_preview_vs_openpyxl_read; the target is 0.5 or below for both. Every preview screens
its names afresh (the caches of core.negative_list.mentioned and core.resemblance.resembles are
emptied), as a new file's would be: the resemblance of names no rule reads costs 6 to 8 µs a
name, 0.03 to 0.04 s of a preview of 5,000 rows, shared by the plan and the reading child, which
screens the texts first (2026-12-07: ratios of 0.64 before, 0.57 with the names resembled while the
child screens, 0.55 shared). 2026-12-08, on a new machine: 0.52-0.58 (one sheet) and 0.52-0.60 (two
sheets) before; 0.49 / 0.47-0.48 in three runs with each sheet sent as soon as the child has parsed
it (the rows of the first read while it parses the second) and a rule whose triggers a text lacks
passed over without a call. This machine's runs move by a tenth: the preview uses both cores, the
openpyxl read one, so a neighbour taking a core weighs on the ratio. Later that day the machine
gave 0.54-0.56 (one sheet) and 0.53-0.55 (two sheets), to this code and to the code of the 0.49 runs
(85fd644) alike, three runs of each taken in turns: the day's machine, not a change, moved them.
Run: make bench (or .venv/bin/python bench/import_bench.py).
"""

import statistics
import sys
import tempfile
import time
from datetime import date
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade
from openpyxl import Workbook, load_workbook

from bench.goals import report
from catalogue import create_app
from catalogue.extensions import db
from catalogue.models import Campaign, Catalogue, Department, Item, TierDeadline, User
from catalogue.services.catalogues import importing
from catalogue.services.kernel import reference
from core import negative_list, resemblance

ROWS, EXISTING, REPEAT = 5000, 2500, 9
LEVEL1 = {
    "A": "基本公共服务",
    "B": "社会管理性服务",
    "C": "行业管理与协调性服务",
    "D": "技术性服务",
    "E": "政府履职所需辅助性事项",
    "F": "其他适宜由社会力量承担的服务事项",
}


def row(n):
    letter = "ABCDEF"[n % 6]
    return [
        f"{letter}{n // 100 % 100:02d}{n:05d}",
        LEVEL1[letter],
        f"二级目录{n // 100}",
        f"三级目录服务事项{n}",
        "",
        f"由社会力量承担的第{n}项服务，按规定程序购买。",
        "",
    ]


def build_two_sheet_workbook():
    """The same rows on two sheets, each under a two-row header with merged headings."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    half = ROWS // 2
    for title, numbers in (("省本级", range(half)), ("续表", range(half, ROWS))):
        sheet = workbook.create_sheet(title)
        sheet.append(["云南省省级政府购买服务指导性目录"])
        sheet.append(["目录编码", "目录名称", None, None, None, "服务内容说明", "备注"])
        sheet.append([None, "一级目录", "二级目录", "三级目录", "四级目录", None, None])
        for merged in ("A1:G1", "A2:A3", "B2:E2", "F2:F3", "G2:G3"):
            sheet.merge_cells(merged)
        for n in numbers:
            sheet.append(row(n))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_workbook():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["云南省省级政府购买服务指导性目录"])
    sheet.append(["编码", "一级目录", "二级目录", "三级目录", "四级目录", "说明", "备注"])
    for n in range(ROWS):
        sheet.append(row(n))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def seed():
    regions = reference.load_regions()
    schemes = reference.load_schemes()
    department = Department(code="530000007", name="云南省民政厅", region=regions["530000"])
    clerk = User(username="clerk", role="clerk", department=department, password_hash="x")
    campaign = Campaign(code="2027", name="2027", scheme=schemes["2014"], region=regions["530000"])
    campaign.deadlines = [
        TierDeadline(tier="province", due_date=date(2099, 1, 1)),
        TierDeadline(tier="prefecture", due_date=date(2099, 1, 1)),
    ]
    catalogue = Catalogue(campaign=campaign, department=department)
    nodes = {node.code: node for node in schemes["2014"].nodes}
    db.session.add_all([department, clerk, campaign, catalogue])
    db.session.flush()
    for n in range(0, EXISTING * 2, 2):  # half of the file's rows exist, some with other names
        values = row(n)
        db.session.add(
            Item(
                catalogue=catalogue,
                code=values[0],
                level1=nodes[values[0][0]],
                level2=values[2],
                level3=values[3] if n % 4 else values[3] + "（旧）",
                description=values[5],
                position=n,
            )
        )
    db.session.commit()
    return clerk, campaign, department


def _seconds(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def compared(function, baseline):
    """Median seconds of each, and the median of their ratios, timed in turns so that a change in
    the machine's speed during the run weighs on both alike."""
    pairs = [(_seconds(function), _seconds(baseline)) for _ in range(REPEAT)]
    ratio = statistics.median(ours / theirs for ours, theirs in pairs)
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs), ratio


def openpyxl_read(content):
    workbook = load_workbook(BytesIO(content), read_only=True)
    for sheet in workbook.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            pass
    workbook.close()


def main():
    content, two_sheets = build_workbook(), build_two_sheet_workbook()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite", "SECRET_KEY": "bench"})
        with app.test_request_context():
            upgrade()
            clerk, campaign, department = seed()

            def preview(data, sheets):
                # every preview screens its names afresh, as a new file's would be
                negative_list.mentioned.cache_clear()
                resemblance.resembles.cache_clear()
                plan, _ = importing.preview(clerk, campaign, department, content=data)
                assert len(plan.rows) == ROWS and not plan.has_errors, plan.errors[:3]
                assert sum(report.read for report in plan.sheets) == sheets
                given, rows = plan.accounted
                assert given == rows
                db.session.expire_all()

            preview(content, 1)  # warm up
            single = compared(lambda: preview(content, 1), lambda: openpyxl_read(content))
            multi = compared(lambda: preview(two_sheets, 2), lambda: openpyxl_read(two_sheets))
    print(f"rows={ROWS} existing={EXISTING} repeats={REPEAT} (medians; ratios of runs taken in turns)")
    print(f"import_preview_seconds = {single[0]:.3f}  openpyxl_read_only_seconds = {single[1]:.3f}")
    report("import_preview_vs_openpyxl_read", single[2], at_most=0.5)
    print(f"multi_sheet_preview_seconds = {multi[0]:.3f}  openpyxl_read_only_seconds = {multi[1]:.3f}")
    report("multi_sheet_preview_vs_openpyxl_read", multi[2], at_most=0.5)


if __name__ == "__main__":
    main()
