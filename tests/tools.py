"""Programs some tests use as a person would (LibreOffice to print a workbook, poppler to read a
PDF's pages): in CI (CI set) a missing one fails the run; elsewhere its tests are skipped, saying
what to install."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGES = {
    "soffice": "libreoffice-calc-nogui",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdffonts": "poppler-utils",
    "nginx": "nginx-light",
    "openssl": "openssl",
}


def require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        reason = f"{program} not found: apt-get install {PACKAGES[program]} poppler-data"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as poppler reads it."""
    text = subprocess.run(
        [require("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(name, embedded) of each font in the file, as poppler's pdffonts lists them."""
    listing = subprocess.run([require("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    return [(line.split()[0], line.split()[-5] == "yes") for line in listing.splitlines()[2:]]


def libreoffice_convert(files: list[Path], target: str, folder: Path, infilter: str | None = None) -> list[Path]:
    """Convert with LibreOffice as a person's double click would open the files; a profile of its own,
    so tests in parallel do not share one."""
    command = [require("soffice"), f"-env:UserInstallation=file://{folder / 'profile'}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(folder), *map(str, files)]
    done = subprocess.run(command, capture_output=True, timeout=180)
    if done.returncode:  # a new profile's first start may end so, converting nothing: asked once more
        done = subprocess.run(command, capture_output=True, timeout=180)
    assert done.returncode == 0, f"{command}: {done.stderr.decode(errors='replace')[-2000:]}"
    converted = [folder / f"{file.stem}.{target.split(':')[0]}" for file in files]
    assert all(path.exists() for path in converted), command
    return converted
