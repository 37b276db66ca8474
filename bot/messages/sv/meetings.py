"""Svenska: möten – kallelse, dagordning, svar, påminnelser, minnesanteckningar och årets mål."""

MESSAGES: dict[str, str] = {
    "help.möte": "Kallar till möte: `/lokus möte tisdag nästa vecka kl 13` (eller bara `/lokus möte`). "
                 "`punkt <text>` lägger till en punkt på dagordningen, `flytta <ny tid>` flyttar och "
                 "`ställ in` ställer in nästa möte, `anteckningar` skriver minnesanteckningar.",
    "help.möten": "Visar årets möten, vilka parter som kom och hur många möten som hållits av årets mål.",
    # Samtalet
    "meeting.flow_title": "Nytt möte",
    "meeting.continue_in_dm": "Vi fortsätter om mötet för *{group}* i ett direktmeddelande till dig.",
    "meeting.busy_elsewhere": "Du är mitt i ett annat samtal med mig i ditt direktmeddelande. Avsluta det "
                              "först (skriv *avbryt* där) och skriv sedan kommandot igen.",
    "meeting.q.when.label": "När",
    "meeting.q.when": "När ska mötet vara?",
    "meeting.q.when.hint": "Skriv som du säger det, t.ex. *tisdag nästa vecka kl 13*, *3 december kl 10* eller "
                           "*fredag 10–12*.",
    "meeting.q.which.label": "Vilken dag",
    "meeting.q.which": "Det kan betyda flera dagar. Vilken menar du?",
    "meeting.q.at.label": "Klockan",
    "meeting.q.at": "Vilken tid börjar mötet? Skriv t.ex. *13*, *9.30* eller *13–15*.",
    "meeting.q.place.label": "Plats",
    "meeting.q.place": "Var hålls mötet? Skriv platsen eller klistra in länken till videomötet.",
    "meeting.q.length.label": "Längd",
    "meeting.q.length": "Hur länge håller mötet? Skriv t.ex. *2 timmar*, *1,5* eller *90 min*.",
    "meeting.q.minute_taker.label": "Antecknar",
    "meeting.q.minute_taker": "Vem skriver minnesanteckningar? Skriv *jag*, eller @ och personens namn.",
    "meeting.minute_taker_self": "du själv",
    "meeting.minute_taker_unknown": "Jag förstod inte vem ”{given}” är. Skriv *jag*, eller @ och välj "
                                    "personen i listan.",
    "meeting.minute_taker_not_member": "{user} är inte medlem i *{group}*. Välj någon i gruppen, eller skriv "
                                       "*jag*.",
    "meeting.when_option": "{when}",
    "meeting.when_typed": "”{given}”",
    "meeting.understood": "Uppfattat: {when}.",
    "meeting.confirm": "{when}, stämmer det?",
    "meeting.when_unknown": "Jag förstod inte ”{given}” som en tid. Skriv t.ex. *tisdag nästa vecka kl 13*, "
                            "*den 3 december kl 10*, *15/1 kl 9.30* eller *fredag 10–12*.",
    "meeting.when_past": "{when} har redan varit. Skriv en tid framåt, t.ex. *tisdag nästa vecka kl 13*.",
    "meeting.when_too_far": "{when} är mer än två år bort – det blev nog fel. Skriv en tid inom två år, "
                            "t.ex. *den 3 december kl 10*.",
    "meeting.at_unknown": "Jag förstod inte ”{given}” som ett klockslag. Skriv t.ex. *13*, *kl 9.30*, "
                          "*halv tre* eller *13–15*.",
    "meeting.length_unknown": "Jag förstod inte ”{given}” som en längd. Skriv t.ex. *2 timmar*, *1,5* eller "
                              "*90 min*.",
    "meeting.length_range": "Ett möte kan vara mellan 15 minuter och 12 timmar.",
    "meeting.length.hour": "1 timme",
    "meeting.length.hours": "{hours} timmar",
    "meeting.length.minutes": "{minutes} minuter",
    "meeting.place_too_long": "Platsen får vara högst {limit} tecken.",
    "meeting.pick_again": "Dagen du valde passar inte längre med tiden du skrev. Skriv *ändra 2* och välj dag "
                          "igen.",
    "meeting.scheduled": "Klart! Mötet för *{group}* är {when}. Kallelsen är publicerad i gruppens kanal.",
    "meeting.convenor_only": "Bara sammankallande, samordnare eller förbundet kan kalla till, flytta eller ställa "
                             "in möten i *{group}*.",
    "meeting.gone": "Det mötet finns inte längre.",
    "meeting.group_gone": "Gruppen finns inte längre, så mötet kunde inte sparas.",
    # Kallelsen
    "meeting.header": "Möte i LOKUS {group}",
    "meeting.header_cancelled": "INSTÄLLT: möte i LOKUS {group}",
    "meeting.header_held": "Hållet möte i LOKUS {group}",
    "meeting.field.when": "När",
    "meeting.field.place": "Plats",
    "meeting.field.convenor": "Sammankallande",
    "meeting.field.minute_taker": "Antecknar",
    "meeting.note_moved": "Mötet har flyttats – tiden ovan är den nya.",
    "meeting.note_cancelled": "Mötet är inställt.",
    "meeting.note_held": "Mötet är hållet. Minnesanteckningarna kommer i tråden.",
    "meeting.agenda_title": "*Dagordning*",
    "meeting.ics_agenda_title": "Dagordning",
    "meeting.agenda_line": "{number}. {item}",
    "meeting.agenda_member_line": "{number}. {item} _(från {user})_",
    "meeting.standing.plan_followup": "Uppföljning av handlingsplanen",
    "meeting.standing.cases": "Sammanställning av lots-ärenden",
    "meeting.standing.plan_status": "Planens status",
    "meeting.attendance_title": "*Vilka kommer?*",
    "meeting.nobody_yet": "_ingen har svarat_",
    "meeting.rsvp_line.kommer": "{user} kommer",
    "meeting.rsvp_line.kommer_inte": "{user} kommer inte",
    "meeting.rsvp_line.ersattare": "{user} skickar ersättare",
    "meeting.parties_missing": "Ingen kommer än från: {parties}.",
    "meeting.all_parties": "Alla fyra parter kommer.",
    "meeting.rsvp.kommer": "Kommer",
    "meeting.rsvp.kommer_inte": "Kommer inte",
    "meeting.rsvp.ersattare": "Skickar ersättare",
    "meeting.add_item_hint": "Vill du ta upp något? Skriv `/lokus möte punkt <text>` i kanalen.",
    "meeting.ics_title": "Kalenderinbjudan – öppna filen för att lägga in mötet i Outlook eller Google Kalender",
    # Svar
    "meeting.rsvp_thanks.kommer": "Tack! Du är anmäld till mötet i *{group}* {when}.",
    "meeting.rsvp_thanks.kommer_inte": "Tack för beskedet – du kommer inte till mötet i *{group}* {when}. Kan "
                                       "du skicka en ersättare? Tryck då på *Skickar ersättare*.",
    "meeting.rsvp_thanks.ersattare": "Tack! Du skickar en ersättare till mötet i *{group}* {when}.",
    "meeting.rsvp_closed.cancelled": "Det mötet är inställt.",
    "meeting.rsvp_closed.held": "Det mötet har redan hållits.",
    # Dagordning
    "meeting.item_usage": "Skriv punkten efter kommandot: `/lokus möte punkt Nya rutiner för remisser`.",
    "meeting.item_too_long": "En punkt får vara högst {limit} tecken. Korta ner den lite.",
    "meeting.item_added": "Punkten ”{item}” står nu på dagordningen för mötet {when}.",
    "meeting.item_waiting": "*{group}* har inget möte inplanerat. Punkten ”{item}” kommer med på dagordningen "
                            "när nästa möte kallas.",
    # Flytta och ställa in
    "meeting.none_planned": "*{group}* har inget kommande möte. Kalla till ett med `/lokus möte <tid>`.",
    "meeting.move_usage": "Skriv den nya tiden: `/lokus möte flytta torsdag nästa vecka kl 10`.",
    "meeting.move_which": "”{given}” kan betyda flera dagar. Vilken menar du?",
    "meeting.moved": "Mötet är flyttat från {old} till {new}. Kallelsen är uppdaterad.",
    "meeting.moved_notice": "Mötet är flyttat från {old} till *{new}* (av {user}). Här är en ny kalenderinbjudan.",
    "meeting.cancel_confirm": "Vill du ställa in mötet {when}?",
    "meeting.cancel_yes": "Ja, ställ in mötet",
    "meeting.cancel_no": "Nej, behåll det",
    "meeting.cancel_kept": "Okej, mötet står kvar.",
    "meeting.cancelled": "Mötet {when} är inställt. Kallelsen är uppdaterad.",
    "meeting.cancelled_notice": "Mötet i *{group}* {when} är inställt (av {user}). Öppna filen för att ta bort "
                                "det ur kalendern.",
    # Påminnelser
    "meeting.reminder": "Påminnelse: *{group}* har möte {soon}, {when} – {place}.",
    "meeting.reminder_dm": "Hej! *{group}* har möte {soon}, {when} – {place}. Du har inte svarat än: kommer du?",
    "meeting.reminder_tomorrow": "imorgon",
    "meeting.reminder_in_days": "om {days} dagar",
    "meeting.reminders_usage": "Skriv hur många dagar före mötet påminnelserna ska gå ut (1–{most}), t.ex. "
                               "`/lokus möte påminnelser 7 1`, eller `/lokus möte påminnelser av`.",
    "meeting.reminders_days": "{days} dagar före",
    "meeting.reminders_off": "inga påminnelser",
    "meeting.reminders_set": "Påminnelser om möten i *{group}*: {days} (ändrat av {user}).",
    "meeting.goal_usage": "Skriv hur många möten gruppen ska hålla per år (1–52), t.ex. `/lokus möte mål 4`.",
    "meeting.goal_set": "Målet för *{group}* är nu {goal} möten per år (ändrat av {user}).",
    # Minnesanteckningar
    "minutes.flow_title": "Minnesanteckningar",
    "minutes.ask": "Mötet i *{group}* {when} är slut. Du skriver minnesanteckningarna – skicka dem till mig "
                   "här, så lägger jag dem i kallelsens tråd och sparar dem.",
    "minutes.when_ready": "Tryck på knappen när du är redo att skriva dem.",
    "minutes.start": "Skriv minnesanteckningar",
    "minutes.q.label": "Minnesanteckningar",
    "minutes.q": "Skriv eller klistra in minnesanteckningarna i ett meddelande.",
    "minutes.q.hint": "Skriv inga personnummer eller andra uppgifter som pekar ut enskilda personer.",
    "minutes.too_long": "Anteckningarna får vara högst {limit} tecken.",
    "minutes.saved": "Tack! Minnesanteckningarna för *{group}* är sparade och publicerade i kallelsens tråd.",
    "minutes.posted": "*Minnesanteckningar* från mötet {when} (skrivna av {user}):",
    "minutes.not_writer": "Det är {user} som skriver minnesanteckningarna för det mötet (eller gruppens "
                          "sammankallande).",
    "minutes.nothing_to_write": "*{group}* har inget hållet möte som saknar minnesanteckningar.",
    "minutes.not_held": "Mötet har inte hållits än.",
    # Årets möten
    "meetings.title": "Möten {year} – LOKUS {group}",
    "meetings.none": "Inga möten {year} än.",
    "meetings.status.scheduled": "Inplanerat",
    "meetings.status.moved": "Inplanerat (flyttat)",
    "meetings.status.cancelled": "Inställt",
    "meetings.status.held": "Hållet",
    "meetings.party_count": "{party} {count}",
    "meetings.goal": "*{held} av {goal} möten hållna* i år. Inplanerade framåt: {planned}.",
    "meetings.hint": "Siffrorna är hur många från varje part som anmält att de kommer (själva eller med "
                     "ersättare). Målet ändras med `/lokus möte mål <antal>`.",
}
