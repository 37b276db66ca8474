"""How people ask for the cases feature in a DM: each intent, its handler and everyday phrasings."""

from handlers.cases import follow_up, register, transfer
from handlers.context import Ctx
from handlers.intents import Argument, Intent
from handlers.replies import Send
from handlers.text import t

NEW_CASE = (
    "nytt ärende",
    "nytt lots-ärende",
    "registrera ärende",
    "registrera ett nytt lotsärende",
    "logga ärende",
    "skapa ärende",
    "lägga in ett ärende",
    "jag har ett nytt ärende",
    "rapportera ett ärende",
    "new case",
    "register a case",
)
CASE_FORM = (
    "formulär",
    "ärende formulär",
    "registrera ärende i formulär",
    "fylla i formulär för ärende",
    "ärendeformuläret",
    "öppna formuläret",
    "använda formuläret",
    "case form",
)
MY_CASES = (
    "mina ärenden",
    "visa mina ärenden",
    "öppna ärenden",
    "visa ärenden",
    "lista ärenden",
    "vilka ärenden har jag",
    "ärendelistan",
    "my cases",
    "open cases",
)
CLOSED_CASES = (
    "stängda ärenden",
    "avslutade ärenden",
    "visa stängda ärenden",
    "mina avslutade ärenden",
    "closed cases",
)
EXPORT = (
    "exportera ärenden",
    "exportera",
    "exportera till excel",
    "ladda ner ärenden",
    "ärenden som excel",
    "ärenden som csv-fil",
    "export cases",
)


def new_case(ctx: Ctx, args: str) -> list[Send]:
    """Start registering a case (the words around the wish are not an answer to anything yet)."""
    return register.register_command(ctx, "")


def case_form(ctx: Ctx, args: str) -> list[Send]:
    """The case form: a button that opens it in a DM (a DM message cannot open a form itself)."""
    return register.offer_form(ctx)


def my_cases(ctx: Ctx, args: str) -> list[Send]:
    """The open cases of the person's groups."""
    return follow_up.list_page(ctx)


def closed_cases(ctx: Ctx, args: str) -> list[Send]:
    """The closed cases of the person's groups."""
    return follow_up.list_page(ctx, follow_up.CLOSED_LIST)


def export(ctx: Ctx, args: str) -> list[Send]:
    """The cases as a file: CSV when the person says so, Excel otherwise."""
    words = {word.strip(".,!?").casefold() for word in args.replace("-", " ").split()}
    return transfer.export_command(ctx, "csv" if "csv" in words else "xlsx")


def intents() -> tuple[Intent, ...]:
    """What the cases feature answers to in a DM."""
    return (
        Intent(
            "case.new",
            new_case,
            t("intent.case.new"),
            NEW_CASE,
            words=(
                "nytt ärende",
                "nytt arende",
                "ärende",
                "arende",
                "lotsärende",
                "lots-ärende",
                "lots ärende",
                "new case",
            ),
            command="ärende",
            shown=("nytt ärende", "registrera ett lots-ärende"),
        ),
        Intent("case.form", case_form, t("intent.case.form"), CASE_FORM, command="ärende form"),
        Intent(
            "case.list",
            my_cases,
            t("intent.case.list"),
            MY_CASES,
            words=("ärenden", "arenden", "mina ärenden"),
            command="ärenden",
        ),
        Intent("case.closed", closed_cases, t("intent.case.closed"), CLOSED_CASES, command="ärenden stängda"),
        Intent(
            "case.export",
            export,
            t("intent.case.export"),
            EXPORT,
            words=("ärenden export", "arenden export", "export"),
            command="ärenden export",
            argument=Argument.TEXT,
        ),
    )
