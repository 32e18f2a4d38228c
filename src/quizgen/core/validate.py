"""Checks of one question against the schema and its passages, collecting every problem."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen.core.model import QUESTION_TYPES, Evidence, Option, Pair, Question
from quizgen.core.question_types import DEFINITIONS, QuestionType
from quizgen.core.question_types.rules import duplicates
from quizgen.core.schema import COMMON_FIELDS, DIFFICULTY_LEVELS, LINT_RULE_ID, Field
from quizgen.core.yaml_source import (
    NumberText,
    SpellingNeeded,
    UnknownSpellingFloat,
    UnknownSpellingInt,
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
                if mapping[key] is None:
                    # `{left: a, b, right: c}`: the text after a comma became a key of its own
                    report(
                        path + (key,),
                        f"unknown field '{key}' with no value: a text was probably cut at a comma",
                        f"{COMMA_FIX}; the fields are {', '.join(names)}",
                    )
                    continue
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
COMMA_FIX = "quote the text, or put one item per line"
# In a flow list `[68,000, 68 000]` a Latin comma ends the item: "68" then "000".
_NUMBER_HEAD = re.compile(r"[0-9]{1,3}")
_THREE_DIGITS = re.compile(r"[0-9]{3}(?![0-9])")


def _plain_texts(items: list) -> tuple[str, ...] | None:
    """A list of non-empty texts, stripped; None when any item needs the full check."""
    texts = [item.strip() for item in items if type(item) is str]
    if len(texts) == len(items) and all(texts):
        return tuple(texts)
    return None


def _check_kind(field: Field, value, path: tuple, report: Report):
    wrong = f"'{field.name}' must be {_KIND_NAMES[field.kind]}"
    if field.kind == "str":
        if _not_text(value):
            report(path, f"{wrong}, not {_describe(value)}", "write it as a quoted text")
            return None
        text = str(value).strip()
        if not text:
            report(path, f"'{field.name}' is empty", "write the text or remove the field")
            return None
        return text
    if field.kind == "int":
        if isinstance(value, NumberText):
            value = value.number
        if isinstance(value, bool) or not isinstance(value, int):
            report(path, f"{wrong}, not {_describe(value)}", "write a whole number such as 2")
            return None
        return int(value)
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
            fix = f'write it as a list: `{field.name}:` then one `- "text"` a line'
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
        if _not_text(item):
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
    if len(texts) > 1 and _split_number(name, value, path, report):
        return None
    return tuple(texts)


def _not_text(value) -> bool:
    """Whether a value cannot stand for the text written: not a scalar, true/false, or a number
    whose spelling could not be recovered. A number read without its spelling raises
    SpellingNeeded, for the bank to be read again with numbers as written."""
    if isinstance(value, str):
        return False
    if isinstance(value, (bool, UnknownSpellingInt, UnknownSpellingFloat)):
        return True
    if isinstance(value, (int, float)):
        raise SpellingNeeded
    return True


def _split_number(name: str, items: list, path: tuple, report: Report) -> bool:
    """Report an unquoted bare number of 1 to 3 digits followed by an item that starts with three
    digits: the halves of a number cut at its grouping comma (68 | 000). Quoting silences it, so a
    list that really holds 10 and 100 can say so."""
    found = False
    for position in range(len(items) - 1):
        before, after = items[position], str(items[position + 1]).strip()
        if (
            isinstance(before, NumberText)
            and _NUMBER_HEAD.fullmatch(before)
            and _THREE_DIGITS.match(after)
        ):
            report(
                path + (position,),
                f"items '{before}' and '{after}' of '{name}' look like one text cut at a comma "
                f"('{before},{after}')",
                COMMA_FIX,
            )
            found = True
    return found


_OPTION_FIELDS = (Field("text", "str"), Field("correct", "bool", required=False))


def _question_fields(definition: QuestionType) -> tuple[Field, ...]:
    common = tuple(
        Field(field.name, field.kind, False) if field.name in definition.optional_common else field
        for field in COMMON_FIELDS
    )
    return common + definition.fields


_QUESTION_FIELDS = {name: _question_fields(definition) for name, definition in DEFINITIONS.items()}
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
        return f"the text '{_clip(value)}'"
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
    definition = DEFINITIONS[question_type]
    errors_before = _Counter(report)
    values = check_fields(raw, _QUESTION_FIELDS[question_type], path, errors_before)

    def path_of(key: str) -> tuple:
        return path + (key,)

    _check_difficulty(values, path_of, errors_before)
    definition.check(values, path_of, errors_before)
    found = (
        _check_passages(values, folded_passages, path_of, errors_before) if folded_passages else {}
    )
    if errors_before.count:
        return None
    values = definition.complete(values)
    own = {field.name: values[field.name] for field in definition.fields if field.name in values}
    return Question(
        id=values["id"],
        type=question_type,
        passages=values["passages"],
        prompt=values.get("prompt", ""),
        evidence=values["evidence"],
        explanation=values.get("explanation", ""),
        tags=values.get("tags", ()),
        difficulty=values["difficulty"],
        points=values.get("points", 1),
        evidence_spans=tuple(found[quote] for quote in values["evidence"] if quote in found),
        family=values.get("family", ""),
        lint_ignore=values["lint"][0] if "lint" in values else (),
        lint_reason=values["lint"][1] if "lint" in values else "",
        **own,
    )


class _Counter:
    """Wraps a report function to know whether this question added any error."""

    def __init__(self, report: Report):
        self.report = report
        self.count = 0

    def __call__(self, path: tuple, message: str, fix: str) -> None:
        self.count += 1
        self.report(path, message, fix)


def _check_difficulty(values: dict, path_of, report: Report) -> None:
    if "difficulty" in values and values["difficulty"] not in DIFFICULTY_LEVELS:
        report(
            path_of("difficulty"),
            f"difficulty {values['difficulty']} is out of range",
            "use 1 (recall), 2 (comprehension) or 3 (analysis)",
        )
    if values.get("points", 1) < 1:
        report(path_of("points"), f"points {values['points']} is not positive", "use 1 or more")


def _check_passages(
    values: dict, folded_passages: dict[str, str], path_of, report: Report
) -> dict[str, Evidence]:
    """Check that every quote is in a cited passage; return where each was found (by the quote as
    written), so outputs never search again."""
    cited = values.get("passages")
    if cited is None:
        return {}
    unknown = [passage_id for passage_id in cited if passage_id not in folded_passages]
    for passage_id in unknown:
        known = f"p1..p{len(folded_passages)}"
        report(path_of("passages"), f"unknown passage id '{passage_id}'", f"use one of {known}")
    if unknown:
        return {}
    for duplicate in duplicates(cited):
        report(path_of("passages"), f"passage '{duplicate}' is cited twice", "cite it once")
    names = ", ".join(cited)
    found: dict[str, Evidence] = {}
    for quote in values.get("evidence", ()):
        if not _locate(quote, cited, folded_passages, found):
            report(
                path_of("evidence"),
                f"evidence not found verbatim in {names}: '{_clip(quote)}'",
                "copy the words exactly from the cited passage, or cite the passage that has them",
            )
    sentence = values.get("sentence")
    if sentence is not None and not _locate(sentence, cited, folded_passages, found):
        report(
            path_of("sentence"),
            f"sentence not found verbatim in {names}: '{_clip(sentence)}'",
            "copy the sentence exactly from the cited passage",
        )
    return found


def _locate(quote: str, cited, folded_passages: dict[str, str], found: dict) -> bool:
    """Record the first cited passage holding the quote, and where; False when none does."""
    if quote in found:
        return True
    folded = fold_for_evidence(quote)
    for passage_id in cited:
        start = folded_passages[passage_id].find(folded)
        if start >= 0:
            found[quote] = Evidence(quote, passage_id, start, start + len(folded))
            return True
    return False


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
