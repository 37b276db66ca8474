"""Every file the bot hands people, made from a sample group, to look at in the programs people use.

    .venv/bin/python scripts/sample_files.py /tmp/lokus-filer            # the files
    .venv/bin/python scripts/sample_files.py /tmp/lokus-filer --pages    # and each DOCX/XLSX page as PNG

Writes the approved and the draft plan (DOCX, Markdown), the case log (XLSX, CSV), the summary charts (a group
with many cases, one with few, one split by unit) and the meeting invitations (called, moved, cancelled).
`--pages` converts the DOCX and XLSX with LibreOffice (`soffice --headless --convert-to pdf`) and renders every
page with poppler (`pdftoppm -png`), for the acceptance check in docs/DEVELOPING.md.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.catalogue import Catalogue, load_messages  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.app import build_router  # noqa: E402
from handlers.meetings.names import MeetingAction  # noqa: E402
from handlers.plans.names import PlanAction, pack  # noqa: E402
from handlers.replies import Send  # noqa: E402
from storage import groups as groups_repo  # noqa: E402
from storage import migrate  # noqa: E402
from storage.db import Database  # noqa: E402
from tests.conftest import FakeClock  # noqa: E402
from tests.handlers import test_meetings_schedule as meetings  # noqa: E402
from tests.handlers import test_plan_helpers as plans  # noqa: E402
from tests.support import chat  # noqa: E402
from tests.support.case_factory import CaseSpec, insert_cases, make_group, times, uppsala_example, year_before  # noqa: E402
from tests.support.talk import actor, run  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _services(folder: Path) -> Services:
    settings = Settings(_env_file=None, database_url=f"sqlite:///{folder / 'sample.db'}")  # type: ignore[call-arg]
    database = Database.from_url(settings.database_url)
    migrate.upgrade(database.engine)
    return Services(settings, database, build_router(), settings.handler_config(), FakeClock(NOW))


def _save(folder: Path, sends: list[Send], prefix: str = "", language: str = "sv") -> list[Path]:
    """The files of the sends, made with the words of the language, written to the folder."""
    words = Catalogue(language, load_messages(language), escape=lambda s: s).render
    written = []
    for send in sends:
        for attachment in send.reply.files:
            path = folder / f"{prefix}{attachment.filename}"
            path.write_bytes(attachment.data(words))
            written.append(path)
    return written


def plan_files(folder: Path) -> list[Path]:
    """The Heby verksamhetsplan: a draft with one answer, then written, approved by all four, as documents."""
    services = _services(Path(tempfile.mkdtemp(dir=folder)))
    plans.heby(services)
    plans.command(services, plans.ANNA, "plan ny verksamhetsplan 2028")
    plan_id = plans.the_plan(services).id
    plans.answer(services, plans.BERTIL, plan_id, "mal", {"mal": "Fungerande samverkan mellan parterna."})
    written = _save(folder, plans.command(services, plans.CECILIA, "plan dokument"))
    plans.write_verksamhetsplan(services, plan_id)
    for user, name, organisation in (
        (plans.BERTIL, "Bertil Berg", "Arbetsförmedlingen Norra Uppland"),
        (plans.CECILIA, "Cecilia Ek", "hoppa över"),
        (plans.DAVID, "David Lind", "Region Uppsala"),
        (plans.ANNA, "Anna Ahl", "Heby kommun"),
    ):
        plans.approve(services, user, plan_id, name, organisation)
    written += _save(folder, plans.press(services, plans.ANNA, PlanAction.DOCUMENT, pack(plan_id), plans.HEBY))
    written += _save(
        folder, plans.press(services, plans.ANNA, PlanAction.DOCUMENT, pack(plan_id), plans.HEBY), "en-", "en"
    )
    return written


def case_files(folder: Path) -> list[Path]:
    """Uppsala's 68 cases of 2026 with units and target groups (own ones too) as XLSX and CSV."""
    services = _services(Path(tempfile.mkdtemp(dir=folder)))
    own = {"target_groups": ["psykisk_ohalsa", "nyanlanda", {"code": "egen_unga_vuxna", "label": "Unga vuxna"}]}
    specs = [
        replace(spec, unit=("Rehab", "Etablering", "")[n % 3], target_groups=(*spec.target_groups, "egen_unga_vuxna"))
        if n % 4 == 0
        else spec
        for n, spec in enumerate(uppsala_example())
    ]
    with services.db.unit_of_work() as session:
        group = make_group(session, name="Uppsala", channel="CUPPSALA", settings=own)
        groups_repo.upsert_member(session, group=group, user_id="UANNA", party="kommun", roles=["samordnare"])
        insert_cases(session, group=group, specs=specs)
    written = []
    for file_format in ("xlsx", "csv"):
        sends = chat.command(services, "UANNA", f"ärenden export {file_format}", "CUPPSALA")
        written += _save(folder, sends)
    return written


def chart_files(folder: Path) -> list[Path]:
    """The summary chart of a group with many cases, of one with few, and split by unit (30 cases a party)."""
    services = _services(Path(tempfile.mkdtemp(dir=folder)))
    many = uppsala_example() + year_before(60)
    few = [*times(4, CaseSpec()), CaseSpec(gender="man", party="kommun"), CaseSpec(party="fk")]
    units = [
        CaseSpec(party=party, unit=unit, gender=gender, raised_on=date(2026, 2 + n % 9, 3))
        for party in ("af", "fk", "region", "kommun")
        for n, (unit, gender) in enumerate(
            [("Rehab", "kvinna")] * 14 + [("Rehab", "man")] * 12 + [("Ungdom", "kvinna")] * 2 + [("Ungdom", "man")] * 2
        )
    ]
    months = [CaseSpec(party=("af", "kommun")[n % 2], raised_on=date(2026, 1 + n % 11, 2)) for n in range(31)]
    written = []
    groups = (
        ("Uppsala", "CUPPSALA", many),
        ("Heby", "CHEBY", few),
        ("Tierp", "CTIERP", units),
        ("Knivsta", "CK", months),
    )
    for name, channel, specs in groups:
        with services.db.unit_of_work() as session:
            group = make_group(session, name=name, channel=channel)
            groups_repo.upsert_member(session, group=group, user_id="UANNA", party="kommun", roles=["samordnare"])
            insert_cases(session, group=group, specs=specs)
        for words, prefix in (("sammanfattning i år", ""), ("sammanfattning i år enheter", "enheter-")):
            sends = run(services, actor("UANNA", channel), lambda ctx, w=words: services.router.command(ctx, w))
            written += _save(folder, sends, prefix)
    return written


def meeting_files(folder: Path) -> list[Path]:
    """The invitation of Heby's meeting when called, moved and cancelled."""
    services = _services(Path(tempfile.mkdtemp(dir=folder)))
    meetings.setup_group(services)
    written = _save(folder, meetings.schedule_meeting(services), "1-")
    moved = chat.command(services, meetings.ANNA, "möte flytta torsdag nästa vecka kl 10", "CHEBY")
    written += _save(folder, moved, "2-")
    meeting = str(meetings.stored(services).id)
    written += _save(folder, chat.press(services, meetings.ANNA, MeetingAction.CANCEL_CONFIRM, meeting, "CHEBY"), "3-")
    return written


def pages(paths: list[Path], folder: Path) -> list[Path]:
    """Each DOCX and XLSX converted to PDF by LibreOffice, every page as a PNG."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        raise SystemExit("--pages needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
    out = []
    for path in (p for p in paths if p.suffix in (".docx", ".xlsx")):
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
            check=True,
            capture_output=True,
        )
        pdf = path.with_suffix(".pdf")
        subprocess.run([pdftoppm, "-png", "-r", "80", str(pdf), str(pdf.with_suffix(""))], check=True)
        out += sorted(p for p in folder.glob(f"{pdf.stem}-*.png") if p.stem[len(pdf.stem) + 1 :].isdigit())
    return out


def main() -> None:
    """Write the sample files (and their pages) into the folder given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pages", action="store_true", help="convert DOCX/XLSX to PDF and PNG pages")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    written = plan_files(args.folder) + case_files(args.folder) + chart_files(args.folder) + meeting_files(args.folder)
    if args.pages:
        written += pages(written, args.folder)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
