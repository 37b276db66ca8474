"""The Älvkarleby application of seed 004 from empty to decided and followed up, as the group and the förbund do it."""

from datetime import UTC, datetime

from bot.services import Services
from handlers.insats.names import InsatsAction
from handlers.replies import To
from storage import audit
from storage.insats_models import FINAL, GRANTED, MIDTERM, SUBMITTED
from tests.conftest import FakeClock
from tests.handlers.insats_helpers import (
    ALVKARLEBY,
    ANNA,
    APPLICATION,
    FORB,
    alvkarleby,
    apply,
    approve_all,
    grant,
    said,
    the_insats,
    tick,
)
from tests.support import chat
from tests.support.chat import command, press


def _hold_meeting(services: Services, clock: FakeClock, day: datetime) -> None:
    """Anna calls a meeting for the next day; the day after, the scheduler marks it held and she writes the minutes."""
    clock.now = day
    command(services, ANNA, "möte imorgon kl 13", ALVKARLEBY)
    chat.answer_flow(services, ANNA, {"place": "Kommunhuset", "length": "ok", "minute_taker": "jag"})
    clock.advance(days=2)
    tick(services)
    chat.answer_flow(services, ANNA, {"minutes": "Lots-ärendena gicks igenom."})


def test_the_alvkarleby_application_from_empty_to_decided_and_followed_up(services: Services, clock: FakeClock) -> None:
    alvkarleby(services)
    saved = said(apply(services))
    assert "Ansökan #1 Lokussamordnare Älvkarleby är sparad som utkast, 150 000 kr." in saved
    insats = the_insats(services)
    assert (insats.applied_kr, insats.kind, insats.owner_party) == (150_000, "struktur", "kommun")
    assert [(g.kind, g.target, g.tie) for g in insats.goals] == [
        ("effekt", 4, "moten"),
        ("insats", 4, "moten"),
        ("insats", 2, ""),
    ]

    sent = approve_all(services, insats.id)
    assert the_insats(services).status == SUBMITTED
    to_forbund = said([s for s in sent if s.to == To.USER and s.user_id == FORB])
    assert "Ny ansökan till förbundet: #1 Lokussamordnare Älvkarleby från Älvkarleby." in to_forbund
    assert "Tjänst: lokussamordnare, 20 % av heltid (schablon 600 000 kr per år): 120 000 kr" in to_forbund
    assert "Två kompetenshöjande insatser: 30 000 kr" in to_forbund
    assert "Summa: 150 000 kr" in to_forbund
    assert "Effektmål: Fyra genomförda lokusgruppsmöten under året (mål: 4" in to_forbund

    decided = grant(services, insats.id)
    channel = said([s for s in decided if s.to == To.CHANNEL])
    assert "förbundet beviljar #1 Lokussamordnare Älvkarleby 150 000 kr (ansökt 150 000 kr)" in channel
    assert "Beslutat av <@UFORB> 23 november 2026." in channel
    insats = the_insats(services)
    assert (insats.status, insats.granted_kr, insats.decided_by) == (GRANTED, 150_000, FORB)
    assert {r.kind: r.due_on.isoformat() for r in insats.reports} == {MIDTERM: "2027-07-02", FINAL: "2028-01-01"}
    with services.db.unit_of_work() as session:
        actions = [e.action for e in audit.entries_for(session, entity="insats", entity_id=insats.id)]
    assert actions == ["insats.create", *["insats.approved"] * 4, "insats.submitted", "insats.granted"]
    shown = said(command(services, ANNA, "insats beslut", ALVKARLEBY))
    assert "förbundet beviljar #1 Lokussamordnare Älvkarleby 150 000 kr" in shown
    assert CONDITION_START in shown

    for day in (datetime(2027, 2, 9, 8, tzinfo=UTC), datetime(2027, 4, 13, 8, tzinfo=UTC)):
        _hold_meeting(services, clock, day)
    listing = said(command(services, ANNA, "insatser", ALVKARLEBY))
    assert "*#1 Lokussamordnare Älvkarleby* – pågår, beviljat 150 000 kr, 1 januari 2027 – 31 december 2027" in listing
    assert (
        "Effektmål: Fyra genomförda lokusgruppsmöten under året (mål: 4, genomförda lokusgruppsmöten under "
        "perioden) Hittills enligt boten: *2*." in listing
    )

    clock.now = datetime(2027, 7, 2, 8, tzinfo=UTC)
    asked = tick(services)
    assert [s.user_id for s in asked if "delrapporten" in said([s])] == [ANNA]
    report_id = next(r.id for r in the_insats(services).reports if r.kind == MIDTERM)
    press(services, ANNA, InsatsAction.REPORT, str(report_id))
    posted = chat.answer_flow(
        services,
        ANNA,
        {
            "mal.1.status": "delvis",
            "mal.1.varde": "ok",
            "mal.1.bra": "Alla parter kommer.",
            "mal.1.mindre": "hoppa över",
            "mal.2.status": "delvis",
            "mal.2.varde": "ok",
            "mal.2.bra": "hoppa över",
            "mal.2.mindre": "hoppa över",
            "mal.3.status": "inte",
            "mal.3.varde": "0",
            "mal.3.bra": "hoppa över",
            "mal.3.mindre": "Ingen lokal bokad än.",
            "nasta": "Två möten och båda kompetensinsatserna under hösten.",
        },
    )
    assert "Delrapport: #1 Lokussamordnare Älvkarleby" in said([s for s in posted if s.to == To.CHANNEL])
    assert [s.user_id for s in posted if s.to == To.USER] == [FORB]

    for day in (datetime(2027, 9, 14, 8, tzinfo=UTC), datetime(2027, 11, 16, 8, tzinfo=UTC)):
        _hold_meeting(services, clock, day)
    clock.now = datetime(2028, 1, 1, 8, tzinfo=UTC)
    assert "slutrapporten" in said(tick(services))
    assert "slutrapporten" not in said(tick(services))  # asked once a week, not every minute
    clock.now = datetime(2028, 1, 8, 8, tzinfo=UTC)
    assert "Påminnelse: slutrapporten om #1 Lokussamordnare Älvkarleby väntar sedan 1 januari 2028." in said(
        tick(services)
    )
    final = next(r.id for r in the_insats(services).reports if r.kind == FINAL)
    intro = said(press(services, ANNA, InsatsAction.REPORT, str(final)))
    assert "Hittills enligt boten: *4*." in intro
    chat.answer_flow(
        services,
        ANNA,
        {
            "mal.1.status": "uppnått",
            "mal.2.status": "uppnått",
            "mal.3.status": "uppnått",
            "mal.3.varde": "2",
            "nasta": "Gruppen söker en fortsättning för 2028.",
        },
    )
    report = next(r for r in the_insats(services).reports if r.kind == FINAL)
    assert report.answers is not None and report.answers["mal.1.varde"] == 4
    clock.now = datetime(2028, 1, 20, 8, tzinfo=UTC)
    assert "slutrapporten" not in said(tick(services))
    assert "avslutad" in said(command(services, ANNA, "insatser", ALVKARLEBY))
    assert APPLICATION["namn"] == the_insats(services).name


CONDITION_START = "*Villkor:* finansieringen av insatsen gäller under förutsättning att förbundet beviljas medel"
