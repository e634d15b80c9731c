"""Agencies and channels that carried a statement, and the article's own source line or dateline."""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .arguments import TRANSMISSION_VERBS, ArgumentFinder, strip_article
from .lang.ar import fold
from .text import AnalysedText

CARRIED_BY = frozenset(fold(w) for w in ("نقلتها", "نقلته", "نقلها", "أوردتها", "أوردها", "بثتها", "بثها", "نشرتها",
                                           "نشرها", "أدلى", "أدلت"))
INTERVIEW_NOUNS = frozenset(fold(w) for w in ("حديث", "مقابلة", "تصريح", "تصريحات", "لقاء", "حوار", "اتصال"))
SOURCE_LINE = re.compile(r"(?:^|\n)[ \t]*المصدر\s*[:：]\s*([^\n]+?)\s*$")
PAREN_SOURCE = re.compile(r"\(([^()\n]{2,30})\)")
DASH_SOURCE = re.compile(r"^([^\n]{2,60}?)\s+[-–—]\s+([^\n]{2,40}?)\s*$", re.M)


@lru_cache(maxsize=None)
def outlet_names() -> tuple[str, ...]:
    names = lexicon.load("outlets.v1")["names"]
    return tuple(sorted({fold(n) for n in names}, key=len, reverse=True))


class AgencyFinder:
    def __init__(self, analysed: AnalysedText, arguments: ArgumentFinder):
        self.a = analysed
        self.words = analysed.words
        self.args = arguments
        self.vocab = arguments.vocab

    def is_outlet_phrase(self, first: int) -> bool:
        token = self.words[first].text
        bare = token[1:] if token[:1] in "لو" else token
        bare = bare[1:] if bare.startswith("ل") and bare[1:].startswith("ل") else bare
        if strip_article(bare) in self.vocab.outlet_heads or strip_article(token) in self.vocab.outlet_heads:
            return True
        rest = self.a.text[self.words[first].start:self.words[first].start + 40]
        for candidate in (rest, rest[1:], rest[2:]):
            if any(candidate.startswith(name) for name in outlet_names()):
                return True
        return False

    def _outlet_span(self, first: int) -> tuple[int, int] | None:
        phrase = self.args.noun_phrase(first, limit=6)
        if phrase is None:
            return None
        return self.words[phrase[0]].start, self.words[phrase[1] - 1].end

    def agency(self, frame_start: int, frame_end: int, cue_first_word: int) -> tuple[int, int] | None:
        """The outlet named in the stretch between a cue and its content, or in its transmission chain."""
        first = self.a.word_at(frame_start)
        last = self.a.word_at(max(frame_start, frame_end - 1))
        for index in range(first, min(last + 1, len(self.words))):
            token = self.words[index].text
            if token in CARRIED_BY and index + 1 < len(self.words):
                nxt = index + 1
                if self.words[nxt].text in ("بتصريح", "بتصريحات", "بحديث"):
                    continue
                span = self._outlet_span(nxt)
                if span:
                    return span
            if token.startswith("ل") and len(token) > 2 and self.is_outlet_phrase(index):
                return self._outlet_span(index)
            if strip_article(token.lstrip("و").lstrip("ف")) in INTERVIEW_NOUNS or token.lstrip("ف") in INTERVIEW_NOUNS:
                nxt = index + 1
                if nxt < len(self.words) and self.words[nxt].text in ("مع",) and nxt + 1 < len(self.words) \
                        and self.is_outlet_phrase(nxt + 1):
                    return self._outlet_span(nxt + 1)
                if nxt < len(self.words) and self.words[nxt].text.startswith("ل") and self.is_outlet_phrase(nxt):
                    return self._outlet_span(nxt)
        return self._transmitter(cue_first_word)

    def _transmitter(self, cue_word: int) -> tuple[int, int] | None:
        """نسبت/نقلت/ذكرت وكالة X … : the outlet subject of a transmission verb before the cue."""
        sentence = self.words[cue_word].sentence
        index = cue_word - 1
        while index >= 0 and self.words[index].sentence == sentence and cue_word - index <= 16:
            token = self.words[index].text
            if token in TRANSMISSION_VERBS and index + 1 < cue_word and self.is_outlet_phrase(index + 1):
                return self._outlet_span(index + 1)
            index -= 1
        return None

    def outlet_speaker_citing(self, mention: tuple[int, int], after_cue: int) -> tuple[int, int] | None:
        """«ذكرت وكالة رويترز نقلا عن مسؤول أن …»: the cited source when the subject is an outlet."""
        first = self.a.word_at(mention[0])
        if not self.is_outlet_phrase(first):
            return None
        index = self.a.word_at(mention[1] - 1) + 1
        for offset in range(3):
            pos = index + offset
            if pos + 1 < len(self.words) and self.words[pos].text in ("نقلا",) and self.words[pos + 1].text == "عن":
                phrase = self.args.noun_phrase(pos + 2)
                if phrase:
                    return self.words[phrase[0]].start, self.words[phrase[1] - 1].end
        return None


def document_source(analysed: AnalysedText) -> tuple[int, int] | None:
    """The article's source line («المصدر : الجزيرة + وكالات») or the outlet in its dateline."""
    text = analysed.text
    match = None
    for match in SOURCE_LINE.finditer(text):
        pass
    if match:
        return match.start(1), match.end(1)
    head = text[:300]
    first_line_end = head.find("\n")
    first_line = head if first_line_end < 0 else head[:first_line_end]
    names = outlet_names()
    for paren in PAREN_SOURCE.finditer(first_line[:200]):
        inner = paren.group(1).strip()
        if any(inner.startswith(n) for n in names):
            return paren.start(1), paren.end(1)
    dash = DASH_SOURCE.match(first_line) if len(first_line.split()) <= 10 else None
    if dash:
        return dash.start(1), dash.end(2)
    words = first_line.split()
    if words and words[-1].strip(" .،") in names:
        start = first_line.rfind(words[-1].strip(" .،"))
        return start, start + len(words[-1].strip(" .،"))
    tail = text.rstrip()
    last_line = tail[tail.rfind("\n") + 1:]
    if last_line.strip() and len(last_line.split()) <= 4:
        for paren in PAREN_SOURCE.finditer(last_line):
            inner = paren.group(1).strip()
            if any(inner.startswith(n) for n in names):
                offset = len(tail) - len(last_line)
                return offset + paren.start(1), offset + paren.end(1)
    return None
