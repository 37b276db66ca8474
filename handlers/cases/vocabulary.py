"""The fixed answers of a lots-ärende: codes stored in the database, with the words people type for them.

Labels live in the message catalogue under `case.<field>.<code>`; the words here are what the chat, the
form and the import accept.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A stored code and the spellings accepted for it."""

    code: str
    words: tuple[str, ...] = ()


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
    Term("65+", ("65+", "65-", "över 65")),
    Term("okant", ("okänt", "okänd", "vet ej", "okant")),
)

YOUNG_BANDS = ("16-19", "20-24", "25-29")

TARGET_GROUPS = (
    Term("unga_utan_gymnasium", ("unga utan gymnasieutbildning", "unga utan gymnasium", "unga")),
    Term("psykisk_ohalsa", ("psykisk ohälsa/funktionsnedsättning", "psykisk ohälsa", "funktionsnedsättning",
                            "psykisk ohälsa eller funktionsnedsättning")),
    Term("forsorjningsstod", ("långvarigt försörjningsstöd", "försörjningsstöd", "långvarigt beroende av "
                              "försörjningsstöd")),
    Term("nyanlanda", ("nyanlända", "nyanländ")),
    Term("aktivitetsersattning", ("aktivitetsersättning",)),
    Term("sjukskrivna", ("långtidssjukskrivna", "sjukskrivna", "sjukskriven")),
    Term("missbruk", ("missbruk/beroende", "missbruk", "beroende")),
    Term("annan_malgrupp", ("annan målgrupp", "annan", "övrigt")),
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
    Term("ersattning", ("sjukersättning/aktivitetsersättning", "sjukersättning", "aktivitetsersättning",
                        "ersättning")),
    Term("annat", ("annat", "övrigt")),
    Term("okant", ("okänt", "vet ej", "okand")),
)

WORK_OR_STUDIES = ("arbete", "studier")


def lookup(terms: tuple[Term, ...], word: str) -> str | None:
    """The code a word means among the terms (case and spacing do not matter), or None."""
    wanted = " ".join(word.replace("–", "-").split()).casefold()
    for term in terms:
        if wanted == term.code.casefold() or wanted in (w.replace("–", "-").casefold() for w in term.words):
            return term.code
    return None


def codes(terms: tuple[Term, ...]) -> tuple[str, ...]:
    """The codes of the terms, in order."""
    return tuple(term.code for term in terms)
