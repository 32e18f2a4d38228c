"""A left-to-right bank gets the same worksheet, laid out left to right with English labels."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from external_tools import needs

from quizgen.core.loader import load_bank
from quizgen.core.select import Selection, select_questions
from quizgen.locale import locale_for
from quizgen.worksheet.build import WorksheetOptions, build_worksheet

ENGLISH = locale_for("en")
FIXTURE = (
    Path(__file__).resolve().parent
    / "fixtures"
    / "worksheet"
    / "question_bank"
    / "harbour-museum.yaml"
)
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

pytestmark = needs("pdftotext")


def normalized(text: str) -> str:
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def text_of(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    bank = load_bank(FIXTURE)
    selected = select_questions([bank], Selection())
    built = build_worksheet(selected, WorksheetOptions(with_passages=True))
    folder = tmp_path_factory.mktemp("english")
    (folder / "worksheet.pdf").write_bytes(built.worksheet)
    (folder / "key.pdf").write_bytes(built.answer_key)
    return bank, selected, built, folder


def test_labels_are_english(english):
    _, _, built, folder = english
    text = normalized(text_of(folder / "worksheet.pdf"))
    for label in (ENGLISH.name, ENGLISH.class_, ENGLISH.date):
        assert f"{label}:" in text
    assert ENGLISH.page.format(page=1, pages=built.worksheet_pages) in text
    assert ENGLISH.version.format(letter="A") in text
    for kind, instruction in ENGLISH.instructions.items():
        heading = ENGLISH.type_name(kind)
        assert f"{heading} {instruction}" in text
    key = normalized(text_of(folder / "key.pdf"))
    assert f"{ENGLISH.answer_key} — {ENGLISH.version.format(letter='A')}" in key


def test_prompts_and_the_arabic_word_in_a_passage_read_back_in_order(english):
    bank, selected, _, folder = english
    text = normalized(text_of(folder / "worksheet.pdf"))
    for item in selected:
        prompt = item.question.prompt or item.question.term
        assert normalized(prompt) in text, item.question.id
    assert "the Arabic word قرفة (cinnamon) and how sailors" in text
    assert normalized(bank.passages[0].text) in text


def test_numbers_letters_and_boxes_stand_on_the_left(english):
    _, _, built, folder = english
    html = text_of(folder / "worksheet.pdf", "-bbox", "-f", "1", "-l", "1")
    words = [
        (float(x), float(y), BIDI_CONTROLS.sub("", word))
        for x, y, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</word>', html
        )
    ]
    question = next(q for q in built.versions[0].questions if q.question.type == "mcq")

    def first(text: str, y: float | None = None) -> tuple[float, float]:
        return next(
            (x, wy) for x, wy, word in words if word == text and (y is None or abs(wy - y) < 4)
        )

    number_x, number_y = first(f"{question.number}.")
    prompt_x, _ = first(question.question.prompt.split()[0], number_y)
    assert number_x < prompt_x
    letter_x, letter_y = first("A)")
    option_x, _ = first(question.options[0].text.split()[0], letter_y)
    assert letter_x < option_x


def test_key_letters_match_the_printed_options(english):
    _, _, built, folder = english
    worksheet = normalized(text_of(folder / "worksheet.pdf"))
    key = normalized(text_of(folder / "key.pdf"))
    for question in built.versions[0].questions:
        if question.question.type != "mcq":
            continue
        correct = next(option.text for option in question.question.options if option.correct)
        letter = next(
            letter for letter in ENGLISH.option_letters if f"{letter}) {correct}" in worksheet
        )
        assert f"{ENGLISH.answer}: {letter}) {correct}" in key
