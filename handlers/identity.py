"""Identity never enters: find personnummer, samordningsnummer, phone numbers and e-mail addresses in free text.

Cases are statistics, never records about a person, so every piece of user text the bot stores, shows or quotes
is checked here. Only the *kind* of data found is returned; the text itself is never logged nor stored.

Decisions:

* The text is looked at normalised, never stored so: Unicode NFKC (full-width digits and "＠" become ASCII),
  format characters (category Cf: zero-width spaces and joiners, soft hyphens, direction marks) and control
  characters taken out, every decimal digit of any script read as 0-9, every dash read as "-" and each run of
  spaces and tabs read as one space. A line break still ends a number. Slack's mentions of people and channels
  (<@U…>, <#C…|name>) are read as their names alone: their ids are not phone numbers.
* It is read as it shows where it is rendered: Slack's and Markdown's emphasis marks (* _ ~ `) taken out, since
  "*85*0312-1231" shows as one number; HTML character references ("&#56;") and percent-escapes ("%38") decoded
  and HTML tags and comments ("<b></b>", "<!-- -->") dropped, as a Markdown viewer of the plan document would –
  all but "<at>", "<a>", "<dot>" and "<punkt>", which stand for "@" and "."; the ideographic full stop is a dot.
* Personnummer: 10 digits (YYMMDDNNNN) or 12 (CCYYMMDDNNNN, century 18-20), written unbroken or with the date and
  the last four digits apart (a space, "-", "+" or "." between them, spaces allowed around the sign), the date
  itself either unbroken or split evenly the same way throughout ("85 03 12", "85.03.12", "1985-03-12") and the
  last four either unbroken or as "12 31". Three or more one-digit groups split the same way ("8 5 0 3 1 2") are
  read as one. It counts when the date exists (a 10-digit date may be in any century 1800-2099, so 000229 is
  2000-02-29). A samordningsnummer is the same with day + 60 (61-91).
* The check digit decides only how it is named. A real date with a correct Luhn digit (over the 10-digit form) is a
  PERSONNUMMER or SAMORDNINGSNUMMER; with a wrong one it is LIKELY_PERSONNUMMER or LIKELY_SAMORDNINGSNUMMER, and is
  refused just the same, with its own message ("ser ut som ett personnummer"): a mistyped personnummer still
  points at the person. Organisation numbers are not caught by this: their "month" is 20 or more, no real date.
* A date written with dashes or dots and then a space and four digits ("2026-11-20 1300") is a day and a time or
  a count; it is refused only when the check digit is right. A split last four other than "12 31" ("2026-11-20
  13-16") is never a personnummer.
* Phone numbers: Swedish national numbers 0 + area code + subscriber, 8-10 digits in all, either unbroken
  (0701234567) or written as area code (2-4 digits, optionally in parentheses), an optional dash or slash, and
  then one block of 5-8 digits or groups of 2-3 digits (070-123 45 67, 08-123 456 78, 018/12 34 56, 0480-123 45),
  or with dots between every group (070.123.45.67). A dash or slash is only accepted right after the area code,
  so "kl 09-12 13-16" and "2026-11-20" are not phone numbers. International numbers: +46 or 0046, an optional
  (0), then 7-9 digits; other country codes (+47 912 34 567) with 8-15 digits, unless the groups look like a
  thousands-grouped amount ("+1 250 000"). Every phone number is refused, a switchboard's too ("Region Uppsala
  018-611 00 00"): nothing tells a switchboard from a direct line, and a case or a plan needs neither. Short
  numbers (112, 1177, 114 14) and postal codes (752 36) are not phone numbers.
* E-mail addresses: local part, an at sign and a domain with a dot and a top-level domain of letters. The at sign
  may be written "@" (with a space after it or on both sides; " @anna" alone is a mention), "(at)", "[at]",
  "{at}", "<at>", "(a)", "[@]", " at " or "snabel-a"; a dot of the domain as "(dot)", "[dot]", "(punkt)",
  " dot ", " punkt " or " . ".
* When the same string is several kinds (a Luhn-valid personnummer starting with 0 looks like a phone number) a
  personnummer wins, then an e-mail address, a phone number, and last a LIKELY_ kind; otherwise the kind found
  earliest in the text is reported.
"""

import html
import re
import unicodedata
from enum import StrEnum
from urllib.parse import unquote

from handlers.identity_numbers import find_personnummer, luhn_ok, number_kind, whole_number
from handlers.identity_phones import find_phone

__all__ = ["IdentityKind", "find_identity", "is_personnummer", "luhn_ok", "normalised"]


class IdentityKind(StrEnum):
    """The kinds of data that point out a person."""

    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"
    PHONE = "telefonnummer"
    EMAIL = "e-postadress"
    LIKELY_PERSONNUMMER = "troligt personnummer"
    LIKELY_SAMORDNINGSNUMMER = "troligt samordningsnummer"

    @property
    def likely(self) -> bool:
        """Whether it is a personnummer or samordningsnummer whose check digit is wrong."""
        return self.name.startswith("LIKELY_")


_RANKS = {
    IdentityKind.PERSONNUMMER: 0,
    IdentityKind.SAMORDNINGSNUMMER: 0,
    IdentityKind.EMAIL: 1,
    IdentityKind.PHONE: 2,
    IdentityKind.LIKELY_PERSONNUMMER: 3,
    IdentityKind.LIKELY_SAMORDNINGSNUMMER: 3,
}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")
_SLACK_IDS = re.compile(r"<[@#!][A-Z0-9^]++(?:\|([^>]*+))?>")
_HTML_TAGS = re.compile(  # not "<at>" and its kin, which stand for "@" and "." (see _AT and _DOT)
    r"<!--.*?-->|</?(?!(?:at|a|dot|punkt)>)[A-Za-z][A-Za-z0-9]*+(?:\s[^<>]*+)?/?>", re.DOTALL | re.IGNORECASE
)
_MARKUP = re.compile(r"[*_~`]")  # Slack's and Markdown's emphasis: "*85*0312-1231" shows as one number
_FULL_STOPS = "\u3002"  # the ideographic full stop (NFKC reads the half-width one as this)
_AT = r"(?:@ ?| @ | ?[(\[{<] ?(?:at|a|@|snabel[- ]?a) ?[)\]}>] ?| (?:at|snabel[- ]?a) )"
_DOT = r"(?:\.| \. | ?[(\[{<] ?(?:dot|punkt|\.) ?[)\]}>] ?| (?:dot|punkt) )"
_EMAIL = re.compile(rf"(?<![\w.+'-])[\w.+'-]++{_AT}(?:[\w-]++{_DOT})+[^\W\d_]{{2,}}", re.IGNORECASE)


def find_identity(text: str) -> IdentityKind | None:
    """The first kind of identifying data found in text, or None."""
    plain = normalised(text)
    hits: list[tuple[int, int, IdentityKind]] = []
    number = find_personnummer(plain)
    if number is not None:
        kind = IdentityKind[number[1]]
        hits.append((number[0], _RANKS[kind], kind))
    email = _EMAIL.search(plain)
    if email is not None:
        hits.append((email.start(), _RANKS[IdentityKind.EMAIL], IdentityKind.EMAIL))
    phone = find_phone(plain)
    if phone is not None:
        hits.append((phone, _RANKS[IdentityKind.PHONE], IdentityKind.PHONE))
    return min(hits)[2] if hits else None


def is_personnummer(candidate: str) -> IdentityKind | None:
    """PERSONNUMMER or SAMORDNINGSNUMMER when the whole candidate (spaces around it ignored) is one with a correct
    check digit, else None."""
    digits = whole_number(normalised(candidate).strip())
    name = number_kind(digits, strict=True) if digits is not None else None
    return IdentityKind[name] if name is not None else None


def normalised(text: str) -> str:
    """The text the way the checks read it (see the module's decisions); never stored or shown."""
    text = _decoded(text)
    text = _ASCII_CONTROLS.sub("", text) if text.isascii() else _unicode_read(text)
    return _SPACE_RUN.sub(" ", _MARKUP.sub("", text))


def _decoded(text: str) -> str:
    """What the text shows where it is rendered: Slack's mentions as their names; HTML character references,
    percent-escapes and HTML tags (which Markdown viewers render, or render as nothing) decoded or dropped."""
    if "<" in text:
        text = _SLACK_IDS.sub(lambda mention: f" {mention[1] or ''} ", text)
    if "&" in text:
        text = html.unescape(text)
    if "%" in text:
        text = unquote(text)
    if "<" in text:
        text = _HTML_TAGS.sub("", text)
    return text


def _unicode_read(text: str) -> str:
    """NFKC, format and control characters out, every script's digits, dashes, spaces and full stops read alike."""
    kept = []
    for ch in unicodedata.normalize("NFKC", text):
        category = unicodedata.category(ch)
        if category == "Cf" or (category == "Cc" and ch not in "\t\n"):
            continue
        if category == "Nd":
            ch = str(unicodedata.decimal(ch))
        elif ch in _DASHES:
            ch = "-"
        elif category == "Zs":
            ch = " "
        elif ch in _FULL_STOPS:
            ch = "."
        kept.append(ch)
    return "".join(kept)
