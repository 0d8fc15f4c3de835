"""Every claim, part, note, fact, lecture proof, definition, justification and hypothesis has words in both
languages, keyed by the stable ids of the proofs, never by their English titles."""

import re

import pytest

import proofs
from proofs.justifications import JUSTIFICATIONS
from reports.document import Math
from reports.inline import fill
from reports.chains import LECTURE_PROOFS
from reports.definitions import ENTRIES
from reports.lang import LANGUAGES, catalog

CYRILLIC = re.compile("[А-Яа-яЁё]")


def _used_keys():
    keys = {"CLAIMS": set(), "PARTS": set(), "NOTES": set(), "FACTS": set(), "JUSTIFICATIONS": set(JUSTIFICATIONS),
            "HYPOTHESES": set(), "LECTURE": {p.id for p in LECTURE_PROOFS},
            "LECTURE_SHORT": {p.id for p in LECTURE_PROOFS}, "DEFINITIONS": set(ENTRIES)}
    for claim in proofs.claims():
        keys["CLAIMS"].add(claim.id)
        keys["HYPOTHESES"].update(h.name for h in claim.hypotheses)
        for part in claim.parts:
            assert part.id, f"a derivation of {claim.id} has no id"
            keys["PARTS"].add(part.id)
            if part.note:
                keys["NOTES"].add(part.id)
            keys["JUSTIFICATIONS"].update(step.justification for step in part.steps)
            keys["HYPOTHESES"].update(h.name for h in part.hypotheses)
            keys["HYPOTHESES"].update(f"{p}!={q}" for p, q in part.distinct)
        assert all(f.id for f in claim.facts), f"a fact of {claim.id} has no id"
        keys["FACTS"].update(f.id for f in claim.facts)
    return keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_of_the_proofs_has_a_translation(lang):
    cat = catalog(lang)
    missing = [f"{table}: {key!r}" for table, keys in _used_keys().items() for key in sorted(keys)
               if not cat.has(table, key)]
    assert not missing, f"the {lang} catalog lacks:\n" + "\n".join(missing)


def test_the_lectures_claim_ids_are_all_translated():
    ids = ["softmax-range", "softmax-sum", "ce-nonneg", "ce-minimum", "ce-table", "lemma-1", "lemma-2", "lemma-3",
           "softmax-jacobian", "delta-output", "lemma-4", "grad-bias", "grad-weight", "dataset-cost", "no-slowdown"]
    for lang in LANGUAGES:
        assert [i for i in ids if not catalog(lang).has("CLAIMS", i)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_catalog_is_keyed_by_an_english_title(lang):
    titles = {part.title for claim in proofs.claims() for part in claim.parts}
    titles |= {fact.title for claim in proofs.claims() for fact in claim.facts}
    titles -= {part.id for claim in proofs.claims() for part in claim.parts}
    cat = catalog(lang)
    for table in ("PARTS", "FACTS", "NOTES"):
        assert not titles & set(cat.tables[table]), table


def test_both_catalogs_have_the_same_keys():
    ru, en = catalog("ru"), catalog("en")
    for table in ru.tables:
        assert set(ru.tables[table]) == set(en.tables[table]), table


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_fills_and_keeps_cyrillic_out_of_math(lang):
    cat = catalog(lang)
    for table, entries in cat.tables.items():
        for key, value in entries.items():
            for text in (value if isinstance(value, tuple) else (value,)):
                values = {"correct": 0, "predicted": 0, "points": 1, "range": "2", "steps": "4", "letter": "i",
                          "step": 1, "ratio": "2", "epochs": 30, "best": "0,1"}
                for piece in fill(text, values):
                    if isinstance(piece, Math):
                        assert not CYRILLIC.search(piece.latex), (table, key)


def test_russian_words_are_russian_and_english_words_are_not():
    assert CYRILLIC.search(catalog("ru").word("proof"))
    assert catalog("ru").claim("lemma-1")[0] == "Лемма 1"
    assert catalog("ru").word("proof") == "Доказательство."
    assert catalog("ru").word("qed") == "Что и требовалось доказать."
    assert catalog("ru").lookup("JUSTIFICATIONS", "lemma-2") == "в силу леммы 2"
    assert not any(CYRILLIC.search(v) for v in catalog("en").tables["WORDS"].values())


def test_unknown_language_is_a_value_error():
    with pytest.raises(ValueError, match="'de'"):
        catalog("de")


def test_missing_entry_names_table_and_key():
    with pytest.raises(KeyError, match="PARTS entry for 'no such part'"):
        catalog("en").lookup("PARTS", "no such part")


def test_unknown_placeholder_is_a_value_error():
    with pytest.raises(ValueError, match="nonsense"):
        fill("see {nonsense}")
