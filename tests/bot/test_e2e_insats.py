"""Insatser end to end: the Älvkarleby application (seed 004) written in the DM, approved by every party, granted by
the förbund and exported as Word, through signed Slack requests against the fake Slack; and in the console."""

import io
import time
from pathlib import Path

from docx import Document

from bot.console import Console, user_id_of
from bot.services import Services
from tests.bot.conftest import Bot
from tests.bot.test_e2e_conversation import buttons
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.insats_helpers import APPLICATION, CONDITION, SIGNERS, the_insats
from tests.support.fake_slack import Call
from tests.support.roles import grant_forbund
from tests.support.signing import Response
from tests.support.slack_chat import answer_by_key

ALVKARLEBY = "CALVKARLEBY"
MEMBERS = {"UANNA": "kommun sammankallande", "UBERTIL": "AF", "UCECILIA": "FK", "UDAVID": "region"}


def _post(bot: Bot, do: object, channel: str, needle: str = "") -> Call:
    before = {id(c) for c in bot.fake.calls()}
    response = do()  # type: ignore[operator]
    assert isinstance(response, Response) and response.status == 200
    return bot.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: id(c) not in before and c.args.get("channel") == channel and needle in blocks_text(c),
    )[-1]


def _slash(bot: Bot, user: str, text: str, channel: str, needle: str) -> Call:
    return _post(bot, lambda: bot.sim.slash_command(user, ALVKARLEBY, text), channel, needle)


def _click(bot: Bot, user: str, call: Call, label: str, needle: str = "") -> Call:
    element = buttons(call)[label]
    channel = call.args["channel"]
    return _post(
        bot,
        lambda: bot.sim.block_action(
            user, channel, element["action_id"], element["value"], message_ts=call.args.get("ts")
        ),
        f"D{user}",
        needle,
    )


def _say(bot: Bot, user: str, text: str, needle: str = "") -> Call:
    return _post(bot, lambda: bot.sim.dm_message(user, text), f"D{user}", needle)


def test_the_alvkarleby_application_from_empty_to_granted_over_slack(bot: Bot) -> None:
    _slash(bot, "UANNA", "koppla Älvkarleby", ALVKARLEBY, "kopplad")
    for user, party in MEMBERS.items():
        _slash(bot, "UANNA", f"medlem <@{user}|{user.lower()}> {party}", ALVKARLEBY, "är medlem")
    grant_forbund(bot.services, "UFORB")
    refused = bot.sim.slash_command("UBERTIL", ALVKARLEBY, "insats ny")
    assert refused.status == 200
    asked = _slash(bot, "UANNA", "insats ny", "DUANNA", "Vad heter insatsen?")
    saved = answer_by_key(bot, "UANNA", asked, APPLICATION)
    assert "är sparad som utkast, 150\u00a0000\u00a0kr" in blocks_text(saved)
    insats_id = the_insats(bot.services).id
    requests = bot.fake.wait_for(
        "chat.postMessage", count=4, predicate=lambda c: "behöver din parts godkännande" in blocks_text(c)
    )
    for call in requests[-4:]:
        user = call.args["channel"][1:]
        _click(bot, user, call, "Godkänn för min part", "Vilket namn")
        _say(bot, user, SIGNERS[user][0])
        _say(bot, user, SIGNERS[user][1], "stämmer det här?")
        _say(bot, user, "ja", "Tack! Ditt godkännande")
    to_forbund = bot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: c.args.get("channel") == "DUFORB" and "Bevilja" in str(c.args)
    )[-1]
    assert "Summa" in blocks_text(to_forbund) and "Fyra genomförda lokusgruppsmöten" in blocks_text(to_forbund)
    _click(bot, "UFORB", to_forbund, "Bevilja", "Hur mycket beviljas")
    _say(bot, "UFORB", "ok", "villkor")
    _say(bot, "UFORB", CONDITION, "stämmer det här?")
    before = {id(c) for c in bot.fake.calls()}
    assert bot.sim.dm_message("UFORB", "ja").status == 200
    posted = bot.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: id(c) not in before and c.args.get("channel") == ALVKARLEBY and "Beslut" in blocks_text(c),
    )[-1]
    assert "förbundet beviljar #1 Lokussamordnare Älvkarleby 150\u00a0000\u00a0kr" in blocks_text(posted)
    assert the_insats(bot.services).status == "granted"

    element = buttons(posted)["Beslutet som Word-fil"]
    assert bot.sim.block_action("UANNA", ALVKARLEBY, element["action_id"], element["value"]).status == 200
    deadline = time.monotonic() + 5
    while not (files := [f for f in bot.fake.uploaded_files() if f.filename.endswith(".docx")]):
        assert time.monotonic() < deadline, "no decision uploaded"
        time.sleep(0.02)
    paragraphs = [p.text for p in Document(io.BytesIO(files[-1].content)).paragraphs]
    assert paragraphs[:3] == ["Lokussamordnare Älvkarleby", "Förslag till beslut", "Förbundsstyrelsen föreslås besluta"]

    assert bot.sim.slash_command("UCECILIA", ALVKARLEBY, "insatser").status == 200
    listed = bot.fake.wait_for("response_url", predicate=lambda c: "Insatser i Älvkarleby" in str(c.args))
    assert "Hittills enligt boten: *0*" in str(listed[-1].args)
    assert insats_id == 1


def test_the_application_in_the_console(services: Services, tmp_path: Path) -> None:
    out = io.StringIO()
    files = tmp_path / "filer"
    console = Console(services, user="anna", channel="alvkarleby", out=out, files_dir=files)
    grant_forbund(services, user_id_of("forbund"), team="TCONSOLE")
    lines = [
        ":som forbund",  # the console learns the name, so the förbund's DMs and buttons are theirs
        ":som anna",
        "/lokus koppla Älvkarleby",
        "/lokus medlem @anna kommun sammankallande",
        "/lokus medlem @bertil AF",
        "/lokus medlem @cecilia FK",
        "/lokus medlem @david region",
        "/lokus insats ny",
        "Lokussamordnare Älvkarleby",
        "2",  # strukturövergripande, by its number
        "kommunen",
        "1 och 2",
        "1 januari 2027",
        "31 december 2026",  # before the start: asked again
        "31 december 2027",
        "20 %",
        "lokussamordnare",
        "Två kompetenshöjande insatser",
        "30 tkr",
        "nej",
        "Fyra genomförda lokusgruppsmöten under året",
        "4",
        "2",
        "nej",
        "Sammankalla, göra dagordning och föra protokoll under fyra lokusgruppsmöten under året",
        "hoppa över",
        "nej",
        "ändra 1 till Lokussamordnare i Älvkarleby",
        "ja",
    ]
    for name in ("bertil", "cecilia", "david", "anna"):
        lines += [f":som {name}", ":a", f"{name.title()} Namn", "hoppa över", "ja"]
    lines += [":som forbund", ":a", "120 000", "hoppa över", "ja", ":som anna", "/lokus insats beslut", ":a"]
    lines += [":som forbund", "/lokus insatser alla 2027"]
    console.run(lines)
    output = out.getvalue()
    assert "Traceback" not in output
    assert "Slutdatumet ligger före startdatumet (1 januari 2027)." in output
    assert "Ändrat: *Insatsens namn* är nu Lokussamordnare i Älvkarleby" in output
    assert "förbundet beviljar #1 Lokussamordnare i Älvkarleby 120 000 kr (ansökt 150 000 kr)" in output.replace(
        "\u00a0", " "
    )
    assert "Strukturövergripande: 120 000 kr – 100 % (riktmärke 30 %)" in output.replace("\u00a0", " ")
    assert "Riksgenomsnitt: 34 % (2015)" in output.replace("\u00a0", " ")
    assert sorted(p.name for p in files.iterdir()) == ["beslut-lokussamordnare-i-alvkarleby-2027.docx"]
