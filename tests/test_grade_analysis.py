"""Item analysis and reliability on a small class worked out by hand."""

from __future__ import annotations

import numpy
import pytest

from quizgen.grade.analysis import ItemNumbers, class_numbers, item_flags, item_numbers

# Five students, three right/wrong items (rows: students).
CLASS = numpy.array(
    [
        [1, 1, 1],
        [1, 1, 0],
        [1, 0, 0],
        [1, 0, 1],
        [0, 0, 0],
    ],
    dtype=float,
)
ONE_POINT = numpy.ones(3)


def test_difficulty_is_the_share_right():
    numbers = item_numbers(CLASS, ONE_POINT)
    assert [n.difficulty for n in numbers] == pytest.approx([0.8, 0.4, 0.4])


def test_point_biserial_with_the_rest_score_by_hand():
    # Item 1 against the rest (items 2 + 3): x = 1,1,1,1,0 ; rest = 2,1,0,1,0.
    # mean x 0.8, mean rest 0.8; deviations x .2,.2,.2,.2,-.8 ; rest 1.2,.2,-.8,.2,-.8
    # covariance sum = .24+.04-.16+.04+.64 = 0.8; sum x^2 = .8; sum rest^2 = 1.44+.04+.64+.04+.64 = 2.8
    expected = 0.8 / (0.8 * 2.8) ** 0.5
    assert item_numbers(CLASS, ONE_POINT)[0].discrimination == pytest.approx(expected)


def test_upper_lower_index_by_hand():
    # round(0.27 * 5) = 1 student per group: the top total (row 1, 3 right), the bottom (row 5).
    numbers = item_numbers(CLASS, ONE_POINT)
    assert [n.upper_lower for n in numbers] == pytest.approx([1.0, 1.0, 1.0])


def test_kr20_by_hand():
    # totals 3,2,1,2,0: mean 1.6, population variance (1.96+.16+.36+.16+2.56)/5 = 1.04
    # sum p q = .8*.2 + .4*.6 + .4*.6 = 0.64 ; KR-20 = 3/2 * (1 - 0.64/1.04)
    test = class_numbers(CLASS, ONE_POINT)
    assert test.reliability_method == "KR-20"
    assert test.reliability == pytest.approx(1.5 * (1 - 0.64 / 1.04))
    assert (test.mean, test.median, test.minimum, test.maximum) == pytest.approx((1.6, 2, 0, 3))
    # percents 100, 66.7, 33.3, 66.7, 0 in tenths of the scale
    assert test.histogram == (1, 0, 0, 1, 0, 0, 2, 0, 0, 1)


def test_partial_credit_makes_it_alpha_and_weights_by_points():
    points = numpy.array([[2, 0.5], [1, 1], [0, 0]], dtype=float)
    test = class_numbers(points, numpy.array([2.0, 1.0]))
    assert test.reliability_method == "Cronbach's alpha"
    # item variances: [2,1,0] -> 2/3 ; [.5,1,0] -> mean .5, (0+.25+.25)/3 = 1/6
    # totals 2.5, 2, 0: mean 1.5, variance (1+.25+2.25)/3 = 7/6
    assert test.reliability == pytest.approx(2 * (1 - (2 / 3 + 1 / 6) / (7 / 6)))
    assert item_numbers(points, numpy.array([2.0, 1.0]))[0].difficulty == pytest.approx(0.5)


def test_no_spread_is_undefined_not_zero():
    same = numpy.ones((4, 2))
    assert item_numbers(same, numpy.ones(2))[0].discrimination is None
    assert class_numbers(same, numpy.ones(2)).reliability is None


def test_flags():
    easy = ItemNumbers(0.95, -0.1, 0.0)
    assert item_flags(easy, {"0": 0.95, "1": 0.04, "2": 0.01}, {"1", "2"}) == [
        "too_easy",
        "negative_discrimination",
        "rare_distractor",
    ]
    assert item_flags(ItemNumbers(0.1, 0.1, 0.1), {}, set()) == ["too_hard", "low_discrimination"]
    assert item_flags(ItemNumbers(0.5, 0.4, 0.5), {"1": 0.3}, {"1"}) == []
