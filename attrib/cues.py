"""Reporting cues: the lexicon compiled to surface forms, and the finder that marks them in a text.

The lexicon (`reporting_verbs.v1`) lists base forms only; inflection, proclitics and pronoun
enclitics are added here by rule, and every form is folded the same way the text view is, so
diacritics, hamza spelling and ta marbuta never decide a match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from . import lexicon
from .lang.ar import fold
from .text import AnalysedText

VERB_PROCLITICS = ("", "و", "ف")
IMPERFECT_PROCLITICS = ("", "و", "ف", "س", "وس", "فس", "ل", "ول")
PARTICIPLE_PROCLITICS = ("", "و")
NOUN_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
NOUN_ENCLITICS = {"": None, "ه": ("m", "sg"), "ها": ("f", "sg"), "هم": ("m", "pl"), "هما": (None, "du"),
                  "هن": ("f", "pl"), "ي": None, "نا": None}
OBJECT_ENCLITICS = ("ه", "ها", "هم", "هما", "ني", "نا")
PERFECT_SUFFIXES = {"": ("m", "sg"), "ت": ("f", "sg"), "وا": ("m", "pl"), "ا": ("m", "du"),
                    "تا": ("f", "du"), "ن": ("f", "pl")}
PARTICIPLE_SUFFIXES = {"ا": ("m", "sg"), "ة": ("f", "sg"), "ين": ("m", "pl"), "ون": ("m", "pl"),
                       "تين": ("f", "du"), "ات": ("f", "pl"), "ان": ("m", "du")}


@dataclass(frozen=True, slots=True)
class CueForm:
    lemma: str
    cue_class: str
    frames: tuple[str, ...]
    kind: str  # verb | imperfect | passive | participle | noun | source | afterthought | verb_phrase | document_verb
    gender: str | None = None
    number: str | None = None
    proclitic: str = ""
    words: int = 1


@dataclass(slots=True)
class Cue:
    """A cue found in a text: view span of the cue itself (proclitics excluded)."""

    start: int
    end: int
    word: int  # index of the cue's first word
    last_word: int
    form: CueForm
    next_prefix: str | None = None


class CueLexicon:
    def __init__(self, verbs: list[dict], phrases: list[dict], exclusions: list[str]):
        self.forms: dict[str, CueForm] = {}
        # first word (with its proclitic) -> [(remaining words, form, required prefix of the next
        # word, proclitic length)], longest phrase first
        self.phrases: dict[str, list[tuple[tuple[str, ...], CueForm, str | None, int]]] = {}
        excluded = {fold(x) for x in exclusions}
        for entry in verbs:
            self._add_entry(entry)
        for form in list(self.forms):
            if form in excluded:
                del self.forms[form]
        for entry in phrases:
            self._add_phrase(entry)
        self._openers = frozenset(self.forms).union(self.phrases)

    def _put(self, surface: str, form: CueForm) -> None:
        self.forms.setdefault(fold(surface), form)

    def _add_entry(self, entry: dict) -> None:
        lemma, cls = entry["lemma"], entry["class"]
        frames = tuple(entry.get("frames") or ())

        def form(kind, gn=None, proclitic=""):
            gender, number = gn or (None, None)
            return CueForm(lemma, cls, frames, kind, gender, number, proclitic)

        for base in entry.get("perfect") or ():
            defective = base.endswith(("ى", "ا")) and len(base) > 2
            for suffix, gn in PERFECT_SUFFIXES.items():
                if defective and suffix:
                    continue
                for pro in VERB_PROCLITICS:
                    self._put(pro + base + suffix, form("verb", gn, pro))
                    if suffix in ("", "ت"):
                        for enclitic in OBJECT_ENCLITICS:
                            self._put(pro + base + suffix + enclitic, form("verb", gn, pro))
        for base in entry.get("imperfect") or ():
            stem = base[1:]
            variants = {"ي" + stem: ("m", "sg"), "ت" + stem: ("f", "sg")}
            if not base.endswith(("ي", "و", "ى")):
                variants.update({"ي" + stem + "ون": ("m", "pl"), "ي" + stem + "ان": ("m", "du"),
                                 "ت" + stem + "ان": ("f", "du"), "ي" + stem + "ن": ("f", "pl")})
            for surface, gn in variants.items():
                for pro in IMPERFECT_PROCLITICS:
                    self._put(pro + surface, form("imperfect", gn, pro))
        for base in entry.get("passive") or ():
            for pro in VERB_PROCLITICS:
                self._put(pro + base, form("passive", None, pro))
        for base in entry.get("participle") or ():
            for suffix, gn in PARTICIPLE_SUFFIXES.items():
                for pro in PARTICIPLE_PROCLITICS:
                    self._put(pro + base + suffix, form("participle", gn, pro))
                    if suffix == "ا":
                        self._put(pro + base + "اً", form("participle", gn, pro))
        for base in entry.get("nouns") or ():
            bound = base[:-1] + "ت" if base.endswith("ة") else base
            for enclitic, gn in NOUN_ENCLITICS.items():
                stem = bound + enclitic if enclitic else base
                for pro in NOUN_PROCLITICS:
                    self._put(pro + stem, form("noun", gn, pro))
        for extra in entry.get("perfect_forms") or ():
            kind = "participle" if extra.startswith("م") or extra.endswith(("يا", "ية")) else "verb"
            gn = _guess_features(extra)
            for pro in VERB_PROCLITICS:
                self._put(pro + extra, form(kind, gn, pro))

    def _add_phrase(self, entry: dict) -> None:
        words = tuple(fold(w) for w in entry["words"])
        form = CueForm(entry["lemma"], entry["class"], tuple(entry.get("frames") or ()), entry["kind"],
                       entry.get("gender"), entry.get("number"), "", len(words))
        for pro in VERB_PROCLITICS:
            self.phrases.setdefault(pro + words[0], []).append((words[1:], form, entry.get("next_prefix"), len(pro)))
        for options in self.phrases.values():
            options.sort(key=lambda option: -len(option[0]))

    def find(self, analysed: AnalysedText) -> list[Cue]:
        words = analysed.words
        tokens = analysed.tokens
        cues: list[Cue] = []
        skip_until = -1
        forms = self.forms
        phrases = self.phrases
        # only words that can open a cue are looked at, and `compress` finds them in C
        openers = self._openers
        for index in compress(range(len(tokens)), map(openers.__contains__, tokens)):
            if index <= skip_until:
                continue
            word = words[index]
            token = word.text
            options = phrases.get(token)
            if options:
                matched = self._match_phrase(words, tokens, word, options)
                if matched:
                    cues.append(matched)
                    skip_until = matched.last_word
                    continue
            form = forms.get(token)
            if form is not None:
                cues.append(Cue(word.start + len(form.proclitic), word.end, word.index, word.index, form))
        return cues

    @staticmethod
    def _match_phrase(words, tokens, first, options) -> Cue | None:
        # options come longest first: one slice holds the words after `first` for all of them
        after = tuple(tokens[first.index + 1:first.index + 1 + len(options[0][0])])
        for rest, form, next_prefix, proclitic in options:
            if after[:len(rest)] != rest:  # also when the text ends before the phrase would
                continue
            end_index = first.index + len(rest)
            if next_prefix:
                following = words[end_index + 1] if end_index + 1 < len(words) else None
                if following is None or not following.text.startswith(next_prefix):
                    continue
            return Cue(first.start + proclitic, words[end_index].end, first.index, end_index, form, next_prefix)
        return None


def _guess_features(surface: str):
    folded = fold(surface)
    if folded.endswith(("وا", "ون", "ين")):
        return ("m", "pl")
    if folded.endswith(("ت", "ه", "يه")) or folded.startswith("ت"):
        return ("f", "sg")
    return ("m", "sg")


@lru_cache(maxsize=None)
def load_cue_lexicon(
    verbs: str = "reporting_verbs.v1", phrases: str = "cue_phrases.v1", exclusions: str = "cue_exclusions.v1"
) -> CueLexicon:
    return CueLexicon(lexicon.load(verbs), lexicon.load(phrases), lexicon.load(exclusions)["forms"])
