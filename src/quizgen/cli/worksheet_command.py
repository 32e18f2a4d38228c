"""`quizgen worksheet`: printable worksheets and answer keys (PDF)."""

from __future__ import annotations

import click

from quizgen.cli.group import bank_arguments, cli, load, make_selection, selection_options
from quizgen.text.digits import DIGIT_STYLES


@cli.command()
@bank_arguments
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Worksheet PDF to write (e.g. out/worksheet.pdf).",
)
@click.option(
    "--key",
    "key_output",
    type=click.Path(dir_okay=False),
    help="Also write the answer key PDF here (one key per version).",
)
@click.option(
    "--answers-out",
    type=click.Path(dir_okay=False),
    help="Also write the answer data (JSON) that `quizgen grade` marks a class with.",
)
@click.option(
    "--answer-sheet",
    is_flag=True,
    help="Add after each version a one-page grid of boxes and lines for the answers.",
)
@click.option("--count", type=click.IntRange(min=1), help="Draw this many questions (with --seed).")
@selection_options
@click.option("--seed", default="1", show_default=True, help="Fixes the draw and every shuffle.")
@click.option(
    "--versions",
    type=click.IntRange(1, 100),
    default=1,
    show_default=True,
    help="Versions A, B, C... with questions and options in different orders.",
)
@click.option(
    "--with-passages", is_flag=True, help="Print the cited passages before the questions."
)
@click.option(
    "--word-bank/--no-word-bank",
    default=True,
    show_default=True,
    help="List the missing words above the fill-in-the-blank questions.",
)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--title", help="Heading of every page's first line (default: the bank's title).")
@click.option(
    "--digits",
    type=click.Choice(DIGIT_STYLES),
    default="western",
    show_default=True,
    help="Digits in the printed text: 0123 or ٠١٢٣.",
)
@click.option(
    "--font",
    type=click.Path(exists=True, dir_okay=False),
    help="A TrueType font to use instead of Amiri and Spectral (it must cover the bank's scripts).",
)
def worksheet(
    banks: tuple[str, ...],
    output: str,
    key_output: str | None,
    answers_out: str | None,
    answer_sheet: bool,
    count: int | None,
    types,
    passages,
    tags,
    difficulty,
    seed: str,
    versions: int,
    with_passages: bool,
    word_bank: bool,
    paper: str,
    title: str | None,
    digits: str,
    font: str | None,
) -> None:
    """Write a printable worksheet PDF and, with --key, its answer key.

    Right-to-left banks are typeset right to left (shaped with HarfBuzz; Amiri for Arabic
    script and Spectral for Latin, embedded);
    the same inputs and --seed give identical files.
    """
    from pathlib import Path

    from quizgen.cli.progress import track
    from quizgen.core.errors import QuizgenError
    from quizgen.core.select import select_questions
    from quizgen.output_files import check_output_path
    from quizgen.worksheet.build import WorksheetOptions, build_worksheet, write_worksheet

    output = Path(output)
    key_output = None if key_output is None else Path(key_output)
    answers_out = None if answers_out is None else Path(answers_out)
    font = None if font is None else Path(font)
    targets = [path.resolve() for path in (output, key_output, answers_out) if path is not None]
    if len(set(targets)) < len(targets):
        raise QuizgenError(
            "the worksheet, the answer key and the answer data need different files "
            "(-o, --key and --answers-out)"
        )
    loaded = load(banks)
    for path in (output, key_output, answers_out):
        if path is not None:
            check_output_path(path, loaded)
    selected = select_questions(
        loaded, make_selection(types, passages, tags, difficulty), count, seed, one_per_family=True
    )
    if count is not None and count > len(selected):
        click.echo(
            f"note: only {len(selected)} questions match, one per family (docs/question-bank.md);"
            " the worksheet has all of them",
            err=True,
        )
    options = WorksheetOptions(
        versions=versions,
        seed=seed,
        paper=paper,
        title=title,
        digits=digits,
        font=font,
        with_passages=with_passages,
        word_bank=word_bank,
        answer_sheet=answer_sheet,
    )
    built = build_worksheet(
        selected,
        options,
        with_key=key_output is not None,
        progress=lambda items: track(items, "worksheet versions", total=versions),
    )
    if built.missing_characters:
        shown = " ".join(built.missing_characters[:20])
        click.echo(
            f"warning: the font has no glyphs for: {shown} (they print as empty boxes; "
            "choose a font that covers them with --font)",
            err=True,
        )
    write_worksheet(built, loaded, output, key_output)
    if answers_out is not None:
        from quizgen.worksheet.answer_data import write_answer_data

        write_answer_data(answers_out, built.versions, seed, loaded)
    summary = (
        f"Wrote {output} ({plural(len(selected), 'question')}, {plural(versions, 'version')}, "
        f"{plural(built.worksheet_pages, 'page')})"
    )
    if key_output is not None:
        summary += f" and {key_output} ({plural(built.answer_key_pages, 'page')})"
    if answers_out is not None:
        summary += f"; answer data in {answers_out}"
    click.echo(summary)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
