"""Building the worksheet and answer key PDFs in memory, then writing both atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen.core.model import Bank
from quizgen.core.select import SelectedQuestion
from quizgen.locale import locale_for
from quizgen.output_files import check_output_path, source_date_epoch, write_atomically
from quizgen.typesetting.canvas import binary_streams, new_canvas
from quizgen.typesetting.fonts import load_fonts, missing_characters
from quizgen.typesetting.surface import Surface
from quizgen.typesetting.typeset import Typesetter
from quizgen.worksheet.answer_key import render_answer_key
from quizgen.worksheet.context import Context, make_context
from quizgen.worksheet.document import render_worksheet
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
    answer_sheet: bool = False


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
    context = make_context(typesetter, fonts, locale_for(language), options.paper, banks[0].is_rtl)
    title = options.title or banks[0].title
    versions = build_versions(selected, options.versions, options.seed)

    with binary_streams():
        worksheet_pages = 0
        worksheet_canvas, worksheet_buffer = _canvas(context, title, language, banks)
        surface = Surface(worksheet_canvas)
        for version in progress(versions):
            worksheet_pages += render_worksheet(
                surface,
                context,
                [version],
                banks,
                title,
                options.with_passages,
                options.word_bank,
                options.answer_sheet,
            )
        worksheet_canvas.save()

        answer_key, key_pages = None, 0
        if with_key:
            key_title = f"{title} — {context.locale.answer_key}"
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
        missing_characters(fonts, _displayed_texts(selected, title)),
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


def _canvas(context: Context, title: str, language: str, banks: Sequence[Bank]):
    return new_canvas(
        (context.page_width, context.page_height),
        language,
        context.styles.body.face.name,
        title,
        ", ".join(bank.article.author for bank in banks if bank.article.author),
        ", ".join(bank.article.title for bank in banks),
    )


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
