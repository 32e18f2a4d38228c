VENV := .venv
PY := $(VENV)/bin/python
QUIZGEN := $(VENV)/bin/quizgen
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: demo test lint bench clean

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	touch $(RUNTIME)

$(TESTING): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(RUNTIME) $(TESTING)

demo: $(RUNTIME)
	$(QUIZGEN) check
	$(QUIZGEN) lint --strict
	mkdir -p out
	$(QUIZGEN) anki -o out/kazakhstan-turkey.apkg
	$(QUIZGEN) worksheet -o out/worksheet.pdf --key out/answer-key.pdf --count 20 --versions 2 --seed 1 --with-passages

test: $(TESTING)
	$(PY) -m pytest -q

lint: $(TESTING)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

bench: $(TESTING)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) out build src/*.egg-info
