"""Quotation pairing (`AnalysedText.quotations`): every kind of mark, mirrored, nested, continued
over paragraphs and unbalanced, reported as original slices."""

from __future__ import annotations

import pytest

from attrib.text import AnalysedText


def pairs(text: str) -> list[tuple[str, str, bool]]:
    """(the original slice from the opening mark to the closing one — or to the end of the inner
    span when unbalanced —, the original slice of the inner span, balanced?) in text order."""
    analysed = AnalysedText(text)
    view = analysed.view
    out = []
    for q in analysed.quotations:
        inner = text[slice(*view.orig_span(q.inner_start, q.inner_end))]
        if q.close is None:
            whole = text[view.orig_start(q.open) : view.orig_end(q.inner_end)]
        else:
            whole = text[view.orig_start(q.open) : view.orig_end(q.close + 1)]
        out.append((whole, inner, q.close is not None))
    return out


CASES = [
    ("ascii", 'وقال الوزير "نحن مستعدون للحوار" ثم غادر.',
     [('"نحن مستعدون للحوار"', "نحن مستعدون للحوار", True)]),
    ("guillemets", "وقالت: «لن نتراجع عن قرارنا».",
     [("«لن نتراجع عن قرارنا»", "لن نتراجع عن قرارنا", True)]),
    ("curly", "وأضاف “الوضع صعب جدا” في تصريحه.",
     [("“الوضع صعب جدا”", "الوضع صعب جدا", True)]),
    ("curly-mirrored", "وأضاف ”الوضع صعب جدا“ في تصريحه.",
     [("”الوضع صعب جدا“", "الوضع صعب جدا", True)]),
    ("low-9", "وأضاف „الوضع صعب“ في تصريحه.",
     [("„الوضع صعب“", "الوضع صعب", True)]),
    ("single-curly", "ووصف القرار بأنه ‘تاريخي’ أمس.",
     [("‘تاريخي’", "تاريخي", True)]),
    ("single-angle", "ووصف القرار بأنه ‹تاريخي› أمس.",
     [("‹تاريخي›", "تاريخي", True)]),
    ("ptb", "وقال المتحدث ``لا تعليق لدينا'' للصحفيين.",
     [("``لا تعليق لدينا''", "لا تعليق لدينا", True)]),
    ("vocalised-inside", "قَالَ «نَحْنُ هُنَا» ثُمَّ",
     [("«نَحْنُ هُنَا»", "نَحْنُ هُنَا", True)]),
    ("glued-to-clitic", 'وأمر بوتين بـ"تطبيع" العلاقات.',
     [('"تطبيع"', "تطبيع", True)]),
    ("colon-no-space", 'قالت:"نحن هنا".',
     [('"نحن هنا"', "نحن هنا", True)]),
    ("two-in-a-row", "وقال «الأولى»، و«الثانية» أيضا.",
     [("«الأولى»", "الأولى", True), ("«الثانية»", "الثانية", True)]),
    ("inner-trimmed", 'قال " نحن هنا، " ثم.',
     [('" نحن هنا، "', "نحن هنا", True)]),
    ("nested-ascii-in-guillemets", 'وقال «إن ما جرى "مؤامرة" واضحة» أمس.',
     [('«إن ما جرى "مؤامرة" واضحة»', 'إن ما جرى "مؤامرة" واضحة', True), ('"مؤامرة"', "مؤامرة", True)]),
    ("nested-guillemets-in-ascii", 'وقال "إن ما جرى «مؤامرة» واضحة" أمس.',
     [('"إن ما جرى «مؤامرة» واضحة"', "إن ما جرى «مؤامرة» واضحة", True), ("«مؤامرة»", "مؤامرة", True)]),
    ("nested-single-in-curly", "وقال “وصفوه بأنه ‘خطأ’ كبير” أمس.",
     [("“وصفوه بأنه ‘خطأ’ كبير”", "وصفوه بأنه ‘خطأ’ كبير", True), ("‘خطأ’", "خطأ", True)]),
    ("nested-guillemets-in-guillemets", "وقال «وصفوه بأنه «خطأ» كبير» أمس.",
     [("«وصفوه بأنه «خطأ» كبير»", "وصفوه بأنه «خطأ» كبير", True), ("«خطأ»", "خطأ", True)]),
    ("two-paragraphs-ascii", 'وقال: "الفقرة الأولى من كلامه.\n"والفقرة الثانية من كلامه." وغادر.',
     [('"الفقرة الأولى من كلامه.\n"والفقرة الثانية من كلامه."',
       'الفقرة الأولى من كلامه.\n"والفقرة الثانية من كلامه', True)]),
    ("two-paragraphs-guillemets", "وقال: «الفقرة الأولى.\n«والفقرة الثانية.» وغادر.",
     [("«الفقرة الأولى.\n«والفقرة الثانية.»", "الفقرة الأولى.\n«والفقرة الثانية", True)]),
    ("carried-guillemets-with-a-nested-quote", 'وأضاف: «الفقرة الأولى.\nنقش يقول "عبرنا هنا"، وهذا نادر».',
     [('«الفقرة الأولى.\nنقش يقول "عبرنا هنا"، وهذا نادر»', 'الفقرة الأولى.\nنقش يقول "عبرنا هنا"، وهذا نادر', True),
      ('"عبرنا هنا"', "عبرنا هنا", True)]),
    ("unbalanced-ends-with-paragraph", 'وقال: "لن نتراجع عن قرارنا.\nوأضاف أن الحوار مستمر.',
     [('"لن نتراجع عن قرارنا', "لن نتراجع عن قرارنا", False)]),
    ("unbalanced-then-balanced", 'قال: «بلا نهاية\nثم قال: "نعم" وخرج.',
     [("«بلا نهاية", "بلا نهاية", False), ('"نعم"', "نعم", True)]),
    ("unbalanced-at-end-of-text", "وختم بقوله: “سننتصر",
     [("“سننتصر", "سننتصر", False)]),
    ("stray-closing-guillemet-ignored", "قال «نعم» ثم» وخرج.",
     [("«نعم»", "نعم", True)]),
    ("families-pair-separately", 'قال «نعم" وخرج" ثم».',
     [('«نعم" وخرج" ثم»', 'نعم" وخرج" ثم', True), ('" وخرج"', "وخرج", True)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quotation_pairs(text, expected):
    assert pairs(text) == expected


def test_quotation_positions_are_view_positions_of_the_marks():
    text = "قَالَ ``نَعَمْ'' وَ«لَا»"
    analysed = AnalysedText(text)
    assert [analysed.text[q.open] for q in analysed.quotations] == ['"', '"']
    assert [analysed.text[q.close] for q in analysed.quotations] == ['"', '"']
    opening = analysed.quotations[1]
    assert analysed.quotation_opening_at(opening.open) is opening
    assert analysed.inside_quotation(opening.inner_start) is opening
    assert analysed.inside_quotation(opening.close + 1) is None


def test_unbalanced_quotation_contains_the_rest_of_its_paragraph_only():
    text = "قال «الأمر انتهى\nوفي سياق آخر، أعلن الوزير استقالته."
    analysed = AnalysedText(text)
    (quotation,) = analysed.quotations
    assert quotation.close is None
    newline = analysed.text.index("\n")
    assert analysed.inside_quotation(newline - 1) is quotation
    assert analysed.inside_quotation(newline + 2) is None


def test_marks_around_the_quotes_change_nothing_about_pairing():
    """Invisible marks and diacritics next to the marks give the same pairs, and the inner spans
    keep the words' own diacritics but not the marks outside them."""
    plain = 'وقال: "نحن هنا" و«هناك»'
    marked = 'وقال:\u200f "\u200fنَحْنُ هُنَا\u200f"\u200f وَ«هُنَاكَ»'
    assert pairs(plain) == [('"نحن هنا"', "نحن هنا", True), ("«هناك»", "هناك", True)]
    assert pairs(marked) == [('"\u200fنَحْنُ هُنَا\u200f"', "نَحْنُ هُنَا", True), ("«هُنَاكَ»", "هُنَاكَ", True)]


def test_apostrophe_inside_guillemets_does_not_unbalance_them():
    text = "وقال الوزير «التقيت السيد O’Brien أمس» ثم غادر إلى المطار."
    assert ("«التقيت السيد O’Brien أمس»", "التقيت السيد O’Brien أمس", True) in pairs(text)


def test_stray_single_quote_inside_ascii_quotes_does_not_unbalance_them():
    # the shape of pool article bbc-120 (a tweet quoted as "‘…")
    text = 'وقال ترامب في تغريدته "‘إذا لم تكن كوبا راغبة سأنهي الاتفاق".'
    assert ('"‘إذا لم تكن كوبا راغبة سأنهي الاتفاق"', "‘إذا لم تكن كوبا راغبة سأنهي الاتفاق", True) in pairs(text)


def test_unmatched_guillemet_inside_ascii_quotes_does_not_unbalance_them():
    text = 'وقال الوزير "الوضع «صعب" ثم غادر.'
    assert ('"الوضع «صعب"', "الوضع «صعب", True) in pairs(text)


def test_stray_mark_does_not_leak_a_closing_mark_into_direct_content(ar_nlp):
    import attrib

    text = 'وقال ترامب في تغريدته "‘إذا لم تكن كوبا راغبة سأنهي الاتفاق".'
    result = attrib.extract(text, nlp=ar_nlp).to_dict()
    contents = [q["content"]["text"] for q in result["quotes"]]
    assert "‘إذا لم تكن كوبا راغبة سأنهي الاتفاق" in contents
