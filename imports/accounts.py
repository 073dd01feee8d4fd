"""A spreadsheet of accounts to create (user name, name, role, department or region, e-mail, phone),
read like a catalogue: any sheet with a recognisable header, every non-empty row accounted for. Pure;
the service checks each row by the same rules as the account form."""

from dataclasses import dataclass, field

from core.text import _l

from .errors import CellError, FileRejected
from .header import normalise_heading
from .read import read
from .records import _filled, text

ALIASES = {
    "username": ("用户名", "账号", "帐号", "登录名", "用户账号", "username", "user", "login"),
    "name": ("姓名", "名称", "使用人", "name"),
    "role": ("角色", "用户类型", "类型", "role"),
    "department": ("部门编码", "部门代码", "部门", "单位编码", "单位", "department"),
    "region": ("地区编码", "区划代码", "行政区划代码", "地区", "region"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail"),
    "phone": ("电话", "联系电话", "手机", "手机号", "phone"),
}
LOOKUP = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
ROLE_WORDS = {
    "clerk": ("clerk", "经办人", "部门经办人", "部门"),
    "finance": ("finance", "财政", "财政部门", "财政局", "财政厅"),
    "admin": ("admin", "管理员", "系统管理员"),
}
ROLE_OF = {word: role for role, words in ROLE_WORDS.items() for word in words}
HEADER_SCAN_ROWS = 10


@dataclass
class AccountRow:
    sheet: str
    row: int
    data: dict
    columns: dict = field(default_factory=dict)  # field -> 1-based column


@dataclass
class AccountSheet:
    rows: list = field(default_factory=list)  # AccountRow
    skipped: list = field(default_factory=list)  # (sheet, row, reason)
    sheets: list = field(default_factory=list)  # (name, read, reason)


def read_accounts(data) -> AccountSheet:
    """The account rows of every sheet with a header naming at least a user name and a role."""
    book, result = read(data), AccountSheet()
    for grid in book.sheets:
        header = _header(grid.rows)
        if grid.hidden or header is None:
            result.sheets.append((grid.sheet, False, _l("no table of accounts (no 用户名 and 角色 columns)")))
            continue
        index, columns = header
        result.sheets.append((grid.sheet, True, None))
        for number, row in enumerate(grid.rows, start=1):
            if not _filled(row):
                continue
            if number <= index + 1:
                result.skipped.append(
                    (grid.sheet, number, _l("column headings") if number == index + 1 else _l("title"))
                )
                continue
            values = dict.fromkeys(ALIASES, "")
            values.update({name: text(row[column]) if column < len(row) else "" for name, column in columns.items()})
            values["role"] = ROLE_OF.get(values.get("role", "").lower(), values.get("role", ""))
            result.rows.append(AccountRow(grid.sheet, number, values, {k: v + 1 for k, v in columns.items()}))
    if not any(read for _name, read, _reason in result.sheets):
        raise FileRejected(_l("No sheet has a table of accounts: the header needs 用户名 (user name) and 角色 (role)."))
    return result


def _header(rows):
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {}
        for column, value in enumerate(row):
            name = LOOKUP.get(normalise_heading(value))
            if name and name not in found:
                found[name] = column
        if "username" in found and "role" in found:
            return index, found
    return None


def cell_error(row: AccountRow, name: str, message) -> CellError:
    return CellError(row.sheet, row.row, row.columns.get(name), message)
