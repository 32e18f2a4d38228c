"""Building the worksheet and answer key PDFs in memory, then writing both atomically."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from quizgen.core.model import Bank
from quizgen.core.select import SelectedQuestion
from quizgen.output_files import check_output_path, source_date_epoch, write_atomically
from quizgen.worksheet.answer_key import render_answer_key
from quizgen.worksheet.context import Context, make_context
from quizgen.worksheet.document import render_worksheet
from quizgen.worksheet.fonts import load_fonts, missing_characters
from quizgen.worksheet.labels import labels_for
from quizgen.worksheet.surface import Surface
from quizgen.worksheet.typeset import Typesetter
from quizgen.worksheet.versions import Version, build_versions


@dataclass(frozen=True)
class WorksheetOptions:
    versions: int = 1
    seed: str | int | None = "1"
    paper: str = "a4"
    title: str | None = None
    digits: str = "western"
    font: Path | None = None
    with_passages: bool = False
    word_bank: bool = True


@dataclass(frozen=True)
class BuiltWorksheet:
    worksheet: bytes
    answer_key: bytes | None
    worksheet_pages: int
    answer_key_pages: int
    versions: list[Version]
    missing_characters: list[str]


def _banks_of(selected: Sequence[SelectedQuestion]) -> list[Bank]:
    banks: dict[str, Bank] = {}
    for item in selected:
        banks.setdefault(item.bank.id, item.bank)
    return list(banks.values())


def build_worksheet(
    selected: Sequence[SelectedQuestion],
    options: WorksheetOptions,
    with_key: bool = True,
    progress: Callable[[Iterable[Version]], Iterable[Version]] = iter,
) -> BuiltWorksheet:
    """Both PDFs as bytes: identical for identical inputs (dates from SOURCE_DATE_EPOCH if set)."""
    source_date_epoch()  # a malformed value is refused before any work
    banks = _banks_of(selected)
    language = banks[0].language
    fonts = load_fonts(options.font, language)
    typesetter = Typesetter(options.digits)
    context = make_context(typesetter, fonts, labels_for(language), options.paper, banks[0].is_rtl)
    title = options.title or banks[0].title
    versions = build_versions(selected, options.versions, options.seed)

    with _binary_streams():
        worksheet_pages = 0
        worksheet_canvas, worksheet_buffer = _canvas(context, title, language, banks)
        surface = Surface(worksheet_canvas)
        for version in progress(versions):
            worksheet_pages += render_worksheet(
                surface, context, [version], banks, title, options.with_passages, options.word_bank
            )
        worksheet_canvas.save()

        answer_key, key_pages = None, 0
        if with_key:
            key_title = f"{title} — {context.labels.answer_key}"
            key_canvas, key_buffer = _canvas(context, key_title, language, banks)
            key_pages = render_answer_key(Surface(key_canvas), context, versions, banks, title)
            key_canvas.save()
            answer_key = key_buffer.getvalue()

    return BuiltWorksheet(
        worksheet_buffer.getvalue(),
        answer_key,
        worksheet_pages,
        key_pages,
        versions,
        missing_characters(fonts.regular, _displayed_texts(selected, title)),
    )


def _displayed_texts(selected: Sequence[SelectedQuestion], title: str) -> list[str]:
    """Every bank text a worksheet or key can print, for the missing-glyph warning."""
    texts = [title]
    for bank in {id(item.bank): item.bank for item in selected}.values():
        article = bank.article
        texts += [article.title, article.author, article.date, article.source]
        texts += [passage.text for passage in bank.passages]
    for item in selected:
        question = item.question
        texts += [
            question.prompt,
            question.sentence,
            question.term,
            question.definition,
            question.gloss,
        ]
        texts += [option.text for option in question.options]
        texts += [text for pair in question.pairs for text in (pair.left, pair.right)]
        texts += list(question.items) + list(question.answers) + list(question.evidence)
    return texts


@contextmanager
def _binary_streams():
    """Compressed streams without ReportLab's default ASCII85 wrapping.

    Without its optional C accelerator ReportLab encodes ASCII85 in pure Python, which took most
    of the build time, and the encoding makes the file a quarter bigger for nothing.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _canvas(context: Context, title: str, language: str, banks: Sequence[Bank]):
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(context.page_width, context.page_height),
        invariant=1,
        pageCompression=1,
        lang=language,
        pdfVersion=(1, 5),  # marked content with ActualText
        # Otherwise ReportLab lists Helvetica, never embedded, among every page's fonts.
        initialFontName=context.styles.body.face.name,
    )
    canvas.setTitle(title)
    canvas.setAuthor(", ".join(bank.article.author for bank in banks if bank.article.author))
    canvas.setSubject(", ".join(bank.article.title for bank in banks))
    canvas.setCreator("quizgen")
    return canvas, buffer


def write_worksheet(
    built: BuiltWorksheet,
    banks: Sequence[Bank],
    output: Path,
    key_output: Path | None,
) -> None:
    """Both paths are checked before either file is written; each is replaced atomically."""
    check_output_path(output, banks)
    if key_output is not None:
        check_output_path(key_output, banks)
    write_atomically(output, lambda path: path.write_bytes(built.worksheet), banks)
    if key_output is not None and built.answer_key is not None:
        write_atomically(key_output, lambda path: path.write_bytes(built.answer_key), banks)
