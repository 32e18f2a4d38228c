"""Zero-width joiners keep Arabic letters joined where a highlight splits a word, and only there."""

from __future__ import annotations

import pytest

from quizgen.text.joining import ZERO_WIDTH_JOINER, joiner_between, wrap_joined


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("ل", "نفوذ", True),  # lam joins forward
        ("لِ", "نفوذ", True),  # a haraka on the letter does not change that
        ("و", "مدرعات", False),  # waw never joins the letter after it
        ("ا", "لإرهاب", False),  # nor does alef
        ("كازاخستان ", "تركيا", False),  # a space is a word boundary
        ("abc", "def", False),
        ("ل", "", False),
        ("", "نفوذ", False),
    ],
)
def test_joiner_only_inside_a_joined_word(before, after, joined):
    assert (joiner_between(before, after) == ZERO_WIDTH_JOINER) is joined


def test_wrap_joined_marks_both_sides_of_each_cut():
    wrapped = wrap_joined("لـ", "سلم", "ها", "<mark>", "</mark>")
    assert wrapped == "لـ\u200d<mark>\u200dسلم\u200d</mark>\u200dها"
    assert wrap_joined("ل", "نفوذ", "ها", "<mark>", "</mark>") == "ل\u200d<mark>\u200dنفوذ</mark>ها"
    assert wrap_joined("في ", "نفوذ", " روسيا", "<mark>", "</mark>") == "في <mark>نفوذ</mark> روسيا"
