"""Preparation steps for bench/run.py, run in their own processes.

The benchmark's parent process must stay small: a child inherits its parent's peak resident size at
fork, so preparing a 100,000-item bank in the parent would inflate every later peak-memory figure.

  prepare.py bank SIZE FOLDER               a synthetic bank; prints its path
  prepare.py long-article REPEATS FOLDER    the long article with one question; prints its path
  prepare.py shaped-lines TARGET PDF...     the PDFs' lines shaped and in display order, as JSON
  prepare.py pages PDF...                   the total number of pages
  prepare.py class ITEMS STUDENTS FOLDER    answer data of 4 versions and a class's responses CSV;
                                            prints the two paths
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from synthetic_bank import write_long_article_project, write_synthetic_project


def shaped_lines(target: Path, pdfs: list[Path]) -> str:
    """Pages of lines for the plain-ReportLab baseline; empty when pdftotext is missing."""
    import arabic_reshaper

    from quizgen.text.bidi import display_string

    if not shutil.which("pdftotext"):
        return ""
    pages = []
    for pdf in pdfs:
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        for page in text.split("\f"):
            lines = [
                line.strip().translate({0x200E: None, 0x200F: None}) for line in page.splitlines()
            ]
            lines = [display_string(arabic_reshaper.reshape(line), True) for line in lines if line]
            if lines:
                pages.append(lines)
    target.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return str(target)


def page_total(pdfs: list[Path]) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(pdf).pages) for pdf in pdfs)


LETTERS = "ABCDEFGH"


def _other_letter(question: dict, rng) -> str:
    return rng.choice(LETTERS[: len(question["options"])])


def _shuffled_letters(question: dict, rng) -> str:
    shuffled = list(question["key"])
    rng.shuffle(shuffled)
    return "".join(LETTERS[position] for position in shuffled)


def _shuffled_ranks(question: dict, rng) -> str:
    shuffled = list(question["key"])
    rng.shuffle(shuffled)
    return " ".join(str(rank) for rank in shuffled)


def _opposite(question: dict, rng) -> str:
    return "F" if question["key"] else "T"


def _wrong_blanks(question: dict, rng) -> str:
    return "|".join("x" for _ in question["key"])


def _wrong_text(question: dict, rng) -> str:
    return "x"


WRONG_RESPONSES = {
    "mcq": _other_letter,
    "multi": _other_letter,
    "true_false": _opposite,
    "short": _wrong_text,
    "cloze": _wrong_blanks,
    "matching": _shuffled_letters,
    "ordering": _shuffled_ranks,
    "vocab": _wrong_text,
}


def _response(question: dict, rng) -> str:
    """Right with a chance of 0.6, otherwise another readable response of the question's shape."""
    if rng.random() < 0.6:
        return question["response"]
    return WRONG_RESPONSES[question["type"]](question, rng)


def class_responses(items: int, students: int, folder: Path) -> str:
    """A synthetic bank's worksheet answer data and responses for a class with random answers."""
    import csv
    import random

    bank = write_synthetic_project(folder, items)
    answers = folder / "answers.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "quizgen",
            "worksheet",
            str(bank),
            "-o",
            str(folder / "sheet.pdf"),
            "--versions",
            "4",
            "--answers-out",
            str(answers),
        ],
        check=True,
        capture_output=True,
    )
    versions = json.loads(answers.read_text(encoding="utf-8"))["versions"]
    rng = random.Random(1000)
    responses = folder / "responses.csv"
    with responses.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        count = len(versions[0]["questions"])
        writer.writerow(["student", "version"] + [str(n) for n in range(1, count + 1)])
        for index in range(students):
            version = versions[index % len(versions)]
            writer.writerow(
                [f"student {index + 1}", version["version"]]
                + [_response(question, rng) for question in version["questions"]]
            )
    return f"{answers} {responses}"


def main(arguments: list[str]) -> str:
    step, *rest = arguments
    if step == "bank":
        return str(write_synthetic_project(Path(rest[1]), int(rest[0])))
    if step == "long-article":
        return str(write_long_article_project(Path(rest[1]), int(rest[0])))
    if step == "shaped-lines":
        return shaped_lines(Path(rest[0]), [Path(pdf) for pdf in rest[1:]])
    if step == "class":
        return class_responses(int(rest[0]), int(rest[1]), Path(rest[2]))
    if step == "pages":
        return str(page_total([Path(pdf) for pdf in rest]))
    raise SystemExit(__doc__)


if __name__ == "__main__":
    print(main(sys.argv[1:]))
