"""A bank cannot silently change meaning: every case once accepted without a word now keeps the
text as written or is reported as file:line with a fix (issue 12, "What went wrong" 1, 2, 5-7)."""

from __future__ import annotations

import json
import subprocess

import pytest
from bank_builder import BANK as ARABIC_BANK
from bank_builder import line_of, write_project
from english_bank import BANK, SEED, SEED_SHA256, write_english_project
from external_tools import needs
from run_quizgen import quizgen

from quizgen.core import BankInvalid, load_bank
from quizgen.core.seed import seed_sha256

COMMA_FIX = "quote the text, or put one item per line"


def errors_of(tmp_path, text):
    with pytest.raises(BankInvalid) as raised:
        load_bank(write_english_project(tmp_path, text))
    return [p for p in raised.value.problems if p.severity == "error"]


def only_error(tmp_path, text):
    errors = errors_of(tmp_path, text)
    assert len(errors) == 1, [str(p) for p in errors]
    return errors[0]


# 1. Latin commas in flow lists and pairs


def test_a_number_split_by_its_comma_in_a_flow_list_is_reported(tmp_path):
    text = BANK.replace('      - "68,000"\n      - "68 000"\n', "", 1).replace(
        "    answers:\n", "    answers: [68,000, 68 000]\n", 1
    )
    problem = only_error(tmp_path, text)
    assert problem.line == line_of(text, "answers: [68,000, 68 000]")
    assert problem.question_id == "e1"
    assert problem.message == (
        "items '68' and '000' of 'answers' look like one text cut at a comma ('68,000')"
    )
    assert problem.fix == COMMA_FIX
    assert str(problem).startswith(f"{problem.file}:{problem.line}: e1: ")


def test_a_small_number_split_by_its_comma_is_reported(tmp_path):
    text = BANK.replace('      - "68,000"\n      - "68 000"\n', "", 1).replace(
        "    answers:\n", "    answers: [1,500]\n", 1
    )
    assert "items '1' and '500'" in only_error(tmp_path, text).message


def test_evidence_cut_inside_a_number_is_reported(tmp_path):
    text = BANK.replace(
        '    evidence:\n      - "covering about 68,000 square kilometres"\n',
        "    evidence: [covering about 68,000 square kilometres]\n",
    )
    problem = only_error(tmp_path, text)
    assert problem.line == line_of(text, "evidence: [covering about 68,000")
    assert problem.message.startswith(
        "evidence quotes 'covering about 68' and '000 square kilometres' stand side by side"
    )
    assert problem.fix == COMMA_FIX


def test_quoted_numbers_that_look_split_are_what_was_meant(tmp_path):
    text = BANK.replace('      - "68,000"\n      - "68 000"\n', '      - "10"\n      - "100"\n', 1)
    assert load_bank(write_english_project(tmp_path, text)).questions[0].answers == ("10", "100")


def test_evidence_quotes_side_by_side_in_the_passage_are_reported(tmp_path):
    text = BANK.replace(
        '    evidence:\n      - "dust storms carry salt across the region"\n',
        "    evidence: [Rusting boats lie on the dry seabed, and dust storms carry salt]\n",
    )
    problem = only_error(tmp_path, text)
    assert problem.question_id == "e4"
    assert problem.line == line_of(text, "evidence: [Rusting boats")
    assert problem.message == (
        "evidence quotes 'Rusting boats lie on the dry seabed' and 'and dust storms carry salt' "
        "stand side by side in the passage, separated by a comma: one quote was probably cut at "
        "its comma"
    )
    assert problem.fix == COMMA_FIX


def test_a_comma_in_a_flow_pair_names_the_cause(tmp_path):
    text = BANK.replace(
        '      - left: "Kazakhstan"\n        right: "borders the sea"\n',
        "      - {left: Kazakhstan, a large country, right: borders the sea}\n",
    )
    problem = only_error(tmp_path, text)
    assert problem.line == line_of(text, "{left: Kazakhstan, a large country")
    assert problem.message == (
        "unknown field 'a large country' with no value: a text was probably cut at a comma"
    )
    assert problem.fix.startswith(COMMA_FIX)


def test_arabic_commas_do_not_split_and_are_not_reported(tmp_path):
    bank = load_bank(write_project(tmp_path, ARABIC_BANK))
    assert len(bank.questions) == 8


# 2. Unquoted number-like text keeps its spelling


@pytest.mark.parametrize(
    "written", ["007", "1.50", "1e3", "0x1F", "1_000", "2024-03-01", "yes", "off", "+5", ".5"]
)
def test_unquoted_number_like_text_is_kept_as_written(tmp_path, written):
    text = BANK.replace('      - "68,000"\n      - "68 000"\n', f"      - {written}\n", 1)
    (question,) = [
        q for q in load_bank(write_english_project(tmp_path, text)).questions if q.id == "e1"
    ]
    assert question.answers == (written,)


def test_number_like_text_in_flow_lists_and_plain_fields(tmp_path):
    text = BANK.replace('      - "68,000"\n      - "68 000"\n', "", 1).replace(
        "    answers:\n", "    answers: [007, 1.50]\n", 1
    )
    text = text.replace('  title: "The Aral Sea"', "  title: 1.50")
    bank = load_bank(write_english_project(tmp_path, text))
    assert bank.title == "1.50"
    assert bank.questions[0].answers == ("007", "1.50")


def test_a_number_whose_spelling_cannot_be_recovered_is_reported_quote_it(tmp_path):
    # A tab after "-" is read by the fast parser only; the spelling of 1.50 then cannot be looked up.
    text = BANK.replace('      - "68,000"\n      - "68 000"\n', "      -\t1.50\n", 1)
    problem, note = errors_of(tmp_path, text)
    assert problem.message == "each item of 'answers' must be a text, not the number 1.5"
    assert problem.fix == "quote it"
    assert problem.line == 0  # no line index for this file: the note says why
    assert note.line == line_of(text, "-\t1.50")
    assert note.message.endswith("the problems above have no line number because of it")


def test_numbers_and_truth_values_stay_numbers_and_truth_values(tmp_path):
    bank = load_bank(write_english_project(tmp_path))
    assert [q.difficulty for q in bank.questions] == [1, 1, 2, 1]
    assert bank.questions[1].answer is True
    # read fast, or read again with numbers as written (007 in a text field): the same numbers
    for answers in ('      - "68,000"\n', "      - 007\n"):
        text = BANK.replace("    difficulty: 2\n", "    difficulty: 02\n").replace(
            '      - "68,000"\n', answers
        )
        bank = load_bank(write_english_project(tmp_path, text))
        assert [q.difficulty for q in bank.questions] == [1, 1, 2, 1]
        assert type(bank.questions[2].difficulty) is int
    text = BANK.replace("    difficulty: 2\n", "    difficulty: 2.0\n")
    problem = only_error(tmp_path, text)
    assert problem.message == "'difficulty' must be a whole number, not the number 2.0"
    assert problem.line == line_of(text, "difficulty: 2.0")


# 5. author, date and source are optional


def without_byline(text: str) -> str:
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if not line.startswith(("    author:", "    date:", "    source:"))
    )


def test_author_date_and_source_may_be_left_out_and_outputs_print_no_placeholder(tmp_path):
    from quizgen.anki.deck import _description
    from quizgen.anki.fields import BankContext

    path = write_english_project(tmp_path, without_byline(BANK))
    bank = load_bank(path)
    assert (bank.article.author, bank.article.date, bank.article.source) == ("", "", "")
    assert BankContext.of(bank).article_html == "<cite>The Shrinking Aral Sea</cite>"
    assert _description(bank) == "The Shrinking Aral Sea"
    listing = quizgen("passages", str(path), cwd=tmp_path)
    assert listing.stdout.splitlines()[0] == "aral-sea: The Shrinking Aral Sea"
    dumped = json.loads(quizgen("dump", str(path), cwd=tmp_path).stdout)
    assert set(dumped["banks"][0]["article"]) == {"seed", "sha256", "title"}


@needs("pdftotext")
def test_a_worksheet_without_author_date_and_source_prints_the_title_alone(tmp_path):
    from quizgen.locale import locale_for

    english = locale_for("en")

    from quizgen.core.select import Selection, select_questions
    from quizgen.worksheet.build import WorksheetOptions, build_worksheet

    bank = load_bank(write_english_project(tmp_path, without_byline(BANK)))
    built = build_worksheet(select_questions([bank], Selection()), WorksheetOptions())
    (tmp_path / "worksheet.pdf").write_bytes(built.worksheet)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "worksheet.pdf"), "-"], capture_output=True, text=True
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "The Shrinking Aral Sea" in lines  # the article line, nothing after the title
    assert f"{english.source}:" not in text and " — ," not in text


def test_a_present_byline_is_printed_as_before(tmp_path):
    from quizgen.anki.fields import BankContext

    bank = load_bank(write_english_project(tmp_path))
    assert BankContext.of(bank).article_html == (
        "<cite>The Shrinking Aral Sea</cite> — A staff writer, March 2024 "
        "(<bdi>Example Weekly</bdi>)"
    )


# 6. The seed's hash is taken over the normalized text


@pytest.mark.parametrize(
    "convert",
    [
        lambda data: data.replace(b"\n", b"\r\n"),
        lambda data: b"\xef\xbb\xbf" + data,
        lambda data: b"\xef\xbb\xbf" + data.replace(b"\n", b"\r"),
    ],
    ids=["crlf", "bom", "bom-and-cr"],
)
def test_line_endings_and_a_bom_do_not_change_the_hash(tmp_path, convert):
    path = write_english_project(tmp_path)
    seed = tmp_path / "seeds" / SEED.name
    seed.write_bytes(convert(seed.read_bytes()))
    bank = load_bank(path)
    assert len(bank.passages) == 4
    assert bank.article.sha256 == seed_sha256(SEED.read_text(encoding="utf-8"))


def test_a_changed_seed_prints_the_new_hash_and_every_other_problem(tmp_path):
    text = BANK.replace("answer: true", "answer: maybe")
    path = write_english_project(tmp_path, text)
    seed = tmp_path / "seeds" / SEED.name
    changed = seed.read_text(encoding="utf-8").replace("dust storms", "sand storms")
    seed.write_text(changed, encoding="utf-8")
    result = quizgen("check", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert f"set sha256: {seed_sha256(changed)}" in result.stderr
    assert f"{path}:{line_of(text, 'answer: maybe')}: e2: 'answer' must be true or false" in (
        result.stderr
    )
    assert "e4: evidence not found verbatim in p3" in result.stderr


# Issue 11, error-pipeline bugs 1 and 2


def test_validator_problems_survive_a_construct_only_one_yaml_parser_accepts(tmp_path):
    """The reproduction of issue 11: a tab after the first `-` and an `answer: maybe`."""
    text = ARABIC_BANK.replace("      - text:", "      -\ttext:", 1).replace(
        "answer: true", "answer: maybe", 1
    )
    path = write_project(tmp_path, text)
    result = quizgen("check", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{path}: m3: 'answer' must be true or false, not the text 'maybe'" in result.stderr
    tab_line = line_of(text, "-\ttext:")
    assert f"{path}:{tab_line}: -: YAML syntax error" in result.stderr
    assert "indent with spaces, not tabs" in result.stderr


def test_unreadable_files_are_reported_with_the_problems_of_the_others(tmp_path):
    broken = write_project(tmp_path, ARABIC_BANK.replace("answer: true", "answer: maybe"))
    result = quizgen("check", str(broken), "nothere.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "m3: 'answer' must be true or false" in result.stderr
    assert "nothere.yaml: -: no such bank file (check the path)" in result.stderr
    assert "2 error(s) found" in result.stderr


# 7. Smaller problems


def test_passages_takes_bank_paths_as_arguments_and_keeps_bank_option(tmp_path):
    path = write_english_project(tmp_path)
    listing = quizgen("passages", str(path), cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.splitlines()[1].startswith("  p1  The Aral Sea lies between")
    one = quizgen("passages", str(path), "p3", cwd=tmp_path)
    assert one.stdout.startswith("The fishing town of Aralsk")
    assert quizgen("passages", "--bank", str(path), "p3", cwd=tmp_path).stdout == one.stdout
    assert quizgen("passages", "p3", cwd=tmp_path).stdout == one.stdout
    missing = quizgen("passages", "other.yaml", cwd=tmp_path)
    assert missing.returncode == 1 and "other.yaml: -: no such bank file" in missing.stderr


def test_check_reads_every_bank_in_a_folder(tmp_path):
    write_english_project(tmp_path)
    write_project(tmp_path)
    result = quizgen("check", "question_bank/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 2 bank(s), 12 items")


def test_paragraphs_on_single_lines_get_one_message_about_blank_lines(tmp_path):
    text = BANK.replace("metadata_blocks: 3", "metadata_blocks: 0")
    path = write_english_project(tmp_path, text)
    seed = tmp_path / "seeds" / SEED.name
    single = seed.read_text(encoding="utf-8").replace("\n\n", "\n")
    seed.write_text(single, encoding="utf-8")
    text = text.replace(SEED_SHA256, seed_sha256(single))
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankInvalid) as raised:
        load_bank(path)
    (problem,) = [p for p in raised.value.problems if p.severity == "error"]
    assert problem.line == line_of(text, "seed:")
    assert "separated by single line breaks" in problem.message
    assert "put a blank line between paragraphs" in problem.fix


# The documented examples are valid, in block style, every text quoted


def documented_examples() -> list[str]:
    document = (SEED.parents[4] / "docs" / "question-bank.md").read_text(encoding="utf-8")
    return [part.split("```", 1)[0] for part in document.split("```yaml\n")[1:]]


def test_the_documented_examples_are_valid_block_style_and_quoted(tmp_path):
    arabic, english = documented_examples()
    assert len(load_bank(write_project(tmp_path / "ar", arabic)).questions) == 8
    assert len(load_bank(write_english_project(tmp_path / "en", english)).questions) == 2
    for example in (arabic, english):
        for line in example.splitlines():
            code = line.split("  #")[0].rstrip()
            assert not code.endswith(("[", "]", "}")) and "- {" not in code, line
            item = code.strip().removeprefix("- ")
            key, colon, value = item.partition(": ")
            if not colon and code.strip().startswith("- "):
                value = item  # a list item
            if value and key not in {
                "difficulty",
                "points",
                "metadata_blocks",
                "correct",
                "answer",
            }:
                assert value[0] in "\"'", line
