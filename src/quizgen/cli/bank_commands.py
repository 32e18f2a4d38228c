"""Commands about the bank itself: check, passages, dump."""

from __future__ import annotations

import click

from quizgen.cli.group import bank_arguments, cli, load, resolve_bank_paths


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
    by_type = (
        ", ".join(f"{kind} {counts[kind]}" for kind in QUESTION_TYPES if counts[kind]) or "none"
    )
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
    "bank_options",
    type=click.Path(),
    multiple=True,
    help="Bank file (the same as naming it as an argument).",
)
@click.argument("arguments", nargs=-1)
def passages(bank_options: tuple[str, ...], arguments: tuple[str, ...]) -> None:
    """List passages (id and opening words), or print one whole: passages [BANK...] [ID].

    An argument that is an existing file or folder, or ends in .yaml or .yml, is a bank; another
    is a passage id. Banks default to every bank under question_bank/. Works on a bank whose
    questions still have errors, to help write or repair them.
    """
    from quizgen.core.errors import QuizgenError
    from quizgen.core.loader import load_passages

    banks = [*bank_options, *(argument for argument in arguments if _names_a_bank(argument))]
    passage_ids = [argument for argument in arguments if not _names_a_bank(argument)]
    if len(passage_ids) > 1:
        raise click.UsageError(
            f"several passage ids ({', '.join(passage_ids)}): name one, or a bank path that exists"
        )
    passage_id = passage_ids[0] if passage_ids else None
    articles = [load_passages(path) for path in resolve_bank_paths(tuple(banks))]
    if len(articles) > 1 and passage_id:
        raise QuizgenError("several banks found; name one bank before the passage id")
    for article in articles:
        if passage_id:
            found = [passage for passage in article.passages if passage.id == passage_id]
            if not found:
                ids = ", ".join(passage.id for passage in article.passages)
                raise QuizgenError(f"no passage '{passage_id}' in {article.bank_id}; it has {ids}")
            click.echo(found[0].text)
            continue
        click.echo(f"{article.bank_id}: {article.heading}")
        for passage in article.passages:
            click.echo(f"  {passage.id}  {opening_words(passage.text)}")


def _names_a_bank(argument: str) -> bool:
    from pathlib import Path

    return argument.endswith((".yaml", ".yml")) or Path(argument).exists()


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
