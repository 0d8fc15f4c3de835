"""The handouts' words, one catalog per language.

Each language module holds ``WORDS`` (the handout's own phrases),
``CLAIMS`` (claim id -> title and statement in words), ``PARTS`` and
``NOTES`` (keyed by :attr:`proofs.Derivation.id`), ``FACTS`` (keyed by
:attr:`proofs.Fact.id`), ``LECTURE`` and ``LECTURE_SHORT`` (the lecture's
own proofs in the errata, keyed by the ids of :mod:`reports.chains`),
``DEFINITIONS`` (the entries of :mod:`reports.definitions`),
``JUSTIFICATIONS`` (justification key -> phrase) and ``HYPOTHESES``.
A missing entry is an error naming it, never a silent English fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

__all__ = ["LANGUAGES", "Catalog", "catalog"]

LANGUAGES = ("ru", "en")
"""The handouts' languages; Russian, the lecture's own, first."""

_TABLES = ("WORDS", "CLAIMS", "PARTS", "FACTS", "NOTES", "LECTURE", "LECTURE_SHORT", "DEFINITIONS",
           "JUSTIFICATIONS", "HYPOTHESES")


@dataclass(frozen=True)
class Catalog:
    """The words of one language, looked up with errors that name what is missing."""

    lang: str
    name: str
    tables: dict

    def lookup(self, table, key):
        """The entry ``key`` of ``table``; a ``KeyError`` naming both if it is missing."""
        try:
            return self.tables[table][key]
        except KeyError:
            raise KeyError(f"the {self.lang} catalog has no {table} entry for {key!r}") from None

    def word(self, key):
        return self.lookup("WORDS", key)

    def claim(self, claim_id):
        return self.lookup("CLAIMS", claim_id)

    def has(self, table, key):
        return key in self.tables[table]


def catalog(lang):
    """The catalog of ``lang`` (one of :data:`LANGUAGES`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    module = import_module(f"{__name__}.{lang}")
    return Catalog(lang, module.NAME, {name: getattr(module, name) for name in _TABLES})
