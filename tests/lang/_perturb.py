"""Offset-tracked perturbations of Arabic text, and an offset-independent view of a result.

A perturbation only inserts characters the normalised view deletes (diacritics, Quranic marks,
tatweel, bidi and zero-width marks; a carriage return before a line feed) or replaces characters by
ones the view folds to the same thing (NBSP and other Unicode spaces for a space; « », “ ”, ” “,
„ “ or `` '' for a pair of ASCII quotes; Arabic-Indic or Persian digits; presentation forms and
lam-alef ligatures; the canonical decomposition of a letter). So the engine must report the same attributions, and `Perturbed.to_orig` maps
every perturbed offset back to the unperturbed text to compare them position for position.
"""

from __future__ import annotations

import random
import re
import unicodedata
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
    description: list[str] = field(default_factory=list)
    merged: list[tuple[int, int]] = field(default_factory=list)  # original ranges now one character

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A perturbed span as offsets into the original."""
        return self.to_orig[start], self.to_orig[end]

    def coarsen(self, start: int, end: int) -> tuple[int, int]:
        """An original span widened to whole merged ranges: a span of the perturbed text cannot
        start or end inside a ligature that stands for two original letters."""
        for a, b in self.merged:
            if a < start < b:
                start = a
            if a < end < b:
                end = b
        return start, end


def apply(original: str, insertions: dict[int, list[str]],
          replacements: dict[int, tuple[int, str]]) -> Perturbed:
    """Insert strings before original offsets and replace ranges `start: (end, new)`, tracking
    offsets. Insertions strictly inside a replaced range are dropped."""
    out: list[str] = []
    to_orig: list[int] = []
    i = 0
    n = len(original)
    while i <= n:
        for piece in insertions.get(i, ()):
            for ch in piece:
                out.append(ch)
                to_orig.append(i)
        if i == n:
            break
        end, new = replacements.get(i, (i + 1, original[i]))
        for ch in new:
            out.append(ch)
            to_orig.append(i)
        i = end
    to_orig.append(n)
    merged = [(start, end) for start, (end, _) in replacements.items() if end - start > 1]
    return Perturbed(original, "".join(out), to_orig, merged=merged)


# --- where each perturbation may go -------------------------------------------------------------
ISOLATED_FORM = {base: chr(cp) for base, cp in zip(
    "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي",
    [0xFE80, 0xFE81, 0xFE83, 0xFE85, 0xFE87, 0xFE89, 0xFE8D, 0xFE8F, 0xFE93, 0xFE95, 0xFE99, 0xFE9D,
     0xFEA1, 0xFEA5, 0xFEA9, 0xFEAB, 0xFEAD, 0xFEAF, 0xFEB1, 0xFEB5, 0xFEB9, 0xFEBD, 0xFEC1, 0xFEC5,
     0xFEC9, 0xFECD, 0xFED1, 0xFED5, 0xFED9, 0xFEDD, 0xFEE1, 0xFEE5, 0xFEE9, 0xFEED, 0xFEEF, 0xFEF1],
)}
# lam-alef ligatures: (isolated, final) forms
LAM_ALEF = {"ا": ("\ufefb", "\ufefc"), "أ": ("\ufef7", "\ufef8"), "إ": ("\ufef9", "\ufefa"),
            "آ": ("\ufef5", "\ufef6")}
ASCII_DIGIT_TO = ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"]
# Ways to write a pair of quotation marks that replaces a pair of ASCII " … ".
QUOTE_STYLES = [("«", "»"), ("“", "”"), ("”", "“"), ("„", "“"), ("``", "''")]


@dataclass
class Sites:
    diacritic: list[int]  # insertion offsets right after an Arabic letter
    tatweel: list[int]  # insertion offsets between two joining letters of a word
    mark: list[int]  # insertion offsets not followed by a combining mark, not inside `` or ''
    space: list[int]  # offsets of ASCII spaces
    letter: list[int]  # offsets of Arabic letters (for presentation forms)
    lam_alef: list[int]  # offsets of a lam followed by an alef
    digit: list[int]  # offsets of ASCII digits
    newline: list[int]  # offsets of line feeds (a carriage return may go before one)
    decomposable: list[int]  # offsets of characters with a canonical decomposition (أ ئ ؤ …)
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
    return Sites(
        diacritic=[i + 1 for i, ch in enumerate(text) if ch in letters],
        tatweel=[i + 1 for i in range(n - 1) if text[i] in DUAL_JOINING and text[i + 1] in JOINS_BACKWARD],
        mark=[i for i in range(n + 1)
              if not (i < n and COMBINING.match(text, i))
              and not (0 < i < n and text[i - 1] == text[i] and text[i] in "`'")],
        space=[i for i, ch in enumerate(text) if ch == " "],
        letter=[i for i, ch in enumerate(text) if ch in ISOLATED_FORM],
        lam_alef=[i for i in range(n - 1) if text[i] == "ل" and text[i + 1] in LAM_ALEF],
        digit=[i for i, ch in enumerate(text) if ch.isascii() and ch.isdigit()],
        newline=[i for i, ch in enumerate(text) if ch == "\n" and (i == 0 or text[i - 1] != "\r")],
        decomposable=[i for i, ch in enumerate(text) if unicodedata.normalize("NFD", ch) != ch],
        ascii_pairs=ascii_quote_pairs(text),
    )


KINDS = ("diacritic", "tatweel", "mark", "space", "presentation", "ligature", "digit", "crlf", "decompose")


def build(text: str, site: Sites, ops: list[tuple[str, int, int]], quote_styles: list[int],
          density: float = 0.0, seed: int = 0) -> Perturbed:
    """Apply `ops`, each (kind, site number, choice); restyle the k-th ASCII pair of quotation
    marks by `QUOTE_STYLES[quote_styles[k] - 1]` (0 leaves it); and vocalise the share `density`
    of all Arabic letters, chosen by `seed`."""
    insertions: dict[int, list[str]] = {}
    replacements: dict[int, tuple[int, str]] = {}
    description = []

    def pick(candidates, number):
        return candidates[number % len(candidates)] if candidates else None

    if density:
        rnd = random.Random(seed)
        for pos in site.diacritic:
            if rnd.random() < density:
                insertions.setdefault(pos, []).append(rnd.choice(HARAKAT))
        description.append(f"vocalised {density:.0%} of letters (seed {seed})")
    for kind, number, choice in ops:
        if kind == "diacritic" and (pos := pick(site.diacritic, number)) is not None:
            piece = (HARAKAT + QURANIC)[choice % (len(HARAKAT) + len(QURANIC))]
            # a mark goes right after its letter, before any mark already there
            insertions.setdefault(pos, []).insert(0, piece)
        elif kind == "tatweel" and (pos := pick(site.tatweel, number)) is not None:
            piece = TATWEEL * (1 + choice % 3)
            insertions.setdefault(pos, []).insert(0, piece)
        elif kind == "mark" and (pos := pick(site.mark, number)) is not None:
            piece = MARKS[choice % len(MARKS)]
            insertions.setdefault(pos, []).append(piece)
        elif kind == "space" and (pos := pick(site.space, number)) is not None:
            piece = SPACES[choice % len(SPACES)]
            replacements.setdefault(pos, (pos + 1, piece))
        elif kind == "presentation" and (pos := pick(site.letter, number)) is not None:
            piece = ISOLATED_FORM[text[pos]]
            replacements.setdefault(pos, (pos + 1, piece))
        elif kind == "ligature" and (pos := pick(site.lam_alef, number)) is not None:
            joined = pos > 0 and text[pos - 1] in DUAL_JOINING
            piece = LAM_ALEF[text[pos + 1]][joined]
            if pos in replacements or pos + 1 in replacements:
                continue
            replacements[pos] = (pos + 2, piece)
        elif kind == "digit" and (pos := pick(site.digit, number)) is not None:
            piece = ASCII_DIGIT_TO[choice % 2][int(text[pos])]
            replacements.setdefault(pos, (pos + 1, piece))
        elif kind == "decompose" and (pos := pick(site.decomposable, number)) is not None:
            piece = unicodedata.normalize("NFD", text[pos])
            replacements.setdefault(pos, (pos + 1, piece))
        elif kind == "crlf" and (pos := pick(site.newline, number)) is not None:
            piece = "\r"
            if "\r" in insertions.get(pos, ()):
                continue
            insertions.setdefault(pos, []).append(piece)
        else:
            continue
        description.append(f"{kind} {piece!r} at {pos}")
    for (opened, closed), style in zip(site.ascii_pairs, quote_styles):
        if style:
            left, right = QUOTE_STYLES[(style - 1) % len(QUOTE_STYLES)]
            replacements[opened] = (opened + 1, left)
            replacements[closed] = (closed + 1, right)
            description.append(f"{left}{right} for the quotes at {opened}, {closed}")
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


def signature(result: dict, map_span, names: bool = True) -> dict:
    """The result with every offset mapped by `map_span(start, end)` (to the unperturbed text)
    and every name folded (or left out, with `names=False`)."""

    def span(s):
        return None if s is None else map_span(s["start"], s["end"])

    def name(text):
        return fold(text) if names else None

    def named(n):
        return None if n is None else (name(n["name"]), span(n))

    quotes = []
    for q in result["quotes"]:
        speaker = q["speaker"]
        quotes.append({
            "type": q["type"],
            "cue": (span(q["cue"]), q["cue"]["lemma"], q["cue"]["class"]),
            "content": span(q["content"]),
            "speaker": None if speaker is None else (
                name(speaker["name"]), speaker["entity"], span(speaker["mention"]), speaker["resolution"]),
            "agency": named(q["agency"]),
            "addressee": named(q["addressee"]),
            "confidence": q["confidence"],
        })
    entities = [(e["id"], name(e["name"]), e["kind"], [span(m) for m in e["mentions"]])
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
