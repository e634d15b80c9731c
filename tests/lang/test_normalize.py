"""`NormalizedView` and `fold`: what the rules see, and how its positions map back to the original.

Issue 4, "Normalisation that never moves offsets": the view drops diacritics, Quranic marks,
tatweel and bidi/zero-width marks; folds alef, ya, ta marbuta, presentation forms, Unicode spaces,
Arabic-Indic/Persian digits and all quotation marks; and every view span maps back to the exact
original slice, a word keeping its own trailing marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib.lang.ar import NormalizedView, fold, strip_diacritics
from attrib.lang.ar.normalize import (
    _NEEDS_PIECEWISE,
    FOLD_TABLE,
    _fold_characters,
    _segments_of_deleted_runs,
    _segments_piecewise,
)

# ------------------------------------------------------------------------------------------------
# fold: the normalised text
# ------------------------------------------------------------------------------------------------
FOLD_CASES = [
    # clitics و ف ل ب ك س on vocalised words
    ("clitic-wa", "وَقَالَ", "وقال"),
    ("clitic-fa", "فَقَالَتْ", "فقالت"),
    ("clitic-li", "لِقَوْلِهِ", "لقوله"),
    ("clitic-bi", "بِقَوْلِهِ", "بقوله"),
    ("clitic-ka", "كَمَا قَالُوا", "كما قالوا"),
    ("clitic-sa", "وَسَيَقُولُ", "وسيقول"),
    ("clitic-lil", "لِلصَّحَفِيِّينَ", "للصحفيين"),
    # inflections of قال
    ("qala", "قَالَ", "قال"),
    ("qalat", "قَالَتْ", "قالت"),
    ("yaqulu", "يَقُولُ", "يقول"),
    ("qalu", "قَالُوا", "قالوا"),
    ("qailan-tanwin-before-alef", "قَائِلًا", "قائلا"),
    ("qailan-tanwin-on-alef", "قائلاً", "قائلا"),
    # alef variants أ إ آ ٱ (and the rarer wavy-hamza forms)
    ("alef-hamza-above", "أكد", "اكد"),
    ("alef-hamza-below", "وقال إنه", "وقال انه"),
    ("alef-madda", "آخر تصريح", "اخر تصريح"),
    ("alef-wasla", "ٱلْحَمْدُ", "الحمد"),
    ("alef-wavy", "ٲ ٳ", "ا ا"),
    ("hamza-on-ya-kept", "رئيس", "رئيس"),
    ("hamza-on-waw-kept", "مسؤول", "مسؤول"),
    # ya and kaf variants
    ("alef-maqsura", "مصطفى على", "مصطفي علي"),
    ("farsi-ya", "علی", "علي"),
    ("keheh", "کوریا", "كوريا"),
    # ta marbuta
    ("ta-marbuta", "وزارة الخارجية", "وزاره الخارجيه"),
    ("ta-marbuta-vocalised", "الحُكُومَةُ", "الحكومه"),
    # diacritics and Quranic marks
    ("shadda-fatha", "أَكَّدَ", "اكد"),
    ("tanwin-damm", "جَدِيدٌ", "جديد"),
    ("superscript-alef", "هٰذا", "هذا"),
    ("quranic-small-high", "قُلْ ۖ نَعَمْ", "قل  نعم"),
    ("quranic-end-of-ayah", "الرَّحِيمِ ۝", "الرحيم "),
    ("sallallahu-sign", "النبي ؐ", "النبي "),
    # tatweel
    ("tatweel", "قـــال", "قال"),
    ("tatweel-in-two-words", "الـرئيـس الـتركي", "الرئيس التركي"),
    ("tatweel-after-clitic", "وبـ", "وب"),
    # presentation forms (U+FB50–U+FEFF)
    ("lam-alef", "ﻻ", "لا"),
    ("lam-alef-hamza", "ﻷن", "لان"),
    ("lam-alef-final", "ﻛﻼم", "كلام"),
    ("allah-ligature", "بسم ﷲ", "بسم الله"),
    ("contextual-forms", "ﻗﺎﻝ ﺍﻟﺮﺋﻴﺲ", "قال الرئيس"),
    ("salla-ligature", "ﷺ", "صلي الله عليه وسلم"),
    ("isolated-harakat-form", "ﺑﹷ", "ب"),
    # Unicode spaces
    ("nbsp", "قال\u00a0إن", "قال ان"),
    ("narrow-nbsp", "قال\u202fإن", "قال ان"),
    ("thin-space", "قال\u2009إن", "قال ان"),
    ("ideographic-space", "قال\u3000إن", "قال ان"),
    ("tab", "قال\tإن", "قال ان"),
    # bidi and zero-width marks
    ("rlm", "\u200fقال\u200f إن", "قال ان"),
    ("lrm", "\u200eقال", "قال"),
    ("zwnj-inside-word", "قا\u200cل", "قال"),
    ("zwj-zwsp", "قا\u200dل\u200b", "قال"),
    ("alm", "قال\u061c", "قال"),
    ("embedding", "\u202bقال\u202c", "قال"),
    ("override", "\u202eقال\u202d", "قال"),
    ("isolates", "\u2066قال\u2067\u2068\u2069", "قال"),
    ("bom", "\ufeffقال", "قال"),
    # digits
    ("arabic-indic-digits", "عام ٢٠١٦", "عام 2016"),
    ("persian-digits", "عام ۲۰۱۶", "عام 2016"),
    # quotation marks: ASCII, guillemets, curly (also mirrored), low-9, single, angle, PTB
    ("ascii-quotes", '"نعم"', '"نعم"'),
    ("guillemets", "«نعم»", '"نعم"'),
    ("curly", "“نعم”", '"نعم"'),
    ("curly-mirrored", "”نعم“", '"نعم"'),
    ("low-9", "„نعم“", '"نعم"'),
    ("single-curly", "‘نعم’", '"نعم"'),
    ("single-angle", "‹نعم›", '"نعم"'),
    ("ptb", "``نعم''", '"نعم"'),
    ("unbalanced", 'قال: «نعم', 'قال: "نعم'),
    ("nested", 'قال: «نحن "هنا"»', 'قال: "نحن "هنا""'),
]


@pytest.mark.parametrize("original,folded", [c[1:] for c in FOLD_CASES], ids=[c[0] for c in FOLD_CASES])
def test_fold(original, folded):
    assert fold(original) == folded
    assert NormalizedView(original).text == folded


def test_clean_text_is_its_own_view():
    text = 'وقال وزير الخارجية التركي، إنه لا خلاف بين روسيا وتركيا "في تحديد مفهوم الإرهاب".'
    view = NormalizedView(text)
    assert view.text == text.replace("إ", "ا").replace("ة", "ه")
    for i in range(len(view.text)):
        assert view.orig_span(i, i + 1) == (i, i + 1)
        assert view.view_index(i) == i


def test_strip_diacritics_keeps_letter_variants():
    assert strip_diacritics("أَكَّدَ الـمُتَحَدِّثُ عَلَى") == "أكد المتحدث على"


# ------------------------------------------------------------------------------------------------
# orig_span: view spans map back to the exact original slice
# ------------------------------------------------------------------------------------------------
# (id, original, folded text to find in the view, occurrence, the original slice it must map to)
SPAN_CASES = [
    ("clitic-wa-trailing-sukun", "وَقَالَتْ الوزيرة إِنَّ", "قالت", 0, "قَالَتْ"),
    ("clitic-fa-whole-word", "فَقَالَ الوزير", "فقال", 0, "فَقَالَ"),
    ("clitic-bi-stem", "بِقَوْلِهِ إن", "قوله", 0, "قَوْلِهِ"),
    ("clitic-li-article", "لِلصَّحَفِيِّينَ", "صحفيين", 0, "صَّحَفِيِّينَ"),
    ("clitic-sa", "سَيَقُولُ الرئيس", "يقول", 0, "يَقُولُ"),
    ("clitic-ka", "كَمَا قَالُوا أمس", "قالوا", 0, "قَالُوا"),
    ("qailan", "ثم قَائِلًا إن", "قائلا", 0, "قَائِلًا"),
    ("alef-hamza", "وأكّد أنّ", "اكد", 0, "أكّد"),
    ("second-of-two", "قال ثم قَالَ", "قال", 1, "قَالَ"),
    ("ta-marbuta-tanwin", "الحكومةٌ الجديدة", "الحكومه", 0, "الحكومةٌ"),
    ("alef-maqsura", "مصطفى", "مصطفي", 0, "مصطفى"),
    ("tatweel-inside", "قـــال الوزير", "قال", 0, "قـــال"),
    ("tatweel-after-clitic", "وقــال", "قال", 0, "قــال"),
    ("tatweel-trailing", "قالـ إن", "قال", 0, "قالـ"),
    ("prefix-of-tatweel-word", "قـال", "ق", 0, "قـ"),
    ("presentation-word", "ﻗﺎﻝ الوزير", "قال", 0, "ﻗﺎﻝ"),
    ("lam-alef-ligature", "ﻻ يوجد", "لا", 0, "ﻻ"),
    ("half-a-ligature", "ﻻ يوجد", "ا", 0, "ﻻ"),
    ("allah-ligature", "بسم ﷲ الرحمن", "الله", 0, "ﷲ"),
    ("ligature-then-fatha", "ﻻَ بأس", "لا", 0, "ﻻَ"),
    ("rlm-after-word", "قال\u200f إن", "قال", 0, "قال"),
    ("rlm-before-word", "\u200fقال", "قال", 0, "قال"),
    ("zwnj-inside", "قا\u200cل", "قال", 0, "قا\u200cل"),
    ("diacritic-then-rlm", "قالَ\u200f إن", "قال", 0, "قالَ"),
    ("nbsp-phrase", "قال\u00a0إن\u00a0الوضع", "قال ان", 0, "قال\u00a0إن"),
    ("arabic-indic-digits", "في عام ٢٠١٦ قال", "2016", 0, "٢٠١٦"),
    ("ascii-quote-content", 'قال "نعم" ثم', "نعم", 0, "نعم"),
    ("guillemet-quoted", "قال «نعم» ثم", '"نعم"', 0, "«نعم»"),
    ("curly-quoted", "قال “نعم” ثم", '"نعم"', 0, "“نعم”"),
    ("mirrored-quoted", "قال ”نعم“ ثم", '"نعم"', 0, "”نعم“"),
    ("ptb-quoted", "قال ``نعم'' ثم", '"نعم"', 0, "``نعم''"),
    ("ptb-content", "قال ``نَعَمْ'' ثم", "نعم", 0, "نَعَمْ"),
    ("unbalanced-quote", "قال «نحن هنا", '"نحن هنا', 0, "«نحن هنا"),
]


def _nth(haystack: str, needle: str, n: int) -> int:
    starts = [m.start() for m in re.finditer(re.escape(needle), haystack)]
    return starts[n]


@pytest.mark.parametrize(
    "original,target,occurrence,expected", [c[1:] for c in SPAN_CASES], ids=[c[0] for c in SPAN_CASES]
)
def test_orig_span_maps_to_the_original_slice(original, target, occurrence, expected):
    view = NormalizedView(original)
    start = _nth(view.text, target, occurrence)
    o_start, o_end = view.orig_span(start, start + len(target))
    assert original[o_start:o_end] == expected
    # and back: the original start lands on the span's first view position, or on the start of
    # the ligature it is part of
    assert view.view_index(o_start) == start or (view.view_index(o_start) < start and o_end - o_start == 1)


def test_trailing_marks_stay_with_their_word_not_with_the_next():
    original = "قَالَ إِنَّ"
    view = NormalizedView(original)
    assert view.text == "قال ان"
    assert view.orig_span(0, 3) == (0, 5)  # قَالَ with its fatha
    assert view.orig_span(4, 6) == (6, 11)  # إِنَّ starts on its letter, ends after shadda+fatha
    assert view.orig_span(3, 4) == (5, 6)  # the space, without the marks around it


def test_orig_start_and_end_at_the_edges():
    original = "\u200fقَالَ\u200f"
    view = NormalizedView(original)
    assert view.text == "قال"
    assert view.orig_start(0) == 1
    assert view.orig_start(len(view)) == len(original)
    assert view.orig_end(0) == 0
    assert view.orig_end(3) == 6  # after the last fatha, before the closing RLM
    assert view.orig_end(2) == 4  # a span ending on ا stops before the lam


def test_view_index_of_deleted_marks_is_the_next_character():
    original = "قـَال"
    view = NormalizedView(original)
    assert [view.view_index(i) for i in range(len(original) + 1)] == [0, 1, 1, 1, 2, 3]


# ------------------------------------------------------------------------------------------------
# properties over random mixtures of the phenomena
# ------------------------------------------------------------------------------------------------
LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱیک"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0615\u06d6\u0640"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202e\u2066\u2067\u2069\ufeff"
SPACES = " \u00a0\u202f\u2009\u3000"
OTHER = '0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹.،:؛"«»“”„‘’‹›()'
PRESENTATION = "ﻻﻷﻹﻵﻼﷲﻗﺎﻝﺍﻟﺮﺋﻴﺲﻛﹷ"
PTB = ["``", "''"]

pieces = st.one_of(
    st.sampled_from(LETTERS), st.sampled_from(MARKS), st.sampled_from(INVISIBLE), st.sampled_from(SPACES),
    st.sampled_from(OTHER), st.sampled_from(PRESENTATION), st.sampled_from(PTB),
)
mixed_text = st.lists(pieces, max_size=40).map("".join)

FOLDED_AWAY = re.compile(
    "[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
    "\ufb50-\ufdff\ufe70-\ufefe\u00a0\u202f\u2000-\u200a\u3000٠-٩۰-۹أإآٱٲٳىیکة«»“”„‘’‹›]"
)


@settings(max_examples=300, deadline=None, database=None)
@given(mixed_text)
def test_fold_removes_every_variant_and_is_idempotent(text):
    folded = fold(text)
    assert not FOLDED_AWAY.search(folded), folded
    assert "``" not in folded and "''" not in folded
    assert fold(folded) == folded


@settings(max_examples=300, deadline=None, database=None)
@given(mixed_text, mixed_text)
def test_fold_is_piecewise(left, right):
    """Folding never looks across more than a two-character PTB quote."""
    if left and right and left[-1] == right[0] and left[-1] in "`'":
        return  # the join makes a new PTB quote
    assert fold(left + right) == fold(left) + fold(right)


@settings(max_examples=300, deadline=None, database=None)
@given(mixed_text)
def test_offset_map_is_monotone_and_in_range(text):
    view = NormalizedView(text)
    starts = [view.orig_start(i) for i in range(len(view))]
    assert starts == sorted(starts)
    assert all(0 <= s < len(text) for s in starts)
    for i in range(len(view)):
        a, b = view.orig_span(i, i + 1)
        assert a < b <= len(text)
        # the original slice folds to something holding the view character
        assert view.text[i] in fold(text[a:b]) or text[a:b] in ("``", "''")
        # no mark of the last letter is left behind
        assert not (b < len(text) and re.match("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640]", text[b]))
        assert view.view_index(a) <= i


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(mixed_text, min_size=1, max_size=5))
def test_word_spans_fold_back_to_the_view(words):
    """For every run of whole words in the view, the original slice it maps to folds to exactly
    that run: offsets never move."""
    text = " ".join(words)
    view = NormalizedView(text)
    bounds = [0] + [i + 1 for i, ch in enumerate(view.text) if ch == " "]
    ends = [i for i, ch in enumerate(view.text) if ch == " "] + [len(view.text)]
    for a in bounds:
        for b in ends:
            if a > b:
                continue
            o_start, o_end = view.orig_span(a, b)
            if a == b:
                continue
            assert fold(text[o_start:o_end]) == view.text[a:b], (a, b)


# ------------------------------------------------------------------------------------------------
# canonical equivalence: decomposed (NFD) input folds like the composed text
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "word",
    ["أكد", "إنه", "آخر", "أُعْلِنَ", "رئيس", "مسؤول", "قائلا", "وسائل"],
)
def test_decomposed_letters_fold_like_composed_ones(word):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", word)
    assert decomposed != word
    assert fold(decomposed) == fold(word)
    view = NormalizedView(decomposed)
    assert decomposed[slice(*view.orig_span(0, len(view)))] == decomposed


# ------------------------------------------------------------------------------------------------
# the map built in C for text whose only irregular pieces are deleted marks (news copy) is the
# map built piece by piece, and the queries answer as the straightforward definitions below
# ------------------------------------------------------------------------------------------------
marks_only_text = st.lists(
    st.one_of(st.sampled_from(LETTERS), st.sampled_from(MARKS), st.sampled_from(INVISIBLE),
              st.sampled_from(SPACES), st.sampled_from(OTHER)),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None, database=None)
@given(marks_only_text)
def test_deleted_runs_map_like_irregular_pieces(text):
    assert _NEEDS_PIECEWISE.search(text) is None
    assert _segments_of_deleted_runs(text) == _segments_piecewise(text)
    assert fold(text) == _segments_piecewise(text)[0]


@settings(max_examples=300, deadline=None, database=None)
@given(mixed_text)
def test_folding_characters_is_the_fold_table(text):
    assert _fold_characters(text) == text.translate(FOLD_TABLE)


COMBINING_MARK = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640]")


def reference_orig_start(view, index):
    segments = view._view_starts
    if not segments:
        return index
    if index >= len(view.text):
        return len(view.original)
    seg = bisect_right(segments, index) - 1
    if view._regular[seg]:
        return view._orig_starts[seg] + index - segments[seg]
    return view._orig_starts[seg]


def reference_orig_end(view, end):
    if end <= 0:
        return 0
    if not view._view_starts:
        return end
    seg = bisect_right(view._view_starts, end - 1) - 1
    if view._regular[seg]:
        result = view._orig_starts[seg] + end - view._view_starts[seg]
    elif seg + 1 < len(view._orig_starts):
        result = view._orig_starts[seg + 1]
    else:
        result = len(view.original)
    while result < len(view.original) and COMBINING_MARK.match(view.original, result):
        result += 1
    return result


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(mixed_text, marks_only_text))
def test_offset_queries_match_their_definitions(text):
    view = NormalizedView(text)
    for index in range(-1, len(view) + 2):
        assert view.orig_end(index) == reference_orig_end(view, index)
        if index >= 0:
            assert view.orig_start(index) == reference_orig_start(view, index)


def test_no_character_is_folded_into_one_that_is_folded_in_turn():
    """What lets `_fold_characters` replace the characters one after the other, in any order."""
    folded = {chr(code) for code, value in FOLD_TABLE.items() if chr(code) != value}
    assert not folded & set(FOLD_TABLE.values())
