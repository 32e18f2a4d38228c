"""Shaped lines drawn into a PDF read back as their logical text (pdftotext), mixed strings included."""

from __future__ import annotations

import re
import subprocess

from external_tools import needs
from reportlab.pdfgen.canvas import Canvas

from quizgen.text.bidi import visual_runs
from quizgen.typesetting.fonts import load_fonts
from quizgen.typesetting.surface import Frame, Surface
from quizgen.typesetting.text_layer import LEFT_TO_RIGHT_MARK, RIGHT_TO_LEFT_MARK, text_layer_pieces
from quizgen.typesetting.typeset import TextStyle, Typesetter

MIXED_ARABIC = [
    "تفضّل كازاخستان التقرب من أنقرة.",
    "نشرت صحيفة Le Monde المقال في 8 كانون الثاني 2022.",
    "حقوق الأقلية الروسية (19% من السكان في شمال البلاد)",
    "تأسست منظمة الدول التركية في العام 2009، وأُعيد إحياؤها.",
    'تكلمت عن شكلٍ من "العدائية" الروسية',
    "قال: «نريد أن يصبح العالم التركي» [ص 3] — انتهى",
    "1. ما نسبة الأقلية الروسية؟",
    "أ) 22 كانون الأول 2021",
    "المصدر: Le Monde (باريس) 3.5 مليون، 1991-2021",
    "وقّعت العاصمة نور سلطان (Nur-Sultan) اتفاقاً",
]
MIXED_ENGLISH = [
    "The Arabic word قرفة (cinnamon) came by sea.",
    "About 60% of 4.2 million euros (2024).",
    "“Quoted” words, brackets [1] and 250,000 euros.",
]
ARABIC_INDIC = ["صفحة 1 من 3", "نسبة 19% في (2021)"]
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

needs_pdftotext = needs("pdftotext")


def normalized(text: str) -> str:
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def read_back(path, lines: list[str], rtl: bool, digits: str = "western") -> list[str]:
    """Draw the lines on one page as the worksheet does, then extract them with pdftotext.

    Readers choose a page's main direction from its letters, as a worksheet page in one language
    has; so each test page holds lines of one base direction.
    """
    fonts = load_fonts(None, "ar")
    typesetter = Typesetter(digits)
    style = TextStyle(fonts.regular, 12, 24)
    canvas = Canvas(str(path), invariant=1)
    surface = Surface(canvas)
    top = 800.0
    for text in lines:
        surface.line(typesetter.line(text, style, rtl), Frame(40, 560, rtl), top)
        top -= 24
    surface.finish_page()
    canvas.save()
    output = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    return [normalized(line) for line in output.stdout.splitlines() if normalized(line)]


@needs_pdftotext
def test_arabic_lines_with_numbers_latin_brackets_and_quotes_read_back_exactly(tmp_path):
    assert read_back(tmp_path / "ar.pdf", MIXED_ARABIC, True) == MIXED_ARABIC


@needs_pdftotext
def test_english_lines_with_an_arabic_word_read_back_exactly(tmp_path):
    assert read_back(tmp_path / "en.pdf", MIXED_ENGLISH, False) == MIXED_ENGLISH


@needs_pdftotext
def test_arabic_indic_digits_read_back_as_printed(tmp_path):
    expected = ["صفحة ١ من ٣", "نسبة ١٩٪ في (٢٠٢١)"]
    assert read_back(tmp_path / "digits.pdf", ARABIC_INDIC, True, "arabic-indic") == expected


def test_text_layer_holds_each_run_in_visual_order_with_marks_only_at_boundaries():
    line = "في العام 2021، اشترت (Le Monde) 19% من"
    runs = visual_runs(line, True)
    pieces = text_layer_pieces([(run.text, run.rtl) for run in runs])
    assert len(pieces) == len(runs)
    for run, piece in zip(runs, pieces, strict=True):
        plain = piece.replace(RIGHT_TO_LEFT_MARK, "").replace(LEFT_TO_RIGHT_MARK, "")
        assert plain == (run.text[::-1] if run.rtl else run.text)
        if run.rtl:
            assert LEFT_TO_RIGHT_MARK not in piece
        else:
            assert RIGHT_TO_LEFT_MARK not in piece


def test_a_line_of_one_direction_needs_no_marks():
    for text, rtl in (
        ("تفضّل كازاخستان (التقرب) «من» أنقرة", True),
        ("Plain (English) text.", False),
    ):
        runs = visual_runs(text, rtl)
        pieces = text_layer_pieces([(run.text, run.rtl) for run in runs])
        assert pieces == [text[::-1] if rtl else text]
