"""A quiz session: choosing questions for the mode, asking them, recording every answer, resuming.

Modes: practice draws a seeded random selection; review serves due cards first (most overdue
first), then questions never answered, and nothing that is not due; exam is practice without
feedback until the full report at the end.

A session is stored with its questions before the first one is asked. Quitting (q, Ctrl-C,
Ctrl-D) or a killed process leaves it unfinished, and the same command with the same banks and
options resumes it, serving only the questions not yet answered (a skipped one comes back).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from quizgen.core.model import Bank
from quizgen.core.select import (
    SelectedQuestion,
    Selection,
    first_of_each_family,
    select_questions,
)
from quizgen.core.shuffle import shuffled
from quizgen.locale import Locale
from quizgen.quiz import answers
from quizgen.quiz.display import Display
from quizgen.quiz.line_input import LineReader
from quizgen.quiz.progress_db import Answer, ProgressStore, Session
from quizgen.quiz.questions import Judgement, Paragraph, PosedQuestion
from quizgen.quiz.report import show_report
from quizgen.quiz.scheduler import card_id_for, rating_for, review, utc_now
from quizgen.text.grading import CORRECT, TYPO

DEFAULT_COUNT = 10
PROMPT = "> "

_ANSWERED = "answered"
_SKIPPED = "skipped"
_QUIT = "quit"


@dataclass(frozen=True)
class QuizSettings:
    mode: str = "practice"
    count: int = DEFAULT_COUNT
    seed: str | None = None  # None: a fresh random seed, shown at the end
    fresh: bool = False  # start a new session even if one with these options is unfinished


def session_signature(banks: Sequence[Bank], selection: Selection, settings: QuizSettings) -> str:
    """What makes two runs "the same command" for resuming."""
    return json.dumps(
        {
            "banks": sorted(bank.id for bank in banks),
            "types": sorted(selection.types),
            "passages": sorted(selection.passages),
            "tags": sorted(selection.tags),
            "difficulty": sorted(selection.difficulty),
            "count": settings.count,
            "mode": settings.mode,
            "seed": settings.seed,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


class Quiz:
    """One quiz run: the public entry point of the terminal quiz.

    The caller supplies everything that touches the outside world: the progress store, the
    display (any text stream), the reader of typed lines and the clock (an aware datetime; every
    schedule and duration comes from it, so tests can simulate days).

        with ProgressStore.open(path) as store:
            Quiz(banks, Selection(), QuizSettings(count=5), store, Display("terminal"),
                 LineReader(interactive=True), locale_for("ar")).run()
    """

    def __init__(
        self,
        banks: Sequence[Bank],
        selection: Selection,
        settings: QuizSettings,
        store: ProgressStore,
        display: Display,
        reader: LineReader,  # anything with read(prompt) -> str, raising EOFError at the end
        locale: Locale,
        clock: Callable[[], datetime] = utc_now,
    ):
        self.banks = list(banks)
        self.selection = selection
        self.settings = settings
        self.store = store
        self.display = display
        self.reader = reader
        self.locale = locale
        self.clock = clock

    def _say(self, key: str, **fields: object) -> None:
        self.display.say(self.locale(key, **fields), self.locale.rtl)

    def run(self) -> None:
        started = self.clock()
        pool = {item.key: item for item in select_questions(self.banks, self.selection)}
        signature = session_signature(self.banks, self.selection, self.settings)
        session = None if self.settings.fresh else self.store.unfinished_session(signature)
        answered = set()
        if session is not None:
            answered = {answer.question_key for answer in self.store.answers(session.session_id)}
            self._say("resumed", answered=len(answered), total=len(session.question_keys))
        else:
            session = self._new_session(pool, signature)
            if session is None:
                return
        queue = [key for key in session.question_keys if key in pool and key not in answered]
        mode_name = self.locale(f"mode_{self.settings.mode}")
        titles = " · ".join(bank.title for bank in self.banks)
        self._say("start", title=titles, count=len(session.question_keys), mode=mode_name)
        self._say("commands")
        skipped = 0
        finished = True
        for key in queue:
            number = session.question_keys.index(key) + 1
            outcome = self._ask(pool[key], session, number, len(session.question_keys))
            if outcome == _QUIT:
                finished = False
                break
            if outcome == _SKIPPED:
                skipped += 1
                self._say("skipped")
        if finished:
            self.store.finish_session(session.session_id, self.clock())
        session_answers = self.store.answers(session.session_id)
        answered = {answer.question_key for answer in session_answers}
        unanswered = [key for key in session.question_keys if key in pool and key not in answered]
        show_report(
            self.display,
            self.locale,
            session_answers,
            pool,
            exam=self.settings.mode == "exam",
            seconds=(self.clock() - started).total_seconds(),
            skipped=skipped,
            remaining=0 if finished else len(unanswered),
            seed=session.seed,
            database=self.store.path,
        )

    def _new_session(self, pool: dict[str, SelectedQuestion], signature: str) -> Session | None:
        seed = self.settings.seed
        if seed is None:
            seed = str(random.SystemRandom().randrange(1_000_000))
        if self.settings.mode == "review":
            keys = self._review_keys(pool, seed)
            if not keys:
                return None
        else:
            chosen = select_questions(self.banks, self.selection, self.settings.count, seed)
            keys = [item.key for item in shuffled(chosen, seed, "order")]
        return self.store.start_session(signature, self.settings.mode, seed, keys, self.clock())

    def _review_keys(self, pool: dict[str, SelectedQuestion], seed: str) -> list[str]:
        now = self.clock()
        states = self.store.card_states(pool)
        due = sorted(
            (key for key in pool if key in states and states[key].due <= now),
            key=lambda key: states[key].due,
        )
        new = shuffled([key for key in pool if key not in states], seed, "new")
        keys = [item.key for item in first_of_each_family(pool[key] for key in due + new)]
        keys = keys[: self.settings.count]
        if not keys:
            upcoming = min(state.due for state in states.values())
            when = upcoming.astimezone().strftime("%Y-%m-%d %H:%M")
            self._say("nothing_due", when=when)
        return keys

    def _ask(self, item: SelectedQuestion, session: Session, number: int, total: int) -> str:
        """Show one question, read its answer step by step, record and give feedback."""
        locale, display = self.locale, self.display
        posed = PosedQuestion(item, session.seed, locale)
        question = item.question
        display.blank_line()
        self._say(
            "header",
            number=number,
            total=total,
            passages=", ".join(question.passages),
            kind=locale.type_name(question.type),
        )
        for paragraph in posed.body():
            display.show(paragraph)
        shown = self.clock()
        values = []
        for step in posed.steps():
            display.say(step.instruction, locale.rtl)
            while True:
                try:
                    text = self.reader.read(PROMPT)
                except (EOFError, KeyboardInterrupt):
                    return _QUIT
                command = answers.command(text)
                if command == answers.QUIT:
                    return _QUIT
                if command == answers.SKIP:
                    return _SKIPPED
                if command == answers.PASSAGE:
                    self._show_passages(item)
                    continue
                if not text.strip():
                    continue
                value = step.parse(text)
                if value is None:
                    self._say("not_understood", hint=step.hint)
                    continue
                values.append(value)
                break
        judgement = posed.judge(values)
        duration_ms = max(0, int((self.clock() - shown).total_seconds() * 1000))
        self._record(item, session, judgement, duration_ms)
        if self.settings.mode == "exam":
            self._say("recorded")
        else:
            self._feedback(posed, judgement)
        return _ANSWERED

    def _record(
        self, item: SelectedQuestion, session: Session, judgement: Judgement, duration_ms: int
    ) -> None:
        """Committed before any feedback: what the learner saw judged is on disk."""
        when = self.clock()
        rating = rating_for(judgement.verdict)
        card_id = card_id_for(item.key)
        answer = Answer(
            session_id=session.session_id,
            question_key=item.key,
            bank_id=item.bank.id,
            question_type=item.question.type,
            passages=item.question.passages,
            response=judgement.response,
            verdict=judgement.verdict,
            rating=rating,
            reviewed_at=when,
            duration_ms=duration_ms,
        )
        self.store.record_answer(
            answer, card_id, lambda previous: review(previous, card_id, rating, when)
        )

    def _show_passages(self, item: SelectedQuestion) -> None:
        for passage_id in item.question.passages:
            self._say("passage", passage=passage_id)
            self.display.show(Paragraph(item.bank.passage(passage_id).text, item.bank.is_rtl, 2))

    def _feedback(self, posed: PosedQuestion, judgement: Judgement) -> None:
        locale, display = self.locale, self.display
        question, rtl = posed.question, posed.rtl
        if judgement.verdict == CORRECT:
            self._say("correct")
        elif judgement.verdict == TYPO:
            for typed, accepted in judgement.forgiven:
                self._say("typo", typed=typed, answer=accepted)
        else:
            self._say("wrong")
            self._say("your_answer", answer=judgement.response)
            if judgement.detail:
                display.say(judgement.detail, locale.rtl)
        self._say("correct_answer", answer=judgement.correct_answer)
        if judgement.spelled_out:
            display.show(Paragraph(judgement.spelled_out, rtl, 2))
        if question.explanation:
            self._say("explanation", text=question.explanation)
        for quote in question.evidence:
            self._say("evidence", quote=quote)
