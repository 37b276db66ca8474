"""Svenska: planerna (verksamhetsplan, LOKSAM-plan, uppdrag) – status, skrivande, godkännande, dokument."""

MESSAGES: dict[str, str] = {
    "help.plan": "Årets planer: `/lokus plan ny verksamhetsplan 2027`, `/lokus plan` visar läget, "
    "`/lokus plan tilldela <avsnitt> @person`, `svara`, `visa <avsnitt>`, `historik <avsnitt>`, "
    "`påminn`, `godkänn`, `dokument`, `mallar`.",
    # Namn och status
    "plan.name": "{plan} {year}",
    "plan.title": "{plan} – {group}",
    "plan.started": "{user} har startat *{title}*. Välj vem som skriver varje avsnitt i menyerna nedan "
    "(eller `/lokus plan tilldela <avsnitt> @person`).",
    "plan.started_from": "{user} har startat *{title}* utifrån svaren från {year}. Förra årets svar finns "
    "med som förslag: den som skriver ett avsnitt granskar och sparar det.",
    "plan.deadline.ahead": "Sista dag: *{date}* (om {days} {days|dag|dagar}).",
    "plan.deadline.today": "Sista dag: *{date}* – det är idag.",
    "plan.deadline.passed": "Sista dag var {date} – för {days} {days|dag|dagar} sedan.",
    "plan.deadline.none": "Planen har ingen fast sista dag.",
    "plan.no_deadline": "ingen fast sista dag",
    "plan.status.line": "*{number}. {section}* {kind}\n{state} · skriver: {who}",
    "plan.status.required": "",
    "plan.status.optional": "_(frivilligt)_",
    "plan.status.answered": "✅ besvarat av {user} {date}",
    "plan.status.missing": "⬜ saknas",
    "plan.status.proposal": "📝 förra årets svar, att granska",
    "plan.status.nobody": "_ingen än_",
    "plan.status.pick": "Välj vem som skriver",
    "plan.status.approved": "godkänd av {name} ({user}) {date}",
    "plan.status.not_approved": "_väntar_",
    "plan.status.sections_missing": "{done} av {total} obligatoriska avsnitt är besvarade.",
    "plan.status.waiting": "Alla avsnitt är besvarade. Väntar på godkännande från: {parties}.",
    "plan.status.complete": "🎉 Planen är godkänd av alla parter och klar.",
    "plan.status.hint": "Skriv ett avsnitt: `/lokus plan svara <avsnitt>` (frågorna kommer i ett direktmeddelande). "
    "Läs ett avsnitt: `/lokus plan visa <avsnitt>`.",
    "plan.usage": "Jag förstod inte ”{given}”. Skriv t.ex. `/lokus plan`, `/lokus plan ny verksamhetsplan 2027` "
    "eller `/lokus plan tilldela mål @person`.",
    "plan.none": "*{group}* har ingen plan än. Starta en med `/lokus plan ny verksamhetsplan 2027` "
    "(`/lokus plan mallar` visar vilka mallar som finns).",
    "plan.none_matching": "Jag hittar ingen sådan plan i *{group}*. Skriv `/lokus plan` för att se gruppens plan.",
    "plan.which": "Gruppen har flera planer på gång: {plans}. Skriv vilken du menar, t.ex. `/lokus plan loksam 2027`.",
    "plan.gone": "Den planen finns inte längre.",
    "plan.template_gone": "Mallen ”{template}” som planen skrevs efter finns inte längre hos boten. "
    "Be den som sköter boten lägga tillbaka mallfilen.",
    "plan.section_gone": "Det avsnittet finns inte längre i planens mall.",
    "plan.section_unknown": "Jag hittar inget avsnitt som heter ”{given}”. Avsnitten är: {sections}.",
    # Starta
    "plan.new_usage": "Skriv mall och år: `/lokus plan ny verksamhetsplan 2027`. Mallar: {templates}.",
    "plan.year_range": "{year} är inget år jag kan starta en plan för. Välj förra året, i år eller något av de "
    "närmaste åren.",
    "plan.exists": "*{group}* har redan en {plan} för {year}. Skriv `/lokus plan` för att se den.",
    "plan.from_usage": "Skriv året att utgå från efter --från, t.ex. `/lokus plan ny verksamhetsplan 2028 "
    "--från 2027`.",
    "plan.from_missing": "*{group}* har ingen {plan} för {year} att utgå från.",
    # Tilldela
    "plan.assign_usage": "Skriv avsnitt och person: `/lokus plan tilldela mål @person` (flera avsnitt går bra: "
    "`/lokus plan tilldela 1 2 @person`).",
    "plan.assign_not_member": "{user} är inte medlem i *{group}*. Lägg till personen först med "
    "`/lokus medlem @person <part>`.",
    "plan.assigned": "{by} har gett {user} att skriva {sections} i *{title}*.",
    "plan.assigned_dm": "Hej! {by} vill att du skriver {sections} i *{title}*. Sista dag: {deadline}. "
    "Tryck på knappen så ställer jag frågorna en i taget här – du kan sluta när du vill och "
    "fortsätta senare.",
    "plan.mine.intro": "Du har {count} avsnitt att skriva. Välj ett:",
    "plan.mine.none": "Du har inga obesvarade avsnitt i någon plan just nu.",
    # Skriva
    "plan.flow.section": "avsnittet ”{section}” i {plan} {year}",
    "plan.flow.noun": "avsnittet ”{section}”",
    "plan.flow.summary": "{section} ({plan} {year}) – stämmer det här?",
    "plan.write.title": "{section} – {title}",
    "plan.write.how": "Skriv gärna långa svar, allt i ett meddelande (Shift+Enter ger ny rad). Du kan skriva "
    "*tillbaka*, *hoppa över* (frivilliga frågor), *ändra* och *avbryt*, och sluta när som helst: "
    "skriv *fortsätt* när du vill fortsätta.",
    "plan.write.current": "Avsnittet har redan svar. Skriv *ja* för att behålla dem eller *ändra* och numret för "
    "att ändra ett svar.",
    "plan.write.proposal": "Här är svaren från {year} som förslag. Granska dem: skriv *ändra* och numret för att "
    "ändra ett svar, och *ja* för att spara.",
    "plan.write_which": "Du har inget obesvarat avsnitt. Skriv vilket du vill ändra: `/lokus plan svara <avsnitt>`.",
    "plan.q.label": "{text}",
    "plan.q.prompt": "{text}",
    "plan.q.hint": "{text}",
    "plan.q.intro": "{text}",
    "plan.q.option": "{text}",
    "plan.table.first_prompt": "{question} Vi fyller i tabellen rad för rad. Rad {row}: {prompt}",
    "plan.table.cell_prompt": "Rad {row}: {prompt}",
    "plan.table.cell_label": "Rad {row}: {column}",
    "plan.table.more": "Vill du lägga till en rad till efter rad {row}?",
    "plan.table.more_label": "Fler rader efter rad {row}",
    "plan.table.row": "{number}. {cells}",
    "plan.table.totals": "*Summa:* {totals}",
    "plan.saved": "Tack! Avsnittet ”{section}” i *{title}* är sparat.",
    "plan.saved_unchanged": "Inget ändrades i ”{section}” i *{title}* – svaren är kvar som de var.",
    "plan.saved_progress": "{user} har sparat avsnittet ”{section}” i *{title}*. {done} av {total} "
    "obligatoriska avsnitt är besvarade.",
    "plan.answer.empty": "–",
    "plan.qa": "*{question}*\n{answer}",
    # Visa och historik
    "plan.show.title": "{section} – {title}",
    "plan.show.changed": "Senast ändrat av {user} {date} (version {versions}). Tidigare versioner: "
    "`/lokus plan historik {section_key}`.",
    "plan.show.proposal_only": "Inget sparat än – det som visas är förslaget från {year}.",
    "plan.read.title": "{title}",
    "plan.read.draft": "Utkast: avsnitt eller godkännanden saknas.",
    "plan.read.section": "*— {section} —*",
    "plan.history.title": "Historik: {section} – {title}",
    "plan.history.none": "Avsnittet har inte sparats än.",
    "plan.history.version": "*Version {number}* – {user}, {date}",
    "plan.history.first": "Första versionen.",
    "plan.history.changed": "Ändrade ”{question}”. Tidigare text: {previous}",
    "plan.history.more": "… och {count} {count|äldre version|äldre versioner}.",
    "plan.history_usage": "Skriv vilket avsnitt: `/lokus plan historik mål`.",
    # Påminnelser
    "plan.remind.dm": "Påminnelse: i *{title}* väntar {sections} på dina svar. {deadline}",
    "plan.remind.unassigned": "Påminnelse: i *{title}* har {sections} ingen som skriver. Välj någon i "
    "`/lokus plan`. {deadline}",
    "plan.remind.sent": "Påminnelse skickad till {people}.",
    "plan.remind.none": "Alla obligatoriska avsnitt i *{title}* är besvarade – ingen behöver påminnas.",
    # Godkännande
    "plan.approve.request": "Alla avsnitt i *{title}* är besvarade. Du är ombedd att godkänna planen för "
    "{party}. Läs den och tryck *Godkänn* – du får skriva ditt namnförtydligande.",
    "plan.approve.asked": "Alla avsnitt i *{title}* är besvarade. Jag har bett om godkännande från: {asked}.",
    "plan.approve.nobody": "Ingen medlem företräder {parties} än – lägg till med `/lokus medlem @person <part>`; "
    "den personen kan sedan godkänna med `/lokus plan godkänn`.",
    "plan.approve.flow": "godkännandet av planen",
    "plan.approve.intro": "Du godkänner *{title}* för {party}. Datum och namn kommer med i planens underskriftsdel.",
    "plan.approve.q.name.label": "Namnförtydligande",
    "plan.approve.q.name": "Vilket namn ska stå i namnförtydligandet?",
    "plan.approve.q.organisation.label": "Organisation",
    "plan.approve.q.organisation": "Vilken organisation skriver du under för (t.ex. Arbetsförmedlingen Norra "
    "Uppland eller Heby kommun)?",
    "plan.approve.q.organisation.hint": "Hoppar du över står partens namn.",
    "plan.approve.summary": "Godkänna {plan} {year} för {group}?",
    "plan.approve.thanks": "Tack! Ditt godkännande av *{title}* är sparat.",
    "plan.approve.recorded": "{party} har godkänt planen ({name}, {user}). {count} av {total} parter har godkänt.",
    "plan.approve.withdrawn": "{user} ändrade avsnittet ”{section}” efter att *{title}* godkänts, så "
    "godkännandena från {parties} har dragits tillbaka. Parterna behöver godkänna igen.",
    "plan.approve.not_party": "Du kan inte godkänna *{title}*: godkännandet görs av en medlem från var och en av "
    "parterna, och du är inte registrerad för någon av dem i gruppen.",
    "plan.approve.already": "{party} har redan godkänt planen ({name}, {date}).",
    "plan.approve.not_ready": "Planen kan inte godkännas än – de här avsnitten saknar svar: {sections}.",
    "plan.complete": "🎉 *{title}* är godkänd av alla parter och klar. Tryck på *Dokument* för den färdiga planen.",
    # Knappar
    "plan.button.write_section": "Skriv ”{section}”",
    "plan.button.write_in": "{section} ({plan})",
    "plan.button.next": "Nästa: ”{section}”",
    "plan.button.approve": "Godkänn",
    "plan.button.read": "Läs planen",
    "plan.button.document": "Dokument",
    "plan.button.remind": "Påminn",
    # Dokument
    "plan.document.draft": "Här är *{title}* som Word och Markdown (av {user}). Det är ett *utkast*: avsnitt "
    "eller godkännanden saknas.",
    "plan.document.final": "Här är den godkända *{title}* som Word och Markdown (av {user}).",
    "plan.file.docx": "{title} (Word)",
    "plan.file.markdown": "{title} (Markdown)",
    "plan.doc.draft": "UTKAST",
    "plan.doc.draft_note": "Det här är ett utkast, inte den färdiga planen.",
    "plan.doc.missing_sections": "Avsnitt som saknar svar:",
    "plan.doc.missing_parties": "Godkännande saknas från:",
    "plan.doc.unanswered": "(ej besvarat än)",
    "plan.doc.total": "Summa",
    "plan.doc.signatures": "Underskrifter",
    "plan.doc.date": "Datum:",
    "plan.doc.signature": "Underskrift:",
    "plan.doc.name": "Namnförtydligande:",
    "plan.doc.organisation": "Organisation:",
    "plan.doc.signed": "Godkänd i lokusbot",
    "plan.doc.made": "Framtagen med lokusbot {date}.",
    "plan.doc.page": "Sida {page} av {pages}",
    "plan.doc.author": "LOKUS {group}",
    # Mallar
    "plan.templates.title": "Planmallar",
    "plan.templates.name": "{name} (`{code}`)",
    "plan.templates.sections": "{count} avsnitt: {sections}",
    "plan.templates.broken": "Mallfilen {file} har ett fel på rad {line} och används inte. Den som sköter boten "
    "kan köra `lokusbot templates check {file}`.",
    "plan.templates.hint": "Starta: `/lokus plan ny <mall> <år>`. En egen mall läggs till som en YAML-fil (se README).",
    # lokusbot templates check
    "plan.section_quoted": "”{title}”",
    "plan.template_check.ok": "{file}: mallen ”{name}” är giltig ({sections} avsnitt, "
    "{questions} {questions|fråga|frågor}).",
    "plan.template_check.error": "{file}, rad {line}{where}: {problem}",
    "plan.template_check.where": " (vid {where})",
    "plan.template_error.yaml": "filen är inte giltig YAML: {detail}",
    "plan.template_error.unreadable": "filen går inte att läsa: {detail}",
    "plan.template_error.not_mapping": "filen ska bestå av rader med nyckel: värde.",
    "plan.template_error.duplicate_key": "nyckeln ”{name}” står två gånger.",
    "plan.template_error.braces": "en {{ utan sin }} (skriv {{{{ för en klammer).",
    "plan.template_error.placeholder": "okänd platshållare {{{name}}} – här går det att använda {known}.",
    "plan.template_error.key_not_file_name": "key är ”{given}” men filen heter {file}.yaml – de ska vara lika.",
    "plan.template_error.missing": "uppgiften saknas.",
    "plan.template_error.extra_forbidden": "okänd nyckel (felstavad?).",
    "plan.template_error.enum": "”{given}” är inte tillåtet här. Tillåtet: {expected}.",
    "plan.template_error.string_type": "här ska det stå text.",
    "plan.template_error.bool_type": "här ska det stå true eller false.",
    "plan.template_error.bool_parsing": "här ska det stå true eller false.",
    "plan.template_error.int_type": "här ska det stå ett heltal.",
    "plan.template_error.int_parsing": "här ska det stå ett heltal.",
    "plan.template_error.list_type": "här ska det stå en lista (rader som börjar med -).",
    "plan.template_error.model_type": "här ska det stå rader med nyckel: värde.",
    "plan.template_error.too_short": "listan får inte vara tom.",
    "plan.template_error.string_too_short": "texten får inte vara tom.",
    "plan.template_error.greater_than_equal": "talet måste vara minst {ge}.",
    "plan.template_error.less_than_equal": "talet får vara högst {le}.",
    "plan.template_error.string_pattern_mismatch": "en nyckel skrivs med a–z, siffror och _ (högst 20 tecken) och "
    "börjar med en bokstav.",
    "plan.template_error.cell_kind": "en kolumn kan inte vara av sorten {kind}.",
    "plan.template_error.flat_rate_kind": "flat_rate_from kräver kind: amount.",
    "plan.template_error.total_kind": "total kräver en kolumn av sorten number, percent eller amount.",
    "plan.template_error.columns": "columns hör till (och behövs för) kind: table.",
    "plan.template_error.options": "options hör till (och behövs för) kind: choice.",
    "plan.template_error.flat_rate_from": "flat_rate_from ska peka på en tidigare kolumn av sorten percent, "
    "inte ”{name}”.",
    "plan.template_error.follow_up": "ett uppföljningsavsnitt (follow_up) kan inte vara obligatoriskt "
    "(skriv required: false).",
    "plan.template_error.no_such_day": "det finns ingen dag {day}/{month}.",
    "plan.template_error.duplicate": "{what} ”{name}” finns två gånger.",
    "plan.template_error.other": "{detail}",
    # Förstå vad folk skriver i DM (conv-intents)
    "intent.plan.mine": "Skriva dina avsnitt i planen",
    "intent.plan.status": "Visa hur det går med planen",
    "intent.plan.approve": "Godkänna planen för din part",
}
