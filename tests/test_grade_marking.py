"""Marking single cells: the notation of docs/grading.md and its partial-credit rules, hand-worked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.core.model import QUESTION_TYPES
from quizgen.grade.answers import KeyedQuestion
from quizgen.grade.class_results import CHOICE_LISTS
from quizgen.grade.marking import MARKERS, UnreadableCell, mark
from quizgen.worksheet.answer_data import KEY_WRITERS


def keyed(kind: str, key, options=(), letters: str = "latin") -> KeyedQuestion:
    language = "ar" if letters == "arabic" else "en"
    return KeyedQuestion(1, "bank", "q1", kind, 1.0, "", tuple(options), key, letters, language)


def test_every_question_type_has_a_key_writer_a_marker_and_a_choice_list():
    for table in (KEY_WRITERS, MARKERS, CHOICE_LISTS):
        assert set(table) == set(QUESTION_TYPES)


@pytest.mark.parametrize("cell", ["B", "b", "ب", " b "])
def test_mcq_letters_in_either_script_and_case(cell):
    question = keyed("mcq", [1], options=[2, 0, 1])
    result = mark(question, cell)
    assert result.credit == 1.0 and result.choices == ("0",)  # printed b is bank option 0


def test_mcq_two_letters_is_wrong_not_unreadable():
    assert mark(keyed("mcq", [1], options=[0, 1, 2]), "AB").credit == 0.0


# 2 correct (a, c) and 3 wrong options: a right tick earns 1/2, a wrong tick costs 1/3.
@pytest.mark.parametrize(
    ("cell", "credit"),
    [
        ("AC", 1.0),
        ("A", 0.5),
        ("a, b", 0.5 - 1 / 3),
        ("ABC", 1 - 1 / 3),
        ("ABCDE", 0.0),  # ticking every option earns nothing
        ("BD", 0.0),  # floored at 0, not negative
        ("أ ج", 1.0),
        ("ا ج", 1.0),  # a bare alif for أ
    ],
)
def test_multi_right_minus_wrong(cell, credit):
    question = keyed("multi", [0, 2], options=[0, 1, 2, 3, 4])
    assert mark(question, cell).credit == pytest.approx(credit)


@pytest.mark.parametrize(
    ("cell", "credit"),
    [("T", 1.0), ("true", 1.0), ("صح", 1.0), ("ص", 1.0), ("F", 0.0), ("خطأ", 0.0)],
)
def test_true_false_words_and_initials(cell, credit):
    assert mark(keyed("true_false", True), cell).credit == credit


def test_matching_share_of_rows_and_empty_boxes():
    question = keyed("matching", [2, 0, 1])
    assert mark(question, "CAB").credit == 1.0
    assert mark(question, "ج أ ب").credit == 1.0
    assert mark(question, "CBA").credit == pytest.approx(1 / 3)
    assert mark(question, "C_B").credit == pytest.approx(2 / 3)
    with pytest.raises(UnreadableCell, match="2 letter"):
        mark(question, "CA")
    with pytest.raises(UnreadableCell, match="'CAD': this question has no letter 'D'"):
        mark(question, "CAD")


def test_ordering_share_of_items_in_their_rank():
    question = keyed("ordering", [3, 1, 2])
    assert mark(question, "312").credit == 1.0
    assert mark(question, "٣ ١ ٢").credit == 1.0
    assert mark(question, "3,2,1").credit == pytest.approx(1 / 3)
    assert mark(question, "123").credit == 0.0
    with pytest.raises(UnreadableCell, match="'4' is not a rank"):
        mark(question, "412")


def test_ordering_ranks_above_nine_need_separators():
    key = list(range(10, 0, -1))
    question = keyed("ordering", key)
    assert mark(question, " ".join(str(rank) for rank in key)).credit == 1.0


def test_typed_answers_use_the_fair_grader_and_flag_typos():
    question = keyed("short", ["قاسم جومارت توكاييف", "توكاييف"])
    assert mark(question, "توكاييف").credit == 1.0
    forgiven = mark(question, "قاسم جومارت توكايف")
    assert forgiven.credit == 1.0 and forgiven.typos == (
        ("قاسم جومارت توكايف", "قاسم جومارت توكاييف"),
    )
    assert mark(question, "بوتين").credit == 0.0
    assert mark(question, "+").credit == 1.0 and mark(question, "+").by_teacher
    assert mark(question, "-").credit == 0.0


def test_cloze_blanks_separated_by_bars():
    question = keyed("cloze", [["ship's bell"], ["1952"]])
    assert mark(question, "ship's bell|1952").credit == 1.0
    assert mark(question, "ship's bell|1953").credit == 0.5
    assert mark(question, "|1952").credit == 0.5
    with pytest.raises(UnreadableCell, match="1 blank"):
        mark(question, "ship's bell")


def test_empty_is_no_answer_and_unknown_letters_are_unreadable():
    question = keyed("mcq", [0], options=[0, 1, 2])
    assert not mark(question, "  ").answered
    with pytest.raises(UnreadableCell) as latin:
        mark(question, "D")
    assert latin.value.fix == "use A to C"
    with pytest.raises(UnreadableCell) as arabic:
        mark(keyed("mcq", [0], options=[0, 1, 2], letters="arabic"), "د")
    assert arabic.value.fix == "use أ to ج"
    with pytest.raises(UnreadableCell, match="not true or false"):
        mark(keyed("true_false", False), "maybe")


QUESTIONS = {
    "mcq": keyed("mcq", [1], options=[2, 0, 1, 3], letters="arabic"),
    "multi": keyed("multi", [0, 2], options=[0, 1, 2, 3]),
    "true_false": keyed("true_false", False),
    "short": keyed("short", ["توكاييف"]),
    "cloze": keyed("cloze", [["آسيا"], ["الوسطى"]]),
    "matching": keyed("matching", [2, 0, 1]),
    "ordering": keyed("ordering", [3, 1, 2]),
    "vocab": keyed("vocab", ["armoured vehicles"]),
}


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(sorted(QUESTIONS)), cell=st.text(max_size=30))
def test_any_cell_is_marked_or_reported_unreadable(kind, cell):
    try:
        result = mark(QUESTIONS[kind], cell)
    except UnreadableCell as unreadable:
        assert unreadable.message and unreadable.fix
        return
    assert 0.0 <= result.credit <= 1.0
    assert result.answered == bool(cell.strip())
