"""Reading what a learner types: labels and numbers in both scripts, true/false, sequences."""

from __future__ import annotations

import pytest

from quizgen.quiz.answers import (
    PASSAGE,
    QUIT,
    SKIP,
    command,
    parse_choice,
    parse_choices,
    parse_sequence,
    parse_true_false,
)


@pytest.mark.parametrize(
    ("typed", "position"),
    [
        ("1", 0),
        ("أ", 0),
        ("ا", 0),  # without the hamza
        ("ب", 1),
        ("٢", 1),  # Arabic-Indic digit
        ("۲", 1),  # Persian digit
        ("b", 1),  # Latin letters work in any bank
        ("B", 1),
        (" ج ", 2),
        ("هـ", 4),
        ("ه", 4),
    ],
)
def test_one_choice_by_letter_or_number(typed, position):
    assert parse_choice(typed, 5) == position


@pytest.mark.parametrize("typed", ["6", "0", "و", "f", "1 2", "ص", "", "12"])
def test_unreadable_single_choices_are_refused(typed):
    assert parse_choice(typed, 5) is None


@pytest.mark.parametrize("typed", ["1 3", "1,3", "أ،ج", "أ ج", "اج", "ac", "13", "3 1 1"])
def test_several_choices_in_any_notation(typed):
    assert parse_choices(typed, 5) == {0, 2}


@pytest.mark.parametrize("typed", ["1 9", "x", ""])
def test_unreadable_choices_are_refused(typed):
    assert parse_choices(typed, 5) is None


@pytest.mark.parametrize("typed", ["2 1 3", "ب أ ج", "213", "b a c", "2-1-3", "ب، أ، ج"])
def test_a_sequence_by_letters_or_numbers(typed):
    assert parse_sequence(typed, 3) == (1, 0, 2)


@pytest.mark.parametrize("typed", ["2 1", "1 1 3", "1 2 3 4", "2 1 x"])
def test_a_sequence_must_use_every_label_once(typed):
    assert parse_sequence(typed, 3) is None


def test_ten_items_need_separators_between_numbers():
    assert parse_sequence("10 1 2 3 4 5 6 7 8 9", 10) == (9, 0, 1, 2, 3, 4, 5, 6, 7, 8)


@pytest.mark.parametrize(
    "typed",
    ["ص", "صح", "صَحّ", "صحيح", "t", "T", "true", "1", "١", "نعم", "yes", "v", "Vrai", "oui"],
)
def test_true_in_any_language(typed):
    assert parse_true_false(typed) is True


@pytest.mark.parametrize(
    "typed", ["خ", "خطأ", "خطا", "خاطئ", "f", "False", "2", "لا", "no", "Faux", "non"]
)
def test_false_in_any_language(typed):
    assert parse_true_false(typed) is False


@pytest.mark.parametrize("typed", ["", "3", "ربما", "tf"])
def test_neither_true_nor_false(typed):
    assert parse_true_false(typed) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("?", PASSAGE), ("؟", PASSAGE), ("s", SKIP), ("S", SKIP), ("س", SKIP)]
    + [(" q ", QUIT), ("ق", QUIT), ("qq", None), ("a", None)],
)
def test_commands(typed, expected):
    assert command(typed) == expected
