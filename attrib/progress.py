"""A one-line progress bar for long jobs, on a terminal only: piped output stays quiet."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

REDRAW_SECONDS = 0.2
BAR_WIDTH = 20


def format_duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class NoProgress:
    def update(self, docs: int, errors: int) -> None:
        pass

    def close(self) -> None:
        pass


class ProgressBar(NoProgress):
    """`docs`, docs/s and errors; with a known input size also a bar, percent done and ETA.

    The fraction done is by bytes read, so it is known before the number of lines is. The ETA goes
    by the reading pace since the first draw, which leaves out start-up and the lines `--resume` skips.
    """

    def __init__(self, stream: TextIO, total_bytes: int | None, position: Callable[[], int],
                 clock: Callable[[], float] = time.monotonic):
        self._stream = stream
        self._total_bytes = total_bytes
        self._position = position
        self._clock = clock
        self._started = clock()
        self._baseline: tuple[float, int] | None = None  # (time, position) of the first draw
        self._last_drawn = float("-inf")
        self._docs = self._errors = 0
        self._width = 0

    def update(self, docs: int, errors: int) -> None:
        self._docs, self._errors = docs, errors
        now = self._clock()
        if now - self._last_drawn >= REDRAW_SECONDS:
            self._draw(now)

    def close(self) -> None:
        self._draw(self._clock())
        self._stream.write("\n")
        self._stream.flush()

    def render(self, now: float) -> str:
        elapsed = now - self._started
        rate = self._docs / elapsed if elapsed > 0 else 0.0
        line = f"{self._docs:,} docs | {rate:,.1f} docs/s | errors {self._errors:,}"
        if not self._total_bytes:
            return line
        position = self._position()
        if self._baseline is None:
            self._baseline = (now, position)
        since, start = self._baseline
        bytes_per_second = (position - start) / (now - since) if now > since else 0.0
        eta = (self._total_bytes - position) / bytes_per_second if bytes_per_second > 0 else None
        fraction = min(position / self._total_bytes, 1.0)
        filled = round(fraction * BAR_WIDTH)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        return f"[{bar}] {fraction:4.0%} | {line} | ETA {format_duration(eta) if eta is not None else '?'}"

    def _draw(self, now: float) -> None:
        self._last_drawn = now
        text = self.render(now)
        # Pad over the rest of a longer previous line instead of relying on terminal escapes.
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)


def make_progress(stream: TextIO, total_bytes: int | None, position: Callable[[], int]) -> NoProgress:
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        return ProgressBar(stream, total_bytes, position)
    return NoProgress()
