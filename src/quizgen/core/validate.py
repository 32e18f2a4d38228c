"""Checks of one question against the schema and its passages, collecting every problem."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from quizgen.core.model import QUESTION_TYPES, Option, Pair, Question
from quizgen.core.schema import (
    DIFFICULTY_LEVELS,
    LINT_RULE_ID,
    MATCHING_PAIRS,
    OPTION_COUNTS,
    ORDERING_ITEMS,
    Field,
    question_fields,
)
from quizgen.text.normalize import fold_for_evidence

# report(path, message, fix); the path is turned into a line number only if something is reported
Report = Callable[[tuple, str, str], None]

_KIND_NAMES = {
    "str": "a text",
    "text_list": "a list of texts",
    "int": "a whole number",
    "bool": "true or false",
    "options": "a list of options (each `text:` with `correct: true` on the right ones)",
    "pairs": "a list of pairs (each `left:` and `right:`)",
    "article": "a mapping",
    "lint": 'a mapping `{ignore: [RULE-ID, ...], reason: "..."}`',
}


def check_fields(mapping: dict, fields: tuple[Field, ...], path: tuple, report: Report) -> dict:
    """Unknown, missing and mistyped fields; returns the fields that are usable."""
    values = {}
    known = 0
    for field in fields:
        if field.name in mapping:
            known += 1
    if known != len(mapping):  # names are listed only when some key is unknown
        names = [field.name for field in fields]
        for key in mapping:
            if key not in names:
                report(
                    path + (key,), f"unknown field '{key}'", f"expected one of: {', '.join(names)}"
                )
    for field in fields:
        name = field.name
        value = mapping.get(name, _ABSENT)
        if value is _ABSENT:
            if field.required:
                report(path, f"missing field '{name}'", f"add `{name}:`")
            continue
        # The common cases, kept cheap for banks of 100,000 items; anything else gets full checks.
        kind = field.kind
        if kind == "str":
            if type(value) is str and (text := value.strip()):
                values[name] = text
                continue
        elif kind == "text_list" and type(value) is list:
            texts = _plain_texts(value)
            if texts is not None:
                values[name] = texts
                continue
        checked = _check_kind(field, value, path + (name,), report)
        if checked is not None:
            values[name] = checked
    return values


_ABSENT = object()


def _plain_texts(items: list) -> tuple[str, ...] | None:
    """A list of non-empty texts, stripped; None when any item needs the full check."""
    texts = [item.strip() for item in items if type(item) is str]
    if len(texts) == len(items) and all(texts):
        return tuple(texts)
    return None


def _check_kind(field: Field, value, path: tuple, report: Report):
    wrong = f"'{field.name}' must be {_KIND_NAMES[field.kind]}"
    if field.kind == "str":
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            report(path, f"{wrong}, not {_describe(value)}", "write it as a quoted text")
            return None
        text = str(value).strip()
        if not text:
            report(path, f"'{field.name}' is empty", "write the text or remove the field")
            return None
        return text
    if field.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            report(path, f"{wrong}, not {_describe(value)}", "write a number such as 2")
            return None
        return value
    if field.kind == "bool":
        if not isinstance(value, bool):
            report(path, f"{wrong}, not {_describe(value)}", "write true or false")
            return None
        return value
    if field.kind == "lint":
        return _lint_opt_out(value, path, report)
    if field.kind == "article":
        if not isinstance(value, dict):
            report(path, f"{wrong}, not {_describe(value)}", "see docs/question-bank.md")
            return None
        return value
    if not isinstance(value, list):
        fix = "write it as a list, one `- item` a line"
        if field.kind == "text_list" and isinstance(value, str):
            fix = f"write it as a list: `{field.name}: [...]`"
        report(path, f"{wrong}, not {_describe(value)}", fix)
        return None
    if field.kind == "text_list":
        return _text_list(field.name, value, path, report)
    if field.kind == "options":
        return _options(value, path, report)
    return _pairs(value, path, report)


def _text_list(name: str, value: list, path: tuple, report: Report) -> tuple[str, ...] | None:
    texts = []
    for position, item in enumerate(value):
        item_path = path + (position,)
        if isinstance(item, datetime.date):
            item = item.isoformat()
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            report(
                item_path,
                f"each item of '{name}' must be a text, not {_describe(item)}",
                "quote it",
            )
            return None
        text = str(item).strip()
        if not text:
            report(item_path, f"an item of '{name}' is empty", "remove it or write the text")
            return None
        texts.append(text)
    return tuple(texts)


_OPTION_FIELDS = (Field("text", "str"), Field("correct", "bool", required=False))
_QUESTION_FIELDS = {
    question_type: question_fields(question_type) for question_type in QUESTION_TYPES
}
_PAIR_FIELDS = (Field("left", "str"), Field("right", "str"))


def _options(value: list, path: tuple, report: Report) -> tuple[Option, ...] | None:
    options = []
    for position, item in enumerate(value):
        if type(item) is dict and (option := _plain_option(item)) is not None:
            options.append(option)
            continue
        if not isinstance(item, dict):
            report(
                path + (position,),
                f"an option must be a mapping, not {_describe(item)}",
                "write `- text: ...`",
            )
            continue
        checked = check_fields(item, _OPTION_FIELDS, path + (position,), report)
        if "text" in checked and ("correct" in checked or "correct" not in item):
            options.append(Option(checked["text"], checked.get("correct", False)))
    return tuple(options) if len(options) == len(value) else None


_LINT_FIELDS = (Field("ignore", "text_list"), Field("reason", "str"))
_RULE_ID = re.compile(LINT_RULE_ID)


def _lint_opt_out(value, path: tuple, report: Report) -> tuple[tuple[str, ...], str] | None:
    """Warnings an item accepts: a reason is required, so that every exception is explained."""
    if not isinstance(value, dict):
        report(
            path,
            f"'lint' must be {_KIND_NAMES['lint']}",
            "write `lint: {ignore: [L101], reason: ...}`",
        )
        return None
    checked = check_fields(value, _LINT_FIELDS, path, report)
    if len(checked) != 2:
        return None
    malformed = [rule for rule in checked["ignore"] if not _RULE_ID.fullmatch(rule)]
    for rule in malformed:
        report(path + ("ignore",), f"'{rule}' is not a lint rule id", "write ids such as L101")
    return None if malformed else (checked["ignore"], checked["reason"])


def _plain_option(item: dict) -> Option | None:
    """The common option: a non-empty text, maybe `correct:` true or false, nothing else."""
    text = item.get("text")
    if type(text) is not str or not (text := text.strip()):
        return None
    correct = item.get("correct", False)
    if type(correct) is not bool or len(item) != 1 + ("correct" in item):
        return None
    return Option(text, correct)


def _pairs(value: list, path: tuple, report: Report) -> tuple[Pair, ...] | None:
    pairs = []
    for position, item in enumerate(value):
        if type(item) is dict and (pair := _plain_pair(item)) is not None:
            pairs.append(pair)
            continue
        if not isinstance(item, dict):
            report(
                path + (position,),
                f"a pair must be a mapping, not {_describe(item)}",
                "write `- left: ...`",
            )
            continue
        checked = check_fields(item, _PAIR_FIELDS, path + (position,), report)
        if len(checked) == 2:
            pairs.append(Pair(checked["left"], checked["right"]))
    return tuple(pairs) if len(pairs) == len(value) else None


def _plain_pair(item: dict) -> Pair | None:
    """The common pair: a non-empty left and right text, nothing else."""
    left, right = item.get("left"), item.get("right")
    if type(left) is not str or type(right) is not str or len(item) != 2:
        return None
    left, right = left.strip(), right.strip()
    return Pair(left, right) if left and right else None


def _describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def build_question(
    raw: dict,
    path: tuple,
    folded_passages: dict[str, str],
    report: Report,
) -> Question | None:
    """Validate one question mapping; `folded_passages` is empty when the seed could not be read."""
    question_type = raw.get("type")
    if question_type not in QUESTION_TYPES:
        if "type" not in raw:
            report(
                path,
                "missing field 'type'",
                f"add `type:` with one of {', '.join(QUESTION_TYPES)}",
            )
        else:
            report(
                path + ("type",),
                f"unknown type '{question_type}'",
                f"use one of {', '.join(QUESTION_TYPES)}",
            )
        return None
    errors_before = _Counter(report)
    values = check_fields(raw, _QUESTION_FIELDS[question_type], path, errors_before)

    def path_of(key: str) -> tuple:
        return path + (key,)

    _check_rules(question_type, values, path_of, errors_before)
    if folded_passages:
        _check_passages(values, folded_passages, path_of, errors_before)
    if errors_before.count:
        return None
    if question_type == "vocab":
        values.setdefault("evidence", (values["sentence"],))
        values.setdefault("difficulty", 1)
    return Question(
        id=values["id"],
        type=question_type,
        passages=values["passages"],
        prompt=values.get("prompt", ""),
        evidence=values["evidence"],
        explanation=values.get("explanation", ""),
        tags=values.get("tags", ()),
        difficulty=values["difficulty"],
        options=values.get("options", ()),
        answer=values.get("answer"),
        answers=values.get("answers", ()),
        sentence=values.get("sentence", ""),
        deletions=_in_sentence_order(values) if question_type == "cloze" else (),
        pairs=values.get("pairs", ()),
        items=values.get("items", ()),
        term=values.get("term", ""),
        gloss=values.get("gloss", ""),
        definition=values.get("definition", ""),
        family=values.get("family", ""),
        lint_ignore=values["lint"][0] if "lint" in values else (),
        lint_reason=values["lint"][1] if "lint" in values else "",
    )


class _Counter:
    """Wraps a report function to know whether this question added any error."""

    def __init__(self, report: Report):
        self.report = report
        self.count = 0

    def __call__(self, path: tuple, message: str, fix: str) -> None:
        self.count += 1
        self.report(path, message, fix)


def _in_sentence_order(values: dict) -> tuple[str, ...]:
    """Deletions ordered by where they stand, found as the validator found them (folded)."""
    sentence = fold_for_evidence(values["sentence"])
    return tuple(
        sorted(values["deletions"], key=lambda deletion: sentence.find(fold_for_evidence(deletion)))
    )


def _duplicates(texts) -> list[str]:
    texts = tuple(texts)
    if len(texts) < 2:
        return []
    keys = [fold_for_evidence(text).casefold() for text in texts]
    if len(set(keys)) == len(keys):
        return []
    seen, repeated = set(), []
    for text, key in zip(texts, keys, strict=True):
        if key in seen:
            repeated.append(text)
        seen.add(key)
    return repeated


def _check_rules(question_type: str, values: dict, path_of, report: Report) -> None:
    if "difficulty" in values and values["difficulty"] not in DIFFICULTY_LEVELS:
        report(
            path_of("difficulty"),
            f"difficulty {values['difficulty']} is out of range",
            "use 1 (recall), 2 (comprehension) or 3 (analysis)",
        )
    options = values.get("options")
    if options is not None:
        low, high = OPTION_COUNTS[question_type]
        correct = sum(option.correct for option in options)
        line = path_of("options")
        if not low <= len(options) <= high:
            report(
                line,
                f"{question_type} has {_count(len(options), 'option')}",
                f"give {low} to {high}",
            )
        if question_type == "mcq" and correct != 1:
            report(
                line, f"mcq has {correct} correct options", "mark exactly one with `correct: true`"
            )
        if question_type == "multi" and correct == 0:
            report(line, "multi has no correct option", "mark the right ones with `correct: true`")
        if question_type == "multi" and options and correct == len(options):
            report(line, "every option of this multi is correct", "add at least one wrong option")
        for text in _duplicates(option.text for option in options):
            report(line, f"duplicate option '{text}'", "make every option different")
    pairs = values.get("pairs")
    if pairs is not None:
        low, high = MATCHING_PAIRS
        if not low <= len(pairs) <= high:
            report(
                path_of("pairs"),
                f"matching has {_count(len(pairs), 'pair')}",
                f"give {low} to {high}",
            )
        for side in ("left", "right"):
            for text in _duplicates(getattr(pair, side) for pair in pairs):
                report(
                    path_of("pairs"), f"duplicate {side} item '{text}'", "make every item different"
                )
    items = values.get("items")
    if items is not None:
        low, high = ORDERING_ITEMS
        if not low <= len(items) <= high:
            report(
                path_of("items"),
                f"ordering has {_count(len(items), 'item')}",
                f"give {low} to {high}",
            )
        for text in _duplicates(items):
            report(path_of("items"), f"duplicate item '{text}'", "make every item different")
    answers = values.get("answers")
    if answers is not None:
        for text in _duplicates(answers):
            report(path_of("answers"), f"accepted answer '{text}' is listed twice", "keep one")
    if question_type == "cloze" and "sentence" in values and "deletions" in values:
        _check_cloze(values, path_of, report)
    if question_type == "vocab" and "sentence" in values and "term" in values:
        sentence = fold_for_evidence(values["sentence"])
        if fold_for_evidence(values["term"]) not in sentence:
            report(
                path_of("term"),
                f"term '{values['term']}' does not occur in its sentence",
                "copy the term exactly as the sentence spells it",
            )


def _check_cloze(values: dict, path_of, report: Report) -> None:
    sentence = fold_for_evidence(values["sentence"])
    spans: list[tuple[int, int]] = []
    for deletion in values["deletions"]:
        folded = fold_for_evidence(deletion)
        if "::" in deletion or "{{" in deletion or "}}" in deletion:
            report(
                path_of("deletions"),
                f"deletion '{deletion}' contains '::', '{{{{' or '}}}}'",
                "these characters are reserved by Anki cloze markup; shorten the deletion",
            )
            continue
        start = sentence.find(folded)
        if start < 0:
            report(
                path_of("deletions"),
                f"deletion '{deletion}' is not in the cloze sentence",
                "copy the words exactly as they appear in `sentence`",
            )
            continue
        if sentence.find(folded, start + 1) >= 0:
            report(
                path_of("deletions"),
                f"deletion '{deletion}' occurs more than once in the sentence",
                "choose a longer span that occurs once",
            )
            continue
        end = start + len(folded)
        if any(start < other_end and other_start < end for other_start, other_end in spans):
            report(
                path_of("deletions"),
                f"deletion '{deletion}' overlaps another",
                "make deletions disjoint",
            )
            continue
        spans.append((start, end))


def _check_passages(values: dict, folded_passages: dict[str, str], path_of, report: Report) -> None:
    cited = values.get("passages")
    if cited is None:
        return
    unknown = [passage_id for passage_id in cited if passage_id not in folded_passages]
    for passage_id in unknown:
        known = f"p1..p{len(folded_passages)}"
        report(path_of("passages"), f"unknown passage id '{passage_id}'", f"use one of {known}")
    if unknown:
        return
    for duplicate in _duplicates(cited):
        report(path_of("passages"), f"passage '{duplicate}' is cited twice", "cite it once")
    texts = [folded_passages[passage_id] for passage_id in cited]
    names = ", ".join(cited)
    for quote in values.get("evidence", ()):
        if not any(fold_for_evidence(quote) in text for text in texts):
            report(
                path_of("evidence"),
                f"evidence not found verbatim in {names}: '{_clip(quote)}'",
                "copy the words exactly from the cited passage, or cite the passage that has them",
            )
    sentence = values.get("sentence")
    if sentence is not None and not any(fold_for_evidence(sentence) in text for text in texts):
        report(
            path_of("sentence"),
            f"sentence not found verbatim in {names}: '{_clip(sentence)}'",
            "copy the sentence exactly from the cited passage",
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
