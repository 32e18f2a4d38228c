"""HarfBuzz shaping per bidi run: joining, marks, ligatures, mirrored brackets, mixed lines."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.text.bidi import visual_runs
from quizgen.text.shaping import Shaper
from quizgen.typesetting.fonts import default_font_paths

REGULAR, _ = default_font_paths()
SHAPER = Shaper(REGULAR.read_bytes(), "ar")


def glyph_ids(text: str, rtl: bool) -> list[int]:
    return list(SHAPER.shape(text, rtl).ids)


def test_arabic_letters_take_joined_forms():
    isolated = [glyph_ids(letter, True)[0] for letter in "كتب"]
    joined = glyph_ids("كتب", True)
    assert len(joined) == 3
    # Visual order is left to right, so the word's first letter is the last glyph.
    assert joined[::-1] != isolated


def test_right_to_left_glyphs_come_in_visual_order():
    assert SHAPER.shape("كتب", True).clusters == (2, 1, 0)


def test_shadda_sits_on_its_letter_without_advancing():
    word = "تفضّل"
    run = SHAPER.shape(word, True)
    assert len(run.ids) == len(word)
    letter = word.index("\u0651") - 1  # the shadda joins its letter's cluster
    marks = [
        index
        for index, (cluster, advance) in enumerate(zip(run.clusters, run.x_advances, strict=True))
        if cluster == letter and advance == 0
    ]
    assert len(marks) == 1
    assert run.x_offsets[marks[0]] != 0 or run.y_offsets[marks[0]] != 0


def test_lam_alef_takes_its_special_forms():
    isolated = [glyph_ids("ا", True)[0], glyph_ids("ل", True)[0]]
    assert glyph_ids("لا", True) != isolated


def test_latin_ligatures_make_one_glyph_for_several_characters():
    assert SHAPER.shape("ffi", False).clusters == (0,)


def test_brackets_are_mirrored_in_right_to_left_runs():
    assert glyph_ids(")", True) == glyph_ids("(", False)
    assert glyph_ids("(", True) == glyph_ids(")", False)
    assert glyph_ids("«", True) == glyph_ids("»", False)


def test_mixed_line_keeps_numbers_and_latin_words_left_to_right():
    line = "نشرت صحيفة Le Monde المقال في 8 كانون الثاني 2022 (19% من السكان)."
    runs = SHAPER.shape_line(line, True)
    assert [(run.text, run.rtl) for run in runs] == [
        (run.text, run.rtl) for run in visual_runs(line, True)
    ]
    left_to_right = [run.text for run in runs if not run.rtl]
    assert "Le Monde" in left_to_right and "2022" in left_to_right and "19" in left_to_right
    # The line's first words are at its right end.
    assert runs[-1].rtl and runs[-1].text.startswith("نشرت صحيفة")
    assert SHAPER.line_advance(line, True) == sum(run.advance for run in runs) > 0


def test_shaping_is_cached():
    assert SHAPER.shape("كازاخستان", True) is SHAPER.shape("كازاخستان", True)
    assert SHAPER.shape_line("في العام 2021", True) is SHAPER.shape_line("في العام 2021", True)


_ALPHABET = (
    list("كتبلاأمنع")
    + list("abcXY")
    + list("0123٠١٢")
    + list(" .,:;%()[]«»\"'-_؟،")
    + [
        "\u0651",
        "\u064e",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=30), st.booleans())
def test_fast_path_gives_the_runs_of_the_full_bidi_algorithm(text, rtl_base):
    shaper = Shaper(REGULAR.read_bytes(), "ar")
    expected = [(run.text, run.rtl) for run in visual_runs(text, rtl_base)]
    got = [(run.text, run.rtl) for run in shaper.shape_line(text, rtl_base)]
    assert got == expected


def test_glyph_clusters_point_into_the_run_text():
    text = "قال: «تفضّلوا» (Le Monde)"
    for run in SHAPER.shape_line(text, True):
        for cluster in run.clusters:
            assert 0 <= cluster < len(run.text)
            assert unicodedata.category(run.text[cluster]) != "Mn"
