"""Offset-tracked perturbations of Arabic text, and an offset-independent view of a result.

A perturbation only inserts characters the normalised view deletes (diacritics, Quranic marks,
tatweel, bidi and zero-width marks) or replaces one character by one the view folds to the same
thing (NBSP and other Unicode spaces for a space, « » for a pair of ASCII quotes). So the engine
must report the same attributions, and `Perturbed.to_orig` maps every perturbed offset back to the
unperturbed text to compare them position for position.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from attrib.lang.ar import fold
from attrib.text import AnalysedText

# --- character classes --------------------------------------------------------------------------
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
# Letters that join to the following letter: a tatweel may follow them inside a word.
DUAL_JOINING = frozenset("ئبتثجحخسشصضطظعغفقكلمنهيى")
# Letters that join to the preceding letter: a tatweel may precede them.
JOINS_BACKWARD = DUAL_JOINING | frozenset("آأؤإاةدذرزو")

HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0652", "\u064b", "\u064c", "\u064d", "\u0651",
           "\u0651\u064e", "\u0651\u0650", "\u0670"]
QURANIC = ["\u0610", "\u0615", "\u06d6", "\u06da", "\u06e1"]
MARKS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202b\u202c",
         "\u2067\u2069", "\u202a", "\u202c", "\u2068", "\ufeff"]
SPACES = ["\u00a0", "\u00a0", "\u202f", "\u2009", "\u2002", "\u3000"]
TATWEEL = "\u0640"

COMBINING = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640]")
INVISIBLE = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
DELETED = re.compile(COMBINING.pattern[:-1] + INVISIBLE.pattern[1:])


# --- applying edits -----------------------------------------------------------------------------
@dataclass
class Perturbed:
    original: str
    text: str
    to_orig: list[int]  # perturbed offset (0..len) -> offset of the same place in `original`
    inserted: list[bool]  # per perturbed character: not in the original
    description: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_orig[start], self.to_orig[end]


def apply(original: str, insertions: dict[int, list[str]], replacements: dict[int, str]) -> Perturbed:
    """Insert strings before original offsets and replace single characters, tracking offsets."""
    out: list[str] = []
    to_orig: list[int] = []
    inserted: list[bool] = []
    for i in range(len(original) + 1):
        for piece in insertions.get(i, ()):
            for ch in piece:
                out.append(ch)
                to_orig.append(i)
                inserted.append(True)
        if i < len(original):
            out.append(replacements.get(i, original[i]))
            to_orig.append(i)
            inserted.append(False)
    to_orig.append(len(original))
    return Perturbed(original, "".join(out), to_orig, inserted)


def identity(text: str) -> Perturbed:
    return Perturbed(text, text, list(range(len(text) + 1)), [False] * len(text))


# --- where each perturbation may go -------------------------------------------------------------
@dataclass
class Sites:
    diacritic: list[int]  # insertion offsets right after an Arabic letter
    tatweel: list[int]  # insertion offsets between two joining letters of a word
    mark: list[int]  # insertion offsets not followed by a combining mark, not inside `` or ''
    space: list[int]  # offsets of ASCII spaces
    ascii_pairs: list[tuple[int, int]]  # original offsets of paired ASCII quotation marks


def ascii_quote_pairs(text: str) -> list[tuple[int, int]]:
    analysed = AnalysedText(text)
    pairs = []
    for quotation in analysed.quotations:
        if quotation.close is None:
            continue
        opened = analysed.view.orig_start(quotation.open)
        closed = analysed.view.orig_start(quotation.close)
        if text[opened] == '"' and text[closed] == '"':
            pairs.append((opened, closed))
    return pairs


def sites(text: str) -> Sites:
    n = len(text)
    letters = set(ARABIC_LETTERS)
    diacritic = [i + 1 for i, ch in enumerate(text) if ch in letters]
    tatweel = [i + 1 for i in range(n - 1) if text[i] in DUAL_JOINING and text[i + 1] in JOINS_BACKWARD]
    mark = [
        i for i in range(n + 1)
        if not (i < n and COMBINING.match(text, i))
        and not (0 < i < n and text[i - 1] == text[i] and text[i] in "`'")
    ]
    space = [i for i, ch in enumerate(text) if ch == " "]
    return Sites(diacritic, tatweel, mark, space, ascii_quote_pairs(text))


def build(text: str, site: Sites, ops: list[tuple[str, int, int]], swap: list[bool],
          density: float = 0.0, seed: int = 0) -> Perturbed:
    """`ops` are (kind, site number, choice); `swap[k]` turns the k-th ASCII pair into « »;
    `density` vocalises that share of all Arabic letters (chosen by `seed`)."""
    insertions: dict[int, list[str]] = {}
    replacements: dict[int, str] = {}
    description = []
    if density:
        rnd = random.Random(seed)
        for pos in site.diacritic:
            if rnd.random() < density:
                insertions.setdefault(pos, []).append(rnd.choice(HARAKAT))
        description.append(f"vocalised {density:.0%} of letters (seed {seed})")
    for kind, number, choice in ops:
        if kind == "diacritic" and site.diacritic:
            pos = site.diacritic[number % len(site.diacritic)]
            piece = (HARAKAT + QURANIC)[choice % (len(HARAKAT) + len(QURANIC))]
            # a mark goes right after the letter, before any mark already there
            insertions.setdefault(pos, []).insert(0, piece)
        elif kind == "tatweel" and site.tatweel:
            pos = site.tatweel[number % len(site.tatweel)]
            piece = TATWEEL * (1 + choice % 3)
            insertions.setdefault(pos, []).insert(0, piece)
        elif kind == "mark" and site.mark:
            pos = site.mark[number % len(site.mark)]
            piece = MARKS[choice % len(MARKS)]
            insertions.setdefault(pos, []).append(piece)
        elif kind == "space" and site.space:
            pos = site.space[number % len(site.space)]
            piece = SPACES[choice % len(SPACES)]
            replacements[pos] = piece
        else:
            continue
        description.append(f"{kind} {piece!r} at {pos}")
    for (opened, closed), on in zip(site.ascii_pairs, swap):
        if on:
            replacements[opened] = "«"
            replacements[closed] = "»"
            description.append(f"«» for the quotes at {opened}, {closed}")
    perturbed = apply(text, insertions, replacements)
    perturbed.description = description
    return perturbed


# --- comparing results --------------------------------------------------------------------------
def iter_spans(result: dict):
    """Every (role, span dict) of a result's `to_dict()`."""
    if result["source"]:
        yield "source", result["source"]
    for quote in result["quotes"]:
        qid = quote["id"]
        yield f"{qid}.cue", quote["cue"]
        yield f"{qid}.content", quote["content"]
        if quote["speaker"] and quote["speaker"]["mention"]:
            yield f"{qid}.speaker.mention", quote["speaker"]["mention"]
        for role in ("agency", "addressee"):
            if quote[role]:
                yield f"{qid}.{role}", quote[role]
    for entity in result["entities"]:
        for k, mention in enumerate(entity["mentions"]):
            yield f"{entity['id']}.mention{k}", mention


def iter_names(result: dict):
    for quote in result["quotes"]:
        if quote["speaker"]:
            yield f"{quote['id']}.speaker.name", quote["speaker"]["name"]
        for role in ("agency", "addressee"):
            if quote[role]:
                yield f"{quote['id']}.{role}.name", quote[role]["name"]
    for entity in result["entities"]:
        yield f"{entity['id']}.name", entity["name"]


def span_problems(text: str, result: dict) -> list[str]:
    """Spans that are not exact slices of `text`, or that start on a mark, split a word's marks off
    it, or start/end on white space."""
    problems = []
    for role, span in iter_spans(result):
        start, end, value = span["start"], span["end"], span["text"]
        if not (0 <= start <= end <= len(text)) or text[start:end] != value:
            problems.append(f"{role}: {value!r} != text[{start}:{end}] = {text[start:end]!r}")
            continue
        if not value:
            problems.append(f"{role}: empty span at {start}")
            continue
        if DELETED.match(value):
            problems.append(f"{role}: {value!r} starts with a mark {value[0]!r}")
        if INVISIBLE.match(value[-1]):
            problems.append(f"{role}: {value!r} ends with an invisible mark {value[-1]!r}")
        if end < len(text) and COMBINING.match(text, end) and not value[-1].isspace():
            problems.append(f"{role}: {value!r} leaves the mark {text[end]!r} of its last letter behind")
        if value != value.strip():
            problems.append(f"{role}: {value!r} starts or ends with white space")
    return problems


def name_problems(result: dict) -> list[str]:
    problems = []
    for role, name in iter_names(result):
        if not name or DELETED.match(name) or name != name.strip() or INVISIBLE.search(name[-1]):
            problems.append(f"{role}: malformed name {name!r}")
    return problems


def signature(result: dict, perturbed: Perturbed) -> dict:
    """The result with every offset mapped to the unperturbed text and every name folded."""

    def span(s):
        return None if s is None else perturbed.span(s["start"], s["end"])

    def named(n):
        return None if n is None else (fold(n["name"]), span(n))

    quotes = []
    for q in result["quotes"]:
        speaker = q["speaker"]
        quotes.append({
            "type": q["type"],
            "cue": (span(q["cue"]), q["cue"]["lemma"], q["cue"]["class"]),
            "content": span(q["content"]),
            "speaker": None if speaker is None else (
                fold(speaker["name"]), speaker["entity"], span(speaker["mention"]), speaker["resolution"]),
            "agency": named(q["agency"]),
            "addressee": named(q["addressee"]),
            "confidence": q["confidence"],
        })
    entities = [(e["id"], fold(e["name"]), e["kind"], [span(m) for m in e["mentions"]])
                for e in result["entities"]]
    return {"source": span(result["source"]), "quotes": quotes, "entities": entities}


def first_difference(expected: dict, actual: dict) -> str:
    if expected["source"] != actual["source"]:
        return f"source {expected['source']} != {actual['source']}"
    if len(expected["quotes"]) != len(actual["quotes"]):
        return f"{len(expected['quotes'])} quotes != {len(actual['quotes'])}"
    for k, (a, b) in enumerate(zip(expected["quotes"], actual["quotes"]), 1):
        for key in a:
            if a[key] != b[key]:
                return f"q{k}.{key}: {a[key]} != {b[key]}"
    for a, b in zip(expected["entities"], actual["entities"]):
        if a != b:
            return f"entity {a} != {b}"
    return "entities differ" if expected != actual else ""
