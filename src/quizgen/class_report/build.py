"""The class report PDF: typeset like the worksheet (Amiri, HarfBuzz shaping, right to left for
Arabic), built in memory and written atomically. Each part starts on a new page."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4

from quizgen.class_report.pages import (
    PARTS,
    ReportContext,
    ReportStyles,
    summary_blocks,
    title_blocks,
)
from quizgen.class_report.words import words_for
from quizgen.grade.answers import AnswerData
from quizgen.grade.class_results import ClassResult
from quizgen.output_files import source_date_epoch, write_atomically
from quizgen.typesetting.canvas import binary_streams, new_canvas
from quizgen.typesetting.fonts import FontSet, load_fonts
from quizgen.typesetting.layout import Page, paginate
from quizgen.typesetting.surface import GREY, Frame, Surface
from quizgen.typesetting.typeset import TextStyle, Typesetter

MARGIN = 42.0
FOOTER_HEIGHT = 30.0


def _styles(fonts: FontSet) -> ReportStyles:
    return ReportStyles(
        title=TextStyle(fonts.bold, 17, 28),
        heading=TextStyle(fonts.bold, 13, 22),
        body=TextStyle(fonts.regular, 11.5, 20),
        bold=TextStyle(fonts.bold, 11.5, 20),
        small=TextStyle(fonts.regular, 9.5, 16),
        small_bold=TextStyle(fonts.bold, 9.5, 16),
    )


def _footer(surface: Surface, context: ReportContext, page: int, pages: int) -> None:
    style = context.styles.small
    text = context.words["page"].format(page=page, pages=pages)
    surface.rule(context.frame.left, context.frame.right, MARGIN)
    line = context.typesetter.line(text, style, context.rtl)
    surface.line(line, context.frame, MARGIN - 4, "center", GREY)


def build_report(result: ClassResult, answers: AnswerData, title: str | None = None) -> bytes:
    """The PDF as bytes: the same results give the same bytes (dates from SOURCE_DATE_EPOCH)."""
    source_date_epoch()
    details = next(iter(answers.bank_details.values()), {})
    language = details.get("language", "en")
    rtl = details.get("direction") == "rtl"
    title = title or details.get("title", "")
    article = details.get("article", "")
    fonts = load_fonts(None, language)
    width, height = A4
    context = ReportContext(
        typesetter=Typesetter(),
        styles=_styles(fonts),
        words=words_for(language),
        frame=Frame(MARGIN, width - MARGIN, rtl),
        passages={
            passage: text
            for bank in answers.bank_details.values()
            for passage, text in bank.get("passages", {}).items()
        },
        first_version=next(iter(answers.versions)),
    )
    body_height = height - 2 * MARGIN - FOOTER_HEIGHT
    parts = [title_blocks(context, title, article) + summary_blocks(context, result)]
    parts += [part(context, result) for part in PARTS]
    pages: list[Page] = [page for blocks in parts for page in paginate(blocks, body_height)]
    with binary_streams():
        canvas, buffer = new_canvas(
            (width, height),
            language,
            context.styles.body.face.name,
            f"{title} — {context.words['class_report']}",
            "",
            article,
        )
        surface = Surface(canvas)
        for number, page in enumerate(pages, start=1):
            for row, offset in page.placements:
                row.draw(surface, height - MARGIN - offset)
            _footer(surface, context, number, len(pages))
            surface.finish_page()
        canvas.save()
    return buffer.getvalue()


def write_report(path: Path, content: bytes) -> None:
    write_atomically(path, lambda target: target.write_bytes(content))
