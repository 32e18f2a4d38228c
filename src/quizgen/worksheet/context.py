"""Everything a page element needs to lay itself out: styles, words, the text frame, direction."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER

from quizgen.locale import Locale
from quizgen.typesetting.fonts import FontSet
from quizgen.typesetting.surface import Frame
from quizgen.typesetting.typeset import TextBlock, TextStyle, Typesetter

PAPER_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 42.0
FOOTER_HEIGHT = 30.0


@dataclass(frozen=True)
class Styles:
    title: TextStyle
    heading: TextStyle
    body: TextStyle
    bold: TextStyle
    small: TextStyle
    small_bold: TextStyle


def make_styles(fonts: FontSet) -> Styles:
    """Sizes for print; Arabic needs generous leading for harakat above and descenders below."""
    return Styles(
        title=TextStyle(fonts.bold, 17, 28, fonts.bold_fallbacks),
        heading=TextStyle(fonts.bold, 13, 22, fonts.bold_fallbacks),
        body=TextStyle(fonts.regular, 11.5, 20, fonts.regular_fallbacks),
        bold=TextStyle(fonts.bold, 11.5, 20, fonts.bold_fallbacks),
        small=TextStyle(fonts.regular, 9.5, 16, fonts.regular_fallbacks),
        small_bold=TextStyle(fonts.bold, 9.5, 16, fonts.bold_fallbacks),
    )


@dataclass(frozen=True)
class Context:
    typesetter: Typesetter
    styles: Styles
    locale: Locale
    frame: Frame  # the page's text area, in the document's direction
    page_width: float
    page_height: float

    @property
    def rtl(self) -> bool:
        return self.frame.rtl

    @property
    def body_top(self) -> float:
        return self.page_height - MARGIN

    @property
    def body_height(self) -> float:
        return self.page_height - 2 * MARGIN - FOOTER_HEIGHT

    def text(self, text: str, style: TextStyle, width: float, rtl: bool | None = None) -> TextBlock:
        return self.typesetter.block(text, style, width, self.rtl if rtl is None else rtl)


def make_context(
    typesetter: Typesetter, fonts: FontSet, locale: Locale, paper: str, rtl: bool
) -> Context:
    width, height = PAPER_SIZES[paper]
    frame = Frame(MARGIN, width - MARGIN, rtl)
    return Context(typesetter, make_styles(fonts), locale, frame, width, height)
