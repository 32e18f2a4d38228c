"""`quizgen quiz` with piped input, review mode, `quizgen stats`, and refused databases."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from english_bank import BANK, write_english_project

from quizgen.core.loader import load_bank

QUIZGEN = Path(sys.executable).with_name("quizgen")
BANKS = Path(__file__).parent / "fixtures" / "quiz" / "question_bank"
ARABIC_BANK = BANKS / "library.ar.yaml"
ENGLISH_BANK = BANKS / "library.en.yaml"


def environment(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("QUIZGEN_RTL", "QUIZGEN_DB")}
    return {**base, **extra}


def quizgen(*arguments: str, answers: str = "", **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(QUIZGEN), *arguments],
        input=answers,
        capture_output=True,
        text=True,
        env=environment(**extra),
        timeout=60,
    )


def reply(question, right: bool) -> str:
    if question.type == "true_false":
        return "t" if question.answer == right else "f"
    return question.answers[0] if right else "teachers"


def run_english_session(database: Path, right: bool = True) -> list[subprocess.CompletedProcess]:
    """The true/false and the short question of the English bank, one session each."""
    bank = load_bank(ENGLISH_BANK)
    return [
        quizgen(
            "quiz",
            str(ENGLISH_BANK),
            "--db",
            str(database),
            "--types",
            question.type,
            "--seed",
            "1",
            answers=reply(question, right) + "\n",
        )
        for question in bank.questions
        if question.type in ("true_false", "short")
    ]


def test_piped_answers_are_read_echoed_graded_and_stored(tmp_path):
    database = tmp_path / "progress.sqlite3"
    true_false, short = run_english_session(database)
    for result in (true_false, short):
        assert result.returncode == 0, result.stderr
        assert "✓ Correct." in result.stdout
        assert "Score: 1 of 1 (100%)" in result.stdout
    short_question = load_bank(ENGLISH_BANK).question("en03")
    assert f"> {short_question.answers[0]}\n" in short.stdout
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT question_key, verdict, rating FROM reviews").fetchall()
    assert sorted(verdict for _, verdict, _ in rows) == ["correct", "correct"]
    assert {rating for *_, rating in rows} == {3}


def test_stats_in_text_and_json_count_answers_and_due_items(tmp_path):
    database = tmp_path / "progress.sqlite3"
    run_english_session(database, right=True)
    run_english_session(database, right=False)
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE cards SET due = '2000-01-01T00:00:00.000000+00:00' "
            "WHERE question_key = 'library-en/en02'"
        )
    result = quizgen("stats", "--db", str(database), "--format", "json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["reviews"] == 4
    assert figures["correct_percent"] == 50
    assert figures["items"] == 2
    assert figures["due"] == 1
    assert figures["due_today"] >= 1 and figures["due_week"] == 2
    assert {entry["type"]: entry["reviews"] for entry in figures["by_type"]} == {
        "true_false": 2,
        "short": 2,
    }
    passages = {(entry["bank"], entry["passage"]): entry for entry in figures["by_passage"]}
    assert passages[("library-en", "p2")]["reviews"] == 4
    assert passages[("library-en", "p2")]["due"] == 1

    text = quizgen("stats", "--db", str(database))
    assert text.returncode == 0, text.stderr
    assert "Answers recorded: 4" in text.stdout
    assert "By passage" in text.stdout and "By type" in text.stdout
    assert "library-en p2" in text.stdout
    assert "█████░░░░░  50%" in text.stdout


def test_review_mode_serves_due_items_first_then_new_ones(tmp_path):
    database = tmp_path / "progress.sqlite3"
    run_english_session(database)
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE cards SET due = '2000-01-01T00:00:00.000000+00:00' "
            "WHERE question_key = 'library-en/en03'"
        )
    bank = load_bank(ENGLISH_BANK)
    due_question = bank.question("en03")
    result = quizgen(
        "quiz",
        str(ENGLISH_BANK),
        "--db",
        str(database),
        "--mode",
        "review",
        "--count",
        "2",
        "--ui-lang",
        "ar",
        answers="s\ns\n",
    )
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.split("السؤال 1 من 2")[1].split("السؤال 2 من 2")
    assert due_question.prompt in first
    new_question = next(question for question in bank.questions if question.type == "mcq")
    assert new_question.prompt in second


def test_review_mode_with_nothing_due_says_when_the_next_review_is(tmp_path):
    database = tmp_path / "progress.sqlite3"
    run_english_session(database)
    result = quizgen(
        "quiz",
        str(ENGLISH_BANK),
        "--db",
        str(database),
        "--mode",
        "review",
        "--types",
        "true_false,short",
    )
    assert result.returncode == 0, result.stderr
    assert "Nothing is due for review and no question is new. Next review:" in result.stdout


def test_interface_language_follows_the_bank_unless_chosen(tmp_path):
    database = tmp_path / "progress.sqlite3"
    arabic = quizgen("quiz", str(ARABIC_BANK), "--db", str(database), "--types", "short")
    assert "السؤال 1 من 1" in arabic.stdout
    english = quizgen(
        "quiz",
        str(ARABIC_BANK),
        "--db",
        str(database),
        "--types",
        "short",
        "--fresh",
        "--ui-lang",
        "en",
    )
    assert "Question 1 of 1" in english.stdout
    assert load_bank(ARABIC_BANK).question("lib04").prompt in english.stdout


@pytest.mark.parametrize("command", ["quiz", "stats"])
def test_a_corrupt_database_is_refused_without_traceback_and_left_byte_identical(tmp_path, command):
    database = tmp_path / "progress.sqlite3"
    database.write_bytes(b"SQLite format 3\x00" + os.urandom(4096 * 3))
    before = database.read_bytes()
    arguments = [command, "--db", str(database)]
    if command == "quiz":
        arguments.insert(1, str(ENGLISH_BANK))
    result = quizgen(*arguments, answers="t\n")
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: progress database {database}")
    assert "left untouched" in result.stderr and "Traceback" not in result.stderr
    assert "--db FILE or the QUIZGEN_DB variable" in result.stderr  # only the CLI names options
    assert database.read_bytes() == before


@pytest.mark.parametrize("command", ["quiz", "stats"])
def test_an_empty_database_file_is_no_answers_yet_for_quiz_and_stats_alike(tmp_path, command):
    database = tmp_path / "empty.sqlite3"
    database.write_bytes(b"")
    arguments = [command, "--db", str(database)]
    if command == "quiz":
        arguments[1:1] = [str(ENGLISH_BANK), "--count", "1", "--types", "true_false"]
    result = quizgen(*arguments, answers="q\n")
    assert result.returncode == 0, result.stderr
    if command == "stats":
        assert "No answers recorded yet" in result.stdout
        assert json.loads(quizgen(*arguments, "--format", "json").stdout)["reviews"] == 0


def test_a_bad_rtl_variable_is_a_clear_error_that_names_the_way_out(tmp_path):
    result = quizgen("stats", "--db", str(tmp_path / "none.sqlite3"), QUIZGEN_RTL="sideways")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "QUIZGEN_RTL=sideways is not a display mode" in result.stderr
    assert "--rtl" in result.stderr


def test_stats_on_a_missing_database_reports_nothing_and_creates_nothing(tmp_path):
    database = tmp_path / "none.sqlite3"
    result = quizgen("stats", "--db", str(database), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["reviews"] == 0
    assert "No answers recorded yet" in quizgen("stats", "--db", str(database)).stdout
    assert not database.exists()


def test_the_database_location_comes_from_the_environment(tmp_path):
    through_variable = tmp_path / "from-variable.sqlite3"
    quizgen(
        "quiz",
        str(ENGLISH_BANK),
        "--types",
        "true_false",
        answers="t\n",
        QUIZGEN_DB=str(through_variable),
    )
    assert through_variable.exists()
    data_home = tmp_path / "data"
    result = quizgen(
        "quiz",
        str(ENGLISH_BANK),
        "--types",
        "true_false",
        answers="t\n",
        XDG_DATA_HOME=str(data_home),
    )
    assert f"Progress saved in {data_home / 'quizgen' / 'progress.sqlite3'}" in result.stdout


def test_a_bad_rtl_setting_is_a_clear_error(tmp_path):
    result = quizgen(
        "quiz", str(ENGLISH_BANK), "--db", str(tmp_path / "p.sqlite3"), QUIZGEN_RTL="sideways"
    )
    assert result.returncode == 1
    assert "QUIZGEN_RTL=sideways" in result.stderr and "Traceback" not in result.stderr


def test_the_quiz_never_imports_the_pdf_or_anki_libraries(tmp_path):
    probe = (
        "import atexit, sys\n"
        "heavy = ('reportlab', 'genanki')\n"
        "atexit.register(lambda: print('HEAVY', sorted({m.split('.')[0] for m in sys.modules"
        " if m.split('.')[0] in heavy}), file=sys.stderr))\n"
        "from quizgen.cli.main import run\n"
        "sys.argv = ['quizgen'] + sys.argv[1:]\n"
        "run()\n"
    )
    database = tmp_path / "progress.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", probe, "quiz", str(ENGLISH_BANK), "--db", str(database)],
        input="t\n",
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr


def test_the_blanks_of_a_cloze_are_kept_apart_by_a_slash_not_a_comma(tmp_path):
    """A blank may hold a comma (68,000, or the French 2,5): the answer and the key are listed the
    same way, with a separator no blank is read into."""
    cloze = """  - id: "blanks"
    type: "cloze"
    passages:
      - "p1"
    sentence: "In 1960 it was the fourth largest lake in the world, covering about 68,000 square kilometres."
    deletions:
      - "1960"
      - "68,000"
    evidence:
      - "covering about 68,000 square kilometres"
    explanation: "The first paragraph."
    difficulty: 1
"""
    bank = write_english_project(tmp_path, BANK + cloze)
    result = quizgen(
        "quiz",
        str(bank),
        "--types",
        "cloze",
        "--db",
        str(tmp_path / "progress.sqlite3"),
        answers="1960\n68\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Your answer: 1960 / 68\n" in result.stdout
    assert "Correct answer: 1960 / 68,000\n" in result.stdout
