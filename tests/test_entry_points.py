"""The public entry points, in-process: worksheet versions and their key, a deck, and quiz sessions
over simulated days with a fake clock, a scripted reader and a display writing to memory."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgen.anki import DeckOptions, build_deck
from quizgen.core import Selection, load_bank, select_questions
from quizgen.core.families import bank_families
from quizgen.core.question_types import DEFINITIONS
from quizgen.locale import locale_for
from quizgen.quiz import Display, ProgressStore, Quiz, QuizSettings
from quizgen.worksheet import WorksheetOptions, build_worksheet
from quizgen.worksheet.answer_key import full_answer, grid_answer

ARABIC_BANK = Path(__file__).parent / "fixtures/arabic/question_bank/arabic-fixture.yaml"
ARABIC = locale_for("ar")


@pytest.fixture(scope="module")
def bank():
    return load_bank(ARABIC_BANK)


@pytest.fixture(scope="module")
def worksheet(bank):
    selected = select_questions([bank])
    counted = []

    def progress(versions):
        for version in versions:
            counted.append(version.letter)
            yield version

    built = build_worksheet(selected, WorksheetOptions(versions=3, seed="7"), progress=progress)
    return selected, built, counted


def test_every_version_has_every_question_once_and_reports_progress(worksheet):
    selected, built, counted = worksheet
    assert counted == ["A", "B", "C"]
    keys = sorted(item.key for item in selected)
    for version in built.versions:
        assert sorted(question.item.key for question in version.questions) == keys
        assert [question.number for question in version.questions] == list(range(1, len(keys) + 1))
    orders = {tuple(q.item.key for q in version.questions) for version in built.versions}
    assert len(orders) == 3
    assert built.worksheet.startswith(b"%PDF") and built.answer_key.startswith(b"%PDF")


def test_the_key_grid_and_full_answers_follow_each_printed_order(worksheet):
    _, built, _ = worksheet
    for version in built.versions:
        for printed in version.questions:
            question = printed.question
            grid, full = grid_answer(ARABIC, printed), full_answer(ARABIC, printed)
            if DEFINITIONS[question.type].arranged == "options":
                letters = [
                    ARABIC.option_letters[index]
                    for index, option in enumerate(printed.options)
                    if option.correct
                ]
                assert grid == ARABIC.list_separator.join(letters)
                for letter in letters:
                    assert f"{letter}) " in full
                assert sorted(o.text for o in printed.options) == sorted(
                    o.text for o in question.options
                )
            elif question.answer is not None:
                assert grid == full == (ARABIC.true if question.answer else ARABIC.false)
            elif question.pairs:
                assert list(printed.matches) != [pair.right for pair in question.pairs]
                for pair, letter in zip(
                    question.pairs, grid.split(ARABIC.list_separator), strict=True
                ):
                    assert printed.matches[ARABIC.option_letters.index(letter)] == pair.right
            elif question.items:
                assert list(printed.order_items) != list(question.items)
                ranks = [int(rank) for rank in grid.split(ARABIC.list_separator)]
                assert [question.items[rank - 1] for rank in ranks] == list(printed.order_items)
            elif question.answers:
                assert grid == question.answers[0]
            elif question.deletions:
                assert grid == ARABIC.list_separator.join(question.deletions)
            else:
                assert grid == question.gloss


def test_a_deck_is_built_in_memory_with_progress(bank):
    selected = select_questions([bank])
    seen = []
    deck = build_deck(
        [bank], selected, DeckOptions(), progress=lambda items: seen.extend(items) or seen
    )
    assert deck.notes == len(selected) == len(seen)
    assert deck.cards >= deck.notes


class FakeClock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


class ScriptedLearner:
    """Reads the question on the display and answers it, wrongly for the ids in `wrong`; every
    answer takes `seconds_per_answer` of the fake clock."""

    def __init__(self, bank, screen: io.StringIO, clock: FakeClock, wrong=frozenset()):
        self.bank, self.screen, self.clock, self.wrong = bank, screen, clock, wrong
        self.asked: list[str] = []
        self.seconds_per_answer = 7

    def read(self, prompt: str) -> str:
        shown = self.screen.getvalue()
        question = max(
            (q for q in self.bank.questions if q.prompt and q.prompt in shown),
            key=lambda q: shown.rindex(q.prompt),
        )
        self.asked.append(question.id)
        self.clock.now += timedelta(seconds=self.seconds_per_answer)
        right = question.id not in self.wrong
        if question.answer is not None:
            return "ص" if question.answer == right else "خ"
        return question.answers[0] if right else "لا أعرف"


def run_quiz(bank, store, clock, mode: str, wrong=frozenset()) -> tuple[ScriptedLearner, str]:
    screen = io.StringIO()
    learner = ScriptedLearner(bank, screen, clock, wrong)
    settings = QuizSettings(mode=mode, count=20, seed="5", fresh=True)
    selection = Selection(types=frozenset({"true_false", "short"}))
    display = Display("terminal", screen)
    Quiz([bank], selection, settings, store, display, learner, ARABIC, clock=clock).run()
    return learner, screen.getvalue()


def test_scheduling_over_simulated_days(bank, tmp_path):
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    clock = FakeClock(start)
    asked = [q for q in bank.questions if q.type in ("true_false", "short")]
    families = bank_families(bank)
    # One item per family: items that give each other away are never in one session.
    expected = len({families.get(question.id, question.id) for question in asked})
    with ProgressStore.open(tmp_path / "progress.sqlite3") as store:
        learner, _ = run_quiz(bank, store, clock, "practice")
        assert len(learner.asked) == expected < len(asked)
        keys = {f"{bank.id}/{question_id}" for question_id in learner.asked}
        answers = store.answers()
        assert {answer.duration_ms for answer in answers} == {7000}
        assert all(answer.reviewed_at > start for answer in answers)

        # An hour later every card is due again (new cards are still in their learning steps).
        clock.now = start + timedelta(hours=1)
        first_wrong = sorted(keys)[0].split("/")[1]
        learner, _ = run_quiz(bank, store, clock, "review", wrong={first_wrong})
        assert len(learner.asked) == len(keys)
        states = store.card_states(keys)
        lapsed = f"{bank.id}/{first_wrong}"
        assert states[lapsed].due < clock.now + timedelta(days=1)
        assert all(states[key].due > clock.now + timedelta(days=1) for key in keys - {lapsed})

        # The next day, of the cards seen, only the one answered wrongly is due; it comes first,
        # then items never asked (left out so far because a family member was asked).
        clock.now = start + timedelta(days=1)
        learner, _ = run_quiz(bank, store, clock, "review")
        assert learner.asked[0] == first_wrong
        seen = {key.split("/")[1] for key in keys}
        assert seen.isdisjoint(learner.asked[1:])
        seen.update(learner.asked)

        # Right after, nothing seen is due: only never-asked items come, until none is left and
        # the quiz says when the next review is.
        for _ in range(len(asked)):
            learner, screen = run_quiz(bank, store, clock, "review")
            assert seen.isdisjoint(learner.asked)
            seen.update(learner.asked)
            if not learner.asked:
                break
        assert learner.asked == [] and seen == {question.id for question in asked}
        assert ARABIC.messages["nothing_due"].split(":")[0] in screen

        # Two months on, everything is due again: one item of each family.
        clock.now = start + timedelta(days=60)
        learner, _ = run_quiz(bank, store, clock, "review")
        assert len(learner.asked) == expected
