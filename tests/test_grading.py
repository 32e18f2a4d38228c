"""Grading of typed answers: spelling and typing variants accepted, other facts rejected."""

from __future__ import annotations

import pytest

from quizgen.text.grading import (
    CORRECT,
    TYPO,
    WRONG,
    allowed_typos,
    edit_distance,
    grade_typed,
    grading_form,
)

ACCEPTED_EXACTLY = [
    # (typed, accepted answers)
    ("سلمى الخطيب", ["سلمى الخطيب"]),
    ("سَلْمَى الخَطِيب", ["سلمى الخطيب"]),  # harakat
    ("سلمـــى الخطيـب", ["سلمى الخطيب"]),  # tatweel
    ("سلمي الخطيب", ["سلمى الخطيب"]),  # alef maqsura typed as ya
    ("ﺳﻠﻤﻰ ﺍﻟﺨﻄﻴﺐ", ["سلمى الخطيب"]),  # presentation forms pasted from a PDF
    ("سلمى\u200f الخطيب\u200e", ["سلمى الخطيب"]),  # RLM, LRM
    ("\u200dتركيا\u2067", ["تركيا"]),  # ZWJ, an isolate
    ("  سلمى \t  الخطيب ", ["سلمى الخطيب"]),
    ("سلمى، الخطيب.", ["سلمى الخطيب"]),  # punctuation
    ("«متعددة التوجهات»", ["متعددة التوجهات"]),
    ("انقره", ["أنقرة"]),  # hamza seat and ta marbuta
    ("ايطاليا", ["إيطاليا"]),
    ("اذار 2021", ["آذار 2021"]),
    ("ٱلمنظمة", ["المنظمة"]),
    ("رءيس", ["رئيس"]),
    ("مءسس", ["مؤسس"]),
    ("قارىء", ["قارئ"]),  # hamza spelled after the ya
    ("شاطيء", ["شاطئ"]),
    ("شئ", ["شيء"]),
    ("مسئول", ["مسؤول"]),
    ("ترکیا", ["تركيا"]),  # Persian keyboard kaf and yeh
    ("١٩٪", ["19%"]),  # Arabic-Indic digits and percent sign
    ("۱۹%", ["19%"]),  # Persian digits
    ("19 %", ["19%"]),  # spaces ignored
    ("سلمىالخطيب", ["سلمى الخطيب"]),
    ("وتوكاييف", ["توكاييف"]),  # a leading conjunction
    ("والاستخبارات", ["الاستخبارات"]),
    ("خطيب", ["الخطيب"]),  # no article
    ("ولايات متحدة", ["الولايات المتحدة"]),  # و here is the word's own letter
    ("الولايات المتحدة الأميركية", ["الولايات المتحدة الأميركية"]),
    ("خطيب", ["سلمى الخطيب", "الخطيب"]),  # every accepted answer is tried
    ("University Students", ["university students"]),
]


@pytest.mark.parametrize(("typed", "accepted"), ACCEPTED_EXACTLY)
def test_variants_of_the_same_answer_are_correct(typed, accepted):
    grade = grade_typed(typed, accepted, "ar")
    assert grade.verdict == CORRECT
    assert grade.matched in accepted


FORGIVEN_TYPOS = [
    ("توكايف", ["توكاييف"]),  # one letter missing, 7 letters
    ("تكريا", ["تركيا"]),  # two neighbours swapped, 5 letters
    ("سلمى الخطب", ["سلمى الخطيب"]),
    ("قاسم جمارت توكايف", ["قاسم جومارت توكاييف"]),  # two slips in 17 letters
    ("19 في الميه", ["19 في المئة"]),
    ("kazakstan", ["Kazakhstan"]),
]


@pytest.mark.parametrize(("typed", "accepted"), FORGIVEN_TYPOS)
def test_near_misses_of_long_answers_are_forgiven_as_typos(typed, accepted):
    grade = grade_typed(typed, accepted, "ar")
    assert grade.verdict == TYPO
    assert grade.accepted and grade.matched == accepted[0]


REJECTED = [
    ("2020", ["2021"]),  # another year
    ("العام 2020", ["العام 2021"]),  # long enough for a typo, but the digits differ
    ("٢٠٢٠", ["2021"]),
    ("قارب", ["قارئ"]),  # four letters: a one-letter slip makes another word
    ("روسي", ["روس"]),
    ("تكاييب", ["توكاييف"]),  # two slips in seven letters
    ("بوتين", ["توكاييف"]),
    ("الرئيس بوتين", ["الرئيس توكاييف"]),
    ("", ["تركيا"]),
    ("،،؟", ["تركيا"]),
    ("ـــ", ["تركيا"]),
    ("Turkey", ["تركيا"]),
    ("20%", ["19%", "19 في المئة"]),
]


@pytest.mark.parametrize(("typed", "accepted"), REJECTED)
def test_other_answers_are_wrong(typed, accepted):
    grade = grade_typed(typed, accepted, "ar")
    assert grade.verdict == WRONG
    assert not grade.accepted and grade.matched == ""


def test_an_exact_match_wins_over_a_typo_match_of_an_earlier_answer():
    grade = grade_typed("توكاييف", ["توكاييفا", "توكاييف"], "ar")
    assert grade == grade_typed("توكاييف", ["توكاييف"], "ar")
    assert grade.matched == "توكاييف"


def test_grading_form_folds_what_a_reader_does_not_distinguish():
    assert grading_form("إِنَّ «المُنَظَّمَةَ» ٢٠٠٩!", "ar") == grading_form("ان المنظمه 2009", "ar")
    assert grading_form("ﻻ", "ar") == "لا"


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [("abc", "abc", 0), ("abc", "acb", 1), ("abc", "ab", 1), ("kitten", "sitting", 3)],
)
def test_edit_distance_counts_edits_and_swaps(first, second, distance):
    assert edit_distance(first, second, 5) == distance
    assert edit_distance(second, first, 5) == distance


def test_edit_distance_stops_past_the_limit():
    assert edit_distance("abcdefgh", "hgfedcba", 1) == 2


@pytest.mark.parametrize(
    ("answer", "typos"),
    [("روس", 0), ("قارئ", 0), ("تركيا", 1), ("19 في المئة", 1), ("الاستخبارات", 2)],
)
def test_typos_allowed_grow_with_the_number_of_letters(answer, typos):
    assert allowed_typos(grading_form(answer, "ar")) == typos
