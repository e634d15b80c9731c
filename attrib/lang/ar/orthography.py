"""Arabic orthographic character classes, as regex class bodies or translation maps."""

# Harakat, tanween, shadda, sukun and the small marks that follow them; the superscript alef.
DIACRITICS = "\u064b-\u065f\u0670"
# Quranic annotation signs, small high letters and stop marks.
QURANIC_MARKS = "\u0610-\u061a\u06d6-\u06ed"
TATWEEL = "\u0640"

ALEF_VARIANTS = "أإآٱٲٳ"
ALEF = "ا"
ALEF_MAQSURA = "ى"
YA = "ي"
FARSI_YA = "ی"
TA_MARBUTA = "ة"
HA = "ه"
KAF_VARIANTS = "ک"
KAF = "ك"

# Presentation forms A (U+FB50–U+FDFF) and B (U+FE70–U+FEFE) fold to their base letters.
PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefe"

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
