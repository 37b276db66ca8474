"""The plan as a canvas in the group's channel, through signed Slack requests against the fake Slack: created when
the plan starts, following every saved section, assignment and approval, and the plan carrying on without one
where the workspace has no canvases."""

import time

from slack_sdk import WebClient

from tests.bot.conftest import Bot
from tests.bot.test_e2e_plans import HEBY, MEDEL, _approve_all, _requests, _setup, _slash, _write
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_plan_helpers import the_plan

SECTIONS = ("mal", "malgrupper", "kon", "struktur", "kompetens")
HEADINGS = (
    "Läget",
    "1. Mål",
    "2. Målgrupper",
    "3. Män och kvinnor",
    "4. Strukturområden",
    "5. Kompetenshöjande insatser",
    "6. Medel",
)


def _canvas_id(bot: Bot, year: int = 2028) -> str:
    """The canvas id the plan keeps, once the bot has stored it after creating the canvas."""
    deadline = time.monotonic() + 5
    while not (canvas_id := the_plan(bot.services, year=year).canvas_id):
        assert time.monotonic() < deadline, "the plan never got its canvas"
        time.sleep(0.02)
    return canvas_id


def _parts(bot: Bot, canvas_id: str) -> dict[str, str]:
    """The canvas's parts by their level-2 heading (what stands above the first heading under "")."""
    parts: dict[str, str] = {}
    for chunk in ("\n" + bot.fake.canvas_text(canvas_id)).split("\n## "):
        heading, _, body = chunk.partition("\n")
        parts[heading.strip() if parts else ""] = body.strip() if parts else chunk.strip()
    return parts


def _shows(bot: Bot, canvas_id: str, heading: str, needle: str) -> str:
    """Wait until the part under the heading holds the text; return the part."""
    deadline = time.monotonic() + 5
    while needle not in (part := _parts(bot, canvas_id).get(heading, "")):
        assert time.monotonic() < deadline, f"{needle!r} never under {heading!r}: {part!r}"
        time.sleep(0.02)
    return part


def _one_heading_per_part(bot: Bot) -> None:
    assert [h for h in _parts(bot, _canvas_id(bot)) if h] == list(HEADINGS)


def test_the_canvas_follows_every_saved_section_assignment_and_approval(bot: Bot) -> None:
    _setup(bot)
    _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "har startat")
    [created] = bot.fake.wait_for("conversations.canvases.create")
    assert created.args["channel_id"] == HEBY and created.args["title"] == "Verksamhetsplan 2028 – Heby"
    canvas_id = _canvas_id(bot)
    assert bot.fake.canvas(canvas_id).channel_canvas
    _one_heading_per_part(bot)
    assert "läses inte tillbaka" in _parts(bot, canvas_id)[""]
    assert "1. Mål: ⬜ saknas · skriver: _ingen än_" in _parts(bot, canvas_id)["Läget"]
    assert _parts(bot, canvas_id)["Läget"].startswith("- Sista dag: 1 september 2027\n")  # no days left to go stale

    _slash(bot, "UANNA", "plan tilldela 1 2 3 4 5 6 <@UANNA|anna>", "har gett")
    _shows(bot, canvas_id, "Läget", "6. Medel: ⬜ saknas · skriver: ![](@UANNA)")
    plan_id = the_plan(bot.services).id
    for number, key in enumerate(SECTIONS, start=1):
        _write(bot, "UANNA", plan_id, key, {key: f"Gruppens svar om {key}."})
        assert f"Gruppens svar om {key}." in _shows(bot, canvas_id, HEADINGS[number], f"svar om {key}")
        _shows(bot, canvas_id, "Läget", f"{number}. {HEADINGS[number][3:]}: ✅ besvarat av ![](@UANNA)")
        for later in HEADINGS[number + 1 :]:  # a section not yet written still says so
            assert "(ej besvarat än)" in _parts(bot, canvas_id)[later]
    _write(bot, "UANNA", plan_id, "medel", MEDEL)
    assert "| Samverkanskoordinator | 75\u00a0% |" in _shows(bot, canvas_id, "6. Medel", "Samverkanskoordinator")
    _shows(bot, canvas_id, "Läget", "Väntar på godkännande från")

    _approve_all(bot, plan_id, _requests(bot))
    status = _shows(bot, canvas_id, "Läget", "Planen är godkänd av alla parter och klar.")
    assert "- Försäkringskassan: godkänd av Cecilia Ek (![](@UCECILIA))" in status
    _one_heading_per_part(bot)
    edits = bot.fake.calls("canvases.edit")
    assert edits and all(c.args["changes"][0].get("section_id") for c in edits)  # part by part, never all


def test_a_workspace_without_canvases_gets_the_plan_without_one_and_is_told_once(bot: Bot) -> None:
    _setup(bot)
    bot.fake.refuse_canvases("free_team_not_allowed")
    told = _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "kunde inte läggas upp som canvas")
    assert "Verksamhetsplan 2028 – Heby" in blocks_text(told)
    _slash(bot, "UANNA", "plan tilldela 1 2 3 4 5 6 <@UANNA|anna>", "har gett")
    _write(bot, "UANNA", the_plan(bot.services).id, "mal", {"mal": "Samverkan."})
    time.sleep(0.2)  # anything the bot would still do after its answers
    assert the_plan(bot.services).canvas_id is None
    assert not bot.fake.calls("canvases.edit") and not bot.fake.calls("canvases.sections.lookup")
    notes = [m for m in bot.fake.messages(HEBY) if "kunde inte läggas upp som canvas" in str(m.get("blocks"))]
    assert len(notes) == 1


def test_a_channel_with_a_canvas_of_its_own_gets_a_canvas_tabbed_beside_it(bot: Bot) -> None:
    client = WebClient(base_url=bot.fake.url, token=bot.fake.bot_token)
    theirs = client.conversations_canvases_create(
        channel_id=HEBY, document_content={"type": "markdown", "markdown": "# Gruppens egen"}
    )["canvas_id"]
    _setup(bot)
    _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "har startat")
    canvas_id = _canvas_id(bot)
    assert canvas_id != theirs and bot.fake.canvas_text(theirs) == "# Gruppens egen"
    [access] = bot.fake.wait_for("canvases.access.set")
    assert access.args["canvas_id"] == canvas_id and bot.fake.canvas(canvas_id).access[HEBY] == "read"
    _one_heading_per_part(bot)


def test_a_heading_changed_by_hand_is_written_back_whole(bot: Bot) -> None:
    _setup(bot)
    _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "har startat")
    canvas_id = _canvas_id(bot)
    client = WebClient(base_url=bot.fake.url, token=bot.fake.bot_token)
    [section] = client.canvases_sections_lookup(canvas_id=canvas_id, criteria={"contains_text": "1. Mål"})["sections"]
    hand = {"type": "markdown", "markdown": "## Våra mål (ändrat för hand)\n\nNågot annat."}
    client.canvases_edit(
        canvas_id=canvas_id, changes=[{"operation": "replace", "section_id": section["id"], "document_content": hand}]
    )
    _slash(bot, "UANNA", "plan tilldela 1 <@UANNA|anna>", "har gett")
    _write(bot, "UANNA", the_plan(bot.services).id, "mal", {"mal": "Samverkan på riktigt."})
    _shows(bot, canvas_id, "1. Mål", "Samverkan på riktigt.")
    assert "ändrat för hand" not in bot.fake.canvas_text(canvas_id)
    _one_heading_per_part(bot)


def test_text_that_looks_like_markup_stays_text_in_the_canvas(bot: Bot) -> None:
    _setup(bot)
    _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "har startat")
    canvas_id = _canvas_id(bot)
    _slash(bot, "UANNA", "plan tilldela 1 <@UANNA|anna>", "har gett")
    _write(bot, "UANNA", the_plan(bot.services).id, "mal", {"mal": "## Ny rubrik ![](@UBERTIL)"})
    part = _shows(bot, canvas_id, "1. Mål", "Ny rubrik")
    assert "\\## Ny rubrik !\\[](@UBERTIL)" in part
    _one_heading_per_part(bot)


def test_a_canvas_deleted_in_slack_leaves_the_plan_working(bot: Bot) -> None:
    _setup(bot)
    _slash(bot, "UANNA", "plan ny verksamhetsplan 2028", "har startat")
    canvas_id = _canvas_id(bot)
    WebClient(base_url=bot.fake.url, token=bot.fake.bot_token).canvases_delete(canvas_id=canvas_id)  # gone in Slack
    _slash(bot, "UANNA", "plan tilldela 1 <@UANNA|anna>", "har gett")
    saved = _write(bot, "UANNA", the_plan(bot.services).id, "mal", {"mal": "Samverkan."})
    assert "Tack!" in blocks_text(saved)
    bot.fake.wait_for("canvases.edit", predicate=lambda c: "section_id" not in c.args["changes"][0])  # tried whole
    assert the_plan(bot.services).sections[0].answers == {"mal": "Samverkan."}
