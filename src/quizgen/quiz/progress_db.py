"""The progress database: card states, sessions and every answer, in one SQLite file.

Guarantees: each answer is committed before its feedback is shown (WAL, synchronous=FULL), so a
killed process loses nothing answered; two sessions on one file both record every answer (busy
timeout, immediate write transactions, a few retries); a file that is not a readable quizgen
database of this or an older schema version is refused with a clear message and never written.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from quizgen.core.errors import QuizgenError, SettingError

SCHEMA_VERSION = 1
APPLICATION_ID = 0x51475A51  # "QGZQ": marks the file as quizgen's
DATABASE_ENVIRONMENT = "QUIZGEN_DB"
DATABASE_FILE_NAME = "progress.sqlite3"
BUSY_TIMEOUT_SECONDS = 5.0
WRITE_ATTEMPTS = 4
_SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_MINIMUM_SIZE = 512

_SCHEMA = {
    1: """
        CREATE TABLE cards (
            card_id INTEGER PRIMARY KEY,
            question_key TEXT NOT NULL UNIQUE,
            bank_id TEXT NOT NULL,
            question_type TEXT NOT NULL,
            passages TEXT NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT
        );
        CREATE INDEX cards_by_due ON cards (due);
        CREATE TABLE sessions (
            session_id INTEGER PRIMARY KEY AUTOINCREMENT,
            signature TEXT NOT NULL,
            mode TEXT NOT NULL,
            seed TEXT NOT NULL,
            question_keys TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE INDEX sessions_by_signature ON sessions (signature, finished_at);
        CREATE TABLE reviews (
            review_id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions (session_id),
            card_id INTEGER NOT NULL,
            question_key TEXT NOT NULL,
            bank_id TEXT NOT NULL,
            question_type TEXT NOT NULL,
            passages TEXT NOT NULL,
            response TEXT NOT NULL,
            verdict TEXT NOT NULL,
            rating INTEGER NOT NULL,
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL
        );
        CREATE INDEX reviews_by_session ON reviews (session_id);
    """,
}


@dataclass(frozen=True)
class CardState:
    """What is kept of an FSRS card; datetimes are aware and in UTC."""

    card_id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


@dataclass(frozen=True)
class StoredCard:
    question_key: str
    bank_id: str
    question_type: str
    passages: tuple[str, ...]
    due: datetime


@dataclass(frozen=True)
class Answer:
    """One answer as recorded: what was asked, what was typed (as shown back), how it was judged."""

    session_id: int
    question_key: str
    bank_id: str
    question_type: str
    passages: tuple[str, ...]
    response: str
    verdict: str
    rating: int
    reviewed_at: datetime
    duration_ms: int


@dataclass(frozen=True)
class Session:
    session_id: int
    signature: str
    mode: str
    seed: str
    question_keys: tuple[str, ...]
    started_at: datetime
    finished_at: datetime | None


def default_database_path(environ: Mapping[str, str] = os.environ) -> Path:
    """$QUIZGEN_DB, else progress.sqlite3 in the user's data folder (platformdirs)."""
    if environ.get(DATABASE_ENVIRONMENT):
        return Path(environ[DATABASE_ENVIRONMENT]).expanduser()
    import platformdirs

    return platformdirs.user_data_path("quizgen", appauthor=False) / DATABASE_FILE_NAME


def database_path(option: str | None, environ: Mapping[str, str] = os.environ) -> tuple[Path, bool]:
    """The named path, else $QUIZGEN_DB, else the default location; and whether the user named it."""
    if option:
        return Path(option).expanduser(), True
    return default_database_path(environ), bool(environ.get(DATABASE_ENVIRONMENT))


def stamp(moment: datetime) -> str:
    """Fixed-width UTC text, so that text order is time order in SQL."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _refusal(path: Path, reason: str) -> QuizgenError:
    return SettingError(
        "database",
        f"progress database {path}: {reason}; it was left untouched "
        "(move it aside to start afresh, or choose another file)",
    )


def _problem(path: Path, error: sqlite3.Error) -> QuizgenError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return SettingError(
            "database",
            f"progress database {path} is locked by another program (another quizgen?); "
            "close it and try again, or choose another file",
        )
    if "readonly" in text or "read-only" in text:
        return SettingError(
            "database",
            f"progress database {path} is read-only; make it writable (chmod u+w) "
            "or choose another file",
        )
    if "full" in text:
        return SettingError(
            "database", f"progress database {path}: the disk is full; free some space"
        )
    return _refusal(path, f"damaged, truncated or not a quizgen progress database ({error})")


def _check_existing_file(path: Path, writing: bool) -> None:
    """Refuse, before SQLite opens it, a file that is not a database or that may not be written."""
    if path.is_dir():
        raise SettingError("database", f"progress database {path} is a folder; give a file name")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
        size = path.stat().st_size
    except OSError as error:
        raise SettingError(
            "database", f"cannot read progress database {path}: {error.strerror or error}"
        ) from None
    if size and header != _SQLITE_HEADER:
        raise _refusal(path, "not an SQLite database (damaged, or another kind of file)")
    if size and size < _SQLITE_MINIMUM_SIZE:
        raise _refusal(path, f"truncated ({size} bytes)")
    if writing:
        mode = path.stat().st_mode
        if not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(
            path, os.W_OK
        ):
            raise SettingError(
                "database",
                f"progress database {path} is read-only; make it writable (chmod u+w) "
                "or choose another file",
            )
        if not os.access(path.parent, os.W_OK):
            raise SettingError(
                "database",
                f"progress database {path}: its folder is not writable (SQLite keeps its "
                "write-ahead log beside it); make the folder writable or choose another file",
            )


def _prepare_new_file(path: Path, create_folder: bool) -> None:
    if not create_folder and not path.parent.is_dir():
        raise SettingError(
            "database",
            f"progress database {path}: folder {path.parent} does not exist (create it first, or fix"
            " the path: a new database there would start an empty history)",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SettingError(
            "database",
            f"cannot create the folder for progress database {path}: {error.strerror or error}",
        ) from None
    if not os.access(path.parent, os.W_OK):
        raise SettingError(
            "database",
            f"cannot create progress database {path}: folder {path.parent} is not writable",
        )


class ProgressStore:
    """One open progress database. Reads are plain; every write is one short transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path, writable: bool):
        self._connection = connection
        self.path = path
        self.writable = writable

    @classmethod
    def open(
        cls,
        path: Path,
        writable: bool = True,
        timeout: float = BUSY_TIMEOUT_SECONDS,
        create_folder: bool = False,
    ) -> ProgressStore | None:
        """Open (creating it when writable) and check the file; None for a read-only one that
        holds no answers yet: missing, or empty (SQLite's own new database is 0 bytes, and the quiz
        accepts such a file as new, so reading it must agree).

        Only the default location's folder is created: a named path in a missing folder is more
        likely a typo than a wish to start an empty history.
        """
        path = Path(path).expanduser()
        if path.exists():
            _check_existing_file(path, writable)
            if not writable and path.is_file() and path.stat().st_size == 0:
                return None
        elif writable:
            _prepare_new_file(path, create_folder)
        else:
            return None
        try:
            if writable:
                connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
            else:
                uri = f"{path.resolve().as_uri()}?mode=ro"
                connection = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        except sqlite3.Error as error:
            raise _problem(path, error) from None
        store = cls(connection, path, writable)
        try:
            store._check_and_prepare()
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *_exception) -> None:
        self.close()

    def _check_and_prepare(self) -> None:
        try:
            version = self._schema_version()
            if self.writable:
                if version < SCHEMA_VERSION:
                    self._write(self._migrate)
                self._connection.execute("PRAGMA journal_mode=WAL")
                self._connection.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as error:
            raise _problem(self.path, error) from None

    def _schema_version(self) -> int:
        """The file's schema version, after checking it is intact and is quizgen's."""
        connection = self._connection
        damage = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
        if damage != ["ok"]:
            raise _refusal(self.path, "damaged (" + "; ".join(damage) + ")")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version > SCHEMA_VERSION and application == APPLICATION_ID:
            raise _refusal(
                self.path,
                f"written by a newer quizgen (schema version {version}; this one knows up to "
                f"{SCHEMA_VERSION}); upgrade quizgen to use it",
            )
        if application != APPLICATION_ID and (tables or application or version):
            raise _refusal(self.path, "this SQLite database belongs to another program")
        return version

    def _migrate(self, connection: sqlite3.Connection) -> None:
        """Bring the schema up to date inside the caller's transaction (re-read: a twin may have)."""
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _SCHEMA[target].split(";"):
                if statement.strip():
                    connection.execute(statement)
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _write(self, work: Callable[[sqlite3.Connection], object]):
        """Run `work` in one immediate transaction, retrying a few times while another writes."""
        connection = self._connection
        attempt = 0
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
                try:
                    result = work(connection)
                    connection.execute("COMMIT")
                    return result
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError as error:
                attempt += 1
                busy = "locked" in str(error).lower() or "busy" in str(error).lower()
                if not busy or attempt >= WRITE_ATTEMPTS:
                    raise _problem(self.path, error) from None
                time.sleep(0.05 * attempt + random.random() * 0.05)
            except sqlite3.Error as error:
                raise _problem(self.path, error) from None

    def _read(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        try:
            return self._connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.Error as error:
            raise _problem(self.path, error) from None

    def card_states(self, question_keys: Iterable[str]) -> dict[str, CardState]:
        keys = list(question_keys)
        states: dict[str, CardState] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._read(
                "SELECT question_key, card_id, state, step, stability, difficulty, due, "
                f"last_review FROM cards WHERE question_key IN ({marks})",
                chunk,
            ):
                states[row[0]] = _card_state(row[1:])
        return states

    def cards(self) -> list[StoredCard]:
        return [
            StoredCard(key, bank_id, question_type, tuple(passages.split()), _moment(due))
            for key, bank_id, question_type, passages, due in self._read(
                "SELECT question_key, bank_id, question_type, passages, due FROM cards"
            )
        ]

    def answers(self, session_id: int | None = None) -> list[Answer]:
        where, parameters = ("", ())
        if session_id is not None:
            where, parameters = "WHERE session_id = ?", (session_id,)
        return [
            Answer(
                row[0],
                row[1],
                row[2],
                row[3],
                tuple(row[4].split()),
                row[5],
                row[6],
                row[7],
                _moment(row[8]),
                row[9],
            )
            for row in self._read(
                "SELECT session_id, question_key, bank_id, question_type, passages, response, "
                f"verdict, rating, reviewed_at, duration_ms FROM reviews {where} "
                "ORDER BY review_id",
                parameters,
            )
        ]

    def unfinished_session(self, signature: str) -> Session | None:
        rows = self._read(
            "SELECT session_id, signature, mode, seed, question_keys, started_at, finished_at "
            "FROM sessions WHERE signature = ? AND finished_at IS NULL "
            "ORDER BY session_id DESC LIMIT 1",
            (signature,),
        )
        return _session(rows[0]) if rows else None

    def start_session(
        self, signature: str, mode: str, seed: str, question_keys: Iterable[str], when: datetime
    ) -> Session:
        keys = tuple(question_keys)

        def insert(connection: sqlite3.Connection) -> int:
            cursor = connection.execute(
                "INSERT INTO sessions (signature, mode, seed, question_keys, started_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (signature, mode, seed, json.dumps(keys, ensure_ascii=False), stamp(when)),
            )
            return cursor.lastrowid

        session_id = self._write(insert)
        return Session(session_id, signature, mode, seed, keys, when, None)

    def finish_session(self, session_id: int, when: datetime) -> None:
        self._write(
            lambda connection: connection.execute(
                "UPDATE sessions SET finished_at = ? WHERE session_id = ?",
                (stamp(when), session_id),
            )
        )

    def record_answer(
        self, answer: Answer, card_id: int, next_state: Callable[[CardState | None], CardState]
    ) -> CardState:
        """Store the answer and the card's new state together, computed from the stored state
        inside the transaction so that another session's review of the same card is not lost."""

        def store(connection: sqlite3.Connection) -> CardState:
            row = connection.execute(
                "SELECT card_id, state, step, stability, difficulty, due, last_review "
                "FROM cards WHERE question_key = ?",
                (answer.question_key,),
            ).fetchone()
            state = next_state(_card_state(row) if row else None)
            passages = " ".join(answer.passages)
            connection.execute(
                "INSERT INTO cards (card_id, question_key, bank_id, question_type, passages, "
                "state, step, stability, difficulty, due, last_review) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (question_key) DO UPDATE SET question_type = excluded.question_type, "
                "passages = excluded.passages, state = excluded.state, step = excluded.step, "
                "stability = excluded.stability, difficulty = excluded.difficulty, "
                "due = excluded.due, last_review = excluded.last_review",
                (
                    card_id,
                    answer.question_key,
                    answer.bank_id,
                    answer.question_type,
                    passages,
                    state.state,
                    state.step,
                    state.stability,
                    state.difficulty,
                    stamp(state.due),
                    stamp(state.last_review) if state.last_review else None,
                ),
            )
            connection.execute(
                "INSERT INTO reviews (session_id, card_id, question_key, bank_id, question_type, "
                "passages, response, verdict, rating, reviewed_at, duration_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.session_id,
                    card_id,
                    answer.question_key,
                    answer.bank_id,
                    answer.question_type,
                    passages,
                    answer.response,
                    answer.verdict,
                    answer.rating,
                    stamp(answer.reviewed_at),
                    answer.duration_ms,
                ),
            )
            return state

        return self._write(store)


def _card_state(row) -> CardState:
    card_id, state, step, stability, difficulty, due, last_review = row
    return CardState(
        card_id, state, step, stability, difficulty, _moment(due), _moment(last_review)
    )


def _session(row) -> Session:
    session_id, signature, mode, seed, keys, started, finished = row
    return Session(
        session_id,
        signature,
        mode,
        seed,
        tuple(json.loads(keys)),
        _moment(started),
        _moment(finished),
    )
