"""Refusing text that points out a person, with the message for the kind found (never the text itself)."""

from handlers.errors import AnswerError, DomainError
from handlers.identity import IdentityKind, find_identity
from handlers.text import Text, t


def kind_words(kind: IdentityKind) -> Text:
    """What was found, as the messages name it ("ett personnummer", "en e-postadress")."""
    return t(f"identity.kind.{kind.name.lower()}")


def cell_refusal(kind: IdentityKind) -> Text:
    """Why a cell of an imported file was refused (a mistyped personnummer has words of its own)."""
    return t("case.import.identity_likely" if kind.likely else "case.import.identity", kind=kind_words(kind))


def guard_identity(text: str) -> None:
    """Refuse an answer holding a personnummer (a mistyped one too), samordningsnummer, phone number or e-mail."""
    kind = find_identity(text)
    if kind is not None:
        raise AnswerError("identity.refused_likely" if kind.likely else "identity.refused", kind=kind_words(kind))


def guard_name(text: str, key: str) -> None:
    """Refuse a name (of a group, a target group …) that holds identity, with the catalogue message `key`."""
    if find_identity(text) is not None:
        raise DomainError(key)
