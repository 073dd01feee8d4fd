"""Compiles the translations into the wheel; everything else is declared in pyproject.toml.

The ``.mo`` files are generated, never committed: a checkout compiles them with ``make``, and a
wheel gets them here, so ``pip install <checkout>`` serves both languages.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("catalogue") / "translations"


class BuildWithTranslations(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout, where ``make translations`` compiles them
        for po_path in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
            target = Path(self.build_lib) / po_path.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po_path.open("rb") as source:
                catalog = read_po(source, locale=po_path.parts[-3])
            with target.open("wb") as output:
                write_mo(output, catalog, use_fuzzy=False)


setup(cmdclass={"build_py": BuildWithTranslations})
