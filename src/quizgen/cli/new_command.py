"""`quizgen new`: start a bank for any article, in any folder."""

from __future__ import annotations

import click

from quizgen.cli.group import cli


@cli.command()
@click.argument("article", type=click.Path(dir_okay=False))
@click.option(
    "--lang", "language", required=True, help="The article's language tag (ar, en, fr...)."
)
@click.option(
    "--id", "bank_id", help="The bank's id and file name (default: from the article's name)."
)
@click.option("--title", help="The article's title (default: its first header block).")
@click.option(
    "--metadata-blocks",
    type=click.IntRange(min=0),
    help="How many leading blocks are the header (default: guessed and reported).",
)
def new(
    article: str, language: str, bank_id: str | None, title: str | None, metadata_blocks: int | None
) -> None:
    """Start a bank: copy ARTICLE into seeds/ (UTF-8, LF) and write question_bank/ID.yaml.

    The bank has its header filled in with the article's hash, every passage listed as a comment,
    and one commented example of each question type. Works in any folder; creates seeds/ and
    question_bank/ when missing. Never overwrites a file.
    """
    from pathlib import Path

    from quizgen.core.starter import start_bank

    started = start_bank(Path(article), Path.cwd(), language, bank_id, title, metadata_blocks)
    bank = started.bank_path.relative_to(Path.cwd())
    seed = started.seed_path.relative_to(Path.cwd())
    if started.seed_written:
        click.echo(f"Wrote {seed} and {bank}.")
    else:
        click.echo(f"Wrote {bank}; the article is already in place as {seed}.")
    if started.paragraphs_were_lines:
        click.echo("The article had one paragraph a line: a blank line now separates them.")
    how = "guessed" if started.header_guessed else "as given"
    click.echo(f"Header ({how}): {len(started.header_blocks)} block(s) before the passages.")
    for number, block in enumerate(started.header_blocks, start=1):
        click.echo(f"  {number}. {_opening(block)}")
    click.echo(
        f"Passages: p1..p{len(started.passages)}; p1 begins: {_opening(started.passages[0].text)}"
    )
    if started.header_guessed:
        click.echo(
            f"If the header is wrong, delete both files and run again with --metadata-blocks N, "
            f"e.g. quizgen new {article} --lang {language} --metadata-blocks "
            f"{max(0, len(started.header_blocks) - 1)}"
        )
    click.echo("Next:")
    click.echo(f"  quizgen passages {bank}        # read the passages")
    click.echo(f"  (edit {bank}: uncomment an example question and fill it in)")
    click.echo(f"  quizgen check {bank}")
    click.echo(f"  quizgen coverage {bank}        # what is left to ask about")
    click.echo(f"  quizgen lint {bank}            # item-writing flaws and giveaways")
    click.echo(f"  quizgen anki {bank} -o {started.bank_id}.apkg")
    click.echo(f"  quizgen worksheet {bank} -o worksheet.pdf --key answer-key.pdf")
    click.echo(f"  quizgen quiz {bank}")


def _opening(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
