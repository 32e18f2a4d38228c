"""`python -m quizgen` runs the command line."""

from quizgen.cli.main import run

run()
