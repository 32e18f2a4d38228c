"""The end of a session: score, time, missed questions; in exam mode every question in full.

Built from the answers stored for the session, so a resumed session reports all of its answers.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.core.select import SelectedQuestion
from quizgen.locale import Locale
from quizgen.quiz.display import Display
from quizgen.quiz.progress_db import Answer
from quizgen.quiz.questions import Paragraph, model_answer, title
from quizgen.text.grading import WRONG


def clock_time(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"


def show_report(
    display: Display,
    locale: Locale,
    session_answers: list[Answer],
    pool: dict[str, SelectedQuestion],
    exam: bool,
    seconds: float,
    skipped: int,
    remaining: int,
    seed: str,
    database: Path,
) -> None:
    def say(key: str, indent: int = 0, **fields: object) -> None:
        display.say(locale(key, **fields), locale.rtl, indent)

    display.blank_line()
    answered = len(session_answers)
    correct = sum(answer.verdict != WRONG for answer in session_answers)
    percent = round(100 * correct / answered) if answered else 0
    say("score", correct=correct, answered=answered, percent=percent)
    say("time", time=clock_time(seconds))
    if skipped:
        say("skipped_count", count=skipped)
    known = [answer for answer in session_answers if answer.question_key in pool]
    if exam and known:
        display.blank_line()
        say("exam_report")
        for number, answer in enumerate(known, start=1):
            item = pool[answer.question_key]
            question = item.question
            mark = "✗" if answer.verdict == WRONG else "✓"
            display.blank_line()
            display.show(Paragraph(f"{number}. {mark} {title(question, locale)}", item.bank.is_rtl))
            say("your_answer", 2, answer=answer.response)
            say("correct_answer", 2, answer=model_answer(question, locale))
            if question.explanation:
                say("explanation", 2, text=question.explanation)
            for quote in question.evidence:
                say("evidence", 2, quote=quote)
    missed = [answer for answer in known if answer.verdict == WRONG]
    if missed and not exam:
        display.blank_line()
        say("missed")
        for answer in missed:
            item = pool[answer.question_key]
            display.show(Paragraph(f"• {title(item.question, locale)}", item.bank.is_rtl, 2))
            say("correct_answer", 4, answer=model_answer(item.question, locale))
    display.blank_line()
    if remaining:
        say("remaining", count=remaining)
    say("repeat", seed=seed)
    say("saved", path=database)
