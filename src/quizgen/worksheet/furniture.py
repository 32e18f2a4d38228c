"""What every printed page carries around the questions: the heading, the footer, page drawing."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.core.model import Bank
from quizgen.typesetting.layout import Block, Page, Row
from quizgen.typesetting.pieces import stack, text_piece
from quizgen.typesetting.surface import GREY, Frame, Surface, baseline
from quizgen.worksheet.context import MARGIN, Context


def title_block(context: Context, title: str, banks: Sequence[Bank], subtitle: str = "") -> Block:
    """The title, an optional subtitle, and each bank's article: title, author, date, source."""
    styles = context.styles
    frame = context.frame
    pieces = [text_piece(context.text(title, styles.title, frame.width), frame, "center")]
    if subtitle:
        pieces.append(
            text_piece(context.text(subtitle, styles.heading, frame.width), frame, "center")
        )
    for bank in banks:
        pieces.append(
            text_piece(
                context.text(article_line(context, bank), styles.small, frame.width, bank.is_rtl),
                frame,
                "center",
                GREY,
            )
        )
    piece = stack(pieces)
    return Block([Row(piece.height + 6, piece.draw)])


def article_line(context: Context, bank: Bank) -> str:
    article = bank.article
    parts = [article.title, article.byline(context.locale.list_separator)]
    if article.source:
        parts.append(f"{context.locale.source}{context.locale.colon} {article.source}")
    return " — ".join(part for part in parts if part)


def footer(surface: Surface, context: Context, page: int, pages: int, version: str) -> None:
    """`page X of Y` in the middle, the version on the reading-start side."""
    locale = context.locale
    style = context.styles.small
    top = MARGIN - 4
    page_text = locale.page.format(page=page, pages=pages)
    surface.rule(context.frame.left, context.frame.right, top + 4)
    surface.line(
        context.typesetter.line(page_text, style, context.rtl), context.frame, top, "center", GREY
    )
    version_text = locale.version.format(letter=version)
    surface.line(
        context.typesetter.line(version_text, style, context.rtl), context.frame, top, "start", GREY
    )


def draw_pages(surface: Surface, context: Context, pages: list[Page], version: str) -> None:
    """Draw a paginated version, each page with its footer, the version starting on a new page."""
    for number, page in enumerate(pages, start=1):
        for row, offset in page.placements:
            row.draw(surface, context.body_top - offset)
        footer(surface, context, number, len(pages), version)
        surface.finish_page()


def fields_block(context: Context, version: str) -> Block:
    """Name, class and date to fill in, and the version letter on the far side."""
    locale = context.locale
    style = context.styles.bold
    frame = context.frame
    typesetter = context.typesetter
    version_line = typesetter.line(
        locale.version.format(letter=version), context.styles.heading, context.rtl
    )
    field_lines = [
        typesetter.line(f"{label}{locale.colon}", style, context.rtl)
        for label in (locale.name, locale.class_, locale.date)
    ]
    gap = 18.0
    room = frame.width - version_line.width - gap * 3 - sum(line.width + 4 for line in field_lines)
    fields = list(zip(field_lines, (room * 0.46, room * 0.24, room * 0.30), strict=True))
    height = style.leading + 10

    def draw(surface: Surface, top: float) -> None:
        offset = 0.0
        for line, length in fields:
            left = frame.x_at_start(offset, line.width)
            surface.line(line, Frame(left, left + line.width, frame.rtl), top)
            rule_left = frame.x_at_start(offset + line.width + 4, length)
            surface.rule(rule_left, rule_left + length, baseline(top, style) - 2, GREY, 0.8)
            offset += line.width + 4 + length + gap
        surface.line(version_line, frame, top, "end")
        surface.rule(frame.left, frame.right, top - height + 2, GREY, 1.0)

    return Block([Row(height, draw)])
