"""A typeface per script: Spectral for Latin-script banks, Amiri for Arabic, both on a mixed page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import fontpkg_spectral
import pytest
from pypdf import PdfReader

from quizgen.core.loader import load_bank
from quizgen.core.select import Selection, select_questions
from quizgen.typesetting.fonts import latin_font_paths, load_fonts
from quizgen.worksheet.build import WorksheetOptions, build_worksheet

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ENGLISH_BANK = FIXTURES / "worksheet" / "question_bank" / "harbour-museum.yaml"
ARABIC_BANK = FIXTURES / "quiz" / "question_bank" / "library.ar.yaml"
# Latin-1 letters and Latin Extended-A (U+0149 ŉ is deprecated), typographic quotes and dashes.
LATIN_TEXT = (
    "".join(chr(code) for code in range(0xC0, 0x100) if chr(code).isalpha())
    + "".join(chr(code) for code in range(0x100, 0x180) if code != 0x149)
    + "éőłşœŒșț‘’“”«»–—…€"
)


def embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"]["/Font"]
        names.update(str(fonts[key].get_object()["/BaseFont"]).split("+")[1] for key in fonts)
    return names


def built(bank_path: Path, selection: Selection, with_passages: bool):
    bank = load_bank(bank_path)
    return build_worksheet(
        select_questions([bank], selection), WorksheetOptions(with_passages=with_passages)
    )


def test_an_english_worksheet_is_set_in_the_latin_face_only():
    # Passages 1 and 2 and their questions have no Arabic word.
    worksheet = built(ENGLISH_BANK, Selection(passages=frozenset({"p1", "p2"})), False)
    for pdf in (worksheet.worksheet, worksheet.answer_key):
        assert embedded_fonts(pdf) == {"Spectral-Regular", "Spectral-Bold"}


def test_an_arabic_worksheet_keeps_amiri():
    worksheet = built(ARABIC_BANK, Selection(), True)
    assert embedded_fonts(worksheet.worksheet) == {"Amiri-Regular", "Amiri-Bold"}


def test_a_mixed_page_sets_each_script_in_its_face():
    # Passage 3 quotes the Arabic word قرفة in an English sentence.
    worksheet = built(ENGLISH_BANK, Selection(), True)
    fonts = embedded_fonts(worksheet.worksheet)
    assert {"Spectral-Regular", "Spectral-Bold", "Amiri-Regular"} <= fonts
    assert worksheet.missing_characters == []


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_latin_face_covers_latin_extended_in_both_weights(language):
    fonts = load_fonts(None, language)
    for face in (fonts.regular, fonts.bold):
        assert [character for character in LATIN_TEXT if not face.covers(character)] == []


def test_the_latin_face_is_open_licensed():
    metadata = json.loads((Path(fontpkg_spectral.ROOT) / "metadata.json").read_text())
    assert metadata["license"] == "OFL-1.1"
    assert "SIL Open Font License" in (Path(fontpkg_spectral.ROOT) / "LICENSE").read_text()
    assert all(path.is_file() for path in latin_font_paths())
