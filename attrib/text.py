"""The analysed text every stage shares: the normalised view, its words, sentences and quotations.

All positions here are view positions; `NormalizedView.orig_span` turns them into the caller's
offsets only when a result is written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, repeat
from typing import NamedTuple
from dataclasses import dataclass

from .lang.ar import NormalizedView
from .lang.ar import punctuation as p

# a decimal number (2.2، 3,5) is one word, not a sentence end
# and a single letter with a period is an abbreviated title (د. for Dr., م. for Eng.), not a sentence end
WORD_RE = re.compile(r'\n|\d+(?:[.,،]\d+)+|(?<!\S)[\u0621-\u064a]\.(?=\s)|"|[.!?؟،,:;؛()\[\]{}]|[^\s".!?؟،,:;؛()\[\]{}]+')
# split on captured words, the text comes out as gap, word, gap, word, …, gap (white space, or
# nothing): their lengths give every word's offsets without a Python loop
_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})")
SENTENCE_END = frozenset(p.SENTENCE_FINAL + "\n")
CLAUSE_END = frozenset(p.CLAUSE_SEPARATORS)
PUNCT = frozenset('.!?؟،,:;؛()[]{}"\n')
QUOTE_CLOSERS = "”»’›"


class Word(NamedTuple):
    """A word of the view: index, view span, folded text, and the sentence and paragraph it is in."""

    index: int
    start: int
    end: int
    text: str
    sentence: int
    paragraph: int

    @property
    def is_punct(self) -> bool:
        return self.text in PUNCT


@dataclass(slots=True)
class Quotation:
    """A pair of quotation marks (view positions of the marks); `close` is None when unbalanced."""

    open: int
    close: int | None
    inner_start: int
    inner_end: int


class AnalysedText:
    def __init__(self, original: str):
        self.view = NormalizedView(original)
        self.original = original
        text = self.view.text
        self.text = text
        pieces = _WORD_SPLIT.split(text)
        tokens = pieces[1::2]
        bounds = list(accumulate(map(len, pieces), initial=0))
        starts = bounds[1:-1:2]
        ends = bounds[2::2]
        # a word belongs to the sentence (paragraph) opened after the last end before it
        sentences = list(accumulate(map(SENTENCE_END.__contains__, tokens), initial=0))
        paragraphs = list(accumulate(map("\n".__eq__, tokens), initial=0))
        # tuple.__new__ builds the named tuples at C speed: a long article has thousands of words
        self.words = list(map(tuple.__new__, repeat(Word), zip(range(len(tokens)), starts, ends, tokens, sentences,
                                                             paragraphs)))
        self.tokens = tokens  # the words' texts, for scans that `compress` and `map` run in C
        self.word_counts = Counter(tokens)
        self._starts = starts
        self.quotations = self._pair_quotes()
        self._quote_index = {q.open: q for q in self.quotations}
        self._closing_index = {q.close: q for q in self.quotations if q.close is not None}

    def phrase_text(self, start: int, end: int, clitic: int = 0) -> tuple[str, str]:
        """(folded, display) text of the view span [start, end) without its first `clitic`
        characters (a glued preposition). «للمصدر» with clitic 2 is «المصدر»: ل + ال share a lam.
        The display keeps the original spelling, without quotation marks."""
        article = clitic == 2
        o_start, o_end = self.view.orig_span(start + clitic, end)
        display = self.original[o_start:o_end]
        folded = self.text[start + clitic:end]
        if display[:1] and "\ufb50" <= display[0] <= "\ufefe":
            display = folded  # a ligature carried the preposition: only the folded form splits it
        if article:
            folded, display = "ال" + folded, "ال" + display
        return _clean_name(folded), _clean_name(display)

    def word_at(self, view_pos: int) -> int:
        """Index of the word that starts at or before `view_pos`."""
        return max(0, bisect_right(self._starts, view_pos) - 1)

    def quotation_opening_at(self, view_pos: int) -> Quotation | None:
        return self._quote_index.get(view_pos)

    def quotation_closing_at(self, view_pos: int) -> Quotation | None:
        return self._closing_index.get(view_pos)

    def inside_quotation(self, view_pos: int) -> Quotation | None:
        for quotation in self.quotations:
            end = quotation.close if quotation.close is not None else quotation.inner_end
            if quotation.open < view_pos < end:
                return quotation
        return None

    def _pair_quotes(self) -> list[Quotation]:
        """Pair quotation marks by family, across paragraphs only where the next one reopens.

        Guillemets carry their direction; ASCII, curly and single quotes are used for both sides
        (and mirrored in Arabic copy), so a mark of those families closes the innermost open mark
        of its own family, else opens. A paragraph that ends inside a quotation continues it when
        the next paragraph starts with a quotation mark (the news convention for long quotes);
        otherwise the quotation is unbalanced and ends with its paragraph.
        """
        if '"' not in self.word_counts:
            return []
        original = self.original
        # a quotation mark and a line break are always words of their own: found in the text, they
        # are found without a pass over the words
        words, starts = self.words, self._starts
        marks = [words[bisect_left(starts, m.start())] for m in re.finditer('"', self.text)]
        line_breaks = [m.start() for m in re.finditer("\n", self.text)]
        paragraph_starts = {0: words[0].start}
        for line_break in line_breaks:
            following = bisect_right(starts, line_break)
            if following < len(words) and words[following].text != "\n":
                paragraph_starts.setdefault(words[following].paragraph, words[following].start)
        paragraph_ends = line_breaks + [len(self.text)]
        chars = [original[self.view.orig_start(mark.start)] for mark in marks]
        # a paragraph with more » than « closes a quotation carried into it
        guillemet_balance: dict[int, int] = {}
        for mark, char in zip(marks, chars):
            if char in "«»":
                change = 1 if char == "«" else -1
                guillemet_balance[mark.paragraph] = guillemet_balance.get(mark.paragraph, 0) + change
        stack: list[list] = []  # [family, open position, paragraph it has reached]
        pairs: list[Quotation] = []
        for mark, char in zip(marks, chars):
            if stack and stack[-1][2] != mark.paragraph:
                if paragraph_starts.get(mark.paragraph) == mark.start:
                    for entry in stack:
                        entry[2] = mark.paragraph
                    continue
                if mark.paragraph == stack[-1][2] + 1 and stack[-1][0] == "guillemet" \
                        and guillemet_balance.get(mark.paragraph, 0) < 0:
                    # «… ⏎ … "nested" … »: carried into the next paragraph, closed further on
                    for entry in stack:
                        entry[2] = mark.paragraph
                elif mark.paragraph == stack[-1][2] + 1 and _family(char) == stack[-1][0] and (
                    char in QUOTE_CLOSERS or self._ends_paragraph(mark)
                ):
                    # a quotation carried into the next paragraph without reopening, closed there
                    pairs.append(_make_pair(self.text, stack.pop()[1], mark.start))
                    continue
                else:
                    self._close_unbalanced(stack, pairs, paragraph_ends)
            family = _family(char)
            open_of_family = [i for i, entry in enumerate(stack) if entry[0] == family]
            if family == "guillemet" and char == "«":
                stack.append([family, mark.start, mark.paragraph])
            elif open_of_family:
                # marks of other families opened since then were strays (O’Brien): they close nothing
                position = open_of_family[-1]
                pairs.append(_make_pair(self.text, stack[position][1], mark.start))
                del stack[position:]
            elif family != "guillemet":
                stack.append([family, mark.start, mark.paragraph])
        self._close_unbalanced(stack, pairs, paragraph_ends)
        return sorted(pairs, key=lambda q: q.open)

    def _ends_paragraph(self, mark: Word) -> bool:
        following = self.words[mark.index + 1:mark.index + 3]
        return all(w.text in SENTENCE_END or w.text in CLAUSE_END for w in following[:1]) and (
            not following or following[0].text == "\n" or len(following) < 2 or following[1].text == "\n")

    def _close_unbalanced(self, stack, pairs, paragraph_ends) -> None:
        while stack:
            _, opened, paragraph = stack.pop()
            end = paragraph_ends[min(paragraph, len(paragraph_ends) - 1)]
            inner_start, inner_end = _trim(self.text, opened + 1, end)
            pairs.append(Quotation(opened, None, inner_start, inner_end))


# quotation marks and invisible marks never belong to a name
_QUOTE_MARKS = re.compile(f"[{re.escape(p.QUOTES)}]|``|''")
_INVISIBLE = re.compile(f"[{p.BIDI_AND_ZERO_WIDTH}]")
_QUOTE_OR_INVISIBLE = re.compile(f"[{re.escape(p.QUOTES)}{p.BIDI_AND_ZERO_WIDTH}]|``|''")


def _clean_name(text: str) -> str:
    if _QUOTE_OR_INVISIBLE.search(text):  # most names have neither: one search instead of two
        text = _QUOTE_MARKS.sub(" ", _INVISIBLE.sub("", text))
    return " ".join(text.split())


def _family(char: str) -> str:
    if char in "«»":
        return "guillemet"
    if char in "“”„":
        return "curly"
    if char in "‘’‹›":
        return "single"
    return "ascii"


_SPACE_OR_END_PUNCT = " \n.،,:;؛"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in _SPACE_OR_END_PUNCT:
        end -= 1
    return start, end


def _make_pair(text: str, opened: int, closed: int) -> Quotation:
    inner_start, inner_end = _trim(text, opened + 1, closed)
    return Quotation(opened, closed, inner_start, inner_end)


__all__ = ["AnalysedText", "Word", "Quotation"]
