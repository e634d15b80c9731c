"""Entities within one article: title and name chains, linking mentions to them, canonical names.

An article introduces a speaker once in full («وزير الخارجية الروسي سيرغي لافروف») and then refers to
it by surname, title or description. The linker collects every title+name chain in the text, then
attaches each speaker mention to the entity it names; the canonical name is the fullest name seen.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from . import lexicon
from .arguments import (
    NAME_CONNECTORS,
    WORD_CACHE_SIZE,
    ArgumentFinder,
    Vocabulary,
    is_title_head,
    strip_article,
    vocabulary,
)
from .lang.ar import fold
from .text import CLAUSE_END, AnalysedText

COUNTERPART = frozenset(fold(w) for w in ("نظيره", "نظيرته", "نظيرها", "نظيرهم", "ونظيره", "ونظيرته", "ونظيرها",
                                             "لنظيره", "لنظيرته", "بنظيره", "بنظيرته"))


@lru_cache(maxsize=None)
def _kinds() -> dict[str, frozenset]:
    data = lexicon.load("entity_kinds.v1")
    return {kind: frozenset(fold(w) for w in data[kind]) for kind in ("organisation", "document", "group", "generic")}


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans inside others: a surname inside a full-name mention is the same mention."""
    kept: list[tuple[int, int]] = []
    reach = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if end > reach:
            kept.append((start, end))
            reach = end
    return kept


class _OpensTitle(dict):
    """Whether a word is a title head or a counterpart, per distinct word. Every distinct word of
    every article is looked up, and a dict hit costs less than an lru_cache hit."""

    def __missing__(self, token: str) -> bool:
        if len(self) >= WORD_CACHE_SIZE:
            self.clear()
        opens = self[token] = is_title_head(token) or token in COUNTERPART
        return opens


_opens_title = _OpensTitle()


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    # honorifics are shared by different people: «الأمير ويليام» is not «الأمير تشارلز»
    honorifics = vocabulary().honorifics
    return tuple(w for w in name.split() if strip_article(w) not in honorifics)


@dataclass
class Entity:
    id: str
    names: list[str] = field(default_factory=list)  # folded, in order of appearance
    titles: list[str] = field(default_factory=list)
    display: dict[str, str] = field(default_factory=dict)  # folded -> first original spelling
    kind: str = "person"
    gender: str | None = None
    number: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # original offsets

    @property
    def canonical(self) -> str:
        if self.names:
            best = max(self.names, key=lambda n: (len(n.split()), len(n)))
            return self.display[best]
        return self.display[self.titles[0]]


@dataclass
class Chain:
    """A title followed by a name, as word ranges."""

    title: tuple[int, int] | None
    name: tuple[int, int] | None


class EntityLinker:
    def __init__(self, analysed: AnalysedText, finder: ArgumentFinder, content_starts: set[int]):
        self.a = analysed
        self.words = analysed.words
        self.vocab: Vocabulary = vocabulary()
        self.finder = finder
        # a name never runs into the content of a statement («لوزير الخارجية التركي ضرورة …»)
        self.content_starts = sorted(content_starts)
        self.entities: list[Entity] = []
        self._mention_clitic = 0
        self._last_title_chain: list[str] | None = None
        # filter and compress run these scans in C: only the few title heads cost Python work
        heads = set(filter(_opens_title.__getitem__, analysed.word_counts))
        for index in compress(range(len(self.words)), map(heads.__contains__, analysed.tokens)):
            # a quantifier (أحد، بعض، عدد) heads a description, never a title+name chain
            if self._modifies_previous(index) or strip_article(analysed.tokens[index]) in self.vocab.quantifiers \
                    or not finder.can_continue(index + 1):
                continue  # «الرئيس إن …»، «الوزير، …»: nothing after the title to name anyone
            word = self.words[index]
            chain = self.chain_at(index)
            if chain.name is not None and chain.title is not None and chain.title[0] == index:
                entity = self._register(chain)
                self._note_mention(entity, word.start + self._clitic_length(word.text),
                                   self.words[chain.name[1] - 1].end)

    def _modifies_previous(self, index: int) -> bool:
        """«على الصعيد الدبلوماسي كثفت الهند …»: a definite nisba after a definite noun is its
        adjective, not a title that introduces a name."""
        token = self.words[index].text
        return index > 0 and token.startswith("ال") and token.endswith("ي") \
            and self.words[index - 1].text.startswith(("ال", "وال"))

    def _clitic_length(self, token: str) -> int:
        """1 for «ونظيره», «لوزير»: a conjunction or preposition glued to a title head."""
        rest = token[1:]
        return 1 if token[:1] in "ول" and (is_title_head(rest) or rest in COUNTERPART) else 0

    # ---- reading chains ---------------------------------------------------------------
    def _is_title_head(self, token: str) -> bool:
        return is_title_head(token) or token in COUNTERPART

    def chain_at(self, index: int, stop: int | None = None) -> Chain:
        """The title and the name of the phrase that starts at `index` (either may be missing)."""
        stop = len(self.words) if stop is None else stop
        nxt = bisect_right(self.content_starts, index)
        if nxt < len(self.content_starts) and self.content_starts[nxt] <= stop:
            stop = self.content_starts[nxt]
        phrase = self.finder.phrase(index, stop)
        if phrase is None:
            return Chain((index, index + 1), None)
        if not phrase.has_name:
            return Chain((index, max(phrase.end, index + 1)), None)
        if phrase.name_start > phrase.start:
            title = (phrase.start, phrase.title_end)
        elif phrase.end > phrase.name_end:
            title = (phrase.name_end, phrase.end)  # ليو وي مين المتحدث باسم الخارجية
        else:
            title = None
        return Chain(title, (phrase.name_start, phrase.name_end))

    def _text(self, first: int, end: int, clitic: int = 0) -> tuple[str, str]:
        return self.a.phrase_text(self.words[first].start, self.words[end - 1].end, clitic)

    def _title_key(self, first: int, end: int) -> tuple[str, str]:
        """A title's text without a glued و or لـ («ونظيره», «لوزير», «للمتحدث»)."""
        head = self.words[first].text
        clitic = 0
        if head.startswith("لل") and strip_article(head) in self.vocab.title_heads:
            clitic = 2
        elif head[:1] in "ول" and (strip_article(head[1:]) in self.vocab.title_heads or head[1:] in COUNTERPART):
            clitic = 1
        return self._text(first, end, clitic)

    def _register(self, chain: Chain, clitic: int = 0) -> Entity:
        name, name_display = self._text(*chain.name, clitic)
        known = self._by_leading_surname(name) if chain.title is None else None
        if known is not None:
            return known  # «وأكد شتاينماير تفهمه قلق الرياض»: the words after the surname are not his name
        entity = self.find_by_name(name) or self._new(kind="person")
        self._add_name(entity, name, name_display)
        if chain.title is not None:
            title, title_display = self._title_key(*chain.title)
            words = title.split()
            if words and words[0] in COUNTERPART and self._last_title_chain and len(words) > 1:
                derived = self._last_title_chain[:-1] + words[1:]
                self._add_title(entity, " ".join(derived), " ".join(derived))
            elif len(words) > 1:
                self._last_title_chain = words
            self._add_title(entity, title, title_display)
            self._set_gender_from(entity, words[0] if words else "")
        return entity

    # ---- entity store -----------------------------------------------------------------
    def _new(self, kind: str) -> Entity:
        entity = Entity(id=f"e{len(self.entities) + 1}", kind=kind)
        self.entities.append(entity)
        return entity

    @staticmethod
    def _add_name(entity: Entity, folded: str, display: str) -> None:
        if folded not in entity.names:
            entity.names.append(folded)
            entity.display.setdefault(folded, display)

    @staticmethod
    def _add_title(entity: Entity, folded: str, display: str) -> None:
        if folded not in entity.titles:
            entity.titles.append(folded)
            entity.display.setdefault(folded, display)

    @staticmethod
    def _set_gender_from(entity: Entity, head: str) -> None:
        if entity.gender is None and head:
            if head in COUNTERPART:
                entity.gender = "f" if "نظيرت" in head else "m"
            else:
                entity.gender = "f" if strip_article(head).endswith("ه") else "m"

    def _by_leading_surname(self, name: str) -> Entity | None:
        """The person whose full name ends with the first word of this longer name, when no known
        name contains this one."""
        words = name.split()
        # the word after the surname must be one the article never repeats (an object, not a name)
        if len(words) < 2 or self.a.word_counts[words[1]] > 1 or words[1] in NAME_CONNECTORS:
            return None
        for entity in reversed(self.entities):
            if entity.kind != "person" or not entity.names:
                continue
            full = max(entity.names, key=lambda n: len(n.split())).split()
            if len(full) > 1 and full[-1] == words[0] and not any(name in known for known in entity.names):
                return entity
        return None

    def find_by_name(self, name: str) -> Entity | None:
        """The latest entity one of whose names contains this one as a run of words, or is
        contained in it («لافروف» and «سيرغي لافروف»)."""
        words = _name_words(name)
        if not words:
            return None
        n = len(words)
        shared = set(words)
        for entity in reversed(self.entities):
            for known in entity.names:
                known_words = _name_words(known)
                size = len(known_words)
                if not size or shared.isdisjoint(known_words):
                    continue
                shorter, longer = (words, known_words) if n <= size else (known_words, words)
                width = len(shorter)
                if any(longer[i:i + width] == shorter for i in range(len(longer) - width + 1)):
                    return entity
        return None

    def find_by_title(self, title: str) -> Entity | None:
        """The latest entity with this title; a shorter form of a title it has («المتحدث باسم
        الخارجية الصينية» for «المتحدث باسم وزارة الخارجية الصينية»); the latest with that head noun
        («الوزير», «الوزارة»); or the one whose surname ends the title («الوزير الرفاتي»)."""
        for entity in reversed(self.entities):
            if title in entity.titles:
                return entity
        words = [strip_article(w) for w in title.split()]
        for entity in reversed(self.entities):
            for known in entity.titles:
                known_words = [strip_article(w) for w in known.split()]
                if len(words) > 1 and known_words[0] == words[0] and set(words) <= set(known_words):
                    return entity
        if len(words) == 1:
            for entity in reversed(self.entities):
                if any(strip_article(t.split()[0]) == words[0] for t in entity.titles + entity.names):
                    return entity
        last = title.split()[-1]
        if len(words) < 2 or not last.startswith("ال") or strip_article(last) in self.vocab.phrase_heads \
                or words[0] in self.vocab.quantifiers or last.endswith(("يه", "يين", "يون")):
            return None  # «أحد أعضاء الائتلاف» is not the coalition, nor «… الإيرانية» the government
        found = self.find_by_name(last)
        return found if found is not None and found.kind == "person" else None

    def _find_by_start(self, text: str) -> Entity | None:
        """The latest entity one of whose titles or names begins with these words."""
        words = text.split()
        for entity in reversed(self.entities):
            if any(known.split()[:len(words)] == words for known in entity.titles + entity.names):
                return entity
        return None

    # ---- mentions ---------------------------------------------------------------------
    def link_mention(self, start: int, end: int, gender: str | None, number: str | None) -> Entity:
        """The entity a speaker mention (view span) names, created if the article has none yet."""
        first = self.a.word_at(start)
        last = self.a.word_at(end - 1) + 1
        self._mention_clitic = start - self.words[first].start
        appositive = None
        for index in range(first, last):
            if self.words[index].text in CLAUSE_END and index > first:
                appositive = (index + 1, last)
                last = index
                break
        main = self.chain_at(first, stop=last)
        if appositive and appositive[0] < appositive[1] and self.words[appositive[0]].text in self.vocab.naming_verbs:
            # «أحد سكان الحي، ويدعى علي الشريف»
            side = Chain(None, (appositive[0] + 1, self.finder.given_name_end(appositive[0] + 1)))
        elif appositive and appositive[0] < appositive[1]:
            side = self.chain_at(*appositive)
        else:
            side = None
        if side is not None and side.name is not None and (
                main.name is None or main.name[1] - main.name[0] == 1 and side.name[1] - side.name[0] > 1):
            # «رئيسة البعثة الإيطالية، عالمة الآثار إيلينا مارتيني، …»: the name is in the apposition
            # («… الابتدائية بسوسة، القاضي نبيل الفرجاني»: a one-word «name» before it was a place)
            entity = self._register(Chain(main.title, side.name))
            if side.title is not None:
                self._add_title(entity, *self._title_key(*side.title))
        else:
            entity = self._link_words(first, last, main)
            if side is not None and side.name is None and self._is_title_head(self.words[appositive[0]].text):
                self._add_title(entity, *self._title_key(*appositive))
        if entity.kind == "document":
            title = self.finder.document_title(self.a.word_at(end - 1) + 1)
            if title is not None and title.close is not None and title.inner_end > title.inner_start:
                self._add_name(entity, *self.a.phrase_text(title.inner_start, title.inner_end))
        self._agree(entity, gender, number)
        self._note_mention(entity, start, end)
        return entity

    def collect_mentions(self) -> None:
        """Every place the article names a person entity: its full names and its surname."""
        forms_of = {}
        for entity in self.entities:
            if entity.kind != "person" or not entity.names:
                continue
            forms = {tuple(name.split()) for name in entity.names}
            surname = max(entity.names, key=lambda n: len(n.split())).split()[-1]
            if surname not in self.vocab.stops and len(surname) > 2:
                forms.add((surname,))
            forms_of[entity.id] = (entity, forms)
        firsts = {form[0] for _, forms in forms_of.values() for form in forms}
        texts = self.a.tokens
        positions: dict[str, list[int]] = {}
        for index in compress(range(len(texts)), map(firsts.__contains__, texts)):
            positions.setdefault(texts[index], []).append(index)
        for entity, forms in forms_of.values():
            for form in forms:
                size = len(form)
                for index in positions.get(form[0], ()):
                    if tuple(texts[index:index + size]) == form:
                        self._note_mention(entity, self.words[index].start, self.words[index + size - 1].end)
        for entity in self.entities:
            entity.mentions = _outermost(entity.mentions)

    def _note_mention(self, entity: Entity, start: int, end: int) -> None:
        span = self.a.view.orig_span(start, end)
        if span not in entity.mentions:
            entity.mentions.append(span)

    def nearest_before(self, orig_offset: int, window: int, gender: str | None, number: str | None,
                       agrees) -> Entity | None:
        """The entity mentioned last before `orig_offset` (within `window` characters) that agrees."""
        best, best_end = None, -1
        for entity in self.entities:
            ends = [end for _, end in entity.mentions if orig_offset - window <= end <= orig_offset]
            if ends and max(ends) > best_end and agrees(entity, gender, number):
                best, best_end = entity, max(ends)
        return best

    def _link_words(self, first: int, last: int, chain: Chain) -> Entity:
        if chain.name is not None:
            return self._register(chain, self._mention_clitic if chain.name[0] == first else 0)
        head = self.words[first].text
        if self._is_title_head(head):
            title, display = self._title_key(first, last)
            entity = self.find_by_title(title)
            if entity is None:
                entity = self._new(kind=self._kind_of(title))
                self._add_title(entity, title, display)
                self._set_gender_from(entity, head)
            return entity
        text, display = self._text(first, last, self._mention_clitic)
        kind = self._kind_of(text)
        entity = next((e for e in reversed(self.entities) if text in e.names or text in e.titles), None)
        if entity is None and last - first == 1 and text.startswith("ال"):
            entity = self.find_by_title(text)  # «الوزارة», «الشركة»: the latest one named in full
        if entity is None and kind == "person":
            entity = self.find_by_name(text)
        if entity is None and len(text.split()) > 1:
            entity = self._find_by_start(text)  # «مكتب المبعوث» after «مكتب المبعوث الأممي»
        if entity is None:
            entity = self._new(kind=kind)
            if kind in ("group", "document"):
                self._add_title(entity, text, display)
            else:
                self._add_name(entity, *self._body_name(first, last, text, display))
        return entity

    def _body_name(self, first: int, last: int, text: str, display: str) -> tuple[str, str]:
        """«شركة كاسبرسكي لاب المختصة بأمن الحواسيب» is named «كاسبرسكي لاب»: the bare words after
        a generic head, up to the first definite word or particle."""
        if self.words[first].text not in _kinds()["generic"]:
            return text, display
        end = first + 1
        while end < last and (self.words[end].text == '"' or not self.words[end].is_punct) \
                and not self.words[end].text.startswith("ال") and self.words[end].text not in self.vocab.stops:
            end += 1
        names = [k for k in range(first + 1, end) if self.words[k].text != '"']
        if not names:
            return text, display
        return self._text(names[0], names[-1] + 1)

    def _kind_of(self, phrase: str) -> str:
        if not phrase.split():
            return "person"
        kinds = _kinds()
        head = strip_article(phrase.split()[0]) if phrase else ""
        if head in kinds["document"] or phrase.split()[0] in kinds["document"]:
            return "document"
        if head in kinds["group"] or phrase.split()[0] in kinds["group"]:
            return "group"
        if head in kinds["organisation"] or phrase.split()[0] in kinds["organisation"]:
            return "organisation"
        if head in self.vocab.outlet_heads:
            return "outlet"
        return "person"

    @staticmethod
    def _agree(entity: Entity, gender: str | None, number: str | None) -> None:
        # a feminine verb outranks a masculine title («أكدت المدير العام لصندوق النقد، كريستين لاغارد»)
        if gender is not None and (entity.gender is None or gender == "f" and entity.kind == "person"):
            entity.gender = gender
        if entity.number is None and number == "pl":
            entity.number = number
        if entity.kind == "group":
            entity.number = "pl"
