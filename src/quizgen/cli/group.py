"""The `quizgen` group, shared options, and the error policy: user mistakes never show a traceback.

Exit status: 0 success, 1 invalid bank or input, 2 usage error.
"""

from __future__ import annotations

import sys

import click

from quizgen import __version__

_state = {"verbose": False}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
@click.option("--verbose", is_flag=True, help="Show a traceback when quizgen itself fails.")
def cli(verbose: bool) -> None:
    """Turn evidence-linked question banks into Anki decks, printable worksheets and a quiz.

    Banks default to every .yaml file under question_bank/ in the current folder.
    Exit status: 0 success, 1 invalid bank or input, 2 usage error.
    """
    _state["verbose"] = verbose


# Where the user changes each setting the library may refuse (quizgen.errors.SettingError).
SETTING_HINTS = {
    "database": "Choose the progress database with --db FILE or the QUIZGEN_DB variable.",
    "font": "Give another font with --font, or leave it out to use the bundled typefaces.",
    "rtl": "Set the right-to-left mode with --rtl terminal, visual or auto.",
    "rtl environment": "Or override the variable for one run with --rtl terminal or visual.",
    "subdecks": "Choose the layout with --subdecks none, by-passage or by-type.",
}


def run() -> None:
    """Console entry point: maps every failure to a clear message and an exit status."""
    try:
        status = cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("\nInterrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except Exception as error:
        sys.exit(_report(error))
    sys.exit(status if isinstance(status, int) else 0)


def _report(error: Exception) -> int:
    """The message and exit status of a failure; error types load only when one happens."""
    from quizgen.core.errors import BankInvalid
    from quizgen.errors import QuizgenError, SelectionError, SettingError

    if isinstance(error, BankInvalid):
        print_problems(error.problems)
        return 1
    if isinstance(error, SelectionError):
        click.echo(f"Error: Invalid value for '--{error.setting}': {error}", err=True)
        return 2
    if isinstance(error, SettingError):
        click.echo(f"Error: {error}\n{SETTING_HINTS.get(error.setting, '')}".rstrip(), err=True)
        return 1
    if isinstance(error, QuizgenError):
        click.echo(f"Error: {error}", err=True)
        return 1
    # A bug in quizgen, not the user's mistake.
    if _state["verbose"]:
        import traceback

        traceback.print_exception(error)
    click.echo(
        f"quizgen: internal error: {type(error).__name__}: {error}\n"
        "This is a bug in quizgen; rerun with --verbose for the traceback and report it.",
        err=True,
    )
    return 3


def print_problems(problems) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(problem.severity == "error" for problem in problems)
    click.echo(f"{errors} error(s) found; fix them and run again.", err=True)


def bank_arguments(function):
    return click.argument("banks", nargs=-1, type=click.Path())(function)


def resolve_bank_paths(banks: tuple) -> list:
    from quizgen.core.loader import bank_paths

    return bank_paths(banks)


def load(banks: tuple):
    """Validate first: a broken bank stops every command with the messages of `quizgen check`.

    The loaded banks live as long as the command, so they are frozen out of the garbage collector's
    scans, which would otherwise revisit them over and over while outputs are built.
    """
    import gc

    from quizgen.core.loader import load_banks

    banks = load_banks(resolve_bank_paths(banks))
    gc.freeze()
    return banks


def _split_list(_context, _parameter, values) -> frozenset[str]:
    return frozenset(item.strip() for value in values for item in value.split(",") if item.strip())


def _split_levels(context, parameter, values) -> frozenset[int]:
    levels = set()
    for item in _split_list(context, parameter, values):
        low, _, high = item.partition("-")
        try:
            first, last = int(low), int(high or low)
        except ValueError:
            raise click.BadParameter(
                f"'{item}' is not a level; use 1, 2, 3 or a range like 1-2"
            ) from None
        if last < first:
            raise click.BadParameter(f"'{item}' is an empty range; write the lower level first")
        levels.update(range(first, last + 1))
    return frozenset(levels)


def format_option(function):
    """--format text|json: the text for people, JSON (never translated) for other tools."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Text for people, or JSON for other tools.",
    )(function)


def selection_options(function):
    """--types, --passages, --tags, --difficulty: comma-separated or repeated."""
    function = click.option(
        "--difficulty",
        multiple=True,
        callback=_split_levels,
        help="Levels to include: 1 recall, 2 comprehension, 3 analysis (e.g. 2,3 or 1-2).",
    )(function)
    function = click.option(
        "--tags", multiple=True, callback=_split_list, help="Only questions with any of these tags."
    )(function)
    function = click.option(
        "--passages",
        multiple=True,
        callback=_split_list,
        help="Only questions citing these passages (e.g. p1,p3).",
    )(function)
    function = click.option(
        "--types",
        multiple=True,
        callback=_split_list,
        help="Question types (mcq, multi, true_false, short, cloze, matching, ordering, vocab).",
    )(function)
    return function


def make_selection(types, passages, tags, difficulty):
    from quizgen.core.select import Selection

    return Selection(types, passages, tags, difficulty)
