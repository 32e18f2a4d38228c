"""The bundled bank, whatever its curators change, passes `check` and builds every output (`make demo`).

Code tests use the frozen fixture banks under tests/fixtures/; these are the only tests besides
test_bundled_bank_coverage.py that read question_bank/, and every figure they expect is computed
from the loaded bank, so editing, adding or removing items never breaks them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from pypdf import PdfReader

from quizgen.core.loader import load_bank
from quizgen.core.model import QUESTION_TYPES
from quizgen.core.select import SelectedQuestion
from quizgen.worksheet import WorksheetOptions, build_worksheet

REPOSITORY = Path(__file__).resolve().parent.parent
BUNDLED_BANK = REPOSITORY / "question_bank" / "kazakhstan-turkey.yaml"


def quizgen(*arguments: str, answers: str = "", epoch: str | None = None):
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        cwd=REPOSITORY,
        env=environment,
        input=answers,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def bank():
    return load_bank(BUNDLED_BANK)


def test_check_passes_with_a_summary(bank):
    result = quizgen("check")
    assert result.returncode == 0, result.stderr
    counts = Counter(q.type for q in bank.questions)
    by_type = ", ".join(f"{kind} {counts[kind]}" for kind in QUESTION_TYPES if counts[kind])
    covered = len({p for q in bank.questions for p in q.passages})
    expected = (
        f"OK: 1 bank(s), {len(bank.questions)} items ({by_type}), "
        f"{covered}/{len(bank.passages)} passages covered"
    )
    assert result.stdout.strip().splitlines()[-1] == expected


def test_the_deck_is_reproducible_and_imports_into_anki_with_every_card(bank, tmp_path):
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    for path in (first, second):
        result = quizgen("anki", "-o", str(path), epoch="1700000000")
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(first),
            options=collection._backend.get_import_anki_package_presets(),
        )
        log = collection.import_anki_package(request).log
        cards = {"cloze": lambda q: len(q.deletions), "vocab": lambda q: 2}
        expected_cards = sum(cards.get(q.type, lambda q: 1)(q) for q in bank.questions)
        assert len(log.new) == len(bank.questions) and not log.conflicting
        assert collection.card_count() == expected_cards
    finally:
        collection.close()


def test_the_demo_worksheet_and_its_key_build_and_are_reproducible(tmp_path):
    """The worksheet command of `make demo`, twice: the same bytes, one page or more per file."""
    built = []
    for run in ("first", "second"):
        worksheet, key = tmp_path / f"{run}-worksheet.pdf", tmp_path / f"{run}-key.pdf"
        result = quizgen(
            "worksheet", "-o", str(worksheet), "--key", str(key),
            "--count", "20", "--versions", "2", "--seed", "1", "--with-passages",
            epoch="1700000000",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        built.append((worksheet.read_bytes(), key.read_bytes()))
        assert len(PdfReader(worksheet).pages) >= 2 and len(PdfReader(key).pages) >= 2
    assert built[0] == built[1]


def test_every_item_prints_on_one_worksheet_with_every_glyph_in_the_font(bank):
    """All items in one version and its key: each item lays out, and no character prints as a box.

    A draw never holds two items of a family, so the library lays out every item at once."""
    every_item = [SelectedQuestion(bank, question) for question in bank.questions]
    built = build_worksheet(every_item, WorksheetOptions())
    assert built.missing_characters == []
    assert sum(len(version.questions) for version in built.versions) == len(bank.questions)
    assert built.worksheet_pages >= 2 and built.answer_key_pages >= 2


def test_a_quiz_session_runs_and_records_its_answers(bank, tmp_path):
    database = tmp_path / "progress.sqlite3"
    asked = min(3, sum(question.type == "true_false" for question in bank.questions))
    result = quizgen(
        "quiz", "--db", str(database), "--count", str(asked), "--seed", "1",
        "--types", "true_false", "--rtl", "terminal", answers="t\n" * asked,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    stats = quizgen("stats", "--db", str(database), "--format", "json")
    assert stats.returncode == 0, stats.stderr
    recorded = json.loads(stats.stdout)
    assert recorded["reviews"] == asked and recorded["items"] == asked
