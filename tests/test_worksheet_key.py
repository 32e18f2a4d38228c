"""The answer key agrees with the bank and with the worksheet the students hold, version by version."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from external_tools import needs

from quizgen.core.loader import load_bank
from quizgen.core.select import Selection, select_questions
from quizgen.locale import locale_for
from quizgen.text.normalize import fold_for_evidence
from quizgen.worksheet.build import WorksheetOptions, build_worksheet

ARABIC = locale_for("ar")
ARABIC_BANK = Path(__file__).resolve().parent / "fixtures/arabic/question_bank/arabic-fixture.yaml"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
GRID_CELL = re.compile(r"(\d+)\. (.+?)(?=\s{2,}|$)")

pytestmark = needs("pdftotext")


def normalized(text: str) -> str:
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def pages_of(path: Path, *options: str) -> list[list[str]]:
    output = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [BIDI_CONTROLS.sub("", line) for line in page.splitlines()]
        for page in output.split("\f")[:-1]
    ]


def by_version(pages: list[list[str]]) -> dict[str, list[str]]:
    versions: dict[str, list[str]] = {}
    for lines in pages:
        letter = re.findall(ARABIC.version.format(letter="([A-Z]+)"), " ".join(lines))[-1]
        versions.setdefault(letter, []).extend(lines)
    return versions


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    bank = load_bank(ARABIC_BANK)
    selected = select_questions([bank], Selection(), count=24, seed="11")
    result = build_worksheet(selected, WorksheetOptions(versions=2, seed="11"))
    folder = tmp_path_factory.mktemp("key")
    (folder / "worksheet.pdf").write_bytes(result.worksheet)
    (folder / "key.pdf").write_bytes(result.answer_key)
    worksheet = by_version(pages_of(folder / "worksheet.pdf"))
    key_lines = by_version(pages_of(folder / "key.pdf", "-layout"))
    return bank, result, worksheet, key_lines


def region(lines: list[str], number: int) -> list[str]:
    """The worksheet lines of question `number`: from its number to the next question's."""
    lines = [normalized(line) for line in lines if normalized(line)]

    def opens(line: str, number: int) -> bool:
        return line == f"{number}." or line.startswith(f"{number}. ")

    start = next(index for index, line in enumerate(lines) if opens(line, number))
    following = (
        index for index, line in enumerate(lines) if index > start and opens(line, number + 1)
    )
    return lines[start : next(following, len(lines))]


def printed_letter(lines: list[str], text: str) -> str:
    """The letter the worksheet prints before `text` (which may wrap onto a second line)."""
    joined = " ".join(lines)
    found = [
        letter for letter in ARABIC.option_letters if f"{letter}) {normalized(text)}" in joined
    ]
    assert len(found) == 1, f"no single letter for {text!r}"
    return found[0]


def grid(key_lines: list[str]) -> dict[int, str]:
    """Number -> answer from the compact grid, the lines before the first detailed answer."""
    cells: dict[int, str] = {}
    for line in key_lines:
        if ARABIC.answer in line:
            break
        for number, answer in GRID_CELL.findall(line.strip()):
            cells.setdefault(int(number), answer.strip())
    return cells


def expected_grid_answer(question, lines: list[str]) -> str | None:
    """What the grid must say, worked out from the bank and the printed worksheet alone."""
    separator = ARABIC.list_separator
    if question.type in ("mcq", "multi"):
        correct = [
            printed_letter(lines, option.text) for option in question.options if option.correct
        ]
        return separator.join(sorted(correct, key=ARABIC.option_letters.index))
    if question.type == "true_false":
        return ARABIC.true if question.answer else ARABIC.false
    if question.type == "matching":
        return separator.join(printed_letter(lines, pair.right) for pair in question.pairs)
    if question.type == "ordering":
        joined = " ".join(lines)
        printed = sorted(question.items, key=lambda item: joined.index(normalized(item)))
        return separator.join(str(question.items.index(item) + 1) for item in printed)
    return None  # text answers are checked in the detailed part


def test_each_version_has_its_own_key_with_a_grid_entry_per_question(built):
    _, result, worksheet, key_lines = built
    assert sorted(key_lines) == sorted(worksheet) == ["A", "B"]
    for version in result.versions:
        cells = grid(key_lines[version.letter])
        assert sorted(cells) == [question.number for question in version.questions]


def test_grid_answers_match_the_bank_and_the_printed_letters(built):
    _, result, worksheet, key_lines = built
    checked = 0
    for version in result.versions:
        cells = grid(key_lines[version.letter])
        for version_question in version.questions:
            if version_question.question.type not in (
                "mcq",
                "multi",
                "true_false",
                "matching",
                "ordering",
            ):
                continue
            lines = region(worksheet[version.letter], version_question.number)
            expected = expected_grid_answer(version_question.question, lines)
            if expected is not None:
                assert cells[version_question.number] == expected, version_question.question.id
                checked += 1
    assert checked >= 10


def test_versions_letter_the_same_correct_answer_differently_somewhere(built):
    _, result, worksheet, key_lines = built
    first, second = result.versions
    numbers = {
        version.letter: {q.item.key: q.number for q in version.questions}
        for version in (first, second)
    }
    differing = 0
    for question in first.questions:
        if question.question.type != "mcq":
            continue
        correct = next(option.text for option in question.question.options if option.correct)
        letters = {
            printed_letter(region(worksheet[letter], numbers[letter][question.item.key]), correct)
            for letter in ("A", "B")
        }
        differing += len(letters) > 1
    assert differing


def test_details_give_the_answer_and_each_quote_with_its_passage_number(built):
    bank, result, _, key_lines = built
    for version in result.versions:
        lines = [normalized(line) for line in key_lines[version.letter]]
        text = " ".join(lines)
        for version_question in version.questions:
            question = version_question.question
            answers = {
                "short": question.answers[:1],
                "cloze": question.deletions,
                "vocab": (question.gloss,),
            }.get(question.type, ())
            for answer in answers:
                assert normalized(answer) in text, f"{question.id}: answer {answer!r} missing"
            for quote in question.evidence:
                passage = next(
                    bank.passage(p)
                    for p in question.passages
                    if fold_for_evidence(quote) in fold_for_evidence(bank.passage(p).text)
                )
                opening = " ".join(quote.split()[:4])
                label = f"{f'{ARABIC.passage_word} {passage.number}'}: «{opening}"
                assert any(label in line for line in lines), f"{question.id}: {label!r} missing"
