"""Svenska: hemfliken (din översikt) och genvägarna. Parametrar i {klamrar}."""

MESSAGES: dict[str, str] = {
    # Översikten
    "home.dashboard_title": "Din översikt",
    "home.button.new_case": "Nytt lots-ärende",
    "home.button.summary": "Sammanfattning",
    "home.group": "{group}",
    "home.meeting": "*Nästa möte:* {when}, {place}\nDitt svar: {answer}",
    "home.no_meeting": "*Nästa möte:* inget inbokat.",
    "home.rsvp.kommer": "kommer",
    "home.rsvp.kommer_inte": "kommer inte",
    "home.rsvp.ersattare": "skickar ersättare",
    "home.rsvp.none": "inget svar än",
    "home.cases": "*Dina öppna lots-ärenden:* {count}",
    "home.cases_many": "*Dina öppna lots-ärenden:* {count}. Här visas de {shown} senaste; alla finns med "
    "`/lokus ärenden`.",
    "home.case": "#{number} · {raised_on} · {party} · {status}",
    "home.sections": "*Att skriva i planen:* {sections}",
    "home.approvals": "*Väntar på godkännande från {party}:* {plans}",
    "home.more_groups": "*Fler grupper ({count}):* de visas i korthet här. Skriv `/lokus` i gruppens kanal "
    "för allt om den.",
    "home.report": "*Att rapportera:* {kind} för {insats}, sedan {date}",
    "home.brief": "*{group}* – {what}",
    "home.brief.meeting": "möte {day}",
    "home.brief.cases": "{count} {count|öppet ärende|öppna ärenden}",
    "home.brief.sections": "{count} {count|avsnitt|avsnitt} att skriva",
    "home.brief.approvals": "planen väntar på ert godkännande",
    "home.brief.reports": "{count} {count|rapport|rapporter} om insatser att skriva",
    "home.brief.nothing": "inget som väntar på dig",
    "home.hint_dashboard": "Översikten uppdateras när något av ditt ändras. Skriv *hjälp* till mig under "
    "Meddelanden för allt jag kan.",
    "home.get_started": "*Så kommer du i gång:* en LOKUS-grupp är en kanal. Bjud in mig till kanalen och skriv "
    "`/lokus koppla <gruppens namn>`. Sedan lägger gruppens sammankallande eller samordnare till "
    "medlemmarna med `/lokus medlem @person <part>`. Är gruppen redan i gång ber du någon av dem lägga till "
    "dig – då syns dina möten, ärenden och avsnitt här.",
    "home.cut": "Allt fick inte plats här. Skriv `/lokus` i gruppens kanal för resten.",
    "home.summary_which": "Vilken grupps sammanfattning vill du se?",
    # Genvägarna
    "case.shortcut.identity_left_out": "Meddelandets text lades inte in här eftersom den innehöll {kind}. "
    "Beskriv med egna ord vad som inte fungerade, utan uppgifter som kan peka ut personen.",
    "case.shortcut.too_long": "Meddelandet var längre än {limit} tecken, så bara början lades in här. Korta "
    "gärna texten.",
}
