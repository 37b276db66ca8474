"""Svenska: roller och arbetsytor – förbundsrollen, vem som sköter en grupp, kanaler från andra arbetsytor."""

MESSAGES: dict[str, str] = {
    # En grupp och dess arbetsyta
    "group.moved": "LOKUS-gruppen *{group}* hör nu till den här kanalen (flyttad hit av {user}).",
    "group.other_workspace": "Det här hör till en LOKUS-grupp i en annan arbetsyta i Slack, så härifrån kan jag "
    "varken visa eller ändra något i den. Vänd dig till gruppen i dess egen arbetsyta.",
    "member.forbund_is_workspace_wide": "Förbundsrollen ges inte per grupp, den gäller alla grupper i arbetsytan. "
    "Den som redan har rollen, eller en administratör i Slack, ger den med `/lokus förbund @person`.",
    "member.last_manager": "{user} är ensam om att vara sammankallande eller samordnare i *{group}*. Ge först "
    "rollen till någon annan, så att gruppen alltid har någon som sköter den.",
    # Förbundsrollen
    "help.förbund": "Förbundsrollen gäller alla grupper i arbetsytan: `/lokus förbund` visar vem som har den, "
    "`/lokus förbund @person` ger den och `/lokus förbund bort @person` tar bort den. Det gör den som själv har "
    "rollen eller en administratör i Slack.",
    "forbund.usage": "Skriv så här: `/lokus förbund @person` för att ge förbundsrollen, `/lokus förbund bort "
    "@person` för att ta bort den, eller bara `/lokus förbund` för att se vem som har den.",
    "forbund.not_trusted": "Förbundsrollen kan bara ges eller tas bort av någon som själv har den, av en "
    "administratör eller ägare av arbetsytan i Slack, eller av den som driver boten. Be någon av dem.",
    "forbund.already": "{user} har redan förbundsrollen i den här arbetsytan.",
    "forbund.granted": "{user} har nu förbundsrollen i den här arbetsytan och kan se och sköta alla LOKUS-grupper här.",
    "forbund.granted_dm": "{by} har gett dig förbundsrollen. Du kan nu se ärenden, sammanställningar, planer och "
    "möten i alla LOKUS-grupper i arbetsytan, och sköta grupperna.",
    "forbund.revoked": "{user} har inte längre förbundsrollen i den här arbetsytan.",
    "forbund.not_held": "{user} har inte förbundsrollen i den här arbetsytan.",
    "forbund.none": "Ingen har förbundsrollen i den här arbetsytan än. En administratör i Slack ger den med "
    "`/lokus förbund @person`.",
    "forbund.list": "*Förbundsrollen i den här arbetsytan:*\n{holders}",
    "forbund.line": "{user} – given av {by} {date}",
    "forbund.line_operator": "{user} – given på servern {date}",
    "forbund.hint": "Ge eller ta bort: `/lokus förbund @person`, `/lokus förbund bort @person`.",
    # Kommandoraden: lokusbot roles
    "roles.cli.granted": "{user} har nu förbundsrollen i arbetsytan {team}.",
    "roles.cli.already": "{user} har redan förbundsrollen i arbetsytan {team}.",
    "roles.cli.revoked": "{user} har inte längre förbundsrollen i arbetsytan {team}.",
    "roles.cli.not_held": "{user} har inte förbundsrollen i arbetsytan {team}.",
    "roles.cli.bad_user": "”{given}” är inget användar-id från Slack. Ett sådant ser ut som U0123ABCD (i Slack: "
    "öppna personens profil, ⋮ och Kopiera medlems-id).",
    "roles.cli.bad_team": "”{given}” är inget arbetsyte-id från Slack. Ett sådant ser ut som T0123ABCD.",
    "roles.cli.none": "Ingen har förbundsrollen i arbetsytan {team}.",
    "roles.cli.line": "{user}  given av {by}  {date}",
    "roles.cli.operator": "servern",
}
