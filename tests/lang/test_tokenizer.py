"""The tokenizer fixes (`attrib/lang/ar/tokenizer.py`): quotation marks, colons and Arabic
punctuation glued to words become tokens of their own, and token offsets index the original."""

from __future__ import annotations

import pytest

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
