"""The score histogram, drawn with the page's own lines and text so it prints sharply.

The percent axis runs left to right in both directions of text, as charts in Arabic textbooks do:
it is a number line, not a sentence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from quizgen.typesetting.pieces import Piece
from quizgen.typesetting.surface import GREY, INK, RULE_GREY, Frame, Surface
from quizgen.typesetting.typeset import TextStyle, Typesetter

BAR = (0.33, 0.47, 0.66)
CHART_HEIGHT = 200.0
CHART_WIDTH = 420.0
AXIS_LABELS = 30.0  # room left of the plot for the counts
BELOW = 40.0  # room under the plot for the percents and the caption
ABOVE = 26.0  # room over the plot for the axis title and the bar counts


def _tick_step(largest: int) -> int:
    """1, 2, 5, 10, 20... so that the count axis has at most about six ticks."""
    step = 1
    for multiplier in (2, 2.5, 2):
        if largest / step <= 6:
            break
        step = int(step * multiplier)
    while largest / step > 6:
        step *= 10
    return step


def histogram_piece(
    typesetter: Typesetter,
    style: TextStyle,
    frame: Frame,
    histogram: Sequence[int],
    percent_caption: str,
    count_caption: str,
    rtl: bool,
) -> Piece:
    """Bars for the students in each tenth of the percent scale, counts on top, axes labelled."""
    width = min(frame.width, CHART_WIDTH)
    left = frame.left + (frame.width - width) / 2
    plot_left, plot_right = left + AXIS_LABELS, left + width
    largest = max(max(histogram, default=0), 1)
    step = _tick_step(largest)
    top_count = step * math.ceil(largest / step)
    bins = len(histogram)
    bar_width = (plot_right - plot_left) / bins

    def number(value: int):
        return typesetter.line(str(value), style, False)

    def centred(line, x: float) -> Frame:
        return Frame(x - line.width / 2 - 1, x + line.width / 2 + 1, False)

    def draw(surface: Surface, top: float) -> None:
        plot_top = top - ABOVE
        plot_bottom = top - CHART_HEIGHT + BELOW
        scale = (plot_top - plot_bottom) / top_count
        for count in range(0, top_count + 1, step):
            y = plot_bottom + count * scale
            surface.rule(plot_left, plot_right, y, RULE_GREY, 0.4)
            label = number(count)
            surface.line(
                label,
                Frame(left, plot_left - 4, False),
                y + style.leading / 2 - style.size * 0.1,
                "end",
                GREY,
            )
        for index, count in enumerate(histogram):
            x = plot_left + index * bar_width
            if count:
                surface.filled_rectangle(x + 3, plot_bottom, bar_width - 6, count * scale, BAR)
                label = number(count)
                label_top = plot_bottom + count * scale + style.leading
                surface.line(label, centred(label, x + bar_width / 2), label_top, "center", INK)
        surface.rule(plot_left, plot_right, plot_bottom, INK, 0.8)
        surface.vertical(plot_left, plot_bottom, plot_top, INK)
        for index in range(bins + 1):
            label = number(100 * index // bins)
            x = plot_left + index * bar_width
            surface.line(label, centred(label, x), plot_bottom - 2, "center", GREY)
        caption = typesetter.line(percent_caption, style, rtl)
        surface.line(
            caption,
            centred(caption, (plot_left + plot_right) / 2),
            plot_bottom - 2 - style.leading,
            "center",
        )
        title = typesetter.line(count_caption, style, rtl)
        # Over the count axis, which is on the left in both directions.
        surface.line(title, Frame(left, plot_right, rtl), top, "end" if rtl else "start")

    return Piece(CHART_HEIGHT, draw)
