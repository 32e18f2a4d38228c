"""Families: detected or explicit, in the JSON dump, kept apart by every draw, tagged in Anki."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest

from quizgen.core.families import bank_families
from quizgen.core.loader import load_bank
from quizgen.core.select import Selection, first_of_each_family, select_questions

FIXTURES = Path(__file__).parent / "fixtures" / "lint" / "question_bank"
CROSS = FIXTURES / "cross.yaml"
DRAWS = 500


def test_families_are_detected_or_explicit():
    families = bank_families(load_bank(CROSS))
    assert families["c1"] == families["c2"] == "c1"  # c2 shows c1's key
    assert families["c4"] == families["c5"] == "c4"  # same key, same evidence
    assert families["c7"] == families["c8"] == "c7"  # the vocab card shows the cloze's sentence
    assert families["c10"] == families["c11"] == "ferries"  # named in YAML, nothing detected
    for alone in ("c3", "c6", "c9", "c12"):
        assert alone not in families
    assert len(Counter(families.values())) == 4


def test_no_draw_puts_two_items_of_one_family_together():
    bank = load_bank(CROSS)
    families = bank_families(bank)
    sizes = Counter()
    for seed in range(DRAWS):
        drawn = select_questions([bank], Selection(), count=6, seed=seed)
        named = [families[item.question.id] for item in drawn if item.question.id in families]
        assert len(named) == len(set(named)), f"seed {seed} drew {named}"
        assert all(item.family == families.get(item.question.id) for item in drawn)
        sizes[len(drawn)] += 1
    # every family member is drawn by some seed: families limit draws, they do not exclude items
    drawn_ids = {
        item.question.id
        for seed in range(DRAWS)
        for item in select_questions([bank], Selection(), count=6, seed=seed)
    }
    assert drawn_ids == {question.id for question in bank.questions}
    assert sizes == {6: DRAWS}


def test_a_draw_of_every_item_keeps_one_of_each_family():
    bank = load_bank(CROSS)
    everything = select_questions([bank], Selection(), one_per_family=True, seed=1)
    assert len(everything) == 12 - 4  # 12 items, four families of two
    assert len(select_questions([bank], Selection())) == 12  # no draw: Anki and the pool keep all
    assert select_questions([bank], Selection(), count=100, seed=3) == select_questions(
        [bank], Selection(), count=100, seed=3
    )


def test_first_of_each_family_keeps_the_order_given():
    bank = load_bank(CROSS)
    items = select_questions([bank], Selection())
    kept = first_of_each_family(reversed(items))
    assert [item.question.id for item in kept][:3] == ["c12", "c11", "c9"]
    assert "c10" not in {item.question.id for item in kept}


def test_dump_gives_each_question_its_family():
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "dump", str(CROSS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    questions = json.loads(result.stdout)["banks"][0]["questions"]
    by_id = {question["id"]: question["family"] for question in questions}
    assert by_id["c2"] == "c1" and by_id["c11"] == "ferries" and by_id["c3"] is None
    assert all("family" in question for question in questions)


def test_anki_keeps_every_item_and_tags_its_family(tmp_path):
    deck = tmp_path / "cross.apkg"
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "anki", str(CROSS), "-o", str(deck)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(deck), options=collection._backend.get_import_anki_package_presets()
        )
        collection.import_anki_package(request)
        note_ids = collection.find_notes("")
        assert len(note_ids) == 12
        tagged = Counter(
            tag
            for note_id in note_ids
            for tag in collection.get_note(note_id).tags
            if tag.startswith("family::")
        )
        assert tagged == {
            "family::c1": 2,
            "family::c4": 2,
            "family::c7": 2,
            "family::ferries": 2,
        }
    finally:
        collection.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_a_worksheet_without_count_has_one_item_of_each_family(tmp_path):
    sheet = tmp_path / "sheet.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "worksheet", str(CROSS), "-o", str(sheet), "--seed", "4"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    bank = load_bank(CROSS)
    families = bank_families(bank)
    shown = [
        question.id
        for question in bank.questions
        if (question.prompt or question.term) and (question.prompt or question.term) in text
    ]
    named = [families[question_id] for question_id in shown if question_id in families]
    assert len(named) == len(set(named)) == 4
