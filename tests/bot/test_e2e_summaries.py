"""Summaries end to end: signed Slack requests in, the posted compilation and its PNG chart out; the console and
the `lokusbot summary` command print the same figures."""

import argparse
import csv
import io
import re
from pathlib import Path

import pytest

from bot import cli
from bot.cli_summary import print_summary
from bot.console import TEAM as CONSOLE_TEAM
from bot.console import Console
from bot.services import Services
from storage import groups as groups_repo
from tests.bot.conftest import Bot
from tests.bot.test_e2e_platform import blocks_text
from tests.support.case_factory import CaseSpec, insert_cases, make_group, times, uppsala_example, year_before
from tests.support.fake_slack import Call

UPPSALA = "CUPPSALA"
PNG = b"\x89PNG\r\n\x1a\n"
GENDER = (
    "I 59 av 68 ärenden är könstillhörigheten dokumenterad. Av dessa 59 är 59\u00a0% kvinnor (35) "
    "och 41\u00a0% män (24)."
)
REFERRED = (
    "24 personer har aktualiserats till tilläggsresursen (35\u00a0% av ärendena). Av dessa är 67\u00a0% kvinnor (16) "
    "och 33\u00a0% män (8)."
)


def set_up_uppsala(bot: Bot) -> None:
    """Link the channel and add members through Slack, then load the case log straight into the database."""
    for count, text in enumerate(
        ("koppla Uppsala", "medlem <@UANNA|anna> kommun samordnare", "medlem <@UBERTIL|bertil> AF"), start=1
    ):
        bot.sim.slash_command("UANNA", UPPSALA, text)
        bot.fake.wait_for("chat.postMessage", count=count)
    with bot.services.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=UPPSALA)
        assert group is not None
        insert_cases(session, group=group, specs=uppsala_example() + year_before(60))
    bot.fake.reset()


def posted_summary(bot: Bot, channel: str) -> Call:
    [call] = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == channel)
    return call


def test_the_summary_is_posted_in_the_channel_with_its_chart_in_the_thread(bot: Bot) -> None:
    set_up_uppsala(bot)
    assert bot.sim.slash_command("UBERTIL", UPPSALA, "sammanfattning").status == 200
    call = posted_summary(bot, UPPSALA)
    blocks = call.args["blocks"]
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Lots-ärenden – Uppsala", "emoji": True},
    }
    assert {b["type"] for b in blocks} == {"header", "context", "section"}
    text = blocks_text(call)
    assert "*68* lots-ärenden har aktualiserats under perioden." in text
    assert f"*Kön:* {GENDER}" in text and f"*Tilläggsresursen:* {REFERRED}" in text
    assert "*Arbetsförmedlingen*\n20 (29\u00a0%)" in text and "*Aktivitetsersättning*\nfärre än 3" in text
    bot.fake.wait_for("files.completeUploadExternal")
    [chart] = bot.fake.uploaded_files()
    assert chart.content.startswith(PNG) and chart.filename.endswith(".png")
    assert chart.channel_id == UPPSALA and chart.title == "Diagram: Lots-ärenden – Uppsala"
    assert [m["ts"] for m in bot.fake.messages(UPPSALA)] == [chart.thread_ts]


def test_the_samordnare_gets_exact_numbers_in_a_dm_with_the_chart(bot: Bot) -> None:
    set_up_uppsala(bot)
    bot.sim.dm_message("UANNA", "sammanfattning Uppsala i år")
    text = blocks_text(posted_summary(bot, "DUANNA"))
    assert GENDER in text and "*Aktivitetsersättning*\n2 (3\u00a0%)" in text and "Exakta tal, bara för dig" in text
    bot.fake.wait_for("files.completeUploadExternal")
    [chart] = bot.fake.uploaded_files()
    assert chart.channel_id == "DUANNA" and chart.content.startswith(PNG)
    assert bot.fake.messages(UPPSALA) == []


def test_someone_outside_the_group_is_told_kindly_and_nothing_is_posted(bot: Bot) -> None:
    set_up_uppsala(bot)
    bot.sim.slash_command("USTRANGER", UPPSALA, "sammanfattning")
    [call] = bot.fake.wait_for("response_url")
    assert call.args["response_type"] == "ephemeral"
    assert "Du är inte medlem i *Uppsala*" in blocks_text(call)
    assert bot.fake.calls("chat.postMessage") == [] and bot.fake.uploaded_files() == []


def test_a_bad_period_gets_an_explanation_privately(bot: Bot) -> None:
    set_up_uppsala(bot)
    bot.sim.slash_command("UBERTIL", UPPSALA, "sammanfattning i övermorgon")
    [call] = bot.fake.wait_for("response_url")
    assert "Jag förstod inte perioden ”i övermorgon”" in blocks_text(call)
    assert bot.fake.calls("chat.postMessage") == []


def test_the_forbund_roll_up_is_private_and_its_chart_goes_to_the_dm(bot: Bot) -> None:
    set_up_uppsala(bot)
    bot.fake.add_user("UADMIN", is_admin=True)  # a Slack admin gives the förbund role
    bot.sim.slash_command("UADMIN", UPPSALA, "förbund <@UFORA|fora>")
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "DUFORA")
    bot.fake.reset()
    bot.sim.slash_command("UFORA", UPPSALA, "sammanfattning alla")
    [call] = bot.fake.wait_for("response_url")
    text = blocks_text(call)
    assert "Lots-ärenden – alla grupper" in text
    assert "*Uppsala*\närenden: 68 · öppna: 38 · till tilläggsresursen: 24" in text
    bot.fake.wait_for("files.completeUploadExternal")
    assert [f.channel_id for f in bot.fake.uploaded_files()] == ["DUFORA"]
    assert bot.fake.messages(UPPSALA) == []


def uppsala_in_console(services: Services) -> None:
    with services.db.unit_of_work() as session:
        group = make_group(session, name="Uppsala", channel="CUPPSALA", team=CONSOLE_TEAM)
        groups_repo.upsert_member(session, group=group, user_id="UANNA", party="kommun", roles=["samordnare"])
        insert_cases(session, group=group, specs=uppsala_example() + year_before(60))


def test_the_console_shows_the_summary_and_saves_the_chart(services: Services, tmp_path: Path) -> None:
    uppsala_in_console(services)
    out = io.StringIO()
    files = tmp_path / "filer"
    Console(services, user="anna", channel="uppsala", out=out, files_dir=files).run(["/lokus sammanfattning"])
    output = out.getvalue()
    assert "lokusbot i #uppsala:" in output and GENDER in output and REFERRED in output
    [saved] = files.iterdir()
    assert saved.read_bytes().startswith(PNG) and f"Fil sparad: {saved}" in output


def cli_args(**given: object) -> argparse.Namespace:
    defaults: dict[str, object] = {
        "group": "Uppsala",
        "period": "",
        "team": CONSOLE_TEAM,
        "units": False,
        "exact": False,
        "chart": None,
    }
    return argparse.Namespace(**(defaults | given))


def test_the_terminal_prints_the_same_figures_as_markdown(services: Services, tmp_path: Path) -> None:
    uppsala_in_console(services)
    out, errors = io.StringIO(), io.StringIO()
    chart = tmp_path / "uppsala.png"
    assert print_summary(services, cli_args(chart=chart), out=out, errors=errors) == 0
    markdown = out.getvalue()
    assert markdown.startswith("## Lots-ärenden – Uppsala\n\n> Period: i år (2026), 1 januari 2026 – 23 november")
    assert f"**Kön:** {GENDER}" in markdown and f"**Tilläggsresursen:** {REFERRED}" in markdown
    assert (
        "- **Arbetsförmedlingen:** 20 (29\u00a0%)" in markdown and "- **Aktivitetsersättning:** färre än 3" in markdown
    )
    assert "- **Förändring:** 10 fler (17\u00a0% ökning)" in markdown
    assert chart.read_bytes().startswith(PNG) and str(chart) in errors.getvalue()
    out = io.StringIO()
    assert print_summary(services, cli_args(exact=True, period="hösten 2026"), out=out, errors=errors) == 0
    assert (
        "> Period: hösten 2026 (höstterminen, augusti–december), 1 augusti 2026 – 23 november 2026." in out.getvalue()
    )
    assert "Exakta tal" in out.getvalue() and "bifogas" not in out.getvalue()


def test_the_terminal_explains_an_unknown_group_or_period(services: Services) -> None:
    uppsala_in_console(services)
    errors = io.StringIO()
    assert print_summary(services, cli_args(group="Knivsta"), out=io.StringIO(), errors=errors) == 1
    assert errors.getvalue() == "Det finns ingen grupp som heter ”Knivsta”. Grupper: Uppsala.\n"
    assert print_summary(services, cli_args(period="snart"), out=io.StringIO(), errors=errors) == 1
    assert "Jag förstod inte perioden ”snart”" in errors.getvalue()


def test_lokusbot_summary_runs_from_the_command_line(
    database_url: str, services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with services.db.unit_of_work() as session:
        group = make_group(session, name="Tierp", channel=None, team="TTIERP")
        insert_cases(session, group=group, specs=times(7, CaseSpec(raised_on=CaseSpec().raised_on)))
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert (
        cli.main(["summary", "--group", "tierp", "--team", "TTIERP", "--period", "från 2026-01-01 till 2026-06-30"])
        == 0
    )
    printed = capsys.readouterr().out
    assert printed.startswith("## Lots-ärenden – Tierp\n\n> Period: vald period, 1 januari 2026 – 30 juni 2026.")
    assert "**7** lots-ärenden har aktualiserats under perioden." in printed


def coordinators_log(specs: list[CaseSpec]) -> bytes:
    """The case log as a coordinator keeps it in Excel and saves as CSV: Swedish headers, semicolons, and the
    spellings people actually mix (full names, abbreviations, lower case, en dashes, ja/nej)."""
    parties = {
        "af": ("Arbetsförmedlingen", "AF"),
        "fk": ("Försäkringskassan", "FK"),
        "region": ("Region Uppsala", "regionen"),
        "kommun": ("Uppsala kommun", "Kommunen"),
    }
    units = {"kommun": "Socialtjänsten", "region": "Psykiatrin"}
    genders = {"kvinna": ("Kvinna", "K"), "man": ("Man", "m"), "ej_dokumenterat": ("", "ej dok")}
    targets = {
        "psykisk_ohalsa": "Psykisk ohälsa",
        "nyanlanda": "nyanlända",
        "unga_utan_gymnasium": "Unga",
        "forsorjningsstod": "försörjningsstöd",
        "aktivitetsersattning": "aktivitetsersättning",
    }
    failures = {
        "ansvarsfordelning": "Ansvarsfördelning",
        "information": "information mellan parter",
        "vantetider": "väntetider",
        "saknad_insats": "saknad insats",
    }
    outcomes = {
        "arbete": "Arbete",
        "studier": "studier",
        "ordinarie": "ordinarie verksamhet",
        "ersattning": "ersättning",
        "annat": "annat",
        "okant": "okänt",
    }
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        (
            "Datum",
            "Part",
            "Enhet",
            "Kön",
            "Åldersgrupp",
            "Målgrupper",
            "Brister",
            "Tilläggsresurs",
            "Status",
            "Utfall",
            "Avslutad",
        )
    )
    for n, spec in enumerate(specs):
        pick = n % 2
        writer.writerow(
            (
                spec.raised_on.isoformat(),
                parties[spec.party][pick],
                units.get(spec.party, ""),
                genders[spec.gender][pick],
                spec.age_band.replace("-", "–") if pick else spec.age_band,
                "; ".join(targets[code] for code in spec.target_groups),
                "; ".join(failures[code] for code in spec.failures),
                ("Ja", "j")[pick] if spec.referred_tr else "nej",
                "avslutad" if spec.status == "closed" else "pågår",
                outcomes[spec.outcome] if spec.outcome else "",
                spec.closed_on.isoformat() if spec.closed_on else "",
            )
        )
    return ("\ufeff" + out.getvalue()).encode()


def test_a_convenor_reads_the_summary_of_an_imported_case_log(
    bot: Bot, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for count, text in enumerate(("koppla Uppsala", "medlem <@UANNA|anna> kommun samordnare"), start=1):
        bot.sim.slash_command("UANNA", UPPSALA, text)
        bot.fake.wait_for("chat.postMessage", count=count)
    log = tmp_path / "lotsarenden-uppsala.csv"
    log.write_bytes(coordinators_log(uppsala_example() + year_before(60)))
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert cli.main(["import", "cases", str(log), "--group", "Uppsala", "--team", bot.sim.team_id]) == 0
    assert "128 ärenden importerade till LOKUS Uppsala" in capsys.readouterr().out
    bot.fake.reset()

    assert bot.sim.slash_command("UANNA", UPPSALA, "sammanfattning i år").status == 200
    text = blocks_text(posted_summary(bot, UPPSALA))
    assert "*68* lots-ärenden har aktualiserats under perioden." in text
    assert "*Fortfarande öppna*\n38 (56\u00a0%)" in text and "*Förändring*\n10 fler (17\u00a0% ökning)" in text
    assert f"*Kön:* {GENDER}" in text and f"*Tilläggsresursen:* {REFERRED}" in text
    assert "*Arbetsförmedlingen*\n20 (29\u00a0%)" in text and "*Region*\n14 (21\u00a0%)" in text, "full names were read"
    assert "*Kommun*\n22 (32\u00a0%)" in text
    assert "*16–29 år (förbundets prioriterade målgrupp)*\n25 (42\u00a0%)" in text
    failures = re.findall(r"\*(Ansvarsfördelning|Information mellan parter|Väntetider|Saknad insats)\*", text)
    assert failures == ["Ansvarsfördelning", "Information mellan parter", "Väntetider", "Saknad insats"]
    assert (
        "30 ärenden avslutades under perioden. 33\u00a0% gick till arbete eller studier (10 av 30); "
        "riksgenomsnittet som förbundet jämför med är 34\u00a0%."
    ) in text
    assert "*Aktivitetsersättning*\nfärre än 3" in text and "*Annat*\nskyddat" in text
    assert not re.search(r"\n[12] \(", text), "no count below 3 is shown in the channel"
    bot.fake.wait_for("files.completeUploadExternal")
    [chart] = bot.fake.uploaded_files()
    assert chart.content.startswith(PNG) and chart.thread_ts == bot.fake.messages(UPPSALA)[0]["ts"]
