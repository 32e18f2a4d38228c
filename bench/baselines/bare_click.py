"""Baseline for start-up: a bare click application with one command."""

import click


@click.group()
def cli() -> None:
    """A bare application."""


@cli.command()
def hello() -> None:
    """Say hello."""
    click.echo("hello")


if __name__ == "__main__":
    cli()
