"""Offset-safe normalisation of Arabic text.

Rules never see the raw text: they match on a `NormalizedView`, where diacritics, tatweel and
invisible marks are gone and letter variants are folded, and every position in the view maps back
to an exact code-point offset in the caller's original string.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from . import orthography as o
from . import punctuation as p

_DELETED = o.DIACRITICS + o.QURANIC_MARKS + o.TATWEEL + p.BIDI_AND_ZERO_WIDTH
_ONLY_DELETED = re.compile(f"[{_DELETED}]+")

# Characters whose folded form is not exactly one character: they need an offset map.
# A letter followed by a combining hamza or madda (decomposed input) is one letter: ئ = ي + U+0654.
_DECOMPOSED = "[اويىه][\u064b-\u0652]*[\u0653-\u0655]"
_IRREGULAR = re.compile(
    f"{_DECOMPOSED}|[{_DELETED}]+|[{o.PRESENTATION_FORMS}]|{re.escape(p.PTB_OPEN)}|{re.escape(p.PTB_CLOSE)}"
)
# Most text has no irregular piece but runs of deleted marks, which `re.split` finds in C; only text
# with one of these needs the piece-by-piece loop.
_NEEDS_PIECEWISE = re.compile(
    f"[\u0653-\u0655{o.PRESENTATION_FORMS}]|{re.escape(p.PTB_OPEN)}|{re.escape(p.PTB_CLOSE)}"
)
_DELETED_RUN = re.compile(f"([{_DELETED}]+)")  # captured, so that splitting keeps the runs


def _characters(class_body: str) -> str:
    """Every character of a regex class body made of single characters and `a-b` ranges."""
    chars = []
    i = 0
    while i < len(class_body):
        if i + 2 < len(class_body) and class_body[i + 1] == "-":
            chars.extend(map(chr, range(ord(class_body[i]), ord(class_body[i + 2]) + 1)))
            i += 3
        else:
            chars.append(class_body[i])
            i += 1
    return "".join(chars)


_COMBINING_CHARS = frozenset(_characters(o.DIACRITICS + o.QURANIC_MARKS + o.TATWEEL))


def _one_to_one_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in o.ALEF_VARIANTS:
        table[ord(ch)] = o.ALEF
    table[ord(o.ALEF_MAQSURA)] = o.YA
    table[ord(o.FARSI_YA)] = o.YA
    table[ord(o.TA_MARBUTA)] = o.HA
    table[ord(o.KAF_VARIANTS)] = o.KAF
    for digits in (o.ARABIC_INDIC_DIGITS, o.PERSIAN_DIGITS):
        for value, ch in enumerate(digits):
            table[ord(ch)] = str(value)
    for ch in p.QUOTES:
        table[ord(ch)] = '"'
    for ch in re.findall(f"[{p.UNICODE_SPACES}]", "".join(map(chr, range(0x00A0, 0x3001)))):
        table[ord(ch)] = " "
    table[ord("\t")] = " "
    table[ord("\r")] = " "
    return table


FOLD_TABLE = _one_to_one_table()
FOLD_AND_DELETE_TABLE = {**FOLD_TABLE, **dict.fromkeys(map(ord, _characters(_DELETED)))}
# `str.translate` looks every character up in the table; for a whole article one `str.replace` per
# folded character is several times faster. The order does not matter, as no character is folded
# into one that is folded in turn.
_FOLDED_PAIRS = tuple((chr(code), folded) for code, folded in FOLD_TABLE.items() if chr(code) != folded)


def _fold_characters(text: str) -> str:
    """`text.translate(FOLD_TABLE)`, faster on long texts."""
    for char, folded in _FOLDED_PAIRS:
        text = text.replace(char, folded)
    return text


@lru_cache(maxsize=None)
def _fold_irregular(chunk: str) -> str:
    if chunk in (p.PTB_OPEN, p.PTB_CLOSE):
        return '"'
    if chunk[0] in "اويىه" and len(chunk) > 1:
        return _ONLY_DELETED.sub("", unicodedata.normalize("NFC", chunk)).translate(FOLD_TABLE)
    if _ONLY_DELETED.fullmatch(chunk):
        return ""
    folded = unicodedata.normalize("NFKC", chunk)
    # Isolated harakat forms decompose to a space plus the mark: both go.
    return _IRREGULAR.sub("", folded).strip().translate(FOLD_TABLE)


def fold(text: str) -> str:
    """The normalised form of a string, for matching only (offsets are not kept)."""
    if _NEEDS_PIECEWISE.search(text) is None:
        return text.translate(FOLD_AND_DELETE_TABLE)
    return NormalizedView(text).text


def strip_diacritics(text: str) -> str:
    return re.sub(f"[{o.DIACRITICS}{o.QURANIC_MARKS}{o.TATWEEL}]", "", text)


Segments = tuple[str, list[int], list[int], list[bool]]  # view text, view starts, original starts, regular


def _segments_piecewise(original: str) -> Segments:
    """The view and its segments, irregular piece by irregular piece: any text."""
    view_starts: list[int] = []
    orig_starts: list[int] = []
    regular: list[bool] = []
    parts: list[str] = []
    view_pos = 0
    orig_pos = 0
    for match in _IRREGULAR.finditer(original):
        if match.start() > orig_pos:
            view_starts.append(view_pos)
            orig_starts.append(orig_pos)
            regular.append(True)
            parts.append(original[orig_pos : match.start()])
            view_pos += match.start() - orig_pos
        replacement = _fold_irregular(match.group())
        view_starts.append(view_pos)
        orig_starts.append(match.start())
        regular.append(False)
        parts.append(replacement)
        view_pos += len(replacement)
        orig_pos = match.end()
    if not view_starts:
        return _fold_characters(original), view_starts, orig_starts, regular
    if orig_pos < len(original):
        view_starts.append(view_pos)
        orig_starts.append(orig_pos)
        regular.append(True)
        parts.append(original[orig_pos:])
    # replacements are folded already, and folding what is folded changes nothing
    return _fold_characters("".join(parts)), view_starts, orig_starts, regular


def _segments_of_deleted_runs(original: str) -> Segments:
    """The same as `_segments_piecewise` for a text whose only irregular pieces are runs of deleted
    marks (no `_NEEDS_PIECEWISE` character), built by C loops: news copy is such text, and a
    vocalised article has thousands of runs."""
    parts = _DELETED_RUN.split(original)  # kept, run, kept, run, …, kept
    if len(parts) == 1:
        return _fold_characters(original), [], [], []
    runs = len(parts) // 2
    lengths = list(map(len, parts))
    orig_starts = list(accumulate(lengths[:-1], initial=0))
    lengths[1::2] = [0] * runs  # a run has no width in the view
    view_starts = list(accumulate(lengths[:-1], initial=0))
    regular = [True, False] * runs + [True]
    # runs are maximal, so only the first and the last kept text can be empty: they are no segment
    for edge in (-1, 0):
        if not parts[edge]:
            del view_starts[edge], orig_starts[edge], regular[edge]
    return _fold_characters("".join(parts[::2])), view_starts, orig_starts, regular


class NormalizedView:
    """A normalised copy of `original` with a map from its positions back to the original's.

    The view is built from segments: runs copied one character for one character (folded through
    `FOLD_TABLE`) and irregular pieces (deleted marks, ligatures, two-character quotes) whose
    length changes. Only irregular pieces cost a map entry, so clean text maps by identity.
    """

    __slots__ = ("original", "text", "_view_starts", "_orig_starts", "_regular")

    def __init__(self, original: str):
        self.original = original
        build = _segments_of_deleted_runs if _NEEDS_PIECEWISE.search(original) is None else _segments_piecewise
        self.text, self._view_starts, self._orig_starts, self._regular = build(original)

    def __len__(self) -> int:
        return len(self.text)

    def orig_start(self, view_index: int) -> int:
        """Original offset of the character at `view_index` (or of the end, past the last)."""
        view_starts = self._view_starts
        if not view_starts:
            return view_index
        if view_index >= len(self.text):
            return len(self.original)
        # Deleted pieces have zero width in the view; bisect lands on the last segment starting at
        # or before the index, which is the non-empty one holding the character.
        seg = bisect_right(view_starts, view_index) - 1
        if self._regular[seg]:
            return self._orig_starts[seg] + view_index - view_starts[seg]
        return self._orig_starts[seg]

    def orig_end(self, view_end: int) -> int:
        """Original exclusive end for a view span ending at `view_end` (exclusive).

        Marks that sit on the span's last letter (diacritics, tatweel) stay with it.
        """
        if view_end <= 0:
            return 0
        view_starts = self._view_starts
        if not view_starts:
            return view_end
        seg = bisect_right(view_starts, view_end - 1) - 1
        original = self.original
        if self._regular[seg]:
            end = self._orig_starts[seg] + view_end - view_starts[seg]
        else:
            nxt = seg + 1
            end = self._orig_starts[nxt] if nxt < len(self._orig_starts) else len(original)
        while end < len(original) and original[end] in _COMBINING_CHARS:
            end += 1
        return end

    def orig_span(self, view_start: int, view_end: int) -> tuple[int, int]:
        return self.orig_start(view_start), self.orig_end(view_end)

    def view_index(self, orig_offset: int) -> int:
        """The view position of the first view character at or after `orig_offset`."""
        if not self._view_starts:
            return orig_offset
        seg = bisect_right(self._orig_starts, orig_offset) - 1
        if seg < 0:
            return 0
        if self._regular[seg]:
            return self._view_starts[seg] + (orig_offset - self._orig_starts[seg])
        if orig_offset == self._orig_starts[seg]:
            return self._view_starts[seg]
        nxt = seg + 1
        return self._view_starts[nxt] if nxt < len(self._view_starts) else len(self.text)
