"""Summaries through services.handle: the exact figures, rounding, small-number protection, who sees what."""

from dataclasses import replace
from datetime import date

import pytest

from bot.catalogue import Catalogue
from bot.services import Services
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed, NotAMember, NotLinked
from handlers.replies import Send, To
from handlers.router import Router
from handlers.summaries import commands
from handlers.summaries.chart import ChartData, chart_data
from handlers.summaries.compile import summary_sends
from handlers.summaries.figures import figure_out, summary_counts
from handlers.summaries.periods import parse_period
from handlers.summaries.suppression import Shown
from handlers.summaries.wording import percent_text
from storage import groups as groups_repo
from storage.case_stats import case_stats
from storage.models import Group
from tests.support.case_factory import CaseSpec, insert_cases, make_group, times, uppsala_example, year_before
from tests.support.roles import grant_forbund
from tests.support.talk import actor, run, text_of

CATALOGUE = Catalogue.for_slack("sv")
UPPSALA, HEBY = "CUPPSALA", "CHEBY"
PNG = b"\x89PNG\r\n\x1a\n"


def add_group(
    services: Services,
    name: str,
    channel: str | None,
    specs: list[CaseSpec],
    members: dict[str, tuple[str, list[str]]],
    settings: dict[str, int] | None = None,
) -> None:
    with services.db.unit_of_work() as session:
        group = make_group(session, name=name, channel=channel, settings=settings)
        for user, (party, roles) in members.items():
            groups_repo.upsert_member(session, group=group, user_id=user, party=party, roles=roles)
        insert_cases(session, group=group, specs=specs)


@pytest.fixture
def uppsala(services: Services) -> Services:
    """Uppsala's 68 cases of 2026 and 60 of 2025; Anna is samordnare, Bertil ledamot."""
    add_group(
        services,
        "Uppsala",
        UPPSALA,
        uppsala_example() + year_before(60),
        {"UANNA": ("kommun", ["samordnare"]), "UBERTIL": ("af", ["ledamot"])},
    )
    return services


def command(services: Services, text: str, user: str = "UBERTIL", channel: str = UPPSALA) -> list[Send]:
    return run(services, actor(user, channel), lambda ctx: services.router.command(ctx, text))


def dm(services: Services, text: str, user: str = "UANNA") -> list[Send]:
    return run(services, actor(user), lambda ctx: services.router.message(ctx, text))


def lines(sends: list[Send]) -> list[str]:
    return [line.strip() for line in text_of(sends).splitlines()]


def test_the_uppsala_figures_are_posted_in_the_channel(uppsala: Services) -> None:
    sends = command(uppsala, "sammanfattning")
    assert [s.to for s in sends] == [To.CHANNEL]
    shown = lines(sends)
    assert shown[0] == "== Lots-ärenden – Uppsala =="
    assert "*68* lots-ärenden har aktualiserats under perioden." in shown
    assert (
        "*Kön:* I 59 av 68 ärenden är könstillhörigheten dokumenterad. Av dessa 59 är 59 % kvinnor (35) "
        "och 41 % män (24)."
    ) in shown
    assert (
        "*Tilläggsresursen:* 24 personer har aktualiserats till tilläggsresursen (35 % av ärendena). "
        "Av dessa är 67 % kvinnor (16) och 33 % män (8)."
    ) in shown
    for line in (
        "Fortfarande öppna: 38 (56 %)",
        "Samma period ett år tidigare: 58",
        "Förändring: 10 fler (17 % ökning)",
        "Arbetsförmedlingen: 20 (29 %)",
        "Försäkringskassan: 12 (18 %)",
        "Region: 14 (21 %)",
        "Kommun: 22 (32 %)",
        "*Ålder* (andel av 60 med känd ålder)",
        "16–29 år (förbundets prioriterade målgrupp): 25 (42 %)",
        "50–64 år: 8 (13 %)",
        "Okänd ålder: 8",
    ):
        assert line in shown


def test_period_note_names_the_period_and_the_one_it_is_compared_with(uppsala: Services) -> None:
    assert lines(command(uppsala, "sammanfattning"))[1] == (
        "(Period: i år (2026), 1 januari 2026 – 23 november 2026. Jämförs med samma period ett år tidigare: "
        "1 januari 2025 – 23 november 2025.)"
    )


def test_lists_come_most_frequent_first_and_small_counts_are_protected(uppsala: Services) -> None:
    shown = lines(command(uppsala, "sammanfattning"))
    targets = shown[
        shown.index("*Målgrupper*, vanligast först (ett ärende kan höra till flera; andel av 68 ärenden)") + 1 :
    ][:5]
    assert targets == [
        "Psykisk ohälsa/funktionsnedsättning: 30 (44 %)",
        "Nyanlända: 12 (18 %)",
        "Unga utan gymnasieutbildning: 10 (15 %)",
        "Långvarigt försörjningsstöd: 9 (13 %)",
        "Aktivitetsersättning: färre än 3",
    ]
    failures = shown[
        shown.index("*Vad som brast i samverkan*, vanligast först (ett ärende kan ha flera; andel av 68 ärenden)") + 1 :
    ][:4]
    assert failures == [
        "Ansvarsfördelning: 28 (41 %)",
        "Information mellan parter: 20 (29 %)",
        "Väntetider: 15 (22 %)",
        "Saknad insats: 5 (7 %)",
    ]


def test_closed_cases_by_outcome_beside_the_national_average_with_complementary_protection(uppsala: Services) -> None:
    shown = lines(command(uppsala, "sammanfattning"))
    assert (
        "*Avslutade:* 30 ärenden avslutades under perioden. 33 % gick till arbete eller studier (10 av 30); "
        "riksgenomsnittet som förbundet jämför med är 34 %."
    ) in shown
    outcomes = shown[shown.index("Ordinarie verksamhet hos en part: 10 (33 %)") :][:6]
    assert outcomes == [
        "Ordinarie verksamhet hos en part: 10 (33 %)",
        "Arbete: 6 (20 %)",
        "Sjukersättning/aktivitetsersättning: 5 (17 %)",
        "Studier: 4 (13 %)",
        "Annat: skyddat",
        "Okänt: färre än 3",
    ]


def test_the_samordnare_gets_exact_numbers_privately_in_a_dm(uppsala: Services) -> None:
    sends = dm(uppsala, "sammanfattning Uppsala")
    assert [s.to for s in sends] == [To.REQUESTER]
    shown = lines(sends)
    assert "Aktivitetsersättning: 2 (3 %)" in shown and "Okänt: 2 (7 %)" in shown and "Annat: 3 (10 %)" in shown
    assert shown[-2] == (
        "(Exakta tal, bara för dig – dela dem inte vidare. I kanalen visas antal under 3 som ”färre än 3”.)"
    )


def test_an_ordinary_member_gets_the_protected_summary_in_a_dm(uppsala: Services) -> None:
    shown = lines(dm(uppsala, "sammanfattning uppsala hösten 2026", user="UBERTIL"))
    assert not any("Exakta tal" in line for line in shown)
    assert any(line.startswith("(Antal under 3 visas som ”färre än 3”") for line in shown)
    period = "(Period: hösten 2026 (höstterminen, augusti–december), 1 augusti 2026 – 23 november 2026."
    assert any(line.startswith(period) for line in shown)


def test_a_period_can_be_asked_for_and_a_bad_one_is_explained(uppsala: Services) -> None:
    shown = lines(command(uppsala, "sammanfattning från 2026-01-01 till 2026-06-30"))
    assert shown[1].startswith("(Period: vald period, 1 januari 2026 – 30 juni 2026.")
    with pytest.raises(DomainError) as raised:
        command(uppsala, "sammanfattning nästa decennium")
    assert raised.value.text.key == "summary.period_unknown"


def test_a_bad_period_holding_a_personnummer_is_not_quoted_back(uppsala: Services) -> None:
    with pytest.raises(DomainError) as raised:
        command(uppsala, "sammanfattning 19121212-1212")
    shown = CATALOGUE.render(raised.value.text)
    assert shown.startswith("Jag förstod inte perioden ”(det du skrev visas inte") and "1212" not in shown


def test_units_are_listed_under_their_party_when_asked_for(services: Services) -> None:
    specs = [
        *times(6, CaseSpec(unit="Rehab")),
        *times(4, CaseSpec(unit="Etablering")),
        CaseSpec(unit="Ungdom"),
        *times(5, CaseSpec(party="fk", gender="man")),
    ]
    add_group(services, "Heby", HEBY, specs, {"UBERTIL": ("af", [])})
    shown = lines(command(services, "sammanfattning i år enheter", channel=HEBY))
    start = shown.index("Arbetsförmedlingen: 11 (69 %)")
    assert shown[start : start + 4] == [
        "Arbetsförmedlingen: 11 (69 %)",
        "• Rehab: 6",
        "• Etablering: skyddat",
        "• Ungdom: färre än 3",
    ]
    after = shown[shown.index("Försäkringskassan: 5 (31 %)") + 1]
    assert after == "Region: 0 (0 %)", "a party whose cases name no unit gets no unit lines"


def test_a_small_group_shows_fewer_than_three_and_no_percentage_for_it(services: Services) -> None:
    specs = [
        *times(8, CaseSpec()),
        CaseSpec(gender="man"),
        *times(2, CaseSpec(gender="annat")),
        *times(3, CaseSpec(gender="ej_dokumenterat")),
    ]
    add_group(services, "Heby", HEBY, specs, {"UBERTIL": ("af", [])})
    shown = lines(command(services, "sammanfattning", channel=HEBY))
    assert (
        "*Kön:* I 11 av 14 ärenden är könstillhörigheten dokumenterad. Av dessa 11 är 73 % kvinnor (8), "
        "färre än 3 män och färre än 3 med annat kön."
    ) in shown


def test_a_lone_small_count_takes_another_with_it_so_it_cannot_be_worked_out(services: Services) -> None:
    specs = [*times(8, CaseSpec()), CaseSpec(gender="man"), *times(3, CaseSpec(gender="ej_dokumenterat"))]
    add_group(services, "Heby", HEBY, specs, {"UBERTIL": ("af", [])})
    text = text_of(command(services, "sammanfattning", channel=HEBY))
    assert "*12* lots-ärenden" in text
    assert "Av dessa 9 är ett skyddat antal kvinnor och färre än 3 män." in text


def test_the_threshold_can_be_set_per_group(services: Services) -> None:
    specs = [*times(8, CaseSpec()), *times(4, CaseSpec(gender="man")), CaseSpec(gender="annat")]
    add_group(services, "Heby", HEBY, specs, {"UBERTIL": ("af", [])}, settings={"small_number_threshold": 5})
    text = text_of(command(services, "sammanfattning", channel=HEBY))
    assert "62 % kvinnor (8), färre än 5 män och färre än 5 med annat kön" in text
    assert "Antal under 5 visas som ”färre än 5”" in text


def test_too_few_cases_are_not_split_up_at_all(services: Services) -> None:
    add_group(services, "Heby", HEBY, [CaseSpec(), CaseSpec(gender="man", referred_tr=True)], {"UBERTIL": ("af", [])})
    sends = command(services, "sammanfattning", channel=HEBY)
    text = text_of(sends)
    assert "*Färre än 3* lots-ärenden har aktualiserats under perioden." in text
    assert "Fördelningen på kön visas inte här" in text and "*Per part:* Fördelningen visas inte här" in text
    assert "Hur många som har aktualiserats till tilläggsresursen visas inte här" in text
    assert "Samma period ett år tidigare: 0" in text and sends[0].reply.files == ()


def test_no_cases_says_so_without_a_chart(services: Services) -> None:
    add_group(services, "Heby", HEBY, [], {"UBERTIL": ("af", [])})
    sends = command(services, "sammanfattning", channel=HEBY)
    assert "Inga lots-ärenden har aktualiserats under perioden." in text_of(sends)
    assert "*Avslutade:* Inga ärenden avslutades under perioden." in text_of(sends)
    assert sends[0].reply.files == ()


def test_the_chart_is_a_png_drawn_in_the_readers_language(uppsala: Services) -> None:
    [send] = command(uppsala, "sammanfattning")
    [chart] = send.reply.files
    assert chart.filename == "lots-arenden-uppsala-2026-01-01-2026-11-23.png"
    seen: list[str] = []

    def words(value: object) -> str:
        seen.append(Catalogue.for_slack("en").render(value))
        return seen[-1]

    assert chart.data(words).startswith(PNG)
    assert "Cases by party and gender" in seen and "Cases by month" in seen and "Women" in seen


def test_only_members_may_post_the_summary_and_the_channel_must_be_linked(uppsala: Services) -> None:
    with pytest.raises(NotAMember):
        command(uppsala, "sammanfattning", user="USTRANGER")
    with pytest.raises(NotLinked):
        command(uppsala, "sammanfattning", channel="CNOWHERE")
    with pytest.raises(NotAMember):
        dm(uppsala, "sammanfattning Uppsala", user="USTRANGER")


def test_a_dm_with_several_groups_asks_which(uppsala: Services) -> None:
    add_group(uppsala, "Heby", HEBY, [], {"UANNA": ("kommun", [])})
    with pytest.raises(DomainError) as raised:
        dm(uppsala, "sammanfattning i år")
    assert raised.value.text.key == "summary.which_group"
    assert "Lots-ärenden – Heby" in text_of(dm(uppsala, "sammanfattning heby i år"))


def test_the_forbund_gets_every_group_together_and_one_line_each(uppsala: Services) -> None:
    add_group(uppsala, "Heby", HEBY, times(5, CaseSpec(gender="man", referred_tr=True)), {})
    grant_forbund(uppsala, "UFORA")
    sends = command(uppsala, "sammanfattning alla", user="UFORA", channel=HEBY)
    assert [s.to for s in sends] == [To.REQUESTER]
    shown = lines(sends)
    assert shown[0] == "== Lots-ärenden – alla grupper =="
    assert "*73* lots-ärenden har aktualiserats under perioden." in shown
    assert "Heby: ärenden: 5 · öppna: 5 · till tilläggsresursen: 5" in shown
    assert "Uppsala: ärenden: 68 · öppna: 38 · till tilläggsresursen: 24" in shown
    with pytest.raises(NotAllowed):
        command(uppsala, "sammanfattning alla", user="UBERTIL")


def test_the_previous_meeting_starts_the_default_period(uppsala: Services) -> None:
    def previous_meeting(ctx: Ctx, group: Group) -> date | None:
        return date(2026, 9, 15)

    uppsala.router = Router([commands.feature(previous_meeting=previous_meeting)])
    shown = lines(command(uppsala, "sammanfattning"))
    assert shown[1].startswith("(Period: sedan förra mötet (15 september 2026), 15 september 2026 – 23 november")


def test_summary_sends_posts_the_protected_summary_in_the_groups_channel(uppsala: Services) -> None:
    def sends_for(ctx: Ctx) -> list[Send]:
        group = groups_repo.find_group_by_channel(ctx.session, team_id="T0LOKUS", channel_id=UPPSALA)
        assert group is not None
        return summary_sends(ctx, group, parse_period("i år", ctx.local_now.date()))

    [send] = run(uppsala, actor("USCHEDULER"), sends_for)
    assert send.to == To.CHANNEL and send.channel_id == UPPSALA and len(send.reply.files) == 1
    assert "Aktivitetsersättning: färre än 3" in text_of([send])


def test_the_summary_reads_in_english_too(uppsala: Services) -> None:
    text = text_of(command(uppsala, "sammanfattning"), language="en")
    assert "Gender is documented in 59 of 68 cases. Of these 59, 59% women (35) and 41% men (24)." in text


def test_protecting_one_tr_case_keeps_the_headline_and_gives_up_the_split(services: Services) -> None:
    specs = [
        *times(9, CaseSpec(referred_tr=True)),
        *times(5, CaseSpec(gender="man", referred_tr=True)),
        CaseSpec(gender="ej_dokumenterat", referred_tr=True),
        *times(10, CaseSpec(gender="man")),
        *times(6, CaseSpec(gender="ej_dokumenterat")),
    ]
    add_group(services, "Heby", HEBY, specs, {"UBERTIL": ("af", [])})
    text = text_of(command(services, "sammanfattning", channel=HEBY))
    assert (
        "*Tilläggsresursen:* 15 personer har aktualiserats till tilläggsresursen (48 % av ärendena). "
        "Fördelningen på kön visas inte, eftersom antalen är för små."
    ) in text


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (35, 59, "59 %"),
        (24, 59, "41 %"),
        (16, 24, "67 %"),
        (8, 24, "33 %"),
        (1, 8, "13 %"),
        (5, 8, "63 %"),
        (1, 3, "33 %"),
        (0, 5, "0 %"),
        (5, 5, "100 %"),
        (1, 300, "under 1 %"),
        (299, 300, "över 99 %"),
    ],
)
def test_percentages_are_whole_numbers_with_halves_rounded_up(part: int, whole: int, shown: str) -> None:
    assert Catalogue.for_console("sv", str).render(percent_text(part, whole)) == shown.replace(" %", "\u00a0%")


def test_the_chart_shows_only_what_may_be_shown(services: Services) -> None:
    may = CaseSpec(party="kommun", raised_on=date(2026, 5, 4))
    specs = [
        *times(10, CaseSpec()),
        *times(4, CaseSpec(gender="man")),
        CaseSpec(party="fk"),
        *times(2, CaseSpec(party="region")),
        *times(6, replace(may, gender="man")),
        *times(5, may),
        replace(may, gender="annat"),
        CaseSpec(raised_on=date(2026, 4, 1)),
    ]
    add_group(services, "Heby", HEBY, specs, {"UBERTIL": ("af", [])})

    def figures_of(ctx: Ctx) -> ChartData | None:
        group = groups_repo.find_group_by_channel(ctx.session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        period = parse_period("i år", ctx.local_now.date())
        stats = case_stats(ctx.session, group_ids=[group.id], start=period.start, end=period.end)
        return chart_data(figure_out(summary_counts(stats, previous=0, months=period.months()), 3))

    data = run(services, actor("UBERTIL", HEBY), figures_of)
    assert data is not None and data.left_out == ("fk", "region"), "two small parties that protect each other"
    bars = {bar.party: bar for bar in data.parties}
    assert set(bars) == {"af", "kommun"}
    assert sum(n for _, n in bars["af"].segments) + bars["af"].protected == 15
    assert sum(n for _, n in bars["kommun"].segments) + bars["kommun"].protected == 12
    assert all(n >= 3 for bar in data.parties for _, n in bar.segments)
    assert bars["kommun"].protected > 0, "the one case of another gender is not drawn on its own"
    months = {(m.year, m.month): m for m in data.months}
    assert months[(2026, 3)].shown == Shown.EXACT and months[(2026, 3)].count == 17
    assert months[(2026, 4)].shown == Shown.SMALL and months[(2026, 5)].shown == Shown.HIDDEN


def test_the_samordnare_raises_the_threshold_and_the_channel_summary_follows(uppsala: Services) -> None:
    said = command(uppsala, "sammanfattning gräns 5", user="UANNA")
    assert [s.to for s in said] == [To.CHANNEL]
    assert text_of(said) == (
        "<@UANNA> ändrade skyddet av små tal i *Uppsala*: antal under 5 visas nu som ”färre än 5” i kanalen."
    )
    shown = lines(command(uppsala, "sammanfattning"))
    assert "Aktivitetsersättning: färre än 5" in shown and "Studier: färre än 5" in shown
    assert not any("färre än 3" in line for line in shown)
    settings = text_of(command(uppsala, "sammanfattning inställningar"))
    assert "antal under 5 visas som ”färre än 5”" in settings
    assert "postas av sig själv 3 dagar före varje möte" in settings


def test_the_automatic_summary_days_are_set_or_turned_off_in_the_channel(uppsala: Services) -> None:
    assert "postas av sig själv dagen före varje möte" in text_of(
        command(uppsala, "sammanfattning dagar 1", user="UANNA")
    )
    assert "postas inte av sig själv" in text_of(command(uppsala, "sammanfattning dagar av", user="UANNA"))
    with uppsala.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=UPPSALA)
        assert group is not None and group.settings["summary_days_before"] == 0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("sammanfattning gräns 2", "summary.threshold_usage"),
        ("sammanfattning gräns fem", "summary.threshold_usage"),
        ("sammanfattning gräns 21", "summary.threshold_usage"),
        ("sammanfattning gräns ²", "summary.threshold_usage"),
        ("sammanfattning dagar 31", "summary.days_usage"),
        ("sammanfattning dagar -2", "summary.days_usage"),
        ("sammanfattning dagar ³", "summary.days_usage"),
    ],
)
def test_bad_settings_are_explained_and_change_nothing(uppsala: Services, text: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        command(uppsala, text, user="UANNA")
    assert raised.value.text.key == key
    with uppsala.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=UPPSALA)
        assert group is not None and group.settings == {}


def test_an_ordinary_member_cannot_change_the_protection(uppsala: Services) -> None:
    with pytest.raises(NotAllowed):
        command(uppsala, "sammanfattning gräns 5", user="UBERTIL")
    assert "antal under 3" in text_of(command(uppsala, "sammanfattning inställningar", user="UBERTIL"))


def test_in_a_group_nobody_manages_yet_a_member_still_cannot(services: Services) -> None:
    add_group(services, "Tierp", "CTIERP", [], {"UBERTIL": ("af", ["ledamot"])})
    for text in ("sammanfattning gräns 5", "sammanfattning dagar av"):
        with pytest.raises(NotAllowed):
            command(services, text, channel="CTIERP")


def test_a_threshold_below_the_deployments_is_never_used(uppsala: Services) -> None:
    with uppsala.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=UPPSALA)
        assert group is not None
        group.settings = {"small_number_threshold": 1}
    assert "Aktivitetsersättning: färre än 3" in lines(command(uppsala, "sammanfattning"))
