"""Seeded shuffles: the same order on every machine and run for the same seed and purpose."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def shuffled(items: Sequence[T], seed: str | int | None, purpose: str) -> list[T]:
    """A copy of items in an order fixed by seed and purpose, the same on every machine and run."""
    result = list(items)
    random.Random(f"{seed}:{purpose}").shuffle(result)
    return result


def shuffled_unlike(items: Sequence[T], seed: str | int | None, purpose: str) -> list[T]:
    """A seeded shuffle that never leaves every item in place: for an order to rebuild (ordering,
    matching), the bank's own order is the answer, so a shuffle that keeps it is rotated once."""
    result = shuffled(items, seed, purpose)
    if len(result) > 1 and result == list(items):
        result = result[1:] + result[:1]
    return result
