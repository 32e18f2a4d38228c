"""Line breaking in logical order, measured on shaped widths."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.text.linebreak import break_lines, grapheme_clusters
from quizgen.text.shaping import Shaper
from quizgen.typesetting.fonts import default_font_paths

SHAPER = Shaper(default_font_paths()[0].read_bytes(), "ar")

PASSAGE = (
    "في العام 2021، اشترت كازاخستان طائرات بلا طيار ومدرعات من تركيا المنتسبة إلى حلف الناتو. "
    "وفي 7 كانون الأول 2021، عقدت وزارة الدفاع الكازاخستانية اتفاقاً مدته خمس سنوات للتعاون "
    "عسكرياً مع الولايات المتحدة (بحسب صحيفة Le Monde)، أي نحو 19% من صفقاتها."
)


def shaped_width(rtl: bool):
    return lambda text: SHAPER.line_advance(text, rtl) * 11.5 / SHAPER.units_per_em


def test_arabic_lines_come_in_logical_order_and_keep_every_word():
    measure = shaped_width(True)
    lines = break_lines(PASSAGE, 200, measure)
    assert len(lines) > 3
    assert " ".join(lines).split() == PASSAGE.split()
    assert lines[0].startswith("في العام 2021،")
    assert all(measure(line) <= 200 for line in lines)


def test_lines_are_filled_greedily():
    measure = shaped_width(True)
    lines = break_lines(PASSAGE, 200, measure)
    for line, following in zip(lines, lines[1:], strict=False):
        assert measure(f"{line} {following.split()[0]}") > 200


def test_newlines_always_break_and_empty_paragraphs_stay():
    lines = break_lines("أ) الأول\nب) الثاني\n\nج)", 1000, shaped_width(True))
    assert lines == ["أ) الأول", "ب) الثاني", "", "ج)"]


def test_no_break_space_holds_its_neighbours_together():
    text = "كلمة " + "(1)\u00a0______" + " أخرى"
    width = shaped_width(True)("(1)\u00a0______") + 1
    lines = break_lines(text, width, shaped_width(True))
    assert "(1)\u00a0______" in lines


def test_a_word_wider_than_the_line_is_cut_between_letters_with_their_harakat():
    word = "تَفَضَّلُوا" * 4
    measure = shaped_width(True)
    lines = break_lines(word, 40, measure)
    assert len(lines) > 1
    assert "".join(lines) == word
    for line in lines:
        assert line[0] not in "\u064e\u0650\u064f\u0651"  # no line starts with a lone mark


def test_grapheme_clusters_keep_marks_with_their_letter():
    assert grapheme_clusters("تفضّل") == ["ت", "ف", "ضّ", "ل"]
    assert grapheme_clusters("café") == list("café")


def test_latin_words_and_numbers_break_like_words():
    text = "Le Monde 2022 19% (Paris) «citation»"
    lines = break_lines(text, 60, shaped_width(False))
    assert " ".join(lines) == text
    assert "Le" in lines[0]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["كازاخستان", "في", "2021،", "Le", "Monde", "(19%)", "«نعم»", "تفضّل"]),
        min_size=1,
        max_size=40,
    ),
    st.floats(min_value=30, max_value=400),
)
def test_every_word_survives_in_order_for_any_width(words, width):
    text = " ".join(words)
    measure = shaped_width(True)
    lines = break_lines(text, width, measure)
    if all(measure(word) <= width for word in words):
        assert " ".join(lines) == text
    else:  # over-long words are cut, never lost
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        if " " in line:
            assert measure(line) <= width
