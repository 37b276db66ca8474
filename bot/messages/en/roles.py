"""English: roles and workspaces – the förbund role, who manages a group, channels of other workspaces."""

MESSAGES: dict[str, str] = {
    "group.moved": "The LOKUS group *{group}* now belongs to this channel (moved here by {user}).",
    "group.other_workspace": "This belongs to a LOKUS group in another Slack workspace, so from here I can "
    "neither show nor change anything of it. Please turn to the group in its own workspace.",
    "member.forbund_is_workspace_wide": "The association (förbund) role is not given per group: it covers every "
    "group of the workspace. Someone who has it, or a Slack admin, gives it with `/lokus förbund @person`.",
    "member.last_manager": "{user} is the only convenor or coordinator of *{group}*. Give the role to someone "
    "else first, so that someone always looks after the group.",
    "help.förbund": "The association (förbund) role covers every group of the workspace: `/lokus förbund` shows "
    "who has it, `/lokus förbund @person` gives it and `/lokus förbund bort @person` takes it away. This is done "
    "by someone who has the role, or by a Slack admin.",
    "forbund.usage": "Write it like this: `/lokus förbund @person` to give the association role, `/lokus förbund "
    "bort @person` to take it away, or just `/lokus förbund` to see who has it.",
    "forbund.not_trusted": "The association role can only be given or taken away by someone who has it, by an "
    "admin or owner of the Slack workspace, or by whoever runs the bot. Please ask one of them.",
    "forbund.already": "{user} already has the association role in this workspace.",
    "forbund.granted": "{user} now has the association role in this workspace and can see and look after every "
    "LOKUS group here.",
    "forbund.granted_dm": "{by} gave you the association role. You can now see the cases, compilations, plans "
    "and meetings of every LOKUS group of the workspace, and look after the groups.",
    "forbund.revoked": "{user} no longer has the association role in this workspace.",
    "forbund.not_held": "{user} does not have the association role in this workspace.",
    "forbund.none": "Nobody has the association role in this workspace yet. A Slack admin gives it with "
    "`/lokus förbund @person`.",
    "forbund.list": "*The association role in this workspace:*\n{holders}",
    "forbund.line": "{user} – given by {by} on {date}",
    "forbund.line_operator": "{user} – given on the server on {date}",
    "forbund.hint": "Give or take away: `/lokus förbund @person`, `/lokus förbund bort @person`.",
    "roles.cli.granted": "{user} now has the förbund role in the workspace {team}.",
    "roles.cli.already": "{user} already has the förbund role in the workspace {team}.",
    "roles.cli.revoked": "{user} no longer has the förbund role in the workspace {team}.",
    "roles.cli.not_held": "{user} does not have the förbund role in the workspace {team}.",
    "roles.cli.bad_user": "“{given}” is not a Slack user id. One looks like U0123ABCD (in Slack: open the "
    "person's profile, ⋮ and Copy member ID).",
    "roles.cli.bad_team": "“{given}” is not a Slack workspace id. One looks like T0123ABCD.",
    "roles.cli.none": "Nobody has the förbund role in the workspace {team}.",
    "roles.cli.line": "{user}  given by {by}  {date}",
    "roles.cli.operator": "the server",
}
