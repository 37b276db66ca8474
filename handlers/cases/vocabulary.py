"""The fixed answers of a lots-ärende: codes stored in the database, with the words people type for them.

Labels live in the message catalogue under `case.<field>.<code>`; the words here are what the chat, the
form and the import accept.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from handlers.parties import PARTY_ALIASES, Party
from handlers.text import Text, t


@dataclass(frozen=True)
class Term:
    """A stored code and the spellings accepted for it (the first is how files spell it).

    `label` is set only for a group's own target groups, which have no catalogue text.
    """

    code: str
    words: tuple[str, ...] = ()
    label: str = ""


PARTIES = tuple(
    Term(party.value, (spelling, *(word for word, p in PARTY_ALIASES.items() if p is party)))
    for party, spelling in ((Party.AF, "AF"), (Party.FK, "FK"), (Party.REGION, "Region"), (Party.KOMMUN, "Kommun"))
)


GENDERS = (
    Term("kvinna", ("kvinna", "k", "kvinnor", "female", "woman", "f")),
    Term("man", ("man", "m", "män", "male")),
    Term("annat", ("annat", "annan", "ickebinär", "other")),
    Term("ej_dokumenterat", ("ej dokumenterat", "ej dok", "okänt", "vet ej", "ej", "-", "")),
)

AGE_BANDS = (
    Term("16-19", ("16-19", "16–19")),
    Term("20-24", ("20-24", "20–24")),
    Term("25-29", ("25-29", "25–29")),
    Term("30-39", ("30-39", "30–39")),
    Term("40-49", ("40-49", "40–49")),
    Term("50-64", ("50-64", "50–64")),
    Term("65+", ("65+", "65-", "över 65", "65 och äldre")),
    Term("okant", ("okänt", "okänd", "vet ej", "okant")),
)

YOUNG_BANDS = ("16-19", "20-24", "25-29")
AGE_LIMITS = ((16, "16-19"), (20, "20-24"), (25, "25-29"), (30, "30-39"), (40, "40-49"), (50, "50-64"), (65, "65+"))
OLDEST_AGE = 120


def age_band_of(age: int) -> str | None:
    """The age band an age falls in ("23" → "20-24"), or None below the youngest band or above any age."""
    if age < AGE_LIMITS[0][0] or age > OLDEST_AGE:
        return None
    return [band for lowest, band in AGE_LIMITS if age >= lowest][-1]


TARGET_GROUPS = (  # the first spelling is how files write it: capitalised, as the förbund's list and own ones
    Term("unga_utan_gymnasium", ("Unga utan gymnasieutbildning", "unga utan gymnasium", "unga")),
    Term(
        "psykisk_ohalsa",
        (
            "Psykisk ohälsa/funktionsnedsättning",
            "psykisk ohälsa",
            "funktionsnedsättning",
            "psykisk ohälsa eller funktionsnedsättning",
        ),
    ),
    Term(
        "forsorjningsstod",
        ("Långvarigt försörjningsstöd", "försörjningsstöd", "långvarigt beroende av försörjningsstöd"),
    ),
    Term("nyanlanda", ("Nyanlända", "nyanländ")),
    Term("aktivitetsersattning", ("Aktivitetsersättning",)),
    Term("sjukskrivna", ("Långtidssjukskrivna", "sjukskrivna", "sjukskriven")),
    Term("missbruk", ("Missbruk/beroende", "missbruk", "beroende")),
    Term("annan_malgrupp", ("Annan målgrupp", "annan", "övrigt")),
)

FAILURES = (
    Term("ansvarsfordelning", ("ansvarsfördelning", "oklar ansvarsfördelning")),
    Term("information", ("information mellan parter", "information", "informationsöverföring")),
    Term("vantetider", ("väntetider", "väntetid")),
    Term("saknad_insats", ("saknad insats", "saknas insats", "insats saknas")),
    Term("regelverk", ("regelverk", "regler", "lagstiftning")),
    Term("samordning", ("samordning mellan insatser", "samordning", "parallella insatser")),
    Term("annat", ("annat", "övrigt")),
)

STATUSES = (
    Term("open", ("öppen", "öppet", "ny", "open")),
    Term("in_progress", ("pågår", "pågående", "in progress")),
    Term("closed", ("stängd", "stängt", "avslutad", "avslutat", "closed")),
)

OUTCOMES = (
    Term("arbete", ("arbete", "jobb", "anställning")),
    Term("studier", ("studier", "utbildning", "studerar")),
    Term("ordinarie", ("ordinarie verksamhet hos en part", "ordinarie verksamhet", "ordinarie")),
    Term("ersattning", ("sjukersättning/aktivitetsersättning", "sjukersättning", "aktivitetsersättning", "ersättning")),
    Term("annat", ("annat", "övrigt")),
    Term("okant", ("okänt", "vet ej", "okand")),
)

WORK_OR_STUDIES = ("arbete", "studier")


def normalize(word: str) -> str:
    """How spellings are compared: case, spacing, dash kind, a trailing full stop or "år" do not matter."""
    cleaned = " ".join(word.replace("–", "-").replace("—", "-").split()).casefold().rstrip(".")
    cleaned = re.sub(r"\s*-\s*", "-", cleaned)
    return re.sub(r"\s+år$", "", cleaned)


def lookup(terms: tuple[Term, ...], word: str) -> str | None:
    """The code a word means among the terms, or None."""
    wanted = normalize(word)
    for term in terms:
        if wanted == term.code.casefold() or wanted in (normalize(w) for w in (*term.words, term.label) if w):
            return term.code
    return None


def spelling(terms: tuple[Term, ...], code: str) -> str:
    """How a code is written in files: the term's first word (the code itself when unknown)."""
    term = next((term for term in terms if term.code == code), None)
    return (term.label or term.words[0]) if term is not None and (term.label or term.words) else code


def label(field: str, term: Term) -> Text | str:
    """What a person reads for a term: the catalogue's `case.<field>.<code>`, or a group's own label."""
    return term.label or t(f"case.{field}.{term.code}")


def group_target_groups(settings: Mapping[str, Any] | None) -> tuple[Term, ...]:
    """A group's target groups: its own list in settings["target_groups"] (default codes or
    {"code", "label"} entries), else the defaults. Entries marked "retired" are left out."""
    terms = [term for term, retired in _listed_target_groups(settings) if not retired]
    return tuple(terms) or TARGET_GROUPS


def named_target_groups(settings: Mapping[str, Any] | None) -> tuple[Term, ...]:
    """Every target group the group has ever listed, retired ones too: what its older cases are called."""
    return tuple(term for term, _ in _listed_target_groups(settings)) or TARGET_GROUPS


def _listed_target_groups(settings: Mapping[str, Any] | None) -> list[tuple[Term, bool]]:
    known = {term.code: term for term in TARGET_GROUPS}
    listed: list[tuple[Term, bool]] = []
    for entry in (settings or {}).get("target_groups") or ():
        if isinstance(entry, str) and entry in known:
            listed.append((known[entry], False))
        elif isinstance(entry, Mapping) and entry.get("code"):
            code, own = str(entry["code"]), str(entry.get("label") or "")
            if own:
                listed.append(
                    (Term(code, (own, *known.get(code, Term(code)).words), label=own), bool(entry.get("retired")))
                )
            elif code in known:
                listed.append((known[code], bool(entry.get("retired"))))
    return listed


def codes(terms: tuple[Term, ...]) -> tuple[str, ...]:
    """The codes of the terms, in order."""
    return tuple(term.code for term in terms)
