"""docs/your-own-article.md run as a teacher runs it: its commands, in its order, in a new folder
outside the repository, on the English article and questions the test ships.

The commands are read from the tutorial's `sh` blocks, so the page cannot drift from what works;
each is run as written (the quiz is played through a pipe, question by question), and what it made
is then checked with the real tools: the deck imported into Anki, the worksheet read back as text,
the quiz's answers read back from `quizgen stats --format json`, the class graded from the
tutorial's own responses.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import select
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from external_tools import needs

from quizgen.core.loader import load_bank

REPOSITORY = Path(__file__).resolve().parent.parent
TUTORIAL = REPOSITORY / "docs" / "your-own-article.md"
FIXTURE = REPOSITORY / "tests" / "fixtures" / "tutorial"
ARTICLE = FIXTURE / "aral-sea.txt"
QUESTIONS = FIXTURE / "aral-sea-questions.yaml"
QUIZGEN = Path(sys.executable).with_name("quizgen")
BANK = Path("question_bank") / "aral-sea.yaml"
# The English walk-through ends where the French example begins.
FRENCH_HEADING = "## The same in French"
QUIZ_COMMAND = "quizgen quiz question_bank/aral-sea.yaml"
# What the player types for the typed-answer questions: each accepted, none as the bank lists it.
RIGHT_ANSWERS = {
    "aral-size": "68000",
    "aral-dam-year": "2005",
    "aral-hydrologist": "helene dupres",
}
WRONG_ANSWER = "1990"
SECONDS_FOR_ONE_SCREEN = 30


def english_walkthrough() -> str:
    return TUTORIAL.read_text(encoding="utf-8").split(FRENCH_HEADING)[0]


def fenced_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def tutorial_commands() -> list[str]:
    """Every quizgen command of the English walk-through, in order, comments dropped."""
    return [
        line.split("  #")[0].strip()
        for block in fenced_blocks(english_walkthrough(), "sh")
        for line in block.splitlines()
        if line.startswith("quizgen ")
    ]


@dataclass
class Step:
    command: str
    then: Callable[[Path, subprocess.CompletedProcess], None] = lambda folder, result: None


def append_the_questions(folder: Path, result: subprocess.CompletedProcess) -> None:
    """What the teacher does after `quizgen new`: write the questions into the bank it started."""
    bank = folder / BANK
    with bank.open("a", encoding="utf-8") as file:
        file.write("\n" + QUESTIONS.read_text(encoding="utf-8"))


def type_the_class_responses(folder: Path, result: subprocess.CompletedProcess) -> None:
    """The teacher types the sheets into responses.csv: the tutorial's own example."""
    (responses,) = fenced_blocks(english_walkthrough(), "csv")
    (folder / "responses.csv").write_text(responses, encoding="utf-8")


# The tutorial's commands, in its order, with what the teacher does between them.
STEPS = [
    Step("quizgen new aral-sea.txt --lang en", append_the_questions),
    Step("quizgen passages question_bank/aral-sea.yaml"),
    Step("quizgen passages question_bank/aral-sea.yaml p4"),
    Step("quizgen check question_bank/aral-sea.yaml"),
    Step("quizgen coverage question_bank/aral-sea.yaml"),
    Step("quizgen lint question_bank/aral-sea.yaml"),
    Step("quizgen anki question_bank/aral-sea.yaml -o aral-sea.apkg"),
    Step("quizgen worksheet question_bank/aral-sea.yaml -o worksheet.pdf --key answer-key.pdf"),
    Step(QUIZ_COMMAND),
    Step("quizgen stats"),
    Step(
        "quizgen worksheet question_bank/aral-sea.yaml -o class.pdf --key class-key.pdf "
        "--versions 2 --seed 7 --answers-out answers.json --answer-sheet",
        type_the_class_responses,
    ),
    Step("quizgen grade responses.csv --answers answers.json"),
]


def environment(database: Path) -> dict[str, str]:
    kept = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QUIZGEN_DB", "QUIZGEN_RTL", "SOURCE_DATE_EPOCH")
    }
    return {**kept, "QUIZGEN_DB": str(database)}


def run(command: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    arguments = shlex.split(command)
    return subprocess.run(
        [str(QUIZGEN), *arguments[1:]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def play(command: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Play the quiz as a learner at a pipe: read each question, answer the first typed-answer
    question right and the second wrong, skip the others, then quit."""
    bank = load_bank(folder / BANK)
    by_prompt = {question.prompt: question for question in bank.questions if question.prompt}
    process = subprocess.Popen(
        [str(QUIZGEN), *shlex.split(command)[1:]],
        cwd=folder,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    screen, transcript, answered = b"", b"", 0
    while answered < 2:
        ready, _, _ = select.select([process.stdout], [], [], SECONDS_FOR_ONE_SCREEN)
        chunk = os.read(process.stdout.fileno(), 65536) if ready else b""
        if not chunk:
            process.kill()
            pytest.fail(f"the quiz stopped before two answers:\n{(transcript + screen).decode()}")
        screen += chunk
        if not screen.endswith(b"> "):
            continue
        header, prompt = screen.decode().split("\nQuestion ")[-1].splitlines()[:2]
        if header.endswith("· Short answer"):
            typed = RIGHT_ANSWERS[by_prompt[prompt].id] if answered == 0 else WRONG_ANSWER
            answered += 1
        else:
            typed = "s"
        process.stdin.write(typed.encode() + b"\n")
        process.stdin.flush()
        transcript, screen = transcript + screen, b""
    stdout, stderr = process.communicate(b"q\n", timeout=60)
    return subprocess.CompletedProcess(
        process.args, process.returncode, (transcript + screen + stdout).decode(), stderr.decode()
    )


@dataclass
class TutorialRun:
    folder: Path
    results: dict[str, subprocess.CompletedProcess]
    database: Path


@pytest.fixture(scope="module")
def tutorial(tmp_path_factory) -> TutorialRun:
    """The whole tutorial, once, in an empty folder outside the repository."""
    folder = tmp_path_factory.mktemp("teacher")
    assert REPOSITORY not in folder.parents
    shutil.copyfile(ARTICLE, folder / ARTICLE.name)
    database = folder.parent / "progress.sqlite3"
    env = environment(database)
    results = {}
    for step in STEPS:
        runner = play if step.command == QUIZ_COMMAND else run
        result = runner(step.command, folder, env)
        assert result.returncode == 0, f"{step.command}\n{result.stdout}\n{result.stderr}"
        results[step.command] = result
        step.then(folder, result)
    return TutorialRun(folder, results, database)


def test_the_test_runs_the_tutorials_commands_in_the_tutorials_order():
    assert tutorial_commands() == [step.command for step in STEPS]


def test_the_tutorials_questions_are_the_ones_the_test_writes():
    questions = QUESTIONS.read_text(encoding="utf-8")
    blocks = fenced_blocks(english_walkthrough(), "yaml")
    assert blocks
    for block in blocks:
        for question in block.split("\n\n"):
            assert question.strip("\n") in questions


def test_quizgen_new_prints_the_tutorials_next_steps(tutorial):
    printed = tutorial.results["quizgen new aral-sea.txt --lang en"].stdout
    assert "Header (guessed): 3 block(s) before the passages." in printed
    next_steps = [
        line.split("  #")[0].strip()
        for line in printed.split("Next:\n")[1].splitlines()
        if line.strip().startswith("quizgen ")
    ]
    assert set(next_steps) <= set(tutorial_commands())
    assert len(next_steps) >= 7
    seed = tutorial.folder / "seeds" / "aral-sea.en.txt"
    assert seed.read_text(encoding="utf-8") == ARTICLE.read_text(encoding="utf-8")


def test_the_bank_checks_clean_and_is_fully_covered(tutorial):
    bank = load_bank(tutorial.folder / BANK)
    assert len(bank.questions) == 10
    assert bank.article.author == "Zoë Marchetti" and bank.article.date == "14 March 2023"
    checked = tutorial.results["quizgen check question_bank/aral-sea.yaml"]
    assert checked.stdout.startswith("OK: 1 bank(s), 10 items (")
    assert "6/6 passages covered" in checked.stdout and checked.stderr == ""
    linted = tutorial.results["quizgen lint question_bank/aral-sea.yaml"]
    assert linted.stdout.strip() == "0 warning(s) in 10 items"
    covered = tutorial.results["quizgen coverage question_bank/aral-sea.yaml"]
    assert "sentences no question uses" in covered.stdout
    passage = tutorial.results["quizgen passages question_bank/aral-sea.yaml p4"]
    assert passage.stdout.strip() == bank.passage("p4").text


def test_the_deck_imports_into_anki_with_a_note_per_question(tutorial, tmp_path):
    bank = load_bank(tutorial.folder / BANK)
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(tutorial.folder / "aral-sea.apkg"),
            options=collection._backend.get_import_anki_package_presets(),
        )
        log = collection.import_anki_package(request).log
        assert len(log.new) == len(bank.questions) and not log.duplicate and not log.conflicting
        guids = {genanki.guid_for(bank.id, question.id): question for question in bank.questions}
        cards_per_question = {"cloze": 2, "vocab": 2}
        for card_id in collection.find_cards(""):
            card = collection.get_card(card_id)
            question = guids[card.note().guid]
            assert "direction: ltr" in card.question(), question.id
            assert "Zoë Marchetti" in card.answer(), question.id
        assert collection.card_count() == sum(
            cards_per_question.get(question.type, 1) for question in bank.questions
        )
        (hydrologist,) = collection.find_notes('"Answer:Hélène Duprès"')
        assert collection.get_note(hydrologist).guid == genanki.guid_for(
            bank.id, "aral-hydrologist"
        )
    finally:
        collection.close()


def pdf_text(path: Path) -> str:
    extracted = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(extracted.split())


@needs("pdftotext")
def test_the_worksheet_and_key_read_back(tutorial):
    bank = load_bank(tutorial.folder / BANK)
    worksheet = pdf_text(tutorial.folder / "worksheet.pdf")
    key = pdf_text(tutorial.folder / "answer-key.pdf")
    assert "The Sea That Walked Away — Zoë Marchetti, 14 March 2023" in worksheet
    for question in bank.questions:
        if question.prompt:
            assert question.prompt in worksheet, question.id
            assert question.prompt in key, question.id
        for quote in question.evidence:
            assert " ".join(quote.split()) in key, question.id
        for answer in question.answers:
            assert answer in key, question.id


def test_the_quiz_is_played_and_its_answers_are_stored(tutorial):
    played = tutorial.results[QUIZ_COMMAND].stdout
    assert played.count("✓ Correct.") == 1 and played.count("✗ Wrong.") == 1
    assert "Score: 1 of 2 (50%)" in played
    assert f"> {WRONG_ANSWER}\n" in played
    assert "Answers recorded: 2" in tutorial.results["quizgen stats"].stdout
    stats = run("quizgen stats --format json", tutorial.folder, environment(tutorial.database))
    figures = json.loads(stats.stdout)
    assert figures["reviews"] == 2 and figures["correct_percent"] == 50
    assert [(row["type"], row["reviews"]) for row in figures["by_type"]] == [("short", 2)]


def test_the_class_is_graded_as_the_tutorial_says(tutorial):
    answers = json.loads((tutorial.folder / "answers.json").read_text(encoding="utf-8"))
    assert [version["version"] for version in answers["versions"]] == ["A", "B"]
    graded = run(
        "quizgen grade responses.csv --answers answers.json --format json",
        tutorial.folder,
        environment(tutorial.database),
    )
    result = json.loads(graded.stdout)
    scores = {student["student"]: round(student["score"], 2) for student in result["students"]}
    assert scores == {"Ana": 10, "Ben": 6, "Chloé": 6.33}
    assert "Ana scores 10 of 10, Ben 6 and Chloé 6.33" in english_walkthrough()
    assert not result["problems"]
    (responses,) = fenced_blocks(english_walkthrough(), "csv")
    rows = list(csv.reader(io.StringIO(responses)))
    assert len(rows[0]) == 2 + len(answers["versions"][0]["questions"])
