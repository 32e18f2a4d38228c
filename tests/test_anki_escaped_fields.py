"""Every field quizgen writes passes genanki's own scan for unescaped HTML.

quizgen's notes skip that scan while writing (it only warns, and costs a tenth of the write), on
the ground that fields are escaped bank text inside quizgen's markup; this checks the ground.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import genanki
import pytest

from quizgen.anki.fields import BankContext, note_content
from quizgen.core.loader import load_bank
from quizgen.core.model import Option, Pair

REPOSITORY = Path(__file__).resolve().parent.parent
BANKS = (
    REPOSITORY / "tests" / "fixtures" / "arabic" / "question_bank" / "arabic-fixture.yaml",
    REPOSITORY / "tests" / "fixtures" / "anki" / "question_bank" / "riverside-library.yaml",
)
# Text that looks like markup to a browser, and to genanki's scan when left unescaped.
MARKUP = "a <= b >= c, x <- y ->, < b>, <<x>> <b>bold</b> <img src=x onerror=alert(1)> & \"q\" 'r'"


def with_markup(question):
    """The question with markup-like text in every field a bank author writes freely."""
    return replace(
        question,
        prompt=f"{MARKUP} {question.prompt}" if question.prompt else "",
        explanation=MARKUP,
        options=tuple(
            Option(f"{MARKUP} {index}", option.correct)
            for index, option in enumerate(question.options)
        ),
        answers=tuple(f"{MARKUP} {index}" for index, _ in enumerate(question.answers)),
        pairs=tuple(
            Pair(f"{MARKUP} L{index}", f"{MARKUP} R{index}")
            for index, _ in enumerate(question.pairs)
        ),
        items=tuple(f"{MARKUP} {index}" for index, _ in enumerate(question.items)),
        gloss=MARKUP if question.gloss else "",
        definition=MARKUP if question.definition else "",
    )


def invalid_tags(fields: list[str]) -> list[str]:
    return [tag for field in fields for tag in genanki.Note._find_invalid_html_tags_in_field(field)]


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda path: path.stem)
def test_fields_have_no_tag_genanki_would_warn_about(bank_path):
    bank = load_bank(bank_path)
    context = BankContext.of(bank)
    for question in bank.questions:
        for variant in (question, with_markup(question)):
            fields = note_content(variant, context).fields
            assert invalid_tags(fields) == [], (question.id, fields)


def test_the_markup_sample_is_one_genanki_warns_about():
    assert invalid_tags([MARKUP])
