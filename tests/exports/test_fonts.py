"""The PDFs' font: found, checked and embedded (poppler's pdffonts reads the files back)."""

import pytest

from exports import fonts
from exports.pdf import pdf_bytes, rows_of
from tests.exports.test_pdf import META, item
from tests.tools import pdf_fonts


def test_every_font_of_a_list_is_embedded(tmp_path):
    path = tmp_path / "list.pdf"
    path.write_bytes(pdf_bytes(META, rows_of([item(n) for n in range(1, 80)])))
    found = pdf_fonts(path)
    assert found and all(embedded for _name, embedded in found), found
    assert any("WenQuanYi" in name for name, _embedded in found)


def test_a_configured_font_that_is_missing_or_not_chinese_is_refused_saying_why(tmp_path):
    assert fonts.check(str(tmp_path / "none.ttf")) == f"PDF_FONT_FILE={tmp_path / 'none.ttf'}: no such file."
    text = tmp_path / "notes.ttf"
    text.write_text("not a font")
    assert "not a TrueType font" in fonts.check(str(text))
    latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian's fonts-dejavu-core, which Chromium brings
    assert fonts.check(latin) == f"PDF_FONT_FILE={latin}: has no Chinese characters (lacks 政府购买服务指导性目录)."


def test_without_a_truetype_chinese_font_the_standard_one_is_used_and_said(monkeypatch):
    monkeypatch.setattr(fonts, "KNOWN_FILES", ())
    assert not fonts.chinese_font().embedded
    assert "apt-get install fonts-wqy-microhei" in fonts.check()


@pytest.mark.parametrize("configured", ["", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"])
def test_debians_wenquanyi_is_found_or_named(configured):
    assert fonts.check(configured) is None and fonts.chinese_font(configured).embedded
