"""A publication's files, written once when it is published and stored with their SHA-256: xlsx,
csv, json and pdf, for the whole list and for each department's part."""

import hashlib
from collections import defaultdict

from flask_babel import lazy_gettext as _l

from core.characters import header_safe
from core.isolation import Child, ChildFailed
from exports import pdf
from exports import publication as files

from ...errors import Unavailable
from ...extensions import db
from ...models import Publication, PublicationFile


def by_department(items: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """[(code, name, items)] in publication order."""
    groups = defaultdict(list)
    for item in items:
        groups[(item["department_code"], item["department_name"])].append(item)
    return [(code, name, group) for (code, name), group in groups.items()]


class Writer:
    """Writes the files of a publication about to be recorded.

    Performance: the two largest jobs, the consolidated workbook and the PDFs, are written by
    children on the other core while this process records the publication and writes the rest. A
    forked child starts as large as its parent, which holds the items and whatever it served before;
    from FRESH_FROM items on, the children are fresh interpreters sent the items, so their memory is
    the job's alone (50,220 items: 294 MB forked from ``flask publish``, 239 MB fresh; more saved
    from a worker that has served for a while), for about a third of a second to start them.
    """

    FRESH_FROM = 10_000

    def __init__(self, meta: dict, items: list[dict], font_file: str = ""):
        self.meta, self.items = meta, items
        self.departments = by_department(items)
        sheets = [(name, group) for _code, name, group in self.departments]
        fresh = len(items) >= self.FRESH_FROM
        self.children = {
            "xlsx": Child(files.xlsx_publication, (meta, sheets), memory_limit=False, fresh=fresh),
            "pdf": Child(pdf.publication_pdfs, (meta, self.departments, font_file), memory_limit=False, fresh=fresh),
        }

    def cancel(self) -> None:
        for child in self.children.values():
            child.cancel()

    def store(self, publication: Publication, meta: dict) -> None:
        """Add the files to the session; ``meta`` as the publication has it now that it is flushed."""
        items, title = self.items, publication.title
        stored = [
            ("", "", "csv", f"{title}.csv", files.csv_bytes(items)),
            ("", "", "json", f"{title}.json", files.json_bytes(meta, items)),
        ]
        for code, name, group in self.departments:
            part, own = files.department_part(meta, code, name, group)
            stored += [
                (code, name, "xlsx", f"{name}-{title}.xlsx", files.xlsx_department(part, name, own)),
                (code, name, "csv", f"{name}-{title}.csv", files.csv_bytes(own)),
                (code, name, "json", f"{name}-{title}.json", files.json_bytes(part, own)),
            ]
        try:
            stored.insert(0, ("", "", "xlsx", f"{title}.xlsx", self.children["xlsx"].result()))
            documents = self.children["pdf"].result()
        except ChildFailed as error:
            self.cancel()
            raise Unavailable(_l("The files could not be written, so nothing was published. Publish again.")) from error
        stored.append(("", "", "pdf", f"{title}.pdf", documents[0]))
        for (code, name, _group), content in zip(self.departments, documents[1:], strict=True):
            stored.append((code, name, "pdf", f"{name}-{title}.pdf", content))
        for code, name, fmt, filename, content in stored:
            db.session.add(
                PublicationFile(
                    publication=publication,
                    department_code=code,
                    department_name=name,
                    format=fmt,
                    filename=header_safe(filename),
                    content=content,
                    size=len(content),
                    sha256=hashlib.sha256(content).hexdigest(),
                )
            )
