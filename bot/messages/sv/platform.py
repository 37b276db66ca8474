"""Svenska: plattformens texter (samtalsmotorn, grupper, hjälp, fel). Parametrar i {klamrar}."""

MESSAGES: dict[str, str] = {
    # Samtalsmotorn
    "engine.question": "*{prompt}*  _(fråga {position} av {total})_",
    "engine.controls": "Skriv *tillbaka* för förra frågan, *ändra* för att ändra ett svar, *avbryt* "
    "för att sluta eller *hjälp*.",
    "engine.controls_optional": "Frågan är frivillig: skriv *hoppa över* om du vill. Skriv *tillbaka* för "
    "förra frågan, *avbryt* för att sluta eller *hjälp*.",
    "engine.keep_earlier": "Behåll {value}",
    "engine.use_default": "Använd {value}",
    "engine.skip": "Hoppa över",
    "engine.back": "Tillbaka",
    "engine.cancel": "Avbryt",
    "engine.save": "Spara",
    "engine.change": "Ändra",
    "engine.summary_title": "{title} – stämmer det här?",
    "engine.numbered": "{number}. {label}",
    "engine.confirm_how": "Skriv *ja* för att spara, *ändra 3* (eller frågans nummer) för att ändra ett "
    "svar – eller direkt *ändra 3 till …* – eller *avbryt*.",
    "engine.change_which": "Vilket svar vill du ändra?",
    "engine.change_unknown": "Jag hittar ingen fråga som heter ”{given}”. Välj en i listan eller skriv dess nummer.",
    "engine.previous_answer": "Ditt tidigare svar var: {answer}",
    "engine.resumed": "Välkommen tillbaka! Vi fortsätter med {title} där vi slutade.",
    "engine.resumed_unused": "Välkommen tillbaka! Vi fortsätter med {title} där vi slutade. Det du nyss skrev har "
    "jag inte använt, eftersom det var ett tag sedan: svara på frågan här nedanför igen.",
    "engine.paused": "Vi var mitt i {title} men det har varit tyst ett tag, så jag har pausat. Dina svar "
    "är sparade: skriv *fortsätt* här när du vill fortsätta, eller *avbryt*.",
    "engine.cancelled": "Okej, jag har avbrutit {title}. Inget har sparats.",
    "engine.not_yet": "Vi är inte klara än – svara på frågan nedan först.",
    "engine.help": "Svara på frågan med text, eller välj ett alternativ (i konsolen: skriv numret). "
    "Du kan när som helst skriva *tillbaka*, *hoppa över* (frivilliga frågor), "
    "*ändra <nummer>*, *avbryt* eller *hjälp*.",
    "engine.stale": "Den knappen hör till en fråga som redan är besvarad. Här är frågan vi står på:",
    "engine.nothing_back": "Det här är första frågan, det finns ingen före.",
    "engine.required": "Den här frågan behöver ett svar, den går inte att hoppa över.",
    "engine.no_conversation": "Det samtalet är redan avslutat. Skriv *hjälp* för att se vad du kan göra.",
    "form.required": "Den här uppgiften behövs.",
    "form.conditional": "{hint} (behövs bara i vissa fall)",
    "form.only_in_slack": "Formuläret finns bara i Slack. Här i konsolen använder vi samtalet i stället.",
    "form.invalid": "Formuläret gick inte att läsa, så inget har sparats. Stäng det och öppna det på nytt.",
    "form.unknown": "Det här formuläret tar jag inte emot längre, så inget har sparats. Stäng det och börja om.",
    # Svar
    "answer.empty": "Jag fick inget svar – skriv ditt svar eller välj ett alternativ.",
    "answer.choice_unknown": "”{given}” finns inte bland alternativen. Skriv ett nummer mellan 1 och {count} "
    "eller alternativets namn.",
    "answer.multi_empty": "Välj minst ett alternativ (du kan skriva flera nummer, t.ex. *1, 3*).",
    "answer.yes_no": "Svara *ja* eller *nej*.",
    "answer.date": "Jag förstod inte datumet ”{given}”. Skriv t.ex. *idag*, *igår*, *20/11* eller *2026-11-20*.",
    "answer.number": "”{given}” är inget tal jag förstår. Skriv t.ex. *12* eller *2,5*.",
    "answer.amount": "”{given}” är inget belopp jag förstår. Skriv t.ex. *450 000*, *450 000 kr* eller *450 tkr*.",
    "answer.too_small": "Talet får inte vara mindre än {minimum}.",
    "answer.too_large": "Talet får inte vara större än {maximum}.",
    "answer.skipped": "–",
    "answer.yes": "Ja",
    "answer.no": "Nej",
    # Identitet
    "identity.refused": "Svaret verkar innehålla {kind}. Ärenden och planer får aldrig innehålla "
    "uppgifter som pekar ut en person, så jag har inte sparat det. Skriv svaret igen utan den uppgiften.",
    "identity.refused_likely": "Svaret innehåller något som ser ut som {kind}: ett födelsedatum och fyra "
    "siffror till. Kontrollsiffran stämmer inte, men ett felskrivet nummer pekar ändå ut en person, så jag har "
    "inte sparat det. Skriv svaret igen utan siffrorna.",
    "identity.not_shown": "(det du skrev visas inte: det ser ut att peka ut en person)",
    "identity.kind.personnummer": "ett personnummer",
    "identity.kind.samordningsnummer": "ett samordningsnummer",
    "identity.kind.phone": "ett telefonnummer",
    "identity.kind.email": "en e-postadress",
    "identity.kind.likely_personnummer": "ett personnummer",
    "identity.kind.likely_samordningsnummer": "ett samordningsnummer",
    # Grupper och medlemmar
    "group.linked": "Den här kanalen är nu kopplad till LOKUS-gruppen *{group}* (av {user}). Tills gruppen har "
    "en sammankallande eller samordnare är det {user} som lägger till medlemmar – gärna sig själv först: "
    "`/lokus medlem @person <part> samordnare`.",
    "group.link_usage": "Skriv gruppens namn: `/lokus koppla Heby`.",
    "group.mixed_scripts": "Namnet blandar bokstäver från olika alfabet (till exempel latinska och kyrilliska), så "
    "det kan förväxlas med en annan grupp. Skriv det med bokstäverna från ett alfabet.",
    "group.identity": "Namnet ser ut att innehålla uppgifter som pekar ut en person (ett personnummer, "
    "telefonnummer eller en e-postadress). En LOKUS-grupp heter som sitt område: `/lokus koppla Heby`.",
    "group.channel_taken": "Den här kanalen är redan kopplad till *{group}*.",
    "group.need_channel": "Det här gör man i gruppens kanal. Skriv kommandot där.",
    "group.not_linked": "Den här kanalen är inte kopplad till någon LOKUS-grupp än. Koppla den med "
    "`/lokus koppla <gruppnamn>`.",
    "group.not_member": "Du är inte medlem i *{group}*. Be gruppens sammankallande eller samordnare lägga till "
    "dig med `/lokus medlem @du <part>`.",
    "group.manager_only": "Bara sammankallande, samordnare eller förbundet kan ändra i *{group}*.",
    "group.title": "LOKUS {group}",
    "group.party_missing_cell": "_ingen än_",
    "group.parties_missing": "Saknas: {parties}. Gruppen behöver en företrädare från var och en av de fyra parterna.",
    "group.all_parties": "Alla fyra parter är företrädda.",
    "group.member_hint": "Gruppens sammankallande, samordnare och förbundet lägger till och ändrar: "
    "`/lokus medlem @person <part> [roller]`.",
    "member.usage": "Skriv så här: `/lokus medlem @person <part> [roller]`, t.ex. "
    "`/lokus medlem @anna AF samordnare,ledamot`.",
    "member.saved": "{user} är medlem i *{group}* för {party} ({roles}).",
    "member.removed": "{user} är inte längre medlem i *{group}*.",
    "member.not_found": "Jag hittar inte den personen bland medlemmarna i *{group}*.",
    "mention.expected": "”{given}” är ingen person jag känner igen. Skriv @ och välj personen i listan.",
    "party.af": "Arbetsförmedlingen",
    "party.fk": "Försäkringskassan",
    "party.region": "Region",
    "party.kommun": "Kommun",
    "party.unknown": "”{given}” är ingen part jag känner igen. Skriv AF, FK, Region eller kommun.",
    "role.samordnare": "samordnare",
    "role.sammankallande": "sammankallande",
    "role.ledamot": "ledamot",
    "role.förbund": "förbund",
    "role.unknown": "”{given}” är ingen roll jag känner igen. Roller i en grupp: samordnare, sammankallande, ledamot.",
    # Kommandon och DM
    "dm.not_member": "Hej! Du är inte medlem i någon LOKUS-grupp än. Be gruppens sammankallande skriva "
    "`/lokus medlem @du <part>` i gruppens kanal, så kan vi börja.",
    "dm.edited": "Jag ser att du ändrade ett meddelande, men ändringar läser jag inte. Skriv det du menade som ett "
    "nytt meddelande, så fortsätter vi därifrån.",
    "dm.unknown": "Det förstod jag inte riktigt. Skriv *hjälp* för att se vad jag kan hjälpa till med.",
    "action.unknown": "Den knappen känner jag inte igen längre. Försök igen från början.",
    # Hjälp
    "help.title": "lokusbot – hjälp",
    "help.intro": "Jag hjälper LOKUS-gruppen med lots-ärenden, sammanställningar, planer och möten. "
    "Skriv `/lokus <kommando>` i gruppens kanal:",
    "help.command": "/lokus {name}",
    "help.dm": "I ett direktmeddelande till mig kan du skriva *hjälp*. Mitt i ett samtal fungerar "
    "*tillbaka*, *hoppa över*, *ändra*, *avbryt* och *hjälp*.",
    "help.help": "Visar den här hjälpen.",
    "help.koppla": "Kopplar kanalen till en LOKUS-grupp: `/lokus koppla Heby`. Den som kopplar en ny grupp "
    "sköter den tills den har en sammankallande eller samordnare. En befintlig grupp flyttas hit bara av någon "
    "som sköter den.",
    "help.medlem": "Lägger till eller ändrar en medlem: `/lokus medlem @person AF samordnare` (roller: "
    "samordnare, sammankallande, ledamot). `/lokus medlem bort @person` tar bort. Det gör gruppens "
    "sammankallande, samordnare eller förbundet. Förbundet raderar den som har slutat ur lokusbot med "
    "`/lokus medlem bort @person --glöm`.",
    "help.grupp": "Visar gruppens medlemmar per part och vilka parter som saknas.",
    # Hem
    "home.title": "Välkommen till lokusbot",
    "home.intro": "Jag hjälper LOKUS-grupper med lots-ärenden, sammanställningar inför mötena, "
    "verksamhetsplaner och möten – direkt i Slack.",
    "home.hint": "Börja med `/lokus hjälp` i gruppens kanal, eller skriv *hjälp* till mig här.",
    # Konsolen
    "console.welcome": "lokusbot i konsolen. Du är {user} i kanalen #{channel}. Rader som börjar med "
    "/lokus är kommandon i kanalen, annat är direktmeddelanden till mig. :hjälp visar mer.",
    "console.help": "Konsolkommandon: :som <namn> byter användare, :kanal <namn> byter kanal, :a, :b … "
    "trycker på knapparna i senaste meddelandet med knappar, :a @namn väljer en person. Avsluta med Ctrl-D.",
    "console.now_user": "Du är nu {user}.",
    "console.now_channel": "Du är nu i kanalen #{channel}.",
    "console.no_button": "Det finns ingen knapp :{key} i senaste meddelandet.",
    "console.to_you_dm": "(DM till dig)",
    "console.to_you": "(bara för dig i #{channel})",
    "console.in_channel": "i #{channel}",
    "console.updated": "uppdaterade sitt meddelande i #{channel}",
    "console.dm_to": "(DM till {user})",
    "console.file_saved": "Fil sparad: {path}",
    "console.many": "välj flera genom att skriva numren, t.ex. 1, 3",
    "console.pick_person": ":{key} @namn väljer en person",
    # Fel
    "error.unexpected": "Oj, något gick fel hos mig. Försök igen om en stund; om det händer igen, "
    "uppge felkod *{error_id}* till den som sköter boten.",
    "error.unavailable": "Jag når inte databasen just nu, så inget har sparats. Försök igen om en stund.",
    "error.conflict": "Någon annan ändrade samtidigt. Inget har sparats – försök igen.",
    "outbox.file_lost": "{count|Filen|Filerna} {files} kunde inte skapas eftersom jag startades om under tiden. "
    "Be om {count|den|dem} igen.",
    "blocks.choose_one": "Välj ett alternativ",
    "blocks.choose_many": "Välj ett eller flera",
    "blocks.done": "Klar",
    "text.truncated": "… _(texten är för lång för att visas här i sin helhet; den är sparad hel)_",
    # Förstå vad folk skriver i DM (conv-intents)
    "list.and": "och",
    "list.or": "eller",
    "intent.help": "Visa vad du kan skriva till mig",
    "intent.group.overview": "Visa gruppens medlemmar",
    "dm.identity": "Ditt meddelande verkar innehålla {kind}. Jag tar aldrig emot uppgifter som pekar ut en "
    "person, så jag har inte gjort något med det. Skriv igen utan den uppgiften.",
    "dm.smalltalk.greeting": "Hej! Vad vill du göra? Skriv till exempel *nytt ärende*, *boka möte* eller *hjälp*.",
    "dm.smalltalk.thanks": "Varsågod! Säg till om det är något mer.",
    "dm.smalltalk.ok": "👍",
    "dm.smalltalk.bye": "Ha det bra! Skriv när du behöver mig.",
    "dm.did_you_mean": "Menade du …?",
    "dm.did_you_mean_hint": "Välj en knapp, eller skriv det med andra ord. *hjälp* visar allt jag kan.",
    "dm.unknown_hint": "Det här är det närmaste jag kan hjälpa till med. *hjälp* visar allt, med exempel.",
    "dm.which_group": "Vilken grupp gäller det? ({wish})",
    "dm.help.title": "Det här kan du skriva till mig",
    "dm.help.intro": "Skriv med egna ord, till exempel:",
    "dm.help.example": "”{text}”",
    "dm.help.conversation": "Mitt i ett samtal fungerar *tillbaka*, *hoppa över*, *ändra*, *avbryt* och *hjälp*.",
    "dm.help.commands": "I gruppens kanal: `/lokus hjälp` visar kommandona.",
    "command.unknown_closest": "Jag känner inte igen ”{given}”. Menade du något av det här?",
    "command.unknown_closest_unshown": "Jag känner inte igen det kommandot. Menade du något av det här?",
    "command.unknown_hint": "Skriv `/lokus hjälp` för att se allt jag kan.",
    # Arbetsflödessteg (Workflow Builder)
    "step.unknown": "Det här arbetsflödessteget känner lokusbot inte till. Be den som byggde arbetsflödet att "
    "välja ett av lokusbots steg igen.",
    "step.needs_person": "Steget behöver veta vem som kör arbetsflödet och i vilken kanal: fyll i ”Person” och "
    "”Gruppens kanal” när steget läggs till i arbetsflödet.",
    "step.not_linked": "Kanalen som steget anger är inte kopplad till någon LOKUS-grupp. Välj gruppens kanal i "
    "steget, eller koppla kanalen med /lokus koppla <gruppens namn>.",
    "step.not_member": "Personen som kör arbetsflödet är inte medlem i {group}, så steget gjorde ingenting. Be "
    "gruppens sammankallande eller samordnare lägga till personen.",
}
