"""Numbers in typed answers read as values, with the decimal and grouping marks of a language.

Each number becomes one indivisible token holding its value, so that no later folding (punctuation
to spaces, spaces ignored) can join 680,00 into 68000 or 6.8 into 68.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.text.grading_rules import GradingRules

# Private-use characters around a number's value: no letter, digit, punctuation or space.
NUMBER_START = "\ue000"
NUMBER_END = "\ue001"
NUMBER_TOKEN = re.compile(f"{NUMBER_START}[^{NUMBER_END}]*{NUMBER_END}")
# Marks inside a value, private-use too so that punctuation folding leaves them alone.
_DECIMAL_POINT = "\ue002"
_KEPT_MARKS = str.maketrans({".": "\ue002", ",": "\ue003"})
_MINUS = "\ue004"
# A minus sign (hyphen-minus or U+2212) before digits, unless it joins two words or numbers (1990-1991).
_SIGN = r"(?:(?<![\w.,])(?P<sign>[-\u2212]))?"


@lru_cache(maxsize=8)
def _number_pattern(rules: GradingRules) -> re.Pattern[str]:
    """A sign, digits grouped by threes or not, then a fraction or literal parts; never a part of
    a longer run of digits."""
    integer = r"\d+"
    if rules.grouping_marks:
        grouping = re.escape(rules.grouping_marks)
        integer = rf"\d{{1,3}}(?:[{grouping}]\d{{3}})+(?!\d)|\d+"
    fraction = rf"(?:[{re.escape(rules.decimal_marks)}](?P<fraction>\d+))?"
    if not rules.decimal_marks:
        fraction = ""
    literal = rf"(?P<literal>(?:[{re.escape(rules.literal_marks)}]\d+)*)"
    if not rules.literal_marks:
        literal = ""
    return re.compile(rf"{_SIGN}(?<!\d)(?P<integer>{integer}){fraction}{literal}")


def _value(match: re.Match[str]) -> str:
    integer = "".join(character for character in match["integer"] if character.isdigit())
    value = integer.lstrip("0") or "0"
    groups = match.groupdict()
    fraction = (groups.get("fraction") or "").rstrip("0")
    if fraction:
        value += _DECIMAL_POINT + fraction
    literal = (groups.get("literal") or "").translate(_KEPT_MARKS)
    sign = _MINUS if match["sign"] and (value != "0" or literal) else ""
    return f"{NUMBER_START}{sign}{value}{literal}{NUMBER_END}"


def mark_numbers(text: str, rules: GradingRules) -> str:
    """`text` (digits already ASCII) with every number replaced by its value token."""
    return _number_pattern(rules).sub(_value, text)


def numbers_in(form: str) -> list[str]:
    return NUMBER_TOKEN.findall(form)
