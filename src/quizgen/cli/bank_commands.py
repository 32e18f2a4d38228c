"""Commands about the bank itself: check, passages, dump."""

from __future__ import annotations

import click

from quizgen.cli.group import bank_arguments, cli, load


@cli.command()
@bank_arguments
def check(banks: tuple[str, ...]) -> None:
    """Validate banks and report every problem as file:line: question-id: problem (fix)."""
    loaded = load(banks)
    for bank in loaded:
        for warning in bank.warnings:
            click.echo(str(warning), err=True)
    click.echo(summary(loaded))


def summary(banks) -> str:
    from collections import Counter

    from quizgen.core.model import QUESTION_TYPES

    counts = Counter(question.type for bank in banks for question in bank.questions)
    by_type = ", ".join(f"{kind} {counts[kind]}" for kind in QUESTION_TYPES if counts[kind]) or "none"
    passages = sum(len(bank.passages) for bank in banks)
    covered = sum(
        len({p for question in bank.questions for p in question.passages}) for bank in banks
    )
    items = sum(counts.values())
    return (
        f"OK: {len(banks)} bank(s), {items} items ({by_type}), "
        f"{covered}/{passages} passages covered"
    )


@cli.command()
@click.option(
    "--bank",
    "bank_path",
    type=click.Path(),
    help="Bank file (default: the only bank).",
)
@click.argument("passage_id", required=False)
def passages(bank_path: str | None, passage_id: str | None) -> None:
    """List passages (id and opening words), or print one whole."""
    from quizgen.core.errors import QuizgenError

    banks = load((bank_path,) if bank_path else ())
    if len(banks) > 1 and passage_id:
        raise QuizgenError("several banks found; choose one with --bank")
    for bank in banks:
        if passage_id:
            try:
                click.echo(bank.passage(passage_id).text)
            except KeyError:
                ids = ", ".join(p.id for p in bank.passages)
                raise QuizgenError(
                    f"no passage '{passage_id}' in {bank.id}; it has {ids}"
                ) from None
            continue
        click.echo(f"{bank.id}: {bank.article.title} ({bank.article.author}, {bank.article.date})")
        for passage in bank.passages:
            click.echo(f"  {passage.id}  {opening_words(passage.text)}")


def opening_words(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@cli.command()
@bank_arguments
@click.option(
    "--format", "output_format", type=click.Choice(["json"]), default="json", show_default=True
)
def dump(banks: tuple[str, ...], output_format: str) -> None:
    """Print validated banks as JSON, the interchange format for other tools."""
    import json

    from quizgen.core.export import bank_to_dict

    loaded = load(banks)
    document = {"banks": [bank_to_dict(bank) for bank in loaded]}
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))
