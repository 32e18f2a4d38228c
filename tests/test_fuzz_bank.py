"""Arbitrary and mutated YAML never crashes the loader: only a clean error or a valid bank."""

from __future__ import annotations

from bank_builder import BANK, write_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.core import Bank, BankInvalid, QuizgenError, load_bank

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

YAML_PIECES = st.sampled_from(
    [
        "\n",
        "  ",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/object ",
        "'",
        '"',
        "#",
        "?",
        "|",
        ">",
        "---",
        "...",
        "id",
        "type",
        "mcq",
        "p1",
        "ك",
        "\t",
        "\\",
        "%",
        "@",
        "`",
        "\x00",
        "\ufeff",
    ]
)


def load_outcome(path):
    try:
        return load_bank(path)
    except (BankInvalid, QuizgenError) as error:
        return error


@FUZZ
@given(st.lists(YAML_PIECES | st.text(max_size=8), max_size=60))
def test_arbitrary_yaml_gives_a_clean_result(tmp_path_factory, pieces):
    path = write_project(tmp_path_factory.mktemp("fuzz"), "".join(pieces))
    outcome = load_outcome(path)
    assert isinstance(outcome, (Bank, BankInvalid, QuizgenError))
    if isinstance(outcome, BankInvalid):
        assert outcome.problems and all(str(problem) for problem in outcome.problems)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_give_a_clean_result(tmp_path_factory, data):
    path = write_project(tmp_path_factory.mktemp("bytes"))
    path.write_bytes(data)
    assert isinstance(load_outcome(path), (Bank, BankInvalid, QuizgenError))


MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "dedent", "truncate"]),
        st.integers(min_value=0, max_value=10_000),
        YAML_PIECES,
    ),
    min_size=1,
    max_size=4,
)


def mutate(text: str, mutations) -> str:
    lines = text.splitlines()
    for kind, position, piece in mutations:
        index = position % len(lines)
        if kind == "delete" and len(lines) > 1:
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = (index + 1) % len(lines)
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "insert":
            line = lines[index]
            cut = position % (len(line) + 1)
            lines[index] = line[:cut] + piece + line[cut:]
        elif kind == "indent":
            lines[index] = "  " + lines[index]
        elif kind == "dedent":
            lines[index] = lines[index].removeprefix("  ")
        elif kind == "truncate":
            lines = lines[: index + 1]
    return "\n".join(lines) + "\n"


@FUZZ
@given(MUTATIONS)
def test_mutated_bank_gives_a_clean_result(tmp_path_factory, mutations):
    path = write_project(tmp_path_factory.mktemp("mutated"), mutate(BANK, mutations))
    outcome = load_outcome(path)
    assert isinstance(outcome, (Bank, BankInvalid, QuizgenError))
    if isinstance(outcome, BankInvalid):
        errors = [p for p in outcome.problems if p.severity == "error"]
        assert errors
        line_count = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        assert all(0 <= problem.line <= line_count + 1 for problem in errors)
