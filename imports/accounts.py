"""A spreadsheet of accounts to create (user name, name, role, department and region, or one column
for either, e-mail, phone),
read like a catalogue: any sheet with a recognisable header, every non-empty row accounted for. Pure;
the service checks each row by the same rules as the account form."""

from core.text import _l

from .header import normalise_heading
from .tables import Table, TableRow, cell_error, read_table

ALIASES = {
    "username": ("用户名", "账号", "帐号", "登录名", "用户账号", "username", "user", "login"),
    "name": ("姓名", "名称", "使用人", "name"),
    "role": ("角色", "用户类型", "类型", "role"),
    "department": ("部门编码", "部门代码", "部门", "单位编码", "单位", "department"),
    "region": ("地区编码", "区划代码", "行政区划代码", "地区", "region"),
    # one column for either, as the account list shows it: a clerk's department, an office's region
    "scope": ("部门或地区", "部门或地区编码", "部门/地区", "单位或地区", "departmentorregion", "department/region"),
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
AccountRow = TableRow


def read_accounts(data) -> Table:
    """The account rows of every sheet with a header naming at least a user name and a role."""
    found = read_table(
        data,
        fields=tuple(ALIASES),
        heading=lambda value: LOOKUP.get(normalise_heading(value)),
        complete=lambda names: "username" in names and "role" in names,
        not_read=_l("no table of accounts (no 用户名 and 角色 columns)"),
        none_found=_l("No sheet has a table of accounts: the header needs 用户名 (user name) and 角色 (role)."),
    )
    for row in found.rows:
        row.data["role"] = ROLE_OF.get(row.data["role"].lower(), row.data["role"])
        _place_scope(row)
    return found


def _place_scope(row: TableRow) -> None:
    """A 部门或地区 cell is the department of a clerk and the region of a finance office (a column of
    its own, where there is one, comes first)."""
    written = row.data.pop("scope", "")
    column = row.columns.pop("scope", None)
    name = {"clerk": "department", "finance": "region"}.get(row.data["role"])
    if name is None or not written or row.data.get(name):
        return
    row.data[name] = written
    if column is not None:
        row.columns[name] = column


__all__ = ["AccountRow", "cell_error", "read_accounts"]
