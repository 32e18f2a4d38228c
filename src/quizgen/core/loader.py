"""Loading banks from disk: read once, validate everything, return plain data or every problem."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quizgen.core.errors import BankInvalid, Problem, QuizgenError
from quizgen.core.model import Article, Bank, Passage
from quizgen.core.schema import ARTICLE_FIELDS, BANK_FIELDS
from quizgen.core.seed import split_seed
from quizgen.core.validate import COMMA_FIX, build_question, check_fields
from quizgen.core.yaml_source import (
    SpellingNeeded,
    YamlProblem,
    line_for,
    line_index,
    load_values,
)
from quizgen.text.direction import direction_for, is_valid_language_tag
from quizgen.text.normalize import fold_for_evidence

BANK_DIRECTORY = "question_bank"
MAX_BANK_BYTES = 256 * 1024 * 1024
MAX_SEED_BYTES = 16 * 1024 * 1024


def default_bank_paths(root: Path | None = None) -> list[Path]:
    """Every bank under question_bank/ of the current (or given) folder."""
    directory = root / BANK_DIRECTORY if root else Path(BANK_DIRECTORY)
    paths = banks_in_folder(directory)
    if not paths:
        raise QuizgenError(
            f"no banks found under {directory}/ (run quizgen from the project folder, or name bank files)"
        )
    return paths


def banks_in_folder(directory: Path) -> list[Path]:
    paths = sorted(p for p in directory.glob("*.yaml") if p.is_file())
    return paths + sorted(p for p in directory.glob("*.yml") if p.is_file())


def bank_paths(names: Iterable[str | Path]) -> list[Path]:
    """The banks named: a folder stands for every bank in it; none named, those of question_bank/."""
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = banks_in_folder(path)
            if not found:
                raise QuizgenError(f"{path}: no .yaml banks in this folder")
            paths += found
        else:
            paths.append(path)
    return paths or default_bank_paths()


def load_banks(paths: Iterable[Path]) -> list[Bank]:
    """Load several banks, reporting the problems of all of them together."""
    banks, problems = [], []
    for path in paths:
        try:
            banks.append(load_bank(path))
        except BankInvalid as error:
            problems.extend(error.problems)
    first_path: dict[str, Path] = {}
    for bank in banks:
        if bank.id in first_path:
            problems.append(
                Problem(
                    str(bank.path),
                    0,
                    "-",
                    f"bank id '{bank.id}' is also used by {first_path[bank.id]}",
                    "give every bank its own id",
                )
            )
        first_path.setdefault(bank.id, bank.path)
    if any(problem.severity == "error" for problem in problems):
        raise BankInvalid(problems + [warning for bank in banks for warning in bank.warnings])
    return banks


class _Findings:
    """Problems found by path; lines are looked up only if there are any."""

    def __init__(self) -> None:
        self.found: list[tuple[str, tuple, str, str, str]] = []

    def reporter(self, question_id: str, severity: str = "error"):
        def report(path: tuple, message: str, fix: str) -> None:
            self.found.append((question_id, path, message, fix, severity))

        return report

    def problems(self, name: str, text: str) -> list[Problem]:
        """Located problems, errors first; a path of None (a whole-bank finding) has no line."""
        lines: dict = {}
        unlocated: list[Problem] = []
        if any(path is not None for _, path, _, _, _ in self.found):
            try:
                lines = line_index(text)
            except YamlProblem as problem:
                # The fast parser read the file, the one that finds lines did not: every finding is
                # kept, without its line, and the construct the two disagree on is named.
                unlocated.append(
                    Problem(
                        name,
                        problem.line,
                        "-",
                        f"{problem.message}; the problems above have no line number because of it",
                        f"{problem.fix}; indent with spaces, not tabs",
                    )
                )
                lines = {(): 0}
        problems = [
            Problem(
                name,
                0 if path is None else line_for(lines, path),
                question_id,
                message,
                fix,
                severity,
            )
            for question_id, path, message, fix, severity in self.found
        ]
        located = sorted(problems, key=lambda problem: (problem.severity != "error", problem.line))
        return located + unlocated


def load_bank(path: Path) -> Bank:
    """Parse and validate one bank, the garbage collector paused: loading allocates hundreds of
    thousands of small objects at once, and collections during it cost a fifth of the time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            return _load_bank(Path(path))
        except SpellingNeeded:  # an unquoted number in a text field: read it as written
            return _load_bank(Path(path), exact_numbers=True)
    finally:
        if collecting:
            gc.enable()


def _load_bank(path: Path, exact_numbers: bool = False) -> Bank:
    name = str(path)
    text, document = _read_document(path, exact_numbers)
    if not isinstance(document, dict):
        got = {list: "a list", type(None): "empty"}.get(type(document), "a single value")
        raise BankInvalid(
            [
                Problem(
                    name,
                    1,
                    "-",
                    f"the bank must be a mapping with `bank:` and `questions:`, not {got}",
                    "see docs/question-bank.md for a complete example",
                )
            ]
        )
    findings = _Findings()
    report = findings.reporter("-")
    for key in document:
        if key not in ("bank", "questions"):
            report((key,), f"unknown top-level field '{key}'", "use `bank:` and `questions:`")
    header = document.get("bank")
    if not isinstance(header, dict):
        report(
            ("bank",),
            "missing or invalid `bank:` section",
            "add `bank:` with id, title, language and article",
        )
        header = {}
    bank_values = check_fields(header, BANK_FIELDS, ("bank",), report)
    language = bank_values.get("language", "en")
    if "language" in bank_values and not is_valid_language_tag(language):
        report(
            ("bank", "language"),
            f"'{language}' is not a BCP 47 language tag",
            "use a tag such as ar, en or fr",
        )
    article, passages = _load_article(path, bank_values.get("article"), report)
    folded = {passage.id: passage.folded for passage in passages}

    raw_questions = document.get("questions")
    if raw_questions is None and "questions" in document:
        raw_questions = []  # `questions:` with nothing yet, as `quizgen new` writes it
    if not isinstance(raw_questions, list):
        report(
            ("questions",),
            "missing or invalid `questions:` list",
            "add `questions:` followed by `- id: ...` items",
        )
        raw_questions = []
    if _paragraphs_on_single_lines(passages, raw_questions, folded):
        report(
            ("bank", "article", "seed"),
            f"the article has {len(passages)} passage(s) after its metadata blocks, but the "
            "questions cite more: its paragraphs are separated by single line breaks",
            "put a blank line between paragraphs, then re-check the passage ids",
        )
        folded = {}  # one message instead of an unknown passage id in every question
    questions = []
    first_index: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        question_path = ("questions", index)
        if not isinstance(raw, dict):
            report(question_path, "a question must be a mapping", "start it with `- id: ...`")
            continue
        question_id = _clean_id(raw.get("id"))
        label = question_id or f"question #{index + 1}"
        if question_id in first_index:
            findings.reporter(label)(
                question_path + ("id",),
                f"duplicate id (also question #{first_index[question_id] + 1})",
                "give every question its own id; never reuse an old one",
            )
        elif question_id:
            first_index[question_id] = index
        question = build_question(raw, question_path, folded, findings.reporter(label))
        if question is not None:
            questions.append(question)
            if len(question.evidence) > 1 and folded:
                _check_adjacent_quotes(question, question_path, folded, findings.reporter(label))

    covered = {passage_id for question in questions for passage_id in question.passages}
    warn = findings.reporter("-", "warning")
    for passage in passages:
        if passage.id not in covered:
            warn(
                None,
                f"passage {passage.id} has no questions",
                "add questions that cite it",
            )
    if findings.found:
        problems = findings.problems(name, text)
        if any(problem.severity == "error" for problem in problems):
            raise BankInvalid(problems)
        warnings = tuple(problems)
    else:
        warnings = ()
    return Bank(
        id=bank_values["id"],
        title=bank_values["title"],
        language=language,
        direction=direction_for(language),
        article=article,
        passages=passages,
        questions=tuple(questions),
        path=path,
        warnings=warnings,
    )


@dataclass(frozen=True)
class ArticlePassages:
    """What `quizgen passages` needs of a bank: enough to write or repair the bank's questions."""

    bank_id: str
    heading: str
    passages: tuple[Passage, ...]


def load_passages(path: Path) -> ArticlePassages:
    """The article's passages, read even when the questions (or the recorded sha256) have errors.

    A curator needs the passages to write a new bank or to repair one after the seed changed.
    """
    try:
        return _load_passages(Path(path))
    except SpellingNeeded:
        return _load_passages(Path(path), exact_numbers=True)


def _load_passages(path: Path, exact_numbers: bool = False) -> ArticlePassages:
    text, document = _read_document(path, exact_numbers)
    header = document.get("bank") if isinstance(document, dict) else None
    article = header.get("article") if isinstance(header, dict) else None
    findings = _Findings()
    if not isinstance(article, dict):
        findings.reporter("-")(
            ("bank",), "missing or invalid `article:` section", "see docs/question-bank.md"
        )
        raise BankInvalid(findings.problems(str(path), text))
    _, passages = _load_article(path, article, findings.reporter("-"), require_hash=False)
    if not passages:
        raise BankInvalid(findings.problems(str(path), text))
    title, author, date = (str(article.get(name) or "") for name in ("title", "author", "date"))
    comma = "، " if direction_for(str(header.get("language", "en"))) == "rtl" else ", "
    byline = comma.join(part for part in (author, date) if part)
    heading = f"{title} ({byline})" if byline else title
    return ArticlePassages(str(header.get("id", path.stem)), heading, passages)


def _paragraphs_on_single_lines(
    passages: tuple[Passage, ...], raw_questions: list, folded: dict[str, str]
) -> bool:
    """Whether questions cite passages the article lacks because its paragraphs are not separated
    by blank lines (the passages then hold several lines each)."""
    if not passages or not any("\n" in passage.text for passage in passages):
        return False
    for raw in raw_questions:
        cited = raw.get("passages") if isinstance(raw, dict) else None
        if isinstance(cited, list) and any(
            isinstance(passage_id, str) and passage_id.strip() not in folded for passage_id in cited
        ):
            return True
    return False


# A Latin comma ends an item of a flow list: `[covering about 68,000 square km]` is two quotes.
_LIST_SEPARATORS = (", ", ",")


def _check_adjacent_quotes(question, question_path: tuple, folded: dict[str, str], report) -> None:
    """Report consecutive evidence quotes that stand in the passage separated only by a comma."""
    texts = [folded[passage_id] for passage_id in question.passages]
    quotes = [fold_for_evidence(quote) for quote in question.evidence]
    for position in range(len(quotes) - 1):
        joined = [
            quotes[position] + separator + quotes[position + 1] for separator in _LIST_SEPARATORS
        ]
        if any(candidate in text for candidate in joined for text in texts):
            report(
                question_path + ("evidence", position),
                f"evidence quotes '{question.evidence[position]}' and "
                f"'{question.evidence[position + 1]}' stand side by side in the passage, separated "
                "by a comma: one quote was probably cut at its comma",
                COMMA_FIX,
            )


def _clean_id(value) -> str:
    """The id as the validator keeps it (text, stripped), so `7`, "7" and "7 " count as one."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value).strip()


def _read_document(path: Path, exact_numbers: bool = False):
    """The bank's text and its parsed YAML; a YAML error is reported as the bank's only problem."""
    text = _read_text(path)
    try:
        return text, load_values(text, exact_numbers)
    except YamlProblem as problem:
        raise BankInvalid(
            [Problem(str(path), problem.line, "-", problem.message, problem.fix)]
        ) from None


def _read_text(path: Path) -> str:
    name = str(path)
    try:
        if path.is_dir():
            raise _unreadable(name, "is a folder, not a bank file", "name a .yaml file")
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise _unreadable(
                name, f"{size} bytes is too large for a bank", f"the limit is {MAX_BANK_BYTES}"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise _unreadable(name, "no such bank file", "check the path") from None
    except OSError as error:
        raise _unreadable(name, f"cannot read the bank: {error.strerror}", "check it") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BankInvalid(
            [
                Problem(
                    name,
                    line,
                    "-",
                    f"invalid UTF-8 (byte {error.start} of the file)",
                    "save the file as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def _unreadable(name: str, message: str, fix: str) -> BankInvalid:
    """A file that cannot be read is one more problem, reported with those of the other banks."""
    return BankInvalid([Problem(name, 0, "-", message, fix)])


def _load_article(
    bank_path: Path, raw, report, require_hash: bool = True
) -> tuple[Article | None, tuple[Passage, ...]]:
    if raw is None:
        return None, ()
    here = ("bank", "article")
    values = check_fields(raw, ARTICLE_FIELDS, here, report)
    if "seed" not in values:
        return None, ()
    if values.get("metadata_blocks", 0) < 0:
        report(
            here + ("metadata_blocks",),
            "metadata_blocks must be 0 or more",
            "count the blocks before the body",
        )
    seed_path_in_bank = here + ("seed",)
    seed_name = values["seed"]
    project_root = bank_path.resolve().parent.parent
    seed_path = (bank_path.resolve().parent / seed_name).resolve()
    if not seed_path.is_relative_to(project_root):
        report(
            seed_path_in_bank,
            f"seed '{seed_name}' points outside the project folder {project_root}",
            "keep seed files in the project's seeds/ folder",
        )
        return None, ()
    try:
        if seed_path.is_dir():
            report(
                seed_path_in_bank, f"seed '{seed_name}' is a folder", "name the article's text file"
            )
            return None, ()
        if seed_path.stat().st_size > MAX_SEED_BYTES:
            report(
                seed_path_in_bank,
                f"seed '{seed_name}' is too large",
                "a seed is one article as text",
            )
            return None, ()
        data = seed_path.read_bytes()
    except FileNotFoundError:
        report(
            seed_path_in_bank,
            f"seed file '{seed_name}' not found (looked for {seed_path})",
            "give the path relative to the bank file",
        )
        return None, ()
    except OSError as error:
        report(
            seed_path_in_bank,
            f"cannot read seed '{seed_name}': {error.strerror}",
            "check its permissions",
        )
        return None, ()
    try:
        seed = split_seed(data, max(0, values.get("metadata_blocks", 0)))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report(
            seed_path_in_bank,
            f"seed is not valid UTF-8 (its line {line})",
            "save the seed as UTF-8",
        )
        return None, ()
    # Listing passages to write or repair a bank does not require the hash: it is what is repaired.
    if require_hash and "sha256" not in raw:
        report(
            here,
            "missing field 'sha256'",
            f"check that the passages are the article you mean, then add `sha256: {seed.sha256}`",
        )
    elif require_hash and "sha256" in values and values["sha256"] != seed.sha256:
        # Reported, and the questions are still checked against the article as it now stands.
        report(
            here + ("sha256",),
            f"seed '{seed_name}' has changed since the bank was checked against it",
            f"re-check every question's evidence and passage ids, then set sha256: {seed.sha256}",
        )
    if not seed.passages:
        report(
            seed_path_in_bank,
            "the seed has no passages after its metadata blocks",
            "separate paragraphs with blank lines; check metadata_blocks",
        )
        return None, ()
    if "title" not in values or values.get("sha256") != seed.sha256:
        return None, seed.passages
    article = Article(
        seed_path,
        values["title"],
        values.get("author", ""),
        values.get("date", ""),
        values.get("source", ""),
        values["sha256"],
    )
    return article, seed.passages
