"""Question types are definitions in core, and every output has a renderer for each of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.anki.fields import RENDERERS as ANKI_RENDERERS
from quizgen.core.model import QUESTION_TYPES, Option, Pair, Question
from quizgen.core.question_types import DEFINITIONS, require_every_type
from quizgen.core.starter import EXAMPLES
from quizgen.grade.class_results import CHOICE_LISTS
from quizgen.grade.marking import MARKERS
from quizgen.lint.bank_rules import TYPE_TRAITS
from quizgen.lint.item_rules import RULES_BY_TYPE
from quizgen.quiz.questions import RENDERERS as QUIZ_RENDERERS
from quizgen.worksheet.answer_data import KEY_WRITERS
from quizgen.worksheet.answer_key import KEY_ENTRIES
from quizgen.worksheet.answer_sheet import SHEET_CELLS
from quizgen.worksheet.question_blocks import SECTIONS

SOURCE = Path(__file__).resolve().parent.parent / "src" / "quizgen"

REGISTRIES = {
    "core definitions": DEFINITIONS,
    "Anki notes": ANKI_RENDERERS,
    "worksheet sections": SECTIONS,
    "answer key entries": KEY_ENTRIES,
    "quiz renderers": QUIZ_RENDERERS,
    "answer data": KEY_WRITERS,
    "answer sheet cells": SHEET_CELLS,
    "grade markers": MARKERS,
    "grade choice counts": CHOICE_LISTS,
    "lint item rules": RULES_BY_TYPE,
    "lint bank traits": TYPE_TRAITS,
    "new-bank examples": EXAMPLES,
}


@pytest.mark.parametrize("name", REGISTRIES)
def test_every_output_has_a_renderer_for_every_type(name):
    assert set(REGISTRIES[name]) == set(QUESTION_TYPES)


def test_an_output_missing_a_type_cannot_load():
    table = {name: object() for name in QUESTION_TYPES if name != "matching"}
    with pytest.raises(RuntimeError, match="missing \\['matching'\\]"):
        require_every_type(table, "a new output")
    with pytest.raises(RuntimeError, match="unknown \\['essay'\\]"):
        require_every_type({**table, "matching": 1, "essay": 1}, "a new output")


def test_no_type_names_are_compared_outside_the_definitions_and_registries():
    names = "|".join(QUESTION_TYPES)
    comparison = re.compile(
        rf"""(==|!=|\bin)\s*\(?\s*["']({names})["']|["']({names})["']\s*(==|!=)"""
    )
    found = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in SOURCE.rglob("*.py")
        if "question_types" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if comparison.search(line)
    ]
    assert len(found) <= 5, found


def _question(question_type: str, **fields) -> Question:
    return Question(
        id="q1",
        type=question_type,
        passages=("p1",),
        prompt="?",
        evidence=("x",),
        explanation="",
        tags=(),
        difficulty=1,
        **fields,
    )


def test_orderings_and_matchings_are_never_shown_solved_whatever_the_seed():
    ordering = _question("ordering", items=("a", "b", "c"))
    matching = _question("matching", pairs=(Pair("1", "a"), Pair("2", "b"), Pair("3", "c")))
    for question in (ordering, matching):
        definition = DEFINITIONS[question.type]
        orders = {definition.arrange(question, seed, "test") for seed in range(300)}
        assert (0, 1, 2) not in orders
        assert len(orders) == 5  # every other permutation of three occurs


def test_options_may_keep_their_place_and_the_same_seed_gives_the_same_order():
    mcq = _question("mcq", options=(Option("a", True), Option("b", False), Option("c", False)))
    definition = DEFINITIONS["mcq"]
    orders = {definition.arrange(mcq, seed, "test") for seed in range(300)}
    assert (0, 1, 2) in orders and len(orders) == 6
    assert definition.arrange(mcq, "s", "p") == definition.arrange(mcq, "s", "p")


def test_types_without_an_arrangement_arrange_nothing():
    assert DEFINITIONS["true_false"].arrange(_question("true_false", answer=True), 1, "x") == ()


def test_typed_types_say_what_they_accept():
    short = _question("short", answers=("Syr Darya", "the Syr Darya"))
    cloze = _question("cloze", sentence="a b c", deletions=("a", "c"))
    vocab = _question("vocab", term="b", gloss="bee", sentence="a b c")
    assert DEFINITIONS["short"].typed_answers(short) == (("Syr Darya", "the Syr Darya"),)
    assert DEFINITIONS["cloze"].typed_answers(cloze) == (("a",), ("c",))
    assert DEFINITIONS["vocab"].typed_answers(vocab) == (("b",),)
    assert not DEFINITIONS["mcq"].is_typed and DEFINITIONS["cloze"].is_typed
