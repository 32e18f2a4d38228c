"""`quizgen anki`: write the selected questions as an Anki package (.apkg)."""

from __future__ import annotations

import click

from quizgen.cli.group import bank_arguments, cli, load, make_selection, selection_options

DEFAULT_FOLDER = "out"


@cli.command()
@bank_arguments
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="The .apkg to write (default: out/<bank id>.apkg, creating out/).",
)
@selection_options
@click.option("--deck-name", help="Deck name; '::' nests (default: the bank's title).")
@click.option(
    "--subdecks",
    type=click.Choice(["none", "by-passage", "by-type"]),
    default="none",
    show_default=True,
    help="Split the deck by the first cited passage or by question type.",
)
def anki(
    banks: tuple[str, ...],
    output: str | None,
    types,
    passages,
    tags,
    difficulty,
    deck_name: str | None,
    subdecks: str,
) -> None:
    """Write an Anki deck; re-importing a rebuilt deck updates notes and keeps review history.

    Set SOURCE_DATE_EPOCH for a byte-identical build (see docs/anki.md).
    """
    from pathlib import Path

    from quizgen.anki.deck import DeckOptions, build_deck
    from quizgen.anki.package import build_timestamp, write_package
    from quizgen.cli.progress import track
    from quizgen.core.errors import QuizgenError
    from quizgen.core.select import select_questions

    timestamp = build_timestamp()
    loaded = load(banks)
    selected = select_questions(loaded, make_selection(types, passages, tags, difficulty))
    built = build_deck(
        loaded,
        selected,
        DeckOptions(deck_name, subdecks),
        progress=lambda items: track(items, "Building Anki notes", len(selected)),
    )
    if output is None:
        output = Path(DEFAULT_FOLDER) / f"{default_stem(bank.id for bank in loaded)}.apkg"
        try:
            output.parent.mkdir(exist_ok=True)
        except OSError as error:
            raise QuizgenError(
                f"cannot create the folder {DEFAULT_FOLDER}: {error.strerror} (or give -o PATH)"
            ) from None
    write_package(Path(output), built.package, timestamp, loaded)
    click.echo(
        f"Wrote {output}: {built.notes} notes, {built.cards} cards, deck '{built.root_name}'"
    )
    if Path(output).suffix.lower() != ".apkg":
        click.echo(
            f"note: Anki imports .apkg files; {output} was written as one all the same", err=True
        )


def default_stem(bank_ids) -> str:
    """Bank ids joined by '+', reduced to characters safe in a file name."""
    import re

    return "+".join(re.sub(r"[^\w.-]+", "-", bank_id).strip(".-") or "deck" for bank_id in bank_ids)
