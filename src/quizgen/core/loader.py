"""Loading banks from disk: read once, validate everything, return plain data or every problem."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quizgen.core.errors import BankInvalid, Problem, QuizgenError
from quizgen.core.model import Article, Bank, Passage
from quizgen.core.schema import ARTICLE_FIELDS, BANK_FIELDS
from quizgen.core.seed import split_seed
from quizgen.core.validate import build_question, check_fields
from quizgen.core.yaml_source import LocatedDict, LocatedList, YamlProblem, parse
from quizgen.text.direction import direction_for, is_valid_language_tag
from quizgen.text.normalize import fold_for_evidence

BANK_DIRECTORY = "question_bank"
MAX_BANK_BYTES = 64 * 1024 * 1024
MAX_SEED_BYTES = 16 * 1024 * 1024


def default_bank_paths(root: Path | None = None) -> list[Path]:
    """Every bank under question_bank/ of the current (or given) folder."""
    directory = root / BANK_DIRECTORY if root else Path(BANK_DIRECTORY)
    paths = sorted(p for p in directory.glob("*.yaml") if p.is_file())
    paths += sorted(p for p in directory.glob("*.yml") if p.is_file())
    if not paths:
        raise QuizgenError(
            f"no banks found under {directory} (run quizgen from the project folder, or name bank files)"
        )
    return paths


def load_banks(paths: Iterable[Path]) -> list[Bank]:
    """Load several banks, reporting the problems of all of them together."""
    banks, problems = [], []
    for path in paths:
        try:
            banks.append(load_bank(path))
        except BankInvalid as error:
            problems.extend(error.problems)
    seen: dict[str, Path] = {}
    for bank in banks:
        if bank.id in seen:
            problems.append(
                Problem(
                    str(bank.path),
                    0,
                    "-",
                    f"bank id '{bank.id}' is also used by {seen[bank.id]}",
                    "give every bank its own id",
                )
            )
        seen[bank.id] = bank.path
    if any(problem.severity == "error" for problem in problems):
        raise BankInvalid(problems + [w for bank in banks for w in bank.warnings])
    return banks


def load_bank(path: Path) -> Bank:
    path = Path(path)
    problems: list[Problem] = []
    name = str(path)

    def report_for(question_id: str):
        def report(line: int, message: str, fix: str) -> None:
            problems.append(Problem(name, line, question_id, message, fix))

        return report

    document = _read_document(path)
    if not isinstance(document, LocatedDict):
        got = "a list" if isinstance(document, list) else "empty" if document is None else "a value"
        raise BankInvalid(
            [
                Problem(
                    name,
                    getattr(document, "line", 1),
                    "-",
                    f"the bank must be a mapping with `bank:` and `questions:`, not {got}",
                    "see docs/question-bank.md for a complete example",
                )
            ]
        )
    top_report = report_for("-")
    for key in document:
        if key not in ("bank", "questions"):
            top_report(
                document.line_of(key),
                f"unknown top-level field '{key}'",
                "use `bank:` and `questions:`",
            )
    header = document.get("bank")
    if not isinstance(header, LocatedDict):
        top_report(
            document.line_of("bank"),
            "missing or invalid `bank:` section",
            "add `bank:` with id, title, language and article",
        )
        header = LocatedDict()
        header.line, header.key_lines = document.line_of("bank"), {}
    bank_values = check_fields(header, BANK_FIELDS, top_report)
    language = bank_values.get("language", "en")
    if "language" in bank_values and not is_valid_language_tag(language):
        top_report(
            header.line_of("language"),
            f"'{language}' is not a BCP 47 language tag",
            "use a tag such as ar, en or fr",
        )
    article, passages = _load_article(path, bank_values.get("article"), top_report)
    folded = {passage.id: fold_for_evidence(passage.text) for passage in passages}

    raw_questions = document.get("questions")
    questions = []
    if not isinstance(raw_questions, LocatedList):
        top_report(
            document.line_of("questions"),
            "missing or invalid `questions:` list",
            "add `questions:` followed by `- id: ...` items",
        )
        raw_questions = LocatedList()
        raw_questions.item_lines = []
    first_line: dict[str, int] = {}
    for raw, line in zip(raw_questions, raw_questions.item_lines, strict=True):
        if not isinstance(raw, LocatedDict):
            top_report(line, "a question must be a mapping", "start it with `- id: ...`")
            continue
        question_id = raw.get("id")
        label = question_id if isinstance(question_id, str) and question_id.strip() else f"#{line}"
        if isinstance(question_id, str) and question_id in first_line:
            report_for(label)(
                raw.line_of("id"),
                f"duplicate id (first used on line {first_line[question_id]})",
                "give every question its own id; never reuse an old one",
            )
        elif isinstance(question_id, str):
            first_line[question_id] = raw.line_of("id")
        question = build_question(raw, folded, report_for(label))
        if question is not None:
            questions.append(question)

    covered = {passage_id for question in questions for passage_id in question.passages}
    warnings = tuple(
        Problem(
            name,
            document.line_of("questions"),
            "-",
            f"passage {passage.id} has no questions",
            "add questions that cite it",
            "warning",
        )
        for passage in passages
        if passage.id not in covered
    )
    if problems:
        raise BankInvalid(problems + list(warnings))
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


def _read_document(path: Path):
    name = str(path)
    try:
        if path.is_dir():
            raise QuizgenError(f"{name}: is a folder, not a bank file (name a .yaml file)")
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise QuizgenError(
                f"{name}: {size} bytes is too large for a bank (limit {MAX_BANK_BYTES})"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise QuizgenError(f"{name}: no such bank file (check the path)") from None
    except OSError as error:
        raise QuizgenError(f"{name}: cannot read the bank: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BankInvalid(
            [
                Problem(
                    name, line, "-", f"invalid UTF-8 (byte {error.start})", "save the file as UTF-8"
                )
            ]
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return parse(text)
    except YamlProblem as error:
        raise BankInvalid([Problem(name, error.line, "-", error.message, error.fix)]) from None


def _load_article(bank_path: Path, raw, report) -> tuple[Article | None, tuple[Passage, ...]]:
    if raw is None:
        return None, ()
    values = check_fields(raw, ARTICLE_FIELDS, report)
    if "seed" not in values:
        return None, ()
    seed_line = raw.line_of("seed")
    project_root = bank_path.resolve().parent.parent
    seed_path = (bank_path.resolve().parent / values["seed"]).resolve()
    if not seed_path.is_relative_to(project_root):
        report(
            seed_line,
            f"seed '{values['seed']}' points outside the project folder {project_root}",
            "keep seed files in the project's seeds/ folder",
        )
        return None, ()
    try:
        if seed_path.is_dir():
            report(
                seed_line, f"seed '{values['seed']}' is a folder", "name the article's text file"
            )
            return None, ()
        if seed_path.stat().st_size > MAX_SEED_BYTES:
            report(
                seed_line, f"seed '{values['seed']}' is too large", "a seed is one article as text"
            )
            return None, ()
        data = seed_path.read_bytes()
    except FileNotFoundError:
        report(
            seed_line,
            f"seed file '{values['seed']}' not found (looked for {seed_path})",
            "give the path relative to the bank file",
        )
        return None, ()
    except OSError as error:
        report(
            seed_line, f"cannot read seed '{values['seed']}': {error.strerror}", "check permissions"
        )
        return None, ()
    metadata_blocks = values.get("metadata_blocks", 0)
    try:
        seed = split_seed(data, metadata_blocks)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report(seed_line, f"seed is not valid UTF-8 (its line {line})", "save the seed as UTF-8")
        return None, ()
    if "sha256" not in raw:
        report(
            raw.line,
            "missing field 'sha256'",
            f"check the passages with `quizgen passages`, then add `sha256: {seed.sha256}`",
        )
    elif "sha256" in values and values["sha256"] != seed.sha256:
        report(
            raw.line_of("sha256"),
            f"seed '{values['seed']}' has changed since the bank was checked against it",
            f"re-check every question's evidence and passage ids, then set sha256: {seed.sha256}",
        )
        return None, ()
    if not seed.passages:
        report(
            seed_line,
            "the seed has no passages after its metadata blocks",
            "separate paragraphs with blank lines; check metadata_blocks",
        )
        return None, ()
    if any(field not in values for field in ("title", "author", "date", "source", "sha256")):
        return None, seed.passages
    article = Article(
        seed_path,
        values["title"],
        values["author"],
        values["date"],
        values["source"],
        values["sha256"],
    )
    return article, seed.passages
