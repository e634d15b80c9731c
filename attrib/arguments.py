"""The arguments a cue governs: its content, its explicit speaker mention and its addressee.

Arabic news reports speech in a small number of clause shapes, and each rule below is one of them:
VSO (وقال الوزير إن …), SVO (الوزيرة أكدت أن …), a participle with a dropped subject (مشيرا إلى أن …),
a quote before its cue ("…"، قال), a source preposition (بحسب X), a noun cue in a transmission chain
(نسبت وكالة X لـY قوله إن …) and a tag after the content (على حد قوله). All positions are view positions.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, count, islice

from . import lexicon
from .cues import Cue
from .lang.ar import fold
from .text import CLAUSE_END, PUNCT, SENTENCE_END, AnalysedText, Quotation, Word

# the word tests are cached per distinct word; news vocabularies run to a few hundred thousand
WORD_CACHE_SIZE = 1 << 18
MAX_MENTION_WORDS = 16
MAX_NAME_WORDS = 4
COMPLEMENTIZER_REACH = 12
CALL_CLASSES = frozenset(("call", "urge", "demand"))
RESUMPTIVES = frozenset(("فيه", "فيها", "فيهم", "خلاله", "خلالها"))
LETTER_NOUNS = frozenset(("رساله", "خطاب", "برقيه", "مذكره"))
LETTER_FORMS = frozenset(clitic + article + noun for noun in LETTER_NOUNS
                         for clitic in ("", "و", "ب", "وب") for article in ("", "ال"))
# masdar patterns after a بـ (بإحداث، بتحسين، بمواصلة، باستئناف): a complement, not a name like بوتين
MASDAR_OPENINGS = ("ا", "ت", "م")
KANA = frozenset(("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "كانوا", "وكانوا"))
NEGATIONS = frozenset(("لم", "لن", "ولم", "ولن"))
AUXILIARIES = frozenset(("تم", "وتم", "يتم", "ويتم", "سيتم", "جري", "وجري"))
QUOTE_MIN_WORDS = 3
NAME_CONNECTORS = frozenset(("بن", "بنت", "ابن", "عبد", "ابو", "ام", "ال", "ولد", "دي", "فان", "فون"))
# nisba and participle endings of an indefinite adjective after a head (مصادر مطلعة، مصدر أمني)
ADJECTIVE_ENDINGS = ("ي", "يه", "يون", "يين", "ه", "يان")
COMMON_NOUN_ENDINGS = ("ه", "ات")
MAX_FRAME_SEARCH = 16
ALEF_MAKSURA_FORMS = ("\u0649", "\ufeef", "\ufef0")
GROUP_REACH = 40  # words back a plural dropped subject looks for a group
TITLE_CONTINUERS = frozenset(('"', "في", "عن", "من", "لدي", "ل", "("))  # words a title goes on through
RUN_ON_PREPOSITIONS = frozenset(("في", "من", "عن"))
PREP_FRAMES = {"عن": "an", "الي": "ila", "علي": "ala", "من": "min"}
CLAUSE_BREAKERS = frozenset(fold(w) for w in ("وذلك", "حيث", "فيما", "بينما", "وهو ما", "وسط"))
COMMA_BREAKERS = frozenset(fold(w) for w in (
    "إذ", "لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "الذي", "التي", "الذين", "وهو", "وهي", "وهم", "حيث",
    "بينما", "فيما", "كما", "ولم", "في حين", "غير", "علما", "مع"))
CLAUSE_OR_SENTENCE_END = CLAUSE_END | SENTENCE_END
_TRAILING_MARKS = CLAUSE_OR_SENTENCE_END | {":"}  # dropped from the end of a content
CLAUSE_END_OR_BREAK = CLAUSE_END | {"\n"}
NOT_REPORTING = NEGATIONS | AUXILIARIES  # «لم يكشف عن …», «تم نقل …»
# the words at which a content can end, besides a cue: `_clause_end` looks only at these
_CLAUSAL_END_MARKS = frozenset({'"'} | SENTENCE_END | CLAUSE_END)
_PHRASAL_END_MARKS = _CLAUSAL_END_MARKS | CLAUSE_BREAKERS
TRANSMISSION_VERBS = frozenset(
    fold(pro + w)
    for w in ("نسبت", "نسب", "نقلت", "نقل", "ذكرت", "ذكر", "أوردت", "أورد", "أفادت", "أفاد", "بثت", "نشرت", "نشر")
    for pro in ("", "و", "ف")
)


@dataclass(frozen=True)
class Vocabulary:
    complementizers: frozenset
    stops: frozenset
    prepositions: frozenset
    title_links: frozenset
    title_heads: frozenset
    outlet_heads: frozenset
    source_exclusions: frozenset
    conjunctions: frozenset
    phrase_heads: frozenset  # titles, outlets, organisations, documents: heads a preposition can govern
    organisation_heads: frozenset
    document_heads: frozenset
    honorifics: frozenset
    time_words: frozenset
    group_heads: frozenset
    vague_heads: frozenset
    quantifiers: frozenset
    indefinite_only_heads: frozenset
    spokesperson_heads: frozenset
    abbreviations: frozenset
    occasion_nouns: frozenset
    clause_openers: frozenset
    speech_nouns: frozenset
    outlet_names: tuple
    outlets_by_first_word: dict  # first word -> the outlet names it opens, as word tuples, longest first
    evidence_heads: frozenset
    adverbials: dict  # first word -> the set phrases it opens, longest first
    places: frozenset
    masdar_names: frozenset
    time_nouns: frozenset
    naming_verbs: frozenset
    issuing_verbs: frozenset
    title_giving: frozenset
    demonstratives: frozenset
    idiom_objects: frozenset
    without_words: frozenset
    totality_words: frozenset
    counted_heads: frozenset
    fa_inna: frozenset
    # punctuation and the function words that never belong to a noun phrase (stops holds the complementizers)
    outside_phrases: frozenset


def _by_first_word(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, set] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], set()).add(tuple(phrase))
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in grouped.items()}


@lru_cache(maxsize=None)
def vocabulary() -> Vocabulary:
    words = lexicon.load("function_words.v1")
    complementizers = set()
    for base in words["complementizers"]:
        complementizers.add(fold(base))
        for pronoun in words["complementizer_pronouns"]:
            complementizers.add(fold(base + pronoun))
    stops = {fold(w) for key in ("prepositions", "time_words", "conjunctions", "particles") for w in words[key]}
    stops |= {fold(w) for w in words["resumptive_openers"] if " " not in w}
    stops |= {fold(prep + pronoun) for prep in words["prepositions"] + ["ل", "ب"]
              for pronoun in words["complementizer_pronouns"]}
    return Vocabulary(
        complementizers=frozenset(complementizers),
        stops=frozenset(stops | complementizers),
        prepositions=frozenset(fold(w) for w in words["prepositions"]),
        title_links=frozenset(fold(w) for w in words["title_links"]),
        title_heads=frozenset(fold(w) for w in lexicon.load("titles.v1")["heads"] + lexicon.load("titles.v1")["vague"]
                              + lexicon.load("titles.v1")["abbreviations"]),
        outlet_heads=frozenset(fold(w) for w in lexicon.load("outlets.v1")["heads"]),
        source_exclusions=frozenset(fold(w) for w in lexicon.load("source_exclusions.v1")["heads"]),
        conjunctions=frozenset(fold(w) for w in words["conjunctions"]),
        phrase_heads=frozenset(
            fold(w)
            for w in lexicon.load("titles.v1")["heads"] + lexicon.load("outlets.v1")["heads"]
            + [h for kind in ("organisation", "document") for h in lexicon.load("entity_kinds.v1")[kind]]
        ),
        organisation_heads=frozenset(fold(w) for w in lexicon.load("entity_kinds.v1")["organisation"]),
        document_heads=frozenset(fold(w) for w in lexicon.load("entity_kinds.v1")["document"]),
        honorifics=frozenset(fold(w) for w in lexicon.load("titles.v1")["honorifics"]),
        time_words=frozenset(fold(w) for w in words["time_words"]),
        group_heads=frozenset(fold(w) for w in lexicon.load("entity_kinds.v1")["group"]),
        vague_heads=frozenset(fold(w) for w in lexicon.load("titles.v1")["vague"]),
        quantifiers=frozenset(fold(w) for w in lexicon.load("titles.v1")["quantifiers"]),
        indefinite_only_heads=frozenset(fold(w) for w in lexicon.load("titles.v1")["indefinite_only"]),
        spokesperson_heads=frozenset(fold(w) for w in lexicon.load("titles.v1")["spokesperson"]),
        abbreviations=frozenset(fold(w) for w in lexicon.load("titles.v1")["abbreviations"]),
        occasion_nouns=frozenset(fold(w) for w in words["occasion_nouns"]),
        clause_openers=frozenset(fold(w) for w in words["clause_openers"]),
        speech_nouns=frozenset(fold(w) for w in words["speech_nouns"]),
        outlet_names=tuple(sorted({fold(n) for n in lexicon.load("outlets.v1")["names"]}, key=len, reverse=True)),
        outlets_by_first_word=_by_first_word(fold(n).split() for n in lexicon.load("outlets.v1")["names"]),
        evidence_heads=frozenset(fold(w) for w in lexicon.load("entity_kinds.v1")["evidence"]),
        adverbials=_by_first_word(fold(a).split() for a in words["adverbials"]),
        places=frozenset(fold(p) for kind in ("countries", "cities") for p in lexicon.load("places.v1")[kind]),
        masdar_names=frozenset(fold(w) for w in words["names_like_masdars"]),
        time_nouns=frozenset(fold(w) for w in words["time_nouns"]),
        naming_verbs=frozenset(fold(w) for w in words["naming_verbs"]),
        issuing_verbs=frozenset(fold(w) for w in words["issuing_verbs"]),
        title_giving=frozenset(fold(w) for w in words["title_giving"]),
        demonstratives=frozenset(fold(w) for w in words["demonstratives"]),
        idiom_objects=frozenset(fold(w) for w in words["idiom_objects"]),
        without_words=frozenset(fold(w) for w in words["without_words"]),
        totality_words=frozenset(fold(w) for w in words["totality_words"]),
        counted_heads=frozenset(fold(w) for w in words["counted_heads"]),
        fa_inna=frozenset(fold(w) for w in words["fa_inna"]),
        outside_phrases=frozenset(PUNCT | stops | complementizers | {fold(w) for w in words["fa_inna"]}),
    )


@dataclass(frozen=True, slots=True)
class Phrase:
    """Word ranges of a noun phrase: [start, title_end) the head and its title, [name_start,
    name_end) the name (empty when there is none), and `end` the whole phrase."""

    start: int
    title_end: int
    name_start: int
    name_end: int
    end: int

    @property
    def has_name(self) -> bool:
        return self.name_end > self.name_start


@dataclass(slots=True)
class Arguments:
    content: tuple[int, int]
    quote_type: str
    mention: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    # where the cue's own clause (between cue and content) lies, for the agency rules
    frame_start: int = 0
    frame_end: int = 0
    # whether the content is a clause (after إن/أن, a colon or a quotation) rather than an object
    clausal: bool = True


@lru_cache(maxsize=WORD_CACHE_SIZE)
def strip_article(token: str) -> str:
    for prefix in ("وال", "فال", "بال", "لل", "ال"):
        if token.startswith(prefix) and len(token) > len(prefix) + 1:
            return token[len(prefix):] if prefix != "لل" else token[2:]
    return token


def _masdar_shaped(token: str) -> bool:
    """استفعال، افتعال، انفعال، إفعال، تفعيل، تفاعل: the shapes of a verbal noun."""
    n = len(token)
    return (token.startswith("است") and n >= 6
            or n == 6 and token[0] == "ا" and token[4] == "ا" and (token[2] == "ت" or token[1] == "ن")
            or n == 5 and token[0] == "ا" and token[3] == "ا"
            or n == 5 and token[0] == "ت" and (token[3] == "ي" or token[2] == "ا"))


def _counterpart(token: str) -> bool:
    """«نظيره الكوري»: the one addressed or met, a new phrase after the subject."""
    return token.startswith(("نظير", "ونظير", "لنظير"))


def _possessed(token: str) -> bool:
    """«زيارته»، «ضغوطها»: a noun with a possessive pronoun, never part of a personal name."""
    return len(token) > 4 and token.endswith(("ته", "تها", "ها", "هم", "هما"))


def _nisba_surname(token: str) -> bool:
    return token.startswith("ال") and token.endswith("ي") and len(token) > 4


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_prepositional(token: str) -> bool:
    """لوزير، للشرطة، بشركة: a preposition glued to a phrase — but not لافروف or بوتين."""
    vocab = vocabulary()
    if token in ("ل", "ب"):
        return True
    if token[:1] not in "لب" or len(token) < 3:
        return False
    rest = token[1:]
    return token.startswith("لل") or rest.startswith("ال") or strip_article(rest) in vocab.phrase_heads


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_title_head(token: str) -> bool:
    """وزير، الوزيرة، ولوزير، زميلها: a head noun that starts a speaker's title."""
    vocab = vocabulary()
    bare = token[1:] if token[:1] in "ول" and strip_article(token[1:]) in vocab.title_heads else token
    definite = strip_article(bare) != bare
    bare = strip_article(bare)
    if bare in vocab.title_heads:
        return not (definite and bare in vocab.indefinite_only_heads)
    for enclitic in ("ها", "هم", "ه"):  # زميلها، مستشاره: a possessed title
        if bare.endswith(enclitic) and len(bare) > len(enclitic) + 2:
            stem = bare[: -len(enclitic)]
            if stem in vocab.title_heads or stem.endswith("ت") and stem[:-1] + "ه" in vocab.title_heads:
                return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_outlet_word(token: str) -> bool:
    vocab = vocabulary()
    bare = token[1:] if token[:1] in "ول" and strip_article(token[1:]) in vocab.outlet_heads else token
    return strip_article(bare) in vocab.outlet_heads


class ArgumentFinder:
    def __init__(self, analysed: AnalysedText, cues: list[Cue]):
        self.a = analysed
        self.words = analysed.words
        self.vocab = vocabulary()
        self.counts = analysed.word_counts
        self.cue_at = {c.word: c for c in cues}
        for cue in cues:
            for index in range(cue.word, cue.last_word + 1):
                self.cue_at.setdefault(index, cue)
        self._cue_words = sorted(self.cue_at)

    # ---- small predicates -------------------------------------------------------------
    def _word(self, index: int) -> Word | None:
        return self.words[index] if 0 <= index < len(self.words) else None

    def _is_complementizer(self, word: Word) -> bool:
        return word.text in self.vocab.complementizers

    def _opens_quotation(self, word: Word) -> Quotation | None:
        return self.a.quotation_opening_at(word.start) if word.text == '"' else None

    def _starts_new_attribution(self, index: int) -> bool:
        cue = self.cue_at.get(index)
        if cue is None or cue.word != index:
            return False
        if cue.form.kind == "source" and self._source_phrase(cue) is None:
            return False  # «، وذلك وفقا لقرارات مجلس الأمن» goes on the statement
        previous = self._word(index - 1)
        return (
            cue.form.proclitic in ("و", "ف")
            or cue.form.kind in ("participle", "source", "verb_phrase", "afterthought")
            or (previous is not None and (previous.text in CLAUSE_END or previous.text in self.vocab.conjunctions
                                          or previous.text[:1] == "و" and previous.text[1:] in self.vocab.time_words))
        )

    # ---- noun phrases -----------------------------------------------------------------
    def noun_phrase(self, index: int, limit: int = MAX_MENTION_WORDS) -> tuple[int, int] | None:
        """Word range [index, end) of the noun phrase starting at `index`, or None."""
        phrase = self.phrase(index, min(len(self.words), index + limit))
        return (index, phrase.end) if phrase and phrase.end > index else None

    def phrase(self, index: int, stop: int) -> Phrase | None:
        """The noun phrase at `index`, split into title and name.

        A phrase is a head, its modifiers and links (باسم، لشؤون، للأمم، في + an organisation),
        then — after a title, or when the head is itself a name — a name, and after a name a title
        in apposition (ليو وي مين المتحدث باسم …). A name that ends at a comma, a complementizer or a
        quotation is whole; one that runs on into other words is kept up to its last word the
        article uses again (a surname recurs; the noun that happens to follow does not).
        """
        if index >= stop or not (self._phrase_word(index) or self._spelled_ali(index)) \
                or self.words[index].text in ("ل", "ب"):
            return None
        words = self.words
        head = words[index].text
        bare = strip_article(head)
        if bare in self.vocab.quantifiers and index + 1 < stop:
            # «عدة وسائل إعلام إسرائيلية»، «عددا من الخبراء»: a description, no name
            governed = self.phrase(index + 2 if words[index + 1].text == "من" else index + 1, stop)
            if governed is not None:
                return Phrase(index, governed.end, governed.end, governed.end, governed.end)
        titled = is_title_head(head)
        first_modifier = self._after_body_head(index, stop) if self._is_organisation_head(head) else index + 1
        title_end = self._modifiers(first_modifier, stop, vague=bare in self.vocab.vague_heads)
        if (titled or bare in self.vocab.group_heads) and title_end == index + 1 and title_end < stop \
                and self._adjective(title_end) and (
                bare in self.vocab.vague_heads or words[title_end].text.endswith(("يه", "يون", "يين"))):
            # مصدر أمني، مصادر مطلعة، محللة اقتصادية
            title_end = self._modifiers(title_end + 1, stop, vague=bare in self.vocab.vague_heads)
            if bare in self.vocab.vague_heads:
                return Phrase(index, title_end, title_end, title_end, title_end)
        if head.endswith(("هم", "هما", "هن", "كم")) and not titled:
            return None  # «أبدوا قلقهم»: an object with a possessive, not a subject
        if not titled and head.startswith("ال") and head.endswith("ي") and bare not in self.vocab.phrase_heads:
            return Phrase(index, index, index, index + 1, index + 1)  # a surname on its own: الشهري
        # plural sources by the word list only: نيوتون، خلدون، هارون end in ـون too
        plural = bare in self.vocab.group_heads or head.startswith("ال") and head.endswith("ون") and not titled
        if bare in self.vocab.document_heads and not titled and not head.startswith("ال"):
            # «وثيقة داخلية لإحدى الوزارات»، «تقرير حديث صادر عن …»: a document takes descriptions, not a name
            described = title_end
            while described < min(stop, title_end + 3) and self._plain_word(described) \
                    and not words[described].text.startswith(("ال", "ب", "ل")):
                described += 1
            if described > title_end:
                title_end = self._modifiers(described, stop)
        if plural or (not titled and (head.startswith("ال") or self._is_organisation_head(head)
                                      or bare in self.vocab.document_heads)):
            return Phrase(index, title_end, title_end, title_end, title_end)
        name_start = title_end if titled and bare not in self.vocab.honorifics else index
        name_end = max(title_end, name_start)
        # connectors and an honorific do not count against a name's length («الشيخ سيف بن أحمد آل ثاني»)
        window = self.a.tokens[name_start:min(stop, name_start + MAX_NAME_WORDS + 3)]
        extra = 0
        if not NAME_CONNECTORS.isdisjoint(window) or not self.vocab.honorifics.isdisjoint(window):
            extra = sum(1 for t in window if t in NAME_CONNECTORS or strip_article(t) in self.vocab.honorifics)
        limit = min(stop, name_start + MAX_NAME_WORDS + min(extra, 3))
        while name_end < limit and (self._phrase_word(name_end) or self._name_after_connector(name_end)) \
                and not is_prepositional(words[name_end].text) \
                and not self._conjoined(name_end, first=name_end == name_start) \
                and not (name_end > name_start and is_title_head(words[name_end].text)) \
                and strip_article(words[name_end].text) not in self.vocab.speech_nouns \
                and not _counterpart(words[name_end].text) \
                and not (name_end > name_start and (_possessed(words[name_end].text)
                                                    or words[name_end].text in self.vocab.places
                                                    or self._masdar_object(name_end))) \
                and not (name_end == name_start and name_start != index and self._has_article(name_end)):
            name_end += 1
        hard_stop = name_end >= len(words) or not self._plain_word(name_end)
        if not hard_stop and name_end > name_start:
            # «فلاديمير بوتين رسالة من …»: keep the name up to its last word the article repeats,
            # at least two words, and never a trailing common noun the article does not repeat
            recurring = [k + 1 for k in range(name_start, name_end)
                         if self.counts[words[k].text] > 1 and words[k].text not in NAME_CONNECTORS]
            name_end = max(min(name_end, name_start + 2), recurring[-1] if recurring else 0)
        elif name_end - name_start >= 3 and self.counts[words[name_end - 1].text] == 1 \
                and not _nisba_surname(words[name_end - 1].text):
            # «منصف الدريدي ممثلين عن …»: the name ends at its last repeated word (a family name
            # such as «الغامدي» ends a name even when the article writes it once)
            recurring = [k + 1 for k in range(name_start + 1, name_end - 1)
                         if self.counts[words[k].text] > 1 and words[k].text not in NAME_CONNECTORS]
            if recurring:
                name_end = recurring[-1]
        while name_end > name_start + 2 and self.counts[words[name_end - 1].text] == 1 and (
                words[name_end - 1].text.endswith(COMMON_NOUN_ENDINGS)
                or len(words[name_end - 1].text) >= 4 and words[name_end - 1].text.endswith("ا")):
            name_end -= 1  # «… رسالة»، «… جدلا»: a noun or an adverb after the name
        while name_start < name_end < min(stop, len(words)) and words[name_end - 1].text in NAME_CONNECTORS \
                and self._phrase_word(name_end):
            name_end += 1  # a name never ends on «بن» or «عبد»: «الأمير عبد الله بن مساعد»
        name_end = max(name_end, title_end)
        end = name_end
        if name_end > name_start and name_end < stop and is_title_head(words[name_end].text) \
                and not is_prepositional(words[name_end].text) and not _counterpart(words[name_end].text):
            titled_name = self.phrase(name_end, stop) \
                if name_start > index and words[name_start - 1].text in self.vocab.honorifics else None
            if titled_name is not None and titled_name.has_name and titled_name.name_start == name_end + 1:
                # «استشاري … في مستشفى الملك فهد بجدة الدكتور هشام الزهراني»: the first «name»
                # named the place; the person is the one the last title introduces
                return Phrase(index, titled_name.title_end, titled_name.name_start, titled_name.name_end,
                              titled_name.end)
            end = self._modifiers(name_end + 1, stop)  # a title after the name, in apposition
        if name_end > name_start and self._place_not_name(name_start, name_end):
            return Phrase(index, name_end, name_end, name_end, end)
        return Phrase(index, title_end, name_start, name_end, end)

    def _name_after_connector(self, index: int) -> bool:
        """«هشام بن علي»: after بن the folded «علي» is the name, not «على»."""
        return index > 0 and self.words[index].text == "علي" and self.words[index - 1].text in NAME_CONNECTORS \
            or self._spelled_ali(index)

    def _spelled_ali(self, index: int) -> bool:
        """The name «علي» where the article spells it with ي and «على» with ى («قال علي الوليد آل
        ثاني»، «رئيس المنظمة علي أكبر صالحي»)."""
        if self.words[index].text != "علي":
            return False
        original = self.a.view.original
        end = self.a.view.orig_start(self.words[index].end - 1)
        return unicodedata.normalize("NFKC", original[end]) == "\u064a" and self._spells_alef_maksura

    @cached_property
    def _spells_alef_maksura(self) -> bool:
        return any(letter in self.a.view.original for letter in ALEF_MAKSURA_FORMS)

    def _masdar_object(self, index: int) -> bool:
        """«باسم فياض استمرار ارتفاع …»: a verbal noun the article uses once is the object after a name."""
        token = self.words[index].text
        # the name before it recurs in the article, the verbal noun does not
        return _masdar_shaped(token) and token not in self.vocab.masdar_names and self.counts[token] == 1 \
            and self.counts[self.words[index - 1].text] > 1

    def _has_article(self, index: int) -> bool:
        """الـ as written: «إليات» folds to «اليات» but has no article."""
        word = self.words[index]
        if not word.text.startswith("ال"):
            return False
        first = self.a.view.orig_start(word.start)
        # NFKC composes a decomposed «إ» and undoes presentation forms
        return unicodedata.normalize("NFKC", self.a.view.original[first:first + 2])[:1] == "ا"

    def _after_body_head(self, index: int, limit: int) -> int:
        """After an organisation head, a bare word names the body: شركة كاسبرسكي، ولاية لويزيانا;
        after an outlet head, a known outlet name of any length: وكالة فرانس برس."""
        end = index + 1
        if is_outlet_word(self.words[index].text) and end < len(self.words):
            named = self._outlet_name_length(end)
            if named:
                return min(limit, end + named)
        if end < min(limit, len(self.words)) and not self.words[index].text.startswith(("ال", "لل")) \
                and self._phrase_word(end) and not self.words[end].text.startswith("ال") \
                and not is_title_head(self.words[end].text) and not self._is_organisation_head(self.words[end].text) \
                and not is_prepositional(self.words[end].text) and not self._conjoined(end, first=False):
            end += 1
        return end

    def can_continue(self, index: int) -> bool:
        """Whether a phrase can go on at word `index`: a word of a phrase, a link a title goes on
        through (مؤسس "فيسبوك"، القيادي في الائتلاف) or the «علي» of a name."""
        return index < len(self.words) and (self._phrase_word(index) or self.words[index].text in TITLE_CONTINUERS
                                            or self._spelled_ali(index))

    def _is_organisation_head(self, token: str) -> bool:
        heads = self.vocab.organisation_heads
        return strip_article(token) in heads or token.startswith("و") and strip_article(token[1:]) in heads

    def _place_not_name(self, start: int, end: int) -> bool:
        """«والي إزمير التركية»: a name that ends in a definite nisba is a place, not a person."""
        last = self.words[end - 1].text
        return end - start > 1 and last.startswith("ال") and last.endswith("يه")

    def _plain_word(self, index: int) -> bool:
        """A word that could go on a name: not punctuation, a particle, a preposition, a title…"""
        token = self.words[index].text
        return self._phrase_word(index) and not is_prepositional(token) \
            and not self._conjoined(index, first=False) and not is_title_head(token)

    def _conjoined(self, index: int, first: bool) -> bool:
        """وأردوغان، ونظيره، وذلك: a conjunction, not part of a name (وليد and وائل are)."""
        token = self.words[index].text
        if not token.startswith("و") or len(token) <= 3:
            return False
        if first:
            return token[1:] in self.vocab.stops
        # «الأمير ويليام»: a name the article repeats whole and never writes without its و
        rest = token[1:]
        return not (self.counts[token] > 1 and self.counts[rest] == 0 and rest not in self.vocab.stops
                    and not rest.startswith("ال") and not is_title_head(rest))

    def _adjective(self, index: int) -> bool:
        token = self.words[index].text
        return self._phrase_word(index) and not token.startswith("ال") and token.endswith(ADJECTIVE_ENDINGS) \
            and not is_prepositional(token) and not (token.startswith("ب") and token[1:].startswith(MASDAR_OPENINGS))

    def _phrase_word(self, index: int) -> bool:
        if index >= len(self.words):
            return False
        return self.a.tokens[index] not in self.vocab.outside_phrases and index not in self.cue_at

    def _modifiers(self, end: int, limit: int, vague: bool = False) -> int:
        """End of the modifiers and title links after a head (from word `end`)."""
        words = self.words
        start = end
        after_nisba = False
        bound = min(limit, len(words))
        while end < bound:
            token = words[end].text
            previous = words[end - 1].text
            if token == '"':
                quotation = self._opens_quotation(words[end])
                if quotation is not None and quotation.close is not None and (
                    end == start and is_title_head(previous)  # مؤسس "فيسبوك" مارك زوكربيرغ
                    and len(self.a.text[quotation.inner_start:quotation.inner_end].split()) < QUOTE_MIN_WORDS
                    and self._phrase_word(self.a.word_at(quotation.close) + 1)
                    or previous == "ل" or previous in self.vocab.title_links or previous == "في"
                    or is_outlet_word(previous) or strip_article(previous) in self.vocab.organisation_heads
                ):
                    end = self.a.word_at(quotation.close) + 1
                    continue
                break
            if token == "ل" and self.quoted_outlet(end + 1) is not None:
                break  # «لـ"الشرق الأوسط"»: the outlet the statement was given to
            if end == start and token in self.vocab.places and is_title_head(previous):
                end += 1  # «سفيرة أمريكا لدى الأمم المتحدة نيكي هايلي»
                continue
            if token == "لدي" and end > start and end + 1 < bound and self._phrase_word(end + 1):
                end += 2  # «… لدى الأمم المتحدة»
                continue
            named = self._outlet_name_length(end) if is_title_head(previous) else 0
            if named:
                end += named  # «مراسل بي بي سي ستيفن ماكدونال»
                continue
            if token in self.vocab.demonstratives and end == start and end + 1 < bound \
                    and words[end + 1].text.startswith("ال") and strip_article(words[end + 1].text) not in self.vocab.time_nouns:
                end += 2  # «أفراد هذه الجماعة»
                continue
            if token == "ل" or token in self.vocab.title_links and (
                token != "باسم" or any(strip_article(w.text) in self.vocab.spokesperson_heads
                                       for w in words[max(0, start - 1):end])
            ):
                linked = words[end + 1].text if end + 1 < bound else ""
                if self._is_organisation_head(linked) or linked.startswith("ل") and not linked.startswith("لل") \
                        and strip_article(linked[1:]) in self.vocab.organisation_heads:
                    # المتحدث باسم بلدية بيدوا، الأمانة العامة لهيئة كبار العلماء
                    end = self._after_body_head(end + 1, limit)
                else:
                    end += 2 if end + 1 < len(words) and words[end + 1].text != '"' else 1
                after_nisba = False
                continue
            if token in ("في", "عن", "من") and end + 1 < bound and (
                words[end + 1].text == '"' or self._phrase_word(end + 1) and (
                    strip_article(words[end + 1].text) in self.vocab.organisation_heads
                    or vague and token != "عن" and strip_article(words[end + 1].text) not in self.vocab.occasion_nouns)
            ):
                if words[end + 1].text == '"':
                    end += 1
                    continue
                # القيادي في الائتلاف، مسؤول في الإدارة المحلية لبلدة إيل، مصادر أمنية في إقليم بونتلاند
                end = self._modifiers(self._after_body_head(end + 1, limit), limit)
                continue
            if token.startswith(("ال", "وال")) and self._phrase_word(end) and not token.endswith(("هم", "ها", "هما")) \
                    and strip_article(token) not in self.vocab.clause_openers and token not in self.vocab.idiom_objects:
                if after_nisba and not token.endswith("ي") and not token.startswith("و") \
                        and not is_title_head(token):
                    break  # «الهلال الأحمر الليبي الأطراف …»: a masculine nisba closes the phrase
                after_nisba = token.endswith("ي")
                end += 1
                continue
            after_nisba = False
            if token in ("عام", "عامه") or token in self.vocab.abbreviations:
                end += 1  # المدير العام، وزير الاقتصاد د. علاء …
                continue
            if (self._is_organisation_head(token) or is_outlet_word(token) and not token.startswith("ل")) \
                    and self._phrase_word(end):
                end = self._after_body_head(end, limit)  # وكيل وزارة الصحة، مراسلة قناة روسيا اليوم
                continue
            if token.startswith("و") and is_title_head(token) and self._phrase_word(end):
                end += 1  # «القيادي في الائتلاف ورئيس الأمانة العامة»: one person's second title
                continue
            if token.startswith("ب") and end > start and is_prepositional(token) and not is_outlet_word(token) \
                    and self._phrase_word(end):
                # مدير عام الشؤون الصحية بمحافظة جدة، رئيس قسم الجراحة بالمستشفى
                end = self._after_body_head(end, limit)
                continue
            if token.startswith("ل") and not is_outlet_word(token) and (
                strip_article(token[1:]) in self.vocab.organisation_heads
                or token.startswith("لل") and end > start and self._phrase_word(end)
            ):
                # الأمين العام للأمم المتحدة، المدير الإقليمي للغابات، المديرة التنفيذية لبرنامج تطوير …
                end = self._after_body_head(end, limit)
                continue
            if token.startswith("و") and len(token) > 3 and not is_title_head(token) and self._phrase_word(end) \
                    and end + 1 < bound and words[end + 1].text.startswith("ال"):
                end += 2  # وزير الاتصالات وتكنولوجيا المعلومات
                continue
            break
        while end > start and words[end - 1].text in ("ل", "في", "عن", "من"):
            end -= 1
        return end

    def _span(self, first: int, end: int) -> tuple[int, int]:
        return self.words[first].start, self.words[end - 1].end

    # ---- content ----------------------------------------------------------------------
    def _clause_end(self, start_index: int, clausal: bool) -> int:
        """Index of the first word after the content that starts at `start_index`."""
        index = start_index
        marks = _CLAUSAL_END_MARKS if clausal else _PHRASAL_END_MARKS
        while (index := self._next_end_candidate(index, marks)) < len(self.words):
            word = self.words[index]
            token = word.text
            if token == '"':
                quotation = self._opens_quotation(word)
                if quotation is not None:
                    if quotation.close is None:
                        return self.a.word_at(quotation.inner_end - 1) + 1
                    index = self.a.word_at(quotation.close) + 1
                    continue
            if token in SENTENCE_END:
                return index
            if index > start_index and index in self.cue_at and self._starts_new_attribution(index):
                return index - 1 if self.words[index - 1].text in CLAUSE_END else index
            if not clausal and token in CLAUSE_END:
                return index
            if not clausal and index > start_index and token in CLAUSE_BREAKERS:
                return index
            if token in CLAUSE_END and index + 1 < len(self.words) and self.words[index + 1].text in COMMA_BREAKERS:
                return index  # «…، إذ …»، «…، لكنهم …»، «…، الذي …»: the statement ends at the comma
            index += 1
        return len(self.words)

    def _next_end_candidate(self, index: int, marks: frozenset) -> int:
        """The first word from `index` on that is one of `marks` or a cue (the length of the text
        if none is): the words between cannot end a content, and a scan in C passes them."""
        mark = next(compress(count(index), map(marks.__contains__, islice(self.a.tokens, index, None))),
                    len(self.words))
        following_cue = bisect_left(self._cue_words, index)
        if following_cue < len(self._cue_words):
            return min(mark, self._cue_words[following_cue])
        return mark

    def _content_from(self, start_index: int, start_pos: int | None, clausal: bool,
                      quoted: bool = False) -> tuple[tuple[int, int], str] | None:
        """Content from word `start_index`; `quoted` when the cue is followed directly by a quotation
        (قال: "…" / قال "…"), which is then the whole content whatever follows it."""
        first = self._word(start_index)
        if first is not None and clausal and start_pos is None and self._is_complementizer(first):
            start_index += 1  # «قال: إن …»، «قالت: إنها "…"»: the complementizer is not content
            first = self._word(start_index)
        if first is None or first.is_punct and first.text != '"':
            return None
        quotation = self._opens_quotation(first)
        if quotation is not None:
            after = self.a.word_at(quotation.close) + 1 if quotation.close is not None else None
            next_word = self._word(after) if after is not None else None
            # a short quotation followed by more words is a quoted name or term, not the content
            long_enough = len(self.a.text[quotation.inner_start:quotation.inner_end].split()) >= QUOTE_MIN_WORDS
            if quoted and long_enough or quotation.close is None or next_word is None \
                    or next_word.text in CLAUSE_OR_SENTENCE_END:
                if quotation.inner_end <= quotation.inner_start:
                    return None
                return (quotation.inner_start, quotation.inner_end), "direct"
        end_index = self._clause_end(start_index, clausal)
        if end_index <= start_index:
            return None
        start = first.start if start_pos is None else start_pos
        end = self.words[end_index - 1].end
        while end_index - 1 > start_index and self.words[end_index - 1].text in _TRAILING_MARKS:
            end_index -= 1
            end = self.words[end_index - 1].end
        if end <= start:
            return None
        has_quote = '"' in self.a.text[start:end]
        return (start, end), "mixed" if has_quote else "indirect"

    def _frame_at(self, index: int, cue: Cue) -> tuple[tuple[int, int], str, int] | None:
        """Content when the frame starts exactly at word `index`; also returns the frame's word."""
        word = self._word(index)
        if word is None:
            return None
        frames = cue.form.frames
        token = word.text
        if token == '"' and self._opens_quotation(word):
            found = self._content_from(index, None, clausal=True, quoted=True)
            return (found[0], found[1], index) if found else None
        if token == ":":
            nxt = index + 1
            while self._word(nxt) is not None and self.words[nxt].text == "\n":
                nxt += 1
            found = self._content_from(nxt, None, clausal=True)
            return (found[0], found[1], index) if found else None
        if self._is_complementizer(word):
            found = self._content_from(index + 1, None, clausal=True)
            return (found[0], found[1], index) if found else None
        if token in PREP_FRAMES and self._word(index + 1) is not None and self._is_complementizer(self.words[index + 1]):
            # على أن، إلى أن، من أن، عن أن
            found = self._content_from(index + 2, None, clausal=True)
            return (found[0], found[1], index) if found else None
        if token in PREP_FRAMES and PREP_FRAMES[token] in frames:
            found = self._content_from(index + 1, None, clausal=False)
            return (found[0], found[1], index) if found else None
        if token.startswith("ب") and len(token) > 3 and "bi" in frames and not token.startswith("بان"):
            found = self._content_from(index, word.start + 1, clausal=False)
            return (found[0], found[1], index) if found else None
        if "object" in frames and not word.is_punct and index not in self.cue_at and token[:1] not in "لب" \
                and (token not in self.vocab.stops or token in self.vocab.totality_words or token in self.vocab.demonstratives):
            found = self._content_from(index, None, clausal=False)
            return (found[0], found[1], index) if found else None
        return None

    def _search_frame(self, index: int, cue: Cue) -> tuple[tuple[int, int], str, int] | None:
        """The first quotation, colon or complementizer within the cue's sentence."""
        limit = min(len(self.words), index + MAX_FRAME_SEARCH)
        sentence = self.words[cue.word].sentence
        # a preposition further on is the frame only past a phrase that starts with في/من/عن
        # («شهود عيان من الصيادين عن …»), not past an object («رفض بلاده لفرض عقوبات على …»)
        prepositions_count = self._word(index) is not None and self.words[index].text in RUN_ON_PREPOSITIONS
        while index < limit:
            word = self.words[index]
            if word.sentence != sentence and not (word.text == "\n" and self.words[index - 1].text == ":"):
                return None
            if index > cue.last_word + 1 and self._starts_new_attribution(index) \
                    and self.cue_at[index].form.kind != "noun" and self.cue_at[index].form.lemma != "نقلا عن":
                return None  # «وقالت مصادر أمنية، نقلا عن مسؤولين، إن …» is still قالت's frame
            if word.text in CLAUSE_BREAKERS:
                return None  # «نقلت للعلاج في مستشفى … حيث تأكدت …»: another clause's complementizer
            quotation = self._opens_quotation(word) if word.text == '"' else None
            if quotation is not None and self._quoted_name(quotation):
                index = self.a.word_at(quotation.close) + 1  # «لـ“عين اليوم” إن …»: a name, not the content
                continue
            if quotation is not None or word.text == ":" or self._is_complementizer(word):
                return self._frame_at(index, cue)
            if prepositions_count and self._bi_complement(index, cue):
                return self._frame_at(index, cue)  # «وطالبت بعثة الأمم المتحدة للدعم في ليبيا بإجراء …»
            if prepositions_count and word.text in PREP_FRAMES and PREP_FRAMES[word.text] in cue.form.frames \
                    and index + 1 < limit \
                    and strip_article(self.words[index + 1].text) not in self.vocab.occasion_nouns \
                    and self.words[index + 1].text not in self.vocab.time_words:
                # «وتحدث شهود عيان من الصيادين عن رؤية …»
                return self._frame_at(index, cue)
            index += 1
        return None

    def _quoted_name(self, quotation: Quotation) -> bool:
        """A short quotation followed by more of the clause names something (a paper, a programme)."""
        if quotation.close is None:
            return False
        after = self._word(self.a.word_at(quotation.close) + 1)
        short = len(self.a.text[quotation.inner_start:quotation.inner_end].split()) < QUOTE_MIN_WORDS
        return short and after is not None and (self._phrase_word(after.index) or self._is_complementizer(after))

    # ---- clause shapes ----------------------------------------------------------------
    def analyse(self, cue: Cue) -> Arguments | None:
        kind = cue.form.kind
        if kind == "source":
            return self._source(cue)
        if kind == "afterthought":
            return self._afterthought(cue)
        if kind == "noun":
            return self._noun(cue)
        if kind == "document_verb":
            return self._document_verb(cue)
        return self._verb(cue)

    def _verb(self, cue: Cue) -> Arguments | None:
        index = cue.last_word + 1
        previous = self._word(cue.word - 1)
        following = self._word(index)
        if previous is not None and previous.text == "كما" and (
                following is None or following.text in CLAUSE_END or following.text in SENTENCE_END):
            return self._afterthought(cue)  # «"رحل لكنه حاضر معنا"، كما قال.»
        if previous is not None and (previous.text in NOT_REPORTING or previous.text in self.vocab.prepositions):
            return None  # «لم يكشف عن …» reports nothing said; «تم نقل …», «في طلب …» are masdars
        if previous is not None and previous.text == "ان" and cue.word > 1 and self.words[cue.word - 2].text in self.vocab.without_words:
            return None  # «دون أن تذكر اسمه»
        if cue.form.kind == "participle" and cue.form.gender == "f" and not self._clause_initial(cue):
            following = self._word(index)
            if following is None or not self._is_complementizer(following):
                return None  # «معلومات مؤكدة عن …»: an adjective, not a ḥāl
        mention = addressee = None
        if cue.form.kind in ("verb", "imperfect"):
            # «رسالة طالبت فيها بـ…»، «أعلن اليوم الإثنين وزير …»
            while self._word(index) is not None and (self.words[index].text in self.vocab.time_words
                                                       or self.words[index].text in RESUMPTIVES):
                index += 1
            index += self._adverbial_length(index)  # «وشدد في هذا الصدد وزير الاقتصاد …»
            following = self._word(index)
            # a subject is never a prepositional phrase (لإذاعة …، لوزير …) nor a بـ-masdar,
            # nor, after «فيه»، a بـ-word («صرحت فيه بوجود …»)
            resumed = index > cue.last_word + 1 and self.words[index - 1].text in RESUMPTIVES
            phrase = None if following is None or is_prepositional(following.text) or self._names_outlet(index) \
                or self._bi_complement(index, cue) or resumed and following.text.startswith("ب") \
                else self.noun_phrase(index)
            if phrase and cue.form.cue_class in CALL_CLASSES and self._calls_on(phrase[1]) \
                    and not (cue.form.cue_class == "demand" and self.words[phrase[1]].text not in ("الي", "علي")):
                # «ودعا الأطراف إلى …»: one phrase before إلى is the one called on; the caller is dropped
                # (but in «وطالب العمال بمراجعة …» who demands بـ is the subject)
                addressee, phrase = self._span(*phrase), None
                index = self.a.word_at(addressee[1] - 1) + 1
            if phrase:
                bare_phrase = phrase
                phrase = self._with_apposition(phrase)
                mention = self._span(*phrase)
                index = self._skip_after_subject(phrase[1])
                if phrase != bare_phrase and self._word(index) is not None and self.words[index].text in CLAUSE_END:
                    index += 1  # the comma that closes «والي إزمير، سليمان أقطاش،» closes no aside
                counterpart = self.noun_phrase(index) if self._word(index) is not None \
                    and _counterpart(self.words[index].text) else None
                if counterpart is not None:
                    addressee = self._span(*counterpart)  # «أبلغ وزير الخارجية الصيني نظيره الكوري الشمالي بأن …»
                    index = counterpart[1]
        if addressee is None:
            index, addressee = self._skip_addressee(index)
        if self._word(index) is not None and self.words[index].text in CLAUSE_END:
            index = self._skip_parenthetical(index)
        frame = self._frame_at(index, cue)
        if frame is None or not self._is_clausal_frame(frame[2]) and self._complementizer_ahead(index, cue):
            # «كشف تقرير حديث صادر عن المرصد أن …»: the subject ran on; the clause decides
            frame = self._search_frame(index, cue) or frame
            if frame is not None and mention is not None and addressee is None and frame[2] > index \
                    and self.a.word_at(mention[1] - 1) + 1 == index \
                    and not ("object" in cue.form.frames and self.words[frame[2]].text.startswith("بان")):
                mention = self._span(self.a.word_at(mention[0]), self.run_on(index, frame[2]))
                if cue.form.cue_class in CALL_CLASSES and self.words[frame[2]].text in ("الي", "علي"):
                    # «ودعا حضور المؤتمر من المهتمين إلى …»: as right before إلى, the ones called on
                    addressee, mention = mention, None
        if frame is None:
            frame = self._quote_before(cue)
            if frame is None:
                return None
        content, quote_type, frame_word = frame
        if not self._is_clausal_frame(frame_word) and cue.form.cue_class in CALL_CLASSES and addressee is None:
            content, addressee = self._called(content, cue)
        if mention is None and self._word(cue.last_word + 1) is not None \
                and self.words[cue.last_word + 1].text in RESUMPTIVES:
            mention = self._occasion_speaker(cue)
        if mention is None and cue.form.kind in ("verb", "imperfect") and cue.form.proclitic == "":
            mention = self._subject_before(cue)
        elif mention is None and cue.form.proclitic == "ف":
            mention = self._amma_subject(cue)
        frame_start = self.words[frame_word].start if frame_word < len(self.words) else content[0]
        if addressee is None:
            addressee = self._letter_recipient(cue, frame_word)
        return Arguments(content, quote_type, mention, addressee, self.words[cue.last_word].end, frame_start,
                         clausal=self._is_clausal_frame(frame_word))

    def run_on(self, end: int, boundary: int) -> int:
        """«أفادت مجموعة من علماء الآثار الإسرائيليين أن …»: the words after a subject, up to the
        complementizer or the comma (`boundary` at most), still describe it — up to a time or
        occasion phrase, a circumstantial accusative (متحدثا، ردا) or another particle. A phrase
        that reaches an outlet or addressee (لـ…) was about them («مزارعون التقتهم الوكالة»): none of
        it is kept."""
        position = end
        while position < boundary:
            word = self.words[position]
            token = word.text
            if token == "ل" or is_outlet_word(token) or token.startswith("لل") or self._names_outlet(position) \
                    or token in ("به", "بها", "بهم") \
                    or token.startswith("ل") and is_title_head(token[1:]) and token[1:] not in self.vocab.quantifiers:
                return end
            if word.is_punct or position in self.cue_at or self._is_complementizer(word) or token in self.vocab.idiom_objects \
                    or _counterpart(token) \
                    or token in self.vocab.stops and token not in RUN_ON_PREPOSITIONS or token in self.vocab.fa_inna \
                    or len(token) > 3 and token.endswith("ا") and not token.startswith("ال") \
                    and self.words[position - 1].text not in self.vocab.prepositions:
                break
            if token in RUN_ON_PREPOSITIONS and position + 1 < boundary:
                following = self.words[position + 1].text
                nxt = strip_article(following)
                if nxt in self.vocab.occasion_nouns or nxt in self.vocab.speech_nouns \
                        or following in self.vocab.time_words or nxt in self.vocab.time_nouns \
                        or following.endswith(("ها", "هم", "هما", "هن")) \
                        or following.endswith("ه") and not following.startswith("ال"):
                    break  # «في بيان»، «في نشرتها الفصلية»: where it was said
            position += 1
        while position > end and self.words[position - 1].text in self.vocab.stops:
            position -= 1
        return position

    def _outlet_name_length(self, index: int, first: str | None = None) -> int:
        """Words of the known outlet name that starts at `index` («بي بي سي»), or 0; `first` stands
        for the first word when a clitic is glued to it."""
        first = self.words[index].text if first is None else first
        tokens = self.a.tokens
        for name in self.vocab.outlets_by_first_word.get(first, ()):
            # a slice past the last word is short, so it cannot equal the rest of the name
            if tuple(tokens[index + 1:index + len(name)]) == name[1:]:
                return len(name)
        return 0

    def _names_outlet(self, index: int) -> bool:
        return self.glued_outlet_end(index) > index

    def glued_outlet_end(self, index: int) -> int:
        """«لبي بي سي»: the end of a known outlet name behind a glued لـ (`index` when there is none)."""
        token = self.words[index].text
        if not token.startswith("ل") or len(token) < 3:
            return index
        return index + self._outlet_name_length(index, first=token[1:])

    def _skip_after_subject(self, index: int) -> int:
        """Past «(ناسا)», time words and set adverbials between a subject and what it said
        («أعلن الائتلاف السوري المعارض الأربعاء انتخاب …»)."""
        while self._word(index) is not None:
            word = self.words[index]
            if word.text == "(":
                close = next((k for k in range(index + 1, min(len(self.words), index + 6))
                              if self.words[k].text == ")"), None)
                if close is None:
                    return index
                index = close + 1
            elif word.text in self.vocab.time_words and word.text not in self.vocab.demonstratives:
                index += 1
            elif self._adverbial_length(index):
                index += self._adverbial_length(index)
            else:
                return index
        return index

    def _adverbial_length(self, index: int) -> int:
        """Words of the set adverbial phrase (في هذا الصدد، من جهته …) at `index`, or 0."""
        if index >= len(self.words):
            return 0
        for adverbial in self.vocab.adverbials.get(self.words[index].text, ()):
            size = len(adverbial)
            if tuple(w.text for w in self.words[index:index + size]) == adverbial:
                return size
        return 0

    def _complementizer_ahead(self, index: int, cue: Cue) -> bool:
        """A complementizer before the next comma or cue, when the cue takes one (أن/إن)."""
        if not {"anna", "inna", "bi_anna"} & set(cue.form.frames):
            return False
        for position in range(index, min(len(self.words), index + COMPLEMENTIZER_REACH)):
            word = self.words[position]
            if word.is_punct or position in self.cue_at:
                return False
            if self._is_complementizer(word):
                return True
        return False

    def _called(self, content: tuple[int, int], cue: Cue) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """«دعا الطرفين إلى وقف القتال»: the ones called on are the addressee, the call the content."""
        first = self.a.word_at(content[0])
        for position in range(first, min(len(self.words), first + 7)):
            token = self.words[position].text
            if self.words[position].is_punct:
                break
            if position > first and token in ("الي", "علي"):
                return (self.words[position + 1].start, content[1]), (content[0], self.words[position - 1].end)
            if position > first and token.startswith("ب") and "bi" in cue.form.frames and len(token) > 3:
                return (self.words[position].start + 1, content[1]), (content[0], self.words[position - 1].end)
        return content, None

    def _occasion_speaker(self, cue: Cue) -> tuple[int, int] | None:
        """«كلمة جيمي ويلز التي ذكر فيها …»، «ألقى المرزوقي كلمة أكد فيها …»: whoever gave the speech,
        statement or letter that the cue's «فيها» points back to."""
        sentence = self.words[cue.word].sentence
        for noun in range(cue.word - 1, max(-1, cue.word - 10), -1):
            word = self.words[noun]
            if word.sentence != sentence:
                return None
            bare = strip_article(word.text.lstrip("وب"))
            if bare not in self.vocab.speech_nouns:
                if any(bare.endswith(e) and bare[: -len(e)] in self.vocab.speech_nouns for e in ("ه", "ها")) or \
                        any(bare.endswith(e) and bare[: -len(e)] + "ه" in self.vocab.speech_nouns for e in ("ته", "تها")):
                    return None  # «كلمته التي … قال فيها»: his speech, whoever «he» is
                continue
            owner = self.noun_phrase(noun + 1, limit=cue.word - noun - 1) if noun + 1 < cue.word else None
            if owner is not None and self.words[noun + 1].text not in ("التي", "الذي"):
                start, end = self._span(*owner)
                given_to = self.words[noun + 1].text
                if given_to.startswith("ل") and is_title_head(given_to[1:]):
                    start += 1  # «بكلمة لرئيس اللجنة رحب فيها …»
                return start, end
            for start in range(noun - 1, max(-1, noun - MAX_MENTION_WORDS), -1):
                token = self.words[start].text
                if self.words[start].sentence != sentence or not self._phrase_word(start):
                    return None
                if is_title_head(token) or self._is_organisation_head(token):
                    # «ألقى الرئيس التونسي المؤقت المنصف المرزوقي كلمة …»
                    before = self.noun_phrase(start, limit=noun - start)
                    return self._span(*before) if before else None
            return None
        return None

    def _calls_on(self, index: int) -> bool:
        word = self._word(index)
        return word is not None and (word.text in ("الي", "علي") or word.text.startswith("ب") and len(word.text) > 3
                                     and (word.text[1:].startswith(MASDAR_OPENINGS) or word.text.endswith("ه")))

    def _bi_complement(self, index: int, cue: Cue) -> bool:
        """«طالبت بزيادة …»، «تعهد بالإفراج …»: a بـ-masdar, not a subject named بوتين or بشار."""
        word = self._word(index)
        if word is None or "bi" not in cue.form.frames or not word.text.startswith("ب") or len(word.text) < 4:
            return False
        if self._is_organisation_head(word.text) or is_title_head(word.text):
            return False  # «وطالبت بعثة الأمم المتحدة بإجراء …»: بعثة is the subject
        rest = word.text[1:]
        return rest.startswith(MASDAR_OPENINGS) or rest.endswith("ه")

    def _letter_recipient(self, cue: Cue, frame_word: int) -> tuple[int, int] | None:
        """«في رسالة إلى X»، «وجهت رسالة إلى X طالبت فيها …»: X is the addressee."""
        sentence = self.words[cue.word].sentence
        for position in self._letters_sent:
            if position >= frame_word:
                break
            if self.words[position].sentence == sentence:
                phrase = self.noun_phrase(position + 2)
                if phrase:
                    return self._span(*phrase)
        return None

    @cached_property
    def _letters_sent(self) -> list[int]:
        """Positions of «رسالة إلى»، «خطاب لـ»: the letters the article says were sent to someone."""
        tokens = self.a.tokens
        letters = LETTER_FORMS.intersection(self.counts)
        if not letters:
            return []
        return [position for position in compress(range(len(tokens) - 1), map(letters.__contains__, tokens))
                if tokens[position + 1] in ("الي", "ل")]

    def _is_clausal_frame(self, index: int) -> bool:
        word = self._word(index)
        if word is None:
            return True
        if word.text in ('"', ":") or self._is_complementizer(word):
            return True
        nxt = self._word(index + 1)
        return word.text in ("علي", "الي") and nxt is not None and self._is_complementizer(nxt)

    def _clause_initial(self, cue: Cue) -> bool:
        previous = self._word(cue.word - 1)
        return previous is None or previous.text in CLAUSE_OR_SENTENCE_END or cue.form.proclitic != ""

    def _with_apposition(self, phrase: tuple[int, int]) -> tuple[int, int]:
        """«رئيسة البعثة الإيطالية، إيلينا مارتيني، …»: a name set off by commas belongs to the mention."""
        comma = phrase[1]
        if self._word(comma) is not None and self.words[comma].text.startswith(("ب", "في")) \
                and self._word(comma + 1) is not None and self.words[comma + 1].text in CLAUSE_END:
            comma += 1  # «مديرة برنامج … بالصومال، فاطمة حسن، …»
        elif self._word(comma) is not None and self.words[comma].text == "في" \
                and self._word(comma + 2) is not None and self.words[comma + 2].text in CLAUSE_END:
            comma += 2  # «مدير مكتب الاتصال الحكومي في قطر، الشيخ سيف بن أحمد آل ثاني، …»
        if self._word(comma) is None or self.words[comma].text not in CLAUSE_END:
            return phrase
        if self._word(comma + 1) is not None and self.words[comma + 1].text in self.vocab.naming_verbs:
            name_end = self.given_name_end(comma + 2)
            after = self._word(name_end)
            if name_end > comma + 2 and after is not None and after.text in CLAUSE_END:
                return phrase[0], name_end  # «أحد سكان الحي، ويدعى علي الشريف، …»
            return phrase
        appositive = self.phrase(comma + 1, min(len(self.words), comma + 1 + MAX_MENTION_WORDS))
        if appositive is None or not appositive.has_name:
            return phrase
        after = self._word(appositive.end)
        if after is not None and (after.text in CLAUSE_END or self._is_complementizer(after) or
                                  is_prepositional(after.text)):
            return phrase[0], appositive.end
        return phrase

    def quoted_outlet(self, index: int) -> Quotation | None:
        """The quotation at word `index` when it names a known outlet («"الشرق الأوسط"»)."""
        word = self._word(index)
        quotation = self._opens_quotation(word) if word is not None else None
        if quotation is None or quotation.close is None:
            return None
        inner = self.a.text[quotation.inner_start:quotation.inner_end].strip()
        return quotation if inner in self.vocab.outlet_names else None

    def document_title(self, index: int) -> Quotation | None:
        """«التقرير، الذي حمل عنوان "آفاق الشباب"»، «دراسة بعنوان "…"»: the title a document is given
        right after word `index` (a quotation with no «عنوان» before it is what the document says)."""
        position = index
        titled = False
        while position < min(len(self.words), index + 5):
            token = self.words[position].text
            if token == '"':
                return self._opens_quotation(self.words[position]) if titled else None
            if token not in self.vocab.title_giving and token not in CLAUSE_END:
                return None
            titled = titled or token in ("عنوان", "بعنوان")
            position += 1
        return None

    def given_name_end(self, index: int) -> int:
        """End of the name that «ويدعى» or «واسمه» gives: its words up to the punctuation, whatever
        they look like («علي» is a name there, not «على»)."""
        end = index
        while end < min(len(self.words), index + MAX_NAME_WORDS) and not self.words[end].is_punct:
            end += 1
        return end

    def _skip_addressee(self, index: int) -> tuple[int, tuple[int, int] | None]:
        word = self._word(index)
        if word is None or not word.text.startswith("ل") or len(word.text) < 4 or word.text.startswith("لان"):
            return index, None
        if not (word.text.startswith("لل") or is_title_head(word.text[1:]) or word.text[1:] in self.counts):
            return index, None  # «دراسة أجراها المركز الوطني لأبحاث …»: a construct, not «to» someone
        if is_outlet_word(word.text):
            return index, None
        end = index + 1
        while end < len(self.words) and end - index < 6:
            token = self.words[end].text
            if self.words[end].is_punct or token in self.vocab.stops or end in self.cue_at or not token.startswith("ال"):
                break
            end += 1
        start = word.start + (2 if word.text.startswith("لل") else 1)
        return end, (start, self.words[end - 1].end)

    def _skip_parenthetical(self, index: int) -> int:
        """Skip «، على هامش …،» or «، الذي حمل عنوان …،» between the subject and the content."""
        nxt = self._word(index + 1)
        if nxt is None or nxt.text in ('"', ":") or self._is_complementizer(nxt) or index + 1 in self.cue_at:
            return index + 1
        end = index + 1
        sentence = nxt.sentence
        while end < len(self.words) and end - index < 15 and self.words[end].sentence == sentence:
            if self.words[end].text in CLAUSE_END:
                return end + 1
            if self._is_complementizer(self.words[end]):
                break  # «…، ويدعى علي الشريف، لـ«الشرق الأوسط» إن …»: the clause goes on, no aside
            end += 1
        return index + 1

    def _quote_before(self, cue: Cue) -> tuple[tuple[int, int], str, int] | None:
        """«"…"، قال فلان»: a closed quotation right before the cue."""
        index = cue.word - 1
        while index >= 0 and self.words[index].text in CLAUSE_END_OR_BREAK:
            index -= 1
        quotation = self._quote_closing_at(index)
        if quotation is None or quotation.inner_end <= quotation.inner_start:
            return None
        return (quotation.inner_start, quotation.inner_end), "direct", cue.word

    def _subject_before(self, cue: Cue) -> tuple[int, int] | None:
        """SVO: the noun phrase that opens the cue's sentence (after a conjunction)."""
        sentence = self.words[cue.word].sentence
        start = cue.word
        # the clause opens at the sentence start or after a complementizer («قالت إن بيانات … تشير»)
        while start > 0 and self.words[start - 1].sentence == sentence and self.words[start - 1].text != "\n" \
                and not self._is_complementizer(self.words[start - 1]):
            start -= 1
        while start < cue.word and (self.words[start].text in self.vocab.conjunctions | KANA
                                    or self.words[start].text in ('"',)):
            start += 1
        openers = [index for index in range(start, cue.word)
                   if self.words[index].text in KANA or self.words[index].text in self.vocab.conjunctions]
        if openers:
            start = openers[-1] + 1  # «وقبلها كان عالم الآثار … قد أعلن»، «…، ولكن عددا من الخبراء قالوا»
        end = cue.word
        while end > start and (self.words[end - 1].text in CLAUSE_END or self.words[end - 1].text == "قد"):
            end -= 1  # «وكانت هذه المجموعة قد أعلنت»
        if end <= start or end - start > 12:
            return None
        for index in range(start, end):
            word = self.words[index]
            if index in self.cue_at or word.text in SENTENCE_END or (
                word.text in self.vocab.stops and word.text not in self.vocab.title_links
                and not (index > start and word.text in RUN_ON_PREPOSITIONS)
            ):
                return None
        first = self.words[start].text
        if is_prepositional(first) or first.startswith(("وفي", "في")):
            return None
        phrase = self.noun_phrase(start, limit=end - start)
        if phrase is None:
            return None
        phrase = self._with_apposition(phrase)
        if phrase[1] < end and self.words[phrase[1]].text in RUN_ON_PREPOSITIONS:
            phrase = phrase[0], self.run_on(phrase[1], end)  # «أدلاء سياحيين في وادي رم أبدوا …»
        elif phrase[1] < end and is_title_head(self.words[phrase[1]].text):
            described = self.noun_phrase(phrase[1], limit=end - phrase[1])
            if described is not None and described[1] == end:
                phrase = phrase[0], end  # «محمد بن صالح الحفيتي أحد أشهر الدلالين أكد …»
        if phrase[1] < end and self.words[phrase[1]].text not in CLAUSE_END:
            # «كاثلين بروكس، محللة اقتصادية بشركة …، قالت»: the name, then a description
            if not (self.words[phrase[1] - 1].index + 1 < end and self.words[phrase[1]].text in CLAUSE_END):
                return None
        return self._span(*phrase)

    def clause_subject_before(self, cue: Cue, after_word: int) -> tuple[int, int] | None:
        """«أنكر الكاتب العام السابق للبلدية جميع التهم، وزعم أنه …»: for a cue whose subject is
        dropped, the subject of the verb that opens its sentence or a clause of it (after a comma),
        when that subject is a person, group or body and comes after word `after_word`."""
        sentence = self.words[cue.word].sentence
        start = cue.word
        while start > 0 and self.words[start - 1].sentence == sentence:
            start -= 1
        found = None
        for position in range(max(start, after_word + 1), cue.word - 1):
            if position > start and self.words[position - 1].text not in CLAUSE_END:
                continue
            verb = self.words[position]
            if verb.is_punct or verb.text.startswith(("ال", "وال")) or verb.text in self.vocab.stops \
                    or is_title_head(verb.text):
                continue
            first = position + 1
            if self.words[first].text in self.vocab.counted_heads and self.words[first + 1].text == "من":
                first += 2  # «تجمع عشرات من نشطاء المجتمع المدني»
            head = self.words[first].text
            if not (is_title_head(head) or strip_article(head) in self.vocab.group_heads
                    or self._is_organisation_head(head)):
                continue
            phrase = self.noun_phrase(first, limit=min(MAX_MENTION_WORDS, cue.word - first))
            if phrase is not None:
                found = self._span(*phrase)
        return found

    def group_before(self, cue: Cue) -> tuple[int, int] | None:
        """For a plural cue with no speaker in sight, the nearest group named in its sentence or the
        one before («خبراء في الأسلحة انتقدوا جميعا هذا الزعم، قائلين …»)."""
        sentence = self.words[cue.word].sentence
        for index in range(cue.word - 1, max(-1, cue.word - GROUP_REACH), -1):
            word = self.words[index]
            if word.sentence < sentence - 1:
                return None
            bare = strip_article(word.text.lstrip("و") if word.text.startswith("و") and len(word.text) > 3
                                 else word.text)
            if bare in self.vocab.group_heads and index not in self.cue_at:
                phrase = self.noun_phrase(index, limit=min(MAX_MENTION_WORDS, cue.word - index))
                if phrase is not None:
                    start = word.start + (1 if word.text.startswith("و") and bare != strip_article(word.text) else 0)
                    return start, self.words[phrase[1] - 1].end
        return None

    def _amma_subject(self, cue: Cue) -> tuple[int, int] | None:
        """«أما فلان فقال»."""
        index = cue.word - 1
        sentence = self.words[cue.word].sentence
        while index >= 0 and cue.word - index <= 2 * MAX_MENTION_WORDS and self.words[index].sentence == sentence:
            if self.words[index].text in ("اما", "واما"):
                end = cue.word
                while end > index + 1 and self.words[end - 1].text in CLAUSE_END:
                    end -= 1
                return self._span(index + 1, end) if end > index + 1 else None
            index -= 1
        return None

    def _noun(self, cue: Cue) -> Arguments | None:
        """قوله إن … / تصريحاته أن …: the frame must follow at once (a few words at most)."""
        index = cue.last_word + 1
        found = None
        for offset in range(4):
            word = self._word(index + offset)
            if word is None or word.is_punct and word.text not in ('"', ":"):
                break
            if word.text == '"' or word.text == ":" or self._is_complementizer(word):
                found = self._frame_at(index + offset, cue)
                break
        if found is None:
            return None
        content, quote_type, frame_word = found
        mention = self._transmitted_speaker(cue)
        return Arguments(content, quote_type, mention, None, self.words[cue.last_word].end, self.words[frame_word].start)

    def _transmitted_speaker(self, cue: Cue) -> tuple[int, int] | None:
        """نسبت وكالة X لـY قوله / نقلت X عن Y قوله: Y, the phrase between لـ/عن and the cue."""
        sentence = self.words[cue.word].sentence
        index = cue.word - 1
        while index >= 0 and self.words[index].sentence == sentence and cue.word - index <= 14:
            token = self.words[index].text
            if token in ("عن", "الي") and index + 1 < cue.word:
                end = cue.word
                while end > index + 1 and self.words[end - 1].text in CLAUSE_END:
                    end -= 1
                return self._span(index + 1, end)
            if token.startswith("ل") and len(token) > 3 and index > 0 and any(
                self.words[j].text in TRANSMISSION_VERBS for j in range(max(0, index - 8), index)
            ) and not is_outlet_word(token):
                start = self.words[index].start + (2 if token.startswith("لل") else 1)
                return start, self.words[cue.word - 1].end
            index -= 1
        return None

    def _document_verb(self, cue: Cue) -> Arguments | None:
        """جاء في البيان أن …: the document after في is the speaker."""
        phrase = self.noun_phrase(cue.last_word + 1)
        index = phrase[1] if phrase else cue.last_word + 1
        frame = self._frame_at(index, cue) or self._search_frame(index, cue)
        if frame is None:
            return None
        content, quote_type, frame_word = frame
        mention = self._span(phrase[0], self.run_on(phrase[1], frame_word)) if phrase else None
        issuer = self._issuer(cue.last_word + 1, frame_word)
        return Arguments(content, quote_type, issuer or mention, None, self.words[cue.last_word].end,
                         self.words[frame_word].start)

    def _issuer(self, start: int, stop: int) -> tuple[int, int] | None:
        """«البيان الصادر عن الوزارة»: the body that issued a document speaks through it."""
        for index in range(start, min(stop, len(self.words)) - 1):
            if strip_article(self.words[index].text) in ("صادر", "صادره") and self.words[index + 1].text == "عن":
                phrase = self.noun_phrase(index + 2)
                return self._span(*phrase) if phrase else None
            if self.words[index].text in self.vocab.issuing_verbs:  # «بيان سابق أصدرته النقابة»
                phrase = self.noun_phrase(index + 1)
                return self._span(*phrase) if phrase else None
        return None

    def _source_phrase(self, cue: Cue) -> tuple[int, int] | None:
        index = cue.last_word + 1
        word = self._word(index)
        if word is None:
            return None
        if cue.next_prefix and word.text == "ل":
            index += 1
            word = self._word(index)
            if word is None:
                return None
        if word.text == "ما" or cue.next_prefix and word.text == cue.next_prefix + "ما":
            # بحسب ما أفادت به الشرطة، حسب ما جاء في التقرير، وفقا لما نشرته الصحيفة
            index += 2
            while self._word(index) is not None and self.words[index].text in ("به", "ه", "بها", "في"):
                index += 1
        phrase = self.noun_phrase(index)
        if phrase is None:
            return None
        phrase = self._with_apposition(phrase)  # «على لسان رئيس جمعية "رقابة" المحلية، منصف الحامي»
        head = self.words[phrase[0]].text
        if cue.next_prefix and head.startswith(cue.next_prefix) and phrase[0] == cue.last_word + 1:
            # للقانون is ل + القانون, للائحة is ل + اللائحة
            readings = ["ال" + head[2:], "ال" + head[1:]] if head.startswith("لل") else [head[len(cue.next_prefix):]]
        else:
            readings = [head]
        if any(strip_article(r) in self.vocab.source_exclusions or r in self.vocab.source_exclusions for r in readings):
            return None
        if head.isdigit() or head in self.vocab.stops:
            return None
        start = self.words[phrase[0]].start
        if phrase[0] == cue.last_word + 1 and cue.next_prefix and self.words[phrase[0]].text.startswith(cue.next_prefix):
            start += len(cue.next_prefix) + (1 if self.words[phrase[0]].text.startswith("لل") else 0)
        if any(strip_article(r) in self.vocab.evidence_heads for r in readings) and phrase[1] - phrase[0] > 1:
            # «استنادا إلى شهادات ناشطين»، «وفقا لأرقام مكتب الأمم المتحدة»: whose evidence it is
            owner = self.noun_phrase(phrase[0] + 1)
            if owner is not None:
                return owner[0], self.run_on(owner[1], len(self.words)), self.words[owner[0]].start
        end = self.run_on(phrase[1], len(self.words))
        if any(strip_article(r) in self.vocab.document_heads for r in readings):
            issuer = self._issuer(phrase[0] + 1, end)
            if issuer is not None:
                first = self.a.word_at(issuer[0])
                return first, self.a.word_at(issuer[1] - 1) + 1, issuer[0]
        return phrase[0], end, start

    def _source(self, cue: Cue) -> Arguments | None:
        """بحسب X، … / … بحسب X: the host clause is the content."""
        found = self._source_phrase(cue)
        if found is None:
            return None
        first, end, mention_start = found
        mention = (mention_start, self.words[end - 1].end)
        sentence = self.words[cue.word].sentence
        start = cue.word
        while start > 0 and self.words[start - 1].sentence == sentence and self.words[start - 1].text != "\n":
            start -= 1
        leading = cue.word - start <= 1 or all(
            self.words[i].text in self.vocab.conjunctions | {"و"} for i in range(start, cue.word))
        if leading:
            index = end
            if self._word(index) is not None and self.words[index].text in CLAUSE_END:
                index += 1
            word = self._word(index)
            if word is not None and word.text in ("فان", "فانه", "فانها", "فانهم"):
                index += 1
            found_content = self._content_from(index, None, clausal=True)
        else:
            before = cue.word
            while before > start and (self.words[before - 1].text in CLAUSE_END or self.words[before - 1].text == "وذلك"):
                before -= 1  # «…، وذلك حسب ما جاء في التقرير»
            if before <= start:
                return None
            quotation = self._quote_closing_at(before - 1)
            if quotation is not None:
                found_content = ((quotation.inner_start, quotation.inner_end), "direct")
            else:
                first_word = start
                while first_word < before and self.words[first_word].text in self.vocab.conjunctions:
                    first_word += 1
                text = self.a.text[self.words[first_word].start:self.words[before - 1].end]
                found_content = ((self.words[first_word].start, self.words[before - 1].end),
                                 "mixed" if '"' in text else "indirect")
        if not found_content:
            return None
        return Arguments(found_content[0], found_content[1], mention, None, self.words[cue.word].start,
                         self.words[end - 1].end)

    def _quote_closing_at(self, index: int) -> Quotation | None:
        word = self._word(index)
        return self.a.quotation_closing_at(word.start) if word is not None and word.text == '"' else None

    def _afterthought(self, cue: Cue) -> Arguments | None:
        """«"…"، على حد قوله»، «"…"، كما قال.»: the quotation or clause before the tag."""
        before = cue.word - (self.words[cue.word - 1].text == "كما" if cue.word else 0)
        while before > 0 and self.words[before - 1].text in CLAUSE_END:
            before -= 1
        quotation = self._quote_closing_at(before - 1)
        if quotation is not None:
            return Arguments((quotation.inner_start, quotation.inner_end), "direct", None, None,
                             self.words[cue.word].start, self.words[cue.last_word].end)
        sentence = self.words[cue.word].sentence
        start = before
        while start > 0 and self.words[start - 1].sentence == sentence and self.words[start - 1].text not in CLAUSE_END_OR_BREAK:
            start -= 1
        if start >= before:
            return None
        text = self.a.text[self.words[start].start:self.words[before - 1].end]
        return Arguments((self.words[start].start, self.words[before - 1].end), "mixed" if '"' in text else "indirect",
                         None, None, self.words[cue.word].start, self.words[cue.last_word].end)
