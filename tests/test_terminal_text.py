"""Right-to-left text for terminals: the auto rule, shaping, width, wrapping and reordering."""

from __future__ import annotations

import re
import unicodedata

import pytest

from quizgen.errors import SettingError
from quizgen.text.terminal import (
    cell_width,
    logical_lines,
    printable,
    resolve_rtl_mode,
    shape,
    visual_lines,
    wrap,
)

SENTENCE = "كازاخستان هي أكبر دولة في آسيا الوسطى، وتساوي مساحتها خمسة أضعاف مساحة فرنسا"
LOGICAL_ARABIC = re.compile("[\u0621-\u064a]")


@pytest.mark.parametrize(
    ("environment", "is_terminal", "mode"),
    [
        ({}, True, "visual"),  # xterm, tmux, Windows Terminal: no bidi of their own
        ({"TERM": "xterm-256color"}, True, "visual"),
        ({}, False, "terminal"),  # a pipe or a file gets logical text
        ({"VTE_VERSION": "7600"}, True, "terminal"),
        ({"VTE_VERSION": "5202"}, True, "visual"),  # before VTE 0.57.3
        ({"KONSOLE_VERSION": "230804"}, True, "terminal"),
        ({"TERM": "mlterm"}, True, "terminal"),
        ({"MLTERM": "3.9.3"}, True, "terminal"),
        ({"TERM_PROGRAM": "Apple_Terminal"}, True, "terminal"),
        ({"TERM_PROGRAM": "mintty"}, True, "terminal"),
        ({"QUIZGEN_RTL": "visual", "VTE_VERSION": "7600"}, True, "visual"),
        ({"QUIZGEN_RTL": "terminal"}, True, "terminal"),
        ({"QUIZGEN_RTL": "Visual"}, False, "visual"),
        ({"QUIZGEN_RTL": "auto", "KONSOLE_VERSION": "1"}, True, "terminal"),
    ],
)
def test_auto_mode_follows_what_the_environment_reveals(environment, is_terminal, mode):
    assert resolve_rtl_mode("auto", environment, is_terminal) == mode


def test_an_explicit_mode_wins_over_the_environment():
    assert resolve_rtl_mode("terminal", {"QUIZGEN_RTL": "visual"}, True) == "terminal"
    assert resolve_rtl_mode("visual", {"VTE_VERSION": "7600"}, False) == "visual"


def test_an_unknown_environment_value_is_a_clear_error_naming_no_option():
    with pytest.raises(SettingError, match="QUIZGEN_RTL=sideways") as raised:
        resolve_rtl_mode("auto", {"QUIZGEN_RTL": "sideways"}, True)
    assert raised.value.setting == "rtl environment" and "--" not in str(raised.value)


def test_an_unknown_mode_names_the_setting_not_the_option():
    with pytest.raises(SettingError) as raised:
        resolve_rtl_mode("sideways", {}, True)
    assert raised.value.setting == "rtl" and "--rtl" not in str(raised.value)


def test_shaping_joins_letters_into_presentation_forms():
    shaped = shape("سلام")
    assert not LOGICAL_ARABIC.search(shaped)
    assert unicodedata.normalize("NFKC", shaped) == "سلام"
    assert shape("لا") == "\ufefb"  # lam-alef: two letters, one cell


def test_width_is_measured_on_shaped_text():
    assert cell_width("لا") == 2
    assert cell_width(shape("لا")) == 1
    assert cell_width("تَقَدُّم") == 4  # four letters; harakat take no cell
    assert cell_width("漢字") == 4


def test_visual_lines_are_reordered_and_right_aligned_within_the_width():
    width = 30
    lines = visual_lines(SENTENCE, width, rtl=True)
    assert len(lines) > 1
    for line in lines:
        assert cell_width(line) == width
        assert not LOGICAL_ARABIC.search(line)
    # The first words come first in logical order, so they sit at the right end of line one.
    first_word = shape("كازاخستان")
    assert lines[0].endswith(first_word[::-1])
    last_word = shape("فرنسا")
    assert lines[-1].lstrip().startswith(last_word[::-1])


def test_visual_lines_keep_every_word_in_logical_reading_order():
    lines = visual_lines(SENTENCE, 25, rtl=True)
    words = [word[::-1] for line in lines for word in reversed(line.split())]
    assert "".join(words) == shape(SENTENCE).replace(" ", "")


def test_harakat_follow_their_letter_after_reordering():
    line = visual_lines("وقّع", 10, rtl=True)[0].strip()
    shadda = line.index("\u0651")
    assert shadda > 0 and unicodedata.normalize("NFKC", line[shadda - 1]) == "ق"


def test_numbers_and_latin_keep_their_direction_inside_arabic():
    line = visual_lines("في العام 2021 قال NATO", 40, rtl=True)[0]
    assert "2021" in line and "NATO" in line


def test_a_left_to_right_line_with_arabic_words_is_left_aligned():
    line = visual_lines("Correct answer: تركيا", 40, rtl=False)[0]
    assert line.startswith("Correct answer: ")
    assert line.endswith(shape("تركيا")[::-1])


def test_bidi_controls_do_their_work_then_leave():
    line = visual_lines("الخيار \u200e--fresh يبدأ", 40, rtl=True)[0]
    assert "--fresh" in line and "\u200e" not in line


def test_logical_lines_only_wrap():
    lines = logical_lines(SENTENCE, 30)
    assert " ".join(lines) == SENTENCE
    assert all(cell_width(line) <= 30 for line in lines)


def test_words_longer_than_a_line_are_cut():
    assert wrap("abcdefghij kl", 4) == ["abcd", "efgh", "ij", "kl"]
    assert wrap("", 10) == [""]


def test_control_characters_cannot_drive_the_terminal():
    assert printable("a\x1b[2Jb\x07\tc") == "a\ufffd[2Jb\ufffd c"
    assert "\x1b" not in "".join(visual_lines("تحذير\x1b[31m", 20, rtl=True))


def test_line_breaks_in_bank_text_become_spaces_not_replacement_characters():
    from quizgen.text.terminal import printable

    assert (
        printable("first line\nsecond\r\nthird\tend\x1b[2J")
        == "first line second  third end\ufffd[2J"
    )
