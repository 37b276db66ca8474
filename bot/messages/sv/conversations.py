"""Svenska: samtalsmotorns texter om att ändra svar, pausa och börja något nytt mitt i ett samtal."""

MESSAGES: dict[str, str] = {
    # Var ett samtal står
    "engine.progress": "fråga {position} av {total}",
    "engine.progress_confirm": "allt besvarat, inget sparat än",
    "engine.open": "{noun}, fråga {position} av {total}",
    "engine.open_confirm": "{noun}, allt besvarat men inget sparat än",
    "engine.unknown_flow": "ett samtal som inte finns längre",
    # Något nytt mitt i ett samtal
    "engine.offer.ask": "Du har inte gjort klart {current} ({progress}). Vill du fortsätta med {current}, "
    "eller börja med {new}?",
    "engine.offer.keep": "Fortsätt med {current}",
    "engine.offer.set_aside": "Börja med {new}",
    "engine.offer.end": "Avsluta {current} utan att spara",
    "engine.offer.how_aside": "Börjar du med {new} sparas dina svar hittills: skriv *fortsätt* sedan, så "
    "kommer du tillbaka hit.",
    "engine.offer.unclear": "”Nej” kan betyda båda här, så jag frågar igen: svara med siffran eller orden.",
    "engine.offer.how_full": "Du har redan flera påbörjade samtal sparade till senare. Gör klart eller "
    "avsluta {current} först för att börja med {new}.",
    "engine.continuing": "Då fortsätter vi med {noun}.",
    "engine.typed_not_used": "Det du skrev efter kommandot (”{given}”) har jag inte använt, eftersom vi står vid en "
    "senare fråga. Svara på den här:",
    "engine.already_begun": "Du har redan påbörjat {noun}, så vi fortsätter där du var. Skriv *avbryt* om "
    "du vill börja om.",
    "engine.set_aside": "Okej, jag sparar dina svar i {noun} till senare. Skriv *fortsätt* när du vill ta "
    "upp {noun} igen.",
    "engine.ended": "Okej, jag har avslutat {noun}. Inget av det sparades.",
    "engine.aside.waiting": "Du har också påbörjat {noun} ({progress}). Skriv *fortsätt* när du vill ta upp "
    "{noun} igen.",
    "engine.aside.resume": "Fortsätt med {noun}",
    # Ändra svar i ord
    "engine.changed": "Ändrat: *{label}* är nu {answer} (var {before}).",
    "engine.unchanged_because": "Inget ändrades: {reason}",
    "engine.unchanged_same": "*{label}* är redan {answer}, så inget ändrades.",
    "engine.unchanged": "Inget ändrades – jag vet inte vilket svar det du skrev gäller.",
    "engine.unchanged_how": "Skriv *ja* för att spara. För att ändra: *ändra 3* (så frågar jag igen), eller "
    "*ändra 3 till …* med det nya svaret direkt. *avbryt* slutar utan att spara.",
    "engine.what_to_change": "Okej, då sparar jag inte än.",
    "engine.change_how": "Välj ett svar, eller skriv t.ex. *ändra 2* eller *ändra 2 till …* med det nya svaret.",
    "engine.place_which": "Vilket svar ska det du skrev ersätta?",
    "engine.place_none": "Inget av dem? Skriv *ja* för att spara som det står, eller *ändra* och numret.",
}
