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
DATELINE_LINES = 3
DATELINE_MAX_WORDS = 5
DATELINE_SEPARATOR = re.compile(r"\s[-–—/:]\s|[/:]\s")
BRACKETED_SOURCE = re.compile(r"^[^\s()]{2,20}(?:\s[^\s()]{2,20})?\s*\(([^()]{2,20})\)")
CITY_DASH = re.compile(r"^(\S{2,20})\s+[–—]\s+\S")


@lru_cache(maxsize=None)
def outlet_name_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(name) for name in outlet_names()))


@lru_cache(maxsize=None)
def outlet_names() -> tuple[str, ...]:
    names = lexicon.load("outlets.v1")["names"]
    return tuple(sorted({fold(n) for n in names}, key=len, reverse=True))


# words back from a «قوله» to the transmission verb whose subject carried it
# («نسبت قناة “المسيرة” التابعة للجماعة إلى رئيس وفدها، يحيى صالح الوشلي، قوله»)
TRANSMITTER_REACH = 20


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
        candidates = (rest, rest[1:], rest[2:], "ال" + rest[2:]) if rest.startswith("لل") else (rest, rest[1:], rest[2:])
        pattern = outlet_name_pattern()
        return any(pattern.match(candidate) for candidate in candidates)

    def _outlet_span(self, first: int) -> tuple[int, int] | None:
        glued_end = self.args.glued_outlet_end(first)
        if glued_end > first:  # «لبي بي سي»
            return self.words[first].start, self.words[glued_end - 1].end
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
            quoted = self.args.quoted_outlet(index + 1) if token == "ل" else None
            if quoted is not None:
                return quoted.inner_start, quoted.inner_end
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
        while index >= 0 and self.words[index].sentence == sentence and cue_word - index <= TRANSMITTER_REACH:
            token = self.words[index].text
            if token in TRANSMISSION_VERBS and index + 1 < cue_word and self.is_outlet_phrase(index + 1):
                return self._outlet_span(index + 1)
            index -= 1
        return None

    def outlet_speaker_citing(self, mention: tuple[int, int]) -> tuple[int, int] | None:
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
                    end = self.args.run_on(phrase[1], len(self.words))
                    return self.words[phrase[0]].start, self.words[end - 1].end
        return None


def document_source(analysed: AnalysedText) -> tuple[int, int] | None:
    """The article's source line («المصدر : الجزيرة + وكالات») or its dateline: a short line near the
    top («عين اليوم – لويزيانا», «عمّان: سلمى الخطيب», «إزمير/ الأناضول»), an outlet in brackets
    opening the body («بيروت (رويترز) -»), a city before a dash («عمّان – أبقى …»), or the agency
    closing an SPA dateline («… 1446 هـ … واس»)."""
    text = analysed.text
    source_lines = list(SOURCE_LINE.finditer(text))
    if source_lines:
        return source_lines[-1].start(1), source_lines[-1].end(1)
    names = outlet_names()
    offset = 0
    for line in text.split("\n")[:DATELINE_LINES]:
        stripped = line.strip()
        lead = offset + len(line) - len(line.lstrip())
        words = stripped.split()
        if words and len(words) <= DATELINE_MAX_WORDS and DATELINE_SEPARATOR.search(stripped) \
                and not stripped.endswith((".", "؟", "!")):
            return lead, lead + len(stripped)
        bracket = BRACKETED_SOURCE.match(stripped)
        if bracket and any(bracket.group(1).strip().startswith(n) for n in names):
            return lead + bracket.start(1) - 1, lead + bracket.end(1) + 1
        city = CITY_DASH.match(stripped)
        if city and len(words) > DATELINE_MAX_WORDS:
            return lead + city.start(1), lead + city.end(1)
        if words and words[-1].strip(" .،") in names and len(words) <= 14:
            last = words[-1].strip(" .،")
            start = offset + line.rfind(last)
            return start, start + len(last)
        offset += len(line) + 1
    tail = text.rstrip()
    last_line = tail[tail.rfind("\n") + 1:]
    if last_line.strip() and len(last_line.split()) <= 4:
        for paren in PAREN_SOURCE.finditer(last_line):
            if any(paren.group(1).strip().startswith(n) for n in names):
                start = len(tail) - len(last_line)
                return start + paren.start(1), start + paren.end(1)
    return None
