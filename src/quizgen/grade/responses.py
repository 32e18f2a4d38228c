"""Reading the responses a teacher typed: `student,version,1,2,...`, one row per student.

Spreadsheets write UTF-8 with or without a byte-order mark, and separate cells with commas or,
in locales where the comma is the decimal mark, semicolons: both are accepted, sniffed from the
header line. A row's problems are collected with its row and column, never raised, so one bad
cell does not stop the class being marked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from quizgen.core.errors import QuizgenError
from quizgen.locale import ar, en

ARABIC_LETTERS, LATIN_LETTERS = ar.LOCALE.option_letters, en.LOCALE.option_letters

_ARABIC_VERSION_LETTERS = dict(zip(ARABIC_LETTERS, LATIN_LETTERS, strict=True)) | {
    "ا": "A",
    "ه": "E",
}


@dataclass(frozen=True)
class CellProblem:
    """Something a marker must look at, located as a spreadsheet shows it (row 1 is the header)."""

    row: int
    column: str
    message: str
    fix: str

    def located(self, file: str) -> str:
        return f"{file}: row {self.row}, column {self.column}: {self.message} ({self.fix})"


@dataclass(frozen=True)
class StudentRow:
    row: int
    student: str
    version: str
    cells: dict[int, str]  # question number -> the cell as typed, stripped


@dataclass(frozen=True)
class ClassResponses:
    numbers: tuple[int, ...]
    rows: tuple[StudentRow, ...]
    problems: tuple[CellProblem, ...]


def version_letter(cell: str) -> str:
    """Versions print as Latin capitals; a teacher typing in Arabic may write أ for A."""
    cell = cell.strip()
    return _ARABIC_VERSION_LETTERS.get(cell, cell.upper())


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_responses(path: Path) -> ClassResponses:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise QuizgenError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise QuizgenError(f"{path}: not UTF-8 text (save the spreadsheet as CSV UTF-8)") from None
    return parse_responses(text, str(path))


def parse_responses(text: str, name: str = "responses") -> ClassResponses:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise QuizgenError(f"{name}: empty (the first row is student,version,1,2,...)")
    table = list(csv.reader(io.StringIO(text), delimiter=_delimiter(lines[0])))
    header = [cell.strip().casefold() for cell in table[0]]
    while header and not header[-1]:
        header.pop()
    if header[:2] != ["student", "version"]:
        raise QuizgenError(
            f"{name}: row 1: the header must start with student,version "
            "(then the question numbers 1,2,...)"
        )
    numbers = []
    for column, cell in enumerate(header[2:], start=3):
        if not cell.isdigit() or int(cell) in numbers:
            raise QuizgenError(
                f"{name}: row 1, column {column}: '{cell}' is not a new question number "
                "(write the numbers as printed: 1,2,3,...)"
            )
        numbers.append(int(cell))
    rows, problems = [], []
    for row_number, cells in enumerate(table[1:], start=2):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        student = cells[0]
        version = version_letter(cells[1]) if len(cells) > 1 else ""
        extra = [cell for cell in cells[len(header) :] if cell]
        if extra:
            problems.append(
                CellProblem(
                    row_number,
                    str(len(header) + 1),
                    f"{len(extra)} cell(s) beyond the last question column",
                    "delete them or add the question numbers to the header",
                )
            )
        if not student:
            problems.append(
                CellProblem(row_number, "student", "no student name", "write the student's name")
            )
            continue
        answers = {
            number: (cells[index] if index < len(cells) else "")
            for index, number in enumerate(numbers, start=2)
        }
        rows.append(StudentRow(row_number, student, version, answers))
    return ClassResponses(tuple(numbers), tuple(rows), tuple(problems))
