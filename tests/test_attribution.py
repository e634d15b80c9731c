"""Sentence → expected attribution: the clause shapes Arabic news uses, and negatives."""

from __future__ import annotations

import pytest

import attrib

NBSP = "\u00a0"
RLM = "\u200f"

# (text, [(type, content, speaker name or None, agency or None, addressee or None)])
CASES = [
    ("وقال وزير الخارجية التركي، إنه لا خلاف بين البلدين.",
     [("indirect", "لا خلاف بين البلدين", "وزير الخارجية التركي", None, None)]),
    ("قالت الوزيرة: \"لن نتراجع عن الإصلاح\".",
     [("direct", "لن نتراجع عن الإصلاح", "الوزيرة", None, None)]),
    ("وقال المتحدث «الحوار هو الحل الوحيد».",
     [("direct", "الحوار هو الحل الوحيد", "المتحدث", None, None)]),
    ("وأضاف الرئيس “نحن مستعدون للتفاوض”.",
     [("direct", "نحن مستعدون للتفاوض", "الرئيس", None, None)]),
    ("وقال الوزير ”الأسعار ستنخفض“.",
     [("direct", "الأسعار ستنخفض", "الوزير", None, None)]),
    ("وقال الوزير ``الأسعار ستنخفض قريبا'' أمس.",
     [("direct", "الأسعار ستنخفض قريبا", "الوزير", None, None)]),
    ("وأكد لافروف لوزير الخارجية التركي ضرورة عدم استخدام الأراضي التركية منطلقا للإرهاب.",
     [("indirect", "ضرورة عدم استخدام الأراضي التركية منطلقا للإرهاب", "لافروف", None, "وزير الخارجية التركي")]),
    ("كما أعرب وزير الخارجية الروسي عن سعادته بلقاء نظيره.",
     [("indirect", "سعادته بلقاء نظيره", "وزير الخارجية الروسي", None, None)]),
    ("وقال مصدر أمني لوكالة رويترز إن الهجوم وقع فجرا.",
     [("indirect", "الهجوم وقع فجرا", "مصدر أمني", "وكالة رويترز", None)]),
    ("نسبت وكالة إنترفاكس لوزير الخارجية التركي قوله إن القمة ستعقد في أغسطس.",
     [("indirect", "القمة ستعقد في أغسطس", "وزير الخارجية التركي", "وكالة إنترفاكس", None)]),
    ("وقتل عشرون شخصا في الهجوم، بحسب وزارة الصحة.",
     [("indirect", "وقتل عشرون شخصا في الهجوم", "وزارة الصحة", None, None)]),
    ("وبحسب الشرطة، فإن المهاجمين فروا إلى الجبال.",
     [("indirect", "المهاجمين فروا إلى الجبال", "الشرطة", None, None)]),
    ("\"لن نسمح بذلك\"، قال رئيس الوزراء.",
     [("direct", "لن نسمح بذلك", "رئيس الوزراء", None, None)]),
    ("الوزيرة سارة العلي أكدت أن الميزانية جاهزة.",
     [("indirect", "الميزانية جاهزة", "سارة العلي", None, None)]),
    ("وقال الوزير إن الأزمة \"مفتعلة\" بالكامل.",
     [("mixed", "الأزمة \"مفتعلة\" بالكامل", "الوزير", None, None)]),
    ("وقال الوزير إن الخطة جاهزة، مشيرا إلى أن التمويل متوفر.",
     [("indirect", "الخطة جاهزة", "الوزير", None, None), ("indirect", "التمويل متوفر", "الوزير", None, None)]),
    ("وقالت الوزيرة إن الخطة جاهزة. وقال المدير إن العمل بدأ. وأضافت أن التمويل متوفر.",
     [("indirect", "الخطة جاهزة", "الوزيرة", None, None), ("indirect", "العمل بدأ", "المدير", None, None),
      ("indirect", "التمويل متوفر", "الوزيرة", None, None)]),
    ("وقال أحد سكان الحي لـ«الشرق الأوسط» إن عائلته قضت الليل في الممر.",
     [("indirect", "عائلته قضت الليل في الممر", "أحد سكان الحي", "الشرق الأوسط", None)]),
    # a time word or a bracketed aside between the subject and an object content
    ("وقد أعلن الائتلاف السوري المعارض الأربعاء انتخاب هادي البحرة رئيسا جديدا.",
     [("indirect", "انتخاب هادي البحرة رئيسا جديدا", "الائتلاف السوري المعارض", None, None)]),
    ("أعلنت وكالة الفضاء الأمريكية (ناسا) يوم الخميس اجتياز المركبة حافة النظام الشمسي.",
     [("indirect", "اجتياز المركبة حافة النظام الشمسي", "وكالة الفضاء الأمريكية", None, None)]),
    # a prepositional frame the subject runs on to; an occasion phrase before it
    ("وتحدث شهود عيان من الصيادين عن رؤية زورقين يقتربان من السفينة.",
     [("indirect", "رؤية زورقين يقتربان من السفينة", "شهود عيان من الصيادين", None, None)]),
    ("وشدد الأمين العام في مؤتمر صحفي بعد انتخابه على التزام الجماعة بالمبادئ.",
     [("indirect", "التزام الجماعة بالمبادئ", "الأمين العام", None, None)]),
    # «كما قال» after a quotation
    ("وأشاد الشاعر بصديقه الذي \"رحل لكنه حاضر معنا\"، كما قال.",
     [("mixed", "صديقه الذي \"رحل لكنه حاضر معنا\"", "الشاعر", None, None),
      ("direct", "رحل لكنه حاضر معنا", "الشاعر", None, None)]),
    # a subject that starts with ب, running on to a بـ-masdar
    ("وطالبت بعثة الأمم المتحدة للدعم في ليبيا بإجراء تحقيق مستقل في الاشتباكات.",
     [("indirect", "إجراء تحقيق مستقل في الاشتباكات", "بعثة الأمم المتحدة للدعم في ليبيا", None, None)]),
    # the cue that names a speaker wins over a masdar claiming the same content
    ("وفي شرح للمقارنة بين الفيروسين قال أحد خبراء الشركة: إن \"فليم بمثابة سيف كبير\".",
     [("direct", "فليم بمثابة سيف كبير", "أحد خبراء الشركة", None, None)]),
    # diacritics, tatweel, alef variants, NBSP, RTL marks
    ("وَقَالَ الْوَزِيرُ إِنَّ الْخُطَّةَ جَاهِزَةٌ.",
     [("indirect", "الْخُطَّةَ جَاهِزَةٌ", "الْوَزِيرُ", None, None)]),
    ("وقـــال الوزير إن الخطة جاهزة.", [("indirect", "الخطة جاهزة", "الوزير", None, None)]),
    ("واكد الوزير ان الخطة جاهزة.", [("indirect", "الخطة جاهزة", "الوزير", None, None)]),
    (f"وقال{NBSP}الوزير{NBSP}إن الخطة جاهزة.", [("indirect", "الخطة جاهزة", "الوزير", None, None)]),
    (f"{RLM}وقال الوزير{RLM} إن الخطة جاهزة.", [("indirect", "الخطة جاهزة", "الوزير", None, None)]),
    # an unbalanced quotation ends with its paragraph
    ("وقال الوزير: \"لن نتراجع عن الإصلاح\nوفي سياق آخر ارتفعت الأسعار.",
     [("direct", "لن نتراجع عن الإصلاح", "الوزير", None, None)]),
    # negatives: actions, decisions, scare quotes, look-alike words
    ("التقى الوزير نظيره الفرنسي في باريس.", []),
    ("ونشر الموقع الصور دون أن يذكر اسم المصور.", []),
    ("أطلقت الوزارة برنامج \"رؤية 2030\" أمس.", []),
    ("نشرت الصحيفة مقالا عن الاقتصاد.", []),
    ("اشترى التاجر قالبا من الحلوى.", []),
    ("وتم تنفيذ الخطة وفقا للقانون.", []),
]


def _summary(quote):
    return (quote.type, quote.content.text, quote.speaker.name if quote.speaker else None,
            quote.agency.name if quote.agency else None, quote.addressee.name if quote.addressee else None)


@pytest.mark.parametrize("text, expected", CASES)
def test_sentence_attribution(nlp, text, expected):
    result = attrib.extract(text, nlp=nlp)
    assert [_summary(q) for q in result.quotes] == expected
    for quote in result.quotes:
        assert text[quote.content.start:quote.content.end] == quote.content.text
