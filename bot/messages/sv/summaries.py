"""Svenska: sammanställningen av lots-ärenden (perioder, meningar, etiketter, diagram). Parametrar i {klamrar}."""

MESSAGES: dict[str, str] = {
    "help.sammanfattning": "Sammanställer gruppens lots-ärenden i kanalen: `/lokus sammanfattning [period]`, "
    "t.ex. *i år*, *förra året*, *hösten 2026*, *senaste 90 dagarna* eller *från "
    "2026-01-01 till 2026-06-30*; lägg till *enheter* för uppdelning per enhet. Förbundet: "
    "`/lokus sammanfattning alla`. Privat i DM: *sammanfattning Heby*. Gruppens skydd av små "
    "tal och automatiska sammanfattning: `/lokus sammanfattning inställningar`.",
    # Perioder
    "summary.period.this_year": "i år ({year})",
    "summary.period.last_year": "förra året ({year})",
    "summary.period.year": "år {year}",
    "summary.period.spring": "våren {year} (vårterminen, januari–juni)",
    "summary.period.autumn": "hösten {year} (höstterminen, augusti–december)",
    "summary.period.month": "{month} {year}",
    "summary.period.this_month": "den här månaden",
    "summary.period.last_month": "förra månaden",
    "summary.period.last_days": "senaste {count} dagarna",
    "summary.period.last_days_one": "senaste dagen",
    "summary.period.last_weeks": "senaste {count} veckorna",
    "summary.period.last_weeks_one": "senaste veckan",
    "summary.period.last_months": "senaste {count} månaderna",
    "summary.period.last_months_one": "senaste månaden",
    "summary.period.last_years": "senaste {count} åren",
    "summary.period.last_years_one": "senaste året",
    "summary.period.since": "sedan {date}",
    "summary.period.since_meeting": "sedan förra mötet ({date})",
    "summary.period.range": "vald period",
    "summary.period.previous": "perioden innan",
    "summary.period.year_before": "samma period ett år tidigare",
    "summary.period_unknown": "Jag förstod inte perioden ”{given}”. Skriv till exempel *i år*, *förra året*, "
    "*2025*, *hösten 2026*, *våren 2027*, *oktober*, *senaste 90 dagarna* eller *från "
    "2026-01-01 till 2026-06-30*.",
    "summary.period_reversed": "Perioden slutar {end}, innan den börjar ({start}). Skriv startdagen först.",
    "summary.period_future": "Perioden börjar {start}, och dit har vi inte kommit än. Välj en period som har börjat.",
    "summary.month.1": "januari",
    "summary.month.2": "februari",
    "summary.month.3": "mars",
    "summary.month.4": "april",
    "summary.month.5": "maj",
    "summary.month.6": "juni",
    "summary.month.7": "juli",
    "summary.month.8": "augusti",
    "summary.month.9": "september",
    "summary.month.10": "oktober",
    "summary.month.11": "november",
    "summary.month.12": "december",
    "summary.month_short.1": "jan",
    "summary.month_short.2": "feb",
    "summary.month_short.3": "mar",
    "summary.month_short.4": "apr",
    "summary.month_short.5": "maj",
    "summary.month_short.6": "jun",
    "summary.month_short.7": "jul",
    "summary.month_short.8": "aug",
    "summary.month_short.9": "sep",
    "summary.month_short.10": "okt",
    "summary.month_short.11": "nov",
    "summary.month_short.12": "dec",
    # Rubrik och inledning
    "summary.title": "Lots-ärenden – {group}",
    "summary.title_all": "Lots-ärenden – alla grupper",
    "summary.period_note": "Period: {label}, {start} – {end}. Jämförs med {comparison}: "
    "{previous_start} – {previous_end}.",
    "summary.compared.year": "samma period ett år tidigare",
    "summary.compared.previous": "lika lång period närmast före",
    "summary.lead": "*{raised}* {raised|lots-ärende|lots-ärenden} har aktualiserats under perioden.",
    "summary.lead_none": "Inga lots-ärenden har aktualiserats under perioden.",
    "summary.lead_small": "*Färre än {threshold}* lots-ärenden har aktualiserats under perioden. Så få ärenden "
    "delas inte upp här, så att ingen kan pekas ut.",
    "summary.open_label": "Fortfarande öppna",
    "summary.previous_label.year": "Samma period ett år tidigare",
    "summary.previous_label.previous": "Perioden innan",
    "summary.change_label": "Förändring",
    "summary.change_up": "{difference} fler ({percent} ökning)",
    "summary.change_down": "{difference} färre ({percent} minskning)",
    "summary.change_none": "lika många",
    "summary.change_from_none": "{difference} fler (inga att jämföra med)",
    # Tal
    "summary.fewer_than": "färre än {threshold}",
    "summary.protected": "skyddat",
    "summary.count_share": "{count} ({percent})",
    "summary.percent_below_one": "under {percent}",
    "summary.percent_above_99": "över {percent}",
    "summary.share_item": "{percent} {label} ({count})",
    "summary.count_item": "{count} {label}",
    "summary.small_item": "färre än {threshold} {label}",
    "summary.hidden_item": "ett skyddat antal {label}",
    # Kön
    "summary.gender.kvinna": "kvinnor",
    "summary.gender.man": "män",
    "summary.gender.annat": "med annat kön",
    "summary.gender": "*Kön:* I {documented} av {raised} ärenden är könstillhörigheten dokumenterad. "
    "Av dessa {documented} är {items}.",
    "summary.gender_none": "*Kön:* Könstillhörigheten är inte dokumenterad i något av ärendena.",
    "summary.gender_protected": "*Kön:* Fördelningen på kön visas inte här, eftersom antalen är så små att "
    "enskilda skulle kunna pekas ut.",
    # Tilläggsresursen
    "summary.referred": "*Tilläggsresursen:* {count} {count|person|personer} har aktualiserats till tilläggsresursen "
    "({percent} av ärendena).",
    "summary.referred_none": "*Tilläggsresursen:* Ingen har aktualiserats till tilläggsresursen under perioden.",
    "summary.referred_small": "*Tilläggsresursen:* Färre än {threshold} personer har aktualiserats till "
    "tilläggsresursen.",
    "summary.referred_protected": "*Tilläggsresursen:* Hur många som har aktualiserats till tilläggsresursen "
    "visas inte här, så att ingen kan pekas ut.",
    "summary.referred_gender_all": "Av dessa är {items}.",
    "summary.referred_gender": "Av {documented} med dokumenterat kön är {items}.",
    "summary.referred_gender_none": "Kön är inte dokumenterat för någon av dem.",
    "summary.referred_gender_protected": "Fördelningen på kön visas inte, eftersom antalen är för små.",
    # Parter och enheter
    "summary.parties_title": "*Per part som aktualiserade ärendet* (andel av {raised})",
    "summary.parties_title_plain": "*Per part som aktualiserade ärendet*",
    "summary.parties_protected": "*Per part:* Fördelningen visas inte här, eftersom antalen är för små.",
    "summary.unit_line": "• {unit}: {count}",
    "summary.unit_none": "ingen enhet angiven",
    "summary.units_protected": "• uppdelningen på enheter visas inte (för små antal)",
    # Ålder
    "summary.ages_title": "*Ålder* (andel av {known} med känd ålder)",
    "summary.ages_title_plain": "*Ålder*",
    "summary.ages_protected": "*Ålder:* Fördelningen visas inte här, eftersom antalen är för små.",
    "summary.age.16-29": "16–29 år (förbundets prioriterade målgrupp)",
    "summary.age.30-39": "30–39 år",
    "summary.age.40-49": "40–49 år",
    "summary.age.50-64": "50–64 år",
    "summary.age.65+": "65 år och äldre",
    "summary.age.okant": "Okänd ålder",
    # Målgrupper
    "summary.targets_title": "*Målgrupper*, vanligast först (ett ärende kan höra till flera; andel av {raised} "
    "ärenden)",
    "summary.targets_title_plain": "*Målgrupper*, vanligast först",
    "summary.targets_none": "*Målgrupper:* inga angivna under perioden.",
    # Vad som brast
    "summary.failures_title": "*Vad som brast i samverkan*, vanligast först (ett ärende kan ha flera; andel av "
    "{raised} ärenden)",
    "summary.failures_title_plain": "*Vad som brast i samverkan*, vanligast först",
    "summary.failures_none": "*Vad som brast:* inget angivet under perioden.",
    # Avslutade
    "summary.closed": "*Avslutade:* {count} {count|ärende|ärenden} avslutades under perioden.",
    "summary.closed_none": "*Avslutade:* Inga ärenden avslutades under perioden.",
    "summary.closed_small": "*Avslutade:* Färre än {threshold} ärenden avslutades under perioden.",
    "summary.closed_protected": "*Avslutade:* Hur ärendena som avslutades slutade visas inte här, eftersom "
    "antalen är för små.",
    "summary.work_share": "{percent} gick till arbete eller studier ({count} av {closed}); riksgenomsnittet som "
    "förbundet jämför med är {national}.",
    "summary.work_protected": "Andelen som gick till arbete eller studier visas inte, eftersom antalen är för "
    "små (riksgenomsnittet är {national}).",
    # Alla grupper
    "summary.groups_title": "*Per grupp*",
    "summary.group_line": "ärenden: {raised} · öppna: {open} · till tilläggsresursen: {referred}",
    # Fotnoter
    "summary.note_protected": "Antal under {threshold} visas som ”färre än {threshold}”, och antal som skulle "
    "göra det möjligt att räkna fram dem visas som ”skyddat”. Procent räknas bara på "
    "antal som visas, på de ärenden där uppgiften finns.",
    "summary.note_exact": "Exakta tal, bara för dig – dela dem inte vidare. I kanalen visas antal under "
    "{threshold} som ”färre än {threshold}”.",
    "summary.note_chart": "Diagram över ärenden per part och kön och per månad bifogas.",
    # Diagram
    "summary.chart.file_title": "Diagram: {title}",
    "summary.chart.parties_title": "Ärenden per part och kön",
    "summary.chart.months_title": "Ärenden per månad",
    "summary.chart.months_protected": "Fördelningen per månad visas inte (för små antal).",
    "summary.chart.cases": "Antal ärenden",
    "summary.chart.protected": "skyddat",
    "summary.chart.fewer_than": "<{threshold}",
    "summary.chart.parties_too_few": "För få ärenden per part för att visa dem här.",
    "summary.chart.period": "Period: {label}, {start} – {end}",
    "summary.chart.left_out": "Visas inte (för få ärenden): {parties}",
    "summary.chart.gender.kvinna": "Kvinnor",
    "summary.chart.gender.man": "Män",
    "summary.chart.gender.annat": "Annat kön",
    "summary.chart.gender.ej_dokumenterat": "Kön ej dokumenterat",
    # Fel och frågor
    # Gruppens inställningar för sammanfattningar
    "summary.settings": "*Sammanfattningar i {group}:* antal under {threshold} visas som ”färre än {threshold}” i "
    "kanalen, sammanfattningen {automatic} och perioden jämförs med {comparison}. Ändra med "
    "`/lokus sammanfattning gräns 5`, `/lokus sammanfattning dagar 3` (`av` stänger av) eller "
    "`/lokus sammanfattning jämför period` (`jämför år` för samma period ett år tidigare).",
    "summary.compare_set": "{user} ändrade *{group}*: sammanfattningens period jämförs nu med {comparison}.",
    "summary.compare_usage": "Skriv vad perioden ska jämföras med: `/lokus sammanfattning jämför år` (samma period "
    "ett år tidigare) eller `/lokus sammanfattning jämför period` (lika lång period närmast före).",
    "summary.automatic_days": "postas av sig själv {days} dagar före varje möte",
    "summary.automatic_one": "postas av sig själv dagen före varje möte",
    "summary.automatic_off": "postas inte av sig själv före mötena",
    "summary.threshold_set": "{user} ändrade skyddet av små tal i *{group}*: antal under {threshold} visas nu som "
    "”färre än {threshold}” i kanalen.",
    "summary.threshold_usage": "Skriv gränsen som ett heltal från {lowest} till {highest}, t.ex. "
    "`/lokus sammanfattning gräns 5`.",
    "summary.days_set": "{user} ändrade *{group}*: sammanfattningen {automatic}.",
    "summary.days_usage": "Skriv hur många dagar före mötet sammanfattningen ska postas (0–{most}), eller `av`, "
    "t.ex. `/lokus sammanfattning dagar 3`.",
    "summary.which_group": "Vilken grupps sammanställning vill du ha? Skriv t.ex. *sammanfattning {example}*. "
    "Dina grupper: {groups}.",
    "summary.group_unknown": "Det finns ingen grupp som heter ”{given}”. Grupper: {groups}.",
    "summary.no_groups": "inga än",
    "summary.forbund_only": "Sammanställningen för alla grupper är till för förbundet. Be gruppens "
    "sammankallande om gruppens egen: `/lokus sammanfattning`.",
    # Förstå vad folk skriver i DM (conv-intents)
    "intent.summary": "Sammanställa gruppens lots-ärenden",
    "summary.period_set_aside": "Jag förstod inte vilken period du menade, så här är sammanställningen för den "
    "vanliga perioden. Vill du ha en annan, skriv till exempel *sammanställning hösten 2026*.",
}
