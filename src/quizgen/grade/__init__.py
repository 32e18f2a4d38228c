"""Marking a class from the responses a teacher typed, with item analysis (numpy)."""
