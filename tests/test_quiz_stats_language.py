"""`quizgen stats` in the interface language: Arabic for answers from an Arabic bank, laid out
right to left in both --rtl modes; English on request; JSON the same whatever the language."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from test_quiz_cli import ARABIC_BANK, BANKS, QUIZGEN, environment, quizgen

from quizgen.core.loader import load_bank
from quizgen.locale import locale_for
from quizgen.quiz.stats import bar
from quizgen.text.bidi import display_string
from quizgen.text.terminal import cell_width, shape

FIXTURE_FOLDER = BANKS.parent  # holds question_bank/, where stats looks up bank languages
RIGHT_TO_LEFT_MARK = "\u200f"
ARABIC = locale_for("ar")
ENGLISH = locale_for("en")


def arabic_answers(database: Path) -> None:
    """One session each: true/false right (passage p2), short wrong (p3), vocabulary wrong (p2)."""
    bank = load_bank(ARABIC_BANK)
    kinds = {question.type: question for question in bank.questions}
    assert kinds["true_false"].answer is True and "كتاب" not in kinds["vocab"].answers
    for kind, typed in (("true_false", "ص"), ("short", "معلم"), ("vocab", "كتاب")):
        result = quizgen(
            "quiz", str(ARABIC_BANK), "--db", str(database), "--types", kind, answers=typed + "\n"
        )
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "progress.sqlite3"
    arabic_answers(path)
    return path


def stats(database: Path, *options: str, folder: Path = FIXTURE_FOLDER) -> str:
    result = subprocess.run(
        [str(QUIZGEN), "stats", "--db", str(database), *options],
        capture_output=True,
        text=True,
        cwd=folder,
        env=environment(COLUMNS="100"),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def cells(line: str) -> list[str]:
    """A table line's cells: runs separated by two spaces or more, marks removed; a bar and its
    share, padded apart to line up, count as one cell joined by one space."""
    line = line.replace(RIGHT_TO_LEFT_MARK, "").strip()
    line = re.sub(r"([█░]) +(\d+%|-)", r"\1 \2", line)
    line = re.sub(r"(\d+%|-) +([█░])", r"\1 \2", line)
    return re.split(r" {2,}", line)


def table(output: str) -> list[str]:
    """The lines after the totals: both sections of the table."""
    return output.splitlines()[4:]


def row_index(output: str, label: str) -> int:
    found = [index for index, line in enumerate(table(output)) if cells(line)[0] == label]
    assert len(found) == 1, (label, output)
    return found[0]


def test_answers_from_an_arabic_bank_give_arabic_stats_in_logical_order_when_piped(database):
    output = stats(database)
    assert ARABIC("stats_answers", reviews=3, percent=33, items=3) in output
    assert "Answers recorded" not in output
    lines = table(output)
    assert cells(lines[0])[:3] == [
        ARABIC("stats_by_passage"),
        ARABIC("stats_column_answers"),
        ARABIC("stats_column_correct"),
    ]
    passage = lines[row_index(output, "library-ar p2")]
    assert passage.startswith(RIGHT_TO_LEFT_MARK)
    # Label, answers, bar and share, then the three due counts (which depend on the clock).
    assert cells(passage)[:3] == ["library-ar p2", "2", f"{bar(50)} 50%"]
    assert len(cells(passage)) == 6
    true_false = cells(lines[row_index(output, ARABIC.type_name("true_false"))])
    assert true_false[:3] == [ARABIC.type_name("true_false"), "1", f"{bar(100)} 100%"]
    short = cells(lines[row_index(output, ARABIC.type_name("short"))])
    assert short[:3] == [ARABIC.type_name("short"), "1", f"{bar(0)} 0%"]


def test_visual_mode_shows_the_table_right_to_left_as_a_reordering_terminal_would(database):
    logical = table(stats(database, "--rtl", "terminal"))
    visual = table(stats(database, "--rtl", "visual"))
    assert len(visual) == len(logical)
    for logical_line, visual_line in zip(logical, visual, strict=True):
        # A terminal applying the bidi algorithm (and joining letters) to the logical line.
        reordered = display_string(shape(logical_line), True).replace(RIGHT_TO_LEFT_MARK, "")
        assert cells(reordered) == cells(visual_line)
    # The label on the right (a Latin one still reads left to right), the bar filling from the
    # right, the share on the bar's left.
    passage = cells(visual[row_index(stats(database), "library-ar p2")])
    assert passage[-3:] == [f"50% {bar(50)[::-1]}", "2", "library-ar p2"]
    name = ARABIC.type_name("short")
    assert visual[row_index(stats(database), name)].endswith(display_string(shape(name), True))
    # Every table line of an Arabic interface ends at the same right edge.
    assert len({cell_width(line) for line in visual if line}) == 1


def test_ui_lang_en_gives_english_stats_for_an_arabic_bank(database):
    output = stats(database, "--ui-lang", "en")
    assert ENGLISH("stats_answers", reviews=3, percent=33, items=3) in output
    assert RIGHT_TO_LEFT_MARK not in output
    lines = table(output)
    assert cells(lines[0])[:3] == ["By passage", "answers", "correct"]
    assert cells(lines[row_index(output, "library-ar p2")])[:3] == [
        "library-ar p2",
        "2",
        f"{bar(50)} 50%",
    ]
    assert bar(50) in stats(database, "--ui-lang", "en", "--rtl", "visual")


def test_without_the_banks_under_question_bank_the_language_is_english(database, tmp_path):
    output = stats(database, folder=tmp_path)
    assert ENGLISH("stats_answers", reviews=3, percent=33, items=3) in output


def test_json_is_the_same_in_every_interface_language(database):
    shown = [
        stats(database, "--format", "json", *options)
        for options in ((), ("--ui-lang", "ar"), ("--ui-lang", "en", "--rtl", "visual"))
    ]
    assert shown[0] == shown[1] == shown[2]
    figures = json.loads(shown[0])
    assert figures["reviews"] == 3 and figures["correct_percent"] == 33
    assert {entry["type"] for entry in figures["by_type"]} == {"true_false", "short", "vocab"}
    assert set(figures["by_passage"][0]) == {
        "bank",
        "passage",
        "reviews",
        "correct_percent",
        "items",
        "due",
        "due_today",
        "due_week",
    }
