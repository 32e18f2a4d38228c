"""quizgen: evidence-linked question banks turned into Anki decks, worksheets and a terminal quiz."""

__version__ = "0.1.0"
