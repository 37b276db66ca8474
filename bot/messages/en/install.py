"""English: installing into a workspace (Slack's OAuth) – the pages in the browser and the note in Slack."""

MESSAGES: dict[str, str] = {
    "install.page_title": "Install lokusbot",
    "install.intro": "lokusbot is the LOKUS groups' assistant in Slack: lots cases, summaries, plans and meetings. "
    "Install it in your workspace with the button below. Slack first shows what lokusbot may do, and you approve "
    "it there.",
    "install.button": "Add to Slack",
    "install.done_title": "lokusbot is installed",
    "install.done": "lokusbot is now installed in {team}. Open Slack, invite lokusbot to the group's channel and "
    "type /lokus koppla followed by the group's name.",
    "install.done_org": "lokusbot is now installed in the organisation {team}. An administrator also needs to add "
    "the app to the workspaces that are to use it.",
    "install.open_slack": "Open Slack",
    "install.failed_title": "The installation did not happen",
    "install.bad_state": "The installation link has already been used, has expired, or was not opened in the "
    "browser the installation began in. Nothing has been installed. Start again from the installation page.",
    "install.cancelled": "The installation was cancelled in Slack, so nothing has been installed. You can start "
    "again whenever you like.",
    "install.bad_code": "Slack did not approve the installation, so nothing has been installed. Start again from "
    "the installation page.",
    "install.missing_scopes": "lokusbot was not given every permission it needs and has therefore not been "
    "installed. Missing: {scopes}. Ask whoever administers your Slack to allow them, then start again.",
    "install.failed": "Something went wrong while saving the installation, so nothing has been installed. Try "
    "again in a while, and contact whoever runs lokusbot if it still fails.",
    "install.start_over": "Start again",
    "install.not_installed": "lokusbot is no longer installed in this workspace. Ask an administrator to install "
    "it again.",
}
