"""Selection and seeded shuffling: the same seed gives the same draw and orders on every run."""

from __future__ import annotations

import pytest
from bank_builder import write_project

from quizgen.core import QuizgenError, Selection, load_bank, select_questions
from quizgen.core.shuffle import shuffled, shuffled_unlike


def test_shuffled_unlike_never_keeps_the_order_to_rebuild():
    items = ["a", "b", "c"]
    kept = [seed for seed in range(200) if shuffled(items, seed, "t") == items]
    assert kept, "some seed leaves three items in place"
    assert all(shuffled_unlike(items, seed, "t") != items for seed in range(200))
    assert sorted(shuffled_unlike(items, kept[0], "t")) == items


def test_a_draw_is_fixed_by_its_seed_and_keeps_bank_order(tmp_path):
    bank = load_bank(write_project(tmp_path))
    draws = {
        seed: [item.question.id for item in select_questions([bank], count=4, seed=seed)]
        for seed in range(6)
    }
    assert all(
        draw == [item.question.id for item in select_questions([bank], count=4, seed=seed)]
        for seed, draw in draws.items()
    )
    assert len({tuple(draw) for draw in draws.values()}) > 1
    order = [question.id for question in bank.questions]
    assert all(draw == sorted(draw, key=order.index) for draw in draws.values())


def test_filters_combine_and_an_empty_result_is_an_error(tmp_path):
    bank = load_bank(write_project(tmp_path))
    chosen = select_questions(
        [bank], Selection(types=frozenset({"mcq", "multi"}), difficulty=frozenset({2}))
    )
    assert [item.question.id for item in chosen] == ["m2"]
    with pytest.raises(QuizgenError, match="no question matches"):
        select_questions([bank], Selection(types=frozenset({"mcq"}), difficulty=frozenset({3})))
