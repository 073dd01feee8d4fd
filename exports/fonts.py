"""The Chinese font the PDFs are set in, embedded in them so that every reader shows the same glyphs.

ReportLab embeds TrueType outlines only (a subset: the characters used), so the font must be a
TrueType file or collection: WenQuanYi Micro Hei (Debian: fonts-wqy-microhei) is the first choice,
other free TrueType Chinese fonts Debian packages are looked for after it. PDF_FONT_FILE names
another. Without any, the PDFs fall back to STSong-Light, Adobe's standard Chinese font, which
readers substitute and which is not embedded; a production server refuses to start that way
(catalogue/config.py).
"""

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

STANDARD = "STSong-Light"
KNOWN_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
PROBE = "政府购买服务指导性目录"  # a font that lacks these cannot set a list


class FontProblem(ValueError):
    """The configured font file cannot be used; the message says why, naming the file."""


@dataclass
class Font:
    """A registered font: its name for ReportLab, whether it is embedded, its widths as looked up."""

    name: str
    embedded: bool
    widths: dict[str, float] = field(default_factory=dict)

    def width(self, char: str, size: float) -> float:
        found = self.widths.get(char)
        if found is None:
            found = self.widths[char] = pdfmetrics.stringWidth(char, self.name, size)
        return found


_registered: dict[str, Font] = {}


def _load(path: Path) -> Font:
    name = f"Embedded-{path.stem}"
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except (OSError, TTFError) as error:
        raise FontProblem(f"{path}: not a TrueType font ReportLab can embed ({error})") from None
    missing = [char for char in PROBE if ord(char) not in font.face.charToGlyph]
    if missing:
        raise FontProblem(f"{path}: has no Chinese characters (lacks {''.join(missing)})")
    pdfmetrics.registerFont(font)
    return Font(name, embedded=True)


def find(configured: str = "") -> Path | None:
    """The font file to embed: ``configured`` if given (it must exist), else the first known one found."""
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise FontProblem(f"{configured}: no such file")
        return path
    return next((Path(known) for known in KNOWN_FILES if Path(known).is_file()), None)


def chinese_font(configured: str = "") -> Font:
    """The font for the PDFs, registered once per process: embedded when a file is found, else the standard one."""
    path = find(configured)
    key = str(path) if path else STANDARD
    if key not in _registered:
        if path is None:
            pdfmetrics.registerFont(UnicodeCIDFont(STANDARD))
            _registered[key] = Font(STANDARD, embedded=False)
        else:
            _registered[key] = _load(path)
    return _registered[key]


def check(configured: str = "") -> str | None:
    """Why the PDFs could not embed their font (a sentence for the person deploying), or None."""
    try:
        font = chinese_font(configured)
    except FontProblem as problem:
        return f"PDF_FONT_FILE={problem}."
    if not font.embedded:
        return (
            "no Chinese TrueType font to embed in the PDFs: install one (apt-get install fonts-wqy-microhei) "
            "or set PDF_FONT_FILE to a .ttf or .ttc file."
        )
    return None
