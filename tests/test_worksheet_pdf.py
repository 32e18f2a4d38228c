"""An Arabic worksheet built from the fixture bank, read back as a teacher and a PDF reader see it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from external_tools import needs
from pypdf import PdfReader

from quizgen.core.loader import load_bank
from quizgen.core.select import Selection, select_questions
from quizgen.locale import locale_for
from quizgen.worksheet.build import WorksheetOptions, build_worksheet

ARABIC = locale_for("ar")
BANK_PATH = (
    Path(__file__).resolve().parent
    / "fixtures"
    / "arabic"
    / "question_bank"
    / "arabic-fixture.yaml"
)
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

needs_pdftotext = needs("pdftotext")


def normalized(text: str) -> str:
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def page_texts(path: Path, *options: str) -> list[str]:
    output = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [normalized(page) for page in output.split("\f")[:-1]]


def by_version(pages: list[str], labels=ARABIC) -> dict[str, list[str]]:
    """Each version's pages, found by the version label in every page's footer."""
    versions: dict[str, list[str]] = {}
    for page in pages:
        letters = re.findall(labels.version.format(letter="([A-Z]+)"), page)
        assert letters, f"a page without its version label: {page[:80]}"
        versions.setdefault(letters[-1], []).append(page)
    return versions


def reads_back(text: str, lines: list[str]) -> bool:
    """Text found whole in one line, or wrapped: its head ends a line, the rest starts others."""
    text = normalized(text)
    if any(text in line for line in lines):
        return True
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if any(line.endswith(head) for line in lines) and _starts_lines(tail, lines):
            return True
    return False


def _starts_lines(text: str, lines: list[str]) -> bool:
    if any(line.startswith(text) for line in lines):
        return True
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if any(line == head for line in lines) and _starts_lines(tail, lines):
            return True
    return False


def without_footer(page: str) -> str:
    """The page's text without its footer (version, if several, and page number), so that a
    passage running onto the next page reads back whole."""
    footer = re.compile(
        "(?: "
        + re.escape(ARABIC.version.format(letter="X")).replace("X", "[A-Z]+")
        + ")? "
        + re.escape(ARABIC.page.format(page=0, pages=0)).replace("0", "[0-9]+")
        + "$"
    )
    assert footer.search(page), f"a page without its footer: {page[-80:]}"
    return footer.sub("", page).rstrip()


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK_PATH)


@pytest.fixture(scope="module")
def whole_bank(bank, tmp_path_factory):
    """Every question of the bank, one version."""
    selected = select_questions([bank], Selection())
    built = build_worksheet(selected, WorksheetOptions(), with_key=False)
    path = tmp_path_factory.mktemp("whole") / "worksheet.pdf"
    path.write_bytes(built.worksheet)
    return selected, built, path


@pytest.fixture(scope="module")
def three_versions(bank, tmp_path_factory):
    selected = select_questions([bank], Selection(), count=20, seed="5")
    built = build_worksheet(selected, WorksheetOptions(versions=3, seed="5"))
    folder = tmp_path_factory.mktemp("versions")
    (folder / "worksheet.pdf").write_bytes(built.worksheet)
    (folder / "key.pdf").write_bytes(built.answer_key)
    return selected, built, folder


def test_fonts_are_embedded_as_subsets(three_versions):
    _, built, folder = three_versions
    for name in ("worksheet.pdf", "key.pdf"):
        reader = PdfReader(folder / name)
        seen = set()
        for page in reader.pages:
            fonts = page["/Resources"]["/Font"]
            for key in fonts:
                font = fonts[key].get_object()
                descriptor = font["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, f"{name}: {font['/BaseFont']} is not embedded"
                assert re.fullmatch(r"/[A-Z]{6}\+.+", font["/BaseFont"]), "not a subset"
                seen.add(str(font["/BaseFont"]).split("+")[1])
        assert any("Amiri" in font for font in seen)


@needs_pdftotext
def test_every_prompt_and_option_reads_back_in_logical_order(whole_bank):
    """Prompts span the page and read back whole; options in columns may wrap within their column."""
    selected, _, path = whole_bank
    text = " ".join(page_texts(path))
    output = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    lines = [normalized(line) for line in output.splitlines() if normalized(line)]
    for item in selected:
        question = item.question
        for prompt in filter(None, (question.prompt, question.term)):
            assert normalized(prompt) in text, f"{question.id}: {prompt!r} does not read back"
        parts = [option.text for option in question.options] + list(question.items)
        parts += [pair.left for pair in question.pairs] + [pair.right for pair in question.pairs]
        for part in parts:
            assert reads_back(part, lines), f"{question.id}: {part!r} does not read back"


@needs_pdftotext
def test_no_question_is_split_across_pages(whole_bank):
    selected, built, path = whole_bank
    output = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    pages = [[normalized(line) for line in page.splitlines()] for page in output.split("\f")[:-1]]
    numbers = {question.item.key: question.number for question in built.versions[0].questions}
    for item in selected:
        question = item.question
        opening = f"{numbers[item.key]}. {normalized(question.prompt or question.term)}"
        holding = [lines for lines in pages if reads_back(opening, lines)]
        assert len(holding) == 1, f"{question.id}: its number and prompt are not on one page"
        parts = [option.text for option in question.options]
        parts += [pair.right for pair in question.pairs] + list(question.items)
        for part in parts:
            assert reads_back(part, holding[0]), f"{question.id}: {part!r} is on another page"


@needs_pdftotext
def test_every_page_has_page_x_of_y_and_the_version(three_versions):
    _, built, folder = three_versions
    pages = page_texts(folder / "worksheet.pdf")
    assert len(pages) == built.worksheet_pages
    for version_pages in by_version(pages).values():
        for number, page in enumerate(version_pages, start=1):
            assert ARABIC.page.format(page=number, pages=len(version_pages)) in page


@needs_pdftotext
def test_header_has_title_article_and_fields_to_fill(three_versions, bank):
    _, _, folder = three_versions
    first_page = page_texts(folder / "worksheet.pdf")[0]
    for expected in (bank.title, bank.article.author, bank.article.date, bank.article.source):
        assert expected in first_page
    for field in (ARABIC.name, ARABIC.class_, ARABIC.date):
        assert f"{field}:" in first_page


@needs_pdftotext
def test_sections_come_in_type_order_each_with_its_instruction(three_versions):
    selected, _, folder = three_versions
    text = " ".join(by_version(page_texts(folder / "worksheet.pdf"))["A"])
    types = [
        kind for kind in ARABIC.type_names if any(item.question.type == kind for item in selected)
    ]
    positions = []
    for kind in types:
        heading, instruction = ARABIC.type_name(kind), ARABIC.instructions[kind]
        assert normalized(instruction) in text
        positions.append(text.index(f"{heading} {normalized(instruction)}"))
    assert positions == sorted(positions)


@needs_pdftotext
def test_versions_hold_the_same_questions_in_different_orders(three_versions):
    selected, built, folder = three_versions
    texts = by_version(page_texts(folder / "worksheet.pdf"))
    assert sorted(texts) == ["A", "B", "C"]
    orders = {}
    for letter, pages in texts.items():
        text = " ".join(pages)
        prompts = [normalized(item.question.prompt or item.question.term) for item in selected]
        assert all(prompt in text for prompt in prompts), f"version {letter} lacks a question"
        orders[letter] = sorted(prompts, key=text.index)
    assert orders["A"] != orders["B"] and orders["B"] != orders["C"] and orders["A"] != orders["C"]
    for letter, version in zip("ABC", built.versions, strict=True):
        assert version.letter == letter
        assert sorted(q.item.key for q in version.questions) == sorted(i.key for i in selected)


def test_options_are_shuffled_and_the_bank_order_is_not_kept_everywhere(three_versions):
    _, built, _ = three_versions
    choices = [q for version in built.versions for q in version.questions if q.options]
    assert choices
    moved = [q for q in choices if q.options != q.question.options]
    assert moved, "every option list printed in bank order (correct answer first)"
    for question in choices:
        assert sorted(o.text for o in question.options) == sorted(
            o.text for o in question.question.options
        )


def test_same_inputs_give_identical_bytes_and_another_seed_does_not(bank, monkeypatch):
    selected = select_questions([bank], Selection(), count=12, seed="9")
    options = WorksheetOptions(versions=2, seed="9")
    first = build_worksheet(selected, options)
    second = build_worksheet(selected, options)
    assert first.worksheet == second.worksheet and first.answer_key == second.answer_key
    other = build_worksheet(selected, WorksheetOptions(versions=2, seed="10"))
    assert other.worksheet != first.worksheet


def test_document_dates_come_from_source_date_epoch(bank, monkeypatch, tmp_path):
    selected = select_questions([bank], Selection(), count=3, seed="1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    path = tmp_path / "dated.pdf"
    path.write_bytes(build_worksheet(selected, WorksheetOptions(), with_key=False).worksheet)
    assert PdfReader(path).metadata["/CreationDate"].startswith("D:20231114221320")


@needs_pdftotext
def test_arabic_indic_digits_replace_every_western_digit(bank, tmp_path):
    selected = select_questions([bank], Selection(types=frozenset({"mcq"})), count=8, seed="2")
    built = build_worksheet(selected, WorksheetOptions(digits="arabic-indic"), with_key=False)
    path = tmp_path / "digits.pdf"
    path.write_bytes(built.worksheet)
    text = " ".join(page_texts(path))
    assert re.search("[0-9]", text) is None
    assert "صفحة ١ من" in text and "١." in text


@needs_pdftotext
def test_with_passages_prints_the_cited_passages_before_the_questions(bank, tmp_path):
    selection = Selection(passages=frozenset({"p3"}))
    selected = select_questions([bank], selection, count=4, seed="3")
    built = build_worksheet(selected, WorksheetOptions(with_passages=True), with_key=False)
    path = tmp_path / "passages.pdf"
    path.write_bytes(built.worksheet)
    text = " ".join(without_footer(page) for page in page_texts(path))
    cited = sorted(
        {p for item in selected for p in item.question.passages}, key=lambda p: int(p[1:])
    )
    # a vocab term stands in its passage by construction, so questions are found by their prompts
    first_question = min(
        text.index(normalized(item.question.prompt)) for item in selected if item.question.prompt
    )
    for passage_id in cited:
        passage = bank.passage(passage_id)
        heading = f"{ARABIC.passage_word} {passage.number}"
        assert text.index(heading) < first_question
        assert normalized(passage.text) in text
    uncited = [p for p in bank.passages if p.id not in cited]
    assert all(f"{ARABIC.passage_word} {p.number}" + " " not in text for p in uncited)


@needs_pdftotext
def test_arabic_reads_from_the_right_numbers_and_letters_on_the_right(three_versions):
    """In Arabic the question number and the option letters stand right of their text."""
    _, built, folder = three_versions
    words = bounding_boxes(folder / "worksheet.pdf", page=1)
    first = next(q for q in built.versions[0].questions if q.question.type == "mcq")
    number = find_word(words, f"{first.number}.")
    prompt_word = first.question.prompt.split()[0]
    prompt = find_word(words, prompt_word, near=number)
    assert number["x"] > prompt["x"]
    letter = find_word(words, f"{ARABIC.option_label(0)})")
    option_word = first.options[0].text.split()[0]
    option = find_word(words, option_word, near=letter)
    assert letter["x"] > option["x"]


def bounding_boxes(path: Path, page: int) -> list[dict]:
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>'
    )
    return [
        {"x": float(x), "y": float(y), "text": BIDI_CONTROLS.sub("", text)}
        for x, y, text in pattern.findall(html)
    ]


def find_word(words: list[dict], text: str, near: dict | None = None) -> dict:
    """The first word reading `text` (on the same line as `near`, when given).

    Words come in drawing order, so a right-to-left word's characters come reversed.
    """
    for word in words:
        if text in (word["text"], word["text"][::-1]) and (
            near is None or abs(word["y"] - near["y"]) < 4
        ):
            return word
    raise AssertionError(f"{text!r} not found")
