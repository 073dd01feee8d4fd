"""A tier catalogue (本级指导性目录) from a spreadsheet: its levels 1 to 3 and their codes, read from
the layouts the item importer reads. Pure, like the rest of ``imports``; the service stores it."""

import difflib
from dataclasses import dataclass, field

from core.item_rules import CODE_FORMAT_MESSAGE, CODE_PATTERN, official_name
from core.text import _l

from . import no_collections
from .errors import CellError, CellNote, FileRejected
from .names import Names
from .read import read
from .sheets import read_sheets


@dataclass
class EditionNode:
    level: int
    code: str  # "" where the file gives none
    name: str
    parent: tuple | None  # the parent's key: (level-1 code,) or (level-1 code, level-2 name)
    row: int

    @property
    def key(self):
        return (*self.parent, self.name) if self.parent else (self.code,)


@dataclass
class EditionPlan:
    sheet: str
    nodes: list = field(default_factory=list)  # EditionNode, parents before children, in file order
    errors: list = field(default_factory=list)  # CellError
    notes: list = field(default_factory=list)  # CellNote

    @property
    def has_errors(self):
        return bool(self.errors)

    def count(self, level):
        return sum(1 for node in self.nodes if node.level == level)


def plan_edition(data, base, sheet=None) -> EditionPlan:
    """Read ``data`` as a tier catalogue following ``base`` (a SchemeIndex); every row is a level-3
    node, a heading naming its group, a duplicate of a row above, or an error with its cell."""
    book = read(data, sheet)
    with no_collections():
        readers, _reports = read_sheets(book.sheets, book.names, sheet, None, base.level1.values())
        records = [record for reader in readers for record in reader.records]
        if not records:
            raise FileRejected(_l("The sheet has a header but no items under it."))
        headings = [record for reader in readers for record in reader.headings]
        return _Builder(base, readers[0].sheet, headings).build(records)


class _Builder:
    def __init__(self, base, sheet, headings):
        self.base, self.sheet = base, sheet
        self.names = Names(base, sheet)
        self.plan = EditionPlan(sheet)
        self.nodes = {}  # key -> EditionNode
        self.codes = {}  # code -> EditionNode
        self.level2_codes = {
            (record.data["code"][:1], record.data["level2"]): record.data["code"]
            for record in headings
            if record.data["level2"] and len(record.data["code"]) >= 2 and CODE_PATTERN.match(record.data["code"])
        }
        if base.edition:  # following an upper tier's catalogue: its level-2 codes, where the file gives none
            for level1, children in base.children.items():
                for code, name in children:
                    if code:
                        self.level2_codes.setdefault((level1, name), code)
        self.level4_noted = False

    def error(self, record, name, message):
        self.plan.errors.append(CellError(record.sheet, record.row_of(name), record.columns.get(name), message))

    def note(self, record, name, message):
        self.plan.notes.append(CellNote(record.sheet, record.row, record.columns.get(name), message))

    def build(self, records):
        for record in records:
            self.add(record)
        self.plan.notes[:0] = self.names.cell_notes()
        return self.plan

    def add(self, record):
        data = record.data
        code = data["code"].upper()
        level1 = self.names.level1(record)
        if level1 is None:
            if data["level1"]:
                self.error(record, "level1", self.names.level1_error(data["level1"], code))
            else:
                self.error(record, "level1", _l("Give the level-1 category (or a code starting with its letter)."))
            return
        for name, label in (("level2", _l("Level-2 name")), ("level3", _l("Level-3 name"))):
            if not data[name]:
                self.error(record, name, _l("%(field)s is required.", field=label))
        if not data["level2"] or not data["level3"]:
            return
        if data["level4"] and not self.level4_noted:
            self.level4_noted = True
            self.note(
                record,
                "level4",
                _l("Level-4 names are each department's own: the tier catalogue keeps levels 1 to 3 of the file."),
            )
        level2 = self._level2_name(record, level1)
        if self.base.edition:
            followed = self._followed(record, level1, level2, code)
            if followed is None:
                return
            code = followed
        if code and not self._code_ok(record, code, level1, level2):
            return
        self._node(1, level1, self.base.level1[level1], None, record)
        self._node(2, self.level2_codes.get((level1, level2), ""), level2, (level1,), record)
        key = (level1, level2, data["level3"])
        if key in self.nodes:
            first = self.nodes[key]
            if code and first.code and code != first.code:
                self.error(
                    record,
                    "code",
                    _l(
                        "%(name)s has the code %(code)s in row %(row)d.",
                        name=data["level3"],
                        code=first.code,
                        row=first.row,
                    ),
                )
            else:
                self.note(record, "level3", _l("The same node as row %(row)d.", row=first.row))
            return
        self._node(3, code, data["level3"], (level1, level2), record)

    def _level2_name(self, record, level1):
        """The file's level-2 name, or the base scheme's spelling of it."""
        written = record.data["level2"]
        names = [name for _code, name in self.base.children.get(level1, ())]
        if names and written not in names:
            official = official_name(written, names)
            if official is not None:
                self.names.note_variant(record, "level2", written, official)
                return official
        return written

    def _followed(self, record, level1, level2, code):
        """Against the upper tier's catalogue this one follows: its level-2 names bind (an error naming
        the closest), a level-3 name of this tier's own is noted, and where it gives the node a code the
        file's code is that one (taken when the file gives none). The code to use, or None on an error."""
        children = self.base.children.get(level1, ())
        if all(name != level2 for _code, name in children):
            closest = difflib.get_close_matches(level2, [name for _code, name in children], n=1, cutoff=0.4)
            message = _l(
                "“%(value)s” is not a level-2 name of %(scheme)s, which this catalogue follows.",
                value=level2,
                scheme=self.base.name,
            )
            if closest:
                message = _l("%(message)s The closest is %(name)s.", message=message, name=closest[0])
            self.error(record, "level2", message)
            return None
        leaves = self.base.level3.get((level1, level2), [])
        given = next((leaf_code for leaf_code, name in leaves if name == record.data["level3"]), None)
        if given is None:
            self.note(
                record,
                "level3",
                _l("Not in %(scheme)s: a level-3 service of this tier's own.", scheme=self.base.name),
            )
            return code
        if given and code and code != given:
            self.error(
                record,
                "code",
                _l(
                    "%(scheme)s gives %(name)s the code %(given)s: use it, or leave the code empty to take it.",
                    scheme=self.base.name,
                    name=record.data["level3"],
                    given=given,
                ),
            )
            return None
        if given and not code:
            self.note(record, "code", _l("Code %(code)s taken from %(scheme)s.", code=given, scheme=self.base.name))
        return given or code

    def _code_ok(self, record, code, level1, level2):
        if not CODE_PATTERN.match(code):
            self.error(record, "code", CODE_FORMAT_MESSAGE)
            return False
        if code[0] != level1:
            self.error(
                record,
                "code",
                _l(
                    "The code must start with %(letter)s, the code of the level-1 category %(name)s.",
                    letter=level1,
                    name=self.base.level1[level1],
                ),
            )
            return False
        prefix = self.level2_codes.get((level1, level2))
        if prefix and not code.startswith(prefix):
            self.error(
                record,
                "code",
                _l("The code must start with %(prefix)s, the code of %(name)s.", prefix=prefix, name=level2),
            )
            return False
        other = self.codes.get(code)
        if other is not None and other.key != (level1, level2, record.data["level3"]):
            self.error(
                record,
                "code",
                _l("Code %(code)s appears twice in the file (also row %(row)d).", code=code, row=other.row),
            )
            return False
        return True

    def _node(self, level, code, name, parent, record):
        node = EditionNode(level, code, name, parent, record.row)
        if node.key in self.nodes:
            return
        self.nodes[node.key] = node
        if code and level > 1:
            self.codes[code] = node
        self.plan.nodes.append(node)
