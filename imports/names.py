"""Level names as the scheme knows them: each distinct spelling of a level-1 or level-2 name in a sheet
read once, with a note for a local variant where it first appears."""

import difflib

from core.item_rules import official_name
from core.text import _l

from .errors import CellNote
from .records import LEVEL1_PREFIX, clean_name


class Names:
    """How the sheet's level names are read as the scheme's: each distinct spelling once, with a note
    for a local variant (基本公共服务类 is 基本公共服务) where it first appears."""

    def __init__(self, index, sheet):
        self.index, self.sheet = index, sheet
        self.level1_of, self.notes = {}, {}

    def level1(self, record):
        """The level-1 code for what ``record`` wrote (name, code, "A 名称", "一、名称"), or None."""
        written, code = record.data["level1"], record.data["code"]
        level1, official = self._level1_of(written, code)
        if official:
            self.note_variant(record, "level1", written, official)
        return level1

    def level1_code(self, record):
        """The level-1 code ``record`` names, without a note (for looking ahead)."""
        return self._level1_of(record.data["level1"], record.data["code"])[0]

    def _level1_of(self, written, code):
        key = (written, code[:1])
        if key not in self.level1_of:
            self.level1_of[key] = self._resolve_level1(written, code)
        return self.level1_of[key]

    def _resolve_level1(self, written, code):
        level1 = self.index.level1
        value = clean_name(written)
        if not value:
            letter = code[:1].upper()
            return (letter if letter in level1 else None), None
        if value.upper() in level1:
            return value.upper(), None
        prefixed = LEVEL1_PREFIX.match(value)
        if prefixed and prefixed.group(1).upper() in level1:
            return prefixed.group(1).upper(), None
        by_name = {name: code for code, name in level1.items()}
        if value in by_name:
            return by_name[value], None
        official = official_name(value, by_name)
        return (by_name[official], official) if official else (None, None)

    def level2(self, record, clean):
        """Take the official spelling of a level-2 name the scheme lists under the item's level 1."""
        names = [name for _code, name in self.index.children.get(clean["level1_code"], ())]
        if names and clean["level2"] not in names:
            official = official_name(clean["level2"], names)
            if official:
                self.note_variant(record, "level2", clean["level2"], official)
                clean["level2"] = official

    def note_variant(self, record, name, written, official):
        key = (name, written)
        if key in self.notes:
            self.notes[key][1] += 1
            return
        place = (record.sheet or self.sheet, record.row_of(name), record.columns.get(name))
        self.notes[key] = [place, 1, written, official]

    def cell_notes(self):
        return [
            CellNote(
                *place,
                _l(
                    "“%(written)s” was read as “%(official)s”, its official name (rows: %(count)d).",
                    written=written,
                    official=official,
                    count=count,
                ),
            )
            for place, count, written, official in self.notes.values()
        ]

    def level1_error(self, written, code):
        """Why ``written`` is no level-1 category, with the likeliest one: the category the row's code
        letter names before the most similar name (a row F… named 其他服务 is the F category)."""
        level1 = self.index.level1
        letter = code[:1].upper()
        if letter in level1:
            return _l(
                "Level-1 category “%(value)s” is not in this campaign's scheme; the code starts with "
                "%(letter)s: did you mean “%(suggestion)s”?",
                value=written,
                letter=letter,
                suggestion=level1[letter],
            )
        names = list(level1.values())
        close = difflib.get_close_matches(clean_name(written), names, n=1, cutoff=0.4)
        if close:
            return _l(
                "Level-1 category “%(value)s” is not in this campaign's scheme; did you mean “%(suggestion)s”?",
                value=written,
                suggestion=close[0],
            )
        return _l(
            "Level-1 category “%(value)s” is not in this campaign's scheme (%(names)s).",
            value=written,
            names="、".join(names),
        )
