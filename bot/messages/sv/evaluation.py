"""Svenska: den årliga utvärderingen – enkäten i DM, påminnelser, läget och resultaten."""

MESSAGES: dict[str, str] = {
    "help.utvärdering": "Årets utvärdering av gruppens arbete: `/lokus utvärdering starta [sista dag]` skickar "
    "en anonym enkät till alla medlemmar, `status` visar hur många som har svarat, `avsluta` stänger och visar "
    "resultatet, `resultat alla` jämför grupperna (förbundet).",
    # Enkäten i DM
    "evaluation.flow.title": "{name}",
    "evaluation.flow.noun": "utvärderingen",
    "evaluation.flow.summary": "Dina svar på utvärderingen",
    "evaluation.flow.header": "{name} – LOKUS {group}",
    "evaluation.flow.intro": "{text}",
    "evaluation.flow.anonymous": "Svaren är anonyma: jag sparar bara att du har svarat, inte vad du svarade. "
    "Resultatet visas i gruppens kanal när utvärderingen stänger {closes}, och bara om minst {threshold} har "
    "svarat.",
    "evaluation.flow.how": "Svara med en siffra från 1 till 5 eller med orden, t.ex. _instämmer helt_. "
    "Fritextfrågorna kan du hoppa över.",
    "evaluation.q.label": "{text}",
    "evaluation.q.statement": "{text}",
    "evaluation.q.scale_hint": "Hur väl stämmer det? Svara 1–5: 1 instämmer inte alls, 5 instämmer helt.",
    "evaluation.q.free": "{text}",
    "evaluation.q.free_hint": "Skriv med egna ord, utan namn eller personuppgifter. Svaret visas utan namn i "
    "gruppens resultat.",
    "evaluation.score.1": "Instämmer inte alls",
    "evaluation.score.2": "Instämmer till liten del",
    "evaluation.score.3": "Instämmer delvis",
    "evaluation.score.4": "Instämmer till stor del",
    "evaluation.score.5": "Instämmer helt",
    "evaluation.answer.scale": "Svara med en siffra från 1 till 5: 1 betyder att du inte instämmer alls och 5 "
    "att du instämmer helt. Du kan också skriva orden, t.ex. _instämmer delvis_.",
    "evaluation.thanks": "Tack för dina svar! De är sparade utan ditt namn. Resultatet för LOKUS {group} "
    "visas i kanalen när utvärderingen stänger {closes}.",
    # Starta, läget, avsluta
    "evaluation.started": "{by} har startat årets utvärdering av gruppens arbete. Enkäten har skickats till "
    "{count} {count|medlem|medlemmar} i ett direktmeddelande. Svaren är anonyma. Sista dag att svara: "
    "*{closes}*.",
    "evaluation.starter_only": "Bara gruppens sammankallande eller förbundet kan starta och avsluta "
    "utvärderingen av *{group}*.",
    "evaluation.forbund_only": "Jämförelsen mellan alla grupper är till för förbundet. Varje grupp ser sitt "
    "eget resultat med `/lokus utvärdering resultat`.",
    "evaluation.close_unknown": "Jag förstod inte vilken dag ”{given}” är. Skriv sista dagen att svara, t.ex. "
    "`/lokus utvärdering starta 15 december` eller `starta fredag nästa vecka`, eller bara `starta` för två "
    "veckor.",
    "evaluation.close_ambiguous": "Menar du {first} eller {other}? Skriv dagen med datum, t.ex. "
    "`/lokus utvärdering starta 4 december`.",
    "evaluation.close_past": "Sista dagen att svara måste ligga efter idag ({day} har redan varit). Skriv en "
    "senare dag.",
    "evaluation.close_far": "En utvärdering kan vara öppen i högst {days} dagar. Skriv en tidigare sista dag.",
    "evaluation.open_already": "Gruppens utvärdering pågår redan och stänger {closes}. `/lokus utvärdering "
    "status` visar hur många som har svarat.",
    "evaluation.no_members": "*{group}* har inga medlemmar att fråga än. Lägg till dem med `/lokus medlem`.",
    "intent.evaluation.status": "Se hur många som svarat på utvärderingen",
    "intent.evaluation.results": "Visa resultatet av utvärderingen",
    "evaluation.status": "Utvärderingen av LOKUS {group}: *{answered} av {asked}* har svarat. Den stänger "
    "{closes}. Vem som har svarat visas inte.",
    "evaluation.status.none": "Ingen utvärdering pågår i *{group}* just nu.",
    "evaluation.usage": "Jag känner inte till ”{given}” för utvärderingen. Skriv `/lokus utvärdering starta "
    "[sista dag]`, `status`, `avsluta`, `resultat` eller `resultat alla`.",
    "evaluation.year_unknown": "”{given}” är inget år jag kan visa. Skriv t.ex. `/lokus utvärdering resultat "
    "alla 2026`.",
    "evaluation.gone": "Den utvärderingen finns inte längre.",
    "evaluation.not_asked": "Du är inte med bland dem som fick utvärderingen av *{group}*.",
    "evaluation.closed_already": "Utvärderingen stängde {closes}, så svaren kan inte tas emot längre. Skriv "
    "*avbryt* för att avsluta samtalet.",
    "evaluation.answered_already": "Du har redan svarat på utvärderingen – tack! Man kan bara svara en gång.",
    "evaluation.reminder": "Påminnelse: du har inte svarat på utvärderingen av LOKUS {group} än. Den tar "
    "några minuter och är anonym. Sista dag: *{closes}* (om {days} {days|dag|dagar}).",
    "evaluation.button.answer": "Svara nu",
    # Resultat
    "evaluation.result.title": "Utvärdering {year} – LOKUS {group}",
    "evaluation.result.too_few": "För få svar för att visa något resultat: det visas bara när minst "
    "{threshold} har svarat, så att ingen kan pekas ut.",
    "evaluation.result.lead": "{answered} av {asked} svarade. Skala 1 (instämmer inte alls) till 5 (instämmer helt).",
    "evaluation.result.statement": "*{text}*\nMedelvärde *{mean}* ({n} svar) · 1: {d1} · 2: {d2} · 3: {d3} · "
    "4: {d4} · 5: {d5}",
    "evaluation.result.statement_few": "*{text}*\nFör få svar.",
    "evaluation.result.texts": "*{question}*\n{texts}",
    "evaluation.result.text_item": "• {text}",
    "evaluation.result.no_texts": "*{question}*\n_Inga svar._",
    "evaluation.result.note": "Svaren är anonyma. Frågor med färre än {threshold} svar visas utan siffror.",
    "evaluation.result.none": "*{group}* har ingen avslutad utvärdering än.",
    "evaluation.all.title": "Utvärderingen {year}: alla grupper",
    "evaluation.all.empty": "Ingen grupp har en avslutad utvärdering för {year} eller året innan.",
    "evaluation.all.statement": "*{text}*\n{lines}",
    "evaluation.all.line": "LOKUS {group}: {year} {now} · {last_year} {before}",
    "evaluation.all.mean": "*{mean}* ({n} svar)",
    "evaluation.all.too_few": "för få svar",
    "evaluation.all.none": "ingen utvärdering",
    "evaluation.all.not_asked": "inte frågat",
    "evaluation.all.note": "Medelvärden på skalan 1–5. Grupper med för få svar visas utan siffror.",
    # Kommandoraden
    "cli.survey": "utvärderingens enkät (YAML): kontrollera en fil",
    "cli.survey.check": "kontrollera enkätfiler (botens egen är {file})",
    "cli.survey.files": "enkätfilerna",
    "cli.survey.ok": "{file}: ”{name}” går att använda – {statements} {statements|påstående|påståenden} och "
    "{texts} {texts|fritextfråga|fritextfrågor}.",
    "cli.survey.error": "{file}: går inte att använda – {detail}",
}
