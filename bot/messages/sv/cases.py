"""Svenska: lots-ärenden (registrering, uppföljning, import och export). Parametrar i {klamrar}."""

MESSAGES: dict[str, str] = {
    # Hjälp
    "help.ärende": "Registrerar ett lots-ärende i ett samtal med mig (i ditt DM). `/lokus ärende form` "
    "öppnar ett formulär i stället.",
    "help.ärenden": "Visar gruppens öppna lots-ärenden (dina först) med knappar för status, anteckning och "
    "stängning. `/lokus ärenden stängda` visar stängda, `/lokus ärenden export` skickar en "
    "Excel-fil (eller `export csv`).",
    # Registrering
    "case.title": "Nytt lots-ärende",
    "case.noun": "lots-ärendet",
    "case.intro": "Nu registrerar vi ett lots-ärende för *LOKUS {group}*. Ett ärende är statistik om var "
    "samverkan brister – skriv aldrig namn, personnummer, telefonnummer eller annat som pekar "
    "ut personen.",
    "case.intro_many": "Nu registrerar vi ett lots-ärende. Du är med i flera grupper ({groups}), så jag frågar "
    "vilken det gäller. Skriv aldrig namn, personnummer, telefonnummer eller annat som pekar "
    "ut personen.",
    "case.moved_to_dm": "Jag har skrivit till dig i ett direktmeddelande, så blir det inget brus i kanalen. "
    "Fortsätt där.",
    "case.register_usage": "Skriv `/lokus ärende` för att registrera i ett samtal, eller `/lokus ärende form` "
    "för ett formulär.",
    "case.form_which_group": "Vilken grupp gäller ärendet?",
    "case.form_only_in_slack": "Formuläret finns bara i Slack. Här använder vi samtalet i stället: skriv "
    "`/lokus ärende`.",
    "case.saved": "Ärende #{number} registrerat för LOKUS {group}",
    "case.target_group_gone": "En av målgrupperna finns inte längre i *{group}*s lista. Skriv *ändra* och "
    "välj målgrupper igen.",
    "case.date_future": "Datumet ligger i framtiden. Ange dagen då ärendet aktualiserades (idag eller tidigare).",
    "case.date_too_old": "Datumet är före {year}. Kontrollera året.",
    "case.too_long": "Texten är för lång ({given} tecken). Korta den till högst {limit} tecken.",
    "case.none": "–",
    "case.button.form": "Fyll i ett formulär i stället",
    "case.button.another": "Registrera ett till",
    "case.button.list": "Visa öppna ärenden",
    # Frågor
    "case.q.raised_on.label": "Datum",
    "case.q.raised_on": "Vilket datum aktualiserades ärendet?",
    "case.q.group.label": "Grupp",
    "case.q.group": "Vilken LOKUS-grupp gäller ärendet?",
    "case.q.party.label": "Part",
    "case.q.party": "Vilken part tog upp ärendet?",
    "case.q.unit.label": "Enhet",
    "case.q.unit": "Vilken enhet hos parten? (t.ex. socialförvaltning, AME, psykiatri)",
    "case.q.unit.hint": "Enheten, inte personen: skriv inga namn.",
    "case.q.gender.label": "Kön",
    "case.q.gender": "Personens kön?",
    "case.q.age_band.label": "Åldersgrupp",
    "case.q.age_band": "Vilken åldersgrupp?",
    "case.q.target_groups.label": "Målgrupper",
    "case.q.target_groups": "Vilka målgrupper hör ärendet till? Välj en eller flera.",
    "case.q.failures.label": "Brister",
    "case.q.failures": "Vad brast i samverkan? Välj en eller flera kategorier.",
    "case.q.failure_text.label": "Beskrivning",
    "case.q.failure_text": "Beskriv kort vad som brast i samverkan.",
    "case.q.no_identity.hint": "Skriv inga namn, personnummer, telefonnummer eller e-postadresser.",
    "case.q.referred_tr.label": "Tilläggsresurs",
    "case.q.referred_tr": "Har ärendet gått vidare till tilläggsresursen?",
    "case.q.referred_tr.hint": "Till exempel stödperson eller social arbetscoach.",
    "case.q.note.label": "Anteckning",
    "case.q.note": "En kort anteckning?",
    "case.q.note_text.label": "Anteckning",
    "case.q.note_text": "Skriv anteckningen.",
    # Svarsalternativ
    "case.gender.kvinna": "Kvinna",
    "case.gender.man": "Man",
    "case.gender.annat": "Annat",
    "case.gender.ej_dokumenterat": "Ej dokumenterat",
    "case.age_band.16-19": "16–19",
    "case.age_band.20-24": "20–24",
    "case.age_band.25-29": "25–29",
    "case.age_band.30-39": "30–39",
    "case.age_band.40-49": "40–49",
    "case.age_band.50-64": "50–64",
    "case.age_band.65+": "65+",
    "case.age_band.okant": "Okänd",
    "case.target_group.unga_utan_gymnasium": "Unga utan gymnasieutbildning",
    "case.target_group.psykisk_ohalsa": "Psykisk ohälsa/funktionsnedsättning",
    "case.target_group.forsorjningsstod": "Långvarigt försörjningsstöd",
    "case.target_group.nyanlanda": "Nyanlända",
    "case.target_group.aktivitetsersattning": "Aktivitetsersättning",
    "case.target_group.sjukskrivna": "Långtidssjukskrivna",
    "case.target_group.missbruk": "Missbruk/beroende",
    "case.target_group.annan_malgrupp": "Annan målgrupp",
    "case.failure.ansvarsfordelning": "Ansvarsfördelning",
    "case.failure.information": "Information mellan parter",
    "case.failure.vantetider": "Väntetider",
    "case.failure.saknad_insats": "Saknad insats",
    "case.failure.regelverk": "Regelverk",
    "case.failure.samordning": "Samordning mellan insatser",
    "case.failure.annat": "Annat",
    "case.status.open": "Öppen",
    "case.status.in_progress": "Pågår",
    "case.status.closed": "Stängd",
    "case.status.closed_with": "Stängd ({outcome})",
    "case.outcome.arbete": "Arbete",
    "case.outcome.studier": "Studier",
    "case.outcome.ordinarie": "Ordinarie verksamhet hos en part",
    "case.outcome.ersattning": "Sjukersättning/aktivitetsersättning",
    "case.outcome.annat": "Annat",
    "case.outcome.okant": "Okänt",
    # Uppföljning
    "case.list.open_title": "Öppna lots-ärenden ({count})",
    "case.list.closed_title": "Stängda lots-ärenden ({count})",
    "case.list.open_empty": "Inga öppna lots-ärenden i {groups}. Registrera ett med `/lokus ärende`.",
    "case.list.closed_empty": "Inga stängda lots-ärenden i {groups}.",
    "case.list.line": "*#{number} {group}* – {raised_on} – {party}, {unit}\n{gender}, {age_band} · {failures} · "
    "_{status}_",
    "case.list.line_own": "*#{number} {group}* – {raised_on} – {party}, {unit}  _(ditt)_\n{gender}, {age_band} · "
    "{failures} · _{status}_",
    "case.list.more": "Visa fler ({remaining} till)",
    "case.list.open_hint": "Stängda ärenden: `/lokus ärenden stängda`. Hela listan som fil: `/lokus ärenden export`.",
    "case.list.closed_hint": "Ett stängt ärende kan öppnas igen. Öppna ärenden: `/lokus ärenden`.",
    "case.list_usage": "Skriv `/lokus ärenden`, `/lokus ärenden stängda` eller `/lokus ärenden export` "
    "(`export csv` för CSV).",
    "case.button.to_in_progress": "Markera #{number} som pågående",
    "case.button.to_open": "Markera #{number} som öppen",
    "case.button.note": "Anteckning #{number}",
    "case.button.close": "Stäng #{number}",
    "case.button.reopen": "Öppna #{number} igen",
    "case.status_changed": "Ärende #{number} i {group} har nu status: {status}.",
    "case.close_ask": "Vilket blev utfallet för ärende #{number} i {group}?",
    "case.closed": "Ärende #{number} i {group} är stängt. Utfall: {outcome}.",
    "case.reopened": "Ärende #{number} i {group} är öppet igen.",
    "case.already_closed": "Ärende #{number} i {group} är redan stängt. Öppna det igen först om något ska ändras.",
    "case.not_closed": "Ärende #{number} i {group} är inte stängt.",
    "case.not_found": "Jag hittar inte det ärendet. Det kan ha tagits bort; visa listan igen med `/lokus ärenden`.",
    "case.note_title": "Anteckning",
    "case.note_noun": "anteckningen",
    "case.note_intro": "Anteckning till ärende #{number} i {group}.",
    "case.note_saved": "Anteckningen är sparad på ärende #{number} i {group}.",
    # Behörighet
    "case.no_groups": "Du är inte medlem i någon LOKUS-grupp, så du kan inte se eller registrera lots-ärenden. "
    "Be gruppens sammankallande skriva `/lokus medlem @du <part>` i gruppens kanal.",
    "case.no_access": "Du har inte tillgång till den gruppens lots-ärenden.",
    # Export
    "case.export.usage": "Skriv `/lokus ärenden export` för en Excel-fil eller `/lokus ärenden export csv` för CSV.",
    "case.export.title": "Lots-ärenden LOKUS {group}",
    "case.export.count": "{group} ({count})",
    "case.export.sent": "Här är lots-ärendena som {format}: {counts}. Filen skickas bara till dig, i vårt "
    "direktmeddelande.",
    "case.export.format.xlsx": "Excel-fil",
    "case.export.format.csv": "CSV-fil",
    # Import
    "case.import.problem": "Rad {line}, kolumn {column}: {reason}",
    "case.import.refused": "Inget importerades: {rows} {rows|rad|rader} har sammanlagt {problems} fel. "
    "Rätta dem och kör "
    "igen – filen importeras bara när alla rader är rätt.",
    "case.import.done": "{count} ärenden importerade till LOKUS {group} (#{first}–#{last}).",
    "case.import.done_one": "1 ärende importerat till LOKUS {group} (#{first}).",
    "case.import.identity": "cellen verkar innehålla {kind}. Ärenden får aldrig innehålla uppgifter som "
    "pekar ut en person – ta bort det.",
    "case.import.identity_likely": "cellen innehåller något som ser ut som {kind} (ett födelsedatum och fyra "
    "siffror till, med fel kontrollsiffra). Ärenden får aldrig innehålla uppgifter som pekar ut en person – ta "
    "bort det.",
    "case.import.identity_header": "En kolumnrubrik verkar innehålla personuppgifter. Rubrikerna ska vara "
    "kolumnnamnen, t.ex. datum, part, kon.",
    "case.import.missing": "värde saknas.",
    "case.import.bad_date": "”{given}” är inget datum jag förstår. Skriv t.ex. 2026-11-20.",
    "case.import.bad_age": "”{given}” är ingen ålder i målgruppen (16 år och äldre).",
    "case.age_out_of_range": "Åldersgrupperna börjar vid 16 år, så {given} år finns inte bland dem. Välj en "
    "grupp, eller *okänt* om åldern inte är känd.",
    "case.import.unknown_value": "”{given}” känns inte igen. Möjliga värden: {accepted}.",
    "case.import.yes_no": "”{given}” – skriv ja eller nej.",
    "case.import.outcome_not_closed": "utfall och avslutsdatum anges bara för stängda ärenden.",
    "case.import.closed_before_raised": "avslutsdatumet ligger före datumet då ärendet aktualiserades.",
    "case.import.stray_cell": "det finns text i kolumn {column}, som saknar rubrik.",
    "case.import.empty": "Filen är tom.",
    "case.import.no_rows": "Filen har bara en rubrikrad och inga ärenden.",
    "case.import.too_many": "Filen har fler än {limit} rader, och fler än så går inte att importera på en gång. "
    "Dela upp den.",
    "case.import.too_large": "Filen är för stor: högst {limit} MB går att importera, också uppackat. Dela upp den.",
    "case.import.xml_entities": "Excel-filen innehåller XML-deklarationer (DTD eller entiteter) som jag av "
    "säkerhetsskäl inte läser. Öppna filen i Excel, spara den som en ny .xlsx och försök igen.",
    "case.import.old_excel": "Det gamla Excel-formatet (.xls) kan jag inte läsa. Spara filen som .xlsx eller "
    ".csv och försök igen.",
    "case.import.unreadable": "Filen går inte att läsa som CSV eller Excel (.xlsx).",
    "case.import.unknown_columns": "Okända kolumner: {columns}. Kolumnerna ska heta: {expected}.",
    "case.import.repeated_columns": "Kolumnerna {columns} finns mer än en gång.",
    "case.import.missing_columns": "Kolumner saknas: {columns}.",
    "case.cli.no_group": "Det finns ingen grupp som heter ”{group}”.",
    "case.cli.many_groups": "Flera arbetsytor har en grupp som heter ”{group}” ({teams}). Ange vilken med --team.",
    "case.cli.no_file": "Filen {path} finns inte.",
    "case.cli.xlsx_to_terminal": "En Excel-fil kan inte skrivas ut i terminalen. Ange en fil med --out.",
    "case.cli.exported": "Lots-ärendena för LOKUS {group} ({count}) är sparade i {path}.",
    # Gruppens målgrupper
    "help.målgrupper": "Visar och ändrar gruppens målgrupper, valen ärenden registreras med: `/lokus målgrupper`, "
    "`/lokus målgrupper lägg till <namn>`, `/lokus målgrupper ta bort <nummer>`.",
    "target.list": "*Målgrupper i {group}* – valen ärenden registreras med:\n{items}",
    "target.item": "{number}. {name}",
    "target.hint": "Ändra med `/lokus målgrupper lägg till <namn>` eller `/lokus målgrupper ta bort <nummer>`. "
    "Ärenden som redan har en målgrupp behåller den.",
    "target.usage": "Skriv `/lokus målgrupper` för listan, `/lokus målgrupper lägg till <namn>` eller "
    "`/lokus målgrupper ta bort <nummer>`.",
    "target.name_usage": "Skriv målgruppens namn, högst {limit} tecken, t.ex. "
    "`/lokus målgrupper lägg till Unga vuxna`.",
    "target.identity": "Namnet ser ut att innehålla uppgifter om en person. En målgrupp beskriver en grupp, "
    "aldrig en person – skriv ett annat namn.",
    "target.separator": "Skriv namnet utan komma, semikolon och radbrytning – de skiljer målgrupper åt i ärendeloggen.",
    "target.already": "*{group}* har redan målgruppen ”{name}”.",
    "target.added": "{user} lade till målgruppen *{name}* i *{group}*. Nya ärenden kan registreras med den.",
    "target.removed": "{user} tog bort målgruppen *{name}* ur listan i *{group}*. Ärenden som redan har den "
    "behåller den i sammanställningar och export.",
    "target.unknown": "Jag hittar ingen målgrupp ”{given}” i *{group}*. Skriv `/lokus målgrupper` för listan.",
    "target.last_one": "Gruppen behöver minst en målgrupp. Lägg till en ny innan du tar bort den sista.",
    # Förstå vad folk skriver i DM (conv-intents)
    "intent.case.new": "Registrera ett lots-ärende",
    "intent.case.form": "Registrera ett ärende i ett formulär",
    "intent.case.list": "Visa dina öppna ärenden",
    "intent.case.closed": "Visa stängda ärenden",
    "intent.case.export": "Exportera ärendena till Excel",
    "case.form_chat_waiting": "Det du har börjat på i chatten ({conversation}) är inte sparat och väntar kvar. "
    "Svara på frågan där när du vill, eller skriv *avbryt* för att sluta.",
    "case.form_offer": "Här är formuläret för ett nytt lots-ärende:",
    "case.button.open_form": "Öppna formuläret",
}
