"""`quizgen grade`: mark a class's typed responses with a worksheet's answer data."""

from __future__ import annotations

import click

from quizgen.cli.group import cli, format_option
from quizgen.cli.quiz_command import rtl_option
from quizgen.locale import UI_LANGUAGES


@cli.command()
@click.argument("responses", type=click.Path(dir_okay=False))
@click.option(
    "--answers",
    "answers_path",
    type=click.Path(dir_okay=False),
    required=True,
    help="The answer data written by quizgen worksheet --answers-out.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Also write the results as CSV: a row per student, every item's points.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False),
    help="Also write the class report PDF: summary, questions by concern, mastery per passage.",
)
@format_option
@rtl_option
@click.option(
    "--ui-lang",
    type=click.Choice(UI_LANGUAGES),
    help="Language of the table (default: the banks' language when quizgen has a table for it, "
    "else English). "
    "JSON keys and the CSV header are never translated.",
)
def grade(
    responses: str,
    answers_path: str,
    output: str | None,
    report: str | None,
    output_format: str,
    rtl: str,
    ui_lang: str | None,
) -> None:
    """Mark RESPONSES.csv (student,version,1,2,...) and analyse every question.

    Scores each student against their version, merges the versions per bank question for the
    item analysis (difficulty, point-biserial, upper-lower 27% index, choices, flags) and gives
    the test's reliability. Unreadable cells and forgiven typos are listed on stderr by row and
    column; see docs/grading.md for the notation.
    """
    import json
    import os
    import shutil
    import sys
    from pathlib import Path

    from quizgen.core.errors import QuizgenError
    from quizgen.grade.answers import read_answer_data
    from quizgen.grade.class_results import grade_class
    from quizgen.grade.responses import read_responses
    from quizgen.grade.results_files import results_csv, results_json, results_text
    from quizgen.output_files import check_output_path, write_atomically

    answers = read_answer_data(Path(answers_path))
    targets = [Path(path) for path in (output, report) if path is not None]
    inputs = {Path(responses).resolve(), Path(answers_path).resolve()}
    for target in targets:
        check_output_path(target)
        if target.resolve() in inputs:
            raise QuizgenError(f"refusing to write {target}: it is an input of this command")
    if len({target.resolve() for target in targets}) < len(targets):
        raise QuizgenError("the results CSV and the report need different files (-o and --report)")
    result = grade_class(answers, read_responses(Path(responses)))
    for problem in result.problems:
        click.echo(f"warning: {problem.located(responses)}", err=True)
    for typo in result.typos:
        click.echo(
            f"note: {responses}: row {typo.row}, column {typo.number}: '{typo.typed}' accepted "
            f"as a typo of '{typo.accepted}' ({typo.student}; type - in the cell to overrule)",
            err=True,
        )
    if not result.students:
        raise QuizgenError(f"{responses}: no student could be marked (fix the rows reported above)")
    if output is not None:
        content = results_csv(result)
        write_atomically(Path(output), lambda path: path.write_text(content, encoding="utf-8-sig"))
    if report is not None:
        from quizgen.class_report.build import build_report, write_report

        write_report(Path(report), build_report(result, answers))
    if output_format == "json":
        click.echo(json.dumps(results_json(result), ensure_ascii=False, indent=1))
    else:
        from quizgen.text.terminal import resolve_rtl_mode

        try:
            rtl_mode = resolve_rtl_mode(rtl, os.environ, sys.stdout.isatty())
        except ValueError as error:  # a bad QUIZGEN_RTL: the user's environment, not a bug
            raise QuizgenError(str(error)) from None
        text = results_text(
            result,
            ui_lang or answers.interface_language,
            rtl_mode,
            shutil.get_terminal_size().columns,
        )
        click.echo(text, nl=False)
