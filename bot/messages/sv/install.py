"""Svenska: installationen i en arbetsyta (Slacks OAuth) – sidorna i webbläsaren och beskedet i Slack."""

MESSAGES: dict[str, str] = {
    "install.page_title": "Installera lokusbot",
    "install.intro": "lokusbot är LOKUS-gruppernas assistent i Slack: lots-ärenden, sammanställningar, planer och "
    "möten. Installera den i er arbetsyta med knappen nedan. Slack visar först vad lokusbot får göra, och du "
    "godkänner det där.",
    "install.button": "Lägg till i Slack",
    "install.done_title": "lokusbot är installerad",
    "install.done": "lokusbot är nu installerad i {team}. Öppna Slack, bjud in lokusbot till gruppens kanal och "
    "skriv /lokus koppla följt av gruppens namn.",
    "install.done_org": "lokusbot är nu installerad i organisationen {team}. En administratör behöver också lägga "
    "till appen i de arbetsytor som ska använda den.",
    "install.open_slack": "Öppna Slack",
    "install.failed_title": "Installationen blev inte av",
    "install.bad_state": "Länken till installationen har redan använts, har gått ut eller öppnades inte i samma "
    "webbläsare som installationen började i. Ingenting har installerats. Börja om från installationssidan.",
    "install.cancelled": "Installationen avbröts i Slack, så ingenting har installerats. Du kan börja om när du vill.",
    "install.bad_code": "Slack godkände inte installationen, så ingenting har installerats. Börja om från "
    "installationssidan.",
    "install.missing_scopes": "lokusbot fick inte alla behörigheter den behöver och har därför inte installerats. "
    "Det som saknas: {scopes}. Be den som administrerar er Slack att tillåta dem och börja sedan om.",
    "install.failed": "Något gick fel när installationen skulle sparas, så ingenting har installerats. Försök igen "
    "om en stund, och hör av dig till den som driver lokusbot om det inte går.",
    "install.start_over": "Börja om",
    "install.not_installed": "lokusbot är inte installerad i den här arbetsytan längre. Be en administratör "
    "installera den på nytt.",
}
