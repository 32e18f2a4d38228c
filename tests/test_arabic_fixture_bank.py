"""The Arabic fixture bank still holds every case the code tests rely on.

The worksheet, Anki and CLI tests check each item of tests/fixtures/arabic generically; they prove
something about shadda, Latin words or quotes cut inside a word only while the fixture has them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.core.loader import load_bank
from quizgen.core.model import QUESTION_TYPES
from quizgen.text.joining import ZERO_WIDTH_JOINER, joiner_between
from quizgen.text.normalize import fold_for_evidence

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "arabic"
SHADDA = "\u0651"


@pytest.fixture(scope="module")
def bank():
    return load_bank(FIXTURE / "question_bank" / "arabic-fixture.yaml")


def printed_texts(question) -> list[str]:
    texts = [question.prompt, question.sentence, question.term, *question.answers]
    texts += [option.text for option in question.options] + list(question.items)
    texts += [pair.left for pair in question.pairs] + [pair.right for pair in question.pairs]
    return [text for text in texts if text]


def letters_before_quotes(bank) -> list[str]:
    """For each quote that starts inside a word of its passage, the letter just before it."""
    found = []
    for question in bank.questions:
        for quote in question.evidence:
            for passage_id in question.passages:
                text = fold_for_evidence(bank.passage(passage_id).text)
                start = text.find(fold_for_evidence(quote))
                if start > 0 and text[start - 1].isalpha():
                    found.append(text[start - 1])
    return found


def test_the_seed_is_a_frozen_copy_next_to_the_bank():
    assert (FIXTURE / "seeds" / "kazakhstan-turkey.ar.txt").is_file()


def test_every_type_is_there_with_more_than_one_item(bank):
    for kind in QUESTION_TYPES:
        assert sum(q.type == kind for q in bank.questions) >= 2, kind


def test_true_and_false_keys_and_items_citing_several_passages(bank):
    assert {q.answer for q in bank.questions if q.type == "true_false"} == {True, False}
    assert any(len(q.passages) > 1 for q in bank.questions)


def test_arabic_lines_hold_digits_latin_words_and_shadda(bank):
    lines = [text for question in bank.questions for text in printed_texts(question)]
    arabic = [line for line in lines if re.search("[\u0621-\u064a]", line)]
    assert any(re.search("[0-9]", line) for line in arabic)
    assert any(re.search("[A-Za-z]{2,}", line) for line in arabic)
    assert any("تفضّل" in line for line in arabic) and any(SHADDA in line for line in arabic)


def test_quotes_start_inside_words_after_joining_and_non_joining_letters(bank):
    letters = letters_before_quotes(bank)
    joined = [joiner_between(letter, "ب") == ZERO_WIDTH_JOINER for letter in letters]
    assert True in joined and False in joined
