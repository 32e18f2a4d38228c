"""`quizgen coverage`: per passage and sentence, which questions cite it; what no question uses."""

from __future__ import annotations

import json

import pytest
from english_bank import write_english_project
from run_quizgen import quizgen

from quizgen.core import load_bank
from quizgen.core.coverage import bank_coverage
from quizgen.core.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two? Three! Four", ["One.", "Two?", "Three!", "Four"]),
        ("It cost 1.50 dollars. Then 2.", ["It cost 1.50 dollars.", "Then 2."]),
        ('"Really?" he said. (Yes.) No…', ['"Really?"', "he said.", "(Yes.)", "No…"]),
        ("هل جاء؟ نعم. قال: «وصلنا.» ثم مضى", ["هل جاء؟", "نعم.", "قال: «وصلنا.»", "ثم مضى"]),
        ("أولاً؛ ثانياً! ثالثاً", ["أولاً؛", "ثانياً!", "ثالثاً"]),
        ("No end mark", ["No end mark"]),
        ("  ", []),
    ],
)
def test_sentences_split_for_arabic_and_latin(text, sentences):
    assert split_sentences(text) == sentences


def test_coverage_counts_citations_per_passage_and_sentence(tmp_path):
    coverage = bank_coverage(load_bank(write_english_project(tmp_path)))
    assert coverage.types == {
        "mcq": 1, "multi": 0, "true_false": 1, "short": 1,
        "cloze": 0, "matching": 1, "ordering": 0, "vocab": 0,
    }  # fmt: skip
    assert coverage.levels == {1: 3, 2: 1, 3: 0}
    by_id = {passage.id: passage for passage in coverage.passages}
    assert by_id["p1"].question_ids == ("e1", "e3")
    assert [s.question_ids for s in by_id["p1"].sentences] == [("e3",), ("e1",)]
    assert [s.question_ids for s in by_id["p2"].sentences] == [("e3",), ()]
    assert [s.question_ids for s in by_id["p3"].sentences] == [(), ("e4",)]
    unused = [(passage_id, sentence.text) for passage_id, sentence in coverage.unused_sentences]
    assert unused == [
        ("p2", "By 2007 the sea had shrunk to a tenth of its former size."),
        ("p3", "The fishing town of Aralsk, once a busy port, now stands far from the water."),
        ("p4", "Fish returned, and so did some of the fishermen."),
    ]


def test_a_quote_across_two_sentences_counts_for_both(tmp_path):
    from english_bank import BANK

    text = BANK.replace(
        '      - "dust storms carry salt across the region"',
        '      - "far from the water. Rusting boats"',
    )
    coverage = bank_coverage(load_bank(write_english_project(tmp_path, text)))
    p3 = coverage.passages[2]
    assert [s.question_ids for s in p3.sentences] == [("e4",), ("e4",)]


def test_coverage_cli_text_and_json(tmp_path):
    path = write_english_project(tmp_path)
    text = quizgen("coverage", str(path), cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "  p1: cited by 2 question(s)" in text.stdout
    assert "  sentences no question uses: 3 of 8" in text.stdout
    document = json.loads(quizgen("coverage", str(path), "--format", "json", cwd=tmp_path).stdout)
    (bank,) = document["banks"]
    assert bank["levels"] == {"1": 3, "2": 1, "3": 0}
    assert bank["passages"][0]["sentences"][1]["question_ids"] == ["e1"]
    assert len(bank["unused_sentences"]) == 3
    assert set(bank) == {"id", "questions", "types", "levels", "passages", "unused_sentences"}


def test_every_arabic_question_is_found_in_some_sentence(tmp_path):
    from bank_builder import write_project

    bank = load_bank(write_project(tmp_path))
    coverage = bank_coverage(bank)
    using = {
        question_id
        for passage in coverage.passages
        for sentence in passage.sentences
        for question_id in sentence.question_ids
    }
    assert using == {question.id for question in bank.questions}
    sentences = [s.text for passage in coverage.passages for s in passage.sentences]
    assert all(s.endswith((".", "؟", "!", "؛", "»", "”", ")")) for s in sentences[:-1]), sentences
