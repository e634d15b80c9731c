"""Tokenizer rules the blank Arabic pipeline lacks: quotation marks, colons and Arabic punctuation
glued to words (قالت:"نحن، للإرهابيين".، وبـ"تطبيع) become tokens of their own."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from . import punctuation as p

# the parser of the re module, to read what an affix pattern's matches start with
try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # Python 3.10
    import sre_parse

_MARKS = "[" + "".join(p.QUOTES) + ":،؛؟]"
_PTB = r"(?:``|'')"
# spaCy caches the tokens of 10,000 distinct chunks and then stops caching: the 782 articles of the
# shared pool have about 71,000, so most of a long job was tokenized afresh (0.54 s a warm pass over
# the pool; 0.32 s with this cache, which costs 4.5 MB more there). The batch job rebuilds the
# pipeline once its vocabulary is large, which empties the cache.
TOKEN_CACHE_CHUNKS = 200_000


def _rules_that_split(rules: dict) -> dict:
    """The special cases without those that make one character the token it is: a character is one
    token whatever the rules. They cost speed: once a special case has matched in a text, spaCy 3.8
    caches nothing more of that text (explosion/spaCy#13950), and the rules for a line break and a
    tab match at the first paragraph break of nearly every article. Without them a warm pass over
    the pool tokenizes 5,800 chunks afresh instead of 53,000, and takes 0.19 s instead of 0.36 s."""
    return {orth: tokens for orth, tokens in rules.items() if not (len(orth) == 1 and tokens == [{ORTH: orth}])}


def customize_tokenizer(nlp: Language) -> None:
    blank = nlp.tokenizer
    prefixes = [_PTB, _MARKS] + list(nlp.Defaults.prefixes)
    suffixes = [_PTB, _MARKS, r"\."] + list(nlp.Defaults.suffixes)
    infixes = [_PTB, _MARKS] + list(nlp.Defaults.infixes)
    # One tokenizer made with all its rules: each rule set on the blank one reloads a thousand
    # special cases.
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        rules=_rules_that_split(blank.rules),
        # prefix rules are anchored at the start, the only place the regex engine then tries: quick already
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=quick_rejecting(compile_suffix_regex(suffixes)).search,
        infix_finditer=quick_rejecting(compile_infix_regex(infixes)).finditer,
        token_match=blank.token_match,
        # spaCy's URL pattern swallows «جيل».واعترف» whole; Arabic news copy glues words that way
        url_match=None,
        faster_heuristics=blank.faster_heuristics,
        max_cache_size=TOKEN_CACHE_CHUNKS,
    )


class QuickRejectingPattern:
    """An affix pattern behind a one-class test. spaCy runs its affix patterns on every piece of
    text it has not cached, and most pieces are bare words where none of them matches: but a match
    has one of a few characters (punctuation, quotes, symbols, digits) at its start or just before,
    so one scan for those rejects a bare word, and otherwise the search starts at the first of them.
    `pattern` is the source spaCy serialises."""

    def __init__(self, compiled: re.Pattern, first: re.Pattern):
        self.pattern = compiled.pattern
        # bound once: these run for every word the tokenizer has not cached
        self._search = compiled.search
        self._finditer = compiled.finditer
        self._first = first.search

    def search(self, string: str) -> re.Match | None:
        found = self._first(string)
        return None if found is None else self._search(string, found.start())

    def finditer(self, string: str) -> Iterable[re.Match]:
        found = self._first(string)
        return () if found is None else self._finditer(string, found.start())


def quick_rejecting(compiled: re.Pattern) -> QuickRejectingPattern | re.Pattern:
    """`compiled` behind a test of the characters its matches start with or follow; `compiled`
    itself when they cannot be worked out."""
    if compiled.flags & re.IGNORECASE:
        return compiled
    witness = _witness(sre_parse.parse(compiled.pattern, compiled.flags))
    if witness is None:
        return compiled
    return QuickRejectingPattern(compiled, re.compile("[" + "".join(witness[0]) + "]"))


Witness = tuple[list[str], int]  # character class items, and how many characters they hold


def _witness(sequence) -> Witness | None:
    """Characters one of which any match of the parsed `sequence` has at its start or, in a
    lookbehind, before it; of the candidates, the fewest («(?<=[0-9])كم» is found by its digit, not
    its kaf; «(?<=[a-z])\\.» by its period). None when that cannot be told: a first element that
    may match nothing, a negated class, a construct not read here."""
    candidates = []
    for op, av in sequence:
        if op is sre_parse.ASSERT:  # a lookahead or a lookbehind: what it sees is at or before the start
            candidates.append(_witness(av[1]))
            continue
        if op in (sre_parse.AT, sre_parse.ASSERT_NOT):
            continue  # zero width, and says nothing of what is there
        candidates.append(_consumed_first(op, av))
        break
    known = [c for c in candidates if c is not None]
    return min(known, key=lambda witness: witness[1]) if known else None


def _consumed_first(op, av) -> Witness | None:
    """The characters the first character read by one parsed element can be."""
    if op is sre_parse.LITERAL:
        return [re.escape(chr(av))], 1
    if op is sre_parse.IN:
        return _class_items(av)
    if op is sre_parse.BRANCH:
        branches = [_witness(branch) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        return [item for items, _ in branches for item in items], sum(size for _, size in branches)
    if op is sre_parse.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
        return _witness(av[3])
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and av[0] >= 1:
        return _witness(av[2])
    return None


def _class_items(items) -> Witness | None:
    out, size = [], 0
    for op, av in items:
        if op is sre_parse.LITERAL:
            out.append(re.escape(chr(av)))
            size += 1
        elif op is sre_parse.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
            size += av[1] - av[0] + 1
        else:  # a negation or a category: not worth reading
            return None
    return out, size


class TextKeepingTokenizer:
    """Wraps a tokenizer so that each Doc remembers the exact string it was made from."""

    def __init__(self, tokenizer, key: str):
        self.tokenizer = tokenizer
        self.key = key

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc.user_data[self.key] = text
        return doc

    def __getattr__(self, name):
        if name == "tokenizer":  # not set yet while unpickling
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
