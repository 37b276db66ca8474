"""Plans end to end: a verksamhetsplan and a LOKSAM plan from empty to approved and exported, through signed
Slack requests (the person picker, DM conversations, approval buttons, files_upload_v2) and in the console."""

import io
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from docx import Document

from bot.console import Console
from bot.services import Services
from handlers.plans.names import PlanAction, pack
from tests.bot.conftest import Bot
from tests.bot.test_e2e_conversation import buttons
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_plan_helpers import MEDEL, MEDEL_ROWS, the_plan
from tests.support.fake_slack import Call
from tests.support.signing import Response
from tests.support.slack_chat import answer_by_key

HEBY = "CHEBY"
MEMBERS = {"UANNA": "kommun sammankallande", "UBERTIL": "AF", "UCECILIA": "FK", "UDAVID": "region"}
NAMES = {"UANNA": "Anna Ahl", "UBERTIL": "Bertil Berg", "UCECILIA": "Cecilia Ek", "UDAVID": "David Lind"}
# The LOKSAM plan's sections, each answered by question key.
LOKSAM: dict[str, dict[str, str]] = {
    "deltagare": {
        "af": "Bertil Berg, sektionschef",
        "fk": "Cecilia Ek, enhetschef",
        "landsting": "David Lind, verksamhetschef",
        "kommun": "Anna Ahl, socialchef",
    },
    "mandat": {
        "politik": "Kommunalrådet bjuds in en gång per år.",
        "ersattare": "ja",
        "byte": "Den nya får en genomgång av ordföranden.",
        "ansvarig": "Anna Ahl",
    },
    "moten": {
        "antal": "4",
        "datum": "12 februari, 14 maj, 17 september, 26 november",
        "sammankallande": "Anna Ahl",
        "skriver": "Bertil Berg",
        "delges": "Alla i gruppen och förbundets kansli",
        "frekvens": "2",
        "tillfallen": "hoppa över",
    },
    "kartlaggning": {
        "malgrupp": "Unga 16–29 år",
        "fragor": "Vad saknas mellan parterna?",
        "omrade": "Hela kommunen",
        "behov": "Fler praktikplatser",
        "datum": "2027-03-15",
    },
    "projekt": {
        "forankring": "I LOKSAM-gruppen",
        "ansokan": "Med förbundets mall",
        "uppfoljning": "Vid varje möte",
        "overblick": "En lista i kanalen",
    },
    "sprida": {"hur": "Arbetsplatsträffar", "vilka": "Alla fyra parter", "forbundet": "Två gånger per år"},
    "utvardering": {"datum": "2027-11-30"},
}


def _new_post(bot: Bot, do: Callable[[], Response], channel: str, needle: str = "") -> Call:
    """Do something and wait for the bot's next post in the channel holding the text."""
    before = {id(c) for c in bot.fake.calls()}
    assert do().status == 200
    return bot.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: id(c) not in before and c.args.get("channel") == channel and needle in blocks_text(c),
    )[-1]


def _slash(bot: Bot, user: str, text: str, needle: str) -> Call:
    return _new_post(bot, lambda: bot.sim.slash_command(user, HEBY, text), HEBY, needle)


def _say(bot: Bot, user: str, text: str, needle: str = "") -> Call:
    return _new_post(bot, lambda: bot.sim.dm_message(user, text), f"D{user}", needle)


def _click(bot: Bot, user: str, call: Call, label: str, needle: str = "", where: str = "") -> Call:
    element = buttons(call)[label]
    channel = call.args["channel"]
    return _new_post(
        bot,
        lambda: bot.sim.block_action(
            user, channel, element["action_id"], element["value"], message_ts=call.args.get("ts")
        ),
        where or channel,
        needle,
    )


def _write(bot: Bot, user: str, plan_id: int, section: str, answers: Mapping[str, str]) -> Call:
    """Press "Skriv" in the DM, answer every question by its key, and save."""
    asked = _new_post(
        bot,
        lambda: bot.sim.block_action(user, f"D{user}", f"{PlanAction.WRITE}#0", pack(plan_id, section)),
        f"D{user}",
        "fråga 1 av",
    )
    answer_by_key(bot, user, asked, answers, confirm=None)
    return _new_post(bot, lambda: bot.sim.dm_message(user, "ja"), f"D{user}", "Tack!")  # other DMs may follow it


def _approve_all(bot: Bot, plan_id: int, requests: dict[str, Call]) -> Call:
    """Each party's representative presses Godkänn in the request DM and signs."""
    for user, request in requests.items():
        _click(bot, user, request, "Godkänn", "Vilket namn")
        _say(bot, user, NAMES[user])
        _say(bot, user, "hoppa över", "Godkänna")
        _say(bot, user, "ja", "Tack! Ditt godkännande")
    return bot.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: c.args.get("channel") == HEBY and "är godkänd av alla parter och klar" in blocks_text(c),
    )[-1]


def _setup(bot: Bot) -> None:
    _slash(bot, "UANNA", "koppla Heby", "kopplad")
    for user, party in MEMBERS.items():
        _slash(bot, "UANNA", f"medlem <@{user}|{user.lower()}> {party}", "är medlem")


def _requests(bot: Bot) -> dict[str, Call]:
    calls = bot.fake.wait_for(
        "chat.postMessage", count=4, predicate=lambda c: "Du är ombedd att godkänna" in blocks_text(c)
    )
    return {c.args["channel"][1:]: c for c in calls[-4:]}


def _docx(bot: Bot, suffix: str) -> list[str]:
    """The paragraphs of the newest uploaded file whose name ends so (waiting for the upload to complete)."""
    deadline = time.monotonic() + 5
    while not (files := [f for f in bot.fake.uploaded_files() if f.filename.endswith(suffix)]):
        assert time.monotonic() < deadline, f"no {suffix} uploaded"
        time.sleep(0.02)
    return [p.text for p in Document(io.BytesIO(files[-1].content)).paragraphs]


def test_a_verksamhetsplan_from_empty_to_approved_and_exported_over_slack(bot: Bot) -> None:
    _setup(bot)
    started = _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "har startat")
    pickers = [b for b in started.args["blocks"] if b.get("accessory", {}).get("type") == "users_select"]
    assert len(pickers) == 6
    plan_id = the_plan(bot.services).id
    assert pickers[0]["block_id"] == f"pick|{plan_id}:mal"
    menu = pickers[0]["accessory"]
    assigned = _new_post(
        bot,
        lambda: bot.sim.block_action(
            "UANNA", HEBY, menu["action_id"], "UBERTIL", block_id=pickers[0]["block_id"], action_type="users_select"
        ),
        "DUBERTIL",
        "Mål",
    )
    assert "<@UANNA> vill att du skriver ”Mål”" in blocks_text(assigned)
    _slash(bot, "UANNA", "plan tilldela 2 3 4 5 6 <@UANNA|anna>", "har gett")
    _click(bot, "UBERTIL", assigned, "Skriv ”Mål”", "Vilka mål har LOKUS-gruppen för arbetet 2028?")
    _say(bot, "UBERTIL", "Fungerande samverkan mellan de fyra myndigheterna.", "stämmer det här?")
    _say(bot, "UBERTIL", "ja", "Tack!")
    for key in ("malgrupper", "kon", "struktur", "kompetens"):
        _write(bot, "UANNA", plan_id, key, {key: f"Gruppens svar om {key}."})
    _write(bot, "UANNA", plan_id, "medel", MEDEL)
    done = _approve_all(bot, plan_id, _requests(bot))
    exported = _click(bot, "UANNA", done, "Dokument", "Word och Markdown")
    assert "den godkända *Verksamhetsplan 2028 – Heby*" in blocks_text(exported)
    upload = bot.fake.wait_for("files.completeUploadExternal")[-1]
    assert upload.args["channel_id"] == HEBY
    paragraphs = _docx(bot, "verksamhetsplan-2028-heby.docx")
    assert "Verksamhetsplan 2028 LOKUS Heby" in paragraphs and "UTKAST" not in paragraphs
    assert "Fungerande samverkan mellan de fyra myndigheterna." in paragraphs
    status = _slash(bot, "UCECILIA", "plan", "Verksamhetsplan 2028 – Heby")
    assert "Planen är godkänd av alla parter och klar." in blocks_text(status)


def test_a_loksam_plan_from_empty_to_approved_and_exported_over_slack(bot: Bot) -> None:
    _setup(bot)
    _slash(bot, "UANNA", "plan ny loksam 2027", "LOKSAM-plan 2027 – Heby")
    plan_id = the_plan(bot.services, "loksam", 2027).id
    _slash(bot, "UDAVID", "plan dokument", "utkast")
    assert "UTKAST" in _docx(bot, "loksam-2027-heby-utkast.docx")
    for section, answers in LOKSAM.items():
        _write(bot, "UANNA", plan_id, section, answers)
    _approve_all(bot, plan_id, _requests(bot))
    _slash(bot, "UANNA", "plan dokument", "den godkända")
    paragraphs = _docx(bot, "loksam-2027-heby.docx")
    assert "LOKSAM plan 2027 – Heby" in paragraphs and "UTKAST" not in paragraphs
    assert paragraphs[paragraphs.index("Ska ersättare utses?") + 1] == "Ja"
    assert paragraphs[paragraphs.index("Datum?") + 1] == "15 mars 2027"


def test_a_reminder_button_and_a_change_after_approval_over_slack(bot: Bot) -> None:
    _setup(bot)
    started = _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "har startat")
    _slash(bot, "UANNA", "plan tilldela 1 2 3 4 5 6 <@UCECILIA|cecilia>", "har gett")
    reminded = _click(bot, "UANNA", started, "Påminn", "Påminnelse", where="DUCECILIA")
    assert "väntar ”Mål”, ”Målgrupper”, ”Män och kvinnor”" in blocks_text(reminded)
    assert "Påminnelse skickad till <@UCECILIA>" in str(bot.fake.wait_for("response_url")[-1].args)


def test_both_plans_in_the_console(services: Services, tmp_path: Path) -> None:
    out = io.StringIO()
    files = tmp_path / "filer"
    console = Console(services, user="anna", channel="heby", out=out, files_dir=files)
    lines = [
        "/lokus koppla Heby",
        "/lokus medlem @anna kommun sammankallande",
        "/lokus medlem @bertil AF",
        "/lokus medlem @cecilia FK",
        "/lokus medlem @david region",
        "/lokus plan ny verksamhetsplan 2028",
        "/lokus plan tilldela 1 2 3 4 5 6 @anna",
    ]
    for section, answers in (
        ("1", ["Mål."]),
        ("2", ["Målgrupper."]),
        ("3", ["Nej."]),
        ("4", ["Struktur."]),
        ("5", ["SIP."]),
        ("6", MEDEL_ROWS),
    ):
        lines += [f"/lokus plan svara {section} verksamhetsplan", *answers, "ja"]
    lines += ["/lokus plan ny loksam 2027", "/lokus plan tilldela 1 2 3 4 5 6 7 loksam @anna"]
    for section, answers in LOKSAM.items():
        lines += [f"/lokus plan svara {section} loksam", *answers.values(), "ja"]
    for name in ("anna", "bertil", "cecilia", "david"):
        for template in ("verksamhetsplan", "loksam"):
            lines += [f":som {name}", f"/lokus plan godkänn {template}", f"{name.title()} Namn", "hoppa över", "ja"]
    lines += [":som anna", "/lokus plan dokument verksamhetsplan", "/lokus plan dokument loksam"]
    console.run(lines)
    output = out.getvalue()
    assert "Traceback" not in output
    assert output.count("är godkänd av alla parter och klar") == 2
    saved = sorted(p.name for p in files.iterdir())
    assert saved == [
        "loksam-2027-heby.docx",
        "loksam-2027-heby.md",
        "verksamhetsplan-2028-heby.docx",
        "verksamhetsplan-2028-heby.md",
    ]
    markdown = (files / "verksamhetsplan-2028-heby.md").read_text(encoding="utf-8")
    assert "| **Summa** | **125\u00a0%** |  |  |  | **750\u00a0000\u00a0kr** |" in markdown
    assert "| 23 november 2026 | Godkänd i lokusbot | David Namn | Region |" in markdown
