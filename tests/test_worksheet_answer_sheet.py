"""`--answer-sheet`: a grid after each version, read back from the PDF; right to left for Arabic."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bank_builder import write_project
from external_tools import needs
from pypdf import PdfReader
from run_quizgen import quizgen

from quizgen.core.model import QUESTION_TYPES
from quizgen.worksheet.answer_sheet import SHEET_CELLS

REPOSITORY = Path(__file__).resolve().parent.parent
ENGLISH = REPOSITORY / "tests" / "fixtures" / "worksheet" / "question_bank" / "harbour-museum.yaml"


def needs_poppler(test):
    return needs("pdftotext")(needs("pdftoppm")(test))


BIDI_CONTROLS = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F)])


def page_text(pdf: Path, page: int) -> str:
    """The page as laid out, without the bidi controls pdftotext adds around numbers."""
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.translate(BIDI_CONTROLS)


def test_every_question_type_has_a_cell():
    assert set(SHEET_CELLS) == set(QUESTION_TYPES)


def test_one_sheet_follows_each_version(tmp_path):
    plain, with_sheet = tmp_path / "plain.pdf", tmp_path / "sheet.pdf"
    for path, extra in ((plain, []), (with_sheet, ["--answer-sheet"])):
        result = quizgen(
            "worksheet", str(ENGLISH), "-o", str(path), "--versions", "3", *extra, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
    assert len(PdfReader(with_sheet).pages) == len(PdfReader(plain).pages) + 3


@needs_poppler
def test_the_english_sheet_has_the_version_numbers_and_boxes(tmp_path):
    pdf = tmp_path / "sheet.pdf"
    result = quizgen("worksheet", str(ENGLISH), "-o", str(pdf), "--answer-sheet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = len(PdfReader(pdf).pages)
    text = page_text(pdf, pages)
    assert "Answer sheet — Version A" in text
    assert all(f"{number}." in text for number in range(1, 9))
    assert "True" in text and "False" in text
    first_row = next(line for line in text.splitlines() if "1." in line and "2." in line)
    assert first_row.index("1.") < first_row.index("2.")  # left to right


@needs_poppler
def test_the_arabic_sheet_reads_right_to_left(tmp_path):
    bank = write_project(tmp_path)
    pdf = tmp_path / "sheet.pdf"
    result = quizgen("worksheet", str(bank), "-o", str(pdf), "--answer-sheet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = len(PdfReader(pdf).pages)
    text = page_text(pdf, pages)
    assert "ورقة الإجابة" in text and "صح" in text and "خطأ" in text
    # -layout prints the page as seen: question 1 in the right-hand column, question 2 left of it.
    first_row = next(line for line in text.splitlines() if "1." in line and "2." in line)
    assert first_row.index("2.") < first_row.index("1.")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            str(pages),
            "-l",
            str(pages),
            str(pdf),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    assert list(tmp_path.glob("page*.png"))
