"""The four parties and the roles a member can have, with the spellings people actually type."""

from enum import StrEnum

from handlers.errors import DomainError


class Party(StrEnum):
    """The four parties of a samordningsförbund."""

    AF = "af"
    FK = "fk"
    REGION = "region"
    KOMMUN = "kommun"


PARTY_ALIASES: dict[str, Party] = {
    "af": Party.AF,
    "arbetsförmedlingen": Party.AF,
    "arbetsformedlingen": Party.AF,
    "fk": Party.FK,
    "försäkringskassan": Party.FK,
    "forsakringskassan": Party.FK,
    "region": Party.REGION,
    "regionen": Party.REGION,
    "landsting": Party.REGION,
    "landstinget": Party.REGION,
    "kommun": Party.KOMMUN,
    "kommunen": Party.KOMMUN,
}


class Role(StrEnum):
    """What a member does in the group."""

    SAMORDNARE = "samordnare"
    SAMMANKALLANDE = "sammankallande"
    LEDAMOT = "ledamot"
    FORBUND = "förbund"


ROLE_ALIASES: dict[str, Role] = {
    "samordnare": Role.SAMORDNARE,
    "samverkanskoordinator": Role.SAMORDNARE,
    "koordinator": Role.SAMORDNARE,
    "sk": Role.SAMORDNARE,
    "sammankallande": Role.SAMMANKALLANDE,
    "ordförande": Role.SAMMANKALLANDE,
    "ledamot": Role.LEDAMOT,
    "förbund": Role.FORBUND,
    "forbund": Role.FORBUND,
    "förbundet": Role.FORBUND,
}


def party_named(name: str) -> Party | None:
    """The party a word or an organisation's name means, or None.

    A word is one of the aliases ("AF", "Försäkringskassan", "kommunen" ...); a longer name counts when it
    starts or ends with one, as the organisations write themselves: "Region Uppsala", "Heby kommun". A name
    whose two ends name different parties means neither.
    """
    cleaned = name.strip().lower().rstrip(".")
    if cleaned in PARTY_ALIASES:
        return PARTY_ALIASES[cleaned]
    words = cleaned.split()
    ends = {PARTY_ALIASES.get(words[0]), PARTY_ALIASES.get(words[-1])} - {None} if len(words) > 1 else set()
    return ends.pop() if len(ends) == 1 else None


def parse_party(word: str) -> Party:
    """The party a word or name means ("AF", "Försäkringskassan", "Region Uppsala" ...)."""
    party = party_named(word)
    if party is None:
        raise DomainError("party.unknown", given=word)
    return party


def parse_roles(text: str) -> list[Role]:
    """Roles from comma- or space-separated words; duplicates dropped, order kept."""
    roles: list[Role] = []
    for word in text.replace(",", " ").split():
        role = ROLE_ALIASES.get(word.strip().lower())
        if role is None:
            raise DomainError("role.unknown", given=word)
        if role not in roles:
            roles.append(role)
    return roles
