"""Svenska: en persons egna uppgifter, radering av den som har slutat, och hur en raderad person står i handlingarna."""

MESSAGES: dict[str, str] = {
    # Hur en raderad person står i handlingarna
    "person.former": "tidigare ledamot",
    "person.former_of": "tidigare ledamot, {party}",
    # Mina uppgifter
    "intent.records.mine": "Se allt jag sparar om dig",
    "mydata.title": "Dina uppgifter i lokusbot",
    "mydata.intro": "Det här är allt jag sparar som hör ihop med ditt Slack-id i den här arbetsytan, "
    "{rows} {rows|rad|rader} i allt. Bara du ser det.",
    "mydata.files": "Filerna har samma innehåll: JSON för den som vill läsa in det i ett system, Markdown för att "
    "läsa. Vill du att något rättas eller tas bort, vänd dig till förbundet.",
    "mydata.nothing": "Jag sparar ingenting som hör ihop med ditt Slack-id i den här arbetsytan.",
    "mydata.file.json": "Dina uppgifter (JSON)",
    "mydata.file.markdown": "Dina uppgifter (Markdown)",
    "mydata.file.intro": "Allt lokusbot sparar som hör ihop med Slack-id {user}, tabell för tabell.",
    "mydata.kind.memberships": "Medlemskap och roller i grupper",
    "mydata.kind.roles": "Förbundsrollen",
    "mydata.kind.roles_given": "Förbundsroller du har gett",
    "mydata.kind.conversations": "Samtal med boten",
    "mydata.kind.mentions": "Texter där du nämns",
    "mydata.kind.groups_linked": "Grupper du har kopplat",
    "mydata.kind.audit_by": "Loggposter om sådant du har gjort",
    "mydata.kind.audit_about": "Loggposter om dig",
    "mydata.kind.cases": "Lots-ärenden du har registrerat",
    "mydata.kind.case_notes": "Anteckningar du har skrivit i lots-ärenden",
    "mydata.kind.meetings_convened": "Möten där du är sammankallande",
    "mydata.kind.meetings_minute_taker": "Möten där du för anteckningar",
    "mydata.kind.minutes": "Minnesanteckningar du har skrivit",
    "mydata.kind.agenda_items": "Punkter du har satt upp på dagordningen",
    "mydata.kind.rsvps": "Dina svar på kallelser",
    "mydata.kind.plans_created": "Planer du har påbörjat",
    "mydata.kind.sections_assigned": "Planavsnitt du ansvarar för",
    "mydata.kind.sections_written": "Planavsnitt du har skrivit senast",
    "mydata.kind.revisions": "Versioner av planavsnitt du har sparat",
    "mydata.kind.approvals": "Dina godkännanden av planer",
    "mydata.kind.installations": "Installationer av appen du har gjort",
    "mydata.kind.summaries_posted": "Sammanfattningar du har publicerat i en kanal",
    "mydata.kind.insatser_written": "Ansökningar om insatser du har skrivit",
    "mydata.kind.insatser_owned": "Insatser du rapporterar för",
    "mydata.kind.insats_decisions": "Beslut om insatser du har fattat",
    "mydata.kind.insats_approvals": "Dina godkännanden av ansökningar om insatser",
    "mydata.kind.insats_reports": "Rapporter om insatser du har skrivit",
    "mydata.kind.evaluations_started": "Utvärderingar du har startat",
    "mydata.kind.evaluations_asked": "Utvärderingar du har fått (bara om du har svarat, aldrig vad)",
    "mydata.kind.pending_erasure": "Väntande radering",
    # Radering
    "erase.unknown": "Jag har ingenting sparat om {user}, så ingenting har ändrats.",
    "erase.unknown_here": "Jag har ingenting sparat om den personen i den här arbetsytan, så ingenting har ändrats.",
    "erase.forbund_only": "Bara förbundet kan radera en person ur lokusbot. Vill du bara ta bort någon ur gruppen, "
    "skriv `/lokus medlem bort @person`.",
    "erase.done": "{user} är raderad ur lokusbot i den här arbetsytan: {rows} {rows|rad|rader} ändrades eller togs "
    "bort. I planer, minnesanteckningar och loggen står personen nu som ”{pseudonym}”.",
    "erase.cli.done": "{user} är raderad: {rows} {rows|rad|rader} ändrades eller togs bort. Personen står nu som "
    "”{pseudonym}”.",
    "erase.cli.bad_user": "”{given}” är inget Slack-id för en användare (det ser ut som U0123ABCD).",
    "cli.people": "personer: radera den som har slutat",
    "cli.people.remove": "radera en person: medlemskap och samtal tas bort, id:t byts mot en pseudonym",
    "cli.people.user": "personens Slack-id, till exempel U0123ABCD",
    "cli.people.team": "bara i den här arbetsytan (Slack-id, till exempel T0123ABCD); utan: i alla",
}
