"""Item analysis and test statistics, as classical test theory defines them.

For a matrix of points earned (students x items, one column per bank question):
- difficulty: the mean share of the item's points earned (the share correct for right/wrong items);
- discrimination: the point-biserial (Pearson) correlation of the item's points with the
  rest-score, the total without this item, so an item does not correlate with itself;
- upper-lower index: mean share earned by the top 27% of students by total minus the bottom 27%
  (round(0.27 n) students each, at least one; ties in total keep the file's row order);
- reliability: Cronbach's alpha with population variances, which is KR-20 when every item was
  scored right or wrong only.
Undefined values (no variance, fewer than two items or students) are None, never a made-up 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy

TOO_EASY = 0.9
TOO_HARD = 0.2
LOW_DISCRIMINATION = 0.2
RARE_DISTRACTOR = 0.05
GROUP_SHARE = 0.27
HISTOGRAM_BINS = 10


@dataclass(frozen=True)
class ItemNumbers:
    difficulty: float | None
    discrimination: float | None
    upper_lower: float | None


@dataclass(frozen=True)
class ClassNumbers:
    reliability: float | None
    reliability_method: str
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None
    standard_deviation: float | None
    histogram: tuple[int, ...]  # students per tenth of the percent scale, the last includes 100


def _correlation(first: numpy.ndarray, second: numpy.ndarray) -> float | None:
    first = first - first.mean()
    second = second - second.mean()
    denominator = numpy.sqrt((first * first).sum() * (second * second).sum())
    if denominator <= 1e-12:
        return None
    return float((first * second).sum() / denominator)


def group_size(students: int) -> int:
    return max(1, int(GROUP_SHARE * students + 0.5))


def item_numbers(points: numpy.ndarray, maxima: numpy.ndarray) -> list[ItemNumbers]:
    """One entry per column of `points` (students x items)."""
    students, items = points.shape
    if students == 0:
        return [ItemNumbers(None, None, None) for _ in range(items)]
    shares = points / maxima
    totals = points.sum(axis=1)
    ranked = numpy.argsort(-totals, kind="stable")
    size = group_size(students)
    upper, lower = ranked[:size], ranked[-size:]
    numbers = []
    for item in range(items):
        column = shares[:, item]
        upper_lower = float(column[upper].mean() - column[lower].mean()) if students >= 2 else None
        numbers.append(
            ItemNumbers(
                float(column.mean()),
                _correlation(points[:, item], totals - points[:, item]),
                upper_lower,
            )
        )
    return numbers


def class_numbers(points: numpy.ndarray, maxima: numpy.ndarray) -> ClassNumbers:
    students, items = points.shape
    dichotomous = bool(numpy.all((points == 0) | (points == maxima)))
    method = "KR-20" if dichotomous else "Cronbach's alpha"
    if students == 0:
        return ClassNumbers(None, method, None, None, None, None, None, (0,) * HISTOGRAM_BINS)
    totals = points.sum(axis=1)
    total_variance = float(totals.var())
    reliability = None
    if items >= 2 and students >= 2 and total_variance > 1e-12:
        item_variance = float(points.var(axis=0).sum())
        reliability = items / (items - 1) * (1 - item_variance / total_variance)
    percents = totals / maxima.sum() * 100
    histogram, _ = numpy.histogram(percents, bins=HISTOGRAM_BINS, range=(0, 100))
    return ClassNumbers(
        reliability,
        method,
        float(totals.mean()),
        float(numpy.median(totals)),
        float(totals.min()),
        float(totals.max()),
        float(totals.std()),
        tuple(int(count) for count in histogram),
    )


def item_flags(
    numbers: ItemNumbers, choice_shares: dict[str, float], distractors: set[str]
) -> list[str]:
    """Reasons a teacher should look at an item; `choice_shares` counts every student."""
    flags = []
    if numbers.difficulty is not None and numbers.difficulty > TOO_EASY:
        flags.append("too_easy")
    if numbers.difficulty is not None and numbers.difficulty < TOO_HARD:
        flags.append("too_hard")
    if numbers.discrimination is not None and numbers.discrimination < 0:
        flags.append("negative_discrimination")
    elif numbers.discrimination is not None and numbers.discrimination < LOW_DISCRIMINATION:
        flags.append("low_discrimination")
    if any(choice_shares.get(option, 0.0) < RARE_DISTRACTOR for option in distractors):
        flags.append("rare_distractor")
    return flags
