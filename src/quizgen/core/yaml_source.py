"""YAML to plain values that remember their line numbers, refusing what a bank never needs.

PyYAML silently keeps the last of two duplicate keys and expands aliases (a few lines can expand
to gigabytes), so the bank is composed to nodes with libyaml and converted here, with those cases
reported as errors instead.
"""

from __future__ import annotations

import yaml

try:
    _LOADER = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _LOADER = yaml.SafeLoader

MAX_DEPTH = 64


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


class LocatedDict(dict):
    """A mapping with the line of the mapping itself and of each key."""

    line: int
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence with its own line and the line of each item."""

    line: int
    item_lines: list


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


def parse(text: str):
    """Parse one YAML document into LocatedDict / LocatedList / scalars."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise YamlProblem(
            line,
            f"YAML syntax error at column {column}: {problem}",
            "check indentation, colons and quotes on this line and the one above",
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(0, f"YAML error: {error}", "fix the YAML syntax") from None
    except RecursionError:
        raise YamlProblem(
            0, "the YAML is nested too deeply", "a bank needs only a few levels"
        ) from None
    if node is None:
        return None
    return _convert(node, set(), 0)


def _convert(node, seen: set, depth: int):
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise YamlProblem(line, "the YAML is nested too deeply", "a bank needs only a few levels")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, line)
    if id(node) in seen:
        raise YamlProblem(
            line, "YAML aliases (*name) are not supported", "write the value out in full"
        )
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        result = LocatedList(_convert(item, seen, depth + 1) for item in node.value)
        result.line = line
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result
    result = LocatedDict()
    result.line = line
    result.key_lines = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(key_line, "a mapping key must be a plain word", "use `name: value`")
        key = key_node.value
        if key == "<<":
            raise YamlProblem(
                key_line, "YAML merge keys (<<) are not supported", "write the fields out"
            )
        if key in result:
            raise YamlProblem(
                key_line,
                f"duplicate key '{key}' (first on line {result.key_lines[key]})",
                "keep one of them",
            )
        result[key] = _convert(value_node, seen, depth + 1)
        result.key_lines[key] = key_line
    return result


def _scalar(node, line: int):
    tag, value = node.tag, node.value
    if tag == _STR:
        return value
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on")
    if tag == _NULL:
        return None
    if tag == _INT:
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag == _FLOAT:
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value
