"""Offsets never move: perturbing a text with what the normalised view folds away changes no
attribution, and every reported span is an exact slice of the caller's string.

Texts: the seed article, the dev gold set, and a fixed sample of the shared news pool (when
`../shared/pool/news-ar.jsonl` exists). Perturbations (see `_perturb.py`): diacritics and Quranic
marks after Arabic letters, tatweel between two joining letters, zero-width and bidi marks,
NBSP and other Unicode spaces for spaces, « » (and other styles) for paired ASCII quotes,
Arabic-Indic and Persian digits, presentation forms. Properties:

1. every span of the result (source, cue, content, speaker mention, agency, addressee, entity
   mentions) is `text[start:end]`, does not start on a mark, keeps its last letter's marks and
   has no white space at its edges;
2. the result equals the unperturbed result once its offsets are mapped back through the
   perturbation: the same attributions with the same types, cues (lemma, class), confidences and
   entity ids, and every span at the same original position.

Names (speaker, agency, addressee, entity names) are compared folded too, under every
perturbation, with minimal cases for a لـ written with marks or as a presentation form.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import attrib
from attrib.lang.ar import fold

from . import _perturb as P
from ._corpus import POOL_SAMPLE, all_texts, dev_texts, pool_texts, seed_text

TEXTS = all_texts()
SEED_KEYS = ["seed"]
DEV_KEYS = sorted(dev_texts())
POOL_KEYS = sorted(pool_texts())
ALL_KEYS = sorted(TEXTS)

BRIEF_KINDS = ("diacritic", "tatweel", "mark", "space")
GUILLEMETS = 1  # index into P.QUOTE_STYLES, plus one


def fast(max_examples: int):
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


_SITES: dict[str, P.Sites] = {}
_BASELINES: dict[str, dict] = {}


def sites_of(key: str) -> P.Sites:
    if key not in _SITES:
        _SITES[key] = P.sites(TEXTS[key])
    return _SITES[key]


def baseline(nlp, key: str) -> dict:
    if key not in _BASELINES:
        _BASELINES[key] = attrib.extract(TEXTS[key], nlp=nlp).to_dict()
    return _BASELINES[key]


def _summary(perturbed: P.Perturbed) -> str:
    edits = perturbed.description
    shown = "; ".join(edits[:6])
    return f"{shown}; … ({len(edits)} edits)" if len(edits) > 6 else shown


def check_invariance(nlp, key: str, perturbed: P.Perturbed, names: bool = False) -> None:
    """Property 1, and property 2 on positions, types, cues, entity ids and confidences; with
    `names`, the folded speaker, agency, addressee and entity names too."""
    result = attrib.extract(perturbed.text, nlp=nlp).to_dict()
    problems = P.span_problems(perturbed.text, result)
    assert not problems, f"{key}: {problems} [perturbed by {_summary(perturbed)}]"
    expected = P.signature(baseline(nlp, key), perturbed.coarsen, names)
    actual = P.signature(result, perturbed.span, names)
    assert actual == expected, (
        f"{key}: {P.first_difference(expected, actual)} [perturbed by {_summary(perturbed)}]"
    )


@st.composite
def perturbations(draw, keys, kinds=BRIEF_KINDS, styles=(0, GUILLEMETS), max_ops=40):
    key = draw(st.sampled_from(keys))
    site = sites_of(key)
    ops = draw(st.lists(
        st.tuples(st.sampled_from(kinds), st.integers(0, 1 << 20), st.integers(0, 63)), max_size=max_ops))
    quote_styles = draw(st.lists(
        st.sampled_from(styles), min_size=len(site.ascii_pairs), max_size=len(site.ascii_pairs)))
    density = draw(st.sampled_from((0.0, 0.05, 0.3, 1.0))) if "diacritic" in kinds else 0.0
    seed = draw(st.integers(0, 999)) if density else 0
    return key, P.build(TEXTS[key], site, ops, quote_styles, density, seed)


# ------------------------------------------------------------------------------------------------
# the unperturbed texts
# ------------------------------------------------------------------------------------------------
def test_the_corpus_is_there():
    assert "seed" in TEXTS and len(DEV_KEYS) >= 30
    assert "وقال وزير الخارجية التركي" in seed_text()
    if POOL_KEYS:  # the pool is there: every article of the fixed sample is in it
        assert len(POOL_KEYS) == len(POOL_SAMPLE)


@pytest.mark.parametrize("key", ALL_KEYS)
def test_unperturbed_spans_are_exact_slices(ar_nlp, key):
    result = baseline(ar_nlp, key)
    assert not P.span_problems(TEXTS[key], result)


def test_seed_has_attributions_to_compare(ar_nlp):
    """The invariance properties compare something: the seed yields attributions of every kind of
    span, including a mixed quote and an agency."""
    result = baseline(ar_nlp, "seed")
    roles = {role.split(".", 1)[-1] for role, _ in P.iter_spans(result)}
    assert {"cue", "content", "speaker.mention", "agency", "addressee"} <= roles
    assert {q["type"] for q in result["quotes"]} >= {"direct", "indirect", "mixed"}
    assert result["source"] is not None


# ------------------------------------------------------------------------------------------------
# properties under random perturbation
# ------------------------------------------------------------------------------------------------
@fast(150)
@given(perturbations(SEED_KEYS))
def test_seed_invariant_under_marks_spaces_and_guillemets(ar_nlp, case):
    check_invariance(ar_nlp, *case)


@fast(250)
@given(perturbations(DEV_KEYS))
def test_dev_invariant_under_marks_spaces_and_guillemets(ar_nlp, case):
    check_invariance(ar_nlp, *case)


@pytest.mark.skipif(not POOL_KEYS, reason="the shared news pool is not available")
@fast(150)
@given(perturbations(POOL_KEYS or ["seed"]))
def test_pool_invariant_under_marks_spaces_and_guillemets(ar_nlp, case):
    check_invariance(ar_nlp, *case)


@fast(100)
@given(perturbations(ALL_KEYS, kinds=BRIEF_KINDS + ("digit",), styles=tuple(range(len(P.QUOTE_STYLES) + 1))))
def test_invariant_under_every_quote_style_and_digits(ar_nlp, case):
    """« », “ ”, mirrored ” “, „ “ and PTB `` '' for ASCII pairs; Arabic-Indic and Persian digits."""
    check_invariance(ar_nlp, *case)


@fast(100)
@given(perturbations(ALL_KEYS, kinds=("presentation", "ligature", "mark"), max_ops=60))
def test_presentation_forms_keep_every_span(ar_nlp, case):
    """Letters in presentation forms and lam-alef ligatures: the same attributions at the same
    places."""
    check_invariance(ar_nlp, *case)


# ------------------------------------------------------------------------------------------------
# every text at once, each perturbation at full strength
# ------------------------------------------------------------------------------------------------
def _everywhere(kind: str):
    def ops(site: P.Sites):
        count = {"diacritic": len(site.diacritic), "tatweel": len(site.tatweel), "mark": len(site.mark),
                 "space": len(site.space), "digit": len(site.digit), "presentation": len(site.letter),
                 "ligature": len(site.lam_alef), "crlf": len(site.newline),
                 "decompose": len(site.decomposable)}[kind]
        return [(kind, k, k) for k in range(count)]
    return ops


FULL_STRENGTH = {
    "vocalised": lambda site: ([], [], 1.0),
    "tatweel-in-every-gap": lambda site: (_everywhere("tatweel")(site), [], 0.0),
    "a-mark-in-every-gap": lambda site: (_everywhere("mark")(site), [], 0.0),
    "every-space-unicode": lambda site: (_everywhere("space")(site), [], 0.0),
    "every-pair-guillemets": lambda site: ([], [GUILLEMETS] * len(site.ascii_pairs), 0.0),
    "every-pair-ptb": lambda site: ([], [len(P.QUOTE_STYLES)] * len(site.ascii_pairs), 0.0),
    "every-pair-mirrored-curly": lambda site: ([], [3] * len(site.ascii_pairs), 0.0),
    "every-letter-presentation-form": lambda site: (_everywhere("presentation")(site), [], 0.0),
    "every-lam-alef-ligature": lambda site: (_everywhere("ligature")(site), [], 0.0),
    "crlf-line-ends": lambda site: (_everywhere("crlf")(site), [], 0.0),
    "canonically-decomposed": lambda site: (_everywhere("decompose")(site), [], 0.0),
    "all-together": lambda site: (
        _everywhere("tatweel")(site) + _everywhere("space")(site) + _everywhere("digit")(site)
        + [("mark", k, k) for k in range(0, len(site.mark), 7)],
        [GUILLEMETS] * len(site.ascii_pairs), 0.5),
}


def full_strength_failures(nlp, variant: str, names: bool) -> list[str]:
    failures = []
    for key in ALL_KEYS:
        ops, styles, density = FULL_STRENGTH[variant](sites_of(key))
        perturbed = P.build(TEXTS[key], sites_of(key), ops, styles, density, seed=7)
        assert perturbed.text != TEXTS[key] or not (ops or any(styles) or density), (variant, key)
        try:
            check_invariance(nlp, key, perturbed, names=names)
        except AssertionError as error:
            failures.append(str(error).split("\nassert")[0][:800])
    return failures


@pytest.mark.parametrize("variant", sorted(FULL_STRENGTH))
def test_every_text_invariant_at_full_strength(ar_nlp, variant):
    """Same attributions at the same places, and the same speaker, agency and entity names."""
    assert P.QUOTE_STYLES[GUILLEMETS - 1] == ("«", "»") and P.QUOTE_STYLES[2] == ("”", "“")
    failures = full_strength_failures(ar_nlp, variant, names=True)
    assert not failures, "\n".join(failures)


def test_decomposed_hamza_keeps_the_participle_cue(ar_nlp):
    import unicodedata

    text = "وأكد الرئيس أن الوضع صعب، قائلا إن الحل قريب."
    composed = attrib.extract(text, nlp=ar_nlp).to_dict()["quotes"]
    assert [q["cue"]["lemma"] for q in composed] == ["أكد", "قال"]  # the control
    decomposed = attrib.extract(unicodedata.normalize("NFD", text), nlp=ar_nlp).to_dict()["quotes"]
    assert [q["cue"]["lemma"] for q in decomposed] == ["أكد", "قال"]
    assert [fold(q["content"]["text"]) for q in decomposed] == ["الوضع صعب", "الحل قريب"]


def test_the_perturbations_reach_the_attributions(ar_nlp):
    """Guard against a vacuous property: a full-strength perturbation of the seed really changes
    the characters of the reported spans, and the swap really replaces the quotes of q-mixed."""
    site = sites_of("seed")
    perturbed = P.build(TEXTS["seed"], site, _everywhere("tatweel")(site), [GUILLEMETS] * len(site.ascii_pairs), 1.0)
    before = baseline(ar_nlp, "seed")
    after = attrib.extract(perturbed.text, nlp=ar_nlp).to_dict()
    assert len(after["quotes"]) == len(before["quotes"]) > 5
    for old, new in zip(before["quotes"], after["quotes"]):
        assert new["content"]["text"] != old["content"]["text"]
        assert fold(new["content"]["text"]) == fold(old["content"]["text"])
    mixed = [q["content"]["text"] for q in after["quotes"] if q["type"] == "mixed"]
    assert mixed and all("«" in m and '"' not in m for m in mixed)


# ------------------------------------------------------------------------------------------------
# names: well formed, and the same under perturbation
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ALL_KEYS)
def test_unperturbed_names_are_well_formed(ar_nlp, key):
    assert not P.name_problems(baseline(ar_nlp, key))


def _agency_name(nlp, text: str) -> str:
    quotes = attrib.extract(text, nlp=nlp).to_dict()["quotes"]
    names = [q["agency"]["name"] for q in quotes if q["agency"]]
    assert len(names) == 1, quotes
    return names[0]


def _speaker_name(nlp, text: str) -> str:
    quotes = attrib.extract(text, nlp=nlp).to_dict()["quotes"]
    assert len(quotes) == 1, quotes
    return quotes[0]["speaker"]["name"]


def test_agency_name_of_plain_attached_lam(ar_nlp):
    assert _agency_name(ar_nlp, "وقال الوزير في تصريحات لوكالة رويترز إن الفريق جاهز.") == "وكالة رويترز"
    assert _agency_name(ar_nlp, "وقال الوزير في تصريحات لـوكالة رويترز إن الفريق جاهز.") == "وكالة رويترز"
    assert _agency_name(ar_nlp, "وقال الوزير في تصريحات للوكالة الفرنسية إن الفريق جاهز.") == "الوكالة الفرنسية"
    assert _agency_name(ar_nlp, "وقال الوزير في تصريحات لإذاعة الساحل إن الفريق جاهز.") == "إذاعة الساحل"
    assert _agency_name(ar_nlp, "وقال الوزير للجزيرة نت إن الفريق جاهز.") == "الجزيرة نت"
    assert _speaker_name(
        ar_nlp, "ونسبت وكالة إنترفاكس لوزير الخارجية التركي قوله إن بوتين وأردوغان قد يجتمعان."
    ) == "وزير الخارجية التركي"


@pytest.mark.parametrize("written", ["لِوكالة", "ل\u200cوكالة", "ل\u200fوكالة"])
def test_agency_name_after_a_marked_lam(ar_nlp, written):
    text = f"وقال الوزير في تصريحات {written} رويترز إن الفريق جاهز."
    assert _agency_name(ar_nlp, text) == "وكالة رويترز"


@pytest.mark.parametrize(
    "text,name",
    [
        ("وقال الوزير في تصريحات لِلوكالة الفرنسية إن الفريق جاهز.", "الوكالة الفرنسية"),
        ("وقال الوزير في تصريحات ل\u200bلوكالة الفرنسية إن الفريق جاهز.", "الوكالة الفرنسية"),
        ("وقال الوزير لِلجزيرة نت إن الفريق جاهز.", "الجزيرة نت"),
        ("وقال الوزير لـلجزيرة نت إن الفريق جاهز.", "الجزيرة نت"),
    ],
)
def test_agency_name_after_a_marked_lil(ar_nlp, text, name):
    assert fold(_agency_name(ar_nlp, text)) == fold(name)


@pytest.mark.parametrize("written", ["لِوزير", "لـوزير", "ل\u200cوزير"])
def test_speaker_name_after_a_marked_lam(ar_nlp, written):
    text = f"ونسبت وكالة إنترفاكس {written} الخارجية التركي قوله إن بوتين وأردوغان قد يجتمعان."
    assert _speaker_name(ar_nlp, text) == "وزير الخارجية التركي"


@pytest.mark.parametrize(
    "written,name",
    [("ﻝوكالة رويترز", "وكالة رويترز"), ("ﻹذاعة الساحل", "إذاعة الساحل")],
)
def test_agency_name_after_a_presentation_form_lam(ar_nlp, written, name):
    text = f"وقال الوزير في تصريحات {written} إن الفريق جاهز."
    assert fold(_agency_name(ar_nlp, text)) == fold(name)


@fast(100)
@given(perturbations(ALL_KEYS, kinds=("space", "digit"), styles=tuple(range(len(P.QUOTE_STYLES) + 1))))
def test_names_invariant_under_spaces_quotes_and_digits(ar_nlp, case):
    check_invariance(ar_nlp, *case, names=True)
