"""The progress database: created right, refused when it cannot be trusted, safe when shared."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizgen.core.errors import QuizgenError
from quizgen.quiz.progress_db import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Answer,
    ProgressStore,
    default_database_path,
)
from quizgen.quiz.scheduler import GOOD, card_id_for, review

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def record(store: ProgressStore, session_id: int, key: str, verdict: str = "correct") -> None:
    card_id = card_id_for(key)
    answer = Answer(
        session_id, key, key.split("/")[0], "short", ("p1",), "جواب", verdict, GOOD, NOW, 1500
    )
    store.record_answer(answer, card_id, lambda previous: review(previous, card_id, GOOD, NOW))


def filled_database(path: Path, answers: int = 200) -> bytes:
    """A real database with some pages of content; returns its bytes once closed."""
    with ProgressStore.open(path) as store:
        session = store.start_session("signature", "practice", "1", [], NOW)
        for number in range(answers):
            record(store, session.session_id, f"bank/q{number}")
    return path.read_bytes()


def assert_refused_untouched(path: Path, message: str) -> None:
    before = path.read_bytes()
    with pytest.raises(QuizgenError, match=message) as raised:
        ProgressStore.open(path)
    # The library names the setting, never the option; the CLI adds how to change it.
    assert str(path) in str(raised.value) and raised.value.setting == "database"
    assert "--db" not in str(raised.value)
    assert path.read_bytes() == before


def test_a_new_database_is_versioned_marked_and_in_wal_mode(tmp_path):
    path = tmp_path / "nested" / "folder" / "progress.sqlite3"
    with ProgressStore.open(path, create_folder=True) as store:
        session = store.start_session("signature", "review", "7", ["bank/q1", "bank/q2"], NOW)
        record(store, session.session_id, "bank/q1", "typo")
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with ProgressStore.open(path) as store:
        [answer] = store.answers()
        assert (answer.question_key, answer.verdict, answer.passages) == (
            "bank/q1",
            "typo",
            ("p1",),
        )
        assert answer.reviewed_at == NOW
        state = store.card_states(["bank/q1", "bank/q2"])
        assert list(state) == ["bank/q1"] and state["bank/q1"].card_id == card_id_for("bank/q1")
        assert state["bank/q1"].due > NOW


def test_a_named_database_in_a_missing_folder_is_refused(tmp_path):
    path = tmp_path / "typo" / "progress.sqlite3"
    with pytest.raises(QuizgenError, match="does not exist"):
        ProgressStore.open(path)
    assert not path.parent.exists()


def test_an_unfinished_session_is_found_by_its_signature_until_finished(tmp_path):
    with ProgressStore.open(tmp_path / "progress.sqlite3") as store:
        assert store.unfinished_session("a") is None
        first = store.start_session("a", "practice", "1", ["b/q1"], NOW)
        store.start_session("b", "practice", "1", ["b/q2"], NOW)
        found = store.unfinished_session("a")
        assert found is not None
        assert (found.session_id, found.question_keys) == (first.session_id, ("b/q1",))
        store.finish_session(first.session_id, NOW)
        assert store.unfinished_session("a") is None


def test_an_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"")
    with ProgressStore.open(path) as store:
        assert store.answers() == []


def test_random_bytes_are_refused_and_left_untouched(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(os.urandom(8192))
    assert_refused_untouched(path, "not an SQLite database")


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_a_truncated_database_is_refused_and_left_untouched(tmp_path, keep):
    whole = filled_database(tmp_path / "whole.sqlite3")
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(whole[: int(len(whole) * keep)])
    assert_refused_untouched(path, "damaged, truncated")
    assert sorted(os.listdir(tmp_path)) == ["progress.sqlite3", "whole.sqlite3"]


def test_a_header_alone_is_refused(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(filled_database(tmp_path / "whole.sqlite3")[:100])
    assert_refused_untouched(path, "truncated")


def test_a_damaged_page_is_refused_and_left_untouched(tmp_path):
    whole = bytearray(filled_database(tmp_path / "whole.sqlite3"))
    page = 4096
    whole[page * 3 : page * 3 + 200] = os.urandom(200)
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(bytes(whole))
    assert_refused_untouched(path, "damaged")


def test_a_newer_schema_version_is_refused(tmp_path):
    path = tmp_path / "progress.sqlite3"
    filled_database(path, answers=1)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    assert_refused_untouched(path, "newer quizgen")


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "progress.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    assert_refused_untouched(path, "another program")


def test_a_read_only_database_is_refused_for_writing_but_readable(tmp_path):
    path = tmp_path / "progress.sqlite3"
    filled_database(path, answers=3)
    path.chmod(0o444)
    try:
        assert_refused_untouched(path, "read-only")
        with ProgressStore.open(path, writable=False) as store:
            assert len(store.answers()) == 3
    finally:
        path.chmod(0o644)


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(QuizgenError, match="is a folder"):
        ProgressStore.open(tmp_path)


def test_reading_a_missing_database_creates_nothing(tmp_path):
    assert ProgressStore.open(tmp_path / "missing.sqlite3", writable=False) is None
    assert list(tmp_path.iterdir()) == []


def test_a_database_locked_too_long_gets_a_clear_message(tmp_path):
    path = tmp_path / "progress.sqlite3"
    filled_database(path, answers=1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with (
            ProgressStore.open(path, timeout=0.05) as store,
            pytest.raises(QuizgenError, match="locked by another program"),
        ):
            record(store, 1, "bank/late")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with ProgressStore.open(path) as store:
        assert [answer.question_key for answer in store.answers()] == ["bank/q0"]


def test_a_lock_held_briefly_is_waited_for(tmp_path):
    path = tmp_path / "progress.sqlite3"
    filled_database(path, answers=1)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "connection = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "connection.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(0.5)\n"
            "connection.execute('COMMIT')\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "locked\n"
    with ProgressStore.open(path) as store:
        record(store, 1, "bank/waited")
        assert len(store.answers()) == 2
    holder.wait(timeout=10)


WRITER = """
import sys, time
from datetime import UTC, datetime
from quizgen.quiz.progress_db import Answer, ProgressStore
from quizgen.quiz.scheduler import GOOD, card_id_for, review

path, name, count, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
store = ProgressStore.open(path)
session = store.start_session(name, "practice", name, [], datetime.now(UTC))
time.sleep(max(0.0, start - time.time()))
for number in range(count):
    key = f"bank/q{number % 10}"
    card_id = card_id_for(key)
    now = datetime.now(UTC)
    answer = Answer(session.session_id, key, "bank", "mcq", ("p1",), name, "correct", GOOD, now, 1)
    store.record_answer(answer, card_id, lambda previous: review(previous, card_id, GOOD, now))
store.close()
"""


def test_concurrent_writers_both_record_every_answer(tmp_path):
    path = tmp_path / "progress.sqlite3"
    ProgressStore.open(path).close()
    start = time.time() + 1.0
    count = 60
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(count), str(start)])
        for name in ("first", "second", "third")
    ]
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0, 0]
    with ProgressStore.open(path) as store:
        answers = store.answers()
        assert len(answers) == 3 * count
        assert {
            name: [a.response for a in answers].count(name) for name in ("first", "second")
        } == {
            "first": count,
            "second": count,
        }
        assert len(store.cards()) == 10


def test_the_default_location_is_the_user_data_folder_unless_overridden(tmp_path):
    assert default_database_path({"QUIZGEN_DB": str(tmp_path / "x.db")}) == tmp_path / "x.db"
    default = default_database_path({})
    assert default.name == "progress.sqlite3" and "quizgen" in default.parts
