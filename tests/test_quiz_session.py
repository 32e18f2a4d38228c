"""Whole quiz sessions in a real pseudo-terminal: a learner reads the screen and types answers.

Answers are worked out from the loaded fixture bank and the labels on screen, never hard-coded;
the progress database is then read back with sqlite3.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from external_tools import needs

from quizgen.core.loader import load_bank
from quizgen.text.terminal import cell_width

pexpect = pytest.importorskip("pexpect")

QUIZGEN = Path(sys.executable).with_name("quizgen")
BANKS = Path(__file__).parent / "fixtures" / "quiz" / "question_bank"
ARABIC_BANK = BANKS / "library.ar.yaml"
ENGLISH_BANK = BANKS / "library.en.yaml"
# prompt_toolkit switches bracketed paste on when it starts reading a line.
READY = r"\x1b\[\?2004h"
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|[\x08\r]")
HEADER = re.compile(r"(?:السؤال|Question) (\d+) (?:من|of) (\d+)")


def clean(text: str) -> str:
    return ESCAPES.sub("", text)


def folded(text: str) -> str:
    """Whitespace folded, so that text wrapped on screen still matches."""
    return " ".join(text.split())


def quiz_environment() -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QUIZGEN_RTL", "QUIZGEN_DB", "COLUMNS", "LINES")
    }
    environment.update(TERM="xterm", LANG="C.UTF-8")
    return environment


class Learner:
    """Drives `quizgen quiz` through a pseudo-terminal, answering from what the screen shows."""

    def __init__(self, bank_path: Path, database: Path, *options: str, columns: int = 120):
        self.bank = load_bank(bank_path)
        arguments = ["quiz", str(bank_path), "--db", str(database), *options]
        self.child = pexpect.spawn(
            str(QUIZGEN),
            arguments,
            env=quiz_environment(),
            encoding="utf-8",
            dimensions=(40, columns),
            timeout=20,
        )
        self.transcript = ""
        self.asked: list[str] = []  # question ids, in the order served

    def _read_until_prompt(self) -> str:
        self.child.expect(READY)
        text = clean(self.child.before)
        self.transcript += text
        return text

    def next_question(self):
        """Wait for the next question; returns (number, total, question, screen text)."""
        screen = self._read_until_prompt()
        header = list(HEADER.finditer(screen))[-1]
        screen = screen[header.start() :]
        question = self.identify(screen)
        self.asked.append(question.id)
        return int(header.group(1)), int(header.group(2)), question, screen

    def identify(self, screen: str):
        with_prompt = [question for question in self.bank.questions if question.prompt]
        for question in with_prompt:
            if question.prompt in screen:
                return question
        for question in self.bank.questions:
            marker = question.gloss if question.type == "vocab" else question.sentence[:10]
            if marker and marker in screen:
                return question
        raise AssertionError(f"no fixture question matches the screen:\n{screen}")

    def send(self, text: str) -> None:
        self.child.send(text + "\r")

    def answer(self, question, screen: str, how: str = "right") -> None:
        """Type the answer: how is right, wrong or typo (short answers only)."""
        replies = replies_for(question, screen, how, self.bank.is_rtl)
        self.send(replies[0])
        for reply in replies[1:]:
            self._read_until_prompt()
            self.send(reply)

    def wait_for_answer_to_land(self) -> None:
        """After an answer the next prompt comes only once it is committed and fed back."""
        self.child.expect(r"(?:من المقال|The article|سُجّلت الإجابة|Answer recorded)")
        self.transcript += clean(self.child.before + self.child.after)

    def finish(self) -> str:
        self.child.expect(pexpect.EOF)
        self.transcript += clean(self.child.before)
        self.child.close()
        return self.transcript


def labels_on(screen: str) -> dict[str, str]:
    """Text -> label for every `label) text` line on screen."""
    return {text.strip(): label for label, text in re.findall(r"^\s*(\S+)\) (.+)$", screen, re.M)}


def replies_for(question, screen: str, how: str, rtl: bool) -> list[str]:
    label_of = labels_on(screen)
    right = how != "wrong"
    kind = question.type
    if kind == "mcq":
        options = [option for option in question.options if option.correct == right]
        return [label_of[options[0].text]]
    if kind == "multi":
        if right:
            return [" ".join(label_of[option.text] for option in question.correct_options)]
        return [next(label_of[option.text] for option in question.options if not option.correct)]
    if kind == "true_false":
        truth = question.answer if right else not question.answer
        return [("ص" if truth else "خ") if rtl else ("t" if truth else "f")]
    if kind == "short":
        model = question.answers[0]
        if how == "typo":
            return [model[:-2] + model[-1]]
        return [model if right else "جواب آخر تماماً"]
    if kind == "cloze":
        return list(question.deletions) if right else ["خطأ"] + list(question.deletions[1:])
    if kind == "vocab":
        return [question.term if right else "كتاب"]
    if kind == "ordering":
        sequence = [label_of[item] for item in question.items]
    else:
        sequence = [label_of[pair.right] for pair in question.pairs]
    return [" ".join(sequence if right else sequence[::-1])]


def stored_reviews(database: Path) -> list[tuple]:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT session_id, question_key, verdict, rating, response FROM reviews "
            "ORDER BY review_id"
        ).fetchall()


def test_practice_session_scores_feeds_back_and_stores_every_answer(tmp_path):
    database = tmp_path / "progress.sqlite3"
    learner = Learner(ARABIC_BANK, database, "--count", "8", "--seed", "5", "--rtl", "terminal")
    plan = {"mcq": "wrong", "ordering": "wrong", "short": "typo"}
    for expected_number in range(1, 9):
        number, total, question, screen = learner.next_question()
        assert (number, total) == (expected_number, 8)
        learner.answer(question, screen, plan.get(question.type, "right"))
        learner.wait_for_answer_to_land()
    transcript = folded(learner.finish())
    assert learner.child.exitstatus == 0
    assert "Traceback" not in transcript
    assert sorted(learner.asked) == sorted(question.id for question in learner.bank.questions)

    assert transcript.count("✗ إجابة خاطئة.") == 2
    assert transcript.count("✓ إجابة صحيحة.") == 5
    short = next(question for question in learner.bank.questions if question.type == "short")
    typed = replies_for(short, "", "typo", True)[0]
    assert f"كتبتَ «{typed}» والإجابة «{short.answers[0]}»" in transcript
    assert "النتيجة: 6 من 8 (75%)" in transcript
    for question in learner.bank.questions:
        for quote in question.evidence:
            assert folded(quote) in transcript
    ordering = next(question for question in learner.bank.questions if question.type == "ordering")
    assert " ← ".join(ordering.items) in transcript

    rows = stored_reviews(database)
    assert len(rows) == 8
    verdicts = {key.split("/")[1]: (verdict, rating) for _, key, verdict, rating, _ in rows}
    kinds = {question.id: question.type for question in learner.bank.questions}
    for question_id, (verdict, rating) in verdicts.items():
        expected = {"wrong": ("wrong", 1), "typo": ("typo", 2)}.get(
            plan.get(kinds[question_id]), ("correct", 3)
        )
        assert (verdict, rating) == expected, question_id
    with sqlite3.connect(database) as connection:
        cards = connection.execute("SELECT question_key, due FROM cards").fetchall()
        finished = connection.execute("SELECT finished_at FROM sessions").fetchall()
    assert len(cards) == 8
    now = datetime.now(UTC)
    assert all(datetime.fromisoformat(due) > now for _, due in cards)
    assert finished[0][0] is not None


def test_killed_session_resumes_with_only_the_unanswered_questions(tmp_path):
    database = tmp_path / "progress.sqlite3"
    options = ("--count", "6", "--seed", "11", "--rtl", "terminal")
    first = Learner(ARABIC_BANK, database, *options)
    for _ in range(3):
        _, _, question, screen = first.next_question()
        first.answer(question, screen)
        first.wait_for_answer_to_land()
    first.child.kill(signal.SIGKILL)
    first.child.close()
    assert first.child.signalstatus == signal.SIGKILL
    answered = {key for _, key, *_ in stored_reviews(database)}
    assert answered == {f"library-ar/{question_id}" for question_id in first.asked}

    second = Learner(ARABIC_BANK, database, *options)
    numbers = []
    for _ in range(3):
        number, total, question, screen = second.next_question()
        numbers.append(number)
        second.answer(question, screen)
        second.wait_for_answer_to_land()
    transcript = second.finish()
    assert "استئناف جلستك غير المكتملة. عدد الإجابات: 3 من 6" in transcript
    assert numbers == [4, 5, 6]
    assert not set(second.asked) & set(first.asked)
    rows = stored_reviews(database)
    assert len(rows) == 6 and len({key for _, key, *_ in rows}) == 6
    assert {session for session, *_ in rows} == {1}
    assert "النتيجة: 6 من 6 (100%)" in transcript


def test_exam_mode_holds_feedback_until_the_full_report(tmp_path):
    database = tmp_path / "progress.sqlite3"
    learner = Learner(ENGLISH_BANK, database, "--mode", "exam", "--seed", "2", "--rtl", "visual")
    for _ in range(3):
        _, _, question, screen = learner.next_question()
        assert "✓" not in screen and "✗" not in screen
        learner.answer(question, screen, "wrong" if question.type == "mcq" else "right")
        learner.wait_for_answer_to_land()
    transcript = learner.finish()
    report = transcript[transcript.index("Exam report") :]
    assert "Answer recorded." in transcript
    assert "Score: 2 of 3 (67%)" in transcript
    assert report.count("Your answer:") == 3
    assert report.count("✗") == 1 and report.count("✓") == 2
    mcq = next(question for question in learner.bank.questions if question.type == "mcq")
    assert f"Correct answer: {mcq.correct_options[0].text}" in report
    assert "In what year did the <b>library</b> open?" in transcript
    assert [row[2] for row in stored_reviews(database)].count("wrong") == 1


def test_passage_skip_and_quit_keep_progress(tmp_path):
    database = tmp_path / "progress.sqlite3"
    learner = Learner(ARABIC_BANK, database, "--count", "4", "--seed", "3", "--rtl", "terminal")
    _, _, question, screen = learner.next_question()
    learner.send("؟")
    shown = learner._read_until_prompt()
    passage = learner.bank.passage(question.passages[0])
    assert folded(passage.text) in folded(shown)
    learner.answer(question, screen)
    learner.wait_for_answer_to_land()
    _, _, skipped, _ = learner.next_question()
    learner.send("s")
    learner.next_question()
    learner.send("q")
    transcript = learner.finish()
    assert learner.child.exitstatus == 0
    assert "تم التخطي." in transcript
    assert "الأسئلة المتبقية: 3." in transcript
    rows = stored_reviews(database)
    assert [key for _, key, *_ in rows] == [f"library-ar/{question.id}"]

    again = Learner(ARABIC_BANK, database, "--count", "4", "--seed", "3", "--rtl", "terminal")
    number, _, question, _ = again.next_question()
    assert (number, question.id) == (2, skipped.id)
    again.child.sendcontrol("c")
    transcript = again.finish()
    assert again.child.exitstatus == 0 and "Traceback" not in transcript
    assert "الأسئلة المتبقية: 3." in transcript


def test_ctrl_d_ends_cleanly_and_an_english_bank_takes_latin_letters(tmp_path):
    database = tmp_path / "progress.sqlite3"
    learner = Learner(
        ENGLISH_BANK, database, "--types", "mcq,true_false", "--seed", "1", "--rtl", "terminal"
    )
    _, _, question, screen = learner.next_question()
    if question.type == "mcq":
        assert re.search(r"^\s*a\) ", screen, re.M)
    learner.answer(question, screen)
    learner.wait_for_answer_to_land()
    learner.next_question()
    learner.child.sendcontrol("d")
    transcript = learner.finish()
    assert learner.child.exitstatus == 0 and "Traceback" not in transcript
    assert "✓ Correct." in transcript
    assert "Score: 1 of 1 (100%)" in transcript
    assert "Questions left: 1." in transcript


def test_visual_mode_prints_shaped_right_aligned_lines(tmp_path):
    database = tmp_path / "progress.sqlite3"
    columns = 90
    learner = Learner(
        ARABIC_BANK, database, "--types", "true_false", "--rtl", "visual", columns=columns
    )
    lines = [line for line in learner._read_until_prompt().splitlines() if line.strip()]
    assert len(lines) >= 4
    for line in lines:
        assert not re.search("[\u0621-\u064a]", line), line  # only presentation forms
        assert re.search("[\ufb50-\ufeff]", line), line
        assert cell_width(line) == columns - 1, line  # right-aligned to the edge
    learner.send("ص")
    assert "✓" in learner.finish()


def test_two_sessions_at_once_both_record_every_answer(tmp_path):
    database = tmp_path / "progress.sqlite3"
    learners = [
        Learner(ARABIC_BANK, database, "--count", "8", "--seed", seed, "--rtl", "terminal")
        for seed in ("21", "22")
    ]
    for _ in range(8):
        for learner in learners:
            _, _, question, screen = learner.next_question()
            learner.answer(question, screen)
    for learner in learners:
        transcript = learner.finish()
        assert learner.child.exitstatus == 0, transcript
        assert "النتيجة: 8 من 8 (100%)" in transcript
    rows = stored_reviews(database)
    assert len(rows) == 16
    by_session = {}
    for session, key, *_ in rows:
        by_session.setdefault(session, set()).add(key)
    assert sorted(len(keys) for keys in by_session.values()) == [8, 8]


@needs("tmux")
def test_a_terminal_emulator_shows_visual_lines_whole_and_at_the_right_edge(tmp_path):
    """tmux is a real terminal grid: nothing may wrap or spill, RTL lines end at the edge."""
    tmux = shutil.which("tmux")
    socket = f"quizgen-test-{os.getpid()}"
    columns = 100
    command = (
        f"{QUIZGEN} quiz {ARABIC_BANK} --db {tmp_path / 'progress.sqlite3'} --seed 4 "
        "--types true_false,mcq --rtl visual; sleep 30"
    )

    def screen() -> list[str]:
        captured = subprocess.run(
            [tmux, "-L", socket, "capture-pane", "-p"], capture_output=True, text=True, check=True
        )
        return captured.stdout.splitlines()

    def wait_for(condition) -> list[str]:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            lines = screen()
            if condition(lines):
                return lines
            time.sleep(0.1)
        raise AssertionError("\n".join(screen()))

    subprocess.run(
        [tmux, "-L", socket, "new-session", "-d", "-x", str(columns), "-y", "40", command],
        check=True,
        env=quiz_environment(),
    )
    try:
        lines = wait_for(lambda lines: any(line.startswith(">") for line in lines))
        shown = [line.rstrip() for line in lines if line.strip() and not line.startswith(">")]
        assert len(shown) >= 6
        for line in shown:
            assert re.search("[\ufb50-\ufeff]", line), line
            assert not re.search("[\u0621-\u064a]", line), line
            # At the edge, options two cells in from it; never wrapped onto a second row.
            assert cell_width(line) in (columns - 1, columns - 3), line
        # "1" answers either question: the first option, or true.
        subprocess.run([tmux, "-L", socket, "send-keys", "1", "Enter"], check=True)
        wait_for(lambda lines: any("✓" in line or "✗" in line for line in lines))
    finally:
        subprocess.run([tmux, "-L", socket, "kill-server"], capture_output=True)
