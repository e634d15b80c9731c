"""Speakers as entities of the article: canonical names, every mention, dropped subjects."""

from __future__ import annotations

import pytest

import attrib


def _speakers(nlp, text):
    return [(q.cue.span.text, q.speaker.name if q.speaker else None) for q in attrib.extract(text, nlp=nlp).quotes]


def test_seed_entities_have_their_fullest_names_and_every_mention(seed_result):
    entities = {e["name"]: [m["text"] for m in e["mentions"]] for e in seed_result["entities"]}
    assert set(entities) >= {"مولود تشاويش أوغلو", "سيرغي لافروف", "فلاديمير بوتين", "الناطق باسم الكرملين"}
    assert "وزير الخارجية التركي" in entities["مولود تشاويش أوغلو"]
    assert entities["سيرغي لافروف"].count("لافروف") >= 2
    for quote in seed_result["quotes"]:
        assert quote["speaker"]["entity"] in {e["id"] for e in seed_result["entities"]}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a counterpart «نظيره التركي» takes the title of the entity it is the counterpart of
        ("التقى وزير الخارجية الروسي سيرغي لافروف ونظيره التركي مولود تشاويش أوغلو أمس.\n"
         "وقال وزير الخارجية التركي إن العلاقات تتحسن.",
         [("قال", "مولود تشاويش أوغلو")]),
        # gender decides who a dropped subject is, across a paragraph break
        ("وقالت الوزيرة ليلى حداد إن الخطة جاهزة. وقال المدير سامي نصر إن العمل بدأ.\nوأضافت أن التمويل متوفر.",
         [("قالت", "ليلى حداد"), ("قال", "سامي نصر"), ("أضافت", "ليلى حداد")]),
        # number: a plural verb takes a plural source
        ("وقال سكان إن القصف استمر طوال الليل. وقال الضابط عمر سالم إن الوضع هادئ. وأكدوا أن المياه مقطوعة.",
         [("قال", "سكان"), ("قال", "عمر سالم"), ("أكدوا", "سكان")]),
        # apposition: the name set off by commas after the title
        ("وقالت رئيسة البعثة الإيطالية، إيلينا مارتيني، إن النقوش نادرة.", [("قالت", "إيلينا مارتيني")]),
        # SVO with an apposition before the verb
        ("كاثلين بروكس، محللة اقتصادية بشركة \"سيتي إندكس\"، قالت إن الأسواق متوترة.",
         [("قالت", "كاثلين بروكس")]),
        # a name, then its title
        ("صرح ليو وي مين المتحدث باسم وزارة الخارجية الصينية أن بلاده ترفض العقوبات. "
         "وأكد المتحدث باسم الخارجية الصينية أن الواردات طبيعية.",
         [("صرح", "ليو وي مين"), ("أكد", "ليو وي مين")]),
        # «أما X فقال»
        ("أما رئيس البلدية خالد عمران فقال إن الطرق ستفتح غدا.", [("قال", "خالد عمران")]),
        # an abbreviated title is neither a sentence end nor part of the name
        ("وقال وزير الاقتصاد د. علاء الرفاتي إن الأسعار ارتفعت.", [("قال", "علاء الرفاتي")]),
        # the words up to the complementizer still describe the subject; a time phrase or outlet does not
        ("أفادت مجموعة من علماء الآثار الإسرائيليين أن الموقع قديم.",
         [("أفادت", "مجموعة من علماء الآثار الإسرائيليين")]),
        ("وقال معهد بحوث السرطان في بريطانيا إن الأعداد متقاربة.", [("قال", "معهد بحوث السرطان في بريطانيا")]),
        ("وقال الرئيس الأمريكي باراك أوباما يوم الثلاثاء إن الاتفاق جيد.", [("قال", "باراك أوباما")]),
        ("وقال المتحدث باسم الشرطة في مؤتمر صحفي إن التحقيق مستمر.", [("قال", "المتحدث باسم الشرطة")]),
        ("وقال مسؤولون أمريكيون لبي بي سي إن مدمرة تتجه نحو المنطقة.", [("قال", "مسؤولون أمريكيون")]),
        ("وأعلنت الهيئة العامة للإحصاء في نشرتها الفصلية أن البطالة تراجعت.", [("أعلنت", "الهيئة العامة للإحصاء")]),
        # a title after a place, then the name in apposition
        ("وأفاد الناطق الرسمي باسم المحكمة الابتدائية بسوسة، القاضي نبيل الفرجاني، بأن الجلسة تأجلت.",
         [("أفاد", "نبيل الفرجاني")]),
        # a source phrase runs to the comma or the complementizer
        ("وبلغت نسبة التمويل 28% فقط، وفقا لأرقام مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية.",
         [("وفقا", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية")]),
        ("وذكرت وكالة رويترز نقلا عن مسؤول أممي مشارك في المحادثات أن القوائم جاهزة.",
         [("ذكرت", "مسؤول أممي مشارك في المحادثات")]),
        # a run-on that reaches the outlet was about the outlet
        ("وقال مزارعون التقتهم الوكالة إنهم باعوا أغنامهم.", [("قال", "مزارعون")]),
        # a set adverbial between the verb and its subject
        ("وقال روبرت سري إن المعابر مغلقة. وشدد في هذا الصدد وزير الاقتصاد د. علاء الرفاتي على أن الحصار مستمر.",
         [("قال", "روبرت سري"), ("شدد", "علاء الرفاتي")]),
        # «ويدعى» gives the name; «لـ"الشرق الأوسط"» is the outlet, not part of the mention
        ("وقال أحد سكان الحي، ويدعى علي الشريف، لـ«الشرق الأوسط» إن عائلته قضت الليل في الممر، "
         "مضيفا: «لم نعد نعرف متى تبدأ الحرب».",
         [("قال", "علي الشريف"), ("مضيفا", "علي الشريف")]),
        # a title's place (بمحافظة جدة) and a family name the article writes once
        ("من جهته، أعرب مدير عام الشؤون الصحية بمحافظة جدة الدكتور ماجد بن فهد الغامدي عن تقديره للدعم، "
         "مشيرا إلى أن المحافظة خصصت ستين فريقا.",
         [("أعرب", "ماجد بن فهد الغامدي"), ("مشيرا", "ماجد بن فهد الغامدي")]),
        # a statement told inside someone's quotation is not the antecedent of a dropped subject after it
        ("وقال الطراونة: «وجدنا نقشا يقول صاحبه فيه إنه عبر من هنا بأربعين جملا، وهذا بحد ذاته وثيقة نادرة».\n"
         "وقالت عالمة الآثار إيلينا مارتيني إن النقوش نادرة.\nوأوضح أن الدائرة ستغلق الموقع.",
         [("قال", "الطراونة"), ("قالت", "إيلينا مارتيني"), ("أوضح", "الطراونة")]),
        # a document's descriptions, and the title it is given, which names it
        ("كشف تقرير حديث صادر عن المرصد العربي للتشغيل أن البطالة ارتفعت. وذكر التقرير، الذي حمل عنوان "
         "“آفاق الشباب والتشغيل”، أن الشابات الأكثر تضررا.",
         [("كشف", "آفاق الشباب والتشغيل"), ("ذكر", "آفاق الشباب والتشغيل")]),
        ("وورد في وثيقة داخلية لإحدى الوزارات المعنية بالتشغيل أن الخطة تأخرت.",
         [("ورد في", "وثيقة داخلية لإحدى الوزارات المعنية بالتشغيل")]),
        # a spokesperson of a body with a name of its own
        ("قالت المتحدثة باسم جامعة ولاية لويزيانا كاثرين ميلر إن الدراسة ستستأنف.", [("قالت", "كاثرين ميلر")]),
        ("وجاء على لسان المتحدث باسم بلدية بيدوا أن البلدية خصصت أرضا للنازحين.",
         [("على لسان", "المتحدث باسم بلدية بيدوا")]),
        # a place named after a king is not the speaker; the title after it introduces him
        ("إذ يرى استشاري الغدد الصماء في مستشفى الملك فهد بجدة الدكتور هشام بن علي الزهراني أن الأرقام مقلقة.",
         [("يرى", "هشام بن علي الزهراني")]),
        # a shorter form of a body's name is the same body
        ("وقال مكتب المبعوث الأممي إن المحادثات مستمرة. وتعهد مكتب المبعوث بمواصلة الاتصالات، "
         "مؤكدا أن المفاوضات تجري وفقا للقرارات.",
         [("قال", "مكتب المبعوث الأممي"), ("تعهد", "مكتب المبعوث الأممي"), ("مؤكدا", "مكتب المبعوث الأممي")]),
        # a company is named without «شركة»; its description stays out of the name
        ("أعلنت شركة كاسبرسكي لاب المختصة بأمن الحواسيب أنها اكتشفت فيروسا جديدا.", [("أعلنت", "كاسبرسكي لاب")]),
        ("أعلنت شركة \"فيسبوك\" استحواذها على تطبيق المراسلة.", [("أعلنت", "فيسبوك")]),
        # the ones a call is made to, even past a phrase, are not the caller
        ("وقال الوزير إن المؤتمر ناجح، ودعا حضور المؤتمر من المهتمين إلى مناقشة الفكرة معه.",
         [("قال", "الوزير"), ("دعا", "الوزير")]),
        # a time phrase after في ends the subject
        ("حيث أشارت البيانات في شهري أبريل ومايو إلى تزايد عدد البروتونات.", [("أشارت", "البيانات")]),
        # a second title joined by و, a correspondent of a channel, a speech is never a name
        ("وقال القيادي في الائتلاف ورئيس الأمانة العامة لـ\"إعلان دمشق\" سمير نشار إن التداول قائم.",
         [("قال", "سمير نشار")]),
        ("كما أفادت مراسلة قناة روسيا اليوم بأن الهجوم مستمر.", [("أفادت", "مراسلة قناة روسيا اليوم")]),
        ("وألقت المديرة العامة لمنظمة اليونسكو كلمة بعد تسليم الجائزة صرحت فيها بأن الحرية مبدأ.",
         [("صرحت", "المديرة العامة لمنظمة اليونسكو")]),
        # the comma closing an apposition is not an aside: the object after it is the content
        ("أعلن والي إزمير التركية، سليمان أقطاش، السيطرة على حريق الغابات، مؤكدا أن النيران لم تعد تشكل خطرا.",
         [("أعلن", "سليمان أقطاش"), ("مؤكدا", "سليمان أقطاش")]),
        # SVO with a place phrase in the subject; the plural verb after it takes it up
        ("غير أن أدلاء سياحيين في وادي رم أبدوا قلقهم من أن يتعرض الموقع للتخريب. وقالوا إن الطرق غير مراقبة.",
         [("أبدوا", "أدلاء سياحيين في وادي رم"), ("قالوا", "أدلاء سياحيين في وادي رم")]),
        # a name in apposition after a source preposition
        ("وعلى لسان رئيس جمعية \"رقابة\" المحلية، منصف الحامي، فإن الملف يحتاج إلى الشفافية.",
         [("على لسان", "منصف الحامي")]),
        # «الدراسة بضرورة …»: a definite document takes no description, a بـ-masdar is the content
        ("وقد طالبت الدراسة بضرورة رفع الوعي بالمرض.", [("طالبت", "الدراسة")]),
        # a quantifier heads a description, not a name
        ("أفادت عدة وسائل إعلام إسرائيلية أن الهجوم بدأ.", [("أفادت", "عدة وسائل إعلام إسرائيلية")]),
        # a name that begins with و, repeated whole, is not a conjunction; «ولكنه» still is
        ("كما أعرب الأمير ويليام أنه سعيد. وقال الأمير ويليام إن الطفل بخير.",
         [("أعرب", "الأمير ويليام"), ("قال", "الأمير ويليام")]),
        # a dropped subject after a clause whose verb is not a cue takes that verb's subject
        ("وقال المتحدث باسم المحكمة إن الجلسة تأجلت. وخلال الجلسة، أنكر الكاتب العام السابق للبلدية جميع التهم، "
         "وزعم أنه كان ينفذ التعليمات.",
         [("قال", "المتحدث باسم المحكمة"), ("أنكر", "الكاتب العام السابق للبلدية"),
          ("زعم", "الكاتب العام السابق للبلدية")]),
        ("وقالت مصادر قضائية إن الحكم سيصدر قريبا. وتجمع عشرات من نشطاء المجتمع المدني أمام المحكمة، "
         "وطالبوا بتسريع البت في الملفات.",
         [("قالت", "مصادر قضائية"), ("طالبوا", "نشطاء المجتمع المدني")]),
        # … unless a cue with its own speaker comes between
        ("وتجمع عشرات من النشطاء أمام المحكمة، وقال المحامي سامي عمر إن الملف جاهز، مضيفا أن الحكم قريب.",
         [("قال", "سامي عمر"), ("مضيفا", "سامي عمر")]),
        # the subject after «كان» in SVO
        ("وقبلها كان عالم الآثار الإسرائيلي إليات مزار قد أعلن أنه كشف موقع القصر.", [("أعلن", "إليات مزار")]),
        # no speaker anywhere: say so
        ("قيل إن الاجتماع تأجل.", [("قيل", None)]),
    ],
)
def test_speaker_resolution(nlp, text, expected):
    assert _speakers(nlp, text) == expected


def test_letter_recipient_is_the_addressee(nlp):
    (quote,) = attrib.extract("ووجهت الوزيرة رسالة إلى رئيس الحكومة طالبت فيها بزيادة الميزانية.", nlp=nlp).quotes
    assert (quote.content.text, quote.addressee.name) == ("زيادة الميزانية", "رئيس الحكومة")


def test_confidence_says_how_the_speaker_was_found(nlp):
    quotes = attrib.extract("وقال الوزير إن الخطة جاهزة، مشيرا إلى أن التمويل متوفر. قيل إن الاجتماع تأجل.",
                            nlp=nlp).quotes
    assert [(q.speaker.resolution if q.speaker else None, q.confidence) for q in quotes] == [
        ("explicit", 0.9), ("anaphora", 0.7), (None, 0.5)]


@pytest.mark.skip(reason="known failure: without case endings, a subject that ends in a description "
                         "(«المختصة بأمن الحواسيب») runs into a masdar object («اكتشاف فيروس») unless the "
                         "article repeats the name; needs a masdar lexicon")
def test_subject_then_masdar_object(nlp):
    assert _speakers(nlp, "أعلنت شركة كاسبرسكي لاب المختصة بأمن الحواسيب اكتشاف فيروس جديد.") == [
        ("أعلنت", "كاسبرسكي لاب")]
