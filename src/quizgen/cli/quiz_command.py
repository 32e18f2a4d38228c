"""Commands `quiz` and `stats`: parse options, open the progress database, hand over to quizgen.quiz.

Everything heavy (fsrs, prompt_toolkit, the reshaper) is imported inside the commands, so that
other commands and `quizgen --help` never pay for it.
"""

from __future__ import annotations

import click

from quizgen.cli.group import (
    bank_arguments,
    cli,
    format_option,
    load,
    make_selection,
    selection_options,
)
from quizgen.locale import UI_LANGUAGES

database_option = click.option(
    "--db",
    "database",
    type=click.Path(dir_okay=False),
    help="Progress database (default: $QUIZGEN_DB, else the user's data folder).",
)
rtl_option = click.option(
    "--rtl",
    type=click.Choice(["auto", "terminal", "visual"]),
    default="auto",
    show_default=True,
    help="Right-to-left display: terminal = logical text for terminals that reorder it; "
    "visual = shaped and reordered here; auto = $QUIZGEN_RTL or detection.",
)


@cli.command()
@bank_arguments
@click.option(
    "--count", type=click.IntRange(min=1), default=10, show_default=True, help="Questions to ask."
)
@selection_options
@click.option(
    "--mode",
    type=click.Choice(["practice", "review", "exam"]),
    default="practice",
    show_default=True,
    help="practice: a random selection; review: due items first; exam: feedback at the end.",
)
@click.option("--seed", help="Fix the selection and shuffles (default: random, shown at the end).")
@database_option
@rtl_option
@click.option(
    "--ui-lang",
    type=click.Choice(UI_LANGUAGES),
    help="Language of the quiz's own messages (default: the bank's).",
)
@click.option("--fresh", is_flag=True, help="Start a new session instead of resuming one.")
def quiz(
    banks, count, types, passages, tags, difficulty, mode, seed, database, rtl, ui_lang, fresh
) -> None:
    """Quiz yourself in the terminal; every answer is saved for spaced repetition.

    Type ? for the passage, s to skip, q to quit; the same command resumes an unfinished session.
    """
    import os
    import sys

    from quizgen.locale import locale_for, ui_language_for
    from quizgen.quiz.display import Display
    from quizgen.quiz.line_input import LineReader
    from quizgen.quiz.progress_db import ProgressStore, database_path
    from quizgen.quiz.session import Quiz, QuizSettings
    from quizgen.text.terminal import resolve_rtl_mode

    loaded = load(banks)
    selection = make_selection(types, passages, tags, difficulty)
    locale = locale_for(ui_lang or ui_language_for([bank.language for bank in loaded]))
    rtl_mode = resolve_rtl_mode(rtl, os.environ, sys.stdout.isatty())
    settings = QuizSettings(mode=mode, count=count, seed=seed, fresh=fresh)
    path, named = database_path(database)
    with ProgressStore.open(path, create_folder=not named) as store:
        reader = LineReader(interactive=sys.stdin.isatty() and sys.stdout.isatty())
        Quiz(loaded, selection, settings, store, Display(rtl_mode), reader, locale).run()


@cli.command()
@database_option
@format_option
@rtl_option
@click.option(
    "--ui-lang",
    type=click.Choice(UI_LANGUAGES),
    help="Language of the text form (default: that of the banks the answers come from, "
    "looked up under question_bank/). JSON keys are never translated.",
)
def stats(database: str | None, output_format: str, rtl: str, ui_lang: str | None) -> None:
    """Answers, share correct and items due, per passage and per question type."""
    import os
    import sys
    from datetime import UTC, datetime

    from quizgen.locale import locale_for, ui_language_for
    from quizgen.quiz.display import Display
    from quizgen.quiz.progress_db import ProgressStore, database_path
    from quizgen.quiz.stats import collect, recorded_bank_languages, show
    from quizgen.text.terminal import resolve_rtl_mode

    path, _ = database_path(database)
    store = ProgressStore.open(path, writable=False)
    try:
        statistics = collect(store, path, datetime.now(UTC))
    finally:
        if store is not None:
            store.close()
    if output_format == "json":
        import json

        click.echo(json.dumps(statistics.as_dict(), ensure_ascii=False, indent=2))
        return
    language = ui_lang or ui_language_for(recorded_bank_languages(statistics.bank_ids))
    rtl_mode = resolve_rtl_mode(rtl, os.environ, sys.stdout.isatty())
    show(statistics, Display(rtl_mode), locale_for(language))
