"""The tokenizer fixes (`attrib/lang/ar/tokenizer.py`): quotation marks, colons and Arabic
punctuation glued to words become tokens of their own, and token offsets index the original."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.symbols import ORTH
from hypothesis import given, settings
from hypothesis import strategies as st

import attrib
from attrib.lang.ar.tokenizer import TOKEN_CACHE_CHUNKS, QuickRejectingPattern, quick_rejecting

from ._corpus import all_texts

QUOTE_CHARS = set('"«»“”„‘’‹›')

CASES = [
    ("colon-quote", 'قالت:"نحن', ["قالت", ":", '"', "نحن"]),
    ("quote-period", 'للإرهابيين".', ["للإرهابيين", '"', "."]),
    ("clitic-tatweel-quote", 'وبـ"تطبيع', ["وبـ", '"', "تطبيع"]),
    ("seed-mixed-quote", 'فإنها هدف "للإرهابيين".', ["فإنها", "هدف", '"', "للإرهابيين", '"', "."]),
    ("seed-bi-tatweel", 'وبـ"تطبيع" العلاقات', ["وبـ", '"', "تطبيع", '"', "العلاقات"]),
    ("colon-guillemets", "قال:«نحن»", ["قال", ":", "«", "نحن", "»"]),
    ("curly-period", "قال “نعم”.", ["قال", "“", "نعم", "”", "."]),
    ("mirrored-curly", "قال ”نعم“.", ["قال", "”", "نعم", "“", "."]),
    ("arabic-comma-quote", 'قال،"نعم"؛ ثم', ["قال", "،", '"', "نعم", '"', "؛", "ثم"]),
    ("question-mark", 'وتساءل:"لماذا؟"', ["وتساءل", ":", '"', "لماذا", "؟", '"']),
    ("vocalised", 'قَالَتْ:"نَحْنُ', ["قَالَتْ", ":", '"', "نَحْنُ"]),
    ("presentation-forms", 'ﻗﺎﻝ:"ﻻ"', ["ﻗﺎﻝ", ":", '"', "ﻻ", '"']),
    ("article-tatweel-quote", 'الـ"فيتو"', ["الـ", '"', "فيتو", '"']),
    ("ptb-spaced", "``نعم'' قال", ["``", "نعم", "''", "قال"]),
    ("parentheses", "(«نعم»)", ["(", "«", "نعم", "»", ")"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_glued_marks_are_tokens_of_their_own(ar_nlp, text, expected):
    doc = ar_nlp.tokenizer(text)
    assert [t.text for t in doc] == expected
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_token_offsets_index_the_original_text(ar_nlp):
    text = "وقال\u00a0الوزير:\u200f «نَحْنُ هُنا»، وأمر بـ\"تطبيع\" العلاقات."
    doc = ar_nlp.tokenizer(text)
    assert "".join(t.text_with_ws for t in doc) == text
    offsets = {t.text: t.idx for t in doc if not t.is_space}
    assert offsets["«"] == text.index("«")
    assert offsets["نَحْنُ"] == text.index("نَحْنُ")
    assert offsets["»"] == text.index("»")
    assert offsets["تطبيع"] == text.index("تطبيع")
    assert offsets["بـ"] == text.index("بـ")


@pytest.mark.parametrize("key", sorted(all_texts()))
def test_corpus_tokens_are_slices_and_quotes_stand_alone(ar_nlp, key):
    text = all_texts()[key]
    doc = ar_nlp.tokenizer(text)
    assert "".join(t.text_with_ws for t in doc) == text
    glued = []
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
        if len(token.text) > 1 and QUOTE_CHARS & set(token.text):
            glued.append(token.text)
    assert glued == [], glued


@pytest.mark.parametrize(
    "text,expected",
    [
        ("قال: ``نعم''.", ["قال", ":", "``", "نعم", "''", "."]),
        ("قال:``نعم''.", ["قال", ":", "``", "نعم", "''", "."]),
    ],
)
def test_ptb_quotes_before_punctuation(ar_nlp, text, expected):
    assert [t.text for t in ar_nlp.tokenizer(text)] == expected


def test_quote_between_words_without_space(ar_nlp):
    assert [t.text for t in ar_nlp.tokenizer("جيل».واعترف")] == ["جيل", "»", ".", "واعترف"]


# ------------------------------------------------------------------------------------------------
# the affix patterns' quick rejection changes no result, only how soon a bare word is let go
# ------------------------------------------------------------------------------------------------
AFFIX_ALPHABET = list("قال انكمسج.,،:؛؟!?\"'`«»“”()[]{}-–—~+*^/<>=%$€km²0123456789٠١aZéÉ…_#&@©°") + [
    "\u0640", "\u064e", "\ufdfc", "\u200f", "\u00a0"]


def _affix_patterns(nlp):
    tokenizer = nlp.tokenizer.tokenizer
    return {"suffix": tokenizer.suffix_search.__self__, "infix": tokenizer.infix_finditer.__self__}


def test_affix_patterns_reject_bare_arabic_words_quickly(ar_nlp):
    for pattern in _affix_patterns(ar_nlp).values():
        assert isinstance(pattern, QuickRejectingPattern)


@settings(max_examples=2000, deadline=None, database=None)
@given(st.lists(st.sampled_from(AFFIX_ALPHABET), max_size=10).map("".join))
def test_quick_rejection_finds_what_the_pattern_finds(ar_nlp, string):
    patterns = _affix_patterns(ar_nlp)
    suffix, infix = patterns["suffix"], patterns["infix"]
    plain_suffix, plain_infix = re.compile(suffix.pattern), re.compile(infix.pattern)
    found = suffix.search(string)
    expected = plain_suffix.search(string)
    assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in infix.finditer(string)] == [m.span() for m in plain_infix.finditer(string)]


@pytest.mark.parametrize(
    "source, hits, misses",
    [
        (r"(?<=[0-9])(?:كم|م)$", ["5كم", "10م", "12م"], ["كم", "م", "سلام", "١٠م"]),  # found by the digit before
        (r"(?<=[a-zا-ي])\.$", ["ab.", "قال."], ["قال", "..", "5."]),  # found by the period
        (r"\.\.+|…|(?<=[0-9])[+\-](?=[0-9])", ["a...b", "1+2", "…"], ["1+", "+2", "قال"]),
    ],
)
def test_quick_rejection_of_lookbehinds_and_branches(source, hits, misses):
    quick = quick_rejecting(re.compile(source))
    assert isinstance(quick, QuickRejectingPattern)
    plain = re.compile(source)
    for string in hits + misses:
        found, expected = quick.search(string), plain.search(string)
        assert (found and found.span()) == (expected and expected.span()), string
        assert [m.span() for m in quick.finditer(string)] == [m.span() for m in plain.finditer(string)]
    assert all(quick.search(string) for string in hits)
    assert not any(quick.search(string) for string in misses)


@pytest.mark.parametrize("source", [r"a*b", r"[^a]b", r"(?i:a)b", r"\wb", r"(?<!a)"])
def test_patterns_whose_first_characters_are_unknown_are_left_alone(source):
    compiled = re.compile(source)
    assert quick_rejecting(compiled) is compiled


def test_the_tokenizer_serialises_its_plain_patterns(ar_nlp):
    restored = spacy.blank("ar").tokenizer.from_bytes(ar_nlp.tokenizer.to_bytes())
    for text in ['قالت:"نحن، للإرهابيين".، وبـ"تطبيع" ١٢كم', *all_texts().values()]:
        assert [(t.idx, t.text) for t in restored(text)] == [(t.idx, t.text) for t in ar_nlp.tokenizer(text)]


def test_corpus_tokens_are_those_of_the_plain_patterns(ar_nlp):
    patterns = _affix_patterns(ar_nlp)
    plain = attrib.load().tokenizer.tokenizer
    plain.suffix_search = re.compile(patterns["suffix"].pattern).search
    plain.infix_finditer = re.compile(patterns["infix"].pattern).finditer
    for text in all_texts().values():
        assert [(t.idx, t.text) for t in plain(text)] == [(t.idx, t.text) for t in ar_nlp.tokenizer(text)]


def test_the_large_token_cache_gives_the_tokens_of_an_uncached_tokenizer(ar_nlp):
    assert ar_nlp.tokenizer.max_cache_size == TOKEN_CACHE_CHUNKS > spacy.blank("ar").tokenizer.max_cache_size
    uncached = attrib.load().tokenizer.tokenizer
    uncached.max_cache_size = 0
    texts = list(all_texts().values())
    for text in texts + texts:  # the second round comes out of the cache
        assert [(t.idx, t.text) for t in ar_nlp.tokenizer(text)] == [(t.idx, t.text) for t in uncached(text)]


def test_no_special_case_only_makes_one_character_a_token(ar_nlp):
    rules = ar_nlp.tokenizer.rules
    assert not [orth for orth in rules if len(orth) == 1 and rules[orth] == [{ORTH: orth}]]
    assert "\xa0" in rules and "’’" in rules  # a rule that sets a norm, or joins characters, stays


WHITESPACE_AND_SINGLE_CHARACTERS = [
    "قال:\n«نعم»\n\nوأضاف\t“لا”",
    "الرئيس — كما قال — ’نعم’ و'لا'",
    "وقال :\u00a0\"نحن\"\n—\n’",
]


def test_the_tokens_are_those_of_spacys_full_special_cases(ar_nlp):
    full = attrib.load().tokenizer.tokenizer
    full.rules = spacy.blank("ar").tokenizer.rules
    assert len(full.rules) > len(ar_nlp.tokenizer.rules)
    for text in WHITESPACE_AND_SINGLE_CHARACTERS + list(all_texts().values()):
        assert [(t.idx, t.text, t.norm_) for t in ar_nlp.tokenizer(text)] == [
            (t.idx, t.text, t.norm_) for t in full(text)]
