"""Reading bank YAML fast, and finding line numbers only when there is something to report.

The fast path (yaml-rs, a Rust parser) turns a 10,000-question bank into plain values in a fraction of
a second, refuses duplicate keys and bounds alias expansion. Line numbers cost far more to compute
(PyYAML node composition), so they are looked up by path only when a problem needs one.

A text field must hold exactly the text written. Dates are kept as text (`parse_datetime=False`).
An unquoted number in a text field (`007`, `1.50`, `1e3`, `0x1F`, `1_000`) cannot be printed back
from the value yaml-rs gives: the validator then raises SpellingNeeded, and the bank is read again
with every number as written (NumberText), by PyYAML, which keeps each scalar's source text. Only a
bank with an unquoted number in a text field pays for that slower second reading.
"""

from __future__ import annotations

import re

import yaml_rs

_ALIAS_LIMITS = yaml_rs.AliasLimits(max_total_replayed_events=100_000)
_POSITION = re.compile(r"line (\d+), column (\d+)")
# A bank needs a few levels; yaml-rs converts nesting recursively and crashes past a few thousand.
# Depth needs indentation or a chain of "- " / "? " indicators (flow nesting yaml-rs bounds itself).
_DEEP_INDENT = re.compile(r"^ {200,}\S", re.MULTILINE)
# The chain pattern starts with a literal item so that the regex engine can skip ahead quickly.
_INDICATOR_CHAIN = re.compile(r"[-?][ \t]+(?:[-?][ \t]+){49,}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")

KeyPath = tuple  # keys and list indexes from the document root, e.g. ("questions", 3, "options", 1)


class SpellingNeeded(Exception):
    """Raised by the validator on a number in a text field read without its spelling: the caller
    reads the bank again with `exact_numbers=True`. Never reaches a user."""


class NumberText(str):
    """An unquoted number exactly as written (`007`); `number` is what YAML reads it as (7), for
    the fields that are numbers."""

    number: int | float

    def __new__(cls, text: str, number: int | float) -> NumberText:
        spelled = super().__new__(cls, text)
        spelled.number = number
        return spelled


class UnknownSpellingInt(int):
    """A number read by yaml-rs whose spelling could not be recovered: refused in a text field."""


class UnknownSpellingFloat(float):
    """A number read by yaml-rs whose spelling could not be recovered: refused in a text field."""


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


def load_values(text: str, exact_numbers: bool = False):
    """Plain dicts, lists and scalars; YamlProblem with a line on bad YAML.

    With `exact_numbers`, every unquoted number is a NumberText (slower: see the module's note).
    """
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise YamlProblem(
            line,
            f"control character U+{ord(control.group()):04X} is not allowed in YAML",
            "delete it; save the file as plain UTF-8 text",
        )
    deep = (" " * 200 in text and _DEEP_INDENT.search(text)) or _INDICATOR_CHAIN.search(text)
    if deep:
        line = text.count("\n", 0, deep.start()) + 1
        raise YamlProblem(
            line, "the YAML is nested too deeply", "a bank needs only a few levels of indentation"
        )
    try:
        values = yaml_rs.loads(text, parse_datetime=False, alias_limits=_ALIAS_LIMITS)
    except yaml_rs.YAMLDecodeError as error:
        raise _explain(text, str(error)) from None
    except RecursionError:
        raise YamlProblem(
            0, "the YAML is nested too deeply", "a bank needs only a few levels"
        ) from None
    if exact_numbers:
        return _numbers_as_written(text, values)
    return values


def _numbers_as_written(text: str, values):
    """The values with every unquoted number replaced by its source text, as a NumberText.

    Where PyYAML, which gives the source text, reads the file otherwise than yaml-rs (a tab after
    `-`, say), the numbers are marked instead, so that a text field reports them ("quote it").
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except (yaml.YAMLError, RecursionError):
        return _mark_numbers(values)
    return _respell(root, values, yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode)


def _respell(node, value, scalar_node, sequence_node, mapping_node):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not isinstance(node, scalar_node):
            return _mark_numbers(value)
        return NumberText(node.value, value) if not node.style else value
    if isinstance(value, list):
        if not isinstance(node, sequence_node) or len(node.value) != len(value):
            return _mark_numbers(value)
        return [
            _respell(item_node, item, scalar_node, sequence_node, mapping_node)
            for item_node, item in zip(node.value, value, strict=True)
        ]
    if isinstance(value, dict):
        if not isinstance(node, mapping_node) or len(node.value) != len(value):
            return _mark_numbers(value)
        return {
            key: _respell(value_node, item, scalar_node, sequence_node, mapping_node)
            for (_, value_node), (key, item) in zip(node.value, value.items(), strict=True)
        }
    return value


def _mark_numbers(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return UnknownSpellingInt(value)
    if isinstance(value, float):
        return UnknownSpellingFloat(value)
    if isinstance(value, list):
        return [_mark_numbers(item) for item in value]
    if isinstance(value, dict):
        return {key: _mark_numbers(item) for key, item in value.items()}
    return value


def _explain(text: str, message: str) -> YamlProblem:
    lines = [line for line in message.splitlines() if line.strip()]
    position = _POSITION.search(message)
    if message.startswith("duplicate mapping key"):
        try:
            line_index(text)
        except YamlProblem as located:
            return located
    if position:
        detail = lines[-1].strip() if len(lines) > 1 else message
        return YamlProblem(
            int(position.group(1)),
            f"YAML syntax error at column {position.group(2)}: {detail}",
            "check indentation, colons, brackets and quotes on this line and the one above",
        )
    if "alias" in message:
        return YamlProblem(
            0, f"YAML aliases expand too far: {message}", "write the values out in full"
        )
    return YamlProblem(0, f"invalid YAML: {lines[0] if lines else message}", "fix the YAML syntax")


def line_index(text: str) -> dict[KeyPath, int]:
    """The 1-based line of every mapping, list, key and item, by path. Slow: call only to report."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlProblem(
            mark.line + 1 if mark else 0,
            f"YAML syntax error: {(error.problem or error.context or '').strip()}",
            "check indentation, colons and quotes",
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(0, f"invalid YAML: {error}", "fix the YAML syntax") from None
    lines: dict[KeyPath, int] = {}

    def index(node, path: KeyPath) -> None:
        lines.setdefault(path, node.start_mark.line + 1)  # a key's own line, set below, is kept
        if isinstance(node, yaml.SequenceNode):
            for position, item in enumerate(node.value):
                index(item, path + (position,))
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key, key_line = key_node.value, key_node.start_mark.line + 1
                if key in seen:
                    raise YamlProblem(
                        key_line,
                        f"duplicate key '{key}' (first on line {seen[key]})",
                        "keep one of them",
                    )
                seen[key] = key_line
                lines[path + (key,)] = key_line
                index(value_node, path + (key,))

    if root is not None:
        index(root, ())
    return lines


def line_for(lines: dict[KeyPath, int], path: KeyPath) -> int:
    """The line of `path`, or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get((), 1)
